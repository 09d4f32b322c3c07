"""Errors the checker raises: learner input it cannot read, and author mistakes."""

from __future__ import annotations


class ReadError(ValueError):
    """A learner's answer could not be read; the message is shown to the learner."""


class TooLarge(ReadError):
    """An answer is too large or too deep to check safely."""


class AuthorError(ValueError):
    """A problem's expected answer or options are malformed (an authoring bug)."""
