"""Publication-date inference on Timeline17 LibyaWar (CNN + Reuters, 777 articles).

Each article's publication day is its folder name (``InputDocs/YYYY-MM-DD/*.txt``). We hide it,
run ``infer_published`` on the text alone, and report how often the answer is the exact day,
within one day, in the same month, and how many articles get no date, by precision. Two simple
baselines read the explicit full dates in the text ("March 17, 2011"): the latest one and the
one mentioned most often.

``--heideltime`` also compares our time-expression values, anchored on the true publication
date, with the HeidelTime annotations shipped beside the articles (silver, not gold): agreement
on DATE expressions with the same words, in order.

Usage: ``.venv/bin/python bench/pubdate_t17.py [--shared DIR] [--heideltime] [--errors]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import re
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsevents.config import shared_dir
from newsevents.models import DateValue, Precision, TimexType
from newsevents.temporal import find_timexes, infer_published

FULL_DATE = re.compile(r"^\d{4}-\d\d-\d\d")
HEIDELTIME_TIMEX = re.compile(r'<TIMEX3[^>]*type="DATE"[^>]*value="([^"]*)"[^>]*>([^<]*)</TIMEX3>')


@dataclass(frozen=True, slots=True)
class Article:
    path: Path
    published: dt.date
    text: str


def articles(shared: Path) -> list[Article]:
    root = shared / "external" / "t17_libya"
    found = []
    for path in sorted(root.glob("*/InputDocs/*/*")):
        text = path.read_text(encoding="utf-8", errors="replace")
        if text.strip():
            found.append(Article(path, dt.date.fromisoformat(path.parent.name), text))
    return found


def explicit_dates(text: str) -> list[dt.date]:
    """Full dates the text spells out, in order."""
    days = []
    for timex in find_timexes(text, None):
        if timex.type in (TimexType.DATE, TimexType.TIME) and FULL_DATE.match(timex.value):
            days.append(dt.date.fromisoformat(timex.value[:10]))
    return days


def _grade(guess: DateValue | None, truth: dt.date) -> tuple[bool, bool, bool]:
    """(exact day, within one day, same month) for one answer."""
    if guess is None:
        return False, False, False
    day_precise = guess.precision is Precision.DAY
    exact = day_precise and guess.day == truth
    near = day_precise and abs((guess.day - truth).days) <= 1
    same_month = guess.precision is not Precision.YEAR and (guess.day.year, guess.day.month) == (
        truth.year,
        truth.month,
    )
    return exact, near, same_month


def _contains(guess: DateValue, truth: dt.date) -> bool:
    """Whether the answered period (a day, week, month or year) holds the true day."""
    if guess.precision is Precision.DAY:
        return guess.day == truth
    if guess.precision is Precision.WEEK:
        return 0 <= (truth - guess.day).days < 7
    if guess.precision is Precision.MONTH:
        return (guess.day.year, guess.day.month) == (truth.year, truth.month)
    return guess.day.year == truth.year


def score(items: list[Article]) -> tuple[dict[str, object], list[str]]:
    counts: Counter[str] = Counter()
    precisions: Counter[str] = Counter()
    right: Counter[str] = Counter()
    by_source: Counter[str] = Counter()
    exact_by_source: Counter[str] = Counter()
    errors = []
    for article in items:
        guess, _ = infer_published(article.text)
        exact, near, same_month = _grade(guess, article.published)
        counts.update(exact=exact, near=near, same_month=same_month, none=guess is None)
        source = article.path.parts[-4].removeprefix("LibyaWar_")
        by_source[source] += 1
        exact_by_source[source] += exact
        precisions[guess.precision.value if guess else "none"] += 1
        if guess is not None:
            right[guess.precision.value] += _contains(guess, article.published)
        if guess is not None and guess.precision is Precision.DAY and not exact:
            errors.append(f"{article.path.parent.name}/{article.path.name}\tgot {guess.iso()}")
        days = explicit_dates(article.text)
        if days:
            counts["has_dates"] += 1
            counts["latest_is_pub"] += max(days) == article.published
            counts["most_is_pub"] += Counter(days).most_common(1)[0][0] == article.published
    n = len(items)
    result: dict[str, object] = {
        "articles": n,
        "exact_day": counts["exact"] / n,
        "within_1_day": counts["near"] / n,
        "same_month": counts["same_month"] / n,
        "no_date": counts["none"],
        "precision": dict(precisions),
        "right_by_precision": {k: right[k] / precisions[k] for k in right},
        "exact_day_by_source": {k: exact_by_source[k] / v for k, v in by_source.items()},
        "with_explicit_dates": counts["has_dates"],
        "latest_explicit_is_pub": counts["latest_is_pub"] / n,
        "most_mentioned_is_pub": counts["most_is_pub"] / n,
    }
    return result, errors


def heideltime_agreement(items: list[Article]) -> dict[str, float]:
    """Share of HeidelTime DATE values we reproduce, anchored on the true publication day."""
    paired = agreed = 0
    for article in items:
        parts = article.path.parts
        silver = Path(*parts[:-3], "heideltime_timeml", parts[-2], parts[-1].replace(".htm", ""))
        silver = silver.with_name(silver.name + ".timeml")
        if not silver.exists():
            continue
        ours: dict[str, list[str]] = {}
        dct = DateValue(article.published)
        for timex in find_timexes(article.text, dct):
            ours.setdefault(_words(timex.text), []).append(timex.value)
        for value, words in HEIDELTIME_TIMEX.findall(silver.read_text(encoding="utf-8")):
            mine = ours.get(_words(words))
            if mine:
                paired += 1
                agreed += mine.pop(0) == value
    return {"paired": paired, "agreement": agreed / paired if paired else 0.0}


def _words(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.lower()))


def run(shared: Path) -> dict[str, object]:
    started = time.perf_counter()
    result, _ = score(articles(shared))
    result["seconds"] = time.perf_counter() - started
    return result


def print_table(result: dict[str, object]) -> None:
    n = result["articles"]
    print(f"Timeline17 LibyaWar: {n} articles, publication date hidden")
    for key in ("exact_day", "within_1_day", "same_month"):
        print(f"  {key:<26}{result[key]:>7.3f}")
    print(f"  {'no date':<26}{result['no_date']:>7}")
    sources = result["exact_day_by_source"]
    assert isinstance(sources, dict)
    print("  exact day by source        " + ", ".join(f"{k} {v:.3f}" for k, v in sources.items()))
    print(f"  answers by precision       {result['precision']}")
    shares = result["right_by_precision"]
    assert isinstance(shares, dict)
    print("  period holds the true day  " + ", ".join(f"{k} {v:.2f}" for k, v in shares.items()))
    print(f"  baselines over all articles ({result['with_explicit_dates']} have explicit dates):")
    print(f"  {'latest explicit date = pub':<26}{result['latest_explicit_is_pub']:>7.3f}")
    print(f"  {'most mentioned date = pub':<26}{result['most_mentioned_is_pub']:>7.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=shared_dir())
    parser.add_argument("--heideltime", action="store_true", help="compare with HeidelTime")
    parser.add_argument("--errors", action="store_true", help="list wrong day answers")
    args = parser.parse_args(argv)
    items = articles(args.shared)
    if not items:
        print(f"no Timeline17 articles under {args.shared}", file=sys.stderr)
        return 1
    started = time.perf_counter()
    result, errors = score(items)
    print_table(result)
    print(f"  seconds                   {time.perf_counter() - started:>7.1f}")
    if args.heideltime:
        agreement = heideltime_agreement(items)
        print(
            f"  HeidelTime DATE values reproduced: {agreement['agreement']:.3f} "
            f"of {agreement['paired']} paired expressions"
        )
    if args.errors:
        print("\n".join(errors))
    return 0


if __name__ == "__main__":
    sys.exit(main())
