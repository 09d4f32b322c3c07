"""The daily post: slots in each group's timezone, the posting ledger, the runner, the scheduler."""

from bot.daily.errors import SendFailed
from bot.daily.groups import DailyGroup, daily_group, daily_groups
from bot.daily.ledger import PostRow
from bot.daily.runner import Choose, DailyRunner, Find, Render, Send
from bot.daily.scheduler import DailyScheduler

__all__ = [
    "Choose",
    "DailyGroup",
    "DailyRunner",
    "DailyScheduler",
    "Find",
    "PostRow",
    "Render",
    "Send",
    "SendFailed",
    "daily_group",
    "daily_groups",
]
