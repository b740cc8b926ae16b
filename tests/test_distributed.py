"""The Dask engine and its Parquet dataset: rows round-trip to the very model objects, and
`run --engine dask` + `load` stores exactly what the single-process `run` stores."""

from __future__ import annotations

import datetime as dt
import json
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents import dataset, pipeline
from newsevents import distributed as engine
from newsevents.actors import LearnedActor
from newsevents.actors.entries import EntryKind
from newsevents.config import SAMPLE_DIR, Settings
from newsevents.errors import NewsEventsError
from newsevents.events.coder import CODER_VERSION
from newsevents.models import (
    Actor,
    Article,
    DateSource,
    DateValue,
    Event,
    Location,
    Precision,
    Quote,
)
from newsevents.store import Store

ARTICLE = Article("a1", "Russia rejected the plan.\n\nMore text.", title="Russia rejects",
                  url="https://example.org/a1", source="Example", path="in/a1.txt",
                  cut=(("comments", 12), ("furniture", 3)))
CODED = Article("a1", ARTICLE.text, title="Russia rejects", url="https://example.org/a1",
                source="Example", path="in/a1.txt", cut=ARTICLE.cut,
                published=DateValue(dt.date(2011, 3, 14), Precision.WEEK),
                published_source=DateSource.INFERRED)
SPEAKER = Actor("Lavrov", "RUS", "GOV", "Sergei Lavrov", resolved_from="the minister")
EVENT = Event("e1", "a1", "REJECT", "plan", "128", 3, -4.0, (SPEAKER,),
              (Actor("NATO", "IGONAT", None, "NATO"),), "rejected", "Russia rejected the plan.",
              0, 7, 15, negated=True, date=DateValue(dt.date(2011, 3, 1), Precision.MONTH),
              date_evidence="in March", location=Location("Benghazi", "LBY"), confidence=0.1 + 0.2,
              contexts=("military", "diplomacy"))
QUOTE = Quote("a1", SPEAKER, "We reject it.", 2, direct=False)
LEARNED = LearnedActor("Abdel Hafiz Ghoga", ("Ghoga",), "LBYREB", "REB", EntryKind.PERSON, 0.85)
EXTRACTION = pipeline.Extraction(CODED, (EVENT,), (QUOTE,), (LEARNED,))


# --- records and the dataset layout, without Dask or a model ------------------------------------


@pytest.mark.parametrize("coded", [EXTRACTION, None])
def test_article_record_round_trips_read_and_coded_article(coded):
    record = dataset.article_record(ARTICLE, coded)
    assert dataset.article_from_record(record) == ARTICLE
    if coded is not None:
        assert dataset.article_from_record(record, prefix="coded_") == CODED
        assert [dataset.learned_from_json(a) for a in json.loads(record["learned"])] == [LEARNED]


def test_article_record_round_trips_a_window():
    windowed = Article("a2", "text", published_window=(dt.date(2008, 5, 7), dt.date(2012, 5, 7)))
    assert dataset.article_from_record(dataset.article_record(windowed, None)) == windowed


def test_event_and_quote_records_round_trip():
    assert dataset.event_from_record(dataset.event_record(EVENT)) == EVENT
    assert dataset.quote_from_record(dataset.quote_record(QUOTE)) == QUOTE


@pytest.mark.parametrize("published, month", [
    (DateValue(dt.date(2011, 3, 18)), "2011-03"),
    (DateValue(dt.date(2011, 3, 14), Precision.WEEK), "2011-03"),
    (DateValue(dt.date(2011, 1, 1), Precision.YEAR), "unknown"),
    (None, "unknown"),
])
def test_month_of_names_the_publication_month(published, month):
    assert dataset.month_of(Article("x", "t", published=published)) == month


