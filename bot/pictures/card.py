"""The math card: a problem statement with its formulas typeset, as an opaque PNG."""

from __future__ import annotations

import re
import textwrap

from bot.mathtext import math_text
from bot.pictures.theme import palette

MAX_WIDTH = 1600  # pixels; legible on phones once scaled to the screen's width
FONT_SIZE = 30  # points at zoom 1; the PNG is drawn at ZOOM times that
ZOOM = 1.5
PADDING = 36
LINE_CHARACTERS = 52  # wrap the source text so a line of typeset math fits MAX_WIDTH
_MATH = re.compile(r"\$\$.+?\$\$|\$[^$\n]+?\$", re.DOTALL)
_CODE = re.compile(r"`([^`\n]+)`")
_BARE_SCRIPT = re.compile(r"([\^_])([^\s{\\\w])")
_MARKS = re.compile(r"\*\*|__|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")


def has_math(text: str) -> bool:
    """Whether `text` has a `$...$` formula worth a picture."""
    return any(len(m[0]) > 2 for m in _MATH.finditer(text))


def math_card(statement: str, theme: str = "light") -> bytes:
    """The statement typeset on a card of the theme's colours, at most MAX_WIDTH wide."""
    import resvg_py  # here: only the workers load the renderers
    import ziamath

    colours = palette(theme)
    rows: list[tuple[str, float, float]] = []  # each line's svg, width and height
    for line in _lines(statement).split("\n"):
        if not line.strip():
            rows.append(("", 0.0, FONT_SIZE * 0.5))
            continue
        try:
            svg = ziamath.Text(_braced(line), size=FONT_SIZE, color=colours.ink).svg()
        except Exception:  # a formula latex2mathml cannot read: that line as readable text
            svg = ziamath.Text(_MATH.sub(_readable, line), size=FONT_SIZE, color=colours.ink).svg()
        rows.append((svg, *_size(svg)))
    width = max((w for _, w, _ in rows), default=1.0)
    zoom = min(ZOOM, (MAX_WIDTH - 2 * PADDING) / max(width, 1))
    svg = _framed(rows, width, zoom, colours.background)
    # The SVG holds only paths (ziamath draws every glyph): no font database to load.
    # background: the card's edge pixels, half covered by the rectangle, stay opaque.
    return bytes(
        resvg_py.svg_to_bytes(
            svg_string=svg, zoom=zoom, background=colours.background, skip_system_fonts=True
        )
    )


def _framed(rows: list[tuple[str, float, float]], width: float, zoom: float, fill: str) -> str:
    """The typeset lines stacked by their own heights, on an opaque rectangle with a margin."""
    pad, gap = PADDING / zoom, FONT_SIZE * 0.35
    y, placed = pad, []
    for svg, _, height in rows:
        if svg:
            placed.append(re.sub(r"^<svg", f'<svg x="{pad:.2f}" y="{y:.2f}"', svg.strip(), count=1))
        y += height + gap
    outer_w, outer_h = width + 2 * pad, y - gap + pad
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{outer_w:.2f}" height="{outer_h:.2f}" '
        f'viewBox="0 0 {outer_w:.2f} {outer_h:.2f}">'
        f'<rect width="100%" height="100%" fill="{fill}"/>{"".join(placed)}</svg>'
    )


def _size(svg: str) -> tuple[float, float]:
    """An SVG's width and height, read from its root (getsize() would lay it out again)."""
    root = svg[: svg.index(">")]
    width = re.search(r'\bwidth="([\d.]+)', root)
    height = re.search(r'\bheight="([\d.]+)', root)
    assert width is not None and height is not None, root
    return float(width[1]), float(height[1])


def _braced(line: str) -> str:
    """`f^*` as `f^{*}`: latex2mathml reads only a braced or alphanumeric script."""
    return _BARE_SCRIPT.sub(r"\1{\2}", line)


def _readable(match: re.Match[str]) -> str:
    return math_text(match[0].strip("$"))


def _lines(statement: str) -> str:
    """The statement as ziamath text: marks removed, display math on its own line, wrapped."""
    pieces = _MATH.split(statement)
    formulas = [m[0] for m in _MATH.finditer(statement)]
    text = "".join(
        _CODE.sub(r"\1", _MARKS.sub("", piece)) + (formulas[i] if i < len(formulas) else "")
        for i, piece in enumerate(pieces)
    )
    text = re.sub(r"\$\$(.+?)\$\$", lambda m: "\n$\\displaystyle " + m[1].strip() + "$\n", text)
    lines: list[str] = []
    for paragraph in text.strip().split("\n"):
        lines.extend(_wrap(paragraph) or [""])
    return "\n".join(lines)


def _wrap(paragraph: str) -> list[str]:
    """Wrap at spaces outside formulas; a formula is never split."""
    slots: list[str] = []

    def keep(match: re.Match[str]) -> str:
        slots.append(match[0])
        return f"\ue000{len(slots) - 1}\ue001".ljust(max(3, len(match[0]) // 2), "\ue002")

    held = _MATH.sub(keep, paragraph)
    wrapped = textwrap.wrap(held, LINE_CHARACTERS, break_long_words=False, break_on_hyphens=False)
    return [
        re.sub("\ue000(\\d+)\ue001\ue002*", lambda m: slots[int(m[1])], line) for line in wrapped
    ]
