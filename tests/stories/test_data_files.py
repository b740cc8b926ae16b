"""Every file in data/stories loads and has the shape its header promises."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.config import DATA_DIR
from newsevents.evaluation.rouge import irregular_forms, stopwords
from newsevents.stories import centrality

STORIES_DATA = DATA_DIR / "stories"


def data_lines(path: Path) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.startswith("#")]


@pytest.mark.parametrize("path", sorted(STORIES_DATA.glob("*.t*")), ids=lambda p: p.name)
def test_stories_data_file_has_a_header_and_even_rows(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    widths = {len(line.split("\t")) for line in data_lines(path)}
    assert text.startswith("#") and len(widths) == 1


def test_stopwords_load_as_lower_case_words() -> None:
    words = stopwords()
    assert len(words) == 543 and all(w.isalnum() and w == w.lower() for w in words)


def test_stopwords_are_shared_with_centrality() -> None:
    assert centrality.stopwords() == stopwords()


def test_irregular_forms_load_as_long_lower_case_pairs() -> None:
    forms = irregular_forms()
    assert forms and all(len(f) > 3 and f.isalpha() and f.islower() and b.isalpha()
                         for f, b in forms.items())


def test_irregular_forms_have_one_base_each() -> None:
    rows = [line.split("\t")[0] for line in data_lines(STORIES_DATA / "irregular_forms.tsv")]
    assert len(rows) == len(set(rows))
