"""One exception tree for the whole package::

    DatelineError
     ├── ConfigError
     ├── InputError                 bad input: empty, binary, too large, undecodable, malformed
     │    └── UnsupportedInput      terminal: nothing dateline can read
     ├── FetchError                 transient: network trouble, may succeed on retry
     ├── ExtractionError
     ├── StoreError
     │    ├── SchemaVersionError
     │    └── NoDatabase             a command that reads a database was given one that does not exist
     ├── ExportError
     └── MissingDependency          (also ImportError) names the extra to install

The CLI turns a DatelineError into a one-line message and the error's ``exit_status`` (CONTRACT.md:
2 for usage errors, bad settings and missing extras; 1 otherwise); library code raises and logs.
"""

from __future__ import annotations

__all__ = [
    "ConfigError",
    "DatelineError",
    "ExportError",
    "ExtractionError",
    "FetchError",
    "InputError",
    "MissingDependency",
    "NoDatabase",
    "SchemaVersionError",
    "StoreError",
    "UnsupportedInput",
]


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    code = "error"
    exit_status = 1


class ConfigError(DatelineError):
    """A bad setting, settings file or option value: a usage error."""

    code = "config"
    exit_status = 2


class InputError(DatelineError):
    code = "input"


class UnsupportedInput(InputError):
    code = "unsupported"


class FetchError(DatelineError):
    code = "fetch"
    transient = True


class ExtractionError(DatelineError):
    code = "extract"


class StoreError(DatelineError):
    code = "store"


class SchemaVersionError(StoreError):
    code = "schema"


class NoDatabase(StoreError):
    """Reading commands never create a database: a path with no file is a usage error (a mistyped --db)."""

    code = "no-database"
    exit_status = 2


class ExportError(DatelineError):
    code = "export"


class MissingDependency(DatelineError, ImportError):
    code = "dependency"
    exit_status = 2

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(f"{module} is not installed: pip install 'dateline[{extra}]'")
        self.module = module
        self.extra = extra
