"""The store, written once over DB-API: SQLite and PostgreSQL differ only in a small ``Dialect``.

Every document is written in one write transaction that holds the database's writer lock (SQLite
``BEGIN IMMEDIATE``; a PostgreSQL transaction-level advisory lock), so duplicate checks, linking and
the upserts see a consistent database even with several ``dateline run`` processes on one store:
nothing is lost and nothing is written twice. Reads take no lock.

The store decides nothing about linking: ``write_document`` hands the article's mentions to the link
function (``dateline.link.link_mentions``), which asks this store for candidates and term counts
(``EventIndex``) inside that same transaction.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from typing import Any

from ..distance import haversine_km
from ..errors import InputError, SchemaVersionError
from ..ingest.clean import escape_name
from ..ingest.signature import article_signature
from ..link import (
    CandidateQuery,
    EventIndex,
    Features,
    article_context,
    features_of_mention_row,
    link_mentions,
)
from ..models import Attribution, Document, Entity, Event, Failure, Place, Quote, Span
from ..settings import Settings, current
from . import clock
from .identity import band_keys, fingerprint_of, signature_similarity
from .query import MAX_TEXT_WORDS, search_words
from .records import StoredEvent, StoredMention, WriteResult, aggregate, event_id_for, mention_row
from .schema import DIALECT_MIGRATIONS, MIGRATIONS, TABLES

__all__ = ["Dialect", "LinkFunction", "SqlStore"]

log = logging.getLogger(__name__)

# Short queries, named (the long ones stay where they are used).
_APPLIED_VERSIONS = "SELECT version FROM schema_migrations"
_ARTICLE_WITH_ID = "SELECT id FROM articles WHERE id = ?"
_FIRST_ARTICLE_WITH_TEXT = "SELECT MIN(id) AS id FROM articles WHERE fingerprint = ?"
_ARTICLE_TEXT = "SELECT text FROM articles WHERE id = ?"
_EVENT_WITH_ID = "SELECT * FROM events WHERE id = ?"
_NEAR_DUPLICATE_COUNT = "SELECT COUNT(*) FROM articles WHERE duplicate_of IS NOT NULL"
_BAND_MATCH = "(b.band = ? AND b.bucket = ?)"
_ROW_COUNT = "SELECT COUNT(*) FROM {table}"

# The link stage's decision: (the article's mentions, its context terms, the store to query) -> the
# event each mention joins, None for a new one (``dateline.link.link_mentions`` by default).
LinkFunction = Callable[[Sequence[Features], frozenset[str], EventIndex], list[str | None]]


class Dialect:
    """What differs between the SQL backends (each backend module subclasses it)."""

    name = "sql"
    placeholder = "?"  # the DB-API parameter marker: "?" (sqlite3) or "%s" (psycopg)

    def begin_write(self) -> tuple[str, ...]:
        """The statements that open a transaction holding the database's writer lock."""
        raise NotImplementedError

    def no_limit(self) -> int | None:
        """The ``LIMIT`` value meaning "no limit" (with an ``OFFSET``)."""
        return None

    def error(self) -> type[Exception]:
        """The base class of the driver's errors (``sqlite3.Error``, ``psycopg.Error``)."""
        raise NotImplementedError

    def has_word(self) -> str:
        """The condition "some mention of the event has this whole word in its evidence sentence", through
        the full-text index of migration 5; one ``?``, given ``word_parameter(word)``."""
        raise NotImplementedError

    def word_parameter(self, word: str) -> str:
        """The value of ``has_word``'s parameter for ``word`` (a ``search_words`` word)."""
        return word


