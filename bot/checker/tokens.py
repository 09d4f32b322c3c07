# ruff: noqa: RUF001, RUF003 (the unicode math symbols in these tables are meant)
"""Split plain-text math into tokens for the grammar, resolving names against the whitelist."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from lark import Token
from lark.lexer import Lexer

from bot.checker import limits
from bot.checker.errors import ReadError
from bot.checker.vocabulary import (
    CONSTANTS,
    FUNCTIONS,
    GREEK,
    GREEK_LETTERS,
    KEYWORD_PHRASES,
)

# fmt: off
# Characters replaced before tokenizing (unicode operators, superscripts).
_REPLACE = {
    "·": "*", "×": "*", "⋅": "*", "∗": "*", "÷": "/", "−": "-", "–": "-", "—": "-",
    "≤": "<=", "≥": ">=", "≠": "!=", "∈": " in ", "∞": " oo ", "ℝ": " all reals ",
    "∅": " none ", "∓": "±", "\u00a0": " ", "ˆ": "^", "∪": " ∪ ", "∨": " or ", "∖": " ∖ ",
    "≈": "=", "≃": "=", "∙": "*", "⁄": "/", "∕": "/", "‐": "-", "‑": "-", "‒": "-", "﹣": "-",
    "＝": "=",
}
_VULGAR = {"½": "1/2", "⅓": "1/3", "⅔": "2/3", "¼": "1/4", "¾": "3/4", "⅕": "1/5", "⅖": "2/5",
           "⅗": "3/5", "⅘": "4/5", "⅙": "1/6", "⅚": "5/6", "⅛": "1/8", "⅜": "3/8", "⅝": "5/8",
           "⅞": "7/8"}
_PUNCTUATION = {  # symbol -> token type; longest symbols are tried first
    "**": "_CARET", "+/-": "_PM", "+-": "_PM", "==": "RELOP", "<=": "RELOP", ">=": "RELOP",
    "=<": "RELOP", "!=": "RELOP", "+": "_PLUS", "-": "_MINUS", "*": "_STAR", "/": "_SLASH",
    "^": "_CARET", "!": "_BANG", "%": "_PERCENT", "±": "_PM", "(": "_LPAR", ")": "_RPAR",
    "[": "_LSQB", "]": "_RSQB", "{": "_LBRACE", "}": "_RBRACE", "⟨": "_LANGLE", "⟩": "_RANGLE",
    ",": "_COMMA", ";": "_SEMI", "=": "RELOP", "<": "RELOP", ">": "RELOP", "_": "_UNDERSCORE",
    "√": "ROOT", "∛": "ROOT", "∪": "_OR", "∖": "_SETMINUS",
}
# After one of these, a `|` closes an absolute value; otherwise it opens one.
_OPERAND_END = {"NUMBER", "NAME", "CONST", "KEYWORD", "_RPAR", "_RSQB", "_RBRACE", "_RANGLE",
                "_BANG", "_PERCENT", "_BAR_CLOSE"}
# fmt: on
_SYMBOLS = sorted(_PUNCTUATION, key=len, reverse=True)
_RELOPS = {"==": "=", "=<": "<="}
_OPENERS, _CLOSERS = "([{⟨", ")]}⟩"
_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ˣʸⁿᵗᵏ", "0123456789-+()xyntk")
_SUPERSCRIPT_RUN = re.compile("[⁰¹²³⁴⁵⁶⁷⁸⁹⁻⁺⁽⁾ˣʸⁿᵗᵏ]+")
# 1½ is one and a half; ½x is half of x.
_VULGAR_RUN = re.compile("(?<![\\d.])(\\d+)?\\s*([" + "".join(_VULGAR) + "])")
# Mathematical italic and bold letters (𝑥, 𝐱) and full-width forms, pasted from documents.
_COMPATIBLE = re.compile("[\U0001d400-\U0001d7ff\uff01-\uff5e]")
_SUBSCRIPTS = str.maketrans("₀₁₂₃₄₅₆₇₈₉", "0123456789")
_SUBSCRIPT_RUN = re.compile("[₀₁₂₃₄₅₆₇₈₉]+")
# An interval written with outward brackets, ]0, 1] or [0, ∞[ (ISO 80000-2): both ends filled.
_OUTWARD = re.compile(
    r"([\[\]])([^\[\](){},;]*[^\s\[\](){},;][^\[\](){},;]*)([,;])"
    r"([^\[\](){},;]*[^\s\[\](){},;][^\[\](){},;]*)([\[\]])"
)
_NUMBER = re.compile(r"(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+(?![A-Za-z]))?")
_LETTERS = re.compile(r"[A-Za-z]+")
_DECIMAL_END = re.compile(r"\.\d+\.$")  # 0.75. ends a sentence
_SUBSCRIPT = re.compile(r"_(?:([A-Za-z0-9]+)|\(\s*([A-Za-z0-9]+)\s*\))")


def _normalize(text: str) -> str:
    if "[" in text or "]" in text:
        text = _OUTWARD.sub(_inward, text)
    if not text.isascii():
        text = _unicode(text)
    text = text.strip()
    # A sentence-ending full stop is not part of the answer.
    if text.endswith(".") and (not text[-2:-1].isdigit() or _DECIMAL_END.search(text)):
        text = text[:-1].rstrip()
    return text


def _unicode(text: str) -> str:
    """Unicode math as plain syntax: operators, ½, superscripts, subscripts, Greek letters."""
    text = _COMPATIBLE.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    for old, new in _REPLACE.items():
        text = text.replace(old, new)
    text = _VULGAR_RUN.sub(_vulgar, text)
    text = _SUPERSCRIPT_RUN.sub(lambda m: "^(" + m.group().translate(_SUPERSCRIPTS) + ")", text)
    text = _SUBSCRIPT_RUN.sub(lambda m: "_" + m.group().translate(_SUBSCRIPTS), text)
    for letter, name in GREEK_LETTERS.items():
        # π is a constant, so it ends a word; other letters may carry a subscript (λ_1).
        text = text.replace(letter, f" {name} " if name == "pi" else " " + name)
    return text


def _vulgar(match: re.Match[str]) -> str:
    whole, fraction = match.group(1), _VULGAR[match.group(2)]
    return f" ({whole} + {fraction}) " if whole else f" ({fraction}) "


def _inward(match: re.Match[str]) -> str:
    """]a, b] as (a, b] and [a, b[ as [a, b): an outward bracket marks an open end."""
    opening, low, _, high, closing = match.groups()
    if opening == "[" and closing == "]":
        return match.group()  # [1; 2] stays a column
    return f"{'(' if opening == ']' else '['}{low}, {high}{')' if closing == '[' else ']'}"


class Vocabulary:
    """The names an answer may use: the problem's variables plus the whitelist."""

    def __init__(self, variables: frozenset[str]) -> None:
        self.variables = variables
        self.pieces = set(variables) | set(FUNCTIONS) | set(GREEK) | set(CONSTANTS)

    def word(self, run: str) -> Token | None:
        """A whole run of letters as one token, when it is a known word."""
        if run in self.variables:
            return Token("NAME", run)
        lower = run.lower()
        # Spelled-out names ignore case (Pi, LN); single letters do not (E is not e).
        if run in CONSTANTS or (len(run) > 1 and lower in CONSTANTS):
            return Token("CONST", CONSTANTS[lower])
        if len(run) > 1 and lower in FUNCTIONS:
            return Token("FUNC", FUNCTIONS[lower])
        if run in GREEK:
            return Token("NAME", run)
        return None

    def split(self, run: str) -> list[Token]:
        """A run of letters as tokens: a known word, or known words run together."""
        whole = self.word(run)
        if whole is not None:
            return [whole]
        best = self._split_known(run)
        if best is not None:
            return [self.word(piece) or Token("NAME", piece) for piece in best]
        for name in sorted(FUNCTIONS, key=len, reverse=True):
            if run.lower().startswith(name) and len(run) > len(name):
                return [Token("FUNC", FUNCTIONS[name]), *self.split(run[len(name) :])]
        return [Token("NAME", run)]

    def _split_known(self, run: str) -> list[str] | None:
        """The split of `run` into the fewest known pieces, if there is one."""
        best: list[list[str] | None] = [None] * (len(run) + 1)
        best[0] = []
        for end in range(1, len(run) + 1):
            for start in range(max(0, end - 12), end):
                prefix, piece = best[start], run[start:end]
                known = piece in self.pieces or piece.lower() in FUNCTIONS
                if prefix is not None and known:
                    candidate = [*prefix, piece]
                    if best[end] is None or len(candidate) < len(best[end] or []):
                        best[end] = candidate
        return best[len(run)]


def tokenize(text: str, vocabulary: Vocabulary) -> list[Token]:
    """Plain-text math as grammar tokens; raises ReadError on anything outside the whitelist."""
    text = _normalize(text)
    tokens: list[Token] = []
    brackets: list[str] = []
    for token in _scan(text, vocabulary, brackets):
        tokens.append(token)
    if brackets:
        what = "An absolute value |" if brackets[-1] == "|" else "A bracket"
        raise ReadError(f"{what} is never closed.")
    if not tokens:
        raise ReadError("The answer is empty.")
    _check_adjacent_numbers(tokens)
    return tokens


def _check_adjacent_numbers(tokens: list[Token]) -> None:
    """`2 3` and `x2` are ambiguous (23? 2·3? x²?), but `2(3)` and `log_2 8` are fine."""
    for index in range(1, len(tokens)):
        before, token = tokens[index - 1], tokens[index]
        is_base = index > 1 and tokens[index - 2].type == "_UNDERSCORE"
        if token.type == "NUMBER" and before.type in ("NUMBER", "NAME", "CONST") and not is_base:
            raise ReadError(
                f"'{before}' and '{token}' are side by side: put an operator between them "
                "(like * or ^)."
            )


def _scan(text: str, vocabulary: Vocabulary, brackets: list[str]) -> Iterator[Token]:
    pos, previous = 0, ""
    while pos < len(text):
        char = text[pos]
        if char.isspace():
            pos += 1
            continue
        if char == "|":
            token, pos = _bar(previous, brackets), pos + 1
            yield from token
            previous = token[-1].type
            continue
        if char.isdigit() or (char == "." and text[pos + 1 : pos + 2].isdigit()):
            match = _NUMBER.match(text, pos)
            assert match is not None
            yield Token("NUMBER", match.group())
            pos, previous = match.end(), "NUMBER"
            continue
        if char.isalpha():
            emitted, pos = _word(text, pos, vocabulary)
            yield from emitted
            previous = emitted[-1].type
            continue
        for symbol in _SYMBOLS:
            if text.startswith(symbol, pos):
                kind = _PUNCTUATION[symbol]
                if kind == "_UNDERSCORE" and previous != "FUNC":
                    raise ReadError("'_' can only mark a subscript, as in x_1 or log_2.")
                _track(symbol, brackets)
                yield Token(kind, _RELOPS.get(symbol, symbol))
                pos, previous = pos + len(symbol), kind
                break
        else:
            if char in "'′’":
                raise ReadError(
                    f"I can't read the prime '{char}' here: give the derivative itself, like 2x."
                )
            raise ReadError(f"I can't read the symbol '{char}'.")


def _track(symbol: str, brackets: list[str]) -> None:
    if symbol in _OPENERS:
        brackets.append(symbol)
        if len(brackets) > limits.MAX_BRACKET_DEPTH:
            raise limits.too_deep()
    elif symbol in _CLOSERS:
        if not brackets or brackets[-1] == "|":
            raise ReadError(f"There is a '{symbol}' without a matching opening bracket.")
        brackets.pop()


def _bar(previous: str, brackets: list[str]) -> list[Token]:
    """A `|` closes an open absolute value after an operand, otherwise opens one."""
    if brackets and brackets[-1] == "|" and previous in _OPERAND_END:
        brackets.pop()
        return [Token("_BAR_CLOSE", "|")]
    brackets.append("|")
    if len(brackets) > limits.MAX_BRACKET_DEPTH:
        raise limits.too_deep()
    return [Token("_BAR_OPEN", "|")]


def _word(text: str, pos: int, vocabulary: Vocabulary) -> tuple[list[Token], int]:
    """Tokens for the word starting at `pos`: a keyword phrase, a name or names run together."""
    if pos == 0 or not text[pos - 1].isalpha():
        for pattern, keyword in KEYWORD_PHRASES:
            match = pattern.match(text, pos)
            if match:
                return [Token("KEYWORD", keyword)], match.end()
    match = _LETTERS.match(text, pos)
    if match is None:
        raise ReadError(f"I can't read the symbol '{text[pos]}'.")
    run, end = match.group(), match.end()
    lower = run.lower()
    if lower == "or":
        return [Token("_OR", "or")], end
    if lower == "and":
        return [Token("_COMMA", ",")], end
    if lower == "in":
        return [Token("RELOP", "in")], end
    if run == "U" and "U" not in vocabulary.variables:
        return [Token("_OR", "∪")], end
    digits = re.match(r"\d+", text[end:])
    if digits:
        for name in (run + digits.group(), f"{run}_{digits.group()}"):
            if name in vocabulary.variables:  # x1 or x_1
                return [Token("NAME", name)], end + digits.end()
    if digits and lower == "log" and text[end + digits.end() : end + digits.end() + 1] == "(":
        # log2(x) and log10(x): the digits are the base.
        base = [Token("_UNDERSCORE", "_"), Token("NUMBER", digits.group())]
        return [Token("FUNC", "log"), *base], end + digits.end()
    subscript = _SUBSCRIPT.match(text, end)
    if subscript:
        known = vocabulary.word(run)
        if known is None or known.type == "NAME":
            return [Token("NAME", f"{run}_{subscript.group(1) or subscript.group(2)}")], (
                subscript.end()
            )
    return vocabulary.split(run), end


class TokenLexer(Lexer):
    """Lets lark's LALR parser consume a ready-made token list."""

    def __init__(self, lexer_conf: object) -> None:
        pass

    def lex(self, data: list[Token]) -> Iterator[Token]:  # type: ignore[override]
        """Yield the tokens as they are."""
        yield from data
