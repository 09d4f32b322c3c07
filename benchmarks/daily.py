"""Benchmark the daily loop: the daily fan-out, a burst of /answer, and resident memory.

Run:  python -m benchmarks.daily [--groups 10000] [--members 200000] [--answers 1000]
          [--workers 2] [--history 7] [--repeat 3] [--rate 1000] [--unique-share 0.3]
          [--only fanout,scheduler,burst,memory]
(about three minutes with the defaults on two cores; --help lists every option). It prints
a table per phase and a [met]/[MISSED] line per target. Timings on a shared machine vary
from run to run: the timed phases run --repeat times and the targets read the median.

Everything is the real code on a real SQLite file in a temporary directory: the Store and
its migrations, the content and problem bank (bot.app.open_core), a started worker pool,
a ManualClock. Setup (groups, settings, members, past posts) is bulk-inserted with SQL and
is not timed.

1. Fan-out: --groups groups with the daily post on (mixed timezones, tracks and
   difficulties, all due at the same instant), each with --history days of sent posts.
   - run_due: one `daily_runner(context, fake_post).run_due(slot)` per day, for --repeat
     days, where fake_post is a recording async function standing in for an adapter.
     Per post is that time divided by the posts sent: read the daily groups and the day's
     ledger rows, choose the problem (a template's variant is made in a checker worker),
     claim it in the ledger, render it with yesterday's solution, send, mark it sent. The
     runner does this in batches of 250 groups (one read, one claim transaction, one
     render read per batch; sends 4 at a time; sent marks that finish together share a
     transaction). The columns split it into choose, render, send and the rest (ledger
     writes and the loop).
   - scheduler jobs: the next day the way the bot runs it, DailyScheduler with one
     APScheduler job per slot moment (groups due at the same instant share it), on a clock
     that runs with real time; timed from the slot until every group has posted, every
     group is armed for its next slot and the retry job is armed.
   Verified: one send and one 'sent' ledger row per group and day.
2. Burst: --answers members of a group (known to the database, not yet to this process)
   answer its sent daily problem, chain-rule-sin-square, through
   `core.handle(Request("answer", ...))`, each with its own platform delivery id (recorded
   so that a replay acts once): 60% correct, 30% wrong (a wrong answer is also
   compared with the two anticipated mistakes, in the same worker call), 10% unreadable.
   --unique-share of the answers are spelled uniquely (a real check in a worker); the rest
   repeat common spellings (the checker's cache answers those, as it does when a group
   answers the same problem). Each burst has its own group and members and starts with the
   checker's cache empty.
   - all at once: `asyncio.gather` of every request; answers/s = answers / wall time;
     a request's latency runs from the burst's start, so it includes queueing behind the
     whole burst (p99 is about the burst's duration by construction);
   - paced: members arrive at --rate answers/s; latency runs from each request's own
     arrival. The p99 target is read here: it is the latency a member sees while the bot
     keeps up with answers arriving at that rate.
   Verified: stored submissions = readable answers (an unreadable answer is by design not
   stored and does not count as an attempt), one streak event per correct answer, and the
   replies say correct / not yet / unreadable as expected, none "went wrong".
   CPU per answer is reported for this process and for the checker workers.
3. Memory: a fresh process runs the bot as it would on a database of --groups groups and
   --members members (bulk-inserted), with the Discord and Slack adapters imported (as when
   both platforms run): start the worker pool, open_core (content, bank, store), post every
   group's daily problem through run_due, then every member sends one /help (the cheapest
   command; like any command it goes through the store's group and member id caches, so
   this is the upper bound: everyone was seen since the bot started).
   Reported: the bot process's VmRSS and VmHWM (peak) from /proc/self/status, VmRSS after
   each step, and the RSS and PSS of each process below it: the checker workers, the fork
   server they are forked from (it loaded sympy and the templates once, so RSS counts the
   pages they share; PSS splits those) and multiprocessing's resource tracker. The 250 MB
   target is read as the bot process's resident memory; the others are reported beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from bot.app import open_core
from bot.challenge.post import daily_runner
from bot.clock import ManualClock
from bot.config import Settings
from bot.core import Core
from bot.daily import DailyScheduler, ledger
from bot.group_settings import GroupSettings
from bot.messages import GroupRef, Reply, Request, UserRef
from bot.problems.snapshot import to_json
from bot.store import Store
from bot.workers import Workers

NOW = datetime(2026, 11, 21, 9, 0, tzinfo=UTC)  # the shared slot: 09:00 UTC
TODAY = date(2026, 11, 21)
# Local times that all fall on 09:00 UTC on 2026-11-21.
ZONES = (
    ("UTC", clock_time(9, 0)),
    ("Europe/Berlin", clock_time(10, 0)),
    ("America/New_York", clock_time(4, 0)),
    ("Asia/Tokyo", clock_time(18, 0)),
    ("Asia/Kolkata", clock_time(14, 30)),
)
TRACKS = ("", "foundations", "job", "research")
DIFFICULTIES = ((1, 3), (1, 2), (2, 3), (1, 1))
BURST_PROBLEM = "chain-rule-sin-square"  # answer 2*x*cos(x^2), two anticipated mistakes
CORRECT = ("2*x*cos(x^2)", "2x cos(x^2)", "2 x cos(x**2)", "cos(x^2)*2x", "2*cos(x^2)*x")
WRONG = ("cos(x^2)", "cos(2*x)", "2x sin(x^2)", "-2x cos(x^2)", "x cos(x^2)")
UNREADABLE = ("2x cos(x^2", "2x ** * cos", "?")
TARGETS = (
    "fan-out <= 1 ms per post; burst >= 1,000 answers/s, p99 <= 100 ms, none lost;"
    " bot process <= 250 MB with 10,000 groups and 200,000 members"
)


# ---------------------------------------------------------------- setup (not timed)


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


async def create_schema(path: Path) -> None:
    """An empty database at the current schema, through the real migrations."""
    store = await Store.open(path, ManualClock(NOW))
    await store.close()


def group_settings(n: int) -> GroupSettings:
    """A varied but valid daily configuration for the n-th group."""
    zone, at = ZONES[n % len(ZONES)]
    return GroupSettings(
        time=at,
        timezone=zone,
        difficulty=DIFFICULTIES[(n // 5) % len(DIFFICULTIES)],
        track=TRACKS[(n // 20) % len(TRACKS)],
        daily=True,
    )


def seed(
    path: Path,
    *,
    groups: int,
    history: int,
    snapshots: list[tuple[str, str]],
    members_per_group: int = 0,
) -> None:
    """Bulk-insert daily groups with settings, `history` days of sent posts, and members."""
    stamp = _stamp(NOW - timedelta(days=history + 1))
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("BEGIN")
    db.executemany(
        "INSERT INTO groups (id, platform, workspace, channel, name, created_at)"
        " VALUES (?, 'discord', ?, ?, ?, ?)",
        ((g, f"guild-{g // 50}", f"chan-{g}", f"group {g}", stamp) for g in range(1, groups + 1)),
    )
    db.executemany(
        "INSERT INTO group_settings (group_id, key, value, updated_at) VALUES (?, ?, ?, ?)",
        (
            (g, key, value, stamp)
            for g in range(1, groups + 1)
            for key, value in group_settings(g).to_strings().items()
        ),
    )
    db.executemany(
        "INSERT INTO posts (group_id, local_date, slot_at, problem_id, problem, status,"
        " attempts, message_id, claimed_at, posted_at)"
        " VALUES (?, ?, ?, ?, ?, 'sent', 1, ?, ?, ?)",
        (
            (
                g,
                day.isoformat(),
                slot,
                *snapshots[(g * 7 + d) % len(snapshots)],
                f"m-{g}-{d}",
                slot,
                slot,
            )
            for g in range(1, groups + 1)
            for d in range(1, history + 1)
            for day in [TODAY - timedelta(days=d)]
            for slot in [_stamp(NOW - timedelta(days=d))]
        ),
    )
    if members_per_group:
        add_members(db, range(1, groups + 1), members_per_group, stamp)
    db.execute("COMMIT")
    db.close()


def add_members(db: sqlite3.Connection, group_ids: range, per_group: int, stamp: str) -> None:
    """`per_group` distinct members in each group, with their membership rows."""
    first = int(db.execute("SELECT coalesce(max(id), 0) FROM members").fetchone()[0]) + 1
    rows = [
        (first + i, f"guild-{g // 50}", f"{10**17 + first + i}", f"learner {first + i}", g)
        for i, g in enumerate(g for g in group_ids for _ in range(per_group))
    ]
    db.executemany(
        "INSERT INTO members (id, platform, workspace, user_id, name, created_at)"
        " VALUES (?, 'discord', ?, ?, ?, ?)",
        ((i, ws, uid, name, stamp) for i, ws, uid, name, _ in rows),
    )
    db.executemany(
        "INSERT INTO group_members (group_id, member_id, joined_at) VALUES (?, ?, ?)",
        ((g, i, stamp) for i, _, _, _, g in rows),
    )


def member_refs(path: Path, group_id: int) -> tuple[GroupRef, list[UserRef]]:
    """The group and its members as a platform adapter would describe them."""
    db = sqlite3.connect(path)
    platform, workspace, channel, name = db.execute(
        "SELECT platform, workspace, channel, name FROM groups WHERE id = ?", (group_id,)
    ).fetchone()
    users = [
        UserRef(p, w, u, n)
        for p, w, u, n in db.execute(
            "SELECT m.platform, m.workspace, m.user_id, m.name FROM members m"
            " JOIN group_members gm ON gm.member_id = m.id WHERE gm.group_id = ? ORDER BY m.id",
            (group_id,),
        )
    ]
    db.close()
    return GroupRef(platform, workspace, channel, name), users


class FakeAdapter:
    """A recording `post`: keeps each send's channel and key (and the reply, if asked)."""

    def __init__(self, keep_replies: bool = True) -> None:
        self.sent: list[tuple[str, str]] = []
        self.replies: list[Reply] = []
        self.keep_replies = keep_replies

    async def __call__(self, group: GroupRef, reply: Reply, key: str) -> str:
        self.sent.append((group.channel, key))
        if self.keep_replies:
            self.replies.append(reply)
        return f"message-{len(self.sent)}"

    async def find_post(self, group: GroupRef, key: str, since: datetime) -> str | None:
        """Never asked in a fan-out without failures."""
        return None


