"""One normal form for every name we compare: knowledge-base keys, text spans, learned names.

News spells the same actor many ways ("the U.S.", "US", "Côte d'Ivoire", "Cote d'Ivoire",
"Ki-moon", "Ki moon", "Libya's"); folding them here keeps the data files free of mechanical
variants and lets the lookups stay exact dictionary hits.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Letters that NFKD does not decompose into base letter + accent.
_LETTER_FOLDS = str.maketrans(
    {"ı": "i", "ø": "o", "ł": "l", "đ": "d", "æ": "ae", "œ": "oe", "þ": "th", "ð": "d",
     "ħ": "h"}
)
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'", "ʻ": "'"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_NON_WORD = re.compile(r"[^0-9a-z]+")
_LEADING_ARTICLE = re.compile(r"^(?:the )+")


@lru_cache(maxsize=1 << 16)  # the same spans are folded again and again within a run
def normalize_name(text: str) -> str:
    """Fold ``text`` to the key used by every lookup.

    Casefolds, folds diacritics, drops possessive 's, dots and apostrophes ("U.S." -> "us",
    "d'Ivoire" -> "divoire"), turns hyphens, underscores and other punctuation into single
    spaces and strips a leading "the".
    """
    folded = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    folded = folded.casefold().translate(_LETTER_FOLDS)
    folded = _POSSESSIVE.sub("", folded)
    folded = folded.replace(".", "").replace("'", "")
    folded = _NON_WORD.sub(" ", folded).strip()
    return _LEADING_ARTICLE.sub("", folded)