class SqlStore:
    """A ``Store`` over a DB-API connection in autocommit mode (transactions are explicit).

    ``settings`` (default: the active ones) give the near-duplicate and query bounds; ``link`` decides
    which event each new mention joins (default: ``dateline.link.link_mentions`` with the settings'
    ``[linking]`` weights). The store runs it inside the write transaction, as an ``EventIndex``.
    """

    def __init__(
        self,
        connection: Any,
        dialect: Dialect,
        *,
        description: str,
        settings: Settings | None = None,
        link: LinkFunction | None = None,
    ) -> None:
        self._conn = connection
        self._dialect = dialect
        self.dialect = dialect
        self.description = description
        self._in_write = False
        self._settings = settings if settings is not None else current()
        self._link = link if link is not None else self._default_link

    def _default_link(
        self, mentions: Sequence[Features], context: frozenset[str], index: EventIndex
    ) -> list[str | None]:
        return link_mentions(mentions, context, index, self._settings.linking)

    # -- plumbing ---------------------------------------------------------------------------------
    def _sql(self, sql: str) -> str:
        return sql if self._dialect.placeholder == "?" else sql.replace("?", self._dialect.placeholder)

    def _execute(self, sql: str, params: Sequence[Any] = ()) -> Any:
        cursor = self._conn.cursor()
        if params:
            cursor.execute(self._sql(sql), tuple(params))
        else:
            cursor.execute(sql)
        return cursor

    def _rows(self, sql: str, params: Sequence[Any] = ()) -> list[dict[str, Any]]:
        cursor = self._execute(sql, params)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]

    def _iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows in batches, so exporting a large store does not hold every row in memory."""
        cursor = self._execute(sql, params)
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(500):
            for row in batch:
                yield dict(zip(names, row, strict=True))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _insert(self, table: str, row: dict[str, Any], *, conflict: str, update: bool = False) -> None:
        columns = list(row)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        self._execute(sql + _on_conflict(columns, conflict, update), [row[c] for c in columns])

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction holding the writer lock; rolled back on any error."""
        for statement in self._dialect.begin_write():
            self._execute(statement)
        self._in_write = True
        try:
            yield
        except BaseException:
            self._execute("ROLLBACK")
            raise
        else:
            self._execute("COMMIT")
        finally:
            self._in_write = False

    # -- schema -----------------------------------------------------------------------------------
    def migrate(self) -> int:
        """Apply the migrations this database lacks; returns the schema version."""
        with self._write():
            self._execute(
                "CREATE TABLE IF NOT EXISTS schema_migrations "
                "(version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"
            )
            done = {r["version"] for r in self._rows(_APPLIED_VERSIONS)}
            known = {version for version, _, _ in MIGRATIONS}
            if done - known:
                raise SchemaVersionError(
                    f"{self.description} has schema version {max(done)}, newer than this dateline "
                    f"knows ({max(known)}): upgrade dateline"
                )
            for version, name, statements in MIGRATIONS:
                if version in done:
                    continue
                for statement in [*statements, *DIALECT_MIGRATIONS.get(version, {}).get(self._dialect.name, [])]:
                    self._execute(statement)
                self._insert(
                    "schema_migrations",
                    {"version": version, "name": name, "applied_at": _now()},
                    conflict="version",
                )
                log.info("applied migration %d (%s) to %s", version, name, self.description)
        return max(known)

    def close(self) -> None:
        self._conn.close()

    def __enter__(self) -> SqlStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------------
    def write_failure(self, failure: Failure) -> None:
        """Record an input that failed (once: the same failure again changes nothing)."""
        failure = replace(failure, input=escape_name(failure.input), reason=escape_name(failure.reason))
        key = hashlib.sha1("\x1f".join((failure.input, failure.stage, failure.code, failure.reason)).encode())
        with self._write():
            self._insert("failures", _failure_row(key.hexdigest()[:16], failure), conflict="id")

    def write_document(self, doc: Document, *, also: Callable[[WriteResult], None] | None = None) -> WriteResult:
        """Store one article with its events, each in the linked event the link stage chose for it.

        An article already stored (same id, or same text fingerprint) changes nothing and is reported
        as ``duplicate``; a near duplicate is stored with ``duplicate_of`` set. ``also`` runs inside the
        same transaction with the result (``dateline watch`` marks the article's URL done there, so a
        crash leaves both written or neither).
        """
        fingerprint = fingerprint_of(doc.article.text, doc.article.fingerprint)
        signature = self._signature_of(doc)  # before the lock: other writers need not wait for it
        with self._write():
            result = self._write_document(doc, fingerprint, signature)
            if also is not None:
                also(result)
        return result

    def _write_document(self, doc: Document, fingerprint: str, signature: Sequence[int]) -> WriteResult:
        article = doc.article
        earlier = self._stored_copy(article.id, fingerprint)
        if earlier:
            return WriteResult(article_id=article.id, status="duplicate", duplicate_of=earlier)
        near = self._near_duplicate_of(signature)
        self._insert_article(doc, fingerprint, signature, near)
        new_events, linked, n_mentions = self._store_mentions(doc)
        return WriteResult(
            article_id=article.id,
            status="near_duplicate" if near else "new",
            duplicate_of=near,
            mentions=n_mentions,
            new_events=new_events,
            linked=linked,
        )

    def _signature_of(self, doc: Document) -> Sequence[int]:
        """The signature ingest gave the article; computed here (the same way) when it gave none."""
        given = doc.article.signature
        return given if given is not None else article_signature(doc.article.text, self._settings.dedup)

    def _stored_copy(self, article_id: str, fingerprint: str) -> str | None:
        """The id of the stored article with this id or this text, if any."""
        if self._one(_ARTICLE_WITH_ID, [article_id]):
            return article_id
        return (self._one(_FIRST_ARTICLE_WITH_TEXT, [fingerprint]) or {}).get("id")

    def _near_duplicate_of(self, signature: Sequence[int]) -> str | None:
        if not signature:
            return None
        dedup = self._settings.dedup
        keys = band_keys(signature, dedup.bands)
        rows = self._rows(
            f"SELECT DISTINCT a.id, a.minhash, a.duplicate_of FROM article_bands b "
            f"JOIN articles a ON a.id = b.article_id WHERE {' OR '.join(_BAND_MATCH for _ in keys)}",
            [v for key in keys for v in key],
        )
        for row in sorted(rows, key=lambda r: r["id"]):  # sorted here: server collations differ
            stored = json.loads(row["minhash"] or "[]")
            if signature_similarity(signature, stored) >= dedup.near_duplicate_jaccard:
                return row["duplicate_of"] or row["id"]  # point at the original, not at another copy
        return None

    def _insert_article(
        self, doc: Document, fingerprint: str, signature: Sequence[int], near: str | None
    ) -> None:
        article_id = doc.article.id
        row = _article_row(doc, fingerprint, signature, near, self._settings.store.keep_text)
        self._insert("articles", row, conflict="id")
        for band, bucket in band_keys(signature, self._settings.dedup.bands) if signature else ():
            self._insert("article_bands", dict(band=band, bucket=bucket, article_id=article_id),
                         conflict="band, bucket, article_id")  # fmt: skip
        for idx, quote in enumerate(doc.quotes):
            self._insert("quotes", _quote_row(article_id, idx, quote), conflict="article_id, idx")

    def _store_mentions(self, doc: Document) -> tuple[int, int, int]:
        """Write the document's mentions, each in the event the link stage chose; (new events, linked,
        mentions)."""
        rows: list[dict[str, Any]] = []
        events: list[Event] = []
        seen: set[str] = set()
        context = article_context(doc, self._settings.linking)
        for position, event in enumerate(doc.events):
            row = mention_row(event, doc.article, position, context)
            if row["id"] not in seen:  # an extractor repeating an id must not write twice
                seen.add(row["id"])
                rows.append(row)
                events.append(event)
        chosen = self._link([features_of_mention_row(r) for r in rows], context, self)
        if rows:
            self._count_terms(context)
        seq = self._last_seq()
        new_events = linked = 0
        written = clock.now()
        for row, event, event_id in zip(rows, events, chosen, strict=True):
            kind = "joined" if event_id is not None else "new"  # a joined event keeps its (older) id
            if event_id is None:
                event_id = event_id_for(row["id"])
                new_events += 1
            else:
                linked += 1
            seq += 1
            row["event_id"], row["seq"] = event_id, seq
            self._insert("event_mentions", row, conflict="id")
            self._insert("changes", dict(seq=seq, time=written, kind=kind, event_id=event_id,
                                         mention_id=row["id"], article_id=doc.article.id), conflict="seq")  # fmt: skip
            self._insert_parts(row["id"], event_id, event)
            self._insert("events", aggregate(event_id, self._mention_rows(event_id)), conflict="id", update=True)
        return new_events, linked, len(rows)

    def _last_seq(self) -> int:
        return int((self._one("SELECT MAX(seq) AS seq FROM event_mentions") or {}).get("seq") or 0)

    def _mention_rows(self, event_id: str) -> list[dict[str, Any]]:
        return self._rows("SELECT * FROM event_mentions WHERE event_id = ? ORDER BY seq", [event_id])

    def _count_terms(self, context: frozenset[str]) -> None:
        """One more article holding each of ``context``'s terms (and one more article: the empty term)."""
        sql = (
            "INSERT INTO context_terms (term, articles) VALUES (?, 1) "
            "ON CONFLICT (term) DO UPDATE SET articles = context_terms.articles + 1"
        )
        self._conn.cursor().executemany(self._sql(sql), [(term,) for term in sorted(context | {""})])

    def _insert_parts(self, mention_id: str, event_id: str, event: Event) -> None:
        ids = dict(mention_id=mention_id, event_id=event_id)
        for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
            for idx, entity in enumerate(entities):
                self._insert("actors", _actor_row(ids, role, idx, entity), conflict="mention_id, role, idx")
        if event.location:
            self._insert("places", _place_row(ids, event.location), conflict="mention_id")
        for idx, attribution in enumerate(event.attribution):
            self._insert("attributions", _attribution_row(ids, idx, attribution), conflict="mention_id, idx")

    # -- what the link stage asks (EventIndex) ------------------------------------------------------
    def candidate_events(self, query: CandidateQuery) -> list[dict[str, Any]]:
        """The ``events`` rows ``query`` selects (``dateline.link.CandidateQuery``), by id."""
        where: list[str] = []
        params: list[Any] = []
        where.append("event_type = ?")
        params.append(query.event_type)
        if query.undated:
            where.append("day IS NULL")
        elif query.days is not None:
            where.append(
                "((day BETWEEN ? AND ?) OR (day BETWEEN ? AND ? AND date_precision = 'month') "
                "OR (day = ? AND date_precision = 'year'))"
            )
            params += [*query.days, *(query.month_days or query.days), query.year_day]
        if query.country:
            where.append("(country_code = ? OR country_code IS NULL)")
            params.append(query.country)
        sql = f"SELECT * FROM events WHERE {' AND '.join(where)} ORDER BY id"
        if query.limit is not None:
            sql += f" LIMIT {int(query.limit)}"
        return self._rows(sql, params)

    def term_frequencies(self, terms: set[str]) -> tuple[dict[str, int], int]:
        """(stored articles holding each of ``terms``, articles counted), from ``context_terms``."""
        wanted = sorted(terms | {""})  # the empty term's row counts the articles themselves
        frequencies: dict[str, int] = {}
        step = self._settings.store.terms_per_query
        for start in range(0, len(wanted), step):
            chunk = wanted[start : start + step]
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(f"SELECT term, articles FROM context_terms WHERE term IN ({marks})", chunk):
                frequencies[row["term"]] = row["articles"]
        return frequencies, frequencies.pop("", 0)

    # -- reading ----------------------------------------------------------------------------------
    def events(
        self,
        *,
        event_type: str | None = None,
        country: str | None = None,
        actor_country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        near: tuple[float, float, float] | None = None,
        actor: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
        changed_since: str | None = None,
    ) -> Iterator[StoredEvent]:
        """Linked events matching every filter given, by date (undated last) then id.

        ``country`` is the event's place; ``actor_country`` an actor's, a recipient's or a backer's country.
        ``since``/``until`` compare ISO date strings (inclusive); ``near`` is ``(lat, lon, km)``;
        ``actor`` is a case-insensitive substring; every word of ``text`` (``search_words``: runs of
        letters and digits, at most ``MAX_TEXT_WORDS``) must occur as a whole word, in any case, in the
        evidence sentence of some mention (the full-text index: "war" does not find "warning"). ``offset`` skips that many matching events (pages of a listing).
        ``changed_since`` (an ISO date or date-time, UTC when no offset is given) keeps the events
        created or joined by a new mention at or after that moment (the ``changes`` journal).
        """
        where: list[str] = []
        params: list[Any] = []
        if changed_since:
            where.append("id IN (SELECT event_id FROM changes WHERE time >= ?)")
            params.append(clock.timestamp(changed_since))
        if event_type:
            where.append("event_type = ?")
            params.append(event_type.upper())
        if country:  # the event's place (CONTRACT.md: --country), never an actor's country
            where.append("country_code = ?")
            params.append(country.upper())
        if actor_country:
            where.append("(actor_countries LIKE ? OR recipient_countries LIKE ?)")
            code = actor_country.upper()
            params += [f'%"{code}"%', f'%"{code}"%']
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("date <= ?")
            params.append(until + "~")  # "~" sorts after digits: "2020-12-31" includes that whole day
        if near:
            lat, lon, km = near
            dlat = km / 111.0
            dlon = km / max(1e-6, 111.0 * math.cos(math.radians(lat)))
            where.append("lat BETWEEN ? AND ? AND lon BETWEEN ? AND ?")
            params += [lat - dlat, lat + dlat, lon - dlon, lon + dlon]
        if actor:
            where.append("LOWER(actor_text) LIKE ?")
            params.append(f"%{actor.lower()}%")
        words = search_words(text)
        if len(words) > MAX_TEXT_WORDS:
            raise InputError(f"text=: at most {MAX_TEXT_WORDS} words")
        for word in words:
            where.append(self._dialect.has_word())
            params.append(self._dialect.word_parameter(word))
        sql = f"SELECT * FROM events{' WHERE ' + ' AND '.join(where) if where else ''}"
        sql += " ORDER BY (date IS NULL), date, id"
        skip = offset
        if not near and offset:
            # the database skips the rows; with ``near`` the distance test below decides what counts
            sql += " LIMIT ? OFFSET ?"
            params += [self._dialect.no_limit() if limit is None else limit, offset]
            skip = 0
        count = 0
        for row in self._iter_rows(sql, params):
            if near and haversine_km(near[0], near[1], row["lat"], row["lon"]) > near[2]:
                continue
            if skip:
                skip -= 1
                continue
            if limit is not None and count >= limit:
                return
            count += 1
            yield StoredEvent.from_row(row)

    def event(self, event_id: str) -> StoredEvent | None:
        row = self._one(_EVENT_WITH_ID, [event_id])
        return StoredEvent.from_row(row) if row else None

    def mentions(self, event_id: str | None = None) -> Iterator[StoredMention]:
        """The mentions of one linked event (or of all, by event), in first-seen order."""
        sql = "SELECT * FROM event_mentions"
        params: list[Any] = []
        if event_id is not None:
            sql += " WHERE event_id = ?"
            params.append(event_id)
        for row in self._iter_rows(sql + " ORDER BY event_id, seq", params):
            yield StoredMention(
                **{k: row[k] for k in StoredMention.__dataclass_fields__ if k != "record"},
                record=json.loads(row["record"]),
            )

    def article_text(self, article_id: str) -> str | None:
        """The stored text of an article (span offsets index into it); None when not kept or unknown."""
        row = self._one(_ARTICLE_TEXT, [article_id])
        return row["text"] if row else None

    def articles(self) -> Iterator[dict[str, Any]]:
        """The stored articles without their signature and text (listings; ``article_text`` reads it)."""
        for row in self._rows("SELECT * FROM articles ORDER BY id"):
            row.pop("minhash", None)
            row.pop("text", None)
            row["removed"] = json.loads(row["removed"] or "[]")
            yield row

    def failures(self) -> Iterator[dict[str, Any]]:
        yield from self._rows("SELECT input, stage, code, reason, time FROM failures ORDER BY time, id")

    def counts(self) -> dict[str, int]:
        """Rows per table, plus ``duplicates`` (articles marked as near duplicates)."""
        result = {table: self._count(_ROW_COUNT.format(table=table)) for table in TABLES}
        result["near_duplicates"] = self._count(_NEAR_DUPLICATE_COUNT)
        return result

    def _count(self, sql: str) -> int:
        row = self._execute(sql).fetchone()
        return int(row[0]) if row else 0

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, sorted: two stores with equal dumps hold the same data."""
        return {
            t: sorted((tuple(r.values()) for r in self._rows(f"SELECT * FROM {t}")), key=repr) for t in TABLES
        }


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


# -- rows of the tables an article fills (column names as in ``schema``) ------------------------------


def _failure_row(failure_id: str, failure: Failure) -> dict[str, Any]:
    return dict(id=failure_id, input=failure.input, stage=failure.stage, code=failure.code,
                reason=failure.reason, time=_now())  # fmt: skip


def _article_row(
    doc: Document, fingerprint: str, signature: Sequence[int], near: str | None, keep_text: bool
) -> dict[str, Any]:
    """The article's row; ``text`` is the whole input text (span offsets index into it), None when not
    kept (``[store] keep_text = false``, ``dateline run --no-text``)."""
    article = doc.article
    return dict(
        id=article.id, title=article.title, outlet=article.outlet, dateline=article.dateline,
        published=article.published, url=article.url, language=article.language,
        body_start=article.body.start if article.body else None,
        body_end=article.body.end if article.body else None,
        removed=json.dumps([r.to_dict() for r in article.removed], ensure_ascii=False),
        fingerprint=fingerprint, minhash=json.dumps(list(signature)) if signature else None,
        duplicate_of=near, n_events=len(doc.events), text=article.text if keep_text else None,
    )  # fmt: skip


def _quote_row(article_id: str, idx: int, quote: Quote) -> dict[str, Any]:
    speaker = quote.speaker
    return dict(
        article_id=article_id, idx=idx,
        speaker=(speaker.name or speaker.text) if speaker else None,
        speaker_code=speaker.code if speaker else None,
        content_start=quote.content.start, content_end=quote.content.end,
        content_text=quote.content.text, cue=quote.cue, kind=quote.kind,
    )  # fmt: skip


def _span_columns(span: Span | None) -> dict[str, Any]:
    return dict(span_start=span.start if span else None, span_end=span.end if span else None)


def _actor_row(ids: dict[str, str], role: str, idx: int, e: Entity) -> dict[str, Any]:
    return dict(**ids, role=role, idx=idx, text=e.text, name=e.name, code=e.code, country=e.country,
                sector=e.sector, backer=e.backer, **_span_columns(e.span))  # fmt: skip


def _place_row(ids: dict[str, str], p: Place) -> dict[str, Any]:
    return dict(**ids, name=p.name, lat=p.lat, lon=p.lon, country_code=p.country_code, admin1=p.admin1,
                geonameid=p.geonameid, resolution=p.resolution, **_span_columns(p.span))  # fmt: skip


def _attribution_row(ids: dict[str, str], idx: int, a: Attribution) -> dict[str, Any]:
    return dict(**ids, idx=idx, claimant=a.claimant, kind=a.kind, cue=a.cue, about=a.about,
                via=json.dumps(list(a.via)), **_span_columns(a.span))  # fmt: skip


def _on_conflict(columns: Sequence[str], conflict: str, update: bool) -> str:
    """The upsert clause: on a key already stored, update the other columns, or leave the row."""
    if not update:
        return f" ON CONFLICT ({conflict}) DO NOTHING"
    keys = {key.strip() for key in conflict.split(",")}
    return f" ON CONFLICT ({conflict}) DO UPDATE SET " + ", ".join(
        f"{c} = excluded.{c}" for c in columns if c not in keys
    )
