"""What the daily challenge reads and writes: posts, attempts, hints, practice, streak events."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from bot import streaks
from bot.problems.model import Problem
from bot.problems.snapshot import from_json, to_json
from bot.store import Store


@dataclass(frozen=True)
class Post:
    """A daily problem that reached the group."""

    id: int
    group_id: int
    local_date: date
    problem: Problem
    posted_at: str


@dataclass(frozen=True)
class Progress:
    """One member's standing on one problem."""

    wrong: int = 0
    solved: bool = False
    hints: int = 0
    solution_seen: bool = False


@dataclass(frozen=True)
class Practice:
    """A member's open practice problem."""

    problem: Problem
    hints: int
    created_at: str
    solved: bool


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def _post(row: tuple) -> Post:
    return Post(row[0], row[1], date.fromisoformat(row[2]), from_json(row[3]), row[4] or "")


_POST_COLUMNS = "id, group_id, local_date, problem, posted_at"


async def latest_post(store: Store, group_id: int) -> Post | None:
    """The group's most recent daily problem that was sent."""
    rows = await store.fetch_all(
        f"SELECT {_POST_COLUMNS} FROM posts WHERE group_id = ? AND status = 'sent'"
        " ORDER BY local_date DESC LIMIT 1",
        (group_id,),
    )
    return _post(tuple(rows[0])) if rows else None


async def post_before(store: Store, group_id: int, day: date) -> Post | None:
    """The last daily problem sent before `day`."""
    rows = await store.fetch_all(
        f"SELECT {_POST_COLUMNS} FROM posts WHERE group_id = ? AND status = 'sent'"
        " AND local_date < ? ORDER BY local_date DESC LIMIT 1",
        (group_id, day.isoformat()),
    )
    return _post(tuple(rows[0])) if rows else None


async def posted_days(store: Store, group_id: int) -> list[date]:
    """Every local date on which the group got its daily problem."""
    rows = await store.fetch_all(
        "SELECT local_date FROM posts WHERE group_id = ? AND status = 'sent' ORDER BY local_date",
        (group_id,),
    )
    return [date.fromisoformat(r[0]) for r in rows]


async def used_problem_ids(store: Store, group_id: int) -> list[str]:
    """Problem ids the group has been given as daily problems, claimed or sent."""
    rows = await store.fetch_all("SELECT problem_id FROM posts WHERE group_id = ?", (group_id,))
    return [r[0] for r in rows]


async def progress(store: Store, post_id: int, member_id: int) -> Progress:
    """How far a member has got with a daily problem."""
    rows = await store.fetch_all(
        "SELECT"
        " (SELECT count(*) FROM submissions WHERE post_id = ?1 AND member_id = ?2 AND NOT correct),"
        " (SELECT count(*) FROM submissions WHERE post_id = ?1 AND member_id = ?2 AND correct),"
        " (SELECT hints FROM hints_taken WHERE post_id = ?1 AND member_id = ?2),"
        " (SELECT solution_seen_at FROM hints_taken WHERE post_id = ?1 AND member_id = ?2)",
        (post_id, member_id),
    )
    wrong, right, hints, seen = rows[0]
    return Progress(int(wrong), bool(right), int(hints or 0), seen is not None)


async def record_submission(
    store: Store,
    *,
    group_id: int,
    member_id: int,
    post_id: int | None,
    problem_id: str,
    answer: str,
    correct: bool,
    mistake: str,
    at: datetime,
    streak_day: date | None = None,
) -> None:
    """Store an answer; a correct daily answer in time also records the solved day."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO submissions"
            " (group_id, member_id, post_id, problem_id, answer, correct, mistake, at)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (group_id, member_id, post_id, problem_id, answer, int(correct), mistake, _stamp(at)),
        )
        if streak_day is not None:
            await db.execute(
                "INSERT INTO streak_events (group_id, member_id, local_date, kind, at)"
                " VALUES (?, ?, ?, 'solved', ?)",
                (group_id, member_id, streak_day.isoformat(), _stamp(at)),
            )
        if post_id is None and correct:
            await db.execute(
                "UPDATE practice SET solved_at = ? WHERE group_id = ? AND member_id = ?",
                (_stamp(at), group_id, member_id),
            )


async def record_shown(
    store: Store, post_id: int, member_id: int, at: datetime, *, hints: int, solution: bool
) -> None:
    """Remember how many hints a member has seen, and whether they saw the solution."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO hints_taken (post_id, member_id, hints, solution_seen_at, at)"
            " VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN ?5 END, ?5)"
            " ON CONFLICT (post_id, member_id) DO UPDATE SET"
            " hints = max(hints, excluded.hints), at = excluded.at,"
            " solution_seen_at = coalesce(solution_seen_at, excluded.solution_seen_at)",
            (post_id, member_id, hints, int(solution), _stamp(at)),
        )


