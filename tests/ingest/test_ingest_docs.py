"""docs/ingest.md stays in step with the code: every failure code and removal reason is documented."""

from __future__ import annotations

from pathlib import Path

from dateline.ingest import failures, wire

DOC = Path(__file__).resolve().parents[2] / "docs" / "ingest.md"


def _constants(module) -> set[str]:
    return {value for name, value in vars(module).items() if name.isupper() and isinstance(value, str)}


def test_docs_name_every_failure_code_and_removal_reason():
    text = DOC.read_text(encoding="utf-8")
    reasons = _constants(wire) - {wire._LEAD_SEPARATOR}
    missing = sorted(c for c in _constants(failures) | reasons if f"`{c}`" not in text)
    assert not missing, f"undocumented in docs/ingest.md: {missing}"
