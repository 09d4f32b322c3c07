# ruff: noqa: RUF001 (the multiplication sign in matrix shapes is meant)
"""Say what kind of mistake a wrong answer looks like, in words for the learner."""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from bot.checker.nodes import Node, names
from bot.checker.render import reading
from bot.checker.scalars import Sampler, ScalarMatch

_SAME = 1e-6  # relative agreement for "these values are related"


@dataclass(frozen=True, slots=True)
class Note:
    """A mistake tag (for statistics and tests) and the message the learner sees."""

    mistake: str | None
    message: str


RIGHT = Note(None, "Correct!")


def scalar(expected: Node, submitted: Node, sampler: Sampler, match: ScalarMatch) -> Note:
    """Why a number or expression is wrong, when the samples show a pattern."""
    if match.undefined:
        return Note("undefined", "That expression has no value (a division by zero?).")
    if match.coarse:
        return Note(
            "rounding",
            "Right value, but rounded too coarsely: give at least 3 significant figures.",
        )
    pairs = [
        (a, b)
        for a, b in zip(sampler.values(expected), sampler.values(submitted), strict=True)
        if a is not None and b is not None
    ]
    symbolic = bool(names(expected) | names(submitted))
    if pairs:
        note = _pattern(pairs, symbolic)
        if note is not None:
            return note
    return Note("wrong", "Not quite: that is not equal to the answer.")


def _pattern(pairs: list[tuple[complex, complex]], symbolic: bool) -> Note | None:
    if all(_near(b, -a) for a, b in pairs) and not all(_near(a, 0) for a, _ in pairs):
        return Note("sign", "Check the sign: your answer is the negative of the right one.")
    unit = all(_near(a * a, 1) for a, _ in pairs)
    if not unit and all(a != 0 and _near(b * a, 1) for a, b in pairs):
        return Note("reciprocal", "Your answer is the reciprocal of the right one (upside down).")
    ratios = [b / a for a, b in pairs if a != 0]
    if len(ratios) == len(pairs) and ratios and all(_near(r, ratios[0]) for r in ratios):
        factor = ratios[0]
        if symbolic:
            return Note(
                "factor",
                f"Your answer is off by a constant factor ({_nice(factor)} times the right one): "
                "check for a dropped coefficient or a missing chain-rule factor.",
            )
        if abs(factor.imag) < 1e-9 and factor.real > 0:
            power = math.log10(factor.real)
            if abs(power - round(power)) < 1e-9 and round(power) != 0:
                if abs(round(power)) == 2:
                    return Note("percent", "Off by a factor of 100: percent versus fraction?")
                return Note("decimal", "Off by a power of 10: check the decimal point.")
    differences = [b - a for a, b in pairs]
    if symbolic and all(_near(d, differences[0]) for d in differences):
        return Note(
            "constant",
            f"Your answer differs from the right one by a constant ({_nice(differences[0])}).",
        )
    if not symbolic and all(abs(b - a) <= 0.02 * abs(a) for a, b in pairs):
        return Note("close", "Close, but not exactly right: check your arithmetic or rounding.")
    return None


def _near(x: complex, y: complex) -> bool:
    return abs(x - y) <= _SAME * max(abs(x), abs(y), 1e-12)


def _nice(value: complex) -> str:
    """A short rendering of a sampled constant, as a fraction when it is one."""
    if abs(value.imag) > 1e-9 * max(1.0, abs(value)):
        return f"{value.real:.4g}{value.imag:+.4g}i"
    if not 1e-3 <= abs(value.real) < 1e6:  # 1e300 and 1e-300 as such, not 301 digits or 0
        return f"{value.real:.4g}"
    fraction = Fraction(value.real).limit_denominator(1000)
    if abs(float(fraction) - value.real) <= 1e-9 * max(1.0, abs(value.real)):
        return str(fraction)
    return f"{value.real:.4g}"


def foreign(found: Iterable[str], allowed: Iterable[str]) -> Note:
    """A variable the problem does not have (X typed for x)."""
    allowed = sorted(allowed)
    parts = []
    for name in sorted(found):
        near = [a for a in allowed if a.lower() == name.lower()]
        hint = f" (did you mean {near[0]}? Letters are case-sensitive)" if near else ""
        parts.append(f"{name}{hint}")
    uses = f"; it uses {', '.join(allowed)}" if allowed else ""
    return Note("variable", f"{' and '.join(parts)} is not in this problem{uses}.")


def kind_mismatch(message: str) -> Note:
    """A readable answer of the wrong kind."""
    return Note("kind", message)


