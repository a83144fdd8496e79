"""Stage 5, the server: a JSON API and an HTML dashboard over an event database (``dateline serve``).

::

    from dateline.server import create_app

    app = create_app("events.db")            # an ASGI app: uvicorn.run(app), or httpx.ASGITransport(app)

Routes (all GET, read-only): ``/`` the dashboard (map, timeline, filters, counts, the events newest
first), ``/events/{id}`` one event with every mention and its evidence marked, ``/failures``;
``/api/events``, ``/api/events/{id}``, ``/api/facets``, ``/api/timeline``, ``/api/geojson``,
``/api/export/{format}`` (downloads), ``/api/stats``, ``/api/failures``, ``/api/openapi.json``.
JSON successes are ``{"data": ..., "meta": {...}}``; JSON errors ``{"error": {"code": ..., "message":
...}}`` (the API's one translation point for ``DatelineError``, HTTP errors and bad parameters, below).
Needs the ``serve`` extra (fastapi, jinja2; uvicorn to run it). The dashboard's browser libraries and
map data are vendored in ``static/vendor`` (``scripts/vendor_js.sh``). See docs/server.md.
"""

from __future__ import annotations

import importlib.util
import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import DatelineError, InputError, MissingDependency
from .stores import StorePool, check_database

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from fastapi.responses import Response

__all__ = ["create_app"]

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
_HTTP_CODES = {400: InputError.code, 404: "not_found", 405: "method_not_allowed"}


def _require(*modules: str) -> None:
    for module in modules:
        if importlib.util.find_spec(module) is None:
            raise MissingDependency(module, extra="serve")


def create_app(store_url: str, *, title: str = "dateline") -> FastAPI:
    """The ASGI app serving the event database ``store_url`` (no globals: build as many as you like).

    Args:
        store_url: a SQLite file written by ``dateline run --db`` or a ``postgresql://`` URL.
        title: shown in the page header and the OpenAPI schema.

    Raises:
        StoreError: no database there (it is never created), or it is not a dateline database.
        MissingDependency: fastapi or jinja2 is not installed (``pip install 'dateline[serve]'``).
    """
    _require("fastapi", "jinja2")
    from fastapi import FastAPI
    from fastapi.staticfiles import StaticFiles

    from . import api, pages

    check_database(store_url)
    stores = StorePool(store_url)
    with stores.borrow():
        pass  # open one store now, so a bad database fails here and not on the first request

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        stores.close()

    # FastAPI's own /docs pages load scripts from a CDN: off, the dashboard works offline
    app = FastAPI(
        title=title, lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url="/api/openapi.json"
    )
    app.state.stores = stores
    app.state.title = title
    app.state.templates = pages.make_templates()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_error_handlers(app)
    return app


def _problem(error: Mapping[str, Any]) -> str:
    """One request validation problem as "where: what" ("limit: Input should be ...")."""
    where = ".".join(str(part) for part in error["loc"][1:])
    return f"{where}: {error['msg']}"


def _error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The JSON error shape under /api, an HTML page elsewhere."""
    from fastapi.responses import JSONResponse

    from .pages import error_page

    if request.url.path == "/api" or request.url.path.startswith("/api/"):
        return JSONResponse({"error": {"code": code, "message": message}}, status_code=status)
    return error_page(request, status, code, message)


def _add_error_handlers(app: FastAPI) -> None:
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":  # no route: say which path
            message = f"no page {request.url.path}"
        return _error_response(request, exc.status_code, _HTTP_CODES.get(exc.status_code, "http"), message)

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(_problem(error) for error in exc.errors())
        return _error_response(request, 400, "input", problems or "invalid request")

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        status = 400 if isinstance(exc, InputError) else 500
        if status == 500:
            log.error("%s: %s", request.url.path, exc)
        return _error_response(request, status, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        return _error_response(request, 500, "internal", "internal error: the server log has the details")
