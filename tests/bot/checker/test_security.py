"""Hostile input: nothing a learner types is executed, and nothing hangs the checker."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from bot.checker import check_answer
from bot.checker.check import prepare

CHECKER_SOURCE = Path(__file__).resolve().parents[3] / "bot" / "checker"
# Calls that would evaluate text as code (sympy's parse_expr and sympify call eval).
BANNED_NAMES = {
    "eval",
    "exec",
    "compile",
    "__import__",
    "sympify",
    "parse_expr",
    "lambdify",
    "S",
    "parse_latex",
    "import_module",
    "getattr",
    "globals",
    "locals",
    "vars",
}
BANNED_ATTRIBUTES = {
    "sympify",
    "parse_expr",
    "lambdify",
    "parse_latex",
    "eval",
    "exec",
    "import_module",
    "_sympify",
}


def _payloads(canary: Path) -> list[str]:
    path = str(canary)
    write = f"__import__('pathlib').Path('{path}').write_text('pwned')"
    return [
        write,
        f"x + {write}",
        f"[{write}]",
        f"{{{write}}}",
        f"exec(\"open('{path}', 'w').write('pwned')\")",
        f"eval(\"open('{path}', 'w').write('pwned')\")",
        f"open('{path}', 'w').write('pwned')",
        "().__class__.__bases__[0].__subclasses__()",
        "().__class__.__base__.__subclasses__()[0]",
        f"lambda: {write}",
        f"(lambda: {write})()",
        f"[c for c in ().__class__.__base__.__subclasses__() if {write}]",
        "x.__class__.__init__.__globals__",
        "__builtins__",
        "__import__",
        "Symbol('x').__class__",
        f'sympify("{write}")',
        "\\operatorname{__import__}('pathlib')",
        f"$\\text{{{write}}}$",
        "\\input{/etc/passwd}",
        f"x = {write}",
        f"x > {write}",
        f"(0, {write}]",
        f"log_{{{write}}} x",
        "getattr(x, '__globals__')",
        f"os.system('touch {path}')",
        f"`touch {path}`",
        f"$(touch {path})",
        f"x; import os; os.system('touch {path}')",
        f"\\x5f\\x5fimport\\x5f\\x5f('os').system('touch {path}')",
    ]


def test_injection_strings_are_refused_without_running_anything(tmp_path: Path) -> None:
    canary = tmp_path / "canary"
    payloads = _payloads(canary)
    expected = {
        "expression": "x + 1",
        "set": "{1, 2}",
        "interval": "(0, 1]",
        "solutions": "x = 1",
        "matrix": "[[1, 2], [3, 4]]",
        "keyword": "DNE",
    }
    for payload in payloads:
        for kind, answer in expected.items():
            verdict = check_answer(answer, payload, kind=kind)
            assert not verdict.correct, payload
        with pytest.raises(ValueError):
            prepare(payload, None, ("x",))  # the expected side is guarded the same way
    assert not canary.exists()


def test_dunder_names_are_rejected_with_an_error() -> None:
    for payload in ("__import__('os')", "x.__class__", "__builtins__", "_"):
        verdict = check_answer("x", payload)
        assert verdict.error is not None, payload


def _calls(tree: ast.AST) -> list[str]:
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            function = node.func
            if isinstance(function, ast.Name) and function.id in BANNED_NAMES:
                found.append(function.id)
            if isinstance(function, ast.Attribute) and function.attr in BANNED_ATTRIBUTES:
                found.append(function.attr)
        if isinstance(node, ast.ImportFrom) and node.module and "parsing" in node.module:
            found.append(node.module)
        if isinstance(node, ast.alias) and node.name in BANNED_ATTRIBUTES:
            found.append(node.name)
    return found


def test_checker_source_never_evaluates_text() -> None:
    sources = sorted(CHECKER_SOURCE.glob("*.py"))
    assert len(sources) > 10
    for source in sources:
        banned = _calls(ast.parse(source.read_text(encoding="utf-8")))
        assert not banned, f"{source.name} calls {banned}"


def test_the_source_scan_would_notice_an_eval() -> None:
    assert _calls(ast.parse("from sympy import sympify\nsympify(text)\neval(text)")) == [
        "sympify",
        "sympify",
        "eval",
    ]
    assert _calls(ast.parse("from sympy.parsing.sympy_parser import parse_expr")) != []


@pytest.mark.parametrize(
    "text",
    [
        "exp(exp(exp(exp(exp(exp(exp(x)))))))",
        "x^x^x^x^x^x^x^x",
        "sin(10^300) + cos(10^300)",
        "(x+1)^1000 - (x+1)^1000",
        "1000!/999!",
        "gamma",
        "binomial(1000, 500) / binomial(999, 499)",
        "[[" + "], [".join(", ".join(f"{i}/{j + 1}" for j in range(12)) for i in range(12)) + "]]",
        "+".join(f"sin({k}x)" for k in range(1, 120)),
        "((((((((((x))))))))))" * 20,
        "e^(e^(e^(e^(1000))))",
        "1/(1/(1/(1/(1/(1/(1/x))))))",
        "x = " + " or x = ".join(str(k) for k in range(200)),
        "|" * 20 + "x" + "|" * 20,
    ],
    ids=lambda t: t[:30],
)
def test_heavy_inputs_get_a_verdict_in_process(text: str) -> None:
    # How fast is a figure for the benchmark (python -m benchmarks.checker), not a timed test.
    for expected in ("x", "{1, 2}"):
        verdict = check_answer(expected, text)
        assert not verdict.correct