# ---------------------------------------------------------------- 1. fan-out


@dataclass
class FanOut:
    """The fan-out's measurements."""

    name: str
    groups: int
    seconds: float
    posts: int
    sent_rows: int
    parts: dict[str, float] = field(default_factory=dict)  # seconds inside choose/render/send
    cpu: float = 0.0  # CPU seconds of this process (all threads) during the run
    worker_cpu: float = 0.0  # CPU seconds of the checker workers (the variants)

    @property
    def per_post_ms(self) -> float:
        return self.seconds / max(self.posts, 1) * 1000


def _timed(parts: dict[str, float], name: str, call: Callable) -> Callable:
    async def wrapper(*args: object) -> object:
        begin = time.perf_counter()
        try:
            return await call(*args)
        finally:
            parts[name] = parts.get(name, 0.0) + time.perf_counter() - begin

    return wrapper


async def fan_out(core: Core, clock: ManualClock, groups: int, day: int) -> FanOut:
    """Time one run_due at the shared slot `day` days on; one send and 'sent' row per group."""
    slot = clock.set(NOW + timedelta(days=day))
    adapter = FakeAdapter()
    runner = daily_runner(core.context, adapter, adapter.find_post)
    parts: dict[str, float] = {}
    # Attribute the time to the runner's three callbacks; the rest is the ledger and the loop.
    runner._choose = _timed(parts, "choose", runner._choose)  # type: ignore[method-assign]
    runner._render = _timed(parts, "render", runner._render)  # type: ignore[method-assign]
    runner._send = _timed(parts, "send", runner._send)  # type: ignore[method-assign]
    gc.collect()
    with CpuMeter() as cpu:
        begin = time.perf_counter()
        attempts = await runner.run_due(slot)
        seconds = time.perf_counter() - begin
    rows = await core.context.store.fetch_all(
        "SELECT count(*) FROM posts WHERE local_date = ? AND status = 'sent' AND group_id <= ?",
        ((TODAY + timedelta(days=day)).isoformat(), groups),
    )
    keys = {key for _, key in adapter.sent}
    assert len(keys) == len(adapter.sent), "a post was sent twice"
    assert all(a.status == "sent" for a in attempts)
    return FanOut(
        "run_due", groups, seconds, len(adapter.sent), int(rows[0][0]), parts, cpu.own, cpu.workers
    )


