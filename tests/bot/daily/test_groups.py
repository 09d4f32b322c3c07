from bot.daily import daily_group, daily_groups
from bot.messages import GroupRef
from bot.store import Store
from tests.bot.daily.fakes import add_group


async def test_only_groups_with_the_daily_post_on(store: Store) -> None:
    berlin = await add_group(store, "berlin", at="7pm", zone="Europe/Berlin")
    await add_group(store, "quiet", daily="off")
    await store.ensure_group(GroupRef("test", "ws", "unset"))
    shouting = await add_group(store, "loud", daily="ON")
    found = await daily_groups(store)
    assert [group.group_id for group in found] == [berlin, shouting]
    first = found[0]
    assert first.ref == GroupRef("test", "ws", "berlin", "berlin")
    assert (first.settings.time.hour, first.settings.timezone) == (19, "Europe/Berlin")


async def test_one_group(store: Store) -> None:
    on = await add_group(store, "on")
    off = await add_group(store, "off", daily="off")
    found = await daily_group(store, on)
    assert found is not None and found.group_id == on
    assert await daily_group(store, off) is None
    assert await daily_group(store, 999) is None
