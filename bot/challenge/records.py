"""What the daily challenge reads and writes: posts, attempts, hints, practice, streak events."""

from __future__ import annotations

import functools
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime

from bot import streaks
from bot.daily.groups import settings_of
from bot.group_settings import GroupSettings
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
    card_id: int | None = None  # set when it is a review of that card
    rated: bool = False  # the review's result has rated its card

    @property
    def is_review(self) -> bool:
        """Whether this practice problem is a review still waiting for its result."""
        return self.card_id is not None and not self.rated


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


@functools.lru_cache(maxsize=256)
def _problem(snapshot: str) -> Problem:
    """A frozen problem, parsed once: the day's post is read again for every answer to it."""
    return from_json(snapshot)


def _post(row: tuple) -> Post:
    return Post(row[0], row[1], date.fromisoformat(row[2]), _problem(row[3]), row[4] or "")


_POST_COLUMNS = "id, group_id, local_date, problem, posted_at"


async def latest_post(store: Store, group_id: int) -> Post | None:
    """The group's most recent daily problem that was sent."""
    rows = await store.fetch_all(
        f"SELECT {_POST_COLUMNS} FROM posts WHERE group_id = ? AND status = 'sent'"
        " ORDER BY local_date DESC LIMIT 1",
        (group_id,),
    )
    return _post(tuple(rows[0])) if rows else None


@dataclass(frozen=True)
class Solved:
    """The worked solution of a group's previous daily problem, and how many solved it."""

    solution: str
    answer: str
    solvers: int


async def solutions_before(
    store: Store, wanted: Iterable[tuple[int, date]]
) -> dict[tuple[int, date], Solved]:
    """For each (group, day), its last problem sent before that day, if any; one read for all."""
    rows = await store.fetch_all(
        "SELECT w.group_id, w.day, json_extract(p.problem, '$.solution'),"
        " json_extract(p.problem, '$.answer'), (SELECT count(DISTINCT member_id)"
        " FROM submissions WHERE post_id = p.id AND correct = 1)"
        " FROM (SELECT json_extract(value, '$[0]') AS group_id, json_extract(value, '$[1]')"
        " AS day FROM json_each(?)) AS w JOIN posts p ON p.id = (SELECT id FROM posts"
        " WHERE group_id = w.group_id AND status = 'sent' AND local_date < w.day"
        " ORDER BY local_date DESC LIMIT 1)",
        (json.dumps([[group_id, day.isoformat()] for group_id, day in wanted]),),
    )
    return {
        (int(group_id), date.fromisoformat(day)): Solved(str(solution), str(answer), int(solved))
        for group_id, day, solution, answer, solved in rows
    }


async def posted_days(store: Store, group_id: int) -> list[date]:
    """Every local date on which the group got its daily problem."""
    rows = await store.fetch_all(
        "SELECT local_date FROM posts WHERE group_id = ? AND status = 'sent' ORDER BY local_date",
        (group_id,),
    )
    return [date.fromisoformat(r[0]) for r in rows]


async def used_problem_ids(store: Store, group_ids: Iterable[int]) -> dict[int, list[str]]:
    """Problem ids each group has been given as daily problems, claimed or sent."""
    used: dict[int, list[str]] = {group_id: [] for group_id in group_ids}
    rows = await store.fetch_all(
        "SELECT group_id, problem_id FROM posts WHERE group_id IN (SELECT value FROM json_each(?))",
        (json.dumps(list(used)),),
    )
    for group_id, problem_id in rows:
        used[int(group_id)].append(str(problem_id))
    return used


def _attempts(post: str) -> str:
    """Member ?2's wrong and right answers to `post`, as two columns.

    correct is 0 or 1, so `= 0` means NOT correct; written this way the submissions_post
    index goes straight to the member's rows instead of every answer to the post.
    """
    return (
        f"(SELECT count(*) FROM submissions WHERE post_id = {post} AND correct = 0"
        " AND member_id = ?2),"
        f" (SELECT count(*) FROM submissions WHERE post_id = {post} AND correct = 1"
        " AND member_id = ?2)"
    )


async def progress(store: Store, post_id: int, member_id: int) -> Progress:
    """How far a member has got with a daily problem."""
    rows = await store.fetch_all(
        f"SELECT {_attempts('?1')},"
        " (SELECT hints FROM hints_taken WHERE post_id = ?1 AND member_id = ?2),"
        " (SELECT solution_seen_at FROM hints_taken WHERE post_id = ?1 AND member_id = ?2)",
        (post_id, member_id),
    )
    wrong, right, hints, seen = rows[0]
    return Progress(int(wrong), bool(right), int(hints or 0), seen is not None)


@dataclass(frozen=True)
class Answering:
    """What answering reads about a member, in one go."""

    post: Post | None  # the group's latest sent daily problem
    progress: Progress  # the member's, on that post
    practice: Practice | None  # the member's practice problem
    settings: GroupSettings  # the group's


