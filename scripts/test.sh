#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, then runs the whole suite.
#  - the package with its test extras (the English spaCy model is a declared dependency), editable so the
#    `dateline` command runs this checkout; pip runs again only when pyproject.toml or the interpreter changed
#    since its last success here (a stamp under build/), or when DATELINE_REINSTALL=1;
#  - Debian's PostgreSQL server when it is missing (the store tests start a throw-away cluster);
#  - Debian's chromium when it is missing (tests/server/test_browser.py drives it with Playwright).
# Bytecode goes to a cache outside the tree (PYTHONPYCACHEPREFIX), even where PYTHONDONTWRITEBYTECODE is set:
# compiling dateline and the test modules again on every run costs seconds.
# Tiers: `bash scripts/test.sh -m "not model"` runs the tests that need no trained spaCy model (docs/testing.md).
# pytest's exit code 5 ("no tests collected") is not a failure on its own.
set -uo pipefail
cd "$(dirname "$0")/.."

unset PYTHONDONTWRITEBYTECODE
export PYTHONPYCACHEPREFIX="${PYTHONPYCACHEPREFIX:-${XDG_CACHE_HOME:-$HOME/.cache}/dateline/pycache}"

stamp="build/.test-install-$(cat pyproject.toml <(command -v python3) | sha256sum | cut -c1-16)"
if [ -n "${DATELINE_REINSTALL:-}" ] || [ ! -f "$stamp" ] \
    || ! python3 -c 'import importlib.metadata as m; m.distribution("dateline"); import pytest, hypothesis' 2>/dev/null; then
    python3 -m pip install --quiet --disable-pip-version-check -e '.[test]' || exit 1
    mkdir -p build && rm -f build/.test-install-* && touch "$stamp"
fi

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 && ! command -v initdb >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "installing PostgreSQL (Debian package) for the store tests" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) \
            || echo "warning: could not install PostgreSQL; its tests will skip" >&2
    fi
fi

# Debian's chromium for the dashboard's browser test (Playwright drives it; it never downloads a browser)
if ! command -v chromium >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "installing chromium (Debian package) for the browser test" >&2
        (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
            || echo "warning: could not install chromium; the browser test will skip" >&2
    fi
fi

# Lint and types gate the run (the knowledge-as-data bars): ruff's rules and mypy's config are in pyproject.toml.
python3 -m ruff check --quiet dateline || { echo "ruff found problems in dateline/" >&2; exit 1; }
python3 -m mypy dateline || { echo "mypy found type errors in dateline/" >&2; exit 1; }

python3 -m pytest -q -p no:cacheprovider "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests" >&2
    status=0
fi
exit "$status"
