"""iter_inputs: folders, globs, stdin and every kind of bad file, without ever raising."""

from __future__ import annotations

import io
import os
import shutil
from pathlib import Path

import pytest

from newsevents.ingest import iter_inputs
from newsevents.models import Article, Problem, Severity

DATA = Path(__file__).parent / "data"
GOOD_TEXT = "Talks resume in Geneva\n\nEnvoys from both sides resumed talks on Monday.\n"


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, bytes):
        path.write_bytes(data)
    else:
        path.write_text(data, encoding="utf-8")
    return path


@pytest.fixture
def mixed_folder(tmp_path: Path) -> Path:
    write(tmp_path / "a_good.txt", GOOD_TEXT)
    write(tmp_path / "b_binary.txt", b"\x00\x01\x02\x03GIF89a\x00\x00")
    write(tmp_path / "c_empty.txt", b"")
    lines = [
        '{"id": "k1", "text": "The harbour reopened on Friday."}',
        '{"id": "k2", "text": "broken line" "here"}',
        '{"id": "k3", "text": "Grain ships left port on Saturday."}',
    ]
    write(tmp_path / "d_records.jsonl", "\n".join(lines) + "\n")
    write(tmp_path / "sub" / "e_more.txt", "Ceasefire holds\n\nThe ceasefire held overnight.\n")
    write(tmp_path / ".hidden.txt", GOOD_TEXT)
    write(tmp_path / ".cache" / "f.txt", GOOD_TEXT)
    return tmp_path


def test_iter_inputs_folder_yields_good_articles(mixed_folder: Path) -> None:
    found = list(iter_inputs([str(mixed_folder)]))
    titles_or_ids = [item.title or item.id for item in found if isinstance(item, Article)]
    assert titles_or_ids == ["Talks resume in Geneva", "k1", "k3", "Ceasefire holds"]


def test_iter_inputs_folder_names_bad_files_in_problems(mixed_folder: Path) -> None:
    found = [item for item in iter_inputs([str(mixed_folder)]) if isinstance(item, Problem)]
    assert [(Path(item.path).name, item.message.split(":")[0], item.line) for item in found] == [
        ("b_binary.txt", "binary file, not text", None),
        ("c_empty.txt", "empty file", None),
        ("d_records.jsonl", "invalid JSON", 2),
    ]


def test_iter_inputs_skips_hidden_files_and_folders(mixed_folder: Path) -> None:
    parts = [
        Path(item.path or "").relative_to(mixed_folder).parts
        for item in iter_inputs([str(mixed_folder)])
    ]
    assert not [part for found in parts for part in found if part.startswith(".")]


def test_iter_inputs_reads_glob_pattern_in_sorted_order(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", "c.csv"):
        write(tmp_path / name, GOOD_TEXT)
    found = list(iter_inputs([str(tmp_path / "*.txt")]))
    assert [Path(item.path or "").name for item in found] == ["a.txt", "b.txt"]


def test_iter_inputs_reads_stdin_as_jsonl() -> None:
    stdin = io.StringIO('{"id": "s1", "text": "Talks resumed."}\n')
    assert [item.id for item in iter_inputs(["-"], stdin=stdin) if isinstance(item, Article)] == [
        "s1"
    ]


@pytest.mark.parametrize(
    ("name", "data", "message", "severity"),
    [
        ("report.pdf", b"%PDF-1.4", "unsupported file type '.pdf'", Severity.ERROR),
        ("README", b"text", "unsupported file type (no extension)", Severity.ERROR),
        (
            "page.html",
            (DATA / "menu_only.html").read_bytes(),
            "no article text found",
            Severity.ERROR,
        ),
        ("headline.txt", b"Only a headline\n", "headline but no body text", Severity.ERROR),
        ("bad.csv", b"id,body\n1,x\n", "CSV header has no 'text' column", Severity.ERROR),
        (
            "bad.json",
            b"[{]",
            "invalid JSON: Expecting property name enclosed in double quotes",
            Severity.ERROR,
        ),
    ],
)
def test_iter_inputs_reports_bad_named_file(
    tmp_path: Path, name: str, data: bytes, message: str, severity: Severity
) -> None:
    path = write(tmp_path / name, data)
    assert list(iter_inputs([str(path)])) == [
        Problem(str(path), message, 1 if name.endswith((".csv", ".json")) else None, severity)
    ]


def test_iter_inputs_warns_on_unsupported_file_in_folder(tmp_path: Path) -> None:
    write(tmp_path / "scan.pdf", b"%PDF-1.4")
    [problem] = list(iter_inputs([str(tmp_path)]))
    assert (problem.message, problem.severity) == ("unsupported file type '.pdf'", Severity.WARNING)  # type: ignore[union-attr]


def test_iter_inputs_yields_cp1252_article_with_warning(tmp_path: Path) -> None:
    path = write(tmp_path / "old.txt", "Talks resume\n\nHe said \u201cno\u201d.\n".encode("cp1252"))
    found = list(iter_inputs([str(path)]))
    assert [type(item) for item in found] == [Problem, Article]
    assert found[0] == Problem(
        str(path), "not valid UTF-8 (byte 22); decoded as cp1252", None, Severity.WARNING
    )


@pytest.mark.parametrize("given", ["missing.txt", "missing/*.txt"])
def test_iter_inputs_reports_missing_path(tmp_path: Path, given: str) -> None:
    [problem] = list(iter_inputs([str(tmp_path / given)]))
    assert isinstance(problem, Problem) and problem.path == str(tmp_path / given)


def test_iter_inputs_reports_unreadable_file(tmp_path: Path) -> None:
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    [problem] = list(iter_inputs([str(tmp_path)]))
    assert isinstance(problem, Problem) and problem.message.startswith("cannot read file")


def test_iter_inputs_reports_permission_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path / "locked.txt", GOOD_TEXT)

    def refuse(self: Path, *args: object, **kwargs: object) -> bytes:
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", refuse)
    assert list(iter_inputs([str(path)])) == [
        Problem(str(path), "cannot read file: Permission denied")
    ]


def test_iter_inputs_reads_every_fixture_kind() -> None:
    kinds = {
        Path(item.path or "").suffix
        for item in iter_inputs([str(DATA)])
        if isinstance(item, Article)
    }
    assert kinds == {".txt", ".html", ".jsonl", ".json", ".csv"}


def test_iter_inputs_reads_copied_fixture_folder_the_same(tmp_path: Path) -> None:
    shutil.copytree(DATA, tmp_path / "copy")
    original = [item.id for item in iter_inputs([str(DATA)]) if isinstance(item, Article)]
    copied = [
        item.id for item in iter_inputs([str(tmp_path / "copy")]) if isinstance(item, Article)
    ]
    assert copied == original


def test_input_bytes_sums_the_files_found_until_enough(tmp_path: Path) -> None:
    from newsevents.ingest import input_bytes

    folder = tmp_path / "in"
    write(folder / "a.txt", "x" * 300)
    write(folder / "sub" / "b.html", "y" * 200)
    write(folder / ".hidden.txt", "z" * 1000)  # not read, not counted
    single = write(tmp_path / "c.txt", "w" * 50)
    given = [str(folder), str(single), "-", str(tmp_path / "missing.txt")]
    assert input_bytes(given, 10_000) == 550
    assert input_bytes(given, 100) == 300  # stops at the first file that reaches it
    assert input_bytes([str(tmp_path / "*.txt")], 10_000) == 50
