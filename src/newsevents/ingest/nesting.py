"""Markup nested deeper than libxml2 builds, flattened so that its text can be found.

libxml2 (under lxml, under trafilatura) stops building the tree 256 elements deep and drops what
lies below: a page whose article sits inside 5,000 nested ``<div>``\\s gives "no article text
found". :func:`flatten` keeps every tag down to ``MAX_DEPTH`` levels and drops the start and end
tags below that, keeping their text, so the page parses whole.
"""

from __future__ import annotations

from html.parser import HTMLParser

from lxml import etree
from lxml import html as lxml_html
from trafilatura.utils import decode_file

# Well above any real page (a few dozen levels), well below libxml2's 256 and Python's recursion.
MAX_DEPTH = 120
VOID_ELEMENTS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link",
                           "meta", "param", "source", "track", "wbr"})
# A start tag of these closes an open one of the same name ("<p>a<p>b"), as browsers do.
SIBLING_ELEMENTS = frozenset({"p", "li", "option", "tr", "td", "th", "dt", "dd"})


def too_deep(html: bytes | str) -> bool:
    """Whether libxml2 gives up on the page's depth (it says so in its error log)."""
    parser = lxml_html.HTMLParser(collect_ids=False, default_doctype=False, remove_comments=True)
    data = html.encode("utf-8", "surrogatepass") if isinstance(html, str) else html
    try:
        lxml_html.fromstring(data, parser=parser)
    except (ValueError, etree.LxmlError):
        return False
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" and "depth" in entry.message
               for entry in parser.error_log)


def flatten(html: bytes | str, max_depth: int = MAX_DEPTH) -> str:
    """The page with the tags below ``max_depth`` levels removed and their text kept."""
    flattener = Flattener(max_depth)
    flattener.feed(html if isinstance(html, str) else decode_file(html))
    flattener.close()
    return "".join(flattener.out)


class Flattener(HTMLParser):
    """Copies markup as it comes, less the tags nested below ``max_depth`` and the comments.

    Open elements are tracked the way a browser would roughly close them (an end tag closes the
    nearest open element of its name and those inside it); ``open_counts`` makes an end tag
    that closes nothing cost nothing, so the copy is linear in the page.
    """

    def __init__(self, max_depth: int) -> None:
        super().__init__(convert_charrefs=False)
        self.max_depth = max_depth
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, whether its tags are kept)
        self.open_counts: dict[str, int] = {}
        self.out: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in SIBLING_ELEMENTS and self.stack and self.stack[-1][0] == tag:
            self.close_from(len(self.stack) - 1)
        kept = len(self.stack) < self.max_depth
        if kept:
            self.out.append(self.get_starttag_text() or "")
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, kept))
            self.open_counts[tag] = self.open_counts.get(tag, 0) + 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self.stack) < self.max_depth:
            self.out.append(self.get_starttag_text() or "")

    def handle_endtag(self, tag: str) -> None:
        if not self.open_counts.get(tag):
            return
        index = len(self.stack) - 1
        while self.stack[index][0] != tag:
            index -= 1
        self.close_from(index)

    def close_from(self, index: int) -> None:
        for tag, kept in reversed(self.stack[index:]):
            self.open_counts[tag] -= 1
            if kept:
                self.out.append(f"</{tag}>")
        del self.stack[index:]

    def handle_data(self, data: str) -> None:
        self.out.append(data)

    def handle_entityref(self, name: str) -> None:
        self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self.out.append(f"&#{name};")

    def handle_decl(self, decl: str) -> None:
        self.out.append(f"<!{decl}>")
