"""Reading counts from text: digits, number words, ranges and ACLED's vague quantities.

ACLED's conventions: "tens" = 10, "dozens" = 12, "hundreds" = 100, "at least N" = N; a range
("20-25") is read conservatively as its lower bound.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spacy.tokens import Token

__all__ = ["VAGUE", "number_of", "value_of_phrase"]

_UNITS = {
    "zero": 0, "no": 0, "a": 1, "an": 1, "one": 1, "single": 1, "two": 2, "three": 3, "four": 4, "five": 5,
    "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
    "ninety": 90, "dozen": 12, "couple": 2, "pair": 2, "both": 2, "twice": 2,
}  # fmt: skip
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
VAGUE = {"tens": 10, "dozens": 12, "hundreds": 100, "thousands": 1000, "scores": 20}
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
        if word in ("and", "a"):
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
    return [t for t in noun.conjuncts if t.i > noun.i and t.pos_ in ("NOUN", "PROPN", "NUM", "PRON")]


def _own_number(noun: Token) -> int | None:
    if noun.pos_ == "NUM" or noun.lower_ in VAGUE:
        return _number_token_value(noun)
    for child in noun.children:
        if child.dep_ == "nummod":
            return _number_token_value(child)
    for child in noun.children:
        if child.dep_ == "det" and child.lower_ in ("a", "an", "one") and noun.tag_ in ("NN", "NNP"):
            return 1
        if child.dep_ == "det" and child.lower_ == "no":
            return 0
    # "dozens of people": the vague quantity is the head, the people its "of" object
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ in VAGUE:
        return VAGUE[noun.head.head.lower_]
    return None


def _contiguous(parts: list[Token], token: Token) -> list[Token]:
    """The number words next to ``token`` only: a misparse must not join "8 May 2020" to a count."""
    kept = [token] if token in parts else []
    for step in (-1, 1):
        i = token.i + step
        while any(t.i == i for t in parts) or (0 <= i < len(token.doc) and token.doc[i].text in ("-", "and")
                                                  and any(t.i == i + step for t in parts)):
            kept += [t for t in parts if t.i == i]
            i += step
    return sorted(kept, key=lambda t: t.i) or parts


def _number_token_value(token: Token) -> int | None:
    """Value of a number token including its compound parts ("twenty five", "2.5 million")."""
    parts = [t for t in token.subtree if t.dep_ in ("compound", "nummod", "quantmod", "conj") or t.i == token.i]
    parts = [t for t in parts if t.like_num or t.lower_ in _SCALES or t.lower_ in VAGUE or t.lower_ in _UNITS]
    parts.sort(key=lambda t: t.i)
    if not any(t.lower_ in _SCALES for t in parts):
        parts = [t for t in parts if t.dep_ != "conj" or t.i == token.i]  # "between 5 and 23" is a range
    parts = _contiguous(parts, token)
    text = " ".join(t.text for t in parts) if parts else token.text
    value = value_of_phrase(text)
    if value is None and token.i + 2 < len(token.doc) and token.nbor(1).text in ("-", "–"):
        value = value_of_phrase(token.text)
    return value
