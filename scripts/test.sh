#!/usr/bin/env bash
# The one test command (README, CI): installs what the tests need, then runs the whole suite.
#  - the package with its test extras (the English spaCy model is a declared dependency);
#  - Debian's PostgreSQL server when it is missing (the store tests start a throw-away cluster);
#  - Debian's chromium when it is missing (tests/server/test_browser.py drives it with Playwright).
# pytest's exit code 5 ("no tests collected") is not a failure on its own.
set -uo pipefail
cd "$(dirname "$0")/.."

python3 -m pip install --quiet --disable-pip-version-check '.[test]' || exit 1

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

python3 -m pytest -q -p no:cacheprovider "$@"
status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest collected no tests" >&2
    status=0
fi
exit "$status"
