"""Reading counts from text: digits, number words, ranges and ACLED's vague quantities.

ACLED's conventions: "tens" = 10, "dozens" = 12, "hundreds" = 100, "at least N" = N; a range
("20-25") is read conservatively as its lower bound.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache

from spacy.tokens import Token

from .. import lang

__all__ = ["VAGUE", "number_of", "value_of_phrase"]

EN = lang.load()
# ACLED's readings of vague quantities ("dozens" = 12), by word: part of the public API
VAGUE: dict[str, int] = {word: int(value) for word, value in EN.mapping("vague_quantities").items()}
_UNITS = {word: int(value) for word, value in EN.mapping("number_words").items()}
_SCALES = {word: int(value) for word, value in EN.mapping("number_scales").items()}
_RANGE = re.compile(r"^(\d[\d,]*)\s*(?:-|–|to)\s*(\d[\d,]*)$")


def value_of_phrase(text: str) -> int | None:
    """The integer a number phrase denotes ("three", "2,500", "twenty-five", "20-25", "dozens")."""
    words = text.lower().replace("-", " ").split() if not _RANGE.match(text.strip()) else [text.strip()]
    if not words:
        return None
    if len(words) == 1:
        return _single(words[0])
    total, current = 0, 0
    for word in words:
        if word in _function_words("number_fillers"):
            continue
        if word in _SCALES:
            current = max(current, 1) * _SCALES[word]
            if _SCALES[word] >= 1000:
                total, current = total + current, 0
            continue
        value = _single(word)
        if value is None:
            return None
        current += value
    return total + current


def _single(word: str) -> int | None:
    word = word.strip().lower()
    match = _RANGE.match(word)
    if match:
        return int(match.group(1).replace(",", ""))
    if word in VAGUE:
        return VAGUE[word]
    if word in _UNITS:
        return _UNITS[word]
    digits = word.replace(",", "")
    if digits.isdigit():
        return int(digits)
    try:
        value = float(digits)
    except ValueError:
        return None
    return int(value) if value.is_integer() else None


def number_of(
    noun: Token,
    *,
    fallback: Callable[[Token], int | None] | None = None,
    skip: Callable[[Token], bool] | None = None,
) -> int | None:
    """The count a noun phrase states: "three rockets", "at least 20 people", "a man", "dozens of people".

    Conjoined phrases add up ("3 soldiers and 2 civilians" -> 5). ``fallback`` gives a value to a conjunct
    that states none ("the father" -> 1); ``skip`` leaves out conjuncts that count something else. None
    when the phrase gives no count.
    """
    total: int | None = None
    for head in [noun, *_conjuncts(noun)]:
        if head.i != noun.i and skip is not None and skip(head):
            continue
        value = _own_number(head)
        if value is None and fallback is not None:
            value = fallback(head)
        if value is not None:
            total = (total or 0) + value
    return total


def _conjuncts(noun: Token) -> list[Token]:
    if noun.pos_ == "NUM":
        return []  # "between five and 23 of them": a range, read as its lower bound
    return [t for t in noun.conjuncts if t.i > noun.i and t.pos_ in EN.labels("countable_heads")]


def _own_number(noun: Token) -> int | None:
    if noun.pos_ == "NUM" or noun.lower_ in VAGUE:
        return _number_token_value(noun)
    for child in noun.children:
        if child.dep_ == "nummod":
            return _number_token_value(child)
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in _function_words("singular_determiners") and noun.tag_ in EN.labels("singular_noun_tags"):
            return 1
        if child.dep_ == "det" and child.lower_ == "no":
            return 0
    # "dozens of people": the vague quantity is the head, the people its "of" object
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in VAGUE:
        return VAGUE[noun.head.head.lower_]
    return None


@cache
def _function_words(group: str) -> frozenset[str]:
    """A group of function words from ``function_words.toml``."""
    return frozenset(EN.data("function_words")[group])


def _contiguous(parts: list[Token], token: Token) -> list[Token]:
    """The number words next to ``token`` only: a misparse must not join "8 May 2020" to a count."""
    kept = [token] if token in parts else []
    for step in (-1, 1):
        i = token.i + step
        while any(t.i == i for t in parts) or (0 <= i < len(token.doc) and token.doc[i].text in _function_words("number_joiners")
                                                  and any(t.i == i + step for t in parts)):
            kept += [t for t in parts if t.i == i]
            i += step
    return sorted(kept, key=lambda t: t.i) or parts


def _number_token_value(token: Token) -> int | None:
    """Value of a number token including its compound parts ("twenty five", "2.5 million")."""
    parts = [t for t in token.subtree if t.dep_ in EN.labels("number_parts") or t.i == token.i]
    parts = [t for t in parts if t.like_num or t.lower_ in _SCALES or t.lower_ in VAGUE or t.lower_ in _UNITS]
    parts.sort(key=lambda t: t.i)
    if not any(t.lower_ in _SCALES for t in parts):
        parts = [t for t in parts if t.dep_ != "conj" or t.i == token.i]  # "between 5 and 23" is a range
    parts = _contiguous(parts, token)
    text = " ".join(t.text for t in parts) if parts else token.text
    value = value_of_phrase(text)
    if value is None and token.i + 2 < len(token.doc) and token.nbor(1).text in _function_words("range_dashes"):
        value = value_of_phrase(token.text)
    return value
