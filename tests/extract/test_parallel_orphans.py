"""Issue 19: extraction workers exit when their parent dies, even by SIGKILL."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time

import pytest

pytestmark = pytest.mark.issue(19)

SCRIPT = textwrap.dedent(
    """
    import multiprocessing, sys, time
    import dateline.extract as extract
    from dateline.extract.parallel import extract_parallel
    from dateline.models import Article, Document

    class Quick:  # stands in for the spaCy extractor: the test is about processes, not events
        def __init__(self, **options):  # the worker passes the pipeline config (pipeline=...)
            pass

        def documents(self, articles):
            return (Document(article=a) for a in articles)

    extract.Extractor = Quick

    def items():
        for n in range(40):
            yield Article(id=str(n), text="Police killed two.")
        time.sleep(1.0)
        print(" ".join(str(p.pid) for p in multiprocessing.active_children()), flush=True)
        time.sleep(3600)  # the input stalls: the parent is killed here, mid-run

    for _ in extract_parallel(items(), workers=2):
        pass
    """
)


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as handle:
            return handle.read().split(") ")[1][0] != "Z"
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_workers_exit_when_the_parent_is_killed():
    parent = subprocess.Popen([sys.executable, "-c", SCRIPT], stdout=subprocess.PIPE, text=True,
                              cwd=os.getcwd())  # fmt: skip
    try:
        line = parent.stdout.readline()
        workers = [int(p) for p in line.split()]
        assert len(workers) == 2, line
        assert all(_alive(p) for p in workers)
        parent.send_signal(signal.SIGKILL)
        parent.wait(timeout=10)
        deadline = time.monotonic() + 10
        while any(_alive(p) for p in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(p) for p in workers)
    finally:
        parent.kill()
        for pid in workers if "workers" in locals() else []:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
