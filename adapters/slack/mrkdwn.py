# ruff: noqa: RUF001 (the unicode math symbols in these tables are meant)
"""Markdown with inline LaTeX to Slack mrkdwn: bold, links, bullets, and math readable as text."""

from __future__ import annotations

import re
import unicodedata

# fmt: off
_GREEK = {
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "varepsilon": "ε",
    "zeta": "ζ", "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ",
    "lambda": "λ", "mu": "μ", "nu": "ν", "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ",
    "tau": "τ", "upsilon": "υ", "phi": "φ", "varphi": "φ", "chi": "χ", "psi": "ψ",
    "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Upsilon": "Υ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    "partial": "∂", "nabla": "∇", "ell": "ℓ", "infty": "∞", "hbar": "ℏ",
}
_SYMBOLS = {
    "cdot": "·", "times": "×", "div": "÷", "pm": "±", "mp": "∓", "approx": "≈", "sim": "~",
    "simeq": "≃", "equiv": "≡", "propto": "∝", "le": "≤", "leq": "≤", "ge": "≥", "geq": "≥",
    "ne": "≠", "neq": "≠", "ll": "≪", "gg": "≫", "to": "→", "rightarrow": "→",
    "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "implies": "⇒", "Leftarrow": "⇐",
    "iff": "⇔", "Leftrightarrow": "⇔", "mapsto": "↦", "in": "∈", "notin": "∉", "ni": "∋",
    "cup": "∪", "cap": "∩", "subset": "⊂", "subseteq": "⊆", "supset": "⊃", "supseteq": "⊇",
    "setminus": "∖", "emptyset": "∅", "varnothing": "∅", "forall": "∀", "exists": "∃",
    "neg": "¬", "land": "∧", "lor": "∨", "wedge": "∧", "vee": "∨", "oplus": "⊕",
    "otimes": "⊗", "circ": "∘", "perp": "⊥", "top": "ᵀ", "mid": "|", "vert": "|",
    "lvert": "|", "rvert": "|", "Vert": "‖", "lVert": "‖", "rVert": "‖", "|": "‖",
    "langle": "⟨", "rangle": "⟩", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉",
    "sum": "Σ", "prod": "∏", "int": "∫", "iint": "∬", "oint": "∮", "prime": "′",
    "dots": "…", "ldots": "…", "cdots": "⋯", "vdots": "⋮", "ddots": "⋱", "star": "⋆",
    "ast": "*", "angle": "∠", "degree": "°", "checkmark": "✓",
    "{": "{", "}": "}", "%": "%", "$": "$", "_": "_", "&": "&", "#": "#",
    ",": " ", ";": " ", ":": " ", " ": " ", "quad": " ", "qquad": "  ", "!": "",
    "\\": "; ",
}
_FUNCTIONS = {
    "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos", "arctan", "sinh", "cosh",
    "tanh", "exp", "ln", "log", "lg", "det", "max", "min", "sup", "inf", "lim", "arg",
    "argmax", "argmin", "Pr", "deg", "dim", "ker", "gcd", "tr", "rank",
}
_TEXT = {"text", "textrm", "textnormal", "textit", "textbf", "mathrm", "mathit", "mathbf",
         "mathsf", "mathtt", "operatorname", "mbox", "boldsymbol", "bm", "mathcal"}
_IGNORED = {"left", "right", "big", "Big", "bigg", "Bigg", "bigl", "bigr", "Bigl", "Bigr",
            "displaystyle", "textstyle", "limits", "nolimits"}
_ACCENTS = {"hat": "\u0302", "widehat": "\u0302", "bar": "\u0304", "overline": "\u0304",
            "vec": "\u20d7", "tilde": "\u0303", "widetilde": "\u0303", "dot": "\u0307",
            "ddot": "\u0308"}
_FRACTIONS = {"frac", "dfrac", "tfrac", "cfrac"}
_DOUBLE_STRUCK = str.maketrans("RNZQCEP", "ℝℕℤℚℂ𝔼ℙ")
_SUPERSCRIPT = dict(zip(
    "0123456789+-=()niTtkxyaeijmorsuvwh*′ᵀ",
    "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿⁱᵀᵗᵏˣʸᵃᵉⁱʲᵐᵒʳˢᵘᵛʷʰ*′ᵀ", strict=True,
))
_SUBSCRIPT = dict(zip(
    "0123456789+-=()aehijklmnoprstuvxβγρφχ",
    "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓᵦᵧᵨᵩᵪ", strict=True,
))
# fmt: on
_NOT_ATOMIC = re.compile(r"[\s+\-=<>≤≥±∓,/·×:;|]")
_TOKEN = re.compile(r"\\[A-Za-z]+|\\.|\s+|.", re.DOTALL)

