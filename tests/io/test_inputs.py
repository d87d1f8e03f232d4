"""The inputs of an analysis: loading, naming, and the true rates beside synthetic files."""

from __future__ import annotations

import pytest

import airdef
from airdef.analysis.inputs import input_files, input_label, truth_beside
from airdef.io.inputs import load_inputs


def test_load_inputs_accepts_data_a_path_or_paths():
    path = airdef.sample_path("attack_2024-01-23.csv")
    one = load_inputs(path)
    assert load_inputs(one) is one
    with pytest.raises(airdef.DataError, match="given twice|same"):
        load_inputs([path, str(path)])  # the same file twice is refused, never double-counted
    with pytest.raises(ValueError, match="no input: give a StrikeData or at least one file path"):
        load_inputs([])


def test_labels_name_bundled_samples_and_relative_paths(tmp_path):
    assert input_label(str(airdef.sample_path("synthetic.csv"))) == "bundled sample synthetic.csv"
    inside = tmp_path / "sub" / "x.csv"
    assert input_label(str(inside), root=tmp_path) == "sub/x.csv"
    assert input_label("/elsewhere/y.csv", root=tmp_path) == "/elsewhere/y.csv"


def test_input_files_records_each_file():
    data = load_inputs(airdef.sample_path("attack_2024-01-23.csv"))
    (record,) = input_files(data)
    assert record["path"] == "bundled sample attack_2024-01-23.csv"
    assert len(record["sha256"]) == 64 and record["rows_read"] == record["rows_loaded"]


def test_truth_beside_synthetic_sample():
    truth, names = truth_beside(load_inputs(airdef.sample_path("synthetic.csv")))
    assert names == "synthetic.truth.csv"
    assert {"weapon", "true_rate", "reported_rate"} <= set(truth.columns)
    assert truth_beside(load_inputs(airdef.sample_path("attack_2024-01-23.csv"))) == (None, "")
