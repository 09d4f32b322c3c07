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
    examples: tuple[str, ...] = ()

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

BY_NAME: dict[str, Command] = {c.name: c for c in COMMANDS}
