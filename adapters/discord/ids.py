"""The custom ids our buttons carry: written by render, read back by the views on a click."""

from __future__ import annotations

PREFIX = "studybot"
CUSTOM_ID = 100  # Discord's limit on a component's custom_id
ANSWER = f"{PREFIX}:answer"
RUN = f"{PREFIX}:run:"


def run_id(line: str) -> str:
    """The custom_id of a button that runs the command `line`."""
    return RUN + line


def fits(line: str) -> bool:
    """Whether the command line fits in a custom_id."""
    return "\n" not in line and len(run_id(line)) <= CUSTOM_ID