async def solver_count(store: Store, post_id: int) -> int:
    """How many members solved a daily problem."""
    rows = await store.fetch_all(
        "SELECT count(DISTINCT member_id) FROM submissions WHERE post_id = ? AND correct",
        (post_id,),
    )
    return int(rows[0][0])


async def practice(store: Store, group_id: int, member_id: int) -> Practice | None:
    """The member's practice problem, if they asked for one."""
    rows = await store.fetch_all(
        "SELECT problem, hints, created_at, solved_at FROM practice"
        " WHERE group_id = ? AND member_id = ?",
        (group_id, member_id),
    )
    if not rows:
        return None
    problem, hints, created, solved = rows[0]
    return Practice(from_json(problem), int(hints), created, solved is not None)


async def start_practice(
    store: Store, group_id: int, member_id: int, problem: Problem, at: datetime
) -> None:
    """Give the member a new practice problem, replacing any open one."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO practice (group_id, member_id, problem_id, problem, hints, created_at)"
            " VALUES (?, ?, ?, ?, 0, ?) ON CONFLICT (group_id, member_id) DO UPDATE SET"
            " problem_id = excluded.problem_id, problem = excluded.problem, hints = 0,"
            " created_at = excluded.created_at, solved_at = NULL",
            (group_id, member_id, problem.id, to_json(problem), _stamp(at)),
        )


async def practice_hint_shown(store: Store, group_id: int, member_id: int, hints: int) -> None:
    """Remember how many hints of the practice problem a member has seen."""
    async with store.transaction() as db:
        await db.execute(
            "UPDATE practice SET hints = max(hints, ?) WHERE group_id = ? AND member_id = ?",
            (hints, group_id, member_id),
        )


async def practiced_ids(store: Store, group_id: int, member_id: int) -> list[str]:
    """Problems this member has already answered in this group."""
    rows = await store.fetch_all(
        "SELECT DISTINCT problem_id FROM submissions WHERE group_id = ? AND member_id = ?",
        (group_id, member_id),
    )
    return [r[0] for r in rows]


async def streak_days(
    store: Store, group_id: int, member_id: int
) -> tuple[set[date], list[streaks.Fix]]:
    """The days a member solved in time, and the admins' fixes for them (who, and why)."""
    rows = await store.fetch_all(
        "SELECT e.local_date, e.kind, coalesce(m.name, ''), e.note FROM streak_events e"
        " LEFT JOIN members m ON m.id = e.by_member"
        " WHERE e.group_id = ? AND e.member_id = ? ORDER BY e.id",
        (group_id, member_id),
    )
    solved = {date.fromisoformat(d) for d, kind, _, _ in rows if kind == "solved"}
    fixed = [
        streaks.Fix(date.fromisoformat(d), by, note) for d, kind, by, note in rows if kind == "fix"
    ]
    return solved, fixed


async def add_fix(
    store: Store,
    group_id: int,
    member_id: int,
    day: date,
    at: datetime,
    by_member: int,
    note: str,
) -> None:
    """An admin's correction: count `day` as solved for a member."""
    async with store.transaction() as db:
        await db.execute(
            "INSERT INTO streak_events (group_id, member_id, local_date, kind, at, by_member, note)"
            " VALUES (?, ?, ?, 'fix', ?, ?, ?)",
            (group_id, member_id, day.isoformat(), _stamp(at), by_member, note),
        )


async def solvers_per_day(store: Store, group_id: int) -> dict[date, int]:
    """How many members counted each day (solved in time, or fixed)."""
    rows = await store.fetch_all(
        "SELECT local_date, count(DISTINCT member_id) FROM streak_events"
        " WHERE group_id = ? GROUP BY local_date",
        (group_id,),
    )
    return {date.fromisoformat(d): int(n) for d, n in rows}


async def members(store: Store, group_id: int) -> list[tuple[int, str, str]]:
    """The group's members: (member id, platform user id, name)."""
    rows = await store.fetch_all(
        "SELECT m.id, m.user_id, m.name FROM members m"
        " JOIN group_members gm ON gm.member_id = m.id WHERE gm.group_id = ? ORDER BY m.name",
        (group_id,),
    )
    return [(int(i), str(u), str(n)) for i, u, n in rows]


async def days_counted(store: Store, group_id: int, since: date | None) -> dict[int, int]:
    """Per member, the distinct days that counted on or after `since` (all time if None)."""
    rows = await store.fetch_all(
        "SELECT member_id, count(DISTINCT local_date) FROM streak_events"
        " WHERE group_id = ? AND local_date >= ? GROUP BY member_id",
        (group_id, (since or date.min).isoformat()),
    )
    return {int(m): int(n) for m, n in rows}
