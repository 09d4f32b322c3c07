"""Size limits enforced before any computation, so hostile input fails in milliseconds."""

from __future__ import annotations

import math

from bot.checker.errors import TooLarge
from bot.checker.nodes import Node, walk

MAX_LENGTH = 2000  # characters of raw input
MAX_BRACKET_DEPTH = 30
MAX_DEPTH = 60  # depth of the syntax tree (bounds every recursive walk)
MAX_NODES = 1500
MAX_LITERAL_DIGITS = 100
MAX_SCI_EXPONENT = 300  # 1e300 is fine, 1e999999 is not
MAX_EXPONENT = 1000  # |n| in x^n when n is a constant
MAX_FACTORIAL = 1000  # n in n! and binomial(n, k)
MAX_DIGITS = 5000  # log10 of the largest constant an answer may denote
MAX_PLUS_MINUS = 4

_TOO_LARGE = "That answer is too large to check"
_LOG10_E = math.log10(math.e)


def too_deep() -> TooLarge:
    """The error for input nested too deeply."""
    return TooLarge(f"{_TOO_LARGE}: it is nested too deeply.")


def check_text(text: str) -> None:
    """Reject raw input that is too long to read."""
    if len(text) > MAX_LENGTH:
        raise TooLarge(f"{_TOO_LARGE}: keep it under {MAX_LENGTH} characters.")


def check_tree(root: Node) -> None:
    """Reject trees too big, too deep, or denoting numbers too large to compute with."""
    count, plus_minus = 0, 0
    stack: list[tuple[Node, int]] = [(root, 1)]
    while stack:
        node, depth = stack.pop()
        count += 1
        if depth > MAX_DEPTH:
            raise too_deep()
        if count > MAX_NODES:
            raise TooLarge(f"{_TOO_LARGE}: it has too many parts.")
        if node.op == "num":
            check_literal(node.text)
        plus_minus += node.op in ("pm", "upm")
        stack.extend((child, depth + 1) for child in node.args)
    if plus_minus > MAX_PLUS_MINUS:
        raise TooLarge(f"{_TOO_LARGE}: it uses ± too many times.")
    _check_magnitudes(root)


def check_literal(text: str) -> None:
    """Reject a number literal with too many digits or too large an exponent."""
    mantissa, _, exponent = text.lower().partition("e")
    if len(mantissa.replace(".", "").lstrip("0")) > MAX_LITERAL_DIGITS:
        raise TooLarge(f"{_TOO_LARGE}: a number has more than {MAX_LITERAL_DIGITS} digits.")
    if exponent and abs(int(exponent)) > MAX_SCI_EXPONENT:
        raise TooLarge(f"{_TOO_LARGE}: the number {text} is too large or too small.")


def _check_magnitudes(root: Node) -> None:
    """Bound log10|value| of every constant subtree, children first, without recursion."""
    bounds: dict[int, float | None] = {}
    order = list(walk(root))
    for node in reversed(order):
        children = [bounds[id(child)] for child in node.args]
        bound = _bound(node, children)
        if bound is not None and bound > MAX_DIGITS:
            raise TooLarge(f"{_TOO_LARGE}: it denotes a number with more than {MAX_DIGITS} digits.")
        bounds[id(node)] = bound


def _bound(node: Node, children: list[float | None]) -> float | None:
    """An upper bound on log10|value| of a constant node; None when it has variables."""
    op = node.op
    if op == "num":
        value = abs(node.value)
        # log10 of each part: a Fraction past 1e308 cannot become a float.
        return math.log10(value.numerator) - math.log10(value.denominator) if value else -math.inf
    if op == "const":
        return 0.5
    if op == "pow" and children[1] is not None:
        # Checked even when the base has variables: x^(10^6) is as bad as 2^(10^6).
        exponent = _small(children[1], "an exponent", MAX_EXPONENT)
        return None if children[0] is None else exponent * _size(children[0])
    if op == "sym" or not node.is_scalar or any(c is None for c in children):
        return None
    bounds: list[float] = children  # type: ignore[assignment]
    if op in ("neg", "upm"):
        return bounds[0]
    if op in ("add", "sub", "pm"):
        return max(bounds) + 0.31
    if op in ("mul", "imul"):
        return sum(bounds)
    if op == "div":
        return bounds[0] + _size(bounds[1])
    if op == "pct":
        return bounds[0] - 2
    if op == "fact":
        return _factorial_digits(_small(bounds[0], "a factorial", MAX_FACTORIAL))
    if op == "call":
        return _call_bound(str(node.value), bounds)
    return None


def _small(bound: float, what: str, limit: int) -> float:
    """The largest |value| a subtree can have, which must not exceed `limit`."""
    largest = 10.0**bound if bound < 300 else math.inf
    if largest > limit:
        raise TooLarge(f"{_TOO_LARGE}: {what} is bigger than {limit}.")
    return largest


def _size(bound: float) -> float:
    """How far from 1 a bounded value can be, in decimal digits (0 for an exact zero)."""
    return 0.0 if bound == -math.inf else abs(bound)


def _factorial_digits(n: float) -> float:
    return (n + 1) * math.log10(n + 1) if n > 0 else 0.0


def _call_bound(name: str, bounds: list[float]) -> float:
    first = bounds[0]
    if name in (
        "exp",
        "sinh",
        "cosh",
        "sin",
        "cos",
        "tan",
        "cot",
        "sec",
        "csc",
        "tanh",
        "sigmoid",
        "erf",
    ):
        # |f(z)| <= e^|z| up to a constant for these entire-ish functions.
        return _small(first, "the argument of " + name, 10 * MAX_EXPONENT) * _LOG10_E + 1
    if name in ("sqrt", "cbrt", "root", "abs", "sign", "floor", "ceil"):
        return max(first, 0.0) if name != "abs" else first
    if name == "binomial":
        return _factorial_digits(_small(first, "binomial's n", MAX_FACTORIAL))
    # log and the inverse trigonometric functions grow slowly.
    return math.log10(_size(first) * 2.31 + 4)
