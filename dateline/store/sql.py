"""The store, written once over DB-API: SQLite and PostgreSQL differ only in a small ``Dialect``.

Every document is written in one write transaction that holds the database's writer lock (SQLite
``BEGIN IMMEDIATE``; a PostgreSQL transaction-level advisory lock), so duplicate checks, linking and
the upserts see a consistent database even with several ``dateline run`` processes on one store:
nothing is lost and nothing is written twice. Reads take no lock.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from ..distance import haversine_km
from ..errors import SchemaVersionError
from ..ingest.clean import escape_name
from ..models import Document, Event, Failure
from .identity import NEAR_DUPLICATE_JACCARD, band_keys, fingerprint_of, signature_of, signature_similarity
from .linking import (
    DAY_WINDOW,
    YEAR_WINDOW,
    Features,
    assign,
    context_terms,
    idf_weights,
    mid_year,
)
from .records import (
    EVENT_COLUMNS,
    MENTION_COLUMNS,
    StoredEvent,
    StoredMention,
    WriteResult,
    aggregate,
    event_id_for,
    features_of_event_row,
    features_of_mention_row,
    mention_row,
)
from .schema import MIGRATIONS, TABLES

__all__ = ["Dialect", "SqlStore"]

log = logging.getLogger(__name__)
_MIN_WORDS_FOR_NEAR_DUPLICATE = 20
_MAX_UNDATED_CANDIDATES = 1000
_TERMS_PER_QUERY = 500


@dataclass(frozen=True, slots=True, kw_only=True)
class Dialect:
    name: str
    placeholder: str  # "?" (sqlite3) or "%s" (psycopg)
    begin_write: tuple[str, ...]  # statements that open a transaction holding the writer lock


class SqlStore:
    """A ``Store`` over a DB-API connection in autocommit mode (transactions are explicit)."""

    def __init__(self, connection: Any, dialect: Dialect, *, description: str) -> None:
        self._conn = connection
        self._dialect = dialect
        self.description = description
        self._in_write = False

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
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def _iter_rows(self, sql: str, params: Sequence[Any] = ()) -> Iterator[dict[str, Any]]:
        """Rows in batches, so exporting a large store does not hold every row in memory."""
        cursor = self._execute(sql, params)
        names = [d[0] for d in cursor.description]
        while batch := cursor.fetchmany(500):
            for row in batch:
                yield dict(zip(names, row))

    def _one(self, sql: str, params: Sequence[Any] = ()) -> dict[str, Any] | None:
        rows = self._rows(sql, params)
        return rows[0] if rows else None

    def _insert(self, table: str, row: dict[str, Any], *, conflict: str, update: bool = False) -> None:
        columns = list(row)
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' for _ in columns)})"
        if update:
            assignments = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in conflict.split(", "))
            sql += f" ON CONFLICT ({conflict}) DO UPDATE SET {assignments}"
        else:
            sql += f" ON CONFLICT ({conflict}) DO NOTHING"
        self._execute(sql, [row[c] for c in columns])

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One transaction holding the writer lock; rolled back on any error."""
        for statement in self._dialect.begin_write:
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
            done = {r["version"] for r in self._rows("SELECT version FROM schema_migrations")}
            known = {version for version, _, _ in MIGRATIONS}
            if done - known:
                raise SchemaVersionError(
                    f"{self.description} has schema version {max(done)}, newer than this dateline "
                    f"knows ({max(known)}): upgrade dateline"
                )
            for version, name, statements in MIGRATIONS:
                if version in done:
                    continue
                for statement in statements:
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
        row = {"id": key.hexdigest()[:16], "input": failure.input, "stage": failure.stage,
               "code": failure.code, "reason": failure.reason, "time": _now()}  # fmt: skip
        with self._write():
            self._insert("failures", row, conflict="id")

    def write_document(self, doc: Document) -> WriteResult:
        """Store one article with its events, linking each event to the events already stored.

        An article already stored (same id, or same text fingerprint) changes nothing and is reported
        as ``duplicate``; a near duplicate is stored with ``duplicate_of`` set.
        """
        article = doc.article
        fingerprint = fingerprint_of(article.text, article.fingerprint)
        long_enough = len(article.text.split()) >= _MIN_WORDS_FOR_NEAR_DUPLICATE
        signature = signature_of(article.text) if long_enough else []
        with self._write():
            if self._one("SELECT id FROM articles WHERE id = ?", [article.id]):
                return WriteResult(article_id=article.id, status="duplicate", duplicate_of=article.id)
            same = self._one("SELECT MIN(id) AS id FROM articles WHERE fingerprint = ?", [fingerprint])
            if same and same["id"]:
                return WriteResult(article_id=article.id, status="duplicate", duplicate_of=same["id"])
            near = self._near_duplicate_of(signature)
            self._insert_article(doc, fingerprint, signature, near)
            new_events, linked, n_mentions = self._link_and_store(doc)
        return WriteResult(
            article_id=article.id,
            status="near_duplicate" if near else "new",
            duplicate_of=near,
            mentions=n_mentions,
            new_events=new_events,
            linked=linked,
        )

    def _near_duplicate_of(self, signature: list[int]) -> str | None:
        if not signature:
            return None
        keys = band_keys(signature)
        clause = " OR ".join("(b.band = ? AND b.bucket = ?)" for _ in keys)
        params = [v for key in keys for v in key]
        rows = self._rows(
            f"SELECT DISTINCT a.id, a.minhash, a.duplicate_of FROM article_bands b "
            f"JOIN articles a ON a.id = b.article_id WHERE {clause}",
            params,
        )
        for row in sorted(rows, key=lambda r: r["id"]):  # sorted here: server collations differ
            if signature_similarity(signature, json.loads(row["minhash"] or "[]")) >= NEAR_DUPLICATE_JACCARD:
                return row["duplicate_of"] or row["id"]  # point at the original, not at another copy
        return None

    def _insert_article(
        self, doc: Document, fingerprint: str, signature: list[int], near: str | None
    ) -> None:
        article = doc.article
        row = {
            "id": article.id, "title": article.title, "outlet": article.outlet, "dateline": article.dateline,
            "published": article.published, "url": article.url, "language": article.language,
            "body_start": article.body.start if article.body else None,
            "body_end": article.body.end if article.body else None,
            "removed": json.dumps([r.to_dict() for r in article.removed], ensure_ascii=False),
            "fingerprint": fingerprint, "minhash": json.dumps(signature) if signature else None,
            "duplicate_of": near, "n_events": len(doc.events),
        }  # fmt: skip
        self._insert("articles", row, conflict="id")
        for band, bucket in band_keys(signature) if signature else ():
            self._insert("article_bands", {"band": band, "bucket": bucket, "article_id": article.id},
                         conflict="band, bucket, article_id")  # fmt: skip
        for idx, quote in enumerate(doc.quotes):
            speaker = quote.speaker
            self._insert("quotes", {
                "article_id": article.id, "idx": idx,
                "speaker": (speaker.name or speaker.text) if speaker else None,
                "speaker_code": speaker.code if speaker else None,
                "content_start": quote.content.start, "content_end": quote.content.end,
                "content_text": quote.content.text, "cue": quote.cue, "kind": quote.kind,
            }, conflict="article_id, idx")  # fmt: skip

    def _link_and_store(self, doc: Document) -> tuple[int, int, int]:
        rows: list[dict[str, Any]] = []
        events: list[Event] = []
        seen: set[str] = set()
        context = article_context(doc)
        for position, event in enumerate(doc.events):
            row = mention_row(event, doc.article, position, context)
            if row["id"] not in seen:  # an extractor repeating an id must not write twice
                seen.add(row["id"])
                rows.append(row)
                events.append(event)
        features = [features_of_mention_row(r) for r in rows]
        candidates = [self._candidates(f) for f in features]
        terms = set(context).union(*(f.context for options in candidates for _, f in options))
        chosen = assign(features, candidates, self._term_weights(terms))
        if rows:
            self._count_terms(context)
        seq = (self._one("SELECT MAX(seq) AS seq FROM event_mentions") or {}).get("seq") or 0
        new_events = linked = 0
        for row, event, event_id in zip(rows, events, chosen):
            if event_id is None:
                event_id = event_id_for(row["id"])
                new_events += 1
            else:
                linked += 1
            seq += 1
            row["event_id"], row["seq"] = event_id, seq
            self._insert("event_mentions", row, conflict="id")
            self._insert_parts(row["id"], event_id, event)
            mentions = self._rows(
                f"SELECT {', '.join(MENTION_COLUMNS)} FROM event_mentions WHERE event_id = ? ORDER BY seq",
                [event_id],
            )
            self._insert("events", aggregate(event_id, mentions), conflict="id", update=True)
        return new_events, linked, len(rows)

    def _term_weights(self, terms: set[str]) -> dict[str, float]:
        """The rarity of ``terms`` over the stored articles (``linking.idf_weights``)."""
        wanted = sorted(terms | {""})
        frequencies: dict[str, int] = {}
        for start in range(0, len(wanted), _TERMS_PER_QUERY):
            chunk = wanted[start : start + _TERMS_PER_QUERY]
            marks = ", ".join("?" for _ in chunk)
            for row in self._rows(f"SELECT term, articles FROM context_terms WHERE term IN ({marks})", chunk):
                frequencies[row["term"]] = row["articles"]
        return idf_weights(frequencies, frequencies.pop("", 0), terms)

    def _count_terms(self, context: frozenset[str]) -> None:
        """One more article holding each of ``context``'s terms (and one more article: the empty term)."""
        sql = (
            "INSERT INTO context_terms (term, articles) VALUES (?, 1) "
            "ON CONFLICT (term) DO UPDATE SET articles = context_terms.articles + 1"
        )
        self._conn.cursor().executemany(self._sql(sql), [(term,) for term in sorted(context | {""})])

    def _insert_parts(self, mention_id: str, event_id: str, event: Event) -> None:
        for role, entities in (("actor", event.actor), ("recipient", event.recipient)):
            for idx, e in enumerate(entities):
                self._insert("actors", {
                    "mention_id": mention_id, "event_id": event_id, "role": role, "idx": idx,
                    "text": e.text, "name": e.name, "code": e.code, "country": e.country,
                    "sector": e.sector, "backer": e.backer,
                    "span_start": e.span.start if e.span else None,
                    "span_end": e.span.end if e.span else None,
                }, conflict="mention_id, role, idx")  # fmt: skip
        if event.location:
            p = event.location
            self._insert("places", {
                "mention_id": mention_id, "event_id": event_id, "name": p.name, "lat": p.lat, "lon": p.lon,
                "country_code": p.country_code, "admin1": p.admin1, "geonameid": p.geonameid,
                "resolution": p.resolution,
                "span_start": p.span.start if p.span else None, "span_end": p.span.end if p.span else None,
            }, conflict="mention_id")  # fmt: skip
        for idx, a in enumerate(event.attribution):
            self._insert("attributions", {
                "mention_id": mention_id, "event_id": event_id, "idx": idx, "claimant": a.claimant,
                "kind": a.kind, "cue": a.cue, "about": a.about, "via": json.dumps(list(a.via)),
                "span_start": a.span.start if a.span else None, "span_end": a.span.end if a.span else None,
            }, conflict="mention_id, idx")  # fmt: skip

    def _candidates(self, f: Features) -> list[tuple[str, Features]]:
        """The linked events in the mention's block (type, date window, country), by indexed queries.

        The events of the same type and the same (or an unknown) country whose date says nothing against
        the mention's are candidates too: undated ones for every mention, a year-precision one for a
        mention in its year; an undated mention has no date to rule anything out (at most
        ``_MAX_UNDATED_CANDIDATES`` of them, by id).
        """
        columns = ", ".join(EVENT_COLUMNS)
        country = "AND (country_code = ? OR country_code IS NULL)" if f.country else ""
        country_params = [f.country] if f.country else []
        limit = f"ORDER BY id LIMIT {_MAX_UNDATED_CANDIDATES}"
        if f.day is None:
            return self._event_features(
                f"SELECT {columns} FROM events WHERE event_type = ? {country} {limit}",
                [f.event_type, *country_params],
            )
        window = {"month": 16, "year": YEAR_WINDOW}.get(f.date_precision or "", DAY_WINDOW)
        sql = (
            f"SELECT {columns} FROM events WHERE event_type = ? AND ((day BETWEEN ? AND ?) "
            "OR (day BETWEEN ? AND ? AND date_precision = 'month') OR (day = ? AND date_precision = 'year')) "
            f"{country} {limit if f.date_precision == 'year' else 'ORDER BY id'}"
        )
        params = [f.event_type, f.day - window, f.day + window, f.day - 16, f.day + 16, mid_year(f.day),
                  *country_params]  # fmt: skip
        undated = f"SELECT {columns} FROM events WHERE event_type = ? AND day IS NULL {country} {limit}"
        return self._event_features(sql, params) + self._event_features(undated, [f.event_type, *country_params])

    def _event_features(self, sql: str, params: list[Any]) -> list[tuple[str, Features]]:
        rows = self._rows(sql, params)
        return [(r["id"], features_of_event_row(r)) for r in rows]

    # -- reading ----------------------------------------------------------------------------------
    def events(
        self,
        *,
        event_type: str | None = None,
        country: str | None = None,
        since: str | None = None,
        until: str | None = None,
        near: tuple[float, float, float] | None = None,
        actor: str | None = None,
        text: str | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> Iterator[StoredEvent]:
        """Linked events matching every filter given, by date (undated last) then id.

        ``since``/``until`` compare ISO date strings (inclusive); ``near`` is ``(lat, lon, km)``;
        ``actor`` and ``text`` are case-insensitive substrings (every word of ``text`` must occur in
        the evidence of some mention). ``offset`` skips that many matching events (pages of a listing).
        """
        where, params = [], []
        if event_type:
            where.append("event_type = ?")
            params.append(event_type.upper())
        if country:
            where.append("(country_code = ? OR actor_countries LIKE ? OR recipient_countries LIKE ?)")
            code = country.upper()
            params += [code, f'%"{code}"%', f'%"{code}"%']
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
        for word in (text or "").split():
            where.append("id IN (SELECT event_id FROM event_mentions WHERE LOWER(evidence_text) LIKE ?)")
            params.append(f"%{word.lower()}%")
        sql = f"SELECT * FROM events{' WHERE ' + ' AND '.join(where) if where else ''}"
        sql += " ORDER BY (date IS NULL), date, id"
        skip = offset
        if not near and offset:
            # the database skips the rows; with ``near`` the distance test below decides what counts
            sql += " LIMIT ? OFFSET ?"
            params += [-1 if limit is None else limit, offset] if self._dialect.name == "sqlite" else [limit, offset]
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
        row = self._one("SELECT * FROM events WHERE id = ?", [event_id])
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

    def articles(self) -> Iterator[dict[str, Any]]:
        for row in self._rows("SELECT * FROM articles ORDER BY id"):
            row.pop("minhash", None)
            row["removed"] = json.loads(row["removed"] or "[]")
            yield row

    def failures(self) -> Iterator[dict[str, Any]]:
        yield from self._rows("SELECT input, stage, code, reason, time FROM failures ORDER BY time, id")

    def counts(self) -> dict[str, int]:
        """Rows per table, plus ``duplicates`` (articles marked as near duplicates)."""
        result = {t: self._one(f"SELECT COUNT(*) AS n FROM {t}")["n"] for t in TABLES}  # type: ignore[index]
        dup = self._one("SELECT COUNT(*) AS n FROM articles WHERE duplicate_of IS NOT NULL")
        result["near_duplicates"] = dup["n"] if dup else 0
        return result

    def dump(self) -> dict[str, list[tuple[Any, ...]]]:
        """Every row of every table, sorted: two stores with equal dumps hold the same data."""
        return {
            t: sorted((tuple(r.values()) for r in self._rows(f"SELECT * FROM {t}")), key=repr) for t in TABLES
        }


def article_context(doc: Document) -> frozenset[str]:
    """The linking context of a document's events: names and figures of its text, its toponyms and
    the participants of its events (see ``linking.context_terms``)."""
    article = doc.article
    body = article.text[article.body.start : article.body.end] if article.body else article.text
    names = [t.text for t in doc.toponyms] + [
        e.name or e.text for event in doc.events for e in (*event.actor, *event.recipient)
    ]
    return context_terms(body, *names)


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

