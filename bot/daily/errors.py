"""What a platform tells the ledger about a daily post it did not confirm."""

from __future__ import annotations

from datetime import timedelta


class SendFailed(RuntimeError):
    """A post the platform did not confirm, and what that means for trying again.

    `maybe_posted`: the request may have reached the channel (a 5xx, a lost response), so
    the post must not be sent again before the platform is asked whether it is there.
    `retry_after`: the platform asked us to wait this long before trying again.
    `permanent`: it will never take this post (the app was uninstalled, its token revoked).
    """

    def __init__(
        self,
        message: str,
        *,
        maybe_posted: bool = False,
        retry_after: timedelta | None = None,
        permanent: bool = False,
    ) -> None:
        super().__init__(message)
        self.maybe_posted = maybe_posted
        self.retry_after = retry_after
        self.permanent = permanent
