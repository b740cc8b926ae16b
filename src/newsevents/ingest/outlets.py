"""Canonical outlet names: "Agence France-Presse", "AFP News" and "afp.com" all become "AFP".

The table lives in ``data/ingest/outlets.tsv``; this module only looks names up in it.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table

OUTLETS_FILE = DATA_DIR / "ingest" / "outlets.tsv"

_EDGE_PUNCTUATION = " \t.,;:()[]'\"’‘“”-—–|"


def outlet_key(name: str) -> str:
    """Lookup key: case, spacing, edge punctuation and a leading "the" do not matter."""
    key = " ".join(name.casefold().split()).strip(_EDGE_PUNCTUATION)
    key = re.sub(r"^the\s+", "", key)
    return key.removeprefix("www.")


@cache
def load_outlets(path: Path = OUTLETS_FILE) -> dict[str, str]:
    """Alias key → canonical name, every canonical name being an alias of itself."""
    table: dict[str, str] = {}
    for _, fields in load_table(path, ("name",)).rows:
        name = fields["name"]
        for alias in [name, *fields.get("aliases", "").split("|")]:
            if alias.strip():
                table[outlet_key(alias)] = name
    return table


def known_outlet(name: str) -> str | None:
    """The canonical name when ``name`` is a known outlet or agency, else None."""
    return load_outlets().get(outlet_key(name))


def outlet_name(name: str) -> str | None:
    """Canonical name when known, else ``name`` tidied; None when nothing is left of it."""
    tidy = " ".join(name.split()).strip(_EDGE_PUNCTUATION)
    if not tidy:
        return None
    return known_outlet(tidy) or tidy
