from dataclasses import replace
from datetime import timedelta

from bot.core import Core
from tests.conftest import make_request, publish


async def test_streak_after_solving_and_the_strip(core: Core) -> None:
    clock = core.context.clock
    for _ in range(3):
        day = (clock.now()).date().isoformat()
        await publish(core, day, "vectors-sum")
        await core.handle(make_request("answer", "[4, 6]"))
        clock.advance(timedelta(days=1))
    reply = await core.handle(make_request("streak"))
    assert reply.title == "Your streak" and reply.private
    assert reply.body.startswith("Current: 3 · Longest: 3 · Freezes banked: 0 of 2")
    strip = reply.fields[0].value.splitlines()[0]
    assert strip.endswith("■■■·`")  # three solved days, today has no post yet
    assert len(strip.strip("`")) == 30
    assert reply.fields[1].value == "3 (longest 3)"  # a group of one needs one solver


async def test_history_and_other_members(core: Core) -> None:
    await publish(core, "2026-11-20", "vectors-length")
    await publish(core, "2026-11-21", "vectors-sum")
    await core.handle(make_request("answer", "[4, 6]", user="sam"))
    history = await core.handle(make_request("streak", "sam history"))
    assert history.title == "Sam's streak history"
    assert history.body.splitlines() == [
        "2026-11-20 missed, the streak restarted · streak 0",
        "2026-11-21 solved · streak 1",
    ]
    fix = replace(make_request("config", "streak-fix sam 2026-11-20 was offline"), is_admin=True)
    await core.handle(fix)
    fixed = await core.handle(make_request("streak", "sam history"))
    assert fixed.body.splitlines()[0].startswith("2026-11-20 counted by an admin · streak 1")
    assert "(was offline)" in fixed.body
    other = await core.handle(make_request("streak", "Sam"))
    assert other.title == "Sam's streak" and "Current: 2" in other.body
    assert (await core.handle(make_request("streak", "nobody"))).title == "Who?"


async def test_history_as_an_option_for_platforms_with_a_member_picker(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    await core.handle(make_request("answer", "[4, 6]"))
    typed = await core.handle(make_request("streak", "history"))
    picked = await core.handle(make_request("streak", "", show="history"))
    assert typed.body == picked.body == "2026-11-21 solved · streak 1"


async def test_streak_attaches_the_calendar_and_a_dark_group_gets_a_dark_one(core: Core) -> None:
    import io

    from PIL import Image

    from bot.pictures.calendar import cell_box, state_colour

    await publish(core, core.context.clock.now().date().isoformat(), "vectors-sum")
    await core.handle(make_request("answer", "[4, 6]"))
    [picture] = (await core.handle(make_request("streak"))).images
    assert picture.name == "calendar.png" and "current 1" in picture.alt
    today = core.context.clock.now().date()
    left, top, right, bottom = cell_box(today, today)
    image = Image.open(io.BytesIO(picture.data)).convert("RGB")
    assert image.getpixel(((left + right) // 2, (top + bottom) // 2)) == state_colour(
        "solved", "light"
    )
    await core.handle(replace(make_request("config", "theme:dark"), is_admin=True))
    [dark] = (await core.handle(make_request("streak"))).images
    assert sum(Image.open(io.BytesIO(dark.data)).convert("RGB").getpixel((2, 2))) < 200
