"""A line break ends a sentence: headlines, datelines, captions and paragraphs stand alone.

The statistical parser of en_core_web_sm often runs a headline into the first sentence of the
body ("Turkey Shoots Down Russian Plane\\n\\nNATO member Turkey shot down ..."), which gives the
coder one long "sentence" with two subjects. News text is not hard-wrapped (no line of the dev
batches or the seeds breaks inside a sentence), so a line break is a sentence boundary, except
where the line plainly goes on: the previous line ends in a lower-case word or a comma and the
next one starts in lower case. A blank line always ends a paragraph.
"""

from __future__ import annotations

from bisect import bisect_right

from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

COMPONENT = "newsevents_line_breaks"
CONTINUING_ENDS = frozenset({",", ";", "-", "–"})


def _continues(before: Token, after: Token) -> bool:
    """A hard-wrapped line: "... the\\nagreement" or "..., \\nand"."""
    ends_open = before.text in CONTINUING_ENDS or before.text[-1:].islower()
    return ends_open and after.text[:1].islower()


def mark_line_breaks(doc: Doc) -> Doc:
    """Set a sentence start on the first word after each line break (before the parser runs,
    which keeps preset boundaries). The marks are written in one pass: spaCy checks the whole
    Doc each time one ``is_sent_start`` is set, which is quadratic on a long page."""
    marks: dict[int, int] = {}  # token index -> 1 (starts a sentence) or -1 (does not)
    if len(doc):
        _hold_first_word(doc, doc[0], marks)
    last_word: Token | None = None  # the last token that is not white space
    for token in doc:
        if token.i and not token.text.isspace():
            previous = doc[token.i - 1]
            around = previous.text + previous.whitespace_
            if "\n" in around and last_word is not None and (
                    around.count("\n") > 1 or not _continues(last_word, token)):
                marks[token.i] = 1
                _hold_first_word(doc, token, marks)
        if not token.text.isspace():
            last_word = token
    if marks:
        values = doc.to_array([SENT_START]).astype("int64")  # -1: "not a start"
        for index, value in marks.items():
            values[index] = value
        doc.from_array([SENT_START], values.astype("uint64"))  # -1 wraps, as to_array gives it
    return doc


def _hold_first_word(doc: Doc, first: Token, marks: dict[int, int]) -> None:
    """A line's first word does not make a sentence by itself: after a headline the parser
    sometimes cuts "Russia | on Wednesday turned down ..." after the subject."""
    if first.i + 1 < len(doc) and first.text.isalpha():
        following = doc[first.i + 1]
        if following.text.isalpha() and "\n" not in first.whitespace_:
            marks[following.i] = -1


@Language.component(COMPONENT)
def line_breaks(doc: Doc) -> Doc:
    return mark_line_breaks(doc)


def add_line_breaks(nlp: Language) -> Language:
    """Put the component before the parser (once)."""
    if COMPONENT not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe(COMPONENT, before=before) if before else nlp.add_pipe(COMPONENT)
    return nlp


SENTENCES_KEY = "newsevents.sentences"


TEXT_KEY = "newsevents.text"


def doc_text(doc: Doc) -> str:
    """The doc's text, built once (``Doc.text`` joins every token on each access)."""
    cached = doc.user_data.get(TEXT_KEY)
    if cached is None:
        cached = doc.user_data[TEXT_KEY] = doc.text
    return cached


def tokens_text(first: Token, last: Token) -> str:
    """The text from ``first`` to ``last`` (inclusive), as ``doc[first.i:last.i + 1].text``
    gives it, without building the span."""
    return doc_text(first.doc)[first.idx : last.idx + len(last)]


def sentences(doc: Doc) -> list[Span]:
    """The parsed doc's sentences, built once: ``Doc.sents`` rebuilds its spans on every
    access, and the coder asks for them from several places."""
    cached = doc.user_data.get(SENTENCES_KEY)
    if cached is None:
        cached = doc.user_data[SENTENCES_KEY] = list(doc.sents)
    return cached


def sentence_at(doc: Doc, i: int) -> Span:
    """The sentence of token ``i`` (``Token.sent`` walks the whole doc on every call)."""
    spans = sentences(doc)
    starts = doc.user_data.get(STARTS_KEY)
    if starts is None:
        starts = doc.user_data[STARTS_KEY] = [s.start for s in spans]
    return spans[bisect_right(starts, i) - 1]


STARTS_KEY = "newsevents.sentence_starts"
