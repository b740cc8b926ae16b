"""newsevents: political event data and timelines from news articles.

The library (docs/library.md)::

    import newsevents
    result = newsevents.extract("Russia on Wednesday turned down an invitation from Turkey "
                                "to join the talks.", published="2011-07-13")
    result.events[0].type        # 'REJECT'
    with newsevents.open("news.db") as db:
        db.events(dyad=("Russia", "Libya"), since="2011-03")

Importing loads no model and opens no database; the first :func:`extract` loads the spaCy model.
"""

__version__ = "0.1.0"

from newsevents.api import Database, Records, Result, extract, extract_many, open  # noqa: E402
from newsevents.errors import FilterError, InputError, NewsEventsError  # noqa: E402

__all__ = [
    "Database",
    "FilterError",
    "InputError",
    "NewsEventsError",
    "Records",
    "Result",
    "__version__",
    "extract",
    "extract_many",
    "open",
]
