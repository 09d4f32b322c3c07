# ruff: noqa: RUF001 (the unicode math symbols in these tables are meant)
"""Inline LaTeX as readable Unicode text, for every adapter: `$\\frac{a}{b}$` -> `a/b`.

unicodeit supplies the symbol, script and accent tables; the structure (fractions,
roots, text, environments, functions) is read here, since neither unicodeit nor
pylatexenc keeps a fraction's grouping (`\\frac{a+1}{b}` must read `(a + 1)/b`).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from unicodeit.data import COMBININGMARKS, REPLACEMENTS, SUBSUPERSCRIPTS

# Where we prefer another character than unicodeit's, or unicodeit has none.
# fmt: off
_PREFERRED = {
    "phi": "φ", "Upsilon": "Υ", "cdot": "·", "sim": "~", "implies": "⇒", "top": "ᵀ",
    "intercal": "ᵀ", "mid": "|", "vert": "|", "lvert": "|", "rvert": "|", "Vert": "‖",
    "lVert": "‖", "rVert": "‖", "|": "‖", "langle": "⟨", "rangle": "⟩", "sum": "Σ",
    "dots": "…", "ldots": "…", "star": "⋆", "ast": "*", "degree": "°", "checkmark": "✓",
    "{": "{", "}": "}", "%": "%", "$": "$", "_": "_", "&": "&", "#": "#",
    ",": " ", ";": " ", ":": " ", " ": " ", "quad": " ", "qquad": "  ", "!": "", "\\": "; ",
}
_FUNCTIONS = {
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh",
    "tanh", "exp", "ln", "log", "lg", "det", "max", "min", "sup", "inf", "lim", "arg",
    "argmax", "argmin", "Pr", "deg", "dim", "ker", "gcd", "tr", "rank",
}
_TEXT = {"text", "textrm", "textnormal", "textit", "textbf", "mathrm", "mathit", "mathbf",
         "mathsf", "mathtt", "operatorname", "mbox", "boldsymbol", "bm"}
_LETTER_STYLES = {"mathbb", "mathcal", "mathfrak", "mathscr"}
_IGNORED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
            "displaystyle", "textstyle", "limits", "nolimits"}
_FRACTIONS = {"frac", "dfrac", "tfrac", "cfrac"}
_MATRICES = {"matrix": "[]", "pmatrix": "[]", "bmatrix": "[]", "Bmatrix": "{}",
             "vmatrix": "||", "Vmatrix": "‖‖", "smallmatrix": "[]"}
# fmt: on
_SYMBOLS = {
    latex[1:]: text for latex, text in REPLACEMENTS if re.fullmatch(r"\\[A-Za-z]+", latex)
} | _PREFERRED
_LETTERLIKE = {
    name
    for name, text in _SYMBOLS.items()
    if len(text) == 1 and (unicodedata.category(text) in {"Ll", "Lu", "Lo"} or text in "∂∇∞")
}
_STYLED = {latex: text for latex, text in REPLACEMENTS if "{" in latex}  # e.g. \mathbb{R}
_ACCENTS = {latex[1:]: mark for latex, mark in COMBININGMARKS} | {
    "bar": "\u0304",  # a macron composes (x̄); unicodeit's overline does not
    "overline": "\u0304",
    "widehat": "\u0302",
    "widetilde": "\u0303",
}
_SUPERSCRIPT = {s[1]: t for s, t in SUBSUPERSCRIPTS if s[0] == "^" and len(s) == 2} | {
    "′": "′",
    "ᵀ": "ᵀ",
    "*": "*",
}
_SUBSCRIPT = {s[1]: t for s, t in SUBSUPERSCRIPTS if s[0] == "_" and len(s) == 2}
_SCRIPT_CHARS = set(_SUPERSCRIPT.values()) | set(_SUBSCRIPT.values())
_NOT_ATOMIC = re.compile(r"[\s+\-=<>≤≥±∓,/·×:;|]")
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\s+|.", re.DOTALL)
_FUNCTION_MARK = "\ue003"  # where a function name starts: spaced from a term before it

# Markdown that keeps its text as written: code spans, links and bare URLs.
CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)
KEPT = re.compile(
    r"```.*?```|`[^`\n]+`|\[[^\]\n]+\]\(https?://[^)\s]+\)|<?https?://[^\s>)]+>?", re.DOTALL
)
MATH = re.compile(
    r"\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?=\S)(?P<inline>[^$\n]+?)\$(?![\d$])",
    re.DOTALL,
)
_LATEX_HINT = re.compile(r"[\\^_=]")  # math even with a space before its closing $


def readable(markdown: str, protect: Callable[[str], str] = str) -> str:
    """Markdown with every `$...$` span as Unicode text, passed through `protect`.

    Code spans, links and URLs stay as written; `protect` escapes what the platform's
    markup would read in the converted math (Discord's `*` and `_`, Slack's `<`).
    """
    pieces = re.split(f"({KEPT.pattern})", markdown, flags=re.DOTALL)
    for i in range(0, len(pieces), 2):  # even pieces are outside code spans and links
        pieces[i] = MATH.sub(lambda m: protect(math_span(m)), pieces[i])
    return "".join(pieces)


def math_span(match: re.Match[str]) -> str:
    """A `$...$` span as readable text; a pair of prices (`$40 and $`) is left alone."""
    inline = match["inline"]
    if inline is not None and inline[-1].isspace() and not _LATEX_HINT.search(inline):
        return match[0]
    if match["display"] is not None:
        return "\n" + math_text(match["display"]) + "\n"
    return math_text(inline)


def math_text(latex: str) -> str:
    """LaTeX math as readable plain text: `\\frac{1}{2}x^2` -> `1/2x²`."""
    converted = _Math(latex).run()
    converted = re.sub(rf"(?<=[\w)]){_FUNCTION_MARK}", " ", converted).replace(_FUNCTION_MARK, "")
    return unicodedata.normalize("NFC", re.sub(r"[ \t]{2,}", " ", converted).strip())


class _Math:
    """A small recursive reader over LaTeX tokens; unknown commands lose their backslash."""

    def __init__(self, latex: str) -> None:
        self.tokens = _TOKEN.findall(latex)
        self.at = 0

    def run(self, until: str = "") -> str:
        """Convert tokens up to the closing `until` token (consumed) or the end."""
        out: list[str] = []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if until and token == until:
                break
            out.append(self.token(token))
        return "".join(out)

    def peek(self) -> str:
        return self.tokens[self.at] if self.at < len(self.tokens) else ""

    def arg(self) -> str:
        """The next argument: a `{group}`, one command, or one character."""
        while self.peek().isspace():
            self.at += 1
        token = self.peek()
        if not token:
            return ""
        self.at += 1
        if token == "{":
            return self.run("}")
        return self.token(token)

    def raw_arg(self) -> str:
        """The next `{group}` as written (for `\\text{...}`)."""
        if self.peek() != "{":
            return self.arg()
        self.at += 1
        depth, out = 0, []
        while self.at < len(self.tokens):
            token = self.tokens[self.at]
            self.at += 1
            if token == "}" and depth == 0:
                break
            depth += {"{": 1, "}": -1}.get(token, 0)
            out.append(token[1:] if token in {"\\{", "\\}", "\\%", "\\$", "\\_"} else token)
        return "".join(out).replace("\\", "")

    def token(self, token: str) -> str:
        if token == "{":
            return self.run("}")
        if token == "}":
            return ""
        if token == "^":
            return _script(self.arg(), _SUPERSCRIPT, "^")
        if token == "_":
            return _script(self.arg(), _SUBSCRIPT, "_")
        if token == "&":
            return ", "
        if token == "~":
            return " "
        if token.startswith("\\"):
            return self.command(token[1:])
        return token

    def command(self, name: str) -> str:
        if name in _FRACTIONS:
            top, bottom = self.arg(), self.arg()
            return f"{_wrap(top)}/{_wrap(bottom)}"
        if name == "sqrt":
            index = self.optional()
            root = "√" + _wrap(self.arg())
            return _script(index, _SUPERSCRIPT, "") + root if index else root
        if name == "binom":
            n, k = self.arg(), self.arg()
            return f"C({n}, {k})"
        if name in _TEXT:
            return self.raw_arg()
        if name in _LETTER_STYLES:
            letters = self.raw_arg()
            return "".join(_STYLED.get(f"\\{name}{{{c}}}", c) for c in letters)
        if name in _ACCENTS:
            mark = _ACCENTS[name]
            return "".join(c + mark if not c.isspace() else c for c in self.arg())
        if name in _IGNORED:
            if self.peek() in {".", "|", "(", ")", "[", "]"} and name in {"left", "right"}:
                return "" if self.tokens[self.at] == "." else self.token(self.next())
            return ""
        if name == "begin":
            return self.environment(self.raw_arg())
        if name == "end":
            self.raw_arg()
            return ""
        if name in _FUNCTIONS or name == "operatorname*":
            following = self.peek()
            space = following[:1].isalnum() or (following.startswith("\\") and following != "\\,")
            return _FUNCTION_MARK + name + (" " if space else "")
        if name in _SYMBOLS:
            if name in _LETTERLIKE:
                self.skip_space_before_operand()
            return _SYMBOLS[name]
        return name

    def next(self) -> str:
        token = self.tokens[self.at]
        self.at += 1
        return token

    def environment(self, name: str) -> str:
        """A matrix as bracketed rows `[[a, b], [c, d]]`; `cases` and `aligned` as `; ` rows."""
        rows: list[list[str]] = [[]]
        cell: list[str] = []
        while self.at < len(self.tokens):
            token = self.next()
            if token == "\\end":
                self.raw_arg()
                break
            if token == "&":
                rows[-1].append("".join(cell).strip())
                cell = []
            elif token == "\\\\":
                rows[-1].append("".join(cell).strip())
                rows.append([])
                cell = []
            else:
                cell.append(self.token(token))
        rows[-1].append("".join(cell).strip())
        rows = [row for row in rows if any(row)]
        if name in _MATRICES:
            left, right = _MATRICES[name]
            if len(rows) == 1 or all(len(row) == 1 for row in rows):
                cells = [cell for row in rows for cell in row]
                return left + ", ".join(cells) + right
            return left + ", ".join(f"[{', '.join(row)}]" for row in rows) + right
        if name == "cases":
            return "{" + "; ".join(" ".join(c for c in row if c) for row in rows) + "}"
        return "; ".join(" ".join(c for c in row if c) for row in rows)

    def optional(self) -> str:
        """An optional `[...]` argument, as for `\\sqrt[3]{x}`."""
        if self.peek() != "[":
            return ""
        self.at += 1
        return self.run("]")

    def skip_space_before_operand(self) -> None:
        """`\\lambda I` reads λI: a space after a letter-like command is LaTeX's, not ours."""
        if self.peek().isspace() and self.at + 1 < len(self.tokens):
            following = self.tokens[self.at + 1]
            if following[:1].isalnum() or following[1:] in _LETTERLIKE:
                self.at += 1


def _wrap(part: str) -> str:
    """`part` as an operand of / or √: parenthesized unless it is one term."""
    part = part.strip()
    if not part:
        return "()"
    if not _NOT_ATOMIC.search(part) or _one_group(part):
        return part
    return f"({part})"


def _one_group(part: str) -> bool:
    """Whether `part` is one bracketed group with scripts only after it: `(x - μ)²`."""
    if part[0] != "(":
        return False
    depth = 0
    for at, char in enumerate(part):
        depth += {"(": 1, ")": -1}.get(char, 0)
        if depth == 0:
            rest = part[at + 1 :]
            return all(c in _SCRIPT_CHARS for c in rest)
    return False


def _script(part: str, table: dict[str, str], mark: str) -> str:
    """Superscript or subscript characters when every one has a form, else `^x` / `^(xy)`."""
    part = part.strip()
    if part and all(c in table for c in part):
        return "".join(table[c] for c in part)
    return mark + (part if len(part) <= 1 else f"({part})")
