# ruff: noqa: RUF002 (the unicode math symbols here are meant)
"""Answer kinds: read a syntax tree as a number, vector, matrix, set, interval, solutions..."""

from __future__ import annotations

import dataclasses
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

from bot.checker.errors import ReadError
from bot.checker.nodes import Node, names, walk
from bot.checker.render import reading

KINDS = (
    "number",
    "expression",
    "vector",
    "matrix",
    "set",
    "interval",
    "solutions",
    "tuple",
    "keyword",
)
DESCRIPTIONS = {
    "number": "a number",
    "expression": "an expression",
    "vector": "a vector",
    "matrix": "a matrix",
    "set": "a set",
    "interval": "an interval",
    "solutions": "solutions of an equation",
    "tuple": "a tuple",
    "keyword": "a word",
    "equation": "an equation",
    "list": "a list",
}
_INEQUALITIES = {"<", ">", "<=", ">=", "!="}
_OO = Node("const", value="oo")
_MINUS_OO = Node("neg", (_OO,))


class KindMismatch(Exception):
    """A readable answer of a different kind than expected (a matrix for a number)."""

    def __init__(self, found: str, expected: str, hint: str = "") -> None:
        self.found, self.expected = found, expected
        found_text, expected_text = DESCRIPTIONS[found], DESCRIPTIONS[expected]
        message = f"That reads as {found_text}, but the answer is {expected_text}."
        super().__init__(f"{message} {hint}".strip())


@dataclass(frozen=True, slots=True)
class Scalar:
    """A number or an expression."""

    node: Node


@dataclass(frozen=True, slots=True)
class Items:
    """An ordered list (vector, tuple) or an unordered one (set)."""

    items: tuple[Node, ...]


@dataclass(frozen=True, slots=True)
class Matrix:
    """A matrix as rows; `flat` marks a vector given where a matrix was asked for."""

    rows: tuple[tuple[Node, ...], ...]
    flat: bool = False

    @property
    def shape(self) -> tuple[int, int]:
        """(rows, columns)."""
        return len(self.rows), len(self.rows[0]) if self.rows else 0


@dataclass(frozen=True, slots=True)
class Interval:
    """One interval; an infinite end is the constant oo."""

    low: Node
    high: Node
    low_closed: bool
    high_closed: bool


@dataclass(frozen=True, slots=True)
class Intervals:
    """A union of intervals (usually just one)."""

    parts: tuple[Interval, ...]


@dataclass(frozen=True, slots=True)
class Solutions:
    """Solutions as points: values for `variables`, in that order. `word` is none/infinite."""

    variables: tuple[str, ...]
    points: tuple[tuple[Node, ...], ...]
    word: str | None = None


@dataclass(frozen=True, slots=True)
class Keyword:
    """A word answer: dne, none, reals or infinite."""

    word: str


Answer = Scalar | Items | Matrix | Intervals | Solutions | Keyword


def infer_kind(node: Node) -> str:
    """The kind an answer's text suggests on its own."""
    op = node.op
    if op == "kw":
        return "keyword"
    if op == "minus":
        return "interval"
    if op == "rel":
        return "solutions" if set(node.value) <= {"="} else "interval"
    if op == "or":
        kinds = {infer_kind(arg) for arg in node.args}
        return "interval" if "interval" in kinds else "solutions"
    if op == "list":
        return "solutions" if any(arg.op == "rel" for arg in node.args) else "tuple"
    if op == "group":
        return _group_kind(node)
    return "expression" if names(node) else "number"


def _group_kind(node: Node) -> str:
    brackets, items = str(node.value), node.args
    has_infinity = any(n.op == "const" and n.value == "oo" for n in walk(node))
    if brackets == "{}":
        return "set"
    if brackets in ("(]", "[)") or (len(items) == 2 and has_infinity and brackets != "⟨⟩"):
        return "interval"
    if items and all(item.op == "group" for item in items):
        return "matrix"
    return "vector" if brackets in ("[]", "⟨⟩") else "tuple"


