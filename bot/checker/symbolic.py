"""The sympy bridge: sympy objects built from our tree (never from text), under time limits."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from types import FrameType
from typing import Any

from bot.checker.nodes import Node

CONFIRM_SECONDS = 0.5


class _OutOfTime(BaseException):
    """Raised by the alarm; a BaseException so sympy's own `except Exception` cannot eat it."""


def to_sympy(node: Node) -> Any:
    """The sympy expression for a scalar tree, built from constructors (never parsed)."""
    import sympy as sp  # imported late: the CLI and parser do not need sympy

    functions = {
        "sin": sp.sin,
        "cos": sp.cos,
        "tan": sp.tan,
        "cot": sp.cot,
        "sec": sp.sec,
        "csc": sp.csc,
        "asin": sp.asin,
        "acos": sp.acos,
        "atan": sp.atan,
        "sinh": sp.sinh,
        "cosh": sp.cosh,
        "tanh": sp.tanh,
        "exp": sp.exp,
        "sqrt": sp.sqrt,
        "cbrt": sp.cbrt,
        "abs": sp.Abs,
        "floor": sp.floor,
        "ceil": sp.ceiling,
        "sign": sp.sign,
        "erf": sp.erf,
        "binomial": sp.binomial,
        "root": lambda x, n: sp.root(x, n),
        "log": lambda x, base=None: sp.log(x) if base is None else sp.log(x, base),
        "sigmoid": lambda x: 1 / (1 + sp.exp(-x)),
    }
    constants = {"pi": sp.pi, "e": sp.E, "oo": sp.oo, "i": sp.I}

    def build(n: Node) -> Any:  # depth bounded by limits.MAX_DEPTH
        op, args = n.op, n.args
        if op == "num":
            return sp.Rational(n.value.numerator, n.value.denominator)
        if op == "sym":
            return sp.Symbol(str(n.value))
        if op == "const":
            return constants[str(n.value)]
        if op == "call":
            return functions[str(n.value)](*(build(a) for a in args))
        if op == "neg":
            return -build(args[0])
        if op == "pct":
            return build(args[0]) / 100
        if op == "fact":
            return sp.factorial(build(args[0]))
        left, right = build(args[0]), build(args[1])
        if op == "add":
            return left + right
        if op == "sub":
            return left - right
        if op in ("mul", "imul"):
            return left * right
        if op == "div":
            return left / right
        if op == "pow":
            return left**right
        raise ValueError(f"no sympy form for {op}")

    return build(node)


@contextlib.contextmanager
def deadline(seconds: float) -> Iterator[bool]:
    """Interrupt the block after `seconds`; yields False (no limit possible) off the main thread."""
    if threading.current_thread() is not threading.main_thread() or not hasattr(signal, "SIGALRM"):
        yield False
        return

    def expire(signum: int, frame: FrameType | None) -> None:
        raise _OutOfTime

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield True
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def confirm_equal(expected: Node, submitted: Node, seconds: float = CONFIRM_SECONDS) -> bool | None:
    """True if sympy proves the two equal within `seconds`; None when it cannot tell."""
    import sympy as sp  # before the deadline: an interrupted import would break sympy

    try:
        with deadline(seconds) as limited:
            if not limited:
                return None
            difference = sp.simplify(to_sympy(expected) - to_sympy(submitted))
            return True if difference == 0 else None
    except _OutOfTime:
        return None
    except Exception:  # sympy's internals fail in many ways; a failed proof proves nothing
        return None


def is_factored(node: Node, seconds: float = CONFIRM_SECONDS) -> bool | None:
    """True if every sum in the product is irreducible over the rationals; None if unknown."""
    if node.op in ("add", "sub"):
        return False
    factors: list[Node] = []
    stack = [node]
    while stack:
        current = stack.pop()
        if current.op in ("mul", "imul", "div"):
            stack.extend(current.args)
        elif current.op in ("neg", "pow"):
            stack.append(current.args[0])
        elif current.op in ("add", "sub"):
            factors.append(current)
    import sympy as sp

    try:
        with deadline(seconds) as limited:
            if not limited:
                return None
            for factor in factors:
                _, parts = sp.factor_list(to_sympy(factor))
                if len(parts) != 1 or parts[0][1] != 1:
                    return False
            return True
    except _OutOfTime:
        return None
    except Exception:  # as above: sympy could not decide
        return None
