"""The coding stage sits after extraction: importing it first must work (no import cycle with extract)."""

from __future__ import annotations

import subprocess
import sys

import pytest


@pytest.mark.parametrize("first", ["dateline.coding", "dateline.extract"])
def test_stages_import_in_either_order(first):
    other = "dateline.extract" if first == "dateline.coding" else "dateline.coding"
    run = subprocess.run([sys.executable, "-c", f"import {first}, {other}"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
