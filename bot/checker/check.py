"""check_answer: read both answers, compare them, and phrase the verdict."""

from __future__ import annotations

import dataclasses
import functools
import logging
from collections.abc import Sequence
from dataclasses import dataclass

from bot.checker import feedback, forms, labels, limits, numeric, pasted, prose
from bot.checker.equivalence import Comparer
from bot.checker.errors import AuthorError, ReadError
from bot.checker.kinds import (
    KINDS,
    Answer,
    KindMismatch,
    Scalar,
    Solutions,
    answer_names,
    infer_kind,
    interpret,
)
from bot.checker.nodes import Node, names, real_only, walk
from bot.checker.options import Options
from bot.checker.parse import read
from bot.checker.render import reading
from bot.checker.scalars import Sampler, infinity
from bot.checker.verdict import Verdict, unreadable
from bot.checker.vocabulary import GREEK, INTEGRATION_CONSTANTS

UNDECIDED = "I couldn't check that answer automatically: try writing it another way."

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Expected:
    """An author's answer, read once and cached."""

    node: Node
    kind: str
    answer: Answer
    allowed: frozenset[str]
    solve_for: tuple[str, ...]


@functools.lru_cache(maxsize=1024)
def prepare(expected: str, kind: str | None, variables: tuple[str, ...]) -> Expected:
    """Read and interpret an expected answer; raises AuthorError when it is malformed."""
    if kind is not None and kind not in KINDS:
        raise AuthorError(f"unknown answer kind {kind!r}; use one of {', '.join(KINDS)}")
    if not isinstance(expected, str):
        raise AuthorError(f"the expected answer must be text, not {type(expected).__name__}")
    try:
        node = read(expected, variables)
        kind = kind or infer_kind(node)
        solve_for = variables or tuple(sorted(names(node)))
        answer = interpret(node, kind, solve_for)
    except (ReadError, KindMismatch) as exc:
        what = f"expected answer {expected!r}" + (f" (kind {kind})" if kind else "")
        raise AuthorError(f"{what}: {exc}") from None
    if kind == "number" and names(node):
        raise AuthorError(f"expected answer {expected!r} is kind number but uses variables")
    if isinstance(answer, Scalar) and not names(node):
        _check_value(expected, answer.node)
    if isinstance(answer, Solutions):
        solve_for = answer.variables or solve_for
    return Expected(node, kind, answer, frozenset(variables) | names(node), solve_for)


def _check_value(expected: str, node: Node) -> None:
    """A constant expected answer must have a value (1/0 and log(0) do not)."""
    if infinity(node) or any(n.op == "const" and n.value == "oo" for n in walk(node)):
        return
    try:
        numeric.precise(node, {})
    except numeric.Undefined:
        raise AuthorError(f"expected answer {expected!r} has no value") from None
    except ReadError as exc:
        raise AuthorError(f"expected answer {expected!r}: {exc}") from None


def validate_expected(expected: str, *, kind: str | None = None, **options: object) -> str:
    """Check an author's answer and options; returns the kind, raises AuthorError if malformed."""
    opts = Options.from_mapping(options)
    return prepare(expected, kind, opts.variables).kind


def check_answer(
    expected: str, submitted: str, *, kind: str | None = None, **options: object
) -> Verdict:
    """Decide whether `submitted` answers a problem whose answer is `expected`.

    Raises AuthorError for a malformed expected answer or options; anything a learner
    types gets a Verdict, never an exception.
    """
    opts = Options.from_mapping(options)
    spec = prepare(expected, kind, opts.variables)
    try:
        return _check(spec, submitted, opts)
    except Exception:  # a bug of ours must not reach the learner as a traceback
        log.exception("checking %r against %r failed", submitted, expected)
        return dataclasses.replace(unreadable(UNDECIDED, spec.kind), mistake="internal")


def _check(spec: Expected, submitted: str, opts: Options) -> Verdict:
    if not isinstance(submitted, str):
        return unreadable("The answer must be text.", spec.kind)
    try:
        limits.check_text(submitted)
        submitted = prose.extract(submitted, spec.kind)
        prose.ambiguous(submitted, spec.kind)
    except ReadError as exc:
        return unreadable(str(exc), spec.kind)
    submitted = pasted.normalize(submitted, spec.kind)
    answer, label = labels.strip_label(submitted, spec.kind, spec.allowed)
    if label:
        verdict = _check_text(spec, answer, opts)
        if verdict.readable:
            return _noted(verdict, f"(I read “{label} =” as a label.)")
    return _check_text(spec, submitted, opts)


def _noted(verdict: Verdict, note: str) -> Verdict:
    """The verdict with a note on how the text was read."""
    return dataclasses.replace(verdict, feedback=f"{verdict.feedback} {note}")


def _check_text(spec: Expected, submitted: str, opts: Options) -> Verdict:
    try:
        node = _read(submitted, spec.allowed)
    except ReadError as exc:
        return unreadable(str(exc), spec.kind)
    if _is_chain(node, spec.kind):
        return _chain(spec, node, opts)
    if spec.kind in ("number", "expression") and node.op == "or":
        return _options(spec, node, opts)
    spread = _uncertainty(node, spec.kind)
    if spread is not None:
        note = f"(I read ± {reading(spread)} as the uncertainty of {reading(node.args[0])}.)"
        return _noted(_verdict(spec, node.args[0], opts), note)
    return _verdict(spec, node, opts)


def _options(spec: Expected, node: Node, opts: Options) -> Verdict:
    """`1/4 or 25%` is one answer written twice; `2 or 3` commits to neither (no attempt)."""
    if not all(option.is_scalar for option in node.args):
        return _verdict(spec, node, opts)
    verdicts = [_verdict(spec, option, opts) for option in node.args]
    if all(v.correct for v in verdicts):
        return dataclasses.replace(verdicts[-1], reading=reading(node))
    if any(not v.readable for v in verdicts):
        return next(v for v in verdicts if not v.readable)
    message = "That gives more than one answer: send the one you mean."
    return unreadable(message, spec.kind, reading(node))


