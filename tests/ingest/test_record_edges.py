"""JSON-lines edge cases that used to lose records silently (issue #13)."""

from __future__ import annotations

import json
from pathlib import Path

from newsevents import pipeline
from newsevents.config import Settings
from newsevents.store import Store

FIRST = {"id": "a1", "text": "Russia rejected the plan on Monday, officials said."}
LAST = {"id": "a3", "text": "Egypt rejected the proposal on Friday, its ministry said."}


def _ingest(tmp_path: Path, lines: list[str]) -> tuple[pipeline.IngestReport, dict[str, str]]:
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with Store(tmp_path / "x.db") as store:
        report = pipeline.ingest([str(feed)], store, Settings())
        texts = {a.id: a.text for a in store.iter_articles()}
    return report, texts


def test_a_huge_number_is_a_problem_on_its_line_and_the_file_goes_on(tmp_path: Path) -> None:
    huge = '{"id": ' + "9" * 5000 + ', "text": "Turkey hosted talks with Iran."}'
    report, texts = _ingest(tmp_path, [json.dumps(FIRST), huge, json.dumps(LAST)])
    assert sorted(texts) == ["a1", "a3"]
    assert [(p.line, "invalid JSON" in p.message) for p in report.errors] == [(2, True)]


def test_an_id_stored_with_another_text_is_a_problem_not_already_stored(tmp_path: Path) -> None:
    other = {"id": "a1", "text": "Turkey hosted talks with Iran in Ankara on Tuesday."}
    report, texts = _ingest(tmp_path, [json.dumps(FIRST), json.dumps(LAST), json.dumps(other)])
    assert texts["a1"] == FIRST["text"]
    assert report.existing == []
    assert len(report.errors) == 1 and "already stored with another text" in str(report.errors[0])


def test_the_same_record_twice_is_already_stored(tmp_path: Path) -> None:
    report, _ = _ingest(tmp_path, [json.dumps(FIRST), json.dumps(FIRST)])
    assert report.existing == ["a1"] and not report.errors
