"""The event database the server tests read: invented articles (tests/data/server) through the real pipeline.

Extraction runs once per test session (``documents`` is cached); each test module writes the documents
into a database of its own.
"""

from __future__ import annotations

import asyncio
from functools import cache
from pathlib import Path

import httpx

from dateline.extract import Extractor
from dateline.ingest import article_from_text
from dateline.models import Document, Failure
from dateline.store import open_store

DATA = Path(__file__).resolve().parent.parent / "data" / "server"
# The march story gets a script URL: the pages must never turn it into a link.
UNSAFE_URL = "javascript:alert(1)"
FAILURE = Failure(input="broken.pdf", stage="ingest", reason="not a text file", code="unsupported")


@cache
def _documents(nlp) -> tuple[Document, ...]:
    articles = [
        article_from_text(
            path.read_text(encoding="utf-8"),
            id=path.stem,
            url=UNSAFE_URL if path.stem == "teachers-march" else f"https://news.example/{path.stem}",
        )
        for path in sorted(DATA.glob("*.txt"))
    ]
    return tuple(Extractor(nlp).documents(articles))


def build_db(path: Path, nlp) -> str:
    """A SQLite event database at ``path`` holding the three stories and one failure."""
    with open_store(str(path)) as store:
        for doc in _documents(nlp):
            store.write_document(doc)
        store.write_failure(FAILURE)
    return str(path)


class AppClient:
    """Calls an ASGI app in-process through httpx's ASGI transport (no server, no socket)."""

    def __init__(self, app, *, raise_app_exceptions: bool = True) -> None:
        self.app = app
        self.raise_app_exceptions = raise_app_exceptions

    def request(self, method: str, url: str) -> httpx.Response:
        async def send() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app, raise_app_exceptions=self.raise_app_exceptions)
            async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
                return await client.request(method, url)

        return asyncio.run(send())

    def get(self, url: str) -> httpx.Response:
        return self.request("GET", url)

    def post(self, url: str) -> httpx.Response:
        return self.request("POST", url)

    def close(self) -> None:
        self.app.state.stores.close()  # what the app's lifespan does at shutdown
