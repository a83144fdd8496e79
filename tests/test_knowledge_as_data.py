"""Knowledge lives in data files: the maintainers' count of word lists written as Python literals stays low."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
TOOL = ROOT.parent / "shared" / "tools" / "literal_tables.py"


def test_word_lists_and_inline_string_tuples_stay_out_of_the_code(shared_dir):
    if not TOOL.is_file():
        pytest.skip(f"{TOOL} is absent")
    done = subprocess.run([sys.executable, str(TOOL), str(ROOT / "dateline"), "--max-tables", "30",
                           "--max-inline", "40"], capture_output=True, text=True, check=False)  # fmt: skip
    assert done.returncode == 0, done.stdout
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("tables ") and ", inline " in last
