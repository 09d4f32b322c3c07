"""Compare a submitted answer with the expected one, kind by kind."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from bot.checker import feedback, symbolic
from bot.checker.feedback import RIGHT, Note
from bot.checker.kinds import (
    Answer,
    Interval,
    Intervals,
    Items,
    Keyword,
    Matrix,
    Scalar,
    Solutions,
)
from bot.checker.nodes import Node
from bot.checker.scalars import Sampler, ScalarMatch, compare, infinity


@dataclass(frozen=True, slots=True)
class Outcome:
    """The decision: `correct` is None when the checker could not decide."""

    correct: bool | None
    note: Note = RIGHT
    approximate: bool = False
    infinite_closed: bool = False  # e.g. [0, oo]: accepted, with a note


class Comparer:
    """Compares answers of one check, sharing sample points and cached values."""

    def __init__(self, sampler: Sampler) -> None:
        self.sampler = sampler
        self.approximate = False

    def scalar(self, expected: Node, submitted: Node) -> ScalarMatch:
        """Compare two scalars; an undecided comparison gets a time-limited sympy attempt."""
        match = compare(expected, submitted, self.sampler)
        undecided = match.equal is None and not self.sampler.up_to_constant
        if undecided and symbolic.confirm_equal(expected, submitted):
            match = ScalarMatch(True)
        self.approximate = self.approximate or match.approximate
        return match

    def same(self, expected: Node, submitted: Node) -> bool | None:
        """Equal, different, or undecided."""
        return self.scalar(expected, submitted).equal

    def outcome(self, correct: bool | None, note: Note = RIGHT) -> Outcome:
        """An outcome carrying whether a tolerance was needed."""
        if correct is None:
            note = Note("undecided", "I couldn't decide whether that is equal to the answer.")
        return Outcome(correct, note, self.approximate)

    def compare(self, kind: str, expected: Answer, submitted: Answer) -> Outcome:
        """Dispatch on the kind (both answers were read as that kind)."""
        if isinstance(expected, Items) and isinstance(submitted, Items):
            if kind == "set":
                return self.unordered(expected, submitted)
            return self.ordered(expected, submitted)
        if isinstance(expected, Scalar) and isinstance(submitted, Scalar):
            return self._scalars(expected.node, submitted.node)
        if isinstance(expected, Matrix) and isinstance(submitted, Matrix):
            return self._matrices(expected, submitted)
        if isinstance(expected, Intervals) and isinstance(submitted, Intervals):
            return self._intervals(expected.parts, submitted.parts)
        if isinstance(expected, Solutions) and isinstance(submitted, Solutions):
            return self._solutions(expected, submitted)
        if isinstance(expected, Keyword) and isinstance(submitted, Keyword):
            if expected.word == submitted.word:
                return self.outcome(True)
            return self.outcome(False, feedback.keyword())
        raise TypeError(f"cannot compare {type(expected).__name__} with {type(submitted).__name__}")

    def ordered(self, expected: Items, submitted: Items) -> Outcome:
        """Vectors and tuples: same length, entry by entry."""
        want, got = expected.items, submitted.items
        if len(want) != len(got):
            return self.outcome(False, feedback.length(len(want), len(got)))
        return self._entries(want, got)

    def unordered(self, expected: Items, submitted: Items) -> Outcome:
        """Sets: the same elements, in any order, duplicates ignored."""
        want, got = self._distinct(expected.items), self._distinct(submitted.items)
        missing, extra, undecided = self._match(want, got)
        if undecided:
            return self.outcome(None)
        if missing or extra:
            extra_nodes = [item for item in extra if isinstance(item, Node)]
            return self.outcome(False, feedback.elements(len(missing), extra_nodes))
        return self.outcome(True)

    def _scalars(self, expected: Node, submitted: Node) -> Outcome:
        match = self.scalar(expected, submitted)
        if match.equal:
            return self.outcome(True)
        if match.equal is None:
            return self.outcome(None)
        return self.outcome(False, feedback.scalar(expected, submitted, self.sampler, match))

    def _entries(self, want: tuple[Node, ...], got: tuple[Node, ...]) -> Outcome:
        matches = [self.scalar(a, b) for a, b in zip(want, got, strict=True)]
        if any(m.equal is None for m in matches):
            return self.outcome(None)
        wrong = [i for i, m in enumerate(matches) if not m.equal]
        if not wrong:
            return self.outcome(True)
        if self._is_permutation(want, got):
            return self.outcome(False, feedback.order())
        notes = [feedback.scalar(want[i], got[i], self.sampler, matches[i]) for i in wrong]
        return self.outcome(False, feedback.entries(wrong, len(want), notes))

    def _is_permutation(self, want: tuple[Node, ...], got: tuple[Node, ...]) -> bool:
        missing, extra, undecided = self._match(list(want), list(got))
        return not (missing or extra or undecided)

    def _matrices(self, expected: Matrix, submitted: Matrix) -> Outcome:
        if submitted.flat and expected.shape[1] == 1:  # [1, 2] for a column matrix
            submitted = Matrix(tuple((item,) for item in submitted.rows[0]))
        if expected.shape != submitted.shape:
            transposed = expected.shape == submitted.shape[::-1] and all(
                self.same(a, b)
                for a, b in zip(_cells(expected), _cells(_transpose(submitted)), strict=True)
            )
            return self.outcome(
                False, feedback.matrix_shape(expected.shape, submitted.shape, transposed)
            )
        cells_a, cells_b = _cells(expected), _cells(submitted)
        matches = [self.scalar(a, b) for a, b in zip(cells_a, cells_b, strict=True)]
        if any(m.equal is None for m in matches):
            return self.outcome(None)
        columns = expected.shape[1]
        wrong = [i for i, m in enumerate(matches) if not m.equal]
        if not wrong:
            return self.outcome(True)
        square = expected.shape[0] == columns
        if square and all(
            self.same(a, b) for a, b in zip(cells_a, _cells(_transpose(submitted)), strict=True)
        ):
            return self.outcome(False, feedback.matrix_shape(expected.shape, submitted.shape, True))
        notes = [feedback.scalar(cells_a[i], cells_b[i], self.sampler, matches[i]) for i in wrong]
        positions = [divmod(i, columns) for i in wrong]
        return self.outcome(False, feedback.matrix_entries(positions, len(cells_a), notes))

    def _intervals(self, want: tuple[Interval, ...], got: tuple[Interval, ...]) -> Outcome:
        if len(want) != len(got):
            return self.outcome(False, feedback.interval_count(len(want), len(got)))
        unmatched = list(got)
        infinite_closed = any(
            (p.low_closed and infinity(p.low)) or (p.high_closed and infinity(p.high)) for p in got
        )
        for part in want:
            found = next((g for g in unmatched if self._same_interval(part, g)), None)
            if found is None:
                return self._interval_mistake(want, unmatched)
            unmatched.remove(found)
        outcome = self.outcome(True)
        return Outcome(True, outcome.note, outcome.approximate, infinite_closed)

    def _same_interval(self, a: Interval, b: Interval) -> bool:
        return bool(
            self.same(a.low, b.low)
            and self.same(a.high, b.high)
            and (a.low_closed == b.low_closed or bool(infinity(a.low)))
            and (a.high_closed == b.high_closed or bool(infinity(a.high)))
        )

    def _interval_mistake(self, want: tuple[Interval, ...], got: list[Interval]) -> Outcome:
        for a in want:
            for b in got:
                low, high = self.same(a.low, b.low), self.same(a.high, b.high)
                if low is None or high is None:
                    return self.outcome(None)
                if low and high:
                    return self.outcome(
                        False,
                        feedback.openness(
                            a.low_closed != b.low_closed, a.high_closed != b.high_closed
                        ),
                    )
        if len(want) == 1:
            a, b = want[0], got[0]
            low, high = self.same(a.low, b.low), self.same(a.high, b.high)
            return self.outcome(False, feedback.endpoints(not low, not high))
        return self.outcome(False, feedback.Note("endpoint", "Some endpoints are not right."))

    def _solutions(self, expected: Solutions, submitted: Solutions) -> Outcome:
        if expected.word or submitted.word:
            if expected.word == submitted.word:
                return self.outcome(True)
            return self.outcome(False, feedback.keyword())
        if submitted.points and set(submitted.variables) != set(expected.variables):
            return self.outcome(
                False, feedback.solution_variables(expected.variables, submitted.variables)
            )
        order = [submitted.variables.index(v) for v in expected.variables]
        want = [_Point(point) for point in expected.points]
        got = self._distinct([_Point(tuple(point[i] for i in order)) for point in submitted.points])
        missing, extra, undecided = self._match(want, got)
        if undecided:
            return self.outcome(None)
        if missing or extra:
            extra_nodes = [
                _equation(expected.variables, p.values) for p in extra if isinstance(p, _Point)
            ]
            return self.outcome(False, feedback.elements(len(missing), extra_nodes, "solution"))
        return self.outcome(True)

    def _distinct(self, items: Sequence[_Item]) -> list[_Item]:
        """The items without repeats (x = 3 or x = 3 lists one solution)."""
        distinct: list[_Item] = []
        for item in items:
            if not any(self._equal_any(seen, item) for seen in distinct):
                distinct.append(item)
        return distinct

    def _match(
        self, want: Sequence[_Item], got: Sequence[_Item]
    ) -> tuple[list[_Item], list[_Item], bool]:
        """Pair equal elements: (missing from got, extra in got, undecided)."""
        unmatched = list(got)
        missing = []
        for a in want:
            found = None
            for b in unmatched:
                equal = self._equal_any(a, b)
                if equal is None:
                    return [], [], True
                if equal:
                    found = b
                    break
            if found is None:
                missing.append(a)
            else:
                unmatched.remove(found)
        return missing, unmatched, False

    def _equal_any(self, a: _Item, b: _Item) -> bool | None:
        if isinstance(a, _Point) and isinstance(b, _Point):
            results = [self.same(x, y) for x, y in zip(a.values, b.values, strict=True)]
            if False in results:
                return False
            return None if None in results else True
        assert isinstance(a, Node) and isinstance(b, Node)
        return self.same(a, b)


@dataclass(frozen=True, slots=True)
class _Point:
    """One solution of a system: a value per variable."""

    values: tuple[Node, ...]


_Item = Node | _Point


def _equation(variables: tuple[str, ...], values: tuple[Node, ...]) -> Node:
    terms = [
        Node("rel", (Node("sym", value=v), value), value=("=",))
        for v, value in zip(variables, values, strict=True)
    ]
    return terms[0] if len(terms) == 1 else Node("list", tuple(terms))


def _cells(matrix: Matrix) -> list[Node]:
    return [cell for row in matrix.rows for cell in row]


def _transpose(matrix: Matrix) -> Matrix:
    return Matrix(tuple(zip(*matrix.rows, strict=True)))
