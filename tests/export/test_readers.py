"""Every export loads in the tools its users read it with: pandas, DuckDB and GeoPandas, with the dtypes
docs/exports.md documents (codes stay text: cameo "040" is not 40; dates parse)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from dateline import ontology
from dateline.export import FORMATS, export
from dateline.export.gdelt import GDELT_COLUMNS, GDELT_MENTION_COLUMNS
from dateline.export.tabular import FLAT_COLUMNS, duckdb_types, pandas_dtypes

pd = pytest.importorskip("pandas")
duckdb = pytest.importorskip("duckdb")
gpd = pytest.importorskip("geopandas")


@pytest.fixture
def exports(rich_store, tmp_path) -> dict[str, Path]:
    """Every format written to a file (standard formats with every modality and the publication fallback)."""
    paths = {}
    for fmt in FORMATS:
        path = tmp_path / f"events.{fmt}"
        options = {"all_modalities": True, "date_fallback": "published"} if fmt in _STANDARD else {}
        export(rich_store, fmt, path, report=lambda line: None, **options)
        paths[fmt] = path
    return paths


_STANDARD = frozenset(("gdelt", "gdelt-mentions", "phoenix", "plover", "acled"))


def _tsv_dtypes(layout: str) -> dict[str, str]:
    by_kind = {row["kind"]: row["pandas"] for row in ontology.table("column_kinds")}
    return {column: by_kind[kind] for column, kind in ontology.column_kinds(layout).items()}


def test_pandas_reads_the_csv_with_its_documented_dtypes(exports, rich_store):
    frame = pd.read_csv(exports["csv"], dtype=pandas_dtypes(), parse_dates=["date_start", "date_end"])
    assert tuple(frame.columns) == FLAT_COLUMNS and len(frame) == len(list(rich_store.events()))
    assert "040" in set(frame["cameo"]) and frame["cameo"].dtype == "string"
    assert str(frame["date_start"].dtype).startswith("datetime64") and frame["date_start"].notna().any()
    month = frame[frame["date_precision"] == "month"].iloc[0]
    assert (month["date_start"].day, month["date_end"].day) == (1, pd.Timestamp(month["date_end"]).days_in_month)
    assert frame["dead"].dtype == "Int64"


def test_pandas_reads_jsonl_parquet_and_the_standard_formats(exports):
    assert len(pd.read_json(exports["jsonl"], lines=True)) == len(pd.read_parquet(exports["parquet"]))
    gdelt = pd.read_csv(exports["gdelt"], sep="\t", header=None, names=GDELT_COLUMNS, dtype=_tsv_dtypes("gdelt"))
    assert pd.to_datetime(gdelt["Day"].astype(str), format="%Y%m%d").notna().all()
    assert gdelt["EventCode"].str.len().ge(2).all() and set(gdelt["QuadClass"]) <= {1, 2, 3, 4}
    mentions = pd.read_csv(exports["gdelt-mentions"], sep="\t", header=None, names=GDELT_MENTION_COLUMNS,
                           dtype=_tsv_dtypes("gdelt_mentions"))  # fmt: skip
    assert set(mentions["GLOBALEVENTID"]) <= set(gdelt["GLOBALEVENTID"])
    acled = pd.read_csv(exports["acled"], dtype=_tsv_dtypes("acled"))
    assert pd.to_datetime(acled["event_date"], format="%Y-%m-%d").notna().all()
    plover = pd.read_json(exports["plover"], lines=True, dtype={"date": str})
    assert pd.to_datetime(plover["date"], format="%Y-%m-%d").notna().all()
    phoenix = pd.read_csv(exports["phoenix"], sep="\t", header=None, names=ontology.columns("phoenix"),
                          dtype=_tsv_dtypes("phoenix"))  # fmt: skip
    assert pd.to_datetime(phoenix["date"].astype(str), format="%Y%m%d").notna().all()


def test_duckdb_reads_csv_parquet_and_gdelt(exports):
    con = duckdb.connect()
    csv_path, parquet_path = str(exports["csv"]), str(exports["parquet"])
    rows = con.execute(
        "SELECT cameo, date_start, date_end FROM read_csv(?, header = true, types = ?) ORDER BY id",
        [csv_path, duckdb_types()],
    ).fetchall()
    assert "040" in {r[0] for r in rows}
    assert all(r[1] is None or r[1] <= r[2] for r in rows)
    assert con.execute("SELECT count(*) FROM read_parquet(?)", [parquet_path]).fetchone()[0] == len(rows)
    assert con.execute("SELECT count(*) FROM read_parquet(?) WHERE cameo = '040'", [parquet_path]).fetchone()[0] == 1
    gdelt = con.execute(
        "SELECT count(*), count(strptime(Day, '%Y%m%d')), min(length(EventCode)) "
        "FROM read_csv(?, delim = '\t', header = false, names = ?, all_varchar = true)",
        [str(exports["gdelt"]), list(GDELT_COLUMNS)],
    ).fetchone()
    assert gdelt[0] == gdelt[1] > 0 and gdelt[2] >= 2  # every Day a date, codes kept as text
    acled = con.execute(
        "SELECT count(*) FROM read_csv(?, header = true, all_varchar = true) WHERE CAST(event_date AS DATE) IS NULL",
        [str(exports["acled"])],
    ).fetchone()
    assert acled[0] == 0


def test_geopandas_reads_every_event_of_the_geojson(exports, rich_store):
    frame = gpd.read_file(exports["geojson"])
    events = list(rich_store.events())
    assert len(frame) == len(events) == len(exports["jsonl"].read_text().splitlines())
    assert frame.geometry.isna().sum() == sum(1 for e in events if e.lat is None) > 0
    located = frame[frame.geometry.notna()]
    kirkuk = located[located["location_name"] == "Kirkuk"].iloc[0]
    assert (round(kirkuk.geometry.x, 2), round(kirkuk.geometry.y, 2)) == (44.39, 35.47)
    recipient = kirkuk["recipient"]  # GeoJSON properties are JSON values: the entity list itself
    assert (json.loads(recipient) if isinstance(recipient, str) else list(recipient))[0]["sector"] == "CVL"