def interpret(node: Node, kind: str, variables: Sequence[str] = ()) -> Answer:
    """Read `node` as an answer of `kind`; raises KindMismatch or ReadError."""
    if kind not in ("set", "solutions") and any(n.op in ("pm", "upm") for n in walk(node)):
        raise ReadError("± stands for two values; here give a single value.")
    found = infer_kind(node)
    if kind in ("number", "expression"):
        return Scalar(_single(node, kind, found))
    if kind in ("vector", "tuple"):
        return Items(_ordered(node, kind, found))
    if kind == "matrix":
        return _matrix(node, found)
    if kind == "set":
        return Items(_unordered(node, found, variables))
    if kind == "interval":
        return Intervals(_intervals(node, found))
    if kind == "solutions":
        return _solutions(node, found, variables)
    if node.op == "kw":
        return Keyword(str(node.value))
    if node.op == "group" and node.value == "{}" and not node.args:
        return Keyword("none")
    raise KindMismatch(found, kind)


def _single(node: Node, kind: str, found: str) -> Node:
    if node.op == "rel" and node.value == ("=",) and node.args[0].op == "sym":
        variable, value = node.args
        if value.is_scalar and variable.value not in names(value):
            node = value  # "x = 3" answers "what is x?"
    if not node.is_scalar:
        raise KindMismatch(found if found != kind else "list", kind, _separator_hint(node))
    return node


def _separator_hint(node: Node) -> str:
    """2,000,000 reads as a list of three numbers: say so."""
    groups = [arg.text for arg in node.args] if node.op == "list" else []
    if (
        len(groups) > 1
        and all(g.isdigit() for g in groups)
        and all(len(g) == 3 for g in groups[1:])
    ):
        return "Write numbers without thousands separators, like 2000000."
    return ""


def _ordered(node: Node, kind: str, found: str) -> tuple[Node, ...]:
    if (node.op == "group" and node.value in ("[]", "()", "⟨⟩")) or node.op == "list":
        items = node.args
        if len(items) == 1 and items[0].op == "group" and kind == "vector":
            return _ordered(items[0], kind, found)  # [[1, 2, 3]], a one-row matrix
        if items and all(item.op == "group" for item in items) and kind == "vector":
            rows = _matrix(node, "matrix").rows
            if all(len(row) == 1 for row in rows):  # a column matrix
                return tuple(row[0] for row in rows)
        if all(item.is_scalar for item in items):
            return items
    raise KindMismatch(found, kind)


def _matrix(node: Node, found: str) -> Matrix:
    if node.op != "group" or node.value not in ("[]", "()") or not node.args:
        raise KindMismatch(found, "matrix")
    only = node.args[0]
    if (
        len(node.args) == 1
        and only.op == "group"
        and only.args
        and all(row.op == "group" for row in only.args)
    ):
        return _matrix(only, found)  # \left[\begin{matrix}..\end{matrix}\right]
    if all(item.is_scalar for item in node.args):
        return Matrix((node.args,), flat=True)
    rows = []
    for row in node.args:
        if row.op != "group" or not row.args or not all(item.is_scalar for item in row.args):
            hint = "Write a matrix as a list of rows: [[1, 2], [3, 4]]."
            raise KindMismatch(found, "matrix", hint)
        rows.append(row.args)
    if len({len(row) for row in rows}) > 1:
        raise ReadError("The rows of that matrix have different lengths.")
    return Matrix(tuple(rows))


def _unordered(node: Node, found: str, variables: Sequence[str]) -> tuple[Node, ...]:
    if node.op == "kw" and node.value == "none":
        return ()
    node = _member_of(node)
    if node.op == "group" and node.value == "{}":  # {3; -1} reads as rows
        node = Node("group", tuple(_single_row(arg) for arg in node.args), value="{}")
    equations = node.op in ("list", "or") and any(arg.op == "rel" for arg in node.args)
    if (node.op == "group" and node.value in ("{}", "[]", "()")) or (
        node.op in ("list", "or") and not equations
    ):
        items = node.args
    elif node.is_scalar:
        items = (node,)
    elif node.op == "rel" or equations:
        solutions = _solutions(node, found, variables)
        if len(solutions.variables) != 1 or solutions.word:
            raise KindMismatch(found, "set")
        items = tuple(point[0] for point in solutions.points)
    else:
        raise KindMismatch(found, "set")
    if not all(item.is_scalar for item in items):
        raise KindMismatch(found, "set")
    return tuple(value for item in items for value in expand_plus_minus(item))


