"""Required forms: an answer can equal the expected one yet not be simplified or factored."""

from __future__ import annotations

from math import gcd

from bot.checker import symbolic
from bot.checker.nodes import Node, walk

FORMS = ("simplified", "factored", "exact")
_SLACK = 2  # extra nodes a simplified answer may have over the author's


def satisfies(required: str, submitted: Node, expected: Node, approximate: bool) -> bool:
    """True if the (already equal) answer is in the required form."""
    if required == "exact":
        return not approximate
    if required == "factored":
        return symbolic.is_factored(submitted) is not False
    return is_simplified(submitted, expected)


def is_simplified(node: Node, reference: Node) -> bool:
    """No arithmetic left on plain numbers, no x·1 or x+0, no like terms, not much longer."""
    size = sum(1 for _ in walk(node))
    if size > sum(1 for _ in walk(reference)) + _SLACK:
        return False
    return not any(_leftover(n) for n in walk(node))


def _leftover(node: Node) -> bool:
    op, args = node.op, node.args
    numbers = [a for a in args if a.op == "num"]
    if op in ("add", "sub", "mul", "imul") and len(numbers) == 2:
        return True
    if op == "div" and len(numbers) == 2:
        top, bottom = (n.value for n in numbers)
        return (
            bottom == 1
            or gcd(top.numerator, bottom.numerator) > 1
            or top.denominator != 1
            or bottom.denominator != 1
        )
    if op == "pow" and numbers and (args[1].op == "num" and args[1].value in (0, 1)):
        return True
    if op == "pow" and len(numbers) == 2:
        return True
    if op in ("mul", "imul", "div") and any(a.op == "num" and a.value == 1 for a in args[1:]):
        return True
    if op in ("mul", "imul") and args[0].op == "num" and args[0].value in (0, 1):
        return True
    if op in ("add", "sub") and any(a.op == "num" and a.value == 0 for a in args):
        return True
    if op == "neg" and args[0].op == "neg":
        return True
    if op in ("add", "sub") and _like_terms(node):
        return True
    return op in ("mul", "imul") and _repeated_factor(node)


def _terms(node: Node) -> list[Node]:
    if node.op in ("add", "sub"):
        return _terms(node.args[0]) + _terms(node.args[1])
    return [node.args[0]] if node.op == "neg" else [node]


def _factors(node: Node) -> list[Node]:
    if node.op in ("mul", "imul"):
        return _factors(node.args[0]) + _factors(node.args[1])
    return [node]


def _without_coefficient(term: Node) -> tuple[Node, ...]:
    return tuple(f for f in _factors(term) if f.op != "num")


def _like_terms(node: Node) -> bool:
    """x + 2x, or x² - x²: terms that differ only by a number."""
    seen = [_without_coefficient(t) for t in _terms(node)]
    return len(seen) != len(set(seen))


def _repeated_factor(node: Node) -> bool:
    """x·x or x·x²: a base that appears twice in one product."""
    bases = [f.args[0] if f.op == "pow" else f for f in _factors(node) if f.op != "num"]
    return len(bases) != len(set(bases))
