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

from .. import ontology
from ..errors import DatelineError, InputError, MissingDependency
from .stores import QueryTimeout, StorePool, check_database

if TYPE_CHECKING:
    from fastapi import FastAPI, Request
    from fastapi.responses import Response

__all__ = ["create_app"]

log = logging.getLogger(__name__)

STATIC = Path(__file__).resolve().parent / "static"
# status -> the error code of the JSON answer (ontology/data/http_errors.tsv, which also documents them)
_HTTP_ERRORS = "http_errors"
_HTTP_CODES = {int(row["status"]): row["code"] for row in ontology.table(_HTTP_ERRORS)}
_ERROR_REF = "#/components/schemas/Error"
_INTERNAL = "internal error: the server log has the details"
MAX_QUERY_BYTES = 8 * 1024  # a longer query string is answered 414 (every parameter is bounded far below)
MAX_BODY_BYTES = 64 * 1024  # the routes are GET only: a larger body is answered 413
SECURITY_HEADERS = [
    (b"content-security-policy",
     b"default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
     b"form-action 'self'; style-src 'self' 'unsafe-inline'"),  # the dashboard's bars are sized inline
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]  # fmt: skip


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
    _openapi_as_answered(app)
    app.add_middleware(_Guard)
    return app


def _problem(error: Mapping[str, Any]) -> str:
    """One request validation problem as "where: what" ("limit: Input should be ...")."""
    where = ".".join(str(part) for part in error["loc"][1:])
    return f"{where}: {error['msg']}"


class _Guard:
    """Outermost ASGI layer: over-long query strings (414) and bodies (413) are answered before any
    route runs, and every answer carries the security headers."""

    def __init__(self, app) -> None:
        self.app = app

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message) -> None:
            if message["type"] == "http.response.start":
                names = {name.lower() for name, _ in message.get("headers", [])}
                message["headers"] = [*message.get("headers", []),
                                      *(h for h in SECURITY_HEADERS if h[0] not in names)]  # fmt: skip
            await send(message)

        refusal = _refusal(scope)
        if refusal is None:
            await self.app(scope, receive, send_with_headers)
            return
        from fastapi.responses import JSONResponse

        status, message = refusal
        response = JSONResponse(_error_body(_HTTP_CODES[status], message), status_code=status)
        await response(scope, receive, send_with_headers)


def _refusal(scope) -> tuple[int, str] | None:
    """The status and message answering an oversized request before any route runs (None: not one)."""
    length = dict(scope.get("headers", [])).get(b"content-length", b"0")
    if len(scope.get("query_string", b"")) > MAX_QUERY_BYTES:
        return 414, f"query string longer than {MAX_QUERY_BYTES} bytes"
    if not length.isdigit() or int(length) > MAX_BODY_BYTES:
        return 413, f"request body larger than {MAX_BODY_BYTES} bytes"
    return None


def _error_body(code: str, message: str) -> dict[str, Any]:
    """The one error shape of the API."""
    return {"error": {"code": code, "message": message}}


def _error_schema() -> dict[str, Any]:
    """The JSON schema of ``_error_body`` (the OpenAPI schema's "Error")."""
    text = {"type": "string"}
    return {"type": "object", "required": ["error"],
            "properties": {"error": {"type": "object", "required": ["code", "message"],
                                     "properties": {"code": text, "message": text}}}}  # fmt: skip


def _documented(description: str) -> dict[str, Any]:
    """An OpenAPI response answered in the error shape."""
    return {"description": description, "content": {"application/json": {"schema": {"$ref": _ERROR_REF}}}}


def _openapi_as_answered(app: FastAPI) -> None:
    """The schema lists what the API answers: 400 (never FastAPI's 422) for bad parameters, 404 for an
    unknown id, 413/414 for oversized requests, each with the one error shape."""
    from fastapi.openapi.utils import get_openapi

    def schema() -> dict:
        if app.openapi_schema:
            return app.openapi_schema
        spec = get_openapi(title=app.title, version=app.version, routes=app.routes)
        spec.setdefault("components", {}).setdefault("schemas", {})["Error"] = _error_schema()
        spec["components"]["schemas"].pop("HTTPValidationError", None)
        spec["components"]["schemas"].pop("ValidationError", None)
        for path, operations in spec.get("paths", {}).items():
            for operation in operations.values():
                responses = operation.setdefault("responses", {})
                responses.pop("422", None)
                for row in ontology.table(_HTTP_ERRORS):
                    if row["documented"] == "every" or (row["documented"] == "item" and "{" in path):
                        responses[row["status"]] = _documented(row["description"])
        app.openapi_schema = spec
        return spec

    app.openapi = schema  # type: ignore[method-assign]


def _error_response(request: Request, status: int, code: str, message: str) -> Response:
    """The JSON error shape under /api, an HTML page elsewhere."""
    from fastapi.responses import JSONResponse

    from .pages import error_page

    if request.url.path == "/api" or request.url.path.startswith("/api/"):
        return JSONResponse(_error_body(code, message), status_code=status)
    return error_page(request, status, code, message)


def _add_error_handlers(app: FastAPI) -> None:
    from fastapi.exceptions import RequestValidationError
    from starlette.exceptions import HTTPException

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException) -> Response:
        message = str(exc.detail)
        if exc.status_code == 404 and message == "Not Found":  # no route: say which path
            message = f"no page {request.url.path}"
        response = _error_response(request, exc.status_code, _HTTP_CODES.get(exc.status_code, "http"), message)
        for name, value in (exc.headers or {}).items():  # "Allow" on a 405
            response.headers[name] = value
        return response

    @app.exception_handler(RequestValidationError)
    async def bad_parameter(request: Request, exc: RequestValidationError) -> Response:
        problems = "; ".join(_problem(error) for error in exc.errors())
        return _error_response(request, 400, "input", problems or "invalid request")

    @app.exception_handler(DatelineError)
    async def dateline_error(request: Request, exc: DatelineError) -> Response:
        status = 400 if isinstance(exc, InputError) else 503 if isinstance(exc, QueryTimeout) else 500
        if status == 500:
            log.error("%s: %s", request.url.path, exc)
        return _error_response(request, status, exc.code, str(exc))

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        log.exception("unexpected error on %s", request.url.path)
        response = _error_response(request, 500, "internal", _INTERNAL)
        for name, value in SECURITY_HEADERS:  # this handler answers outside _Guard (Starlette's outermost layer)
            response.headers[name.decode()] = value.decode()
        return response
