"""Declared command options and the `key:value` words that set them."""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Literal

OptionKind = Literal["text", "int", "price"]
Args = dict[str, str | int | float]  # option values after checking and conversion
# Only at the start of a word (the lookbehind): tried from every position inside a long word,
# `[\w-]*` would rescan the rest of it each time, quadratic in the word's length.
_WORD = re.compile(r'(?<!\S)(?P<key>[A-Za-z][\w-]*):(?:"(?P<quoted>[^"]*)"|(?P<bare>\S*))')
MAX_TEXT = 4000  # characters of a command's text: longer is refused before any parsing
_PRICE = re.compile(r"^\$?(?P<amount>\d+(?:\.\d{1,2})?)(?:\s*(?:usd|dollars?))?$", re.IGNORECASE)


@dataclass(frozen=True)
class Option:
    """One named option of a command."""

    name: str
    summary: str
    choices: tuple[str, ...] = ()
    kind: OptionKind = "text"
    low: int = 0
    high: int = 0
    autocomplete: str = ""  # what the platform may suggest values from, e.g. "topic"

    def usage(self) -> str:
        """How the option is written, e.g. `goal:job|foundations|research`."""
        if self.choices:
            return f"{self.name}:{'|'.join(self.choices)}"
        return f"{self.name}:{ {'int': 'N', 'price': 'PRICE'}.get(self.kind, 'TEXT') }"


class OptionError(ValueError):
    """A learner wrote an option we cannot use; the message says how to fix it."""


def split_options(text: str, options: Sequence[Option]) -> tuple[str, dict[str, str]]:
    """Pull `key:value` words for declared options out of `text`; return the rest and the words.

    A `word:value` whose key is not declared is an error when it looks like an option
    (a plain word before the colon, a value after it), so typos are caught, not searched for.
    """
    declared = {o.name for o in options}
    found: dict[str, str] = {}
    rest: list[str] = []
    position = 0
    for match in _WORD.finditer(text):
        key = match["key"].lower()
        value = match["quoted"] if match["quoted"] is not None else match["bare"]
        if key not in declared:
            if declared and value and "/" not in value:
                raise OptionError(_unknown(key, options))
            continue
        if key in found:
            raise OptionError(f"`{key}:` is given twice.")
        found[key] = value
        rest.append(text[position : match.start()])
        position = match.end()
    rest.append(text[position:])
    return " ".join(" ".join(rest).split()), found


def parse_values(given: Mapping[str, str], options: Sequence[Option]) -> Args:
    """Check and convert option values; raise OptionError with a fix on the first bad one."""
    by_name = {o.name: o for o in options}
    parsed: Args = {}
    for key, raw in given.items():
        option = by_name.get(key)
        if option is None:
            raise OptionError(_unknown(key, options))
        parsed[key] = _convert(option, raw.strip())
    return parsed


def _convert(option: Option, raw: str) -> str | int | float:
    if not raw:
        raise OptionError(f"`{option.name}:` needs a value, like `{option.usage()}`.")
    if option.choices:
        value = raw.lower()
        if value in option.choices:
            return value
        close = difflib.get_close_matches(value, option.choices, n=1, cutoff=0.5)
        hint = f" Did you mean `{option.name}:{close[0]}`?" if close else ""
        raise OptionError(
            f"`{option.name}:{raw}` is not an option here; choose one of "
            f"{', '.join(option.choices)}.{hint}"
        )
    if option.kind == "int":
        if not raw.isdigit() or not option.low <= int(raw) <= option.high:
            raise OptionError(
                f"`{option.name}:` takes a whole number from {option.low} to {option.high}, "
                f"not `{raw}`."
            )
        return int(raw)
    if option.kind == "price":
        match = _PRICE.match(raw)
        if not match:
            raise OptionError(
                f"`{option.name}:` takes a price in dollars, like `{option.name}:50`."
            )
        return float(match["amount"])
    return raw


def _unknown(key: str, options: Sequence[Option]) -> str:
    names = [o.name for o in options]
    close = difflib.get_close_matches(key, names, n=1, cutoff=0.5)
    hint = f" Did you mean `{close[0]}:`?" if close else ""
    takes = f" This command takes {', '.join(f'`{n}:`' for n in names)}." if names else ""
    return f"There is no `{key}:` option.{hint}{takes}"
