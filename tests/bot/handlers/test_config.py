from dataclasses import replace

from bot.core import Core
from bot.messages import Tone
from tests.conftest import make_request


def admin(command: str, text: str = "", user: str = "ada"):  # type: ignore[no-untyped-def]
    return replace(make_request(command, text, user), is_admin=True)


async def _settings(core: Core) -> dict[str, str]:
    group_id = await core.context.store.ensure_group(make_request("help").group)
    return await core.context.store.settings(group_id)


async def test_show_defaults_says_the_daily_is_off(core: Core) -> None:
    reply = await core.handle(make_request("config"))
    assert "The daily problem is off" in reply.body
    fields = {f.name: f.value for f in reply.fields}
    assert fields["Posted at"] == "09:00 UTC, in this channel"
    assert fields["Problems from"] == "every topic, difficulty 1 to 3"


async def test_members_cannot_change_settings(core: Core) -> None:
    reply = await core.handle(make_request("config", "time:07:00"))
    assert reply.tone is Tone.WARNING and "Only group admins" in reply.body
    assert await _settings(core) == {}


async def test_admin_change_is_saved_and_starts_the_daily(core: Core) -> None:
    reply = await core.handle(admin("config", "time:7pm timezone:europe/berlin difficulty:1-2"))
    assert reply.tone is Tone.SUCCESS
    stored = await _settings(core)
    assert stored["time"] == "19:00" and stored["timezone"] == "Europe/Berlin"
    assert stored["difficulty"] == "1-2" and stored["daily"] == "on"
    assert stored["configured_by"] != ""


async def test_daily_off_is_respected(core: Core) -> None:
    await core.handle(admin("config", "daily:off time:08:00"))
    assert (await _settings(core))["daily"] == "off"


async def test_bad_values_change_nothing(core: Core) -> None:
    await core.handle(admin("config", "time:09:00"))
    before = await _settings(core)
    for text, message in [
        ("timezone:Europe/Berlinn time:10:00", "Did you mean `Europe/Berlin`"),
        ("time:25:00", "hours go to 23"),
        ("track:astrology", "is not a track; choose foundations, job or all"),
        ("topics:vectors,quantum", "`quantum` is not a topic"),
        ("threshold:0", "from 1 to 50"),
    ]:
        reply = await core.handle(admin("config", text))
        assert reply.tone in {Tone.WARNING, Tone.ERROR} and reply.private
        assert message in reply.body, (text, reply.body)
        assert await _settings(core) == before


async def test_topics_resolve_names_to_ids(core: Core) -> None:
    await core.handle(admin("config", 'topics:"eigen, vector"'))
    assert (await _settings(core))["topics"] == "eigenvalues,vectors"


async def test_rescheduling_is_requested_after_a_change(core: Core) -> None:
    seen: list[int] = []

    async def reschedule(group_id: int) -> None:
        seen.append(group_id)

    core.context = replace(core.context, reschedule=reschedule)
    await core.handle(admin("config", "time:06:30"))
    await core.handle(make_request("config"))
    assert len(seen) == 1


async def test_streak_fix(core: Core) -> None:
    await core.handle(make_request("help", user="sam"))
    assert (
        "Only group admins"
        in (await core.handle(make_request("config", "streak-fix sam 2026-11-20"))).body
    )
    assert (
        "No member called" in (await core.handle(admin("config", "streak-fix zed 2026-11-20"))).body
    )
    assert "not a date" in (await core.handle(admin("config", "streak-fix sam 20/11"))).body
    assert (
        "not happened yet" in (await core.handle(admin("config", "streak-fix sam 2026-12-25"))).body
    )
    reply = await core.handle(admin("config", "streak-fix sam 2026-11-20 the bot was down"))
    assert reply.tone is Tone.SUCCESS
    rows = await core.context.store.fetch_all("SELECT local_date, kind, note FROM streak_events")
    assert [tuple(r) for r in rows] == [("2026-11-20", "fix", "the bot was down")]