class RealTimeClock:
    """Clock time that runs with real time from `start`: APScheduler fires in real time."""

    def __init__(self, start: datetime) -> None:
        self._start = start
        self._real = time.monotonic()

    def now(self) -> datetime:
        return self._start + timedelta(seconds=time.monotonic() - self._real)


async def scheduled_fan_out(core: Core, groups: int, day: int, lead: float = 5.0) -> FanOut:
    """The same fan-out the way the bot runs it: DailyScheduler, one APScheduler job per slot.

    The clock starts `lead` seconds before the slot `day` days on; the time runs from the slot
    until every group has posted and the jobs for the next slots and the retry are armed.
    """
    slot = NOW + timedelta(days=day)
    clock = RealTimeClock(slot - timedelta(seconds=lead))
    context = replace(core.context, clock=clock)
    adapter = FakeAdapter(keep_replies=False)
    scheduler = DailyScheduler(
        daily_runner(context, adapter, adapter.find_post), clock, context.store
    )
    await scheduler.start()
    ahead = (slot - clock.now()).total_seconds()
    if ahead <= 0:
        print(f"warning: arming the jobs took longer than --lead ({lead:g} s)")
    slot_real = time.perf_counter() + ahead
    try:
        with CpuMeter() as cpu:
            while len(adapter.sent) < groups and time.perf_counter() < slot_real + 600:
                await asyncio.sleep(0.005)
            await scheduler.idle()
            seconds = time.perf_counter() - slot_real
    finally:
        await scheduler.shutdown()
    rows = await core.context.store.fetch_all(
        "SELECT count(*) FROM posts WHERE local_date = ? AND status = 'sent' AND group_id <= ?",
        ((TODAY + timedelta(days=day)).isoformat(), groups),
    )
    return FanOut(
        "scheduler jobs",
        groups,
        seconds,
        len(adapter.sent),
        int(rows[0][0]),
        {},
        cpu.own,
        cpu.workers,
    )


