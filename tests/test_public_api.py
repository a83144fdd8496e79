from __future__ import annotations

import dateline

_NOT_API = {"TYPE_CHECKING"}


def test_all_is_sorted_and_complete():
    assert dateline.__all__ == sorted(dateline.__all__)
    for name in dateline.__all__:
        assert hasattr(dateline, name), name
    public = {n for n in vars(dateline) if not n.startswith("_") and n[0].isupper()} - _NOT_API
    assert public <= set(dateline.__all__)
