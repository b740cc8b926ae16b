"""SQLite storage: schema, migrations, reads and writes — the only package with SQL."""

from newsevents.store.articles import AddReport
from newsevents.store.database import Store
from newsevents.store.learned import LearnedLike, StoredActor, actor_key
from newsevents.store.migrations import LATEST_VERSION

__all__ = ["LATEST_VERSION", "AddReport", "LearnedLike", "Store", "StoredActor", "actor_key"]