# ---------------------------------------------------------------- 2. burst


@dataclass
class Burst:
    """One burst of /answer requests."""

    name: str
    seconds: float
    latencies: list[float]  # ms
    kinds: Counter[str]  # correct / wrong / unreadable, as sent
    replies: Counter[str]  # reply titles
    stored: int
    streak_events: int
    distinct_texts: int
    pool_checks: int
    cpu: float  # CPU seconds of this process
    worker_cpu: float  # CPU seconds of the checker workers

    @property
    def rate(self) -> float:
        return len(self.latencies) / self.seconds

    def percentile(self, q: float) -> float:
        ordered = sorted(self.latencies)
        return ordered[min(len(ordered) - 1, int(q * len(ordered)))]

    @property
    def lost(self) -> int:
        """Readable answers that were not stored, or correct ones without a streak event."""
        readable = self.kinds["correct"] + self.kinds["wrong"]
        return abs(readable - self.stored) + abs(self.kinds["correct"] - self.streak_events)

    @property
    def replies_ok(self) -> bool:
        return (
            self.replies["Correct!"] == self.kinds["correct"]
            and self.replies["Not yet"] == self.kinds["wrong"]
            and self.replies["I couldn't read that answer"] == self.kinds["unreadable"]
        )


def answers(count: int, unique_share: float, salt: int) -> list[tuple[str, str]]:
    """(kind, text) per member: 60% correct, 30% wrong, 10% unreadable, some spelled uniquely."""
    rng = random.Random(salt)
    out = []
    for n in range(count):
        kind = "correct" if n % 10 < 6 else "wrong" if n % 10 < 9 else "unreadable"
        if rng.random() >= unique_share:
            text = rng.choice({"correct": CORRECT, "wrong": WRONG, "unreadable": UNREADABLE}[kind])
        else:  # a spelling nobody else used: the checker's cache cannot answer it
            k = salt * count + n + 1
            text = {
                "correct": f"{2 * k}*x*cos(x^2)/{k}",
                "wrong": f"{2 * k + 1}*x*cos(x^2)/{k}",
                "unreadable": f"{k}*x*cos(x^2",
            }[kind]
        out.append((kind, text))
    rng.shuffle(out)
    return out


async def publish(core: Core, group: GroupRef, problem_id: str, day: int) -> int:
    """The group's sent daily post for the day `day` days on, through the ledger; its id."""
    today, slot = TODAY + timedelta(days=day), NOW + timedelta(days=day)
    store = core.context.store
    group_id = await store.ensure_group(group)
    problem = core.context.bank.problems[problem_id]
    row = await ledger.claim(store, group_id, today, slot, problem.id, to_json(problem), slot)
    assert row is not None
    await ledger.mark_sent(store, row, "burst-post", slot)
    return row.id


