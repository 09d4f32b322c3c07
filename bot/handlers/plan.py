"""The week-by-week plan reply of /roadmap goal:… weeks:… background:…."""

from __future__ import annotations

from bot.content import Catalog
from bot.messages import Field, Reply, Tone
from bot.options import Args
from bot.planning import Plan, Week, make_plan

MAX_BLOCKS = 20  # keeps a plan within every platform's field limits
SHORT_TRACK_WEEKS = 12  # without goal:, plans up to this long follow the job track


def reply(catalog: Catalog, args: Args) -> Reply:
    """Fit the chosen track into the weeks given and describe it week by week."""
    weeks_given = args.get("weeks")
    goal = str(args.get("goal") or "")
    assumed = not goal
    if assumed:
        goal = (
            "job" if weeks_given is None or int(weeks_given) <= SHORT_TRACK_WEEKS else "foundations"
        )
    roadmap = catalog.roadmap_for(goal)
    if roadmap is None:
        return Reply(
            title="No study track for that goal yet", body=f"goal:{goal}", tone=Tone.WARNING
        )
    weeks = int(weeks_given) if weeks_given is not None else roadmap.default_weeks
    background = str(args.get("background") or roadmap.default_background)
    planned = make_plan(catalog, roadmap, weeks, background)
    notes = []
    if assumed:
        notes.append(f"(goal:{goal} assumed; add goal:job, goal:foundations or goal:research.)")
    if "background" not in args:
        notes.append(f"(background:{background} assumed; add background:none, some or strong.)")
    return describe(catalog, planned, [roadmap.summary, pace(planned), *notes])


def describe(catalog: Catalog, planned: Plan, body: list[str]) -> Reply:
    """A plan week by week, under the paragraphs of `body`."""
    roadmap, weeks, goal = planned.roadmap, len(planned.weeks), planned.roadmap.goal
    fields = [_block(catalog, block) for block in _blocks(planned.weeks)]
    if planned.dropped:
        fields.append(
            Field(
                f"Left out to fit {weeks} weeks",
                ", ".join(f"{catalog.topics[s.topic].name} ({s.priority})" for s in planned.dropped)
                + ". Pick them up later: `/roadmap TOPIC` says what each one needs.",
            )
        )
    advice = [a.text for a in catalog.advice if goal in a.goals][:3]
    if advice:
        fields.append(Field("How to study", "\n".join(f"• {a}" for a in advice)))
    return Reply(
        title=f"{weeks}-week plan: {roadmap.name}",
        body="\n\n".join(body),
        fields=tuple(fields),
        tone=Tone.WARNING if planned.too_short else Tone.INFO,
        footer=f"For: {roadmap.audience}",
    )


def pace(planned: Plan) -> str:
    """The plan's hours a week, and a warning when the weeks are too few."""
    weeks = len(planned.weeks)
    usual = planned.roadmap.hours_per_week
    text = (
        f"About {planned.hours_per_week:g} h a week, {planned.total_hours:g} h in all "
        f"(background: {planned.background})."
    )
    if planned.too_short:
        text += (
            f" {weeks} weeks is too short for this track at its usual {usual:g} h a week: even "
            f"after leaving out every optional and recommended topic, the core needs "
            f"{planned.total_hours:g} h. Find {planned.hours_per_week:g} h a week, or give it "
            f"{planned.weeks_needed_at_usual_pace} weeks."
        )
    return text


def _blocks(weeks: tuple[Week, ...]) -> list[list[Week]]:
    """Group runs of weeks spent on the same topics, merging pairs until few enough."""
    blocks: list[list[Week]] = []
    for week in weeks:
        same = blocks and _topics(blocks[-1][-1]) == _topics(week)
        if same:
            blocks[-1].append(week)
        else:
            blocks.append([week])
    while len(blocks) > MAX_BLOCKS:
        blocks = [[w for b in blocks[i : i + 2] for w in b] for i in range(0, len(blocks), 2)]
    return blocks


def _topics(week: Week) -> tuple[str, ...]:
    return tuple(p.step.topic for p in week.topics)


def _block(catalog: Catalog, block: list[Week]) -> Field:
    first, last = block[0].number, block[-1].number
    name = f"Week {first}" if first == last else f"Weeks {first} to {last}"
    hours: dict[str, float] = {}
    focus: dict[str, str] = {}
    for week in block:
        for part in week.topics:
            hours[part.step.topic] = hours.get(part.step.topic, 0) + part.hours
            focus[part.step.topic] = part.step.focus
    lines = [
        f"• {catalog.topics[t].name} ({h:.1f} h): {focus[t]}".replace(".0 h", " h")
        for t, h in hours.items()
    ]
    return Field(name, "\n".join(lines) or "Review and practice.")
