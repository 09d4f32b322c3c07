"""Neutral message types shared by the core and every adapter."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum


class Tone(StrEnum):
    """How a reply should feel: adapters map it to colours or emoji."""

    INFO = "info"
    SUCCESS = "success"
    WARNING = "warning"
    ERROR = "error"


@dataclass(frozen=True)
class UserRef:
    """A member as the platform knows them."""

    platform: str
    workspace: str
    id: str
    name: str = ""


@dataclass(frozen=True)
class GroupRef:
    """A study group: one channel in one workspace of one platform."""

    platform: str
    workspace: str
    channel: str
    name: str = ""


@dataclass(frozen=True)
class Request:
    """A command as the core sees it, whatever platform it came from."""

    command: str
    text: str
    user: UserRef
    group: GroupRef
    options: Mapping[str, str] = field(default_factory=dict)
    is_admin: bool = False
    delivery: str = ""  # the platform's id of this delivery; a replay carries the same


@dataclass(frozen=True)
class Field:
    """A titled block of text inside a reply; a spoiler is hidden until the member reveals it."""

    name: str
    value: str
    inline: bool = False
    spoiler: bool = False


@dataclass(frozen=True)
class Button:
    """A button: a link (`url`), the answer form (`opens_answer_form`), or a command to run."""

    label: str
    command: str = ""
    url: str = ""
    opens_answer_form: bool = False


ANSWER_BUTTON = Button("Submit answer", command="/answer", opens_answer_form=True)


@dataclass(frozen=True)
class Image:
    """A picture a reply carries: PNG bytes, the text that stands in for it, a file name."""

    data: bytes
    alt: str
    name: str = "picture.png"


@dataclass(frozen=True)
class Reply:
    """What the core answers; each adapter renders it for its platform."""

    title: str = ""
    body: str = ""
    fields: tuple[Field, ...] = ()
    buttons: tuple[Button, ...] = ()
    footer: str = ""
    tone: Tone = Tone.INFO
    private: bool = False
    images: tuple[Image, ...] = ()
