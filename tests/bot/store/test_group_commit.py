import asyncio

import pytest

from bot.store.group_commit import GroupCommit


class Writer:
    """A write_many that records its batches and can be held mid-write."""

    def __init__(self) -> None:
        self.batches: list[list[int]] = []
        self.release = asyncio.Event()
        self.release.set()
        self.fail_on: int | None = None

    async def __call__(self, items: list[int]) -> list[str]:
        self.batches.append(items)
        await self.release.wait()
        if self.fail_on in items:
            raise OSError("disk full")
        return [f"row-{item}" for item in items]


async def first_write_held(writer: Writer) -> tuple[GroupCommit[int, str], asyncio.Task[str]]:
    """A GroupCommit over `writer` whose first write (of 1) is under way and held."""
    writer.release.clear()
    commit = GroupCommit(writer)
    first = asyncio.create_task(commit(1))
    await asyncio.sleep(0)
    await asyncio.sleep(0)  # the writer task has taken [1] and waits for the release
    return commit, first


async def test_a_lone_write_goes_alone() -> None:
    writer = Writer()
    commit = GroupCommit(writer)
    assert await commit(1) == "row-1"
    assert await commit(2) == "row-2"
    assert writer.batches == [[1], [2]]


async def test_writes_that_wait_go_together_and_each_gets_its_own_result() -> None:
    writer = Writer()
    commit, first = await first_write_held(writer)
    rest = [asyncio.create_task(commit(n)) for n in range(2, 6)]
    await asyncio.sleep(0)
    writer.release.set()
    assert await first == "row-1"
    assert await asyncio.gather(*rest) == ["row-2", "row-3", "row-4", "row-5"]
    assert writer.batches == [[1], [2, 3, 4, 5]]


async def test_a_failed_batch_fails_its_callers_and_the_next_batch_still_goes() -> None:
    writer = Writer()
    writer.fail_on = 1
    commit, first = await first_write_held(writer)
    later = asyncio.create_task(commit(2))
    writer.release.set()
    with pytest.raises(OSError, match="disk full"):
        await first
    assert await later == "row-2"


async def test_a_caller_that_gives_up_does_not_stop_the_others() -> None:
    writer = Writer()
    commit, first = await first_write_held(writer)
    quitter, stayer = asyncio.create_task(commit(2)), asyncio.create_task(commit(3))
    await asyncio.sleep(0)
    quitter.cancel()
    writer.release.set()
    assert await first == "row-1" and await stayer == "row-3"
    assert quitter.cancelled()
    assert writer.batches == [[1], [2, 3]]  # its write still happened
