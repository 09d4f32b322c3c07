# ruff: noqa: RUF001 (the unicode math symbols here are meant)
"""Read answer text into a syntax tree with a whitelisting LALR grammar; nothing is evaluated."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from decimal import Decimal
from fractions import Fraction
from importlib import resources
from typing import Any

from lark import Lark, Token, Transformer
from lark.exceptions import UnexpectedInput, UnexpectedToken, VisitError

from bot.checker import latex, limits
from bot.checker.errors import ReadError
from bot.checker.nodes import Node
from bot.checker.tokens import TokenLexer, Vocabulary, tokenize
from bot.checker.vocabulary import ARITY, INVERSES

# Set difference: \setminus, and a backslash or minus between the reals and a {set}.
_SET_MINUS = re.compile(r"\\setminus|\\backslash")
_INTERVAL_MINUS = re.compile(r"(?<=[\])])\s*(?:\\|-|−)\s*(?=\\?\{)")
_REALS_MINUS = re.compile(r"(?:ℝ|\bR\b|\\mathbb\s*\{?R\}?)\s*(?:\\|-|−|∖)\s*(?=\\?\{)")


def read(text: str, variables: Iterable[str] = ()) -> Node:
    """Parse answer text (plain or LaTeX) into a tree, enforcing the size limits."""
    limits.check_text(text)
    text = _REALS_MINUS.sub("ℝ ∖ ", _SET_MINUS.sub(" ∖ ", text))
    text = _INTERVAL_MINUS.sub(" ∖ ", text)
    if any(mark in text for mark in ("\\", "$", "^{", "_{")):
        text = latex.to_plain(text)
        limits.check_text(text)
    tokens = tokenize(text, Vocabulary(frozenset(variables)))
    try:
        tree: Node = _parser().parse(tokens)  # type: ignore[assignment]
    except VisitError as exc:
        if isinstance(exc.orig_exc, ReadError):
            raise exc.orig_exc from None
        raise
    except UnexpectedInput as exc:
        raise ReadError(_unexpected(exc, tokens)) from None
    limits.check_tree(tree)
    return tree


@functools.cache
def _parser() -> Lark:
    grammar = resources.files("bot.checker").joinpath("grammar.lark").read_text("utf-8")
    return Lark(grammar, parser="lalr", lexer=TokenLexer, transformer=_Build())


def _unexpected(exc: UnexpectedInput, tokens: list[Token]) -> str:
    token = exc.token if isinstance(exc, UnexpectedToken) else None
    if token is None or token.type == "$END":
        return "The answer seems to stop in the middle: is something missing at the end?"
    index = next((i for i, t in enumerate(tokens) if t is token), None)
    before = " ".join(str(t) for t in tokens[max(0, (index or 0) - 3) : index])
    where = f" after '{before}'" if before else " at the start"
    return f"I couldn't read '{token}'{where}."


def _number(text: str) -> Node:
    limits.check_literal(text)
    return Node("num", value=Fraction(Decimal(text)), text=text)


def _scalar(node: Node) -> Node:
    """`node` as an operand of arithmetic; a one-entry [..] counts as brackets."""
    if node.is_scalar:
        return node
    if node.op == "group" and node.value == "[]" and len(node.args) == 1 and node.args[0].is_scalar:
        return node.args[0]
    what = {
        "group": "a list",
        "rel": "an equation",
        "kw": "a word",
        "or": "a list of options",
        "list": "a list",
    }.get(node.op, "that")
    raise ReadError(f"I can't do arithmetic with {what} here.")


def _binary(op: str) -> Callable[[Any, list[Node]], Node]:
    """A transformer callback for a binary operator."""

    def build(self: Any, children: list[Node]) -> Node:
        return Node(op, (_scalar(children[0]), _scalar(children[1])))

    return build


def _group(brackets: str) -> Callable[[Any, list[tuple[Node, ...]]], Node]:
    """A transformer callback for a bracketed list; plain parentheses around one item group."""

    def build(self: Any, children: list[tuple[Node, ...]]) -> Node:
        items = children[0]
        if brackets == "()" and len(items) == 1:
            return items[0]
        return Node("group", items, value=brackets)

    return build


class _Build(Transformer[Token, Node]):
    """Builds Nodes as the LALR parser reduces (no recursion, nothing evaluated)."""

    def start(self, children: list[Node]) -> Node:
        if len(children) == 1:
            return children[0]
        return Node("or", tuple(arg for child in children for arg in _options(child)))

    def alternatives(self, children: list[Node]) -> Node:
        return Node("or", tuple(children))

    def setminus(self, children: list[Node]) -> Node:
        return Node("minus", (children[0], children[1]))

    def sequence(self, children: list[Node]) -> Node:
        return Node("list", tuple(children))

    def relation(self, children: list[Any]) -> Node:
        terms = tuple(children[0::2])
        return Node("rel", terms, value=tuple(str(op) for op in children[1::2]))

    add, sub, pm = _binary("add"), _binary("sub"), _binary("pm")
    mul, div, pow = _binary("mul"), _binary("div"), _binary("pow")

    def imul(self, children: list[Node]) -> Node:
        return Node("imul", (_scalar(children[0]), _scalar(children[1])))

    def neg(self, children: list[Node]) -> Node:
        return Node("neg", (_scalar(children[0]),))

    def pos(self, children: list[Node]) -> Node:
        return _scalar(children[0])

    def upm(self, children: list[Node]) -> Node:
        return Node("upm", (_scalar(children[0]),))

    def fact(self, children: list[Node]) -> Node:
        return Node("fact", (_scalar(children[0]),))

    def pct(self, children: list[Node]) -> Node:
        return Node("pct", (_scalar(children[0]),))

    def number(self, children: list[Token]) -> Node:
        return _number(str(children[0]))

    def name(self, children: list[Token]) -> Node:
        return Node("sym", value=str(children[0]))

    def const(self, children: list[Token]) -> Node:
        return Node("const", value=str(children[0]))

    def keyword(self, children: list[Token]) -> Node:
        return Node("kw", value=str(children[0]))

    def root(self, children: list[Any]) -> Node:
        name = "cbrt" if str(children[0]) == "∛" else "sqrt"
        return Node("call", (_scalar(children[1]),), value=name)

    def abs(self, children: list[Node]) -> Node:
        return Node("call", (_scalar(children[0]),), value="abs")

    def items(self, children: list[Node | None]) -> tuple[Node, ...]:
        if children == [None]:
            return ()
        if len(children) > 1:  # rows separated by semicolons
            return tuple(_row(row) for row in children if row is not None)
        only = children[0]
        assert only is not None
        return only.args if only.op == "list" else (only,)

    paren, square, open_closed = _group("()"), _group("[]"), _group("(]")
    closed_open, braces, angle = _group("[)"), _group("{}"), _group("⟨⟩")

    def subscript(self, children: list[Node]) -> tuple[str, Node]:
        return ("base", _scalar(children[0]))

    def superscript(self, children: list[Node]) -> tuple[str, Node]:
        return ("power", _scalar(children[0]))

    def sub_superscript(self, children: list[Node]) -> tuple[str, Node, Node]:
        return ("both", _scalar(children[0]), _scalar(children[1]))

    def call(self, children: list[Any]) -> Node:
        return _apply(str(children[0]), children[1:-1], children[-1])

    def bare_call(self, children: list[Any]) -> Node:
        return _apply(str(children[0]), children[1:-1], (children[-1],))

    def bare_argument(self, children: list[Node]) -> Node:
        product = _scalar(children[0])
        for factor in children[1:]:
            product = self.imul([product, factor])
        return product


def _options(node: Node) -> tuple[Node, ...]:
    return node.args if node.op == "or" else (node,)


def _row(row: Node) -> Node:
    return Node("group", row.args if row.op == "list" else (row,), value="[]")


def _apply(name: str, modifiers: list[tuple[Any, ...]], args: tuple[Node, ...]) -> Node:
    """A function call, with an optional base (log_2) or power (sin^2, sin^-1)."""
    base = power = None
    if modifiers:
        kind, *parts = modifiers[0]
        base = parts[0] if kind in ("base", "both") else None
        power = parts[-1] if kind in ("power", "both") else None
    args = tuple(_scalar(arg) for arg in args)
    if base is not None:
        if name != "log":
            raise ReadError(f"Only log takes a base with '_' (like log_2 x), not {name}.")
        args = (*args, base)
    if power is not None and _is_minus_one(power) and name in INVERSES:
        name, power = INVERSES[name], None
    if len(args) not in ARITY[name]:
        wanted = " or ".join(str(n) for n in ARITY[name])
        raise ReadError(f"{name} takes {wanted} argument(s), not {len(args)}.")
    call = Node("fact", args) if name == "factorial" else Node("call", args, value=name)
    return call if power is None else Node("pow", (call, power))


def _is_minus_one(node: Node) -> bool:
    return node.op == "neg" and node.args[0].op == "num" and node.args[0].value == 1
