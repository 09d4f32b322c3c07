# ruff: noqa: RUF001 (the minus sign is meant)
"""Matrices and vectors as people paste them (numpy, sympy, MATLAB, rows on lines), as lists."""

from __future__ import annotations

import re

KINDS = frozenset({"matrix", "vector", "tuple"})
_WRAPPER = re.compile(
    r"\s*(?:(?:np|numpy|sp|sympy)\s*\.\s*)?(?:array|asarray|matrix|Matrix|mat)\s*\("
    r"(?P<inner>.*?)(?:,\s*dtype\s*=\s*[\w.]+)?\)\s*",
    re.DOTALL,
)
_TRANSPOSED = re.compile(r"(?<=[\])])\s*(?:\^\s*\{?\s*T\s*\}?|ᵀ)\s*$")
_ENTRY = r"[-+−]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?(?:/\d+)?"
# Entries separated by spaces only, as MATLAB and numpy's print write a row: 1 -2 3.5
_SPACED = re.compile(rf"\s*{_ENTRY}(?:\s+{_ENTRY})*\s*")
_ENTRIES = re.compile(_ENTRY)
_INNERMOST = re.compile(r"\[([^\[\]]*)\]")
_BETWEEN_ROWS = re.compile(r"\]\s*(?=\[)")


def normalize(text: str, kind: str) -> str:
    """`text` with pasted matrix layouts rewritten as [a, b; c, d]; other text unchanged."""
    if kind not in KINDS:
        return text
    if kind != "matrix":  # a vector is a vector whichever way it stands: [1, 2]^T
        text = _TRANSPOSED.sub("", text)
    wrapped = _WRAPPER.fullmatch(text)
    if wrapped:
        text = wrapped.group("inner")
    if "[" not in text:
        rows = _rows(text, kind)
        if rows is None and kind == "matrix" and ";" in text:
            rows = text  # 1, 2; 3, 4 without the brackets
        return text if rows is None else f"[{rows}]"
    text = _INNERMOST.sub(lambda m: "[" + (_rows(m.group(1), kind) or m.group(1)) + "]", text)
    return _BETWEEN_ROWS.sub("], ", text)  # numpy prints rows on lines without commas


def _rows(content: str, kind: str) -> str | None:
    """`1 2; 3 4` or rows on lines as `1, 2; 3, 4`; None when it is not that layout."""
    rows = [row for row in re.split(r"[;\n]", content) if row.strip()]
    if not rows or "," in content:
        return _comma_rows(rows) if kind == "matrix" and "\n" in content.strip() else None
    if not all(_SPACED.fullmatch(row) for row in rows):
        return None
    if len(rows) == 1 and len(_ENTRIES.findall(rows[0])) == 1:
        return None
    return "; ".join(", ".join(_ENTRIES.findall(row)) for row in rows)


def _comma_rows(rows: list[str]) -> str | None:
    """Rows of comma-separated entries on separate lines: 1, 2 / 3, 4."""
    if len(rows) < 2 or any(";" in row or "[" in row for row in rows):
        return None
    return "; ".join(row.strip().rstrip(",") for row in rows)