def test_write_partition_files_rows_by_table_and_month_and_reads_them_back(tmp_path: Path):
    rows = dataset.PartitionRows(3)
    rows.add(0, ARTICLE, EXTRACTION)
    rows.add(1, Article("b", "undated, not coded"), None)
    dataset.write_partition(tmp_path, rows, "in/shard.jsonl")
    names = sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*.parquet"))
    assert names == ["articles/month=2011-03/part-00003.parquet",
                     "articles/month=unknown/part-00003.parquet",
                     "events/month=2011-03/part-00003.parquet",
                     "quotes/month=2011-03/part-00003.parquet"]
    articles = dataset.read_rows(tmp_path, "articles")
    assert [(r["id"], r["position"], r["coded"], r["source_file"]) for r in articles] == [
        ("a1", 0, True, "in/shard.jsonl"), ("b", 1, False, "in/shard.jsonl")]
    assert [dataset.event_from_record(r) for r in dataset.read_rows(tmp_path, "events")] == [EVENT]


def test_load_stores_a_hand_made_dataset_through_the_store_and_only_once(tmp_path: Path):
    rows = dataset.PartitionRows(0)
    rows.add(0, ARTICLE, EXTRACTION)
    failing = Article("b2", "Nothing could be coded here.", path="in/b2.txt")
    rows.add(1, failing, None, error="extraction failed: boom")
    dataset.write_partition(tmp_path, rows, "in/shard.jsonl")
    with Store(":memory:") as store:
        first = dataset.load(tmp_path, store)
        second = dataset.load(tmp_path, store)
        assert [e.to_json() | {"cluster_id": None} for e in store.iter_events()] == [
            EVENT.to_json()]
        assert [(q.article_id, q.text, q.speaker.code) for q in store.iter_quotes()] == [
            ("a1", QUOTE.text, "RUS")]  # the store keeps no resolved_from for speakers
        assert store.get_article("a1").published == CODED.published
        assert [actor.name for actor in store.known_actors()] == [LEARNED.name]
        assert store.failures() == [("b2", CODER_VERSION, "extraction failed: boom")]
    assert (first.coded.articles, [str(p) for p in first.coded.problems]) == (
        1, ["in/b2.txt: error: extraction failed: boom"])
    assert (second.ingested.new, second.coded.articles, second.coded.problems) == ([], 0, [])


def test_prepare_refuses_a_directory_holding_files(tmp_path: Path):
    (tmp_path / "old.parquet").write_text("")
    with pytest.raises(dataset.DatasetError, match="new or empty"):
        dataset.prepare(tmp_path)


def test_load_refuses_a_folder_that_is_no_dataset(tmp_path: Path):
    with Store(":memory:") as store, pytest.raises(dataset.DatasetError, match="not a newsevents"):
        dataset.load(tmp_path, store)


def test_partitions_are_files_in_input_order_and_missing_paths_problems(tmp_path: Path):
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text("Headline\n\nText.\n")
    todo, problems = engine.partitions([str(tmp_path), str(tmp_path / "nope.txt")])
    assert [(p.index, Path(p.path).name, p.found) for p in todo] == [(0, "a.txt", True),
                                                                     (1, "b.txt", True)]
    assert [p.message for p in problems] == ["no such file or folder"]


def test_partitions_refuse_standard_input():
    with pytest.raises(NewsEventsError, match="not standard input"):
        engine.partitions(["-"])


