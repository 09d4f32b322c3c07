"""Markdown to Slack mrkdwn: marks, links, escapes, and math made readable."""

from __future__ import annotations

from adapters.slack.mrkdwn import escape, to_mrkdwn, to_plain


def test_inline_and_display_math_lose_their_dollars() -> None:
    assert to_mrkdwn(r"Add $[1, 2]$ and $\frac12$.") == "Add [1, 2] and 1/2."
    assert to_mrkdwn("Before $$x^2$$ after") == "Before \nx²\n after"


def test_math_with_a_space_before_its_closing_dollar() -> None:
    assert to_mrkdwn(r"You get $0.0001\,y = $ something") == "You get 0.0001 y = something"


def test_prices_are_not_math() -> None:
    assert to_mrkdwn("about $40 and $50 each") == "about $40 and $50 each"
    assert to_mrkdwn(r"costs \$5") == r"costs \$5"


def test_bold_italic_strike_headings_and_bullets() -> None:
    markdown = "# Plan\n**Answer:** it is *very* ~~wrong~~ right\n- one\n* two"
    assert to_mrkdwn(markdown) == "*Plan*\n*Answer:* it is _very_ ~wrong~ right\n• one\n• two"


def test_links_become_slack_links() -> None:
    assert to_mrkdwn("see [the book](https://mml-book.github.io/?a=1&b=2)") == (
        "see <https://mml-book.github.io/?a=1&b=2|the book>"
    )


def test_code_is_kept_as_written_but_escaped() -> None:
    assert to_mrkdwn("type `x**2 < $3$` then **go**") == "type `x**2 &lt; $3$` then *go*"


def test_special_characters_are_escaped_so_nothing_pings() -> None:
    assert to_mrkdwn("<!channel> & <@U1> x > 0") == "&lt;!channel&gt; &amp; &lt;@U1&gt; x &gt; 0"
    assert to_mrkdwn(r"$|1 - 10\eta| < 1$") == "|1 - 10η| &lt; 1"
    assert escape("a&b") == "a&amp;b"


def test_plain_text_for_headers_and_labels() -> None:
    assert to_plain(r"`/roadmap [topic]` **now** $\frac12$ [x](https://e.org)") == (
        "/roadmap [topic] now 1/2 x"
    )
