from adapters.text import to_text
from bot.messages import Button, Field, Reply, Tone


def test_full_reply() -> None:
    reply = Reply(
        title="Done",
        body="Body text.",
        fields=(Field("Name", "line one\nline two"),),
        buttons=(Button("Site", url="https://example.org"), Button("Hint", command="/hint")),
        footer="small print",
        tone=Tone.SUCCESS,
        private=True,
    )
    assert to_text(reply) == (
        "(only you can see this)\n\n"
        "✓ Done\n──────\n\n"
        "Body text.\n\n"
        "Name\n  line one\n  line two\n\n"
        "[Site] https://example.org\n[Hint] /hint\n\n"
        "— small print"
    )


def test_body_only() -> None:
    assert to_text(Reply(body="hi")) == "hi"


def test_error_and_warning_marks() -> None:
    assert to_text(Reply(title="x", tone=Tone.ERROR)).startswith("✗ x")
    assert to_text(Reply(title="x", tone=Tone.WARNING)).startswith("! x")