def test_without_dask_the_engine_says_how_to_install_it(monkeypatch: pytest.MonkeyPatch,
                                                         tmp_path: Path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # `import distributed` fails
    with pytest.raises(NewsEventsError, match=r"pip install 'newsevents\[dask\]'"):
        engine.run([str(SAMPLE_DIR)], tmp_path / "out")


def test_importing_newsevents_and_its_cli_imports_no_dask():
    code = ("import sys, newsevents, newsevents.cli, newsevents.distributed, newsevents.dataset;"
            "print(sorted(m for m in ('dask', 'distributed') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


# --- on a local Dask cluster ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def scheduler() -> Iterator[str]:
    """Two worker processes of one thread each, as `--workers 2` starts them."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  host="127.0.0.1", dashboard_address=None,
                                  silence_logs=50) as cluster:
        yield cluster.scheduler_address


def contents(store: Store) -> dict[str, list]:
    """What a comparison of two stores looks at: every row that `run` writes, by content."""
    return {
        "events": sorted((e.event_id, e.article_id, json.dumps(e.to_json(), sort_keys=True))
                         for e in store.iter_events()),
        "articles": sorted(json.dumps(a.to_json(), sort_keys=True) for a in store.iter_articles()),
        "quotes": sorted((q.article_id, json.dumps(q.to_json(), sort_keys=True))
                         for q in store.iter_quotes()),
        "actors": sorted(repr(a) for a in store.known_actors()),
        "stories": sorted((s.story_id, s.article_ids) for s in store.iter_stories()),
        "stats": sorted(store.stats().items()),
    }


@pytest.fixture(scope="module")
def sample_dataset(scheduler: str, tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[Path, engine.EngineReport]:
    root = tmp_path_factory.mktemp("sample") / "dataset"
    return root, engine.run([str(SAMPLE_DIR)], root, scheduler=scheduler)


@pytest.mark.model
def test_dask_engine_and_load_store_exactly_what_run_stores(sample_dataset, tmp_path: Path):
    root, report = sample_dataset
    assert not report.failed and report.articles_coded == 28
    with Store(tmp_path / "run.db") as expected, Store(tmp_path / "load.db") as loaded:
        pipeline.run([str(SAMPLE_DIR)], expected)
        dataset.load(root, loaded)
        want, got = contents(expected), contents(loaded)
    assert len(want["events"]) > 100
    assert got == want


@pytest.mark.model
@pytest.mark.parametrize("command", [
    ["events", "--format", "jsonl", "--dyad", "RUS,LBY"],
    ["export", "--format", "plover-jsonl"],
    ["articles", "--format", "jsonl"],
    ["stats"],
])
def test_read_commands_read_a_dataset_as_its_loaded_database(sample_dataset, tmp_path: Path,
                                                              command: list[str]):
    """`events --db DATASET` (and every read command) answers what it answers after `load`,
    and leaves the dataset as it was."""
    from click.testing import CliRunner

    from newsevents.cli import cli

    root, _ = sample_dataset
    with Store(tmp_path / "load.db") as store:
        dataset.load(root, store)
    files = sorted((p.relative_to(root), p.stat().st_mtime_ns) for p in root.rglob("*"))
    direct = CliRunner().invoke(cli, [*command, "--db", str(root)])
    loaded = CliRunner().invoke(cli, [*command, "--db", str(tmp_path / "load.db")])
    assert direct.exit_code == 0, direct.output
    assert direct.stdout == loaded.stdout and direct.stdout.strip()
    assert sorted((p.relative_to(root), p.stat().st_mtime_ns) for p in root.rglob("*")) == files


@pytest.mark.model
def test_with_a_database_the_engine_codes_with_the_actors_it_learned(scheduler: str,
                                                                     tmp_path: Path):
    """`run --engine dask --db DB` then `load` stores what `run --db DB` stores, also for
    articles that name an actor only the database has learned."""
    from tests.reliability import LEARNERS, TEACHERS_AND_LEARNERS

    teachers, learners = tmp_path / "teachers", tmp_path / "learners"
    for folder in (teachers, learners):
        folder.mkdir()
    for name, text in TEACHERS_AND_LEARNERS.items():
        (learners if name in LEARNERS else teachers).joinpath(name).write_text(text)
    with Store(tmp_path / "base.db") as base:
        pipeline.run([str(teachers)], base)
        known = pipeline.known_actors(base)
    assert {"Abdel Hafiz Ghoga", "Ayman Nour"} <= set(known)
    for name in ("run.db", "load.db", "blind.db"):
        shutil.copy(tmp_path / "base.db", tmp_path / name)
    engine.run([str(learners)], tmp_path / "with", scheduler=scheduler, known=known)
    engine.run([str(learners)], tmp_path / "without", scheduler=scheduler)
    with Store(tmp_path / "run.db") as ran, Store(tmp_path / "load.db") as loaded, \
            Store(tmp_path / "blind.db") as blind:
        pipeline.run([str(learners)], ran)
        dataset.load(tmp_path / "with", loaded)
        dataset.load(tmp_path / "without", blind)
        assert contents(loaded) == contents(ran)
        assert contents(blind)["events"] != contents(ran)["events"]  # the actors mattered


def test_a_folder_that_is_neither_database_nor_dataset_is_an_error(tmp_path: Path):
    from click.testing import CliRunner

    from newsevents.cli import cli

    result = CliRunner().invoke(cli, ["events", "--db", str(tmp_path)])
    assert result.exit_code == 1
    assert str(tmp_path) in str(result.exception or result.output)


@pytest.mark.model
def test_loading_a_dataset_twice_adds_nothing(sample_dataset, tmp_path: Path):
    root, _ = sample_dataset
    with Store(tmp_path / "load.db") as store:
        dataset.load(root, store)
        before = contents(store)
        again = dataset.load(root, store)
        assert contents(store) == before
    assert (again.ingested.new, again.coded.articles, again.linked, again.placed) == ([], 0, 0, 0)


@pytest.mark.model
def test_a_corrupt_file_is_a_failed_partition_and_the_others_are_loaded(scheduler: str,
                                                                        tmp_path: Path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    good = sorted(SAMPLE_DIR.glob("*.txt"))[:2]
    for path in good:
        shutil.copy(path, inbox / path.name)
    (inbox / "crawl.warc").write_bytes(bytes(range(256)))  # a WARC file cut to garbage
    report = engine.run([str(inbox)], tmp_path / "dataset", scheduler=scheduler)
    assert [Path(o.partition.path).name for o in report.failed] == ["crawl.warc"]
    assert report.failed[0].error.startswith("broken WARC record, stopped reading")
    assert (len(report.outcomes), report.articles_coded) == (3, 2)
    with Store(tmp_path / "load.db") as store:
        loaded = dataset.load(tmp_path / "dataset", store)
        assert store.count_articles() == 2
    assert [e["file"] for e in loaded.failed_partitions] == [str(inbox / "crawl.warc")]


def flaky_task(partition: engine.Partition, settings: Settings) -> engine.PartitionResult:
    """Raises on its first try for a path ending "flaky" (a marker file remembers the try),
    always for one ending "broken"."""
    marker = Path(partition.path + ".tried")
    if partition.path.endswith("broken") or (partition.path.endswith("flaky")
                                             and not marker.exists()):
        marker.touch()
        raise RuntimeError(f"worker lost {partition.path}")
    return engine.PartitionResult(dataset.PartitionRows(partition.index),
                                  engine.Outcome(partition, True))


def test_a_raising_task_is_retried_then_reported_and_the_others_kept(scheduler: str,
                                                                     tmp_path: Path):
    distributed = pytest.importorskip("distributed")
    todo = [engine.Partition(i, str(tmp_path / name))
            for i, name in enumerate(("fine", "flaky", "broken"))]
    with distributed.Client(scheduler, set_as_default=False) as client:
        outcomes = engine.collect(client, todo, Settings(), tmp_path, retries=1, task=flaky_task)
    assert [(o.done, o.error) for o in outcomes] == [
        (True, None), (True, None), (False, f"RuntimeError: worker lost {tmp_path / 'broken'}")]


def test_cli_run_with_dask_engine_needs_output():
    from click.testing import CliRunner

    from newsevents.cli import cli

    result = CliRunner().invoke(cli, ["run", str(SAMPLE_DIR), "--engine", "dask"])
    assert result.exit_code == 2 and "--output" in result.output
