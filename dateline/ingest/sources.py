"""What an input names: a file, a folder (recursive, sorted, symlink loops survived), ``-`` or a URL.

Symbolic links inside a folder are resolved and read only when they stay inside that folder (unless
``follow_links``); names that are not UTF-8 are given as escaped text (``bin\\xffname.txt``).
"""

from __future__ import annotations

import io
import logging
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import IO, BinaryIO

from ..models import Failure
from .clean import escape_name
from .failures import EMPTY, MISSING, UNREADABLE, UNSAFE, UNSUPPORTED, Refused
from .fetch import Fetcher, is_url

__all__ = ["Source", "expand_inputs"]

Opened = tuple[IO[bytes], str | None, str, str | None]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Source:
    """One readable input: ``open()`` gives (stream, url or None, file-name hint, date header or None);
    the date header is a fetched page's ``Last-Modified`` (a year for year-less wire leads)."""

    name: str
    open: Callable[[], Opened]


def expand_inputs(
    inputs: Iterable[str], *, stdin: BinaryIO | None, fetcher: Fetcher, follow_links: bool = False
) -> Iterator[Source | Failure]:
    """Each input as sources, in order; inputs that name nothing readable become failures.

    A symbolic link met inside a folder is refused when it leads outside that folder, unless
    ``follow_links``.
    """
    for value in inputs:
        if value == "-":
            yield Source("-", lambda: (_stdin(stdin), None, "", None))
        elif is_url(value):
            yield Source(value, _url_opener(value, fetcher))
        else:
            yield from _path_sources(value, follow_links=follow_links)


def _stdin(stdin: BinaryIO | None) -> IO[bytes]:
    import sys

    return stdin if stdin is not None else sys.stdin.buffer


def _url_opener(url: str, fetcher: Fetcher) -> Callable[[], Opened]:
    def opener() -> Opened:
        fetched = fetcher.fetch(url)
        hint = fetched.url.split("?")[0]
        if "html" in fetched.content_type:
            hint += ".html" if not hint.endswith((".html", ".htm")) else ""
        return io.BytesIO(fetched.data), fetched.url, hint, fetched.last_modified

    return opener


def _file_opener(path: str) -> Callable[[], Opened]:
    def opener() -> Opened:
        try:
            return open(path, "rb"), None, path, None
        except PermissionError:
            raise Refused("permission denied", UNREADABLE) from None
        except OSError as exc:
            raise Refused(f"cannot open: {exc.strerror or exc}", UNREADABLE) from None

    return opener


def _path_sources(path: str, *, follow_links: bool = False, root: str | None = None) -> Iterator[Source | Failure]:
    name = escape_name(path)  # the name shown and stored; ``path`` itself is what is opened
    try:
        info = os.stat(path)
    except FileNotFoundError:
        yield Failure(input=name, stage="ingest", reason="no such file or directory", code=MISSING)
        return
    except OSError as exc:
        yield Failure(
            input=name, stage="ingest", reason=f"cannot read: {exc.strerror or exc}", code=UNREADABLE
        )
        return
    if root is not None and not follow_links and not _inside(path, root):
        yield Failure(input=name, stage="ingest", code=UNSAFE,
                      reason="symbolic link leads outside the input folder (--follow-links reads it)")  # fmt: skip
        return
    if stat.S_ISDIR(info.st_mode):
        found = False
        for item in _walk(path, follow_links=follow_links, root=root):
            found = True
            yield item
        if not found:
            yield Failure(input=name, stage="ingest", reason="folder has no files", code=EMPTY)
    elif stat.S_ISREG(info.st_mode):
        yield Source(name, _file_opener(path))
    else:  # FIFOs and devices could block forever or never end
        yield Failure(input=name, stage="ingest", reason="not a regular file", code=UNSUPPORTED)


def _inside(path: str, root: str) -> bool:
    """Whether ``path``, every link resolved, lies in the folder ``root`` (already resolved)."""
    real = os.path.realpath(path)
    return real == root or real.startswith(root.rstrip(os.sep) + os.sep)


def _walk(top: str, *, follow_links: bool = False, root: str | None = None) -> Iterator[Source | Failure]:
    """Files under ``top``, sorted, depth first; hidden names and already-seen folders are skipped.

    ``root`` is the resolved input folder links must stay in (``top`` itself when it is the input).
    """
    seen: set[tuple[int, int]] = set()
    root = root if root is not None else os.path.realpath(top)

    def visit(folder: str) -> Iterator[Source | Failure]:
        try:
            info = os.stat(folder)
            entries = sorted(os.scandir(folder), key=lambda entry: entry.name)
        except OSError as exc:
            yield Failure(
                input=escape_name(folder),
                stage="ingest",
                reason=f"cannot list folder: {exc.strerror or exc}",
                code=UNREADABLE,
            )
            return
        key = (info.st_dev, info.st_ino)
        if key in seen:  # a symlink loop, or two links to one folder
            log.debug("skipping %s: folder already read", folder)
            return
        seen.add(key)
        for entry in entries:
            if entry.name.startswith("."):
                continue
            path = os.path.join(folder, entry.name)
            try:
                is_dir = entry.is_dir(follow_symlinks=True)
            except OSError:
                is_dir = False
            if entry.is_symlink() and not follow_links and not _inside(path, root):
                yield Failure(input=escape_name(path), stage="ingest", code=UNSAFE,
                              reason="symbolic link leads outside the input folder (--follow-links reads it)")  # fmt: skip
            elif is_dir:
                yield from visit(path)
            else:
                yield from _path_sources(path, follow_links=follow_links, root=root)

    yield from visit(top)
