"""Group commit: writes that arrive while one batch is being written go together in the next."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from typing import Generic, TypeVar

T = TypeVar("T")
R = TypeVar("R")


class GroupCommit(Generic[T, R]):
    """Calls `write_many` with every item submitted since its last call began.

    A lone item is written on the loop's next turn; only items that arrive while a batch
    is being written wait, as they would have for the write lock, and go together. So a
    burst of N writes costs a few transactions instead of N, and a trickle costs no delay.
    """

    def __init__(self, write_many: Callable[[list[T]], Awaitable[Sequence[R]]]) -> None:
        self._write_many = write_many
        self._waiting: list[tuple[T, asyncio.Future[R]]] = []
        self._writer: asyncio.Task[None] | None = None

    async def __call__(self, item: T) -> R:
        """Write `item` with whatever else is waiting; its result, in the order given."""
        future: asyncio.Future[R] = asyncio.get_running_loop().create_future()
        self._waiting.append((item, future))
        if self._writer is None or self._writer.done():
            self._writer = asyncio.create_task(self._write_waiting())
        # A caller that gives up cancels only its own future; its item is written anyway.
        return await future

    async def _write_waiting(self) -> None:
        """Write batches until nothing waits; each item's future gets its result or the error."""
        while self._waiting:
            batch, self._waiting = self._waiting, []
            try:
                results = await self._write_many([item for item, _ in batch])
            except Exception as error:
                for _, future in batch:
                    if not future.done():
                        future.set_exception(error)
                continue
            except BaseException:  # cancelled: nobody will write what waits
                for _, future in [*batch, *self._waiting]:
                    future.cancel()
                self._waiting = []
                raise
            for (_, future), result in zip(batch, results, strict=True):
                if not future.done():
                    future.set_result(result)
