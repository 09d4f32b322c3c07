"""Buttons and the answer form: they outlive restarts and run core commands for the clicker."""

from __future__ import annotations

import logging
import re
from typing import TYPE_CHECKING, Any, cast

import discord

from adapters.discord.ids import ANSWER, PREFIX, fits, run_id

if TYPE_CHECKING:
    from adapters.discord.respond import Responder

log = logging.getLogger(__name__)

ANSWER_LENGTH = 400  # longer than any sensible answer; the checker refuses oversized input anyway
FORM_TIMEOUT = 15 * 60  # an interaction token lives 15 minutes; an open form no longer


def responder(interaction: discord.Interaction[Any]) -> Responder:
    """The responder of the client that received `interaction`."""
    return cast("Responder", interaction.client.responder)  # type: ignore[attr-defined]


class AnswerButton(discord.ui.DynamicItem[discord.ui.Button[Any]], template=ANSWER):
    """The "Submit answer" button: opens the answer form."""

    def __init__(self, label: str = "Submit answer") -> None:
        super().__init__(
            discord.ui.Button(label=label, style=discord.ButtonStyle.primary, custom_id=ANSWER)
        )

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> AnswerButton:
        """Rebuild the button from a click on any message that carries it."""
        return cls(getattr(item, "label", None) or "Submit answer")

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Open the answer form; no core work happens before the form is sent."""
        try:
            await interaction.response.send_modal(AnswerForm())
        except Exception:
            log.exception("could not open the answer form")
            await responder(interaction).apologize(interaction)


class CommandButton(
    discord.ui.DynamicItem[discord.ui.Button[Any]], template=rf"{PREFIX}:run:(?P<line>[^\n]+)"
):
    """A button that runs a command (`/hint`, `/problem solution`) privately for the clicker."""

    def __init__(self, line: str, label: str) -> None:
        self.line = line
        super().__init__(
            discord.ui.Button(
                label=label, style=discord.ButtonStyle.secondary, custom_id=self.custom_id_for(line)
            )
        )

    @staticmethod
    def custom_id_for(line: str) -> str:
        """The custom_id that carries the command line."""
        return run_id(line)

    @classmethod
    def fits(cls, line: str) -> bool:
        """Whether the command line fits in a custom_id."""
        return fits(line)

    @classmethod
    async def from_custom_id(
        cls, interaction: discord.Interaction[Any], item: discord.ui.Item[Any], match: re.Match[str]
    ) -> CommandButton:
        """Rebuild the button from a click on any message that carries it."""
        return cls(match["line"], getattr(item, "label", None) or match["line"])

    async def callback(self, interaction: discord.Interaction[Any]) -> None:
        """Run the command for whoever clicked; the reply is only for them."""
        name, _, text = self.line.partition(" ")
        await responder(interaction).run(interaction, name, text.strip(), {}, private=True)


class AnswerForm(discord.ui.Modal, title="Your answer"):
    """The form behind "Submit answer": one line, checked like `/answer`."""

    answer: discord.ui.TextInput[AnswerForm] = discord.ui.TextInput(
        label="Answer",
        custom_id="answer",
        placeholder="e.g. 3/4, 2x cos(x^2), [[1,2],[3,4]]",
        max_length=ANSWER_LENGTH,
    )

    def __init__(self) -> None:
        super().__init__(timeout=FORM_TIMEOUT)

    async def on_submit(self, interaction: discord.Interaction[Any]) -> None:
        """Check the answer privately, as `/answer` would."""
        await responder(interaction).run(interaction, "answer", self.answer.value.strip(), {})

    async def on_error(  # type: ignore[override]  # Modal's own signature, not BaseView's
        self, interaction: discord.Interaction[Any], error: Exception, /
    ) -> None:
        """Log the failure and still answer the member."""
        log.error("the answer form failed", exc_info=error)
        await responder(interaction).apologize(interaction)