def _intervals(node: Node, found: str) -> tuple[Interval, ...]:
    if node.op == "kw" and node.value in ("reals", "none"):
        return (Interval(_MINUS_OO, _OO, False, False),) if node.value == "reals" else ()
    if node.op == "or":
        return tuple(part for arg in node.args for part in _intervals(arg, found))
    if node.op == "minus":
        whole, removed = node.args
        points = removed.args if removed.op == "group" and removed.value == "{}" else (removed,)
        if not all(point.is_scalar for point in points):
            raise KindMismatch(found, "interval")
        return _remove(_intervals(whole, found), points)
    if node.op == "group" and len(node.args) == 2 and node.value in ("()", "[]", "(]", "[)"):
        low, high = (_single_row(arg) for arg in node.args)  # [0; 1] is [0, 1]
        if low.is_scalar and high.is_scalar:
            brackets = str(node.value)
            return (Interval(low, high, brackets[0] == "[", brackets[1] == "]"),)
    if node.op == "rel":
        return _inequality(node, found)
    raise KindMismatch(found, "interval")


def _remove(parts: tuple[Interval, ...], points: Sequence[Node]) -> tuple[Interval, ...]:
    """The intervals with the points taken out: ℝ ∖ {0} is (-oo, 0) ∪ (0, oo)."""
    for point in points:
        at = _position(point)
        kept: list[Interval] = []
        for part in parts:
            low, high = _position(part.low), _position(part.high)
            if low < at < high:
                kept += [
                    Interval(part.low, point, part.low_closed, False),
                    Interval(point, part.high, False, part.high_closed),
                ]
            elif at == low and part.low_closed:
                kept.append(dataclasses.replace(part, low_closed=False))
            elif at == high and part.high_closed:
                kept.append(dataclasses.replace(part, high_closed=False))
            else:
                kept.append(part)
        parts = tuple(kept)
    return parts


def _position(node: Node) -> float:
    """Where a constant lies on the real line (±inf for ±oo)."""
    sign = 1
    while node.op == "neg":
        sign, node = -sign, node.args[0]
    if node.op == "const" and node.value == "oo":
        return sign * math.inf
    from bot.checker import numeric  # here: importing KINDS must not load mpmath

    try:
        value = numeric.double(node, {})
    except (numeric.Undefined, KeyError):
        value = complex(math.nan, 0)
    if value.imag != 0 or not math.isfinite(value.real):
        raise ReadError(f"I can't place {reading(node)} on the real line.")
    return sign * value.real


def _member_of(node: Node) -> Node:
    """The set in `x ∈ {-1, 3}`, else the node itself."""
    if node.op == "rel" and node.value == ("in",) and node.args[0].op == "sym":
        members = node.args[1]
        if members.op == "group" and members.value == "{}":
            return members
    return node


def _single_row(node: Node) -> Node:
    """The entry of a one-entry row ([0; 1] reads as two rows), else the node itself."""
    if node.op == "group" and node.value == "[]" and len(node.args) == 1:
        return node.args[0]
    return node


def _inequality(node: Node, found: str) -> tuple[Interval, ...]:
    """x > 0, 0 < x <= 1, x != 2 or x in (0, 1] as intervals."""
    ops: tuple[str, ...] = node.value
    terms = node.args
    if ops == ("in",) and terms[0].op == "sym":
        return _intervals(terms[1], found)
    at = 1 if len(terms) == 3 or terms[0].op != "sym" else 0  # where the variable is
    if len(terms) > 3 or terms[at].op != "sym" or not set(ops) <= _INEQUALITIES:
        raise KindMismatch(found, "interval")
    if not all(t.is_scalar for t in terms):
        raise KindMismatch(found, "interval")
    if ops == ("!=",) and at == 0:
        point = terms[1]
        return (Interval(_MINUS_OO, point, False, False), Interval(point, _OO, False, False))
    low, high, low_closed, high_closed = _MINUS_OO, _OO, False, False
    for index, op in enumerate(ops):
        left, right = terms[index], terms[index + 1]
        if op == "!=":
            raise KindMismatch(found, "interval")
        # Normalize to "bound < x" or "x < bound".
        bound, below = (left, True) if index + 1 == at else (right, False)
        if op in (">", ">="):
            below = not below
        if below:
            low, low_closed = bound, op.endswith("=")
        else:
            high, high_closed = bound, op.endswith("=")
    return (Interval(low, high, low_closed, high_closed),)


