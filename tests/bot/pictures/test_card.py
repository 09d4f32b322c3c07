"""The math card: typeset statements as opaque PNGs, within the width, matching stored fixtures."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest
from PIL import Image, ImageChops

from bot.pictures.card import MAX_WIDTH, has_math, math_card
from bot.pictures.theme import palette, rgb
from bot.problems.engine import generate
from bot.problems.load import load_problems
from bot.problems.templates import TEMPLATES

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "pictures"
STATEMENTS = {
    "fraction": r"Differentiate $\frac{(x - \mu)^2}{s^3}$ with respect to $s$.",
    "matrix": r"Find the eigenvalues of $A = \begin{pmatrix} 2 & 1 \\ 1 & 2 \end{pmatrix}$.",
    "display": r"Evaluate $$\sum_{i=1}^{n} i^2 = \frac{n(n+1)(2n+1)}{6}$$ for $n = 4$.",
}


def decoded(png: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(png))
    image.load()
    return image


def close_enough(got: Image.Image, stored: Image.Image) -> bool:
    """Same size, and at most 0.5% of the pixels differ by more than 40 in any channel."""
    if got.size != stored.size:
        return False
    diff = ImageChops.difference(got.convert("RGB"), stored.convert("RGB")).convert("L")
    differing = sum(diff.point(lambda v: 255 if v > 40 else 0).histogram()[255:])
    return differing <= 0.005 * got.width * got.height


@pytest.mark.parametrize("name", STATEMENTS)
@pytest.mark.parametrize("theme", ["light", "dark"])
def test_cards_match_the_stored_pictures(name: str, theme: str) -> None:
    got = decoded(math_card(STATEMENTS[name], theme))
    stored = Image.open(FIXTURES / f"card-{name}-{theme}.png")
    assert close_enough(got, stored), "regenerate with: python -m tests.bot.pictures.fixtures"


def test_the_card_is_opaque_in_its_theme_and_no_wider_than_the_limit() -> None:
    long = "Let " + ", ".join(f"$x_{{{i}}} = \\frac{{{i}}}{{{i + 1}}}$" for i in range(20)) + "."
    for theme in ("light", "dark"):
        image = decoded(math_card(long, theme)).convert("RGBA")
        assert image.width <= MAX_WIDTH
        assert image.getpixel((1, 1)) == (*rgb(palette(theme).background), 255)
        assert image.getextrema()[3] == (255, 255)  # no transparent pixel at all


def test_a_card_differs_when_its_math_does() -> None:
    assert math_card("$x^2$") != math_card("$x^3$")


def test_only_statements_with_formulas_get_a_card() -> None:
    assert has_math(r"Compute $\frac{1}{2}$.") and not has_math("Costs 5 dollars.")


@cache
def bank_statements() -> list[str]:
    problems, _ = load_problems(ROOT / "content" / "problems")
    variants = [generate(t, 0) for t in TEMPLATES]
    return [p.statement for p in (*problems, *variants) if has_math(p.statement)]


def test_statements_of_the_bank_render_to_pngs_pillow_decodes() -> None:
    """Every 8th statement (a spread over every file); benchmarks.pictures renders them all."""
    statements = bank_statements()
    assert len(statements) > 100
    for statement in statements[::8]:
        image = decoded(math_card(statement))
        assert image.format == "PNG" and 0 < image.width <= MAX_WIDTH, statement
