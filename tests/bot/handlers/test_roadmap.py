from bot.core import Core
from bot.messages import Tone
from tests.conftest import make_request


async def test_whole_map_numbers_topics_in_study_order(core: Core) -> None:
    reply = await core.handle(make_request("roadmap"))
    assert reply.title == "The map of ML math"
    assert "5 topics in 2 areas, about 28 hours" in reply.body
    assert [f.name for f in reply.fields] == ["Algebra", "Calculus"]
    algebra, calculus = (f.value for f in reply.fields)
    assert algebra.splitlines() == [
        "1. Vectors (4 h)",
        "2. Matrices (6 h) · after 1",
        "3. Eigenvalues and eigenvectors (8 h) · after 2",
    ]
    assert "5. Gradients (5 h) · after 4, 1" in calculus


async def test_one_topic_in_depth(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "eigen"))
    fields = {f.name: f.value for f in reply.fields}
    assert reply.title == "Eigenvalues and eigenvectors"
    assert reply.body == "Directions a matrix only stretches."
    assert fields["Why it matters for ML"].startswith("PCA keeps")
    assert fields["Before this"] == "Matrices"
    assert fields["What it unlocks"] == "It is a destination in itself."
    assert fields["Study time"] == "About 8 h · level 2 of 3 · Algebra"
    assert "Mystery Course" in fields["Best resources"]


async def test_a_starting_topic_says_so_and_lists_what_it_unlocks(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "vectors"))
    fields = {f.name: f.value for f in reply.fields}
    assert fields["Before this"] == "Nothing: a good place to start."
    assert fields["What it unlocks"] == "Matrices, Gradients"


async def test_an_area(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "calculus"))
    assert reply.title == "Calculus"
    assert reply.fields[0].name == "Topics in study order · about 10 h"
    assert reply.fields[0].value.splitlines() == ["1. Derivatives (5 h)", "2. Gradients (5 h)"]


async def test_unknown_topic_suggests_close_names(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "eignvalues"))
    assert reply.tone is Tone.WARNING and reply.private
    assert "`/roadmap eigenvalues and eigenvectors`" in reply.body


async def test_unknown_topic_without_close_names_lists_areas(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "<script>alert(1)</script>" * 20))
    assert "Try an area (algebra, calculus)" in reply.body
    assert len(reply.body) < 300


async def test_plan_fits_the_weeks(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "goal:job weeks:2"))
    assert reply.title == "2-week plan: Quick track"
    assert reply.tone is Tone.INFO
    names = [f.name for f in reply.fields]
    assert names[:2] == ["Week 1", "Week 2"]
    assert "Left out to fit 2 weeks" in names
    dropped = next(f.value for f in reply.fields if f.name == "Left out to fit 2 weeks")
    assert dropped.startswith("Eigenvalues and eigenvectors (optional)")
    advice = next(f.value for f in reply.fields if f.name == "How to study")
    assert "Build something in week one." in advice


async def test_plan_too_short_says_plainly_what_it_takes(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "goal:job weeks:1 background:none"))
    assert reply.tone is Tone.WARNING
    assert "1 weeks is too short" in reply.body or "1 week is too short" in reply.body
    assert "give it 2 weeks" in reply.body


async def test_plan_without_goal_assumes_one_and_says_which(core: Core) -> None:
    short = await core.handle(make_request("roadmap", "weeks:2"))
    assert "goal:job assumed" in short.body
    long = await core.handle(make_request("roadmap", "weeks:20"))
    assert long.title == "20-week plan: Solid foundations"


async def test_plan_for_a_goal_without_a_track(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "goal:research"))
    assert reply.tone is Tone.WARNING
    assert "goal:research" in reply.body


async def test_topic_and_plan_together_is_explained(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "vectors goal:job"))
    assert reply.title == "A topic or a plan, not both"


async def test_long_plans_stay_within_platform_field_limits(core: Core) -> None:
    reply = await core.handle(make_request("roadmap", "goal:foundations weeks:104"))
    assert len(reply.fields) <= 25
    assert reply.fields[0].name.startswith("Week")
