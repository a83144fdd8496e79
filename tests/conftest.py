"""The one conftest: shared fixtures, markers, the no-network guard and the model guard.

Test tiers: a test that needs the trained English spaCy model carries the ``model`` mark; every other
test builds its ``Doc`` from ``spacy.blank("en")`` (with hand-set POS/deps where it needs them) and runs
in the fast tier, ``bash scripts/test.sh -m "not model"``. Using the ``nlp`` fixture (directly or through
another fixture) marks a test ``model`` by itself; any other way of loading the model (``Extractor()``,
``dateline extract`` through the CLI, ``load_nlp``) fails an unmarked test loudly (see ``_model_guard``).
"""

from __future__ import annotations

import importlib.abc
import os
import re
import shutil
import socket
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EXAMPLE_STORY = SHARED / "examples" / "ani-green-zone-2020-12-21.txt"
DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture(scope="session")
def nlp():
    """The real English pipeline (installed by the README's test command); its users are marked ``model``."""
    from dateline.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def blank_nlp():
    """A blank English pipeline (tokenizer only, no model): for tests that build their own ``Doc``, e.g.
    ``Doc(blank_nlp.vocab, words=[...], pos=[...], deps=[...], heads=[...])``."""
    import spacy

    return spacy.blank("en")


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


# --- test tiers: the ``model`` mark and its guard ---------------------------------------------------------

MODEL_FIXTURES = frozenset({"nlp"})  # fixtures that load the trained model; their users are marked ``model``
_MODEL_PACKAGE = re.compile(r"[a-z]{2,3}_core_\w+")  # spaCy's trained pipelines: {lang}_core_{genre}_{size}...
_UNMARKED = "loads the trained spaCy model but is not marked `model`: add `pytestmark = pytest.mark.model`"


@pytest.hookimpl(tryfirst=True)  # before ``-m`` deselects by mark
def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark ``model`` every test that asks for the model through a fixture, however indirectly."""
    for item in items:
        if MODEL_FIXTURES.intersection(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


class _ModelGuard(importlib.abc.MetaPathFinder):
    """While a test not marked ``model`` runs, importing a model package fails, here and in subprocesses.

    Active over the test's whole protocol, so the session and module fixtures it sets up are covered too.
    Subprocesses see a ``PYTHONPATH`` folder of packages that shadow the model packages and raise.
    Reliable whenever no ``model`` test ran earlier in the process (always so under ``-m "not model"``):
    a model already loaded is cached by ``load_nlp`` and not imported again.
    """

    def __init__(self, stubs: Path) -> None:
        self.stubs = stubs
        self.test: str | None = None  # the node id of the unmarked test running, if any
        self.attempts: list[str] = []

    def find_spec(self, fullname, path=None, target=None):
        if self.test is None or path is not None or not _MODEL_PACKAGE.fullmatch(fullname):
            return None
        self.attempts.append(fullname)
        raise RuntimeError(f"{self.test} {_UNMARKED} (it imported {fullname})")

    def write_stubs(self, names: tuple[str, ...]) -> None:
        for name in names:
            (self.stubs / name).mkdir(exist_ok=True)
            message = f"a test {_UNMARKED} (its subprocess imported {name})"
            (self.stubs / name / "__init__.py").write_text(f"raise RuntimeError({message!r})\n", encoding="utf-8")


_GUARD = _ModelGuard(Path(tempfile.mkdtemp(prefix="dateline-no-model-")))


def pytest_configure(config: pytest.Config) -> None:
    try:
        from dateline import lang

        models = lang.load().spacy_models
    except Exception:  # a broken language folder is its own tests' failure; guard the in-process imports still
        models = ()
    _GUARD.write_stubs(models)
    sys.meta_path.insert(0, _GUARD)


def pytest_unconfigure(config: pytest.Config) -> None:
    if _GUARD in sys.meta_path:
        sys.meta_path.remove(_GUARD)
    shutil.rmtree(_GUARD.stubs, ignore_errors=True)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: pytest.Item | None):
    if item.get_closest_marker("model"):
        return (yield)
    saved = os.environ.get("PYTHONPATH")
    os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(_GUARD.stubs), saved]))
    _GUARD.test, _GUARD.attempts = item.nodeid, []
    try:
        return (yield)
    finally:
        _GUARD.test = None
        if saved is None:
            os.environ.pop("PYTHONPATH", None)
        else:
            os.environ["PYTHONPATH"] = saved


@pytest.fixture(autouse=True)
def _model_guard():
    """Fails an unmarked test that tried to load the model, even when the code under test caught the error
    (a CLI run through ``CliRunner`` turns it into exit code 1)."""
    yield
    if _GUARD.test is not None and _GUARD.attempts:
        pytest.fail(f"{_GUARD.test} {_UNMARKED} (it imported {_GUARD.attempts[0]})", pytrace=False)
