"""The worker processes: answer checks, template variants and pictures, killable on timeout."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import multiprocessing
import resource
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Mapping, Sequence
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from types import TracebackType
from typing import TYPE_CHECKING, Any, TypeVar

from pebble import ProcessExpired, ProcessPool

from bot.checker.errors import AuthorError
from bot.checker.options import Options
from bot.checker.verdict import Verdict
from bot.pictures.cache import PictureCache, picture_key

if TYPE_CHECKING:
    from bot.problems.model import Problem

log = logging.getLogger(__name__)

# The fork server imports these once and forks every worker from itself, so the workers
# share one copy of sympy and the templates, and a recycled worker starts warm.
# ("__main__", multiprocessing's own default, spares each worker importing the script.)
PRELOAD = ["__main__", "bot.checker.warmup", "bot.problems.templates", "bot.pictures.warmup"]
STOP_WAIT = 30.0  # seconds close() waits for workers still starting
PICTURE_TIMEOUT = 10.0  # seconds; a picture that takes longer is not worth the wait
# Pictures drawn ahead (for a post: nobody waits) use one worker at a time, so a fan-out's
# cards never crowd out the checks and variants; beyond this many waiting, none is started.
AHEAD_AT_ONCE = 1
AHEAD_BACKLOG = 200

TOO_SLOW = (
    "That answer took too long to check. Try writing it more simply (this attempt does not count)."
)
TOO_BIG = "That answer needed too much memory to check (this attempt does not count)."
BROKEN = "Something went wrong while checking that answer (this attempt does not count)."

T = TypeVar("T")
Diagnosis = tuple[Verdict, int | None]
Task = Callable[[str, str, str | None, dict[str, Any], tuple[str, ...]], Diagnosis]


def run_check(
    expected: str,
    submitted: str,
    kind: str | None,
    options: dict[str, Any],
    mistakes: tuple[str, ...] = (),
) -> Diagnosis:
    """The task a worker runs: the verdict, and which anticipated mistake a wrong answer is."""
    from bot.checker.check import diagnose  # here: the bot process never loads sympy

    return diagnose(expected, submitted, mistakes, kind=kind, **options)


def run_variant(template_id: str, seed: int) -> Problem:
    """The task that makes a template's variant in a worker (templates compute with sympy)."""
    from bot.problems.engine import generate  # here: the bot process never loads sympy
    from bot.problems.templates import TEMPLATES

    template = next((t for t in TEMPLATES if t.id == template_id), None)
    if template is None:
        raise LookupError(f"no template has the id {template_id!r}")
    return generate(template, seed)


def run_picture(kind: str, theme: str, payload: dict[str, Any]) -> bytes:
    """The task that draws a picture in a worker (the renderers load only there)."""
    from bot.pictures.draw import draw

    return draw(kind, theme, payload)


def _initialize(memory_mb: int | None) -> None:
    """Cap the worker's memory, then load sympy and the grammar before the first check."""
    if memory_mb:
        limit = memory_mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    import bot.checker.warmup  # noqa: F401  (already loaded when forked from the fork server)


def _warm() -> bool:
    return True