_CODE = re.compile(r"```.*?```|`[^`\n]+`", re.DOTALL)
_MATH = re.compile(
    r"\$\$(?P<display>.+?)\$\$|(?<![\\$])\$(?=\S)(?P<inline>[^$\n]+?)\$(?![\d$])",
    re.DOTALL,
)
_LATEX_HINT = re.compile(r"[\\^_=]")  # math even with a space before its closing $
_LINK = re.compile(r"\[(?P<label>[^\]\n]+)\]\((?P<url>https?://[^)\s]+)\)")
_HEADING = re.compile(r"^#{1,6}\s+(.+?)\s*#*$", re.MULTILINE)
_BULLET = re.compile(r"^(\s*)[-*+]\s+", re.MULTILINE)
_BOLD = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1", re.DOTALL)
_ITALIC = re.compile(r"(?<![*\w])\*(?=[^\s*])([^*\n]+?)(?<=[^\s*])\*(?![*\w])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_FUNCTION_MARK = "\ue003"  # where a function name starts: spaced from a term before it
_SLOT = "\ue000{}\ue001"
_SLOTTED = re.compile("\ue000(\\d+)\ue001")
_BOLD_MARK = "\ue002"


def escape(text: str) -> str:
    """Escape the three characters Slack gives meaning to: &, < and >."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def to_mrkdwn(markdown: str) -> str:
    """Markdown (with `$...$` math) as Slack mrkdwn; code spans are kept as written."""
    slots: list[str] = []

    def keep(rendered: str) -> str:
        slots.append(rendered)
        return _SLOT.format(len(slots) - 1)

    text = _CODE.sub(lambda m: keep(escape(m[0])), markdown)
    text = _MATH.sub(lambda m: keep(escape(_math_span(m))), text)
    text = _LINK.sub(lambda m: keep(f"<{m['url']}|{escape(m['label'])}>"), text)
    text = escape(text)
    text = _HEADING.sub(lambda m: f"{_BOLD_MARK}{m[1]}{_BOLD_MARK}", text)
    text = _BULLET.sub(lambda m: f"{m[1]}• ", text)
    text = _BOLD.sub(lambda m: f"{_BOLD_MARK}{m[2]}{_BOLD_MARK}", text)
    text = _ITALIC.sub(r"_\1_", text)
    text = _STRIKE.sub(r"~\1~", text)
    text = text.replace(_BOLD_MARK, "*")
    return _SLOTTED.sub(lambda m: slots[int(m[1])], text)


def to_plain(markdown: str) -> str:
    """Markdown as unformatted text (for headers and buttons): math readable, marks removed."""
    text = _MATH.sub(_math_span, markdown)
    text = _LINK.sub(lambda m: m["label"], text)
    text = _BOLD.sub(lambda m: m[2], text)
    text = _ITALIC.sub(r"\1", text)
    return text.replace("`", "")


def _math_span(match: re.Match[str]) -> str:
    """A `$...$` span as readable text; a pair of prices (`$40 and $`) is left alone."""
    inline = match["inline"]
    if inline is not None and inline[-1].isspace() and not _LATEX_HINT.search(inline):
        return match[0]
    if match["display"] is not None:
        return "\n" + math_text(match["display"]) + "\n"
    return math_text(match["inline"])


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
            out.append(token.lstrip("\\") if token in {"\\{", "\\}", "\\%", "\\$"} else token)
        return "".join(out)

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
            inside = self.arg()
            root = "√" + _wrap(inside)
            return _script(index, _SUPERSCRIPT, "") + root if index else root
        if name == "binom":
            n, k = self.arg(), self.arg()
            return f"C({n}, {k})"
        if name in _TEXT:
            return self.raw_arg()
        if name == "mathbb":
            return self.arg().translate(_DOUBLE_STRUCK)
        if name in _ACCENTS:
            mark = _ACCENTS[name]
            return "".join(c + mark if not c.isspace() else c for c in self.arg())
        if name in _IGNORED:
            if self.peek() == ".":
                self.at += 1
            return ""
        if name in {"begin", "end"}:
            self.raw_arg()
            return ""
        if name in _GREEK:
            self.skip_space_before_operand()
            return _GREEK[name]
        if name in _SYMBOLS:
            return _SYMBOLS[name]
        if name in _FUNCTIONS:
            following = self.peek()
            space = following[:1].isalnum() or (following.startswith("\\") and following != "\\,")
            return _FUNCTION_MARK + name + (" " if space else "")
        return name

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
            if following[:1].isalnum() or following[1:] in _GREEK:
                self.at += 1


def _wrap(part: str) -> str:
    """`part` as an operand of / or √: parenthesized unless it is one term."""
    part = part.strip()
    return part if part and not _NOT_ATOMIC.search(part) else f"({part})"


def _script(part: str, table: dict[str, str], mark: str) -> str:
    """Superscript or subscript characters when every one has a form, else `^x` / `^(xy)`."""
    part = part.strip()
    if part and all(c in table for c in part):
        return "".join(table[c] for c in part)
    return mark + (part if len(part) <= 1 else f"({part})")
