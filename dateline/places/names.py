"""Place-name keys: one normal form shared by the index and the lookups.

A key is lower case, without accents, with punctuation turned into single spaces and a leading "the"
dropped, so "the Côte d'Ivoire", "Cote d'Ivoire" and "COTE D IVOIRE" meet on one row.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from .. import lang
from .words import pattern

__all__ = ["is_latin", "name_key", "strip_name"]

_NON_WORD = re.compile(r"[^0-9a-z]+")
# Apostrophes and the marks transliterations write for Arabic ayn and hamza ("Şāʻdah", "Ṣan‘ā’", "Ma`rib"):
# they sit inside a word, so "Sa'dah" and "Şāʻdah" must meet as "sadah", not split into "sa dah".
_APOSTROPHES = str.maketrans("", "", "'’‘`´ʹʻʼʽʾʿ′")
# Letters Unicode does not decompose into a base letter and an accent, as English writes them: "Diyarbakır",
# "Tərtər" (Azerbaijani ə as "a": Ganja, Tartar), "Łódź", "Tromsø" (lang/en/letter_spellings.tsv).
_UNDECOMPOSED = str.maketrans(lang.load().mapping("letter_spellings"))
_LEADING_ARTICLE = pattern("leading_article", re.IGNORECASE)
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")
_EDGE_PUNCT = " \t\n.,;:!?\"'“”‘’()[]{}-–—"


@lru_cache(maxsize=200_000)
def name_key(name: str) -> str:
    """The lookup key of a place name ("The Hague" -> "hague", "Bağdat" -> "bagdat")."""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower().translate(_UNDECOMPOSED)
    # "U.S." and "US" must meet; dots inside abbreviations carry no meaning for lookup.
    folded = folded.replace(".", "").translate(_APOSTROPHES)
    key = _NON_WORD.sub(" ", folded).strip()
    return _LEADING_ARTICLE.sub("", key)


def strip_name(text: str) -> tuple[int, int]:
    """Offsets ``(start, end)`` inside ``text`` of the bare name: no "the", no possessive, no edge punctuation."""
    start, end = 0, len(text)
    while start < end and text[start] in _EDGE_PUNCT:
        start += 1
    match = _LEADING_ARTICLE.match(text[start:end])
    if match:
        start += match.end()
    possessive = _POSSESSIVE.search(text[start:end])
    if possessive and end - start > possessive.end() - possessive.start():
        end = start + possessive.start()
    while end > start and text[end - 1] in _EDGE_PUNCT:
        end -= 1
    return start, end


def is_latin(name: str) -> bool:
    """True for names written in Latin letters (the only ones an English text will use)."""
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return any(ch.isalpha() for ch in name)