def _positions(indices: Sequence[int]) -> str:
    labels = [str(i + 1) for i in indices]
    if len(labels) == 1:
        return f"Entry {labels[0]} is"
    return f"Entries {', '.join(labels[:-1])} and {labels[-1]} are"


def length(expected: int, found: int) -> Note:
    """An ordered list with the wrong number of entries."""
    return Note("shape", f"The answer has {expected} entries; yours has {found}.")


def entries(wrong: Sequence[int], total: int, notes: Sequence[Note]) -> Note:
    """Some entries of a vector or tuple differ."""
    pattern = _common(notes, total, len(wrong))
    if pattern is not None:
        return _every(pattern)
    return Note("entries", f"{_positions(wrong)} not right.")


def _common(notes: Sequence[Note], total: int, wrong: int) -> Note | None:
    """The shared mistake when every entry is wrong the same way (all signs flipped)."""
    same = wrong == total > 1 and len({note.mistake for note in notes}) == 1
    return notes[0] if same and notes[0].mistake in ("sign", "rounding") else None


def _every(note: Note) -> Note:
    if note.mistake == "sign":
        return Note("sign", "Check the signs: every entry is the negative of the right one.")
    return Note(note.mistake, "Every entry is rounded too coarsely: give 3 significant figures.")


def order() -> Note:
    """The right entries in another order."""
    return Note("order", "You have the right entries, but in a different order.")


def matrix_shape(expected: tuple[int, int], found: tuple[int, int], transposed: bool) -> Note:
    """A matrix with the wrong shape, or the transpose of the answer."""
    if transposed:
        return Note(
            "transposed", "That is the transpose of the answer: rows and columns are swapped."
        )
    return Note(
        "shape",
        f"The answer is a {expected[0]}×{expected[1]} matrix; yours is {found[0]}×{found[1]}.",
    )


def matrix_entries(wrong: Sequence[tuple[int, int]], total: int, notes: Sequence[Note]) -> Note:
    """Some entries of a matrix differ."""
    pattern = _common(notes, total, len(wrong))
    if pattern is not None:
        return _every(pattern)
    cells = [f"({r + 1}, {c + 1})" for r, c in wrong]
    if len(cells) > 4:
        return Note("entries", f"{len(cells)} of the {total} entries are not right.")
    label = "Entry" if len(cells) == 1 else "Entries"
    verb = "is" if len(cells) == 1 else "are"
    return Note("entries", f"{label} {', '.join(cells)} {verb} not right (row, column).")


def elements(missing: int, extra: Sequence[Node], what: str = "element") -> Note:
    """A set or solution list with elements missing or extra."""
    parts = []
    if extra:
        listed = ", ".join(reading(node) for node in extra[:3])
        parts.append(f"{listed} {'is' if len(extra) == 1 else 'are'} not in the answer")
    if missing:
        parts.append(f"{missing} {what}{'s are' if missing > 1 else ' is'} missing")
    return Note("elements", "; ".join(parts) + ".")


def interval_count(expected: int, found: int) -> Note:
    """A union with the wrong number of pieces."""
    if expected == 0:
        return Note("elements", "The answer is the empty set.")
    return Note("shape", f"The answer has {expected} interval piece(s); yours has {found}.")


def endpoints(low: bool, high: bool) -> Note:
    """Wrong endpoint values."""
    which = (
        "Both endpoints are"
        if low and high
        else ("The left endpoint is" if low else "The right endpoint is")
    )
    return Note("endpoint", f"{which} not right.")


def openness(low: bool, high: bool) -> Note:
    """Right endpoints, wrong open/closed ends."""
    which = "both ends" if low and high else ("the left end" if low else "the right end")
    return Note(
        "openness",
        f"The endpoints are right; check {which}: is the endpoint included [ ] or excluded ( )?",
    )


def solution_variables(expected: Sequence[str], found: Sequence[str]) -> Note:
    """Solutions given for other variables."""
    return (
        foreign(set(found) - set(expected), expected)
        if set(found) - set(expected)
        else Note("variable", f"Give values for {', '.join(expected)}.")
    )


def keyword() -> Note:
    """The wrong word answer (DNE for none, say)."""
    return Note("wrong", "Not quite: that is not the answer.")


def form(required: str) -> Note:
    """Right value, wrong form."""
    messages = {
        "simplified": "That is equal to the answer, but not simplified yet.",
        "factored": "That is equal to the answer, but not fully factored yet.",
        "exact": "That is the right value rounded: give it exactly (a fraction, √, π...).",
    }
    return Note("form", messages[required])
