"""The examples of docs/library.md run as doctests, so the library's documentation stays true."""

from __future__ import annotations

import doctest
from pathlib import Path

import pytest

LIBRARY_DOC = Path(__file__).resolve().parents[1] / "docs" / "library.md"


@pytest.mark.model
def test_library_doc_examples_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # the examples create news.db in the working folder
    result = doctest.testfile(str(LIBRARY_DOC), module_relative=False,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 20
    assert result.failed == 0
