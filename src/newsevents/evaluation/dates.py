"""Publication-date benchmarks (docs/dates.md): Timeline17 pages with the date hidden (from the
text alone, and with the pipeline's office-holder hints), and the dates the pipeline gives the
seed articles. TempEval-3 time expressions are scored in ``evaluation/tempeval.py``.

Each ``run_*`` returns a dict of numbers (nested dicts; the seed report also carries the dates
and their evidence as text); ``newsevents eval dates`` prints them and the CI gate checks floors
on dotted paths such as ``value.f1``.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.actors import load_knowledge_base
from newsevents.actors.offices import office_bounds
from newsevents.config import Settings
from newsevents.ingest import iter_inputs
from newsevents.models import (
    Article,
    DateSource,
    DateValue,
    Precision,
    TimexType,
)
from newsevents.nlp import load_model
from newsevents.coding import with_publication_date
from newsevents.temporal import DateBound, estimate_published, find_timexes
from newsevents.temporal.hints import hint_window

# Parsing all 773 Timeline17 pages with spaCy takes about 4 minutes on 2 cores, so the hinted
# run reads every 4th page in path order (a fixed sample of 194); ``stride=1`` reads them all.
HINT_SAMPLE_STRIDE = 4
TAG = re.compile(r"<(/?)([A-Za-z0-9_]+)([^>]*?)(/?)>")
ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d")


@dataclass(frozen=True, slots=True)
class DatedPage:
    """A Timeline17 page; its folder name is the publication day."""

    path: Path
    published: dt.date
    text: str

    @property
    def outlet(self) -> str:
        return self.path.parts[-4].removeprefix("LibyaWar_")


def t17_pages(shared: Path) -> list[DatedPage]:
    """The non-empty pages under ``external/t17_libya/*/InputDocs/YYYY-MM-DD/``, in path order."""
    pages = []
    for path in sorted((shared / "external" / "t17_libya").glob("*/InputDocs/*/*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            pages.append(DatedPage(path, dt.date.fromisoformat(path.parent.name), text))
    return pages


def holds(guess: DateValue, truth: dt.date) -> bool:
    """Whether the answered period (a day, week, month or year) contains the true day."""
    if guess.precision is Precision.DAY:
        return guess.day == truth
    if guess.precision is Precision.WEEK:
        return 0 <= (truth - guess.day).days < 7
    if guess.precision is Precision.MONTH:
        return (guess.day.year, guess.day.month) == (truth.year, truth.month)
    return guess.day.year == truth.year


@dataclass(slots=True)
class Tally:
    """Counts of graded answers: exact day, within one day, same month, none, honest."""

    counts: Counter[str] = field(default_factory=Counter)
    by_precision: Counter[str] = field(default_factory=Counter)
    honest_by_precision: Counter[str] = field(default_factory=Counter)

    def add(self, guess: DateValue | None, truth: dt.date) -> None:
        self.counts["articles"] += 1
        if guess is None:
            self.counts["no_date"] += 1
            return
        day = guess.precision is Precision.DAY
        self.counts.update(
            answered=1, honest=holds(guess, truth),
            exact_day=day and guess.day == truth,
            within_1_day=day and abs((guess.day - truth).days) <= 1,
            same_month=guess.precision in (Precision.DAY, Precision.MONTH)
            and (guess.day.year, guess.day.month) == (truth.year, truth.month),
        )  # fmt: skip
        self.by_precision[guess.precision.value] += 1
        self.honest_by_precision[guess.precision.value] += holds(guess, truth)

    def as_dict(self) -> dict[str, Any]:
        n, answered = self.counts["articles"], self.counts["answered"]
        keys = ("exact_day", "within_1_day", "same_month")
        return {
            "articles": n, "answered": answered, "no_date": self.counts["no_date"],
            **{key: round(self.counts[key] / n, 4) if n else 0.0 for key in keys},
            "counts": {key: self.counts[key] for key in keys},
            "honesty": round(self.counts["honest"] / answered, 4) if answered else 1.0,
            "by_precision": {
                p: {"answers": k, "honesty": round(self.honest_by_precision[p] / k, 4)}
                for p, k in sorted(self.by_precision.items())
            },
        }  # fmt: skip


def grade(pages: Sequence[DatedPage], answers: Sequence[DateValue | None]) -> dict[str, Any]:
    """Rates over all pages (and per outlet): the answer is the exact day, within one day, in
    the same month; no-date count; honesty = share of answers whose period holds the true day."""
    total, outlets = Tally(), {}
    for page, guess in zip(pages, answers, strict=True):
        total.add(guess, page.published)
        outlets.setdefault(page.outlet, Tally()).add(guess, page.published)
    result = total.as_dict()
    result["by_outlet"] = {name: tally.as_dict() for name, tally in sorted(outlets.items())}
    return result


def _explicit_baselines(pages: Sequence[DatedPage]) -> dict[str, Any]:
    """How often the latest, and the most mentioned, full date in the text is the day."""
    latest = most = with_dates = 0
    for page in pages:
        days = [dt.date.fromisoformat(t.value[:10]) for t in find_timexes(page.text, None)
                if t.type in (TimexType.DATE, TimexType.TIME) and FULL_DATE.match(t.value)]
        if days:
            with_dates += 1
            latest += max(days) == page.published
            most += Counter(days).most_common(1)[0][0] == page.published
    n = len(pages) or 1
    return {"with_explicit_dates": with_dates, "latest_explicit_is_day": round(latest / n, 4),
            "most_mentioned_is_day": round(most / n, 4)}


def hinted_dates(pages: Sequence[DatedPage], settings: Settings) -> Iterator[DateValue | None]:
    """Each page's date the pipeline's own way (:func:`coding.with_publication_date`): parsed
    with spaCy, the office holders it names with titles bound the date."""
    nlp = load_model(settings.model_names)
    kb = load_knowledge_base(settings.user_actor_files)
    stream = nlp.pipe(((p.text, p) for p in pages), as_tuples=True,
                      batch_size=settings.batch_size, n_process=max(1, settings.workers))
    for doc, page in stream:
        yield with_publication_date(Article(id=page.path.name, text=page.text), doc, kb).published


def run_pubdate_t17(
    shared: Path, settings: Settings = Settings(), stride: int = HINT_SAMPLE_STRIDE
) -> dict[str, Any]:
    """Publication dates hidden and inferred: ``text_only`` on every page; ``hinted`` (the
    pipeline's way, office holders bounding the date) on every ``stride``-th page, beside
    ``text_only_sample``, the text-only answers on the same pages."""
    pages = t17_pages(shared)
    started = time.perf_counter()
    text_only = [estimate_published(p.text).value for p in pages]
    result: dict[str, Any] = {"text_only": grade(pages, text_only)}
    result["text_only"]["seconds"] = round(time.perf_counter() - started, 1)
    result["text_only"]["baselines"] = _explicit_baselines(pages)
    sample = pages[::stride]
    started = time.perf_counter()
    hinted = list(hinted_dates(sample, settings))
    result["hinted"] = grade(sample, hinted)
    result["hinted"].update(seconds=round(time.perf_counter() - started, 1), stride=stride)
    result["text_only_sample"] = grade(sample, text_only[::stride])
    return result


def pubdate_errors(
    pages: Sequence[DatedPage], hints: Sequence[Sequence[DateBound]] = ()
) -> list[str]:
    """One line per answer whose period misses the true day, with the evidence it rests on."""
    lines = []
    for index, page in enumerate(pages):
        estimate = estimate_published(page.text, None, hints[index] if hints else ())
        if estimate.value is not None and not holds(estimate.value, page.published):
            lines.append(f"{page.published}\t{page.outlet}/{page.path.name}\t"
                         f"{estimate.value.iso()}\t{estimate.evidence}")
    return lines


HEIDELTIME_DATE = re.compile(r'<TIMEX3[^>]*type="DATE"[^>]*value="([^"]*)"[^>]*>([^<]*)</TIMEX3>')


def heideltime_agreement(pages: Sequence[DatedPage]) -> dict[str, Any]:
    """Share of the HeidelTime DATE values shipped beside the pages (silver, not gold) that we
    reproduce, both anchored on the true publication day; paired by their words, in order."""
    paired = agreed = 0
    for page in pages:
        parts = page.path.parts
        silver = Path(*parts[:-3], "heideltime_timeml", parts[-2],
                      parts[-1].replace(".htm", "") + ".timeml")
        if not silver.exists():
            continue
        ours: dict[str, list[str]] = {}
        for timex in find_timexes(page.text, DateValue(page.published)):
            ours.setdefault(_words(timex.text), []).append(timex.value)
        for value, words in HEIDELTIME_DATE.findall(silver.read_text(encoding="utf-8")):
            mine = ours.get(_words(words))
            if mine:
                paired += 1
                agreed += mine.pop(0) == value
    return {"paired": paired, "agreement": round(agreed / paired, 4) if paired else 0.0}


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


# --- The seed articles: the dates the pipeline gives them ------------------------------------


def _ingest_evidence(article: Article) -> str:
    """Where ingest found the date: the dateline line it read (and cut from the text), the URL,
    the path or the metadata."""
    source, published = article.published_source, article.published
    if source is DateSource.DATELINE and published is not None and article.path:
        lines = Path(article.path).read_text(encoding="utf-8").splitlines()[:12]
        for line in lines:
            if any(t.value.startswith(published.iso()) for t in find_timexes(line, None)):
                return f'dateline "{" ".join(line.split())[:80]}"'
    if source is DateSource.URL:
        return f"url {article.url}"
    if source is DateSource.PATH:
        return f"path {article.path}"
    return source.value


def run_seed_dates(shared: Path, settings: Settings = Settings()) -> dict[str, Any]:
    """Per seed file: the publication date the pipeline settles on, its precision and source,
    and the evidence; undated files also get the window their office holders allow."""
    paths = sorted(str(p) for p in (shared / "seeds").glob("*.txt"))
    articles = [a for a in iter_inputs(paths, settings=settings) if isinstance(a, Article)]
    nlp = load_model(settings.model_names)
    kb = load_knowledge_base(settings.user_actor_files)
    files: dict[str, Any] = {}
    for doc, article in nlp.pipe(((a.text, a) for a in articles), as_tuples=True):
        dated = with_publication_date(article, doc, kb)
        hints = [DateBound(b.start, b.end, b.evidence) for b in office_bounds(doc, kb)]
        window = hint_window(hints)
        if dated.published is not None and dated.published_source is not DateSource.INFERRED:
            evidence = _ingest_evidence(dated)
        else:
            evidence = estimate_published(article.text, article.title, hints).evidence
        if evidence is None:
            allowed = f"; office holders allow {window.evidence()}" if window else ""
            evidence = f"no date the text pins{allowed}"
        files[Path(article.path or article.id).name] = {
            "date": dated.published.iso() if dated.published else None,
            "precision": dated.published.precision.value if dated.published else None,
            "source": dated.published_source.value,
            "evidence": evidence,
            "window": [window.start.isoformat(), window.end.isoformat()] if window else None,
        }
    counts = Counter(f["precision"] or "none" for f in files.values())
    return {"files": files, "dated": sum(f["date"] is not None for f in files.values()),
            "by_precision": dict(sorted(counts.items()))}
