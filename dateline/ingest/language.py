"""Which language an article is in (py3langid, offline), and whether extraction can handle it.

Only English is extracted. A text counts as English unless the detector is confident otherwise; short
texts (headlines, single sentences) need near certainty, because detectors guess wildly on a few words.
"""

from __future__ import annotations

import re
from functools import cache

from .. import lang

__all__ = ["SUPPORTED_LANGUAGES", "detect_language", "skip_reason"]

SUPPORTED_LANGUAGES = frozenset({"en"})
SHORT_TEXT_WORDS = 20
_CONFIDENT = 0.95
_CONFIDENT_SHORT = 0.999
_SAMPLE_CHARS = 1000  # plenty for a confident guess; the detector costs ~4 µs per character


@cache
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


# English function words: in English prose they make up a fifth or more of the words, in other
# languages almost none, so a high share settles the question without running the detector.
_ENGLISH_WORDS = lang.load().words("common_words")
_ENGLISH_SHARE = 0.15
_WORD = re.compile(r"[a-z]+")


def _plainly_english(sample: str) -> bool:
    words = _WORD.findall(sample.lower())
    return len(words) >= 8 and sum(w in _ENGLISH_WORDS for w in words) >= _ENGLISH_SHARE * len(words)


def detect_language(text: str) -> str:
    """ISO 639-1 code of ``text``; ``en`` unless another language is confidently detected."""
    sample = text[:_SAMPLE_CHARS]
    if not sample.strip() or _plainly_english(sample):
        return "en"
    language, probability = _identifier().classify(sample)
    short = len(sample.split()) < SHORT_TEXT_WORDS
    if language != "en" and probability >= (_CONFIDENT_SHORT if short else _CONFIDENT):
        return str(language)
    return "en"


def skip_reason(language: str) -> str | None:
    """Why extraction skips an article in ``language`` (None when it is supported)."""
    if language in SUPPORTED_LANGUAGES:
        return None
    return f"language {language} is not supported"
