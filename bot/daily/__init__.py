"""The daily post: slots in each group's timezone, the posting ledger, the runner, the scheduler."""

from bot.daily.groups import DailyGroup, daily_group, daily_groups
from bot.daily.ledger import PostRow
from bot.daily.runner import Choose, DailyRunner, Render, Send
from bot.daily.scheduler import DailyScheduler

__all__ = [
    "Choose",
    "DailyGroup",
    "DailyRunner",
    "DailyScheduler",
    "PostRow",
    "Render",
    "Send",
    "daily_group",
    "daily_groups",
]