async def burst(
    core: Core,
    checker: Workers,
    group: GroupRef,
    users: list[UserRef],
    unique_share: float,
    rate: float | None,
    salt: int,
    day: int,
) -> Burst:
    """Every member answers once: all at once (rate None) or arriving at `rate` per second.

    The post is the one of the day `day` days on; the clock is two hours after its slot.
    """
    post_id = await publish(core, group, BURST_PROBLEM, day)
    mix = answers(len(users), unique_share, salt)
    checker._cache.clear()  # each burst starts like a new day's problem: nothing checked yet
    cached = 0
    latencies: list[float] = []
    titles: Counter[str] = Counter()

    async def one(user: UserRef, text: str, arrival: float) -> None:
        delivery = f"{salt}-{day}-{user.id}"  # each its own, as Discord and Slack give them
        reply = await core.handle(Request("answer", text, user, group, delivery=delivery))
        latencies.append((time.perf_counter() - arrival) * 1000)
        titles[reply.title] += 1

    gc.collect()
    meter = CpuMeter().__enter__()
    begin = time.perf_counter()
    if rate is None:
        await asyncio.gather(*(one(u, t, begin) for u, (_, t) in zip(users, mix, strict=True)))
    else:
        tasks = []
        for n, (user, (_, text)) in enumerate(zip(users, mix, strict=True)):
            arrival = begin + n / rate
            if (wait := arrival - time.perf_counter()) > 0:
                await asyncio.sleep(wait)
            tasks.append(asyncio.create_task(one(user, text, arrival)))
        await asyncio.gather(*tasks)
    seconds = time.perf_counter() - begin
    meter.__exit__()
    store = core.context.store
    group_id = await store.ensure_group(group)
    stored = await store.fetch_all("SELECT count(*) FROM submissions WHERE post_id = ?", (post_id,))
    events = await store.fetch_all(
        "SELECT count(*) FROM streak_events"
        " WHERE group_id = ? AND local_date = ? AND kind = 'solved'",
        (group_id, (TODAY + timedelta(days=day)).isoformat()),
    )
    return Burst(
        name="all at once" if rate is None else f"paced at {rate:g}/s",
        seconds=seconds,
        latencies=latencies,
        kinds=Counter(kind for kind, _ in mix),
        replies=titles,
        stored=int(stored[0][0]),
        streak_events=int(events[0][0]),
        distinct_texts=len({t for _, t in mix}),
        pool_checks=len(checker._cache) - cached,
        cpu=meter.own,
        worker_cpu=meter.workers,
    )


# ---------------------------------------------------------------- 3. memory


def _status(pid: int | str, key: str) -> int:
    """A kB figure from /proc/<pid>/status (or smaps_rollup for Pss)."""
    name = "smaps_rollup" if key == "Pss" else "status"
    for line in Path(f"/proc/{pid}/{name}").read_text().splitlines():
        if line.startswith(f"{key}:"):
            return int(line.split()[1])
    return 0


def _cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process so far; None once it has gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _children_cpu() -> tuple[dict[int, float], float]:
    """CPU seconds of each live child process, and of the children already waited for."""
    times = os.times()
    live = {pid: _cpu_seconds(pid) for pid in _descendants(os.getpid())}
    return {pid: cpu for pid, cpu in live.items() if cpu is not None}, (
        times.children_user + times.children_system
    )


class CpuMeter:
    """CPU used by this process and, separately, by its child processes (the checker workers).

    A worker recycled meanwhile is counted once it has been waited for.
    """

    def __enter__(self) -> CpuMeter:
        self._own = time.process_time()
        self._live, self._reaped = _children_cpu()
        return self

    def __exit__(self, *exc: object) -> None:
        self.own = time.process_time() - self._own
        live, reaped = _children_cpu()
        gone = sum(cpu for pid, cpu in self._live.items() if pid not in live)
        self.workers = sum(cpu - self._live.get(pid, 0.0) for pid, cpu in live.items()) + max(
            0.0, reaped - self._reaped - gone
        )


def _descendants(pid: int) -> dict[int, str]:
    """Processes below `pid` (the workers' fork server, its workers, the resource tracker)."""
    parents = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            parents[int(stat.parent.name)] = int(stat.read_text().rpartition(")")[2].split()[1])
        except (OSError, ValueError):
            continue
    found: dict[int, str] = {}
    frontier = [pid]
    while frontier:
        parent = frontier.pop()
        for child in (c for c, p in parents.items() if p == parent):
            found[child] = _role(child, found.get(parent, ""))
            frontier.append(child)
    return found


