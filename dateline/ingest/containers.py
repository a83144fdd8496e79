"""Bounded reading of gzip, zip and tar containers.

Nothing is extracted to disk, so member names cannot escape anywhere; names that try ("../x", "/etc/x")
are still refused, as an archive that carries them is not a benign archive. Decompression is bounded three
ways: total bytes per input (``max_decompressed``), expansion ratio once past ``ratio_floor``, and
nesting depth. A ``.tar.gz`` is a gzip stream (bounded as such) holding a tar, read as it streams.
"""

from __future__ import annotations

import io
import posixpath
import stat
import tarfile
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from .failures import MALFORMED, TOO_LARGE, UNSAFE, UNSUPPORTED, Refused
from .limits import Limits

__all__ = ["Budget", "GunzipStream", "is_tar", "tar_members", "zip_members"]

_CHUNK = 64 * 1024


@dataclass(slots=True)
class Budget:
    """Decompressed bytes still allowed for one top-level input."""

    remaining: int

    def spend(self, size: int, limits: Limits) -> None:
        self.remaining -= size
        if self.remaining < 0:
            raise Refused(
                f"decompressed size exceeds the {limits.describe_bytes(limits.max_decompressed)} limit",
                TOO_LARGE,
            )


class GunzipStream(io.RawIOBase):
    """A readable, bounded view of the decompressed content of a (multi-member) gzip stream."""

    def __init__(self, raw: IO[bytes], *, limits: Limits, budget: Budget) -> None:
        self._raw = raw
        self._limits = limits
        self._budget = budget
        self._inflater = zlib.decompressobj(wbits=31)
        self._pending = b""
        self._consumed = 0
        self._produced = 0
        self._finished = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self._pending and not self._finished:
            self._pending = self._inflate_some()
        size = min(len(buffer), len(self._pending))
        buffer[:size] = self._pending[:size]
        self._pending = self._pending[size:]
        return size

    def _inflate_some(self) -> bytes:
        if self._inflater.unconsumed_tail:
            data = self._inflater.unconsumed_tail
        elif self._inflater.eof:
            data = self._inflater.unused_data
            if not data.strip(b"\x00"):
                data = self._raw.read(_CHUNK)
                self._consumed += len(data)
                if not data.strip(b"\x00"):
                    self._finished = True
                    return b""
            self._inflater = zlib.decompressobj(wbits=31)  # next gzip member
        else:
            data = self._raw.read(_CHUNK)
            self._consumed += len(data)
            if not data:
                raise Refused("truncated gzip data", MALFORMED)
        try:
            out = self._inflater.decompress(data, _CHUNK)
        except zlib.error as exc:
            raise Refused(f"corrupt gzip data ({exc})", MALFORMED) from None
        self._account(len(out))
        return out

    def _account(self, size: int) -> None:
        self._produced += size
        self._budget.spend(size, self._limits)
        if self._produced > self._limits.ratio_floor and self._produced > self._limits.max_ratio * max(
            self._consumed, 1
        ):
            raise Refused(f"compression ratio exceeds {self._limits.max_ratio:g}", UNSAFE)


def _safe_name(name: str) -> bool:
    normal = name.replace("\\", "/")
    if normal.startswith("/") or (len(normal) > 1 and normal[1] == ":"):
        return False
    return ".." not in normal.split("/")


def _skipped(name: str) -> bool:
    """Directory entries and OS metadata (``__MACOSX/``, dot files) are not documents."""
    base = posixpath.basename(name.rstrip("/"))
    return name.endswith("/") or name.startswith("__MACOSX/") or base.startswith(".")


def zip_members(
    stream: IO[bytes], *, limits: Limits, budget: Budget
) -> Iterator[tuple[str, bytes | Refused]]:
    """(member name, its bytes or why not) for each document member, in archive order."""
    try:
        archive = zipfile.ZipFile(stream)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise Refused(f"malformed zip archive ({exc})", MALFORMED) from None
    with archive:
        infos = archive.infolist()
        if any(info.filename == "[Content_Types].xml" for info in infos):
            raise Refused("Office documents are not supported", UNSUPPORTED)
        documents = [info for info in infos if not _skipped(info.filename)]
        for count, info in enumerate(documents):
            if count >= limits.max_members:
                yield info.filename, Refused(f"archive has more than {limits.max_members} members", TOO_LARGE)
                return
            yield info.filename, _member_bytes(archive, info, limits, budget)


