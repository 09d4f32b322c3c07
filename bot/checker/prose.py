# ruff: noqa: RUF001 (the multiplication and minus signs are meant)
"""Words around an answer: read past "I think it's 2", refuse "idk", ask about 0,5 and 1 1/2."""

from __future__ import annotations

import re
from fractions import Fraction

from bot.checker.errors import ReadError

_FLAGS = re.IGNORECASE
# Text that commits to no answer at all.
_NO_ANSWER = re.compile(
    r"\s*(?:idk|i\s+don'?t\s+know|i\s+do\s+not\s+know|dunno|no\s+idea|not\s+sure|"
    r"no\s+clue|\?+|help|pass|skip)[\s.!?]*",
    _FLAGS,
)
_LEADING = re.compile(
    r"\s*(?:(?:so|ok(?:ay)?|well|hmm+|um+|therefore|thus|hence)\b\s*,?\s*)?"
    r"(?:(?:(?:i\s+think|i\s+guess|i\s+believe|i\s+got|i\s+get|i\s+found|i\s+reckon|maybe|"
    r"probably|perhaps|my\s+answer\s+is|the\s+answer\s+is|final\s+answer|it'?s|it\s+is|"
    r"that'?s|that\s+is|that|(?:the\s+)?(?:roots?|solutions?|zeros?|answers?)\s+(?:are|is))\b|"
    r"(?:answer|ans|result)\s*[:=]|=>|->)\s*:?\s*)*",
    _FLAGS,
)
# Hedges after an answer, matched at the end (lowercase), with the separators before them.
_TRAILING = ("i think", "i guess", "i believe", "i hope", "probably", "maybe", "right", "lol",
             ":)", ":-)")  # fmt: skip
_APPROXIMATELY = re.compile(r"^\s*(?:=|≈|≃|~)(?![=>])\s*")
_SINGLE = frozenset({"number", "expression", "vector", "matrix", "tuple"})
_DECIMAL_COMMA = re.compile(r"([-+−]?\d+),(\d+)")
_THOUSANDS = re.compile(r"[-+−]?\d{1,3}(?:([, ])\d{3})+")
_MIXED = re.compile(r"([-+−]?)(\d+)\s+(\d+)\s*/\s*(\d+)")


def extract(text: str, kind: str) -> str:
    """The answer in `text` without the words around it; ReadError when none is committed."""
    text = _APPROXIMATELY.sub("", text, count=1)  # "= 2x", "≈ 0.167", "~0.167"
    if text.isascii() and not any(char.isalpha() or char in ":>?" for char in text):
        return text.strip()  # no words, nothing to strip (the common case: 2x, 3/4, [1, 2])
    if _NO_ANSWER.fullmatch(text):
        raise ReadError("That doesn't give an answer yet: send one when you have it.")
    core = text.strip()
    if core.endswith("?"):
        raise ReadError(
            "That reads as a question: send your answer on its own, without the question mark."
        )
    stripped = _without_trailing(core[_end_of_leading(core) :]).strip()
    hedged = stripped != core
    if hedged and kind in _SINGLE and re.search(r"\bor\b", stripped, _FLAGS):
        raise ReadError("That gives more than one answer: send the one you mean.")
    return stripped if stripped else core


def _end_of_leading(text: str) -> int:
    match = _LEADING.match(text)
    return match.end() if match else 0


def _without_trailing(text: str) -> str:
    """`text` without hedges at its end: "2, I think" -> "2"."""
    while True:
        lowered = text.lower().rstrip()
        hedge = next((h for h in _TRAILING if lowered.endswith(h)), None)
        if hedge is None:
            return text
        before = lowered[: -len(hedge)]
        if before and before[-1].isalnum() and hedge[0].isalpha():
            return text  # part of a word: "upright" does not end in "right"
        text = text.rstrip()[: -len(hedge)].rstrip(" ,;")


def ambiguous(text: str, kind: str) -> None:
    """Ask instead of guessing where a number is asked: 0,5, 1,500, 2,000,000, 1 1/2."""
    if kind != "number":
        return
    core = text.strip()
    thousands = _THOUSANDS.fullmatch(core)
    if thousands and (core.count(thousands.group(1)) > 1 or thousands.group(1) == " "):
        plain = re.sub(r"[, ]", "", core)
        raise ReadError(f"Is {core} the number {plain}? Write it without separators: {plain}.")
    comma = _DECIMAL_COMMA.fullmatch(core)
    if comma:
        whole, part = comma.groups()
        decimal = f"{whole}.{part}"
        if len(part) == 3:
            grouped = f"{whole}{part}"
            raise ReadError(
                f"{core} could be {grouped} or {decimal}: write {grouped} or {decimal}."
            )
        raise ReadError(f"Is {core} the decimal {decimal}? Write decimals with a point: {decimal}.")
    mixed = _MIXED.fullmatch(core)
    if mixed:
        sign, whole, top, bottom = mixed.groups()
        if int(bottom) == 0:
            return
        value = Fraction(int(whole)) + Fraction(int(top), int(bottom))
        signed = f"-{value}" if sign else str(value)
        raise ReadError(
            f"{core} could be {sign}{whole} and {top}/{bottom} or {sign}{whole} × {top}/{bottom}: "
            f"write {signed} or {sign}({whole} + {top}/{bottom})."
        )
