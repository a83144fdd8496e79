from __future__ import annotations

import ast
import importlib.metadata
import re
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest

import dateline
import dateline.lang
from dateline.errors import InputError
from dateline.pipeline import published_value

_NOT_API = {"TYPE_CHECKING"}
PACKAGE = Path(dateline.__file__).resolve().parent


def test_all_is_sorted_and_complete():
    assert dateline.__all__ == sorted(dateline.__all__)
    for name in dateline.__all__:
        assert hasattr(dateline, name), name
    public = {n for n in vars(dateline) if not n.startswith("_") and n[0].isupper()} - _NOT_API
    assert public <= set(dateline.__all__)


@pytest.mark.parametrize(
    ("published", "expected"),
    [
        (date(2020, 12, 20), "2020-12-20"),
        (datetime(2020, 12, 21, 4, 8), "2020-12-21"),  # naive: its zone is unknown, its calendar date is kept
        (datetime(2020, 12, 21, 4, 8, tzinfo=timezone(timedelta(hours=3))), "2020-12-21T01:08:00Z"),
        ("2020-12-20", "2020-12-20"),
        ("2020-12-21T04:08:00Z", "2020-12-21T04:08:00Z"),
        ("2020-12-21T04:08:00+03:00", "2020-12-21T01:08:00Z"),
        (None, None),
    ],
)
def test_published_takes_a_date_a_datetime_or_an_iso_string(published, expected):
    assert published_value(published) == expected


@pytest.mark.parametrize("published", ["yesterday", "2020-13-45", 20201220, 1608508800.0, ["2020-12-20"]])
def test_extract_text_rejects_a_published_it_cannot_read(published):
    with pytest.raises(InputError) as raised:
        dateline.extract_text("Police arrested 12 protesters in Dhaka on Monday.", published=published)
    message = str(raised.value)
    assert isinstance(raised.value, dateline.DatelineError)
    assert message.startswith("published=") and "\n" not in message and "2020-12-20" in message


@pytest.mark.model
def test_extract_text_dates_relative_expressions_from_a_date_object(nlp):
    document = dateline.extract_text("Police arrested 12 protesters in Dhaka on Monday.", published=date(2024, 3, 5))
    assert document.article.published == "2024-03-05"
    assert [e.date for e in document.events] == ["2024-03-04"]


def _imported_modules() -> set[str]:
    """Top-level modules the package imports anywhere (also inside functions)."""
    found: set[str] = set()
    for path in PACKAGE.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found |= {alias.name.split(".")[0] for alias in node.names}
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module.split(".")[0])
    return found


def test_every_declared_dependency_is_used():
    """A declared dependency the code never imports only slows installs (issue 17: ``dateparser``)."""
    project = tomllib.loads((PACKAGE.parent / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    models = dateline.lang.load().data("language")["spacy_models"]  # loaded by name, not imported
    provided = importlib.metadata.packages_distributions()
    imported_by = {dist.lower().replace("_", "-") for m in _imported_modules() for dist in provided.get(m, [])}
    for requirement in project["dependencies"]:
        name = re.split(r"[<>=;\[ ]", requirement, maxsplit=1)[0].lower().replace("_", "-")
        if "sys_platform" in requirement:  # tzdata: zoneinfo's zones where the system has none (Windows)
            continue
        if name.replace("-", "_") in models:
            continue
        assert name in imported_by, f"{requirement} is declared but dateline never imports it"
