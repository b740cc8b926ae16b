"""ROUGE-N counts as ROUGE-1.5.5 computes them with ``-m -s`` (stemming, stop words removed).

Timeline metrics (tilse, news-tls) call the Perl script ``ROUGE-1.5.5.pl -n 2 -m -s -f A -t 2`` on
one summary at a time and read back raw counts: reference n-grams (``M_count``), system n-grams
(``P_count``) and clipped matches (``H_count``). This module reproduces those counts in Python so
our numbers can be compared with published ones:

* a summary's sentences are joined into one text, lower-cased (ASCII only, as Perl's ``tr``),
  hyphens split off and every other character that is not a letter or digit turned into a space,
  so n-grams run across sentence boundaries;
* tokens on the stop list (data/stories/stopwords.txt) are dropped, then tokens longer
  than three characters are stemmed: an irregular form (data/stories/irregular_forms.tsv) maps to
  its base, anything else goes through Porter's algorithm with ROUGE's one change to step 4.

The quick ROUGE-1 approximation that tilse uses to align dates is here too
(:func:`quick_rouge1_f1`): raw whitespace tokens, case kept, punctuation tokens dropped.
"""

from __future__ import annotations

import functools
import re
import string
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from newsevents.config import DATA_DIR
from newsevents.datafiles import load_table, read_words

STOPWORDS_FILE = DATA_DIR / "stories" / "stopwords.txt"
IRREGULAR_FILE = DATA_DIR / "stories" / "irregular_forms.tsv"

_UPPER_TO_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_NOT_WORD = re.compile(r"[^A-Za-z0-9\-]")
_TOKEN_START = re.compile(r"[a-z0-9$]")


@dataclass(frozen=True, slots=True)
class RougeCounts:
    """Raw ROUGE-N counts of one system summary against one reference summary."""

    hits: int
    system: int
    reference: int

    def __add__(self, other: RougeCounts) -> RougeCounts:
        return RougeCounts(self.hits + other.hits, self.system + other.system,
                           self.reference + other.reference)

    @property
    def precision(self) -> float:
        return self.hits / self.system if self.system else 0.0

    @property
    def recall(self) -> float:
        return self.hits / self.reference if self.reference else 0.0


