"""Text reports through airdef.load, and the ``airdef parse`` command."""

from __future__ import annotations

import json

import pandas as pd
import pytest

import airdef
from airdef.cli import main
from airdef.io.text import NoCountsWarning, load_text
from tests.io.text.helpers import assert_spans

TWO_REPORTS = (
    "published: 2024-01-23\n"
    "source: https://www.example.org/news/1\n"
    "Russia on Tuesday launched 20 Shahed drones; 18 were shot down over Kyiv.\n"
    "---\n"
    "published: 2024-02-07\n"
    "title: Missiles hit Kharkov\n"
    "Russia fired 5 Kinzhal missiles at Kharkov overnight, killing two people.\n"
)


@pytest.fixture
def two_reports(tmp_path):
    path = tmp_path / "reports.txt"
    path.write_text(TWO_REPORTS, encoding="utf-8")
    return path


def test_load_gives_one_attack_per_report(two_reports):
    data = airdef.load(two_reports)
    ev = data.events
    assert data.attacks == 2
    assert ev["source_row"].tolist() == [1, 2]
    assert ev["source"].tolist() == ["https://www.example.org/news/1", "reports.txt"]
    assert ev["reporter"].tolist() == ["example.org", "text"]
    assert ev["origin"].tolist() == [str(two_reports)] * 2
    assert [str(t.date()) for t in ev["time_start"]] == ["2024-01-23", "2024-02-07"]
    assert data.casualties["city"].tolist() == ["Kharkiv"]
    assert data.casualties["attack_id"].tolist() == [ev["attack_id"].iloc[1]]
    assert data.provenance["format"].tolist() == ["text"]
    # The title line is metadata, not a report sentence: it gives no counts.
    assert not data.evidence["sentence"].str.contains("Missiles hit").any()
    assert_spans(TWO_REPORTS, data)


def test_load_text_with_an_encoding(tmp_path):
    path = tmp_path / "latin.txt"
    path.write_bytes(
        "Russia launched 12 drones on Monday \u2013 caf\u00e9.".encode("latin-1", "replace")
    )
    data = load_text(path, encoding="latin-1")
    assert data.events["launched"].tolist() == [12]


def test_empty_text_file_warns(tmp_path):
    path = tmp_path / "empty.txt"
    path.write_text("The weather in Kyiv was mild.\n", encoding="utf-8")
    with pytest.warns(
        NoCountsWarning, match=r"empty.txt: report 1: no weapon or casualty counts found"
    ):
        data = airdef.load(path)
    assert len(data.events) == 0 and len(data.casualties) == 0


def test_missing_file_is_a_data_error(tmp_path):
    with pytest.raises(airdef.DataError, match=r"nope.txt: no such file"):
        load_text(tmp_path / "nope.txt")


def test_parse_command_prints_counts_with_evidence(two_reports, capsys):
    assert main(["parse", str(two_reports)]) == 0
    out = capsys.readouterr().out
    assert "report 1: attack text:2024-01-23:" in out
    assert 'Shahed drones: launched = 20 (exact)  "20 Shahed drones"' in out
    assert "| Russia on Tuesday launched 20 Shahed drones; 18 were shot down over Kyiv." in out
    assert "Kharkiv" in out and "killed = 2 (exact)" in out


