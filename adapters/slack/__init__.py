"""Slack adapter: slash commands, buttons and modals on slack-bolt, and the daily post."""

from adapters.slack.app import SlackAdapter

__all__ = ["SlackAdapter"]
