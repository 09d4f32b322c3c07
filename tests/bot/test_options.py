import pytest

from bot.options import Option, OptionError, parse_values, split_options

OPTIONS = (
    Option("cost", "", choices=("free", "paid")),
    Option("weeks", "", kind="int", low=1, high=104),
    Option("max", "", kind="price"),
    Option("note", ""),
)


@pytest.mark.parametrize(
    ("text", "rest", "words"),
    [
        ("linear algebra cost:free", "linear algebra", {"cost": "free"}),
        ("cost:free linear algebra", "linear algebra", {"cost": "free"}),
        ("weeks:8", "", {"weeks": "8"}),
        ('note:"two words" eigen', "eigen", {"note": "two words"}),
        ("  spaced   out   words ", "spaced out words", {}),
        ("see https://example.org/x", "see https://example.org/x", {}),
        ("COST:free", "", {"cost": "free"}),
    ],
)
def test_split_options_separates_words_from_text(text: str, rest: str, words: dict) -> None:
    assert split_options(text, OPTIONS) == (rest, words)


def test_unknown_option_suggests_the_closest() -> None:
    with pytest.raises(OptionError, match=r"`cots:`.*Did you mean `cost:`"):
        split_options("linear algebra cots:free", OPTIONS)


def test_repeated_option_is_an_error() -> None:
    with pytest.raises(OptionError, match="twice"):
        split_options("cost:free cost:paid", OPTIONS)


def test_colon_words_are_plain_text_for_commands_without_options() -> None:
    assert split_options("ratio 3:4", ()) == ("ratio 3:4", {})


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ({"cost": "FREE"}, {"cost": "free"}),
        ({"weeks": "8"}, {"weeks": 8}),
        ({"max": "$49.99"}, {"max": 49.99}),
        ({"max": "50usd"}, {"max": 50.0}),
        ({"note": "anything"}, {"note": "anything"}),
    ],
)
def test_parse_values_converts(given: dict, expected: dict) -> None:
    assert parse_values(given, OPTIONS) == expected


@pytest.mark.parametrize(
    ("given", "message"),
    [
        ({"cost": "fre"}, "Did you mean `cost:free`"),
        ({"cost": "cheap"}, "choose one of free, paid"),
        ({"weeks": "0"}, "from 1 to 104"),
        ({"weeks": "105"}, "from 1 to 104"),
        ({"weeks": "eight"}, "from 1 to 104"),
        ({"weeks": "-3"}, "from 1 to 104"),
        ({"max": "lots"}, "price in dollars"),
        ({"cost": ""}, "needs a value"),
        ({"colour": "red"}, "There is no `colour:` option"),
    ],
)
def test_parse_values_explains_bad_values(given: dict, message: str) -> None:
    with pytest.raises(OptionError, match=message):
        parse_values(given, OPTIONS)


def test_usage_shows_choices_and_kinds() -> None:
    assert [o.usage() for o in OPTIONS] == [
        "cost:free|paid",
        "weeks:N",
        "max:PRICE",
        "note:TEXT",
    ]


def test_a_long_word_is_plain_text() -> None:
    # One pass: a key is tried only where a word starts (a long word once took seconds).
    assert split_options("a" * 40_000, OPTIONS) == ("a" * 40_000, {})


@pytest.mark.parametrize(
    ("text", "rest", "words"),
    [
        ("x:1", "x:1", {}),  # not declared and no command options: plain text
        ("f(x):free cost:free", "f(x):free", {"cost": "free"}),  # not at a word start
        ('note:"unclosed rest cost:paid', "rest", {"note": '"unclosed', "cost": "paid"}),
    ],
)
def test_keys_count_only_at_word_starts(text: str, rest: str, words: dict) -> None:
    assert split_options(text, OPTIONS if words else ()) == (rest, words)
