"""One exception tree for the whole package::

    DatelineError
     ├── ConfigError
     ├── InputError                 bad input: empty, binary, too large, undecodable, malformed
     │    └── UnsupportedInput      terminal: nothing dateline can read
     ├── FetchError                 transient: network trouble, may succeed on retry
     ├── ExtractionError
     ├── StoreError
     │    └── SchemaVersionError
     ├── ExportError
     └── MissingDependency          (also ImportError) names the extra to install

The CLI turns a DatelineError into a one-line message and an exit code; library code raises and logs.
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
    "SchemaVersionError",
    "StoreError",
    "UnsupportedInput",
]


class DatelineError(Exception):
    """Base of every error dateline raises on purpose."""

    code = "error"


class ConfigError(DatelineError):
    code = "config"


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


class ExportError(DatelineError):
    code = "export"


class MissingDependency(DatelineError, ImportError):
    code = "dependency"

    def __init__(self, module: str, extra: str) -> None:
        super().__init__(f"{module} is not installed: pip install 'dateline[{extra}]'")
        self.module = module
        self.extra = extra
