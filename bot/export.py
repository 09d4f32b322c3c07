"""`studybot export`: the whole database as JSON, with streaks recomputed from their events."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime
from typing import Any

from bot import streaks
from bot.challenge import records
from bot.group_settings import from_strings
from bot.problems.snapshot import from_json
from bot.store import Store, workspaces


async def export(store: Store, now: datetime) -> dict[str, Any]:
    """Groups with settings, posts, submissions, member and group streaks as of `now`, and
    the installed workspaces (whether they take posts; never their tokens)."""
    groups = await store.fetch_all("SELECT id, platform, workspace, channel, name FROM groups")
    out: dict[str, Any] = {"exported_at": now.isoformat(timespec="seconds"), "groups": []}
    out |= {"posts": [], "submissions": [], "streaks": [], "group_streaks": []}
    out["workspaces"] = [asdict(state) for state in await workspaces.states(store)]
    for group_id, platform, workspace, channel, name in groups:
        key = f"{platform}:{workspace}:{channel}"
        stored = await store.settings(group_id)
        settings = from_strings(stored)
        out["groups"].append({"group": key, "name": name, "settings": settings.to_strings()})
        open_from = streaks.first_open_day(now, settings.zone)
        posted = await records.posted_days(store, group_id)
        for row in await store.fetch_all(
            "SELECT local_date, problem_id, problem, posted_at, status, attempts, last_error,"
            " retry_at, maybe_posted FROM posts WHERE group_id = ? ORDER BY local_date",
            (group_id,),
        ):
            out["posts"].append(
                {
                    "group": key,
                    "local_date": row[0],
                    "problem_id": row[1],
                    "expected_answer": from_json(row[2]).answer,
                    "posted_at": row[3],
                    "status": row[4],
                    "attempts": row[5],
                    "last_error": row[6],
                    "retry_at": row[7],
                    "maybe_posted": bool(row[8]),
                }
            )
        people = await records.members(store, group_id)
        for member_id, user_id, _ in people:
            solved, fixed = await records.streak_days(store, group_id, member_id)
            standing = streaks.member_streak(posted, solved, fixed, open_from=open_from)
            out["streaks"].append(
                {
                    "group": key,
                    "user": user_id,
                    "current": standing.current,
                    "longest": standing.longest,
                    "freezes": standing.freezes,
                }
            )
        group = streaks.group_streak(
            posted,
            await records.solvers_per_day(store, group_id),
            settings.group_threshold(len(people)),
            open_from=open_from,
        )
        out["group_streaks"].append(
            {"group": key, "current": group.current, "longest": group.longest}
        )
    for row in await store.fetch_all(
        "SELECT g.platform || ':' || g.workspace || ':' || g.channel, m.user_id, s.problem_id,"
        " s.correct, s.at, s.post_id IS NULL FROM submissions s"
        " JOIN groups g ON g.id = s.group_id JOIN members m ON m.id = s.member_id ORDER BY s.id"
    ):
        out["submissions"].append(
            {
                "group": row[0],
                "user": row[1],
                "problem_id": row[2],
                "correct": bool(row[3]),
                "at": row[4],
                "practice": bool(row[5]),
            }
        )
    return out