class Workers:
    """The worker pool: checks answers (with a timeout and a cache), makes variants and pictures."""

    def __init__(
        self,
        workers: int = 2,
        timeout: float = 2.0,
        memory_mb: int | None = 1024,
        cache_size: int = 4096,
        max_tasks: int = 2000,
        task: Task = run_check,
        start_method: str | None = "forkserver",
    ) -> None:
        """Configure the pool; nothing starts until start() or `async with`.

        timeout is per check in seconds, memory_mb caps each worker's address space
        (None: no cap), max_tasks recycles a worker after that many checks, cache_size
        keeps that many recent verdicts, task replaces the work function (for tests).
        """
        if workers < 1 or timeout <= 0 or cache_size < 0:
            raise ValueError("workers >= 1, timeout > 0 and cache_size >= 0 are required")
        self.workers, self.timeout, self.memory_mb = workers, timeout, memory_mb
        self.cache_size, self.max_tasks, self._task = cache_size, max_tasks, task
        # "forkserver" never forks the bot's process, which runs other threads.
        self._context = multiprocessing.get_context(start_method)
        if self._context.get_start_method() == "forkserver":
            self._context.set_forkserver_preload(PRELOAD)
        self._cache: OrderedDict[Hashable, Diagnosis] = OrderedDict()
        self.pictures = PictureCache()
        self._drawing: dict[str, asyncio.Future[bytes | None]] = {}
        self._ahead: tuple[asyncio.AbstractEventLoop, asyncio.Semaphore] | None = None
        self._pool: ProcessPool | None = None
        self._launched: Future[list[Future[bool]]] = Future()

    async def start(self) -> None:
        """Start the workers without waiting for them: they load sympy in the background.

        A check sent meanwhile waits for a ready worker; `ready()` waits for all of them.
        """
        if self._pool is not None:
            return
        pool = ProcessPool(
            max_workers=self.workers,
            max_tasks=self.max_tasks,
            initializer=_initialize,
            initargs=(self.memory_mb,),
            context=self._context,
        )
        self._pool = pool
        # The first task starts every worker, which waits for the fork server to load
        # sympy: on a thread of its own, off the event loop. Each worker warms up first.
        self._launched = _in_thread(lambda: [pool.schedule(_warm) for _ in range(self.workers)])

    async def ready(self) -> None:
        """Wait until the workers have loaded sympy and the grammar."""
        self._started()
        warming = await asyncio.wrap_future(self._launched)
        await asyncio.gather(*(asyncio.wrap_future(f) for f in warming))

    async def close(self) -> None:
        """Stop the workers (running checks are abandoned), once a start under way is done."""
        pool, self._pool = self._pool, None
        if pool is None:
            return
        for drawing in list(self._drawing.values()):  # pictures drawn ahead: nobody waits
            drawing.cancel()
        # Stopping a pool mid-start would leave a worker behind, starting for a process gone
        # (the fork server prints its traceback when the pool's semaphores are already gone).
        with contextlib.suppress(Exception):
            warming = await asyncio.wrap_future(self._launched)
            started = asyncio.gather(*(asyncio.wrap_future(f) for f in warming))
            await asyncio.wait_for(started, STOP_WAIT)
        pool.stop()
        await asyncio.to_thread(pool.join)

    async def __aenter__(self) -> Workers:
        await self.start()
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        await self.close()

    async def check(
        self, expected: str, submitted: str, *, kind: str | None = None, **options: Any
    ) -> Verdict:
        """Check an answer in a worker; a timeout or crash gives a Verdict with `error` set.

        Bad options raise AuthorError (a ValueError) right away; a malformed expected
        answer raises AuthorError from the worker.
        """
        verdict, _ = await self.diagnose(expected, submitted, (), kind=kind, **options)
        return verdict

    async def diagnose(
        self,
        expected: str,
        submitted: str,
        mistakes: Sequence[str] = (),
        *,
        kind: str | None = None,
        **options: Any,
    ) -> Diagnosis:
        """`check`, and for a wrong answer the index of the first of `mistakes` it matches.

        One trip to a worker, which reads the answer once, however many mistakes there are.
        """
        Options.from_mapping(options)  # cheap validation, no sympy in the event loop
        key = (expected, submitted, kind, _freeze(options), tuple(mistakes))
        if key in self._cache:
            self._cache.move_to_end(key)
            return self._cache[key]
        future = await self._schedule(
            self._task,
            (expected, submitted, kind, dict(options), tuple(mistakes)),
            self.timeout * (1 + len(mistakes)),  # the timeout is per comparison
        )
        try:
            diagnosis = await asyncio.wrap_future(future)
        except FutureTimeout:
            log.warning("check timed out after %ss: %r vs %r", self.timeout, expected, submitted)
            return _failed(TOO_SLOW, kind, "timeout"), None
        except (MemoryError, ProcessExpired) as exc:
            log.warning("check ran out of memory or crashed (%s): %r", exc, submitted)
            return _failed(TOO_BIG, kind, "crashed"), None
        except AuthorError:
            raise
        except Exception:
            log.exception("check failed: %r vs %r", expected, submitted)
            return _failed(BROKEN, kind, "failed"), None
        self._remember(key, diagnosis)
        return diagnosis

    async def variant(self, template_id: str, seed: int) -> Problem:
        """The template's variant for `seed`, made in a worker; raises what the worker raised."""
        future = await self._schedule(run_variant, (template_id, seed), self.timeout)
        return await asyncio.wrap_future(future)

    async def picture(
        self, kind: str, theme: str, payload: dict[str, Any], *, wait: bool = True
    ) -> bytes | None:
        """The PNG of a picture, from the cache or drawn in a worker; None when it failed.

        With `wait=False` a picture not in the cache is started for later and None returned
        at once: a post never waits for its picture. A failure is logged, never raised.
        """
        key = picture_key(kind, theme, payload)
        cached = self.pictures.get(key)
        if cached is not None:
            return cached
        drawing = self._drawing.get(key)
        if drawing is None:
            if not wait and len(self._drawing) >= AHEAD_BACKLOG:
                return None  # the workers have pictures enough to draw: this one goes text-only
            drawing = asyncio.ensure_future(self._draw(key, kind, theme, payload, ahead=not wait))
            self._drawing[key] = drawing
            drawing.add_done_callback(lambda _: self._drawing.pop(key, None))
        if not wait:
            return None
        return await asyncio.shield(drawing)

    async def _draw(
        self, key: str, kind: str, theme: str, payload: dict[str, Any], *, ahead: bool = False
    ) -> bytes | None:
        try:
            async with self._ahead_slot() if ahead else contextlib.nullcontext():
                future = await self._schedule(run_picture, (kind, theme, payload), PICTURE_TIMEOUT)
                data: bytes = await asyncio.wrap_future(future)
        except Exception as exc:
            log.warning(
                "the %s picture failed (%s: %s); the reply goes text-only",
                kind,
                type(exc).__name__,
                exc,
            )
            return None
        self.pictures.put(key, data)
        return data

    def _ahead_slot(self) -> asyncio.Semaphore:
        """The slots for pictures drawn ahead, made for the running loop (tests run several)."""
        loop = asyncio.get_running_loop()
        if self._ahead is None or self._ahead[0] is not loop:
            self._ahead = (loop, asyncio.Semaphore(AHEAD_AT_ONCE))
        return self._ahead[1]

    async def _schedule(
        self, function: Callable[..., Any], args: tuple[Any, ...], timeout: float
    ) -> Future[Any]:
        """Queue a task once the pool has started; its timeout counts from when a worker runs it."""
        pool = self._started()
        await asyncio.wrap_future(self._launched)
        return pool.schedule(function, args=args, timeout=timeout)

    def _started(self) -> ProcessPool:
        """The pool; a clear error when start() was never called."""
        if self._pool is None:
            raise RuntimeError("Workers are not started: use `async with Workers()` or start()")
        return self._pool

    def _remember(self, key: Hashable, diagnosis: Diagnosis) -> None:
        if self.cache_size == 0:
            return
        self._cache[key] = diagnosis
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)


def _in_thread(work: Callable[[], T]) -> Future[T]:
    """Run `work` on a daemon thread, so that leaving the process never waits for it."""
    future: Future[T] = Future()

    def run() -> None:
        try:
            future.set_result(work())
        except BaseException as exc:
            future.set_exception(exc)

    threading.Thread(target=run, name="workers-start", daemon=True).start()
    return future


def _failed(message: str, kind: str | None, mistake: str) -> Verdict:
    """A verdict for a check that could not finish (it costs the learner nothing)."""
    return Verdict(False, "", message, error=message, kind=kind or "", mistake=mistake)


def _freeze(options: Mapping[str, Any]) -> Hashable:
    return tuple(
        sorted((k, tuple(v) if isinstance(v, list | tuple) else v) for k, v in options.items())
    )
