# ruff: noqa: RUF001 (the unicode math symbols here are meant)
"""Readable plain-math text for a syntax tree: how the checker read an answer."""

from __future__ import annotations

from bot.checker.nodes import Node
from bot.checker.vocabulary import GREEK_SYMBOL, KEYWORD_NAMES

_SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
_CONSTANTS = {"pi": "π", "e": "e", "oo": "∞", "i": "i"}
_RELATIONS = {"<=": "≤", ">=": "≥", "!=": "≠", "in": "∈"}
_PRECEDENCE = {
    "add": 1,
    "sub": 1,
    "pm": 1,
    "mul": 2,
    "imul": 2,
    "div": 2,
    "neg": 3,
    "upm": 3,
    "pow": 4,
    "fact": 5,
    "pct": 5,
}
_ATOM = 6


def reading(node: Node) -> str:
    """The answer as the checker read it, e.g. `2x·cos(x²)`."""
    op = node.op
    if op == "or":
        return " or ".join(reading(arg) for arg in node.args)
    if op == "list":
        return ", ".join(reading(arg) for arg in node.args)
    if op == "minus":
        whole, points = node.args
        left = "ℝ" if whole.op == "kw" and whole.value == "reals" else reading(whole)
        return f"{left} ∖ {reading(points)}"
    if op == "rel":
        ops = [_RELATIONS.get(str(o), str(o)) for o in node.value]
        parts = [reading(node.args[0])]
        for relation, term in zip(ops, node.args[1:], strict=True):
            parts.append(f" {relation} {reading(term)}")
        return "".join(parts)
    if op == "group":
        brackets = str(node.value)
        return brackets[0] + ", ".join(reading(arg) for arg in node.args) + brackets[1]
    if op == "kw":
        return KEYWORD_NAMES.get(str(node.value), str(node.value))
    return _scalar(node)


def _precedence(node: Node) -> int:
    if node.op == "num" and node.value < 0:
        return 3
    return _PRECEDENCE.get(node.op, _ATOM)


def _wrap(node: Node, minimum: int) -> str:
    text = _scalar(node)
    return f"({text})" if _precedence(node) < minimum else text


def _scalar(node: Node) -> str:
    op, args = node.op, node.args
    if op == "num":
        return node.text
    if op == "sym":
        name = str(node.value)
        head, sep, sub = name.partition("_")
        return GREEK_SYMBOL.get(head, head) + sep + sub
    if op == "const":
        return _CONSTANTS[str(node.value)]
    if op in ("add", "sub", "pm"):
        sign = {"add": "+", "sub": "-", "pm": "±"}[op]
        return f"{_wrap(args[0], 1)} {sign} {_wrap(args[1], 2)}"
    if op in ("mul", "imul"):
        left = f"({_scalar(args[0])})" if args[0].op == "div" else _wrap(args[0], 2)
        right = _wrap(args[1], 4)
        number = args[0].op == "num" or (args[0].op == "neg" and args[0].args[0].op == "num")
        if number and _juxtaposes(args[1]):
            return left + right
        return f"{left}·{right}"
    if op == "div":
        return f"{_wrap(args[0], 2)}/{_wrap(args[1], 3)}"
    if op in ("neg", "upm"):
        return ("-" if op == "neg" else "±") + _wrap(args[0], 3)
    if op == "pow":
        return _power(args[0], args[1])
    if op == "fact":
        return _wrap(args[0], _ATOM) + "!"
    if op == "pct":
        return _wrap(args[0], _ATOM) + "%"
    if op == "call":
        return _call(str(node.value), args)
    return reading(node)


def _juxtaposes(node: Node) -> bool:
    """2x, 2π and 2x² read well without a dot."""
    if node.op == "pow":
        node = node.args[0]
    return node.op in ("sym", "const")


def _power(base: Node, exponent: Node) -> str:
    left = _wrap(base, _ATOM) if base.op != "call" else _scalar(base)
    small = exponent.op == "num" and exponent.text.isdigit() and len(exponent.text) <= 2
    negative = exponent.op == "neg" and exponent.args[0].op == "num"
    if negative and exponent.args[0].text.isdigit() and len(exponent.args[0].text) <= 2:
        small = True
    if small:
        return left + _scalar(exponent).translate(_SUPERSCRIPT)
    return f"{left}^{_wrap(exponent, _ATOM)}"


def _call(name: str, args: tuple[Node, ...]) -> str:
    if name == "sqrt":
        return "√" + _wrap(args[0], _ATOM)
    if name == "abs":
        return f"|{_scalar(args[0])}|"
    if name == "log":
        if len(args) == 2:
            return f"log_{_wrap(args[1], _ATOM)}({_scalar(args[0])})"
        return f"ln({_scalar(args[0])})"
    return f"{name}({', '.join(_scalar(arg) for arg in args)})"
