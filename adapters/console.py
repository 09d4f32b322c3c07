"""The console adapter: a study group in the terminal, interactive or scripted from a pipe."""

from __future__ import annotations

import asyncio
import contextlib
import re
import threading
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import TextIO

from adapters.text import to_text
from bot.clock import ManualClock
from bot.core import Core
from bot.messages import Field, GroupRef, Reply, Request, Tone, UserRef

PLATFORM = "console"
WORKSPACE = "local"
CONSOLE_HELP = (
    Field(
        "In the console",
        "`/as NAME` speak as another member\n"
        "`/clock` show the simulated time · `/clock +2d`, `/clock +3h`, "
        "`/clock 2026-12-01T09:00` move it forward\n"
        "`# ...` a comment · `/quit` leave",
    ),
)
_STEP = re.compile(r"(\d+)([wdhm])")
_UNITS = {"w": "weeks", "d": "days", "h": "hours", "m": "minutes"}


class Console:
    """Reads command lines, sends them to the core, prints the replies."""

    def __init__(
        self,
        core: Core,
        clock: ManualClock,
        *,
        group: str = "study-group",
        member: str = "you",
        output: TextIO,
        read_line: Callable[[], str | None],
        on_clock_moved: Callable[[datetime], Awaitable[None]] | None = None,
        pictures: Path | None = None,
    ) -> None:
        self.core = core
        self.clock = clock
        self.group = GroupRef(PLATFORM, WORKSPACE, group, group)
        self.member = member
        self._output = output
        self._read_line = read_line
        self.on_clock_moved = on_clock_moved
        self.pictures = pictures  # where the replies' PNGs are written, if anywhere
        self._posted = 0
        self._keys: dict[str, str] = {}  # ledger key -> id of the post printed
        self._written = 0

    async def run(self) -> None:
        """Serve lines until end of input or /quit."""
        while True:
            line = await self._next_line()
            if line is None:
                return
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if line.split()[0].lower() in {"/quit", "/exit"}:
                return
            before = self.clock.now()
            self.show(await self.answer(line))
            if self.on_clock_moved and self.clock.now() != before:
                await self.on_clock_moved(before)  # the scheduler posts whatever fell due

    async def _next_line(self) -> str | None:
        """Read on a daemon thread: the loop keeps running, and Ctrl-C never waits on input()."""
        loop = asyncio.get_running_loop()
        line: asyncio.Future[str | None] = loop.create_future()

        def read() -> None:
            try:
                result = self._read_line()
            except Exception:  # a broken stdin ends the session like end of input
                result = None
            with contextlib.suppress(RuntimeError):  # the loop may be gone after Ctrl-C
                loop.call_soon_threadsafe(_settle, line, result)

        threading.Thread(target=read, name="console-input", daemon=True).start()
        return await line

    async def post(self, group: GroupRef, reply: Reply, key: str = "") -> str:
        """Show a message the bot posts to the group (the daily problem); returns its id."""
        self._posted += 1
        self._output.write(f"── studybot posted in #{group.channel} ──\n")
        self.show(reply)
        self._keys[key] = f"console-{self._posted}"
        return self._keys[key]

    async def find_post(self, group: GroupRef, key: str, since: datetime) -> str | None:
        """The id of the post this session printed under `key`, if any."""
        return self._keys.get(key)

    def show(self, reply: Reply) -> None:
        """Print one reply followed by a blank line; its pictures go to the pictures folder."""
        self._output.write(to_text(reply) + "\n\n")
        if self.pictures is not None:
            for image in reply.images:
                self._written += 1
                path = self.pictures / f"{self._written:03d}-{image.name}"
                path.write_bytes(image.data)
                self._output.write(f"(picture: {path})\n\n")
        self._output.flush()

    async def answer(self, line: str) -> Reply:
        """The reply to one line typed in the console."""
        if not line.startswith("/"):
            return Reply(
                title="Commands start with /",
                body="Try `/help`, `/roadmap` or `/resource linear algebra`.",
                tone=Tone.WARNING,
                private=True,
            )
        name, _, text = line[1:].partition(" ")
        name = name.lower()
        if name == "as":
            return self._switch_member(text.strip())
        if name == "clock":
            return self._clock(text.strip())
        user = UserRef(PLATFORM, WORKSPACE, self.member.lower(), self.member)
        request = Request(name, text.strip(), user, self.group, is_admin=True)
        reply = await self.core.handle(request)
        if name == "help" and not text.strip():
            reply = replace(reply, fields=reply.fields + CONSOLE_HELP)
        return reply

    def _switch_member(self, name: str) -> Reply:
        if not re.fullmatch(r"[\w.-]{1,32}", name):
            return Reply(
                title="Who?",
                body="Give a name of up to 32 letters, digits, `.`, `-` or `_`: `/as sam`.",
                tone=Tone.WARNING,
            )
        self.member = name
        return Reply(body=f"You are now {name}.", tone=Tone.SUCCESS)

    def _clock(self, text: str) -> Reply:
        if not text:
            return Reply(body=f"Simulated time: {_show(self.clock.now())}")
        try:
            if text.startswith("+"):
                moved = self.clock.advance(parse_step(text[1:]))
            else:
                moved = self.clock.set(datetime.fromisoformat(text))
        except ValueError as exc:
            return Reply(
                title="I can't move the clock like that",
                body=f"{exc}. Try `/clock +2d`, `/clock +3h` or `/clock 2026-12-01T09:00` "
                "(times without an offset are UTC; the clock only moves forward).",
                tone=Tone.WARNING,
            )
        return Reply(body=f"Simulated time: {_show(moved)}", tone=Tone.SUCCESS)


def _settle(future: asyncio.Future[str | None], value: str | None) -> None:
    if not future.done():
        future.set_result(value)


def parse_step(text: str) -> timedelta:
    """`2d`, `3h`, `1w2d`, `90m` as a timedelta."""
    compact = text.replace(" ", "").lower()
    if not compact or _STEP.sub("", compact):
        raise ValueError(f"{text!r} is not a step like 2d, 3h, 1w or 30m")
    delta = timedelta()
    for amount, unit in _STEP.findall(compact):
        delta += timedelta(**{_UNITS[unit]: int(amount)})
    if delta > timedelta(days=3660):
        raise ValueError("that is more than ten years")
    return delta


def _show(moment: datetime) -> str:
    return moment.strftime("%A %Y-%m-%d %H:%M UTC")


def terminal_reader(history: Path | None) -> Callable[[], str | None]:
    """A line reader with editing and history, for an interactive terminal."""
    import readline

    if history is not None:
        with contextlib.suppress(OSError):
            readline.read_history_file(history)

    def read() -> str | None:
        try:
            line = input("studybot> ")
        except EOFError:
            print()  # leave the shell prompt on a line of its own
            return None
        if history is not None:
            with contextlib.suppress(OSError):
                readline.write_history_file(history)
        return line

    return read


def stream_reader(stream: TextIO) -> Callable[[], str | None]:
    """A line reader over a pipe or file: None at the end."""

    def read() -> str | None:
        line = stream.readline()
        return line if line else None

    return read
