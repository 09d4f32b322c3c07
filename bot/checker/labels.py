# ruff: noqa: RUF001 (the primes and partial signs in these patterns are meant)
"""Labels learners write before an answer (f'(x) =, dy/dx =, P(A|B) =): found and set aside.

The policy (also in the README): a label is set aside only when it is plausible for the
question, that is when it names what was asked rather than stating something else:
- a function value or derivative, `f(x) =`, `f'(x) =`, `y'' =`, `g'(2) =`, whose arguments
  are single letters or numbers, or a Leibniz derivative `dy/dx =`, `d²y/dx² =`, `∂f/∂x =`,
  where a number or an expression is asked (the letters need not be the problem's: f'(t) = 2t
  is then judged, and told that t is not in the problem);
- a probability or moment, `P(A|B) =`, `Pr(X ≤ 2) =`, `E[X] =`, `Var(X) =`, where a number
  is asked;
- a single name, `v =`, `A =`, `S =`, or a tuple of the problem's variables `(x, y) =`,
  before a bracketed answer where a vector, matrix, tuple or set is asked.
Where solutions or an interval are asked, `x = ...` is the answer itself and nothing is
set aside. Anything else before an `=` stays part of the answer and is judged with it.
"""

from __future__ import annotations

import re

KINDS = frozenset({"number", "expression", "vector", "matrix", "tuple", "set"})
_POINT = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)")  # f(x), f(2), f(-0.5)
_FUNCTION = re.compile(
    r"(?P<name>[A-Za-z])\s*(?P<order>['′’]+|\^\{?\(\d+\)\}?)?\s*(?:\((?P<args>[^()]*)\))?"
)
_LEIBNIZ = re.compile(
    r"(?:d|∂)(?:\^?\{?\d\}?|[²³])?(?P<top>[A-Za-z]?)/(?:d|∂)(?P<by>[A-Za-z])(?:\^?\{?\d\}?|[²³])?"
)
_LATEX_LEIBNIZ = re.compile(
    r"\\[dt]?frac\{(?:d|\\partial)(?:\^\{?\d\}?)?\s*(?P<top>[A-Za-z]?)\}"
    r"\{(?:d|\\partial)\s*(?P<by>[A-Za-z])(?:\^\{?\d\}?)?\}"
)
_PROBABILITY = re.compile(r"(?:P|Pr|E|Var|var|Cov|cov|SD|sd)\s*(?:\(.*\)|\[.*\])", re.DOTALL)
_NAME = re.compile(r"[A-Za-z](?:_?\w+)?|[α-ω]")
_NAMES_TUPLE = re.compile(r"\((?P<names>[A-Za-z_0-9\s,]+)\)")
_BRACKETED = ("[", "(", "{", "⟨", "\\begin", "\\left", "array", "∅", "$")


def strip_label(text: str, kind: str, variables: frozenset[str]) -> tuple[str, str]:
    """(the answer without its label, the label) or (text, "") when there is no plausible one."""
    if kind not in KINDS:
        return text, ""
    split = _top_level_equals(text)
    if split is None:
        return text, ""
    left, right = text[:split].strip(), text[split + 1 :].strip()
    label = left.strip("$ ")
    if not right or not label or not _plausible(label, right, kind, variables):
        return text, ""
    return ("$" if left.startswith("$") else "") + right, label


def _top_level_equals(text: str) -> int | None:
    """Where the first `=` outside brackets is (not part of <=, >=, != or ==)."""
    depth = 0
    for index, char in enumerate(text):
        if char in "([{":
            depth += 1
        elif char in ")]}":
            depth -= 1
        elif char == "=" and depth == 0:
            before, after = text[index - 1 : index], text[index + 1 : index + 2]
            if before in ("<", ">", "!", "=") or after in ("=", "<"):
                return None
            return index
    return None


def _plausible(label: str, right: str, kind: str, variables: frozenset[str]) -> bool:
    if kind in ("number", "expression"):
        if _derivative(label) or _function(label, variables):
            return True
        return kind == "number" and _PROBABILITY.fullmatch(label) is not None
    if not right.startswith(_BRACKETED):
        return False
    if _NAME.fullmatch(label) and label not in variables:
        return True
    names = _NAMES_TUPLE.fullmatch(label)
    if names and kind in ("tuple", "vector"):
        parts = [part.strip() for part in names.group("names").split(",")]
        return len(parts) > 1 and all(part in variables for part in parts)
    return False


def _derivative(label: str) -> bool:
    """dy/dx, d²y/dx², ∂f/∂x (or LaTeX \\frac{dy}{dx})."""
    compact = re.sub(r"[\s()]", "", label)
    match = _LEIBNIZ.fullmatch(compact) or _LATEX_LEIBNIZ.fullmatch(label.replace(" ", ""))
    return match is not None


def _function(label: str, variables: frozenset[str]) -> bool:
    """f(x), f'(x), y'', g'(2), f^(3)(x): a function value or derivative at plausible points."""
    match = _FUNCTION.fullmatch(label)
    if match is None or not (match.group("order") or match.group("args") is not None):
        return False
    if match.group("order") is None and match.group("name") in variables:
        return False  # x(2) is x times 2, not a label
    if match.group("args") is None:
        return True
    args = [arg.strip() for arg in match.group("args").split(",")]
    return all(_POINT.fullmatch(arg) for arg in args)
