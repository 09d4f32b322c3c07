"""The command table: declared once, it drives dispatch, /help and every platform's registration."""

from __future__ import annotations

from dataclasses import dataclass

from bot.options import Option


@dataclass(frozen=True)
class Command:
    """One slash command: what it is called, what it takes, who sees the reply."""

    name: str
    summary: str
    argument: str = ""  # what the free text after the command means, e.g. "topic"
    argument_help: str = ""
    options: tuple[Option, ...] = ()
    private: bool = False  # the reply is for the caller only
    acts: bool = False  # changes what is stored: a replayed delivery must not act twice
    examples: tuple[str, ...] = ()
    admin: bool = False  # platforms hide it from members who cannot manage the group
    slow: bool = False  # its work runs in a worker process: platforms acknowledge at once

    def usage(self) -> str:
        """The command as written, e.g. `/resource [topic] [cost:free|paid]`."""
        parts = [f"/{self.name}"]
        if self.argument:
            parts.append(f"[{self.argument}]")
        parts.extend(f"[{o.usage()}]" for o in self.options)
        return " ".join(parts)


_TOPIC_HELP = "a topic or an area, e.g. `eigenvalues` or `linear algebra`"

COMMANDS: tuple[Command, ...] = (
    Command(
        name="help",
        summary="List the commands, or explain one.",
        argument="command",
        argument_help="the command to explain, e.g. `resource`",
        private=True,
        examples=("/help", "/help resource"),
    ),
    Command(
        name="roadmap",
        summary="The map of ML math, one topic in depth, or a week-by-week plan for your goal.",
        argument="topic",
        argument_help=_TOPIC_HELP,
        options=(
            Option(
                "goal", "What you are studying for.", choices=("job", "foundations", "research")
            ),
            Option("weeks", "How many weeks you have.", kind="int", low=1, high=104),
            Option("background", "Your math so far.", choices=("none", "some", "strong")),
        ),
        examples=("/roadmap", "/roadmap eigenvalues", "/roadmap goal:job weeks:8 background:none"),
    ),
    Command(
        name="resource",
        summary="Books, courses and videos the learners recommend, best first.",
        argument="topic",
        argument_help=_TOPIC_HELP,
        options=(
            Option("cost", "Free or paid.", choices=("free", "paid")),
            Option(
                "format", "The kind of resource.", choices=("book", "course", "video", "article")
            ),
            Option("max", "The most you want to spend, in US dollars.", kind="price"),
        ),
        examples=(
            "/resource linear algebra",
            "/resource bayes cost:free",
            "/resource format:book max:50",
        ),
    ),
)

COMMANDS += (
    Command(
        name="problem",
        acts=True,
        summary="Today's problem again; `/problem solution` once you solved it or tried 3 times.",
        argument="solution",
        argument_help="write `solution` to see the worked solution when it is offered",
        private=True,
        examples=("/problem", "/problem solution"),
    ),
    Command(
        name="answer",
        acts=True,
        summary="Answer today's problem (or your practice problem); only you see the verdict.",
        argument="answer",
        argument_help="your answer as you would write it: `3/4`, `2x cos(x^2)`, `[[1,2],[3,4]]`",
        private=True,
        examples=("/answer 3/4", "/answer 2x cos(x^2)", "/answer x = 3 or x = -3"),
        slow=True,
    ),
    Command(
        name="hint",
        acts=True,
        summary="The next hint for the problem you are working on.",
        private=True,
        examples=("/hint",),
    ),
    Command(
        name="practice",
        acts=True,
        summary="A private extra problem, on a topic if you like; it does not count for streaks.",
        argument="topic",
        argument_help=_TOPIC_HELP,
        private=True,
        examples=("/practice", "/practice eigenvalues"),
    ),
    Command(
        name="review",
        summary="Your next spaced review: a fresh problem of a kind you missed (3 a day at most).",
        private=True,
        examples=("/review",),
    ),
    Command(
        name="progress",
        summary="Where you (or a member) stand on the group's track, and what to study next.",
        argument="member",
        argument_help="a member's name; yours without one",
        private=True,
        examples=("/progress", "/progress sam"),
    ),
    Command(
        name="streak",
        summary="Your streak (or a member's), freezes and the last 30 days; `history` for the log.",
        argument="member",
        argument_help="a member's name, or `history` for your streak's audit trail",
        options=(
            Option("show", "The numbers, or the audit trail.", choices=("streak", "history")),
        ),
        private=True,
        examples=("/streak", "/streak history", "/streak sam show:history"),
    ),
    Command(
        name="leaderboard",
        summary="Who solved the most daily problems this week, this month or ever.",
        argument="period",
        argument_help="`week` (default), `month` or `all`",
        examples=("/leaderboard", "/leaderboard month"),
    ),
    Command(
        name="config",
        acts=True,
        summary="Show the group's daily settings; admins change them with key:value.",
        argument="streak-fix",
        argument_help="`streak-fix MEMBER YYYY-MM-DD [note]` counts a day for a member (admins)",
        options=(
            Option("channel", "Where the daily problem is posted (default: here)."),
            Option("time", "Time of day for the daily problem, e.g. 09:00 or 7pm."),
            Option(
                "timezone",
                "The group's IANA timezone, e.g. Europe/Berlin.",
                autocomplete="timezone",
            ),
            Option(
                "difficulty",
                "Difficulty range, e.g. 1-2.",
                choices=("1", "2", "3", "1-2", "2-3", "1-3"),
            ),
            Option(
                "track",
                "Study track to draw problems from, or all.",
                autocomplete="track",
            ),
            Option(
                "topics",
                "Comma-separated topics to draw from instead of a track.",
                autocomplete="topic",
            ),
            Option("daily", "Daily problem on or off.", choices=("on", "off")),
            Option(
                "threshold",
                "Members who must solve for the group streak.",
                kind="int",
                low=1,
                high=50,
            ),
            Option(
                "weeks",
                "Follow the track as a plan of this many weeks.",
                kind="int",
                low=1,
                high=104,
            ),
            Option("start", "The plan's first day, YYYY-MM-DD (default: today)."),
            Option("background", "The group's math so far.", choices=("none", "some", "strong")),
            Option("recap", "The weekly recap on Mondays, on or off.", choices=("on", "off")),
            Option("theme", "The pictures' card: light or dark.", choices=("light", "dark")),
        ),
        examples=(
            "/config",
            "/config track:job weeks:8 start:2026-12-07 background:some",
            "/config time:09:00 timezone:Europe/Berlin difficulty:1-2 track:job daily:on",
            "/config streak-fix sam 2026-11-20 bot was down",
        ),
        admin=True,
    ),
)

BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