def _role(pid: int, parent_role: str) -> str:
    """What a process below the bot is, from its command line and its parent."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ")
    except OSError:
        return "gone"
    if b"resource_tracker" in command:
        return "resource tracker"
    if parent_role == "fork server":
        return "checker worker"
    return "fork server" if b"forkserver" in command else "checker worker"


async def memory_child(path: Path, workers: int) -> dict[str, object]:
    """The bot as it runs: pool, core, the day's fan-out, one request per member; its memory."""
    import importlib

    platforms = []
    for name in ("adapters.discord", "adapters.slack"):  # loaded as when both platforms run
        try:
            importlib.import_module(name)
            platforms.append(name)
        except ImportError:
            pass
    clock = ManualClock(NOW)
    adapter = FakeAdapter(keep_replies=False)
    pid = os.getpid()
    stages = {"imports": _status(pid, "VmRSS")}
    async with Workers(workers=workers) as checker:
        await checker.ready()  # the workers start in the background: measure them started
        stages["checker pool started"] = _status(pid, "VmRSS")
        core = await open_core(Settings(), clock, checker, str(path))
        stages["content, bank and store open"] = _status(pid, "VmRSS")
        try:
            # Only the count is kept: the scheduler drops what run_due returns, too.
            posts = len(await daily_runner(core.context, adapter, adapter.find_post).run_due(NOW))
            gc.collect()
            stages["after the fan-out"] = _status(pid, "VmRSS")
            begin = time.perf_counter()
            requests = 0
            for chunk in _member_chunks(path):
                replies = await asyncio.gather(*(core.handle(r) for r in chunk))
                assert all(r.title == "studybot commands" for r in replies)
                requests += len(chunk)
            request_seconds = time.perf_counter() - begin
            gc.collect()
            stages["after one request per member"] = _status(pid, "VmRSS")
            workers_kb = [
                {
                    "pid": child,
                    "role": role,
                    "rss": _status(child, "VmRSS"),
                    "pss": _status(child, "Pss"),
                }
                for child, role in _descendants(pid).items()
            ]
            return {
                "posts": posts,
                "requests": requests,
                "request_seconds": request_seconds,
                "cached_groups": len(core.context.store._group_ids),
                "cached_members": len(core.context.store._member_ids),
                "rss": _status(pid, "VmRSS"),
                "hwm": _status(pid, "VmHWM"),
                "pss": _status(pid, "Pss"),
                "workers": workers_kb,
                "stages": stages,
                "platforms": platforms,
            }
        finally:
            await core.context.store.close()


def _member_chunks(path: Path, size: int = 1000) -> Iterator[list[Request]]:
    """One /help per member, from the member's own group, in chunks of `size`."""
    db = sqlite3.connect(path)
    cursor = db.execute(
        "SELECT g.platform, g.workspace, g.channel, g.name, m.workspace, m.user_id, m.name"
        " FROM group_members gm JOIN groups g ON g.id = gm.group_id"
        " JOIN members m ON m.id = gm.member_id ORDER BY gm.member_id"
    )
    while rows := cursor.fetchmany(size):
        yield [
            Request("help", "", UserRef(p, mw, uid, name), GroupRef(p, gw, ch, gname))
            for p, gw, ch, gname, mw, uid, name in rows
        ]
    db.close()


