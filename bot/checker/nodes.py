"""The checker's own syntax tree: what the grammar builds, before any sympy."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Any

# Scalar operators. Structures ("group", "list", "rel", "or", "kw") hold answers, not numbers.
SCALAR_OPS = frozenset(
    {
        "num",
        "sym",
        "const",
        "neg",
        "add",
        "sub",
        "mul",
        "imul",
        "div",
        "pow",
        "call",
        "fact",
        "pct",
        "pm",
        "upm",
    }
)
# Functions whose value at complex points is not analytic: compare them at real points only.
REAL_ONLY_FUNCS = frozenset({"abs", "floor", "ceil", "sign"})


@dataclass(frozen=True, slots=True)
class Node:
    """One node: `op` says what it is, `args` are children, `value` the payload of a leaf."""

    op: str
    args: tuple[Node, ...] = ()
    value: Any = None  # Fraction for num, name for sym/const/call, operators for rel
    text: str = field(default="", compare=False)

    @property
    def is_scalar(self) -> bool:
        """True for numbers and expressions (not lists, relations or keywords)."""
        return self.op in SCALAR_OPS


def num(value: Fraction | int, text: str = "") -> Node:
    """A number literal; `text` is how it was written (decimals keep their digits)."""
    value = Fraction(value)
    return Node("num", value=value, text=text or str(value))


def sym(name: str) -> Node:
    """A variable."""
    return Node("sym", value=name)


def walk(node: Node) -> Iterator[Node]:
    """Every node of a tree, parents before children, without recursion."""
    stack = [node]
    while stack:
        current = stack.pop()
        yield current
        stack.extend(reversed(current.args))


def names(node: Node) -> set[str]:
    """The variable names a tree uses."""
    return {str(n.value) for n in walk(node) if n.op == "sym"}


def is_decimal(node: Node) -> bool:
    """True for a number written with a decimal point or an exponent (an approximation)."""
    return node.op == "num" and any(c in node.text for c in ".eE")


def has_decimal(node: Node) -> bool:
    """True when a tree contains a decimal literal."""
    return any(is_decimal(n) for n in walk(node))


def real_only(node: Node) -> bool:
    """True when a tree uses a function that must be evaluated at real points."""
    return any(n.op == "call" and n.value in REAL_ONLY_FUNCS for n in walk(node))
