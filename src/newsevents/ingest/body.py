"""Raw article text → headline, clean paragraphs, dateline date and source.

Shared by every reader: a .txt file, the text trafilatura pulls out of HTML and the ``text`` of a
JSONL/CSV record all go through the same boilerplate removal, dateline recognition and paragraph
rules, so every reader hands the pipeline the same kind of ``Article.text``: paragraphs separated
by one blank line, without the headline, the dateline prefix or the page furniture.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from newsevents.ingest.boilerplate import strip_boilerplate
from newsevents.ingest.dateline import Dateline, parse_dateline
from newsevents.ingest.tokenised import restore
from newsevents.models import DateValue

MAX_TITLE_CHARS = 200
MAX_TITLE_SENTENCE_WORDS = 20
# Datelines are looked for in this many non-empty lines after the headline.
DATELINE_LINES = 5
# A paragraph hard-wrapped at a fixed width has lines this long (all but its last).
WRAP_MIN_CHARS, WRAP_MAX_CHARS, WRAP_SPREAD_CHARS = 50, 100, 25
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*$")
_INVISIBLE = str.maketrans({"\u00a0": " ", "\u200b": None, "\ufeff": None, "\u2028": "\n"})


@dataclass(frozen=True, slots=True)
class Body:
    title: str | None
    paragraphs: tuple[str, ...]
    date: DateValue | None = None
    source: str | None = None
    cut: tuple[tuple[str, int], ...] = ()  # lines cut per kind ("comments", "furniture")

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def ends_sentence(line: str) -> bool:
    return bool(_SENTENCE_END.search(line.rstrip()))


def is_headline(line: str) -> bool:
    """Whether the first line of a file is its headline rather than the start of its body.

    Headlines are short and seldom end like a sentence. A first line longer than 200 characters,
    or one that ends with sentence punctuation after more than 20 words, is body: the file has
    no headline and the title is None (some sources store only the article body).
    """
    text = line.strip()
    if len(text) > MAX_TITLE_CHARS:
        return False
    return not (ends_sentence(text) and len(text.split()) > MAX_TITLE_SENTENCE_WORDS)


def non_empty(lines: Sequence[str]) -> list[int]:
    return [index for index, line in enumerate(lines) if line.strip()]


def take_leading_datelines(lines: list[str], year: int | None) -> tuple[DateValue | None, bool]:
    """Drop date lines above the headline ("Tuesday, 10 November 2020" then the title).

    Returns the date found and whether the text opens with a place/agency dateline, in which
    case it has no headline: "WASHINGTON (AP) — …" starts the body.
    """
    date: DateValue | None = None
    for index in non_empty(lines)[:2]:
        found = parse_dateline(lines[index], year)
        if found is None:
            break
        if found.place or found.agency:
            return date, True
        date = date or found.date
        lines[index] = lines[index][found.end :].strip()
        if lines[index]:
            break
    return date, False


# A headline shares a word with its story's first lines; a teaser of another story ("2 men
# charged in death of Chicago teen" above a Libya report) or a photo caption shares none.
TEASER_CONTEXT_LINES = 8
MIN_TEASER_WORDS = 3
_WORD = re.compile(r"[A-Za-z][a-z]{3,}")
# A byline run into the headline: "By the CNN Wire Staff Libyan rebels ask: …".
_BYLINE_PREFIX = re.compile(
    r"^By (?:the )?(?:CNN Wire Staff|[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3}"
    r"(?:,| --| —)\s*(?:Special to )?CNN)\s+")


def _content_words(text: str) -> set[str]:
    return {word.lower().removesuffix("s") for word in _WORD.findall(text)}


def is_teaser(title: str, following: Sequence[str]) -> bool:
    """A headline-like first line that shares no content word (four letters or more) with the
    lines after it: the headline of another story, not of this one."""
    words = _content_words(title)
    if len(words) < MIN_TEASER_WORDS:
        return False
    return not words & _content_words(" ".join(following))


def take_title(lines: list[str]) -> str | None:
    """Remove and return the headline, the first non-empty line when it looks like one; a
    teaser of another story there is removed and gives no title."""
    indexes = non_empty(lines)
    if not indexes or not is_headline(lines[indexes[0]]):
        return None
    following = [lines[i] for i in indexes[1:1 + TEASER_CONTEXT_LINES]]
    title = _BYLINE_PREFIX.sub("", lines.pop(indexes[0]).strip())
    return None if not title or (following and is_teaser(title, following)) else title


def take_datelines(lines: list[str], year: int | None) -> list[Dateline]:
    """Remove the datelines near the top: date-only lines, and a prefix opening a paragraph."""
    found_all: list[Dateline] = []
    for index in non_empty(lines)[:DATELINE_LINES]:
        line = lines[index].strip()
        found = parse_dateline(line, year)
        if found is None:
            continue
        found_all.append(found)
        lines[index] = line[found.end :].strip()
        if lines[index]:
            break
    return found_all


def drop_repeated_title(lines: list[str], title: str | None) -> None:
    """Records often repeat their title as the first line of their text; keep it once."""
    indexes = non_empty(lines)
    if title and indexes and " ".join(lines[indexes[0]].split()) == " ".join(title.split()):
        del lines[indexes[0]]


def is_wrapped(block: Sequence[str]) -> bool:
    """A paragraph broken at a fixed width (e-mail style) rather than one paragraph per line.

    Wrapped lines are of similar length, mostly stop mid-sentence, and there are at least three
    of them, or two where the second carries on in lower case. Headline, standfirst and caption
    lines stacked without blank lines stay separate paragraphs.
    """
    inner = [len(line) for line in block[:-1]]
    if not inner or max(len(line) for line in block) > WRAP_MAX_CHARS:
        return False
    if min(inner) < WRAP_MIN_CHARS or max(inner) - min(inner) > WRAP_SPREAD_CHARS:
        return False
    if len(block) == 2 and not block[1][:1].islower():
        return False
    return 2 * sum(not ends_sentence(line) for line in block[:-1]) >= len(inner)


def paragraphs(lines: Sequence[str]) -> tuple[str, ...]:
    """Blank lines separate paragraphs; inside a block each line is one, unless hard-wrapped."""
    result: list[str] = []
    block: list[str] = []
    for line in [*lines, ""]:
        if line.strip():
            block.append(" ".join(line.split()))
            continue
        if block:
            result.extend([" ".join(block)] if is_wrapped(block) else block)
        block = []
    return tuple(result)


def read_body(
    text: str, *, year: int | None = None, find_title: bool = True, title: str | None = None
) -> Body:
    """Split ``text`` into headline (when ``find_title``) and clean paragraphs: pre-tokenised
    text restored (``tokenised``), reader comments and page furniture cut (``boilerplate``).

    ``title`` is a headline known from elsewhere (HTML metadata, a record field); ``year``
    completes datelines that give only month and day.
    """
    cleaned = strip_boilerplate(restore(text.translate(_INVISIBLE)).splitlines())
    lines = list(cleaned.lines)
    date, opens_body = take_leading_datelines(lines, year)
    if find_title and not opens_body:
        title = take_title(lines)
    datelines = take_datelines(lines, year)
    drop_repeated_title(lines, title)
    date = date or next((found.date for found in datelines if found.date), None)
    agency = next((found.agency for found in datelines if found.agency), None)
    return Body(title, paragraphs(lines), date, agency or cleaned.outlet, cleaned.cut)
