"""``--progress`` of ``extract`` and ``run``: a tqdm bar on stderr over the extraction, in articles/s."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from dateline.cli import cli
from dateline.models import Failure
from dateline.pipeline import with_progress

EXAMPLES = Path(__file__).resolve().parent.parent.parent / "examples"


def test_the_bar_counts_articles_and_failures_and_passes_every_item_through(capsys):
    failure = Failure(input="broken.pdf", stage="ingest", reason="not a text file", code="unsupported")
    items = ["article-1", failure, "article-2"]
    assert list(with_progress(items)) == items  # type: ignore[arg-type]
    bar = capsys.readouterr().err
    assert "extract" in bar and "2 articles" in bar and "articles/s" in bar and "failed=1" in bar


@pytest.mark.model
@pytest.mark.parametrize("command", ["extract", "run"])
def test_progress_shows_the_extraction_rate_on_stderr_only(tmp_path, nlp, command):
    stories = sorted(str(p) for p in EXAMPLES.glob("*.txt"))
    where = ["--db", str(tmp_path / "events.db")] if command == "run" else ["-o", str(tmp_path / "out.jsonl")]
    result = CliRunner().invoke(cli, [command, *stories, *where, "--progress"])
    assert result.exit_code == 0, result.output
    assert f"{len(stories)} articles" in result.stderr and "articles/s" in result.stderr
    assert "articles/s" not in result.stdout
    quiet = CliRunner().invoke(cli, [command, *stories, *where, "--no-progress"])
    assert "articles/s" not in quiet.stderr
