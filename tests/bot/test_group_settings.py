from datetime import time

import pytest

from bot.group_settings import GroupSettings, apply, from_strings, parse_time, parse_timezone
from bot.options import OptionError


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("09:00", time(9)),
        ("9", time(9)),
        ("7pm", time(19)),
        ("12am", time(0)),
        ("12pm", time(12)),
        ("18:30", time(18, 30)),
        ("0:05", time(0, 5)),
    ],
)
def test_parse_time(typed: str, expected: time) -> None:
    assert parse_time(typed) == expected


@pytest.mark.parametrize("typed", ["25:00", "9:60", "13pm", "noon", "", "9:5"])
def test_parse_time_rejects(typed: str) -> None:
    with pytest.raises(OptionError):
        parse_time(typed)


def test_timezones_are_iana_and_forgiving_about_case() -> None:
    assert parse_timezone("europe/berlin") == "Europe/Berlin"
    assert parse_timezone("America/New York") == "America/New_York"
    assert parse_timezone("utc") == "UTC"
    with pytest.raises(OptionError, match="Did you mean `Europe/Berlin`"):
        parse_timezone("Europe/Berlinn")
    with pytest.raises(OptionError, match="not a timezone"):
        parse_timezone("Mars/Olympus")


def test_apply_each_setting() -> None:
    s = GroupSettings()
    s = apply(s, "difficulty", "1-2")
    s = apply(s, "daily", "on")
    s = apply(s, "threshold", "3")
    s = apply(s, "channel", "<#123>")
    s = apply(s, "topics", "vectors, matrices")
    assert (s.difficulty, s.daily, s.threshold, s.channel, s.topics) == (
        (1, 2),
        True,
        3,
        "123",
        ("vectors", "matrices"),
    )
    assert apply(s, "track", "job").topics == ()
    with pytest.raises(OptionError, match="runs backwards"):
        apply(s, "difficulty", "3-1")
    with pytest.raises(OptionError):
        apply(s, "daily", "maybe")
    assert apply(s, "theme", "Dark").theme == "dark" and s.theme == "light"
    with pytest.raises(OptionError, match="`light` or `dark`"):
        apply(s, "theme", "sepia")


def test_round_trip_through_strings_and_tolerate_old_values() -> None:
    s = apply(apply(GroupSettings(), "time", "7pm"), "timezone", "Asia/Kolkata")
    assert from_strings(s.to_strings()) == s
    assert from_strings({"time": "garbage", "unknown": "x"}) == GroupSettings()


def test_small_groups_need_one_solver() -> None:
    s = GroupSettings(threshold=2)
    assert [s.group_threshold(n) for n in (1, 2, 3, 10)] == [1, 1, 2, 2]
