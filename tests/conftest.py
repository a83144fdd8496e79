"""The one conftest: shared fixtures, markers and the no-network guard."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE_STORY = SHARED / "examples" / "ani-green-zone-2020-12-21.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline (installed by the README's test command)."""
    from dateline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the real third-party articles live only there")
    return SHARED


@pytest.fixture(scope="session")
def example_story(shared_dir: Path) -> Path:
    if not EXAMPLE_STORY.is_file():
        pytest.skip(f"{EXAMPLE_STORY} is absent")
    return EXAMPLE_STORY


@pytest.fixture(scope="session")
def eval_dev(shared_dir: Path) -> Path:
    path = shared_dir / "eval" / "dev"
    if not path.is_dir():
        pytest.skip(f"{path} is absent")
    return path


@pytest.fixture(autouse=True)
def _no_network(monkeypatch, request):
    """Fail any test that tries to reach a host other than loopback (tests run offline)."""
    if request.node.get_closest_marker("allow_network"):
        return
    real_connect = socket.socket.connect

    def guarded(self, address):
        host = address[0] if isinstance(address, tuple) else address
        if isinstance(host, str) and not (
            host.startswith("127.") or host in ("localhost", "::1") or host.startswith("/")
        ):
            raise RuntimeError(f"test tried the network: {address!r}")
        return real_connect(self, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