def test_parse_command_options_and_formats(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text("Air defences shot down 21 of 23 Kh-101 missiles on Friday.", encoding="utf-8")
    assert (
        main(["parse", str(path), "--published", "2023-04-28", "--source", "agency", "-o", "json"])
        == 0
    )
    tables = json.loads(capsys.readouterr().out)
    assert set(tables) == {"events", "casualties", "evidence"}
    assert tables["events"][0]["launched"] == 23 and tables["events"][0]["source"] == "agency"
    assert tables["events"][0]["time_start"].startswith("2023-04-28")
    assert main(["parse", str(path), "--output", "csv"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("attack_id,table,label,field,value,qualifier,start,end,quote")
    assert len(lines) == 3  # intercepted and launched; no date without a publication date


def test_parse_command_errors_are_one_line(tmp_path, capsys):
    assert main(["parse", str(tmp_path / "missing.txt")]) == 2
    err = capsys.readouterr().err.strip()
    assert err == f"airdef parse: error: {tmp_path / 'missing.txt'}: no such file"
    path = tmp_path / "r.txt"
    path.write_text("Russia launched 12 drones.", encoding="utf-8")
    assert main(["parse", str(path), "--published", "next week"]) == 2
    assert "--published must be a date YYYY-MM-DD, not 'next week'" in capsys.readouterr().err


def test_parse_command_with_nothing_countable(tmp_path, capsys):
    path = tmp_path / "none.txt"
    path.write_text("NATO ministers met in Brussels on Tuesday.", encoding="utf-8")
    assert main(["parse", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out.strip() == "no weapon or casualty counts found"
    assert "warning:" in captured.err and "no weapon or casualty counts found" in captured.err


def test_load_command_reads_text_reports(two_reports, tmp_path, capsys):
    out = tmp_path / "canonical.csv"
    assert main(["load", str(two_reports), "--out", str(out)]) == 0
    assert "rows read 3" in capsys.readouterr().out
    back = airdef.load(out)
    assert back.events["launched"].tolist() == [20, 5]
    assert back.evidence["quote"].str.len().gt(0).all()


# Two Air Force posts as news sites quote them (reports_dev_uk.json, dev_uk_25 and dev_uk_26).
POST_1 = (
    "published: 2025-08-23\n"
    "Російська армія протягом атакувала Україну 49 ударними безпілотниками типу Shahed і "
    "безпілотниками-імітаторами, повідомляє командування Повітряних сил вранці 23 серпня.\n"
    "«За попередніми даними, станом на 08.30, протиповітряною обороною збито/подавлено 36 ворожих "
    "БпЛА типу Shahed і дронів-імітаторів різних типів на півночі, сході та в центрі країни», – "
    "повідомляють військові.\n"
    "Повітряні сили зафіксували влучання 13 безпілотників у семи локаціях на Донеччині.\n"
)
POST_2 = (
    "published: 2025-08-24\n"
    'У ніч на 24 серпня Росія атакувала Україну балістичною ракетою "Іскандер-М" і також 72 '
    "безпілотниками різних типів. Як зазначають військові, станом на 08:30, протиповітряною "
    "обороною збито/подавлено 48 дронів різних типів на півночі, сході та півдні країни.\n"
)


def test_parse_a_folder_of_posts_to_canonical_and_back(tmp_path, capsys):
    posts = tmp_path / "posts"
    (posts / "august").mkdir(parents=True)
    (posts / "august" / "23.txt").write_text(POST_1, encoding="utf-8")
    (posts / "24.txt").write_text(POST_2, encoding="utf-8")
    out = tmp_path / "table.csv"
    assert main(["parse", str(posts), "--out", str(out)]) == 0
    err = capsys.readouterr().err
    assert "2 file(s): 3 weapon rows" in err
    back = airdef.load(out)
    ev = back.events.sort_values(["time_start", "weapon_class"])
    # (day, class, launched, intercepted) as the posts state them
    assert [
        (str(t.date()), c, int(launched), None if intercepted is pd.NA else int(intercepted))
        for t, c, launched, intercepted in zip(
            ev["time_start"], ev["weapon_class"], ev["launched"], ev["intercepted"], strict=True
        )
    ] == [
        ("2025-08-23", "strike_drone", 49, 36),
        ("2025-08-24", "ballistic_missile", 1, None),
        ("2025-08-24", "strike_drone", 72, 48),
    ]
    evidence = pd.read_csv(tmp_path / "table.evidence.csv")
    # "збито/подавлено" counts shot down and suppressed together: the rows say so
    assert (evidence["field"] == "intercept_definition").sum() == 2
    # "влучання 13" is a count of hits, never launched or intercepted
    hits = evidence.loc[evidence["field"] == "hits"]
    assert hits["value"].astype(str).tolist() == ["13"]
    assert main(["rates", str(out)]) == 0
    assert "strike_drone" in capsys.readouterr().out


def test_parse_an_empty_folder_is_a_data_error(tmp_path, capsys):
    assert main(["parse", str(tmp_path)]) == 2
    assert "no .txt files" in capsys.readouterr().err