def _member_bytes(
    archive: zipfile.ZipFile, info: zipfile.ZipInfo, limits: Limits, budget: Budget
) -> bytes | Refused:
    if not _safe_name(info.filename):
        return Refused(f"unsafe path in archive: {info.filename}", UNSAFE)
    if stat.S_ISLNK(info.external_attr >> 16):  # a symlink member's bytes are its target path, not a document
        return Refused("archive member is a link", UNSAFE)
    if info.flag_bits & 0x1:
        return Refused("encrypted archive member", UNSUPPORTED)
    if info.file_size > limits.max_bytes:
        return Refused(f"input is larger than the {limits.describe_bytes(limits.max_bytes)} limit", TOO_LARGE)
    if info.file_size > limits.ratio_floor and info.file_size > limits.max_ratio * max(info.compress_size, 1):
        return Refused(f"compression ratio exceeds {limits.max_ratio:g}", UNSAFE)
    try:
        with archive.open(info) as member:
            data = member.read(limits.max_bytes + 1)
    except (zipfile.BadZipFile, zlib.error, OSError, NotImplementedError, EOFError, ValueError) as exc:
        return Refused(f"unreadable archive member ({exc})", MALFORMED)
    if len(data) > limits.max_bytes:
        return Refused(f"input is larger than the {limits.describe_bytes(limits.max_bytes)} limit", TOO_LARGE)
    try:
        budget.spend(len(data), limits)
    except Refused as refused:
        return refused
    return data


def is_tar(head: bytes) -> bool:
    """A POSIX (ustar) or GNU tar: the magic at offset 257 of the first header block."""
    return head[257:262] == b"ustar"


def tar_members(
    stream: IO[bytes], *, seekable: bool, limits: Limits
) -> Iterator[tuple[str, bytes | Refused]]:
    """(member name, its bytes or why not) for each regular-file member, in archive order.

    A seekable stream is read with random access (oversized members are seeked over); any other
    (stdin, a decompressing gzip stream) in tarfile's streaming mode, which reads straight through.
    Directories and OS metadata are passed over; links, devices and FIFOs are refused members.
    """
    try:
        archive = tarfile.open(fileobj=stream, mode="r:" if seekable else "r|")  # noqa: SIM115
    except (tarfile.TarError, OSError, EOFError) as exc:
        raise Refused(f"malformed tar archive ({exc})", MALFORMED) from None
    with archive:
        count = 0
        try:
            for info in archive:
                if info.isdir() or _skipped(info.name) or info.type in _TAR_METADATA:
                    continue
                if count >= limits.max_members:
                    yield info.name, Refused(f"archive has more than {limits.max_members} members", TOO_LARGE)
                    return
                count += 1
                yield info.name, _tar_member_bytes(archive, info, limits)
        except (tarfile.TarError, OSError, EOFError, zlib.error) as exc:
            raise Refused(f"malformed tar archive ({exc})", MALFORMED) from None


# pax global headers and GNU volume labels describe the archive, they are not documents
_TAR_METADATA = frozenset({tarfile.XGLTYPE, b"V"})


def _tar_member_bytes(archive: tarfile.TarFile, info: tarfile.TarInfo, limits: Limits) -> bytes | Refused:
    if not _safe_name(info.name):
        return Refused(f"unsafe path in archive: {info.name}", UNSAFE)
    if info.issym() or info.islnk():
        # a link is a path trick at best (it points outside, or at a member already read)
        return Refused(f"archive member is a link ({info.linkname})", UNSAFE)
    if not info.isfile():
        return Refused("not a regular file", UNSUPPORTED)
    if info.size > limits.max_bytes:
        return Refused(f"input is larger than the {limits.describe_bytes(limits.max_bytes)} limit", TOO_LARGE)
    member = archive.extractfile(info)
    if member is None:
        return Refused("not a regular file", UNSUPPORTED)
    with member:
        data = member.read(limits.max_bytes + 1)
    if len(data) < info.size:
        raise Refused("truncated tar archive", MALFORMED)  # the rest of the archive is gone too
    return data