def _solutions(node: Node, found: str, variables: Sequence[str]) -> Solutions:
    if node.op == "kw":
        if node.value in ("none", "infinite", "reals"):  # no solution, or every value
            return Solutions(tuple(variables), (), None if node.value == "none" else "infinite")
        raise KindMismatch(found, "solutions")
    if _member_of(node) is not node and len(variables) <= 1:
        name = str(node.args[0].value)
        equations = [
            Node("rel", (node.args[0], _single_row(v)), value=("=",)) for v in node.args[1].args
        ]
        return _solutions(Node("or", tuple(equations)), found, variables or (name,))
    if node.op == "group" and node.value == "{}":
        parts: tuple[Node, ...] = tuple(_single_row(arg) for arg in node.args)
    else:
        parts = node.args if node.op in ("or", "list") else (node,)
    points: list[dict[str, Node]] = []
    for part in parts:
        _add_solution(part, points, found, variables)
    used = tuple(sorted({name for point in points for name in point}))
    if not points:
        return Solutions(tuple(variables), ())
    if any(set(point) != set(used) for point in points):
        raise ReadError("Each solution should give a value to the same variables.")
    expanded: list[tuple[Node, ...]] = []
    for point in points:
        choices = [expand_plus_minus(point[name]) for name in used]
        expanded.extend(itertools.product(*choices))
    return Solutions(used, tuple(expanded))


def _add_solution(
    part: Node, points: list[dict[str, Node]], found: str, variables: Sequence[str]
) -> None:
    """Add `x = 3` (or `3`, or a system `x = 1, y = 2`) to the list of solution points."""
    if part.op == "list":
        for item in part.args:
            _add_solution(item, points, found, variables)
        return
    if part.op == "rel" and set(part.value) == {"="}:
        *lhs, value = part.args
        if not all(term.op == "sym" for term in lhs) or not value.is_scalar:
            raise KindMismatch("equation", "solutions", "Solve it: write it as x = value.")
        for term in lhs:
            name = _unsubscripted(str(term.value), variables)
            if not points or name in points[-1]:
                points.append({})
            points[-1][name] = value
        return
    tuple_of_values = part.op == "group" and part.value == "()" and len(part.args) > 1
    if tuple_of_values and len(variables) == len(part.args) and all(a.is_scalar for a in part.args):
        points.append(dict(zip(variables, part.args, strict=True)))
        return
    if part.is_scalar and len(variables) == 1:
        points.append({variables[0]: part})
        return
    if part.is_scalar and points and len(points[-1]) == 1:
        points.append({next(iter(points[-1])): part})  # x = 3 or -3
        return
    raise KindMismatch(found if found != "solutions" else "list", "solutions")


def _unsubscripted(name: str, variables: Sequence[str]) -> str:
    """x_1 and x_2 name two solutions for x when the problem has x (or no variable) but no x_1."""
    base, _, index = name.partition("_")
    if index.isdigit() and name not in variables and (base in variables or not variables):
        return base
    return name


def answer_names(answer: Answer) -> set[str]:
    """The variable names inside an answer's values (not an inequality's own variable)."""
    nodes: list[Node] = []
    if isinstance(answer, Scalar):
        nodes = [answer.node]
    elif isinstance(answer, Items):
        nodes = list(answer.items)
    elif isinstance(answer, Matrix):
        nodes = [cell for row in answer.rows for cell in row]
    elif isinstance(answer, Intervals):
        nodes = [end for part in answer.parts for end in (part.low, part.high)]
    elif isinstance(answer, Solutions):
        nodes = [value for point in answer.points for value in point]
    return set().union(*(names(node) for node in nodes))


def expand_plus_minus(node: Node) -> list[Node]:
    """The values a ± expression stands for (one value when there is no ±)."""
    if node.op == "upm":
        inner = expand_plus_minus(node.args[0])
        return inner + [Node("neg", (value,)) for value in inner]
    if node.op == "pm":
        lefts, rights = expand_plus_minus(node.args[0]), expand_plus_minus(node.args[1])
        return [Node(op, (a, b)) for op in ("add", "sub") for a in lefts for b in rights]
    if not any(n.op in ("pm", "upm") for n in walk(node)):
        return [node]
    variants = [expand_plus_minus(arg) for arg in node.args]
    return [Node(node.op, args, node.value, node.text) for args in itertools.product(*variants)]
