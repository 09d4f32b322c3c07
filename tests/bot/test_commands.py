from bot.commands import BY_NAME, COMMANDS
from bot.core import HANDLERS


def test_every_command_has_a_handler_and_no_handler_is_orphaned() -> None:
    assert {c.name for c in COMMANDS} == set(HANDLERS)


def test_names_are_unique_lowercase_and_platform_safe() -> None:
    names = [c.name for c in COMMANDS]
    assert len(names) == len(set(names)) == len(BY_NAME)
    for name in names:
        # Discord: 1-32 lowercase chars; Slack: no spaces
        assert name.isascii() and name.islower() and 1 <= len(name) <= 32 and " " not in name


def test_summaries_fit_discord_description_limit() -> None:
    for command in COMMANDS:
        assert 0 < len(command.summary) <= 100, command.name
        for option in command.options:
            assert 0 < len(option.summary) <= 100, (command.name, option.name)


def test_option_names_are_unique_per_command_and_choices_fit_discord() -> None:
    for command in COMMANDS:
        names = [o.name for o in command.options]
        assert len(names) == len(set(names)), command.name
        assert command.argument not in names
        for option in command.options:
            assert len(option.choices) <= 25


def test_examples_use_only_declared_options() -> None:
    from bot.options import parse_values, split_options

    for command in COMMANDS:
        for example in command.examples:
            name, _, text = example.lstrip("/").partition(" ")
            assert name == command.name
            _, words = split_options(text, command.options)
            parse_values(words, command.options)  # raises on a bad example


def test_usage_lists_argument_and_options() -> None:
    assert BY_NAME["resource"].usage() == (
        "/resource [topic] [cost:free|paid] [format:book|course|video|article] [max:PRICE]"
    )
    assert BY_NAME["roadmap"].usage().startswith("/roadmap [topic] [goal:job|foundations|research]")


def test_help_is_private_and_map_is_for_the_channel() -> None:
    assert BY_NAME["help"].private
    assert not BY_NAME["roadmap"].private
    assert not BY_NAME["resource"].private
