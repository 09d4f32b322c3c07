# ruff: noqa: RUF001 (the unicode math symbols in these tables are meant)
"""Translate the LaTeX subset learners type into the plain syntax the grammar reads."""

from __future__ import annotations

import re

from bot.checker import limits
from bot.checker.errors import ReadError

_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|[{}]|[^\\{}]", re.DOTALL)
# fmt: off
_SYMBOLS: dict[str, str | None] = {  # None: a command we know but do not support
    "cdot": "*", "times": "*", "ast": "*", "div": "/", "pm": "±", "le": "<=", "leq": "<=",
    "leqslant": "<=", "ge": ">=", "geq": ">=", "geqslant": ">=", "lt": "<", "gt": ">",
    "ne": "!=", "neq": "!=", "in": " in ", "cup": " ∪ ", "lor": " or ", "infty": " oo ",
    "emptyset": " ∅ ", "varnothing": " ∅ ", "langle": "⟨", "rangle": "⟩", "lvert": "|",
    "rvert": "|", "vert": "|", "mid": "|", "lbrace": "{", "rbrace": "}", "{": "{", "}": "}",
    "%": "%", ",": " ", ";": " ", ":": " ", "!": "", " ": " ", "quad": " ", "qquad": " ",
    "to": None, "mp": None,
}
_WORDS = {"pi", "alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta", "kappa",
          "lambda", "mu", "nu", "rho", "sigma", "tau", "phi", "chi", "psi", "omega", "sin",
          "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh",
          "tanh", "exp", "ln", "log"}
_ALIASES = {"varepsilon": "epsilon", "varphi": "phi", "vartheta": "theta"}
_IGNORED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
            "displaystyle", "textstyle", "limits", "mathrm", "mathit", "mathbf", "boldsymbol"}
_TEXT = {"text", "textrm", "textnormal", "operatorname", "mbox"}
_MATRICES = {"pmatrix", "bmatrix", "matrix", "Bmatrix", "smallmatrix"}
# fmt: on
_DELIMITERS = ("$$", "$", "\\(", "\\)", "\\[", "\\]")


def to_plain(text: str) -> str:
    """Plain-syntax text for a LaTeX answer; raises ReadError on commands outside the subset."""
    text = text.strip()
    for delimiter in _DELIMITERS:
        if text.startswith(delimiter):
            text = text[len(delimiter) :]
        if text.endswith(delimiter):
            text = text[: -len(delimiter)]
    text = text.replace("$", " ")
    return _Translator(_TOKEN.findall(text)).run()


class _Translator:
    """A small recursive-descent pass over LaTeX tokens (depth bounded by the limits)."""

    def __init__(self, tokens: list[str]) -> None:
        self.tokens, self.pos, self.depth = tokens, 0, 0

    def run(self) -> str:
        out = self.sequence(stop=None)
        if self.pos < len(self.tokens):
            raise ReadError("There is a '}' without a matching '{'.")
        return out

    def peek(self) -> str | None:
        return self.tokens[self.pos] if self.pos < len(self.tokens) else None

    def take(self) -> str:
        token = self.peek()
        if token is None:
            raise ReadError("The LaTeX stops in the middle: is an argument in { } missing?")
        self.pos += 1
        return token

    def sequence(self, stop: str | None) -> str:
        parts: list[str] = []
        while (token := self.peek()) is not None and token != stop:
            if token == "}" and stop is None:
                break
            parts.append(self.item())
        return "".join(parts)

    def group(self) -> str:
        """A { } group or a single token, as an argument of a command."""
        token = self.peek()
        while token is not None and token.isspace():
            self.pos += 1
            token = self.peek()
        if token == "{":
            return self.braced()
        return self.item()

    def braced(self) -> str:
        self.take()
        self.depth += 1
        if self.depth > limits.MAX_BRACKET_DEPTH:
            raise limits.too_deep()
        inner = self.sequence(stop="}")
        if self.peek() != "}":
            raise ReadError("A '{' is never closed.")
        self.take()
        self.depth -= 1
        return inner

    def item(self) -> str:
        token = self.take()
        if token == "{":
            self.pos -= 1
            return "(" + self.braced() + ")"
        if token in ("^", "_"):
            return token + "(" + self.group() + ")"
        if token in ("&", "#", "~") or token == "\\\\":
            raise ReadError(f"I can't read '{token}' here.")
        if not token.startswith("\\"):
            return token
        return self.command(token[1:])

    def command(self, name: str) -> str:
        if name in ("frac", "dfrac", "tfrac"):
            return f"(({self.group()})/({self.group()}))"
        if name == "sqrt":
            if self.peek() == "[":
                index = self.bracket_option()
                return f"root({self.group()}, {index})"
            return f"sqrt({self.group()})"
        if name == "binom":
            return f"binomial({self.group()}, {self.group()})"
        if name in _TEXT:
            return " " + self.group() + " "
        if name == "mathbb":
            return " all reals " if self.group().strip() == "R" else self.unknown(name)
        if name == "begin":
            return self.matrix()
        if name in _IGNORED:
            if name in ("left", "right") and self.peek() == ".":
                self.take()  # \left. is an invisible delimiter
            return ""
        if name in _SYMBOLS:
            symbol = _SYMBOLS[name]
            return symbol if symbol is not None else self.unknown(name)
        name = _ALIASES.get(name, name)
        if name in _WORDS:
            return " " + name + " "
        return self.unknown(name)

    def unknown(self, name: str) -> str:
        raise ReadError(f"I don't know the LaTeX command \\{name}.")

    def bracket_option(self) -> str:
        self.take()
        parts = []
        while (token := self.take()) != "]":
            parts.append(token)
        return "".join(parts)

    def matrix(self) -> str:
        environment = self.group().strip()
        if environment not in _MATRICES:
            raise ReadError(f"I can only read matrix environments, not {environment}.")
        rows: list[list[str]] = [[]]
        cell: list[str] = []
        while True:
            token = self.peek()
            if token is None:
                raise ReadError(f"\\begin{{{environment}}} is never ended.")
            if token == "\\end":
                self.take()
                self.group()
                break
            if token in ("&", "\\\\"):
                self.take()
                rows[-1].append("".join(cell))
                cell = []
                if token == "\\\\":
                    rows.append([])
                continue
            cell.append(self.item())
        rows[-1].append("".join(cell))
        rows = [row for row in rows if any(c.strip() for c in row)]
        return "[" + ", ".join("[" + ", ".join(row) + "]" for row in rows) + "]"
