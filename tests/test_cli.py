"""The command line as a user runs it: exit codes, one-line errors, outputs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from rashomon.pipeline import stream
from rashomon.report import validate
from rashomon.settings import Settings
from tests.conftest import shared_path

STORY = (
    "Bridge reopens after repairs\nDate: 4 June 2024\n\n"
    "The old river bridge in Calder reopened to traffic on Tuesday after eight months of "
    "repairs, the town council said. Engineers replaced two of the three spans, and the "
    "council said the work came in under budget, a figure the opposition disputed."
)
OTHER = (
    "Library extends its hours\n\n"
    "The central library in Calder will open on Sundays from July, the library board "
    "announced, after a petition signed by more than two thousand residents asked for it."
)


def run(
    *args: str, cwd: Path, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    full_env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "rashomon", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=full_env,
        timeout=120,
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "bridge.txt").write_text(STORY, encoding="utf-8")
    (d / "library.txt").write_text(OTHER, encoding="utf-8")
    (d / "empty.txt").write_text("", encoding="utf-8")
    return d


def test_analyze_writes_a_valid_json_report(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    res = run("analyze", str(corpus), "-o", str(out), "--no-db", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    validate(data)
    assert {a["id"]: a["status"] for a in data["articles"]} == {
        "bridge": "ok",
        "empty": "rejected",
        "library": "ok",
    }
    assert "3 inputs: 2 analysed, 0 duplicate, 1 rejected" in res.stderr
    assert "rejected" in res.stderr and "empty input" in res.stderr


def test_nothing_analysable_exits_3_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = run(
        "analyze",
        str(tmp_path / "empty.txt"),
        "--no-db",
        "-o",
        str(tmp_path / "r.json"),
        cwd=tmp_path,
    )
    assert res.returncode == 3
    assert "Traceback" not in res.stderr
    assert "no input could be analysed" in res.stderr


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert run("analyze", cwd=tmp_path).returncode == 2
    assert run(cwd=tmp_path).returncode == 2
    res = run("analyze", "x.txt", "--format", "pdf", cwd=tmp_path)
    assert res.returncode == 2 and "invalid choice" in res.stderr


def test_bad_config_is_one_line_exit_2(corpus: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[rashomon]\nno_such_setting = 1\n", encoding="utf-8")
    res = run("analyze", str(corpus), "--config", str(cfg), cwd=tmp_path)
    assert res.returncode == 2
    assert "Traceback" not in res.stderr
    assert "no_such_setting" in res.stderr


def test_config_file_sets_options(corpus: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text("[rashomon]\nmin-words = 200\n", encoding="utf-8")
    res = run("analyze", str(corpus), "--config", str(cfg), "--no-db", cwd=tmp_path)
    assert res.returncode == 3  # every body is now too short


@pytest.mark.parametrize(
    ("name", "marker"), [("r.md", "# rashomon report"), ("r.html", "<!doctype html>")]
)
def test_output_format_follows_the_extension(
    corpus: Path, tmp_path: Path, name: str, marker: str
) -> None:
    res = run("analyze", str(corpus), "--no-db", "-o", str(tmp_path / name), "-q", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / name).read_text(encoding="utf-8").startswith(marker)
    assert res.stderr == ""


def test_format_flag_writes_markdown_to_stdout(corpus: Path, tmp_path: Path) -> None:
    res = run("analyze", str(corpus), "--no-db", "--format", "md", "-q", cwd=tmp_path)
    assert res.stdout.startswith("# rashomon report")
    assert "Bridge reopens after repairs" in res.stdout


def test_same_input_gives_byte_identical_reports(corpus: Path, tmp_path: Path) -> None:
    """Without a store, with a new one, and from its cache: the same bytes."""
    outs = []
    db = str(tmp_path / "s.db")
    for n, store in enumerate((["--no-db"], ["--no-db"], ["--db", db], ["--db", db])):
        out = tmp_path / f"r{n}.json"
        assert (
            run("analyze", str(corpus), *store, "-o", str(out), "-q", cwd=tmp_path).returncode == 0
        )
        outs.append(out.read_bytes())
    assert outs[1:] == outs[:1] * 3


def test_ingest_twice_adds_nothing_the_second_time(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    first = run("ingest", str(corpus), "--db", db, cwd=tmp_path)
    second = run("ingest", str(corpus), "--db", db, cwd=tmp_path)
    assert first.returncode == 0 and "2 added" in first.stderr
    assert "0 added, 2 already stored" in second.stderr


def test_search_finds_stored_articles(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "s.db")
    run("ingest", str(corpus), "--db", db, "-q", cwd=tmp_path)
    res = run("search", "bridge spans", "--db", db, cwd=tmp_path)
    assert res.returncode == 0
    assert res.stdout.startswith("bridge")
    res = run("search", "petition", "--db", db, "--json", cwd=tmp_path)
    assert [json.loads(line)["id"] for line in res.stdout.splitlines()] == ["library"]


def test_search_without_a_store_says_how_to_make_one(tmp_path: Path) -> None:
    res = run("search", "bridge", "--db", str(tmp_path / "none.db"), cwd=tmp_path)
    assert res.returncode == 2
    assert "rashomon ingest" in res.stderr


def test_analyze_uses_the_default_store_in_the_working_directory(
    corpus: Path, tmp_path: Path
) -> None:
    res = run("analyze", str(corpus), "-q", "-o", str(tmp_path / "r.json"), cwd=tmp_path)
    assert res.returncode == 0
    assert (tmp_path / "rashomon.db").exists()


def test_help_teaches_with_examples(tmp_path: Path) -> None:
    res = run("analyze", "--help", cwd=tmp_path)
    assert res.returncode == 0
    assert (
        "examples:" in res.stdout and "--fetch-linked" in res.stdout and "exit codes" in res.stdout
    )


def test_html_report_escapes_article_text(tmp_path: Path) -> None:
    evil = (
        "<script>alert(1)</script> Headline\n\n"
        "The council said <img src=x onerror=alert(2)> that the bridge reopened on Tuesday "
        "after eight months of repairs and that the work came in under budget."
    )
    (tmp_path / "evil.txt").write_text(evil, encoding="utf-8")
    res = run(
        "analyze",
        str(tmp_path / "evil.txt"),
        "--no-db",
        "-o",
        str(tmp_path / "r.html"),
        cwd=tmp_path,
    )
    assert res.returncode == 0
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_cue_verbs_can_be_added_from_the_command_line(tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text(
        "Exports soar in Varland\n\nThe trade minister of Varland trumpeted that exports had "
        "doubled since last spring, a rise nobody in the capital had expected.\n",
        encoding="utf-8",
    )
    plain = run("analyze", str(article), "--no-db", "-q", cwd=tmp_path)
    assert plain.returncode == 0, plain.stderr
    assert json.loads(plain.stdout)["stories"][0]["attributions"] == []
    lexicon = tmp_path / "cues.toml"
    lexicon.write_text('[cues]\nassert = ["trumpet"]\n', encoding="utf-8")
    res = run("analyze", str(article), "--no-db", "-q", "--cues", str(lexicon), cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    attributions = json.loads(res.stdout)["stories"][0]["attributions"]
    assert [a["cue"] for a in attributions] == ["trumpeted"]
    missing = run("analyze", str(article), "--no-db", "-q", "--cues", "nope.toml", cwd=tmp_path)
    assert missing.returncode == 2 and "not found" in missing.stderr


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_table_formats_write_one_file_per_table_into_the_output_folder(
    corpus: Path, tmp_path: Path, fmt: str
) -> None:
    res = run("analyze", str(corpus), "--no-db", "-q", "--format", fmt, "-o", "t", cwd=tmp_path)
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "t" / f"claims.{fmt}").exists()
    assert (tmp_path / "t" / f"articles.{fmt}").exists()


def test_table_format_without_an_output_folder_is_a_usage_error(
    corpus: Path, tmp_path: Path
) -> None:
    res = run("analyze", str(corpus), "--no-db", "--format", "csv", cwd=tmp_path)
    assert res.returncode == 2
    assert "folder" in res.stderr and "Traceback" not in res.stderr


# `rashomon stance` on the real scraped articles of ../shared/examples/karabakh-2020.
DISCUSSED = "Turkey sent fighters to Karabakh"
UNRELATED = "A lion escaped from the Marlow city zoo"
STANCES = {"asserts", "denies", "reports", "unrelated"}


def _stance_json(claim: str, where: Path, cwd: Path) -> dict[str, Any]:
    res = run("stance", claim, str(where), "--json", "--no-db", "-q", cwd=cwd)
    assert res.returncode == 0, res.stderr
    data: dict[str, Any] = json.loads(res.stdout)
    return data


@pytest.fixture(scope="module")
def karabakh_stances(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    where = shared_path("examples", "karabakh-2020")
    cwd = tmp_path_factory.mktemp("stance")
    return {claim: _stance_json(claim, where, cwd) for claim in (DISCUSSED, UNRELATED)}


def test_stance_of_an_unrelated_claim_is_unrelated_for_every_article(
    karabakh_stances: dict[str, dict[str, Any]],
) -> None:
    articles = karabakh_stances[UNRELATED]["articles"]
    assert len(articles) == len(list(shared_path("examples", "karabakh-2020").glob("*.txt")))
    assert {a["stance"] for a in articles} == {"unrelated"}
    assert all(a["evidence"] is None for a in articles)


def test_stance_of_a_discussed_claim_quotes_a_sentence_of_each_related_article(
    karabakh_stances: dict[str, dict[str, Any]],
) -> None:
    related = [a for a in karabakh_stances[DISCUSSED]["articles"] if a["stance"] != "unrelated"]
    assert len(related) >= 3
    where = shared_path("examples", "karabakh-2020")
    cleaned = {a.id: a.text for a in stream([str(where)], Settings(quiet=True))}
    for a in related:
        assert a["evidence"], a
        assert a["evidence"] in cleaned[a["id"]]


def test_stance_json_gives_each_article_its_stance_relatedness_and_source(
    karabakh_stances: dict[str, dict[str, Any]],
) -> None:
    data = karabakh_stances[DISCUSSED]
    assert data["claim"] == DISCUSSED and data["skipped"] == []
    for a in data["articles"]:
        assert set(a) == {
            "id", "title", "outlet", "url", "published", "source",
            "stance", "relatedness", "evidence", "actor",
        }  # fmt: skip
        assert a["stance"] in STANCES and 0 <= a["relatedness"] <= 1
    related = [a for a in data["articles"] if a["stance"] != "unrelated"]
    assert min(a["relatedness"] for a in related) > max(
        a["relatedness"] for a in karabakh_stances[UNRELATED]["articles"]
    )


def test_stance_prints_a_table_with_the_claim_and_each_article(
    corpus: Path, tmp_path: Path
) -> None:
    res = run("stance", "The Calder bridge reopened after repairs", str(corpus), "--no-db",
              cwd=tmp_path)  # fmt: skip
    assert res.returncode == 0, res.stderr
    assert res.stdout.startswith("claim: The Calder bridge reopened after repairs")
    lines = res.stdout.splitlines()
    rows = [line.split() for line in lines if line.split()[:1] and line.split()[0] in STANCES]
    by_article = {row[2]: row[0] for row in rows}
    assert by_article["library"] == "unrelated"
    assert by_article["bridge"] in {"asserts", "reports"}
    assert "3 inputs: 2 analysed, 0 duplicate, 1 rejected" in res.stderr
    assert "empty input" in res.stderr


def test_stance_refuses_a_claim_without_words_in_one_line(corpus: Path, tmp_path: Path) -> None:
    res = run("stance", "it is", str(corpus), "--no-db", cwd=tmp_path)
    assert res.returncode == 2
    assert res.stderr.count("\n") == 1 and "E015" in res.stderr and "Traceback" not in res.stderr


def test_stance_with_no_readable_input_exits_3(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    res = run("stance", DISCUSSED, str(tmp_path / "empty.txt"), "--no-db", cwd=tmp_path)
    assert res.returncode == 3 and res.stdout == ""
    assert "no input could be analysed" in res.stderr and "empty input" in res.stderr


def test_stance_help_teaches_with_an_example(tmp_path: Path) -> None:
    res = run("stance", "--help", cwd=tmp_path)
    assert res.returncode == 0
    assert 'rashomon stance "' in res.stdout and "exit codes" in res.stdout