def _uncertainty(node: Node, kind: str) -> Node | None:
    """In `2.5 ± 0.1` where a number is asked, the 0.1 (smaller than the value) is its spread."""
    if kind != "number" or node.op != "pm" or names(node):
        return None
    value, spread = node.args
    if any(n.op in ("pm", "upm") for n in (*walk(value), *walk(spread))):
        return None
    try:
        centre, width = numeric.precise(value, {}), numeric.precise(spread, {})
    except (numeric.Undefined, ReadError):
        return None
    if centre.imag or width.imag or not 0 < width.real < abs(centre.real):
        return None
    return spread


def _is_chain(node: Node, kind: str) -> bool:
    """1/4 = 25% or (x+1)^2 = x^2 + 2x + 1: the answer restated, not `x = 3`."""
    if kind not in ("number", "expression") or node.op != "rel" or set(node.value) != {"="}:
        return False
    if not all(part.is_scalar for part in node.args):
        return False
    first, *rest = node.args
    return not (first.op == "sym" and len(rest) == 1 and first.value not in names(rest[0]))


def _chain(spec: Expected, node: Node, opts: Options) -> Verdict:
    """The last side of a restated answer is judged; each earlier side must equal it.

    Where a number is asked, a side with letters (2x = 4, f(3) = 7) restates the question.
    """
    text = reading(node)
    last = _verdict(spec, node.args[-1], opts)
    if not last.correct:
        return dataclasses.replace(last, reading=text)
    earlier = [p for p in node.args[:-1] if spec.kind != "number" or not names(p)]
    wrong = [part for part in earlier if not _verdict(spec, part, opts).correct]
    if wrong:
        message = f"The last value is right, but {reading(wrong[0])} is not equal to it."
        return Verdict(False, text, message, kind=spec.kind, mistake="chain")
    return dataclasses.replace(last, reading=text)


def _verdict(spec: Expected, node: Node, opts: Options) -> Verdict:
    text = reading(node)
    try:
        answer = interpret(node, spec.kind, spec.solve_for)
    except KindMismatch as exc:
        note = feedback.kind_mismatch(str(exc))
        return Verdict(False, text, note.message, kind=spec.kind, mistake=note.mistake)
    except ReadError as exc:
        return unreadable(str(exc), spec.kind, text)
    try:
        return _judge(spec, node, answer, text, opts)
    except ReadError as exc:  # a value too large to compute with (numeric.MAX_PRECISE_BITS)
        return unreadable(str(exc), spec.kind, text)


def diagnose(
    expected: str,
    submitted: str,
    mistakes: Sequence[str] = (),
    *,
    kind: str | None = None,
    **options: object,
) -> tuple[Verdict, int | None]:
    """check_answer, and for a readable wrong answer the first anticipated mistake it matches.

    The mistakes are answers in the same kind and options; the submission is read once.
    """
    verdict = check_answer(expected, submitted, kind=kind, **options)
    if verdict.correct or verdict.error:
        return verdict, None
    for index, mistake in enumerate(mistakes):
        if check_answer(mistake, submitted, kind=kind, **options).correct:
            return verdict, index
    return verdict, None


# A submission is compared with the answer and then each anticipated mistake: read it once.
_read = functools.lru_cache(maxsize=32)(read)


def _in_form(form: str, answer: Answer, spec: Expected, approximate: bool) -> bool:
    """Exactness applies to every kind; simplified and factored to numbers and expressions."""
    if form == "exact":
        return not approximate
    if isinstance(answer, Scalar) and isinstance(spec.answer, Scalar):
        return forms.satisfies(form, answer.node, spec.answer.node, approximate)
    return True


def _judge(spec: Expected, node: Node, answer: Answer, text: str, opts: Options) -> Verdict:
    constants = INTEGRATION_CONSTANTS - spec.allowed if opts.up_to_constant else frozenset()
    used = answer_names(answer)
    foreign = used - spec.allowed - constants
    words = sorted(
        (n for n in foreign if len(n) > 2 and n.isalpha() and n not in GREEK), key=text.find
    )
    if words:  # "three quarters" is words, not the variables t, h, r...
        message = f"I can't read the word '{words[0]}': write the answer with numbers and symbols."
        return unreadable(message, spec.kind, text)
    sampler = Sampler.build(
        answer_names(spec.answer) | used,
        tolerance=opts.tolerance,
        real=real_only(spec.node) or real_only(node),
        up_to_constant=opts.up_to_constant,
        fixed={name: 0j for name in used & constants},
    )
    outcome = Comparer(sampler).compare(spec.kind, spec.answer, answer)
    if outcome.correct is None:
        return Verdict(False, text, UNDECIDED, error=UNDECIDED, kind=spec.kind, mistake="undecided")
    if not outcome.correct:
        note = feedback.foreign(foreign, spec.allowed) if foreign else outcome.note
        return Verdict(False, text, note.message, kind=spec.kind, mistake=note.mistake)
    if opts.form and not _in_form(opts.form, answer, spec, outcome.approximate):
        note = feedback.form(opts.form)
        return Verdict(False, text, note.message, kind=spec.kind, mistake=note.mistake)
    message = "Correct!"
    if outcome.approximate:
        message = "Correct (accepted as a decimal approximation)."
    if outcome.infinite_closed:
        message += " Note: ∞ is never included in an interval, so write ) or ( next to it."
    return Verdict(True, text, message, kind=spec.kind)
