"""Composition root: settings -> store -> content -> core -> adapter."""

from __future__ import annotations

import logging
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from adapters.console import Console, stream_reader, terminal_reader
from bot.clock import Clock, ManualClock, SystemClock
from bot.config import Settings
from bot.content import content_dir, load_catalog
from bot.context import Context
from bot.core import Core
from bot.store import Store

log = logging.getLogger(__name__)


async def open_core(settings: Settings, clock: Clock, db_path: str | None = None) -> Core:
    """Load the content and open the store; the caller closes `core.context.store`."""
    catalog = load_catalog(content_dir(settings.content_dir or None))
    store = await Store.open(db_path or settings.database_path, clock)
    return Core(Context(catalog=catalog, store=store, clock=clock))


async def run_console(
    settings: Settings,
    *,
    db_path: str | None = None,
    group: str = "study-group",
    now: datetime | None = None,
    stdin: TextIO = sys.stdin,
    stdout: TextIO = sys.stdout,
) -> None:
    """A study group in the terminal; scripted when stdin is not a terminal."""
    clock = ManualClock(now or SystemClock().now())
    core = await open_core(settings, clock, db_path)
    interactive = stdin.isatty()
    reader = terminal_reader(Path.home() / ".studybot_history") if interactive else None
    console = Console(
        core, clock, group=group, output=stdout, read_line=reader or stream_reader(stdin)
    )
    try:
        if interactive:
            stdout.write(
                f"studybot console: you are in #{group}. Type /help to start, /quit to leave.\n\n"
            )
        await console.run()
    finally:
        await core.context.store.close()