def f_score(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


# --- word lists -----------------------------------------------------------------------------

@functools.cache
def stopwords(path: Path = STOPWORDS_FILE) -> frozenset[str]:
    return frozenset(read_words(path))


@functools.cache
def irregular_forms(path: Path = IRREGULAR_FILE) -> dict[str, str]:
    """form -> base, from a table with the columns form and base."""
    table = load_table(path, ("form", "base"))
    return {fields["form"]: fields["base"] for _, fields in table.rows}


# --- Porter's stemmer as ROUGE-1.5.5 runs it ------------------------------------------------

_C = "[^aeiou][^aeiouy]*"  # consonant sequence ('y' after a consonant is a vowel)
_V = "[aeiouy][aeiou]*"  # vowel sequence
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")  # measure > 0
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # measure == 1
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # measure > 1
_HAS_VOWEL = re.compile(f"^({_C})?[aeiouy]")
_CVC = re.compile(f"^{_C}[aeiouy][^aeiouwxy]$")
_STEP2 = {"ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
          "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
          "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
          "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
          "logi": "log"}
_STEP3 = {"icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "",
          "ness": ""}
_STEP2_SUFFIX = re.compile("(" + "|".join(_STEP2) + ")$")
_STEP3_SUFFIX = re.compile("(" + "|".join(_STEP3) + ")$")
# ROUGE's change to step 4: "-ement" words do not go on to try "-ment" and "-ent" in one rule.
_STEP4_SUFFIX = re.compile(
    "(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")


def _step1(word: str) -> str:
    if match := re.search("(ss|i)es$", word):
        word = word[:match.start()] + match.group(1)
    elif match := re.search("([^s])s$", word):
        word = word[:match.start()] + match.group(1)
    if word.endswith("eed"):
        if _MGR0.search(word[:-3]):
            word = word[:-1]
    elif match := re.search("(ed|ing)$", word):
        stem = word[:match.start()]
        if _HAS_VOWEL.search(stem):
            word = stem
            if re.search("(at|bl|iz)$", word):
                word += "e"
            elif re.search(r"([^aeiouylsz])\1$", word):
                word = word[:-1]
            elif _CVC.search(word):
                word += "e"
    if word.endswith("y") and _HAS_VOWEL.search(word[:-1]):
        word = word[:-1] + "i"
    return word


def _steps23(word: str) -> str:
    for pattern, table in ((_STEP2_SUFFIX, _STEP2), (_STEP3_SUFFIX, _STEP3)):
        if match := pattern.search(word):
            stem = word[:match.start()]
            if _MGR0.search(stem):
                word = stem + table[match.group(1)]
    return word


def _step4(word: str) -> str:
    if (match := _STEP4_SUFFIX.search(word)) and _MGR1.search(word[:match.start()]):
        word = word[:match.start()]
    if word.endswith("ment") and _MGR1.search(word[:-4]):
        word = word[:-4]
    if word.endswith("ent"):
        if _MGR1.search(word[:-3]):
            word = word[:-3]
    elif re.search("(s|t)ion$", word) and _MGR1.search(word[:-3]):
        word = word[:-3]
    return word


def _step5(word: str) -> str:
    if word.endswith("e"):
        stem = word[:-1]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            word = stem
    if word.endswith("ll") and _MGR1.search(word):
        word = word[:-1]
    return word


def porter_stem(word: str) -> str:
    """Porter (1980) as in ROUGE-1.5.5's Perl (Martin Porter's release 1, step 4 changed)."""
    if len(word) < 3:
        return word
    initial_y = word.startswith("y")
    if initial_y:
        word = "Y" + word[1:]  # an initial y is a consonant
    word = _step5(_step4(_steps23(_step1(word))))
    return "y" + word[1:] if initial_y else word


@functools.cache
def rouge_stem(token: str) -> str:
    """ROUGE's MorphStem: an irregular form's base, else the Porter stem."""
    return irregular_forms().get(token) or porter_stem(token)


# --- tokens, n-grams, counts ----------------------------------------------------------------

def rouge_tokens(sentences: Sequence[str]) -> list[str]:
    """The token stream ROUGE-1.5.5 (-m -s) counts n-grams over, for one summary."""
    text = " ".join(_see_text(sentence) for sentence in sentences)
    text = _NOT_WORD.sub(" ", text.translate(_UPPER_TO_LOWER).replace("-", " - "))
    stop = stopwords()
    return [rouge_stem(token) if len(token) > 3 else token
            for token in text.split()
            if token not in stop and _TOKEN_START.match(token)]


def _see_text(sentence: str) -> str:
    """What the script reads back of a sentence tilse writes into its SEE-format HTML file."""
    line = " ".join(sentence.split()).replace("^", "&circ;")
    return line.split("<", 1)[0]


def ngrams(tokens: Sequence[str], n: int) -> Counter[tuple[str, ...]]:
    return Counter(tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1))


def rouge_counts(system: Sequence[str], reference: Sequence[str], n: int) -> RougeCounts:
    """Clipped n-gram matches of a system summary against one reference (sentences each)."""
    return ngram_counts(ngrams(rouge_tokens(system), n), ngrams(rouge_tokens(reference), n))


def ngram_counts(system: Counter[tuple[str, ...]],
                 reference: Counter[tuple[str, ...]]) -> RougeCounts:
    hits = sum(min(count, system[gram]) for gram, count in reference.items())
    return RougeCounts(hits, sum(system.values()), sum(reference.values()))


def quick_rouge1_f1(system: Sequence[str], reference: Sequence[str]) -> float:
    """tilse's ROUGE-1 approximation for aligning dates: no stemming, no stop list, case kept.

    A token counts unless it is a substring of ``string.punctuation`` (tilse tests ``in`` on
    that string), so "." and "," are dropped but "``" and "--" are kept.
    """
    system_counts = Counter(t for s in system for t in s.split() if t not in string.punctuation)
    reference_counts = Counter(
        t for s in reference for t in s.split() if t not in string.punctuation)
    match = sum(min(count, reference_counts[token]) for token, count in system_counts.items())
    precision = match / sum(system_counts.values()) if system_counts else 0.0
    recall = match / sum(reference_counts.values()) if reference_counts else 0.0
    return f_score(precision, recall)
