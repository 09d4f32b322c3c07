"""The result of checking one answer."""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True, slots=True)
class Verdict:
    """Whether an answer is right, how it was read, and what to tell the learner."""

    correct: bool
    reading: str
    feedback: str
    error: str | None = None
    kind: str = ""
    mistake: str | None = None

    @property
    def readable(self) -> bool:
        """True when the answer could be read (an unreadable one costs no attempt)."""
        return self.error is None

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready dictionary."""
        return asdict(self)


def unreadable(message: str, kind: str = "", reading: str = "") -> Verdict:
    """A verdict for input that could not be read."""
    return Verdict(False, reading, message, error=message, kind=kind, mistake="unreadable")
