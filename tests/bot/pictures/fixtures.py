"""Regenerate the stored card pictures: python -m tests.bot.pictures.fixtures."""

from __future__ import annotations

from bot.pictures.card import math_card
from tests.bot.pictures.test_card import FIXTURES, STATEMENTS

if __name__ == "__main__":
    FIXTURES.mkdir(parents=True, exist_ok=True)
    for name, statement in STATEMENTS.items():
        for theme in ("light", "dark"):
            (FIXTURES / f"card-{name}-{theme}.png").write_bytes(math_card(statement, theme))
            print(f"card-{name}-{theme}.png")