def memory(args: argparse.Namespace, folder: Path, snapshots: list[tuple[str, str]]) -> dict:
    """Seed a database, then measure the bot in a fresh process (this one has done other work)."""
    path = folder / "memory.db"
    asyncio.run(create_schema(path))
    per_group = max(1, args.members // args.groups)
    seed(
        path,
        groups=args.groups,
        history=args.history,
        snapshots=snapshots,
        members_per_group=per_group,
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "benchmarks.daily",
            "--memory-child",
            str(path),
            "--workers",
            str(args.workers),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"the memory run failed:\n{done.stderr}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["groups"], result["members"] = args.groups, per_group * args.groups
    return result


# ---------------------------------------------------------------- the run


async def timed_phases(args: argparse.Namespace, folder: Path) -> tuple[list[FanOut], list[Burst]]:
    """The fan-outs, then the two bursts, on one database and one checker pool."""
    from bot.content import content_dir
    from bot.problems import load_problems

    path = folder / "daily.db"
    await create_schema(path)
    problems, _ = load_problems(content_dir() / "problems")
    snapshots = [(p.id, to_json(p)) for p in problems]
    seed(path, groups=args.groups, history=args.history, snapshots=snapshots)
    db = sqlite3.connect(path, isolation_level=None)  # two more groups for the bursts
    db.execute("BEGIN")
    burst_ids = range(args.groups + 1, args.groups + 1 + 2 * args.repeat)
    db.executemany(
        "INSERT INTO groups (id, platform, workspace, channel, name, created_at)"
        " VALUES (?, 'discord', 'guild-burst', ?, ?, ?)",
        ((g, f"chan-{g}", f"burst {g}", _stamp(NOW)) for g in burst_ids),
    )
    add_members(db, burst_ids, args.answers, _stamp(NOW))
    db.execute("COMMIT")
    db.close()
    clock = ManualClock(NOW)
    fans = []
    bursts = []
    async with Workers(workers=args.workers) as checker:
        await checker.ready()  # time the loop, not the workers' start
        core = await open_core(Settings(), clock, checker, str(path))
        try:
            day = 0  # each fan-out posts a new day, as the bot does
            if "fanout" in args.only:
                for day in range(args.repeat):
                    fans.append(await fan_out(core, clock, args.groups, day))
            if "scheduler" in args.only:
                day += 1
                fans.append(await scheduled_fan_out(core, args.groups, day))
            if "burst" in args.only:
                day += 1
                clock.set(NOW + timedelta(days=day, hours=2))  # answers come after the post
                rates = (None, args.rate) * args.repeat  # all at once, then paced, repeated
                for salt, (group_id, rate) in enumerate(zip(burst_ids, rates, strict=True)):
                    group, users = member_refs(path, group_id)
                    bursts.append(
                        await burst(core, checker, group, users, args.unique_share, rate, salt, day)
                    )
        finally:
            await core.context.store.close()
    return fans, bursts


def report(fans: list[FanOut], bursts: list[Burst], mem: dict | None) -> None:
    """Print the tables and the targets."""
    checks: list[tuple[str, bool]] = []
    if fans:
        print(
            f"fan-out: {fans[0].groups} daily groups due at one slot, posted through a fake "
            "adapter, ledger included"
        )
        print(
            f"  {'':15} {'total s':>8} {'posts':>6} {'sent rows':>9} {'ms/post':>8} "
            f"{'CPU ms':>7} {'workers':>7}   of which ms/post: choose  render  send  ledger+loop"
        )
    for fan in fans:
        per = {k: v / max(fan.posts, 1) * 1000 for k, v in fan.parts.items()}
        parts = (
            f"{per['choose']:24.3f} {per['render']:7.3f} {per['send']:5.3f} "
            f"{(fan.seconds - sum(fan.parts.values())) / max(fan.posts, 1) * 1000:12.3f}"
            if fan.parts
            else ""
        )
        print(
            f"  {fan.name:15} {fan.seconds:8.2f} {fan.posts:6d} {fan.sent_rows:9d} "
            f"{fan.per_post_ms:8.3f} {fan.cpu / max(fan.posts, 1) * 1000:7.3f} "
            f"{fan.worker_cpu / max(fan.posts, 1) * 1000:7.3f} {parts}"
        )
    for name in dict.fromkeys(fan.name for fan in fans):
        runs = [fan for fan in fans if fan.name == name]
        per_post = statistics.median(fan.per_post_ms for fan in runs)
        label = f"median of {len(runs)}" if len(runs) > 1 else "one run"
        checks.append(
            (f"fan-out ({name}) <= 1 ms per post ({label}: {per_post:.3f} ms)", per_post <= 1)
        )
        checks.append(
            (
                f"fan-out ({name}) posted every group once: one send and one 'sent' ledger row"
                f" per group in each run ({runs[0].groups} groups)",
                all(f.posts == f.sent_rows == f.groups for f in runs),
            )
        )
    if fans:
        print(
            "  ms/post: wall time / posts; CPU ms: this process's CPU (all threads) per post;"
            " workers: the checker workers' CPU per post (template variants); choose includes"
            " waiting for the variants.\n  run_due: one call at the slot, one run per day"
            " (batches of 250 groups, 4 sends at a time); scheduler jobs: the next day through"
            " DailyScheduler as the bot runs it, one APScheduler job per slot moment, timed"
            " from the slot until every group is posted and armed again"
        )
    if bursts:
        print("burst of /answer through core.handle (checker pool + SQLite):")
        print(
            f"  {'':16} {'answers':>7} {'s':>6} {'ans/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
            f"{'texts':>6} {'checks':>6} {'stored':>6} {'streak':>6} {'bot CPU':>8} "
            f"{'workers':>8}"
        )
        for b in bursts:
            n = len(b.latencies)
            print(
                f"  {b.name:16} {n:7d} {b.seconds:6.2f} {b.rate:7.0f} "
                f"{b.percentile(0.5):7.1f} {b.percentile(0.99):7.1f} {b.distinct_texts:6d} "
                f"{b.pool_checks:6d} {b.stored:6d} {b.streak_events:6d} "
                f"{b.cpu / n * 1000:8.3f} {b.worker_cpu / n * 1000:8.3f}"
            )
        k = bursts[0].kinds
        print(
            f"  mix per burst: {k['correct']} correct, {k['wrong']} wrong, {k['unreadable']} "
            "unreadable (not stored, by design: it does not count as an attempt); 'checks' are "
            "the calls to the workers, the rest came from the checker's cache; CPU is ms per "
            "answer, of this process and of the checker workers"
        )
        print(
            "  every burst starts with the checker's cache empty; the targets read the median"
            " of the runs of each kind"
        )
        at_once = statistics.median(b.rate for b in bursts if b.name == "all at once")
        checks.append(
            (f"burst >= 1,000 answers/s, all at once (median {at_once:.0f}/s)", at_once >= 1000)
        )
        paced = [b for b in bursts if b.name != "all at once"]
        if paced:
            p99 = statistics.median(b.percentile(0.99) for b in paced)
            whole = statistics.median(b.percentile(0.99) for b in bursts if b.name == "all at once")
            checks.append(
                (
                    f"p99 <= 100 ms, {paced[0].name} (median {p99:.1f} ms; all at once: "
                    f"{whole:.0f} ms, which is queueing behind the whole burst)",
                    p99 <= 100,
                )
            )
        checks.append(
            (
                "none lost: stored = readable, a streak event per correct answer, "
                "every reply as expected",
                all(b.lost == 0 and b.replies_ok for b in bursts),
            )
        )
    if mem is not None:
        print(
            f"memory: {mem['groups']} groups, {mem['members']} members, "
            f"{' and '.join(mem['platforms']) or 'no adapters'} imported; after the fan-out "
            f"({mem['posts']} posts) and one /help per member ({mem['requests']} requests in "
            f"{mem['request_seconds']:.0f} s; caches hold {mem['cached_groups']} groups, "
            f"{mem['cached_members']} members)"
        )
        print(
            f"  bot process: VmRSS {mem['rss'] / 1024:.0f} MB, peak (VmHWM) "
            f"{mem['hwm'] / 1024:.0f} MB, PSS {mem['pss'] / 1024:.0f} MB; VmRSS as it grew: "
            + ", ".join(f"{k} {v / 1024:.0f}" for k, v in mem["stages"].items())
        )
        for w in mem["workers"]:
            print(
                f"  {w['role']} {w['pid']}: RSS {w['rss'] / 1024:.0f} MB, "
                f"PSS {w['pss'] / 1024:.0f} MB"
            )
        print(
            "  (the workers are forked from the fork server, which loaded sympy and the "
            "templates once: RSS counts the pages they share, PSS splits them; the sum of "
            f"PSS below the bot: {sum(w['pss'] for w in mem['workers']) / 1024:.0f} MB)"
        )
        checks.append(
            (
                f"bot process <= 250 MB resident ({mem['rss'] / 1024:.0f} MB; the "
                "checker workers are separate processes, reported above)",
                mem["rss"] <= 250 * 1024,
            )
        )
    print(f"targets: {TARGETS}")
    for label, met in checks:
        print(f"  [{'met' if met else 'MISSED'}] {label}")


def main(argv: list[str] | None = None) -> None:
    """Run the phases and print the tables."""
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.daily",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--groups", type=int, default=10_000, help="daily groups")
    parser.add_argument("--members", type=int, default=200_000, help="members (memory run)")
    parser.add_argument("--answers", type=int, default=1000, help="members answering per burst")
    parser.add_argument("--workers", type=int, default=2, help="checker worker processes")
    parser.add_argument("--history", type=int, default=7, help="days of past posts per group")
    parser.add_argument("--rate", type=float, default=1000, help="paced burst arrivals per s")
    parser.add_argument(
        "--repeat", type=int, default=3, help="bursts of each kind; targets use the median"
    )
    parser.add_argument(
        "--unique-share", type=float, default=0.3, help="share of uniquely spelled answers"
    )
    parser.add_argument(
        "--only",
        default="fanout,scheduler,burst,memory",
        help="comma-separated phases to run",
    )
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child:
        print(json.dumps(asyncio.run(memory_child(args.memory_child, args.workers))))
        return
    args.only = set(args.only.split(","))
    with tempfile.TemporaryDirectory(prefix="studybot-bench-") as folder:
        fans, bursts = ([], [])
        if args.only & {"fanout", "scheduler", "burst"}:
            fans, bursts = asyncio.run(timed_phases(args, Path(folder)))
        mem = None
        if "memory" in args.only:
            from bot.content import content_dir
            from bot.problems import load_problems

            problems, _ = load_problems(content_dir() / "problems")
            mem = memory(args, Path(folder), [(p.id, to_json(p)) for p in problems])
    report(fans, bursts, mem)


if __name__ == "__main__":
    main()
