import airdef


def test_version():
    assert airdef.__version__
