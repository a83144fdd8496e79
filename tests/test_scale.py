from __future__ import annotations

import pytest

from dateline.models import Document, Failure
from dateline.pipeline import extract_stream
from dateline.scale import extract_with_dask

pytestmark = pytest.mark.model


def test_dask_bag_gives_the_in_process_output(tmp_path):
    texts = ["Rebels attacked a convoy in Kidal on Monday.", "Protesters rallied in Dhaka.", "", "Talks in Geneva."]
    paths = []
    for i, text in enumerate(texts):
        path = tmp_path / f"{i}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(str(path))
    local = list(extract_stream(paths))
    distributed = extract_with_dask(paths, scheduler="synchronous", partition_size=2)
    assert [_key(x) for x in distributed] == [_key(x) for x in local]
    assert sum(isinstance(x, Failure) for x in distributed) == 1  # the empty file, accounted for


def _key(item):
    if isinstance(item, Failure):
        return ("failure", item.input, item.reason)
    assert isinstance(item, Document)
    return ("document", item.article.id, tuple(e.to_dict()["id"] for e in item.events))