async def answering(store: Store, group_id: int, member_id: int) -> Answering:
    """In one read: the latest post with the member's progress, their practice, the settings."""
    rows = await store.fetch_all(
        f"SELECT p.id, p.group_id, p.local_date, p.problem, p.posted_at, {_attempts('p.id')},"
        " h.hints, h.solution_seen_at,"
        " r.group_id, r.problem, r.hints, r.created_at, r.solved_at, r.card_id, r.rated_at,"
        " (SELECT json_group_object(key, value) FROM group_settings WHERE group_id = ?1)"
        " FROM (SELECT 1)"
        f" LEFT JOIN (SELECT {_POST_COLUMNS} FROM posts WHERE group_id = ?1 AND status = 'sent'"
        " ORDER BY local_date DESC LIMIT 1) p ON 1"
        " LEFT JOIN hints_taken h ON h.post_id = p.id AND h.member_id = ?2"
        " LEFT JOIN practice r ON r.group_id = ?1 AND r.member_id = ?2",
        (group_id, member_id),
    )
    row = tuple(rows[0])
    post = _post(row[:5]) if row[0] is not None else None
    wrong, right, hints, seen = row[5:9]
    progress = (
        Progress(int(wrong), bool(right), int(hints or 0), seen is not None)
        if post is not None
        else Progress()
    )
    practice = (
        Practice(
            _problem(row[10]),
            int(row[11]),
            row[12],
            row[13] is not None,
            None if row[14] is None else int(row[14]),
            row[15] is not None,
        )
        if row[9] is not None
        else None
    )
    return Answering(post, progress, practice, settings_of(row[16] or "{}"))


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
    """Store an answer; a correct daily answer in time also records the solved day.

    One statement does it all: the answers_in view's trigger (migration 0003) inserts the
    submission, the 'solved' streak event when `streak_day` is set, and marks a correct
    practice answer solved, atomically, in one trip to the database thread.
    """
    await store.write(
        "INSERT INTO answers_in"
        " (group_id, member_id, post_id, problem_id, answer, correct, mistake, at, streak_day)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (
            group_id,
            member_id,
            post_id,
            problem_id,
            answer,
            int(correct),
            mistake,
            _stamp(at),
            None if streak_day is None else streak_day.isoformat(),
        ),
    )


async def record_shown(
    store: Store, post_id: int, member_id: int, at: datetime, *, hints: int, solution: bool
) -> None:
    """Remember how many hints a member has seen, and whether they saw the solution."""
    await store.write(
        "INSERT INTO hints_taken (post_id, member_id, hints, solution_seen_at, at)"
        " VALUES (?1, ?2, ?3, CASE WHEN ?4 THEN ?5 END, ?5)"
        " ON CONFLICT (post_id, member_id) DO UPDATE SET"
        " hints = max(hints, excluded.hints), at = excluded.at,"
        " solution_seen_at = coalesce(solution_seen_at, excluded.solution_seen_at)",
        (post_id, member_id, hints, int(solution), _stamp(at)),
    )


async def start_practice(
    store: Store,
    group_id: int,
    member_id: int,
    problem: Problem,
    at: datetime,
    card_id: int | None = None,
) -> None:
    """Give the member a new practice problem (a review of `card_id`), replacing any open one."""
    await store.write(
        "INSERT INTO practice (group_id, member_id, problem_id, problem, hints, created_at,"
        " card_id) VALUES (?, ?, ?, ?, 0, ?, ?) ON CONFLICT (group_id, member_id) DO UPDATE SET"
        " problem_id = excluded.problem_id, problem = excluded.problem, hints = 0,"
        " created_at = excluded.created_at, solved_at = NULL, card_id = excluded.card_id,"
        " rated_at = NULL",
        (group_id, member_id, problem.id, to_json(problem), _stamp(at), card_id),
    )


async def practice_wrong(store: Store, group_id: int, member_id: int, practice: Practice) -> int:
    """The member's wrong answers to their current practice problem."""
    rows = await store.fetch_all(
        "SELECT count(*) FROM submissions WHERE group_id = ? AND member_id = ?"
        " AND post_id IS NULL AND problem_id = ? AND correct = 0 AND at >= ?",
        (group_id, member_id, practice.problem.id, practice.created_at),
    )
    return int(rows[0][0])


async def mark_rated(store: Store, group_id: int, member_id: int, at: datetime) -> None:
    """The member's review has rated its card: later answers to it rate nothing."""
    await store.write(
        "UPDATE practice SET rated_at = ? WHERE group_id = ? AND member_id = ?",
        (_stamp(at), group_id, member_id),
    )


async def practice_hint_shown(store: Store, group_id: int, member_id: int, hints: int) -> None:
    """Remember how many hints of the practice problem a member has seen."""
    await store.write(
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


async def member_streak_days(
    store: Store, group_id: int, member_id: int
) -> tuple[list[date], set[date], list[streaks.Fix]]:
    """In one read: posted_days, then streak_days (solved days and fixes) for one member."""
    rows = await store.fetch_all(
        "SELECT 0, local_date, '', '', '', local_date FROM posts"
        " WHERE group_id = ?1 AND status = 'sent'"
        " UNION ALL"
        " SELECT 1, e.local_date, e.kind, coalesce(m.name, ''), e.note, e.id FROM streak_events e"
        " LEFT JOIN members m ON m.id = e.by_member WHERE e.group_id = ?1 AND e.member_id = ?2"
        " ORDER BY 1, 6",
        (group_id, member_id),
    )
    posted = [date.fromisoformat(d) for source, d, *_ in rows if source == 0]
    events = [row[1:5] for row in rows if row[0] == 1]
    solved = {date.fromisoformat(d) for d, kind, _, _ in events if kind == "solved"}
    fixed = [
        streaks.Fix(date.fromisoformat(d), by, note)
        for d, kind, by, note in events
        if kind == "fix"
    ]
    return posted, solved, fixed


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
    await store.write(
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
