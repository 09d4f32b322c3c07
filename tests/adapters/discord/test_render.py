"""Reply -> embed and buttons: pure, clipped to every Discord limit."""

from __future__ import annotations

import discord
import pytest

from adapters.discord.render import (
    COLOURS,
    clip,
    message_parts,
    protect_markdown,
    to_embed,
    to_files,
    to_view,
)
from bot.messages import ANSWER_BUTTON, Button, Field, Image, Reply, Tone


def _buttons(view: discord.ui.View | None) -> list[dict[str, object]]:
    """The buttons as Discord receives them."""
    assert view is not None
    return [button for row in view.to_components() for button in row["components"]]


def _custom_ids(view: discord.ui.View | None) -> list[object]:
    return [button.get("custom_id") for button in _buttons(view)]


def test_a_reply_maps_part_for_part() -> None:
    embed = to_embed(
        Reply(
            title="Vectors",
            body="Arrows and lists of numbers.",
            fields=(Field("Study time", "About 3 h", inline=True),),
            footer="More: /resource vectors",
            tone=Tone.SUCCESS,
        )
    )
    assert (embed.title, embed.description, embed.footer.text) == (
        "Vectors",
        "Arrows and lists of numbers.",
        "More: /resource vectors",
    )
    assert [(f.name, f.value, f.inline) for f in embed.fields] == [
        ("Study time", "About 3 h", True)
    ]
    assert embed.colour == COLOURS[Tone.SUCCESS]


@pytest.mark.parametrize("tone", list(Tone))
def test_each_tone_has_its_own_colour(tone: Tone) -> None:
    assert to_embed(Reply(title="x", tone=tone)).colour == COLOURS[tone]
    assert len(set(COLOURS.values())) == len(Tone)


def test_every_limit_is_clipped() -> None:
    embed = to_embed(
        Reply(
            title="T" * 300,
            body="b" * 5000,
            fields=tuple(Field(f"n{i}" + "N" * 300, "v" * 1500) for i in range(30)),
            footer="f" * 3000,
        )
    )
    assert len(embed.title or "") == 256 and (embed.title or "").endswith("…")
    assert len(embed.description or "") <= 4096
    assert len(embed.footer.text or "") == 2048
    assert len(embed.fields) <= 25
    assert all(len(f.name or "") <= 256 and len(f.value or "") <= 1024 for f in embed.fields)
    assert len(embed) <= 6000


def test_fields_are_kept_in_order_until_the_total_is_reached() -> None:
    fields = tuple(Field(f"field {i}", "v" * 1000) for i in range(30))
    embed = to_embed(Reply(title="Plan", body="b" * 900, fields=fields))
    names = [f.name for f in embed.fields]
    assert names == [f"field {i}" for i in range(len(names))]
    assert len(names) == 5  # 5 x ~1007 + 904 fits in 6000, a sixth would not
    assert len(embed) <= 6000


def test_a_long_field_value_is_cut_with_an_ellipsis() -> None:
    [field] = to_embed(Reply(fields=(Field("Why", "word " * 400),))).fields
    assert len(field.value or "") <= 1024 and (field.value or "").endswith("…")


def test_yesterdays_solution_is_a_spoiler_and_still_fits() -> None:
    reply = Reply(
        title="Daily problem",
        fields=(
            Field("Topic", "Vectors"),
            Field("Yesterday's solution (2 solved it)", "x" * 2000, spoiler=True),
        ),
    )
    topic, solution = to_embed(reply).fields
    assert topic.value == "Vectors"
    assert (solution.value or "").startswith("||") and (solution.value or "").endswith("…||")
    assert len(solution.value or "") == 1024


def test_an_empty_reply_is_still_a_valid_embed() -> None:
    embed = to_embed(Reply(fields=(Field("", ""),)))
    assert embed.description is None and embed.fields[0].name == "\u200b"
    assert to_embed(Reply()).description == "…"


def test_math_reads_as_unicode_and_its_markup_is_escaped() -> None:
    text = r"Differentiate $x_1^2 + x_2^2$ and $f^* = |w|$; `a_b` stays; costs $40 or $50."
    protected = protect_markdown(text)
    assert "x₁² + x₂²" in protected
    assert r"f\* = \|w\|" in protected
    assert "`a_b`" in protected and "$40 or $50" in protected


def test_norm_bars_outside_math_never_hide_text() -> None:
    assert protect_markdown("||v|| is the length") == r"\|\|v\|\| is the length"
    assert protect_markdown("`||v||`") == "`||v||`"


def test_a_cut_code_block_is_closed() -> None:
    cut = clip("intro\n```\n" + "x = 1\n" * 100 + "```", 60)
    assert len(cut) <= 60 and cut.count("```") == 2 and cut.endswith("```")


def test_buttons_link_open_the_form_or_run_a_command() -> None:
    view = to_view(
        Reply(
            buttons=(
                Button("Read it", url="https://mml-book.github.io/"),
                ANSWER_BUTTON,
                Button("Hint", command="/hint"),
                Button("Solution", command="/problem solution"),
            )
        )
    )
    assert _custom_ids(view) == [
        None,
        "studybot:answer",
        "studybot:run:hint",
        "studybot:run:problem solution",
    ]
    assert view is not None and view.timeout is None  # buttons keep working after a restart
    link, submit, *_ = _buttons(view)
    assert link["url"] == "https://mml-book.github.io/"
    assert submit["style"] == discord.ButtonStyle.primary.value


def test_buttons_beyond_discords_limits_are_left_out() -> None:
    many = tuple(Button(f"b{i}", command=f"/hint {i}") for i in range(30))
    assert len(_custom_ids(to_view(Reply(buttons=many)))) == 25
    odd = (
        Button("Too long", command="/resource " + "x" * 100),
        Button("Long link", url="https://example.com/" + "x" * 600),
        Button("L" * 100, command="/hint"),
    )
    [button] = _buttons(to_view(Reply(buttons=odd)))
    assert button["label"] == "L" * 79 + "…"
    assert to_view(Reply(title="no buttons")) is None


def test_images_are_attached_and_the_first_is_shown() -> None:
    images = (Image(b"\x89PNG...", "x² + 1", "problem.png"), Image(b"\x89PNG.", "b", "b.png"))
    reply = Reply(title="Plot", images=images)
    assert to_embed(reply).image.url == "attachment://problem.png"
    first, second = to_files(reply)
    assert (first.filename, first.description) == ("problem.png", "x² + 1")
    assert second.filename == "b.png"
    assert to_files(Reply()) == []


def test_a_declared_spoiler_field_is_hidden() -> None:
    reply = Reply(fields=(Field("Solution", "x = 2", spoiler=True), Field("Topic", "algebra")))
    hidden, shown = to_embed(reply).fields
    assert (hidden.value, shown.value) == ("||x = 2||", "algebra")


def test_nothing_a_reply_says_can_ping() -> None:
    parts = message_parts(Reply(body="@everyone <@123> look"))
    assert parts["allowed_mentions"].to_dict() == {"parse": []}
    assert "view" not in parts and "files" not in parts
