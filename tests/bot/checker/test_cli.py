"""`studybot check EXPECTED SUBMITTED`: output and exit status for problem authors."""

from __future__ import annotations

import json

import pytest

from bot.checker.cli import EXIT_CORRECT, EXIT_UNREADABLE, EXIT_WRONG, main


def test_correct_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["2*x*cos(x^2)", "2x cos(x²)"]) == EXIT_CORRECT
    out = capsys.readouterr().out
    assert "read as:  2x·cos(x²)" in out
    assert "verdict:  correct" in out
    assert "kind:     expression" in out


def test_wrong_answer_shows_the_mistake(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["2*x*cos(x^2)", "x cos(x^2)"]) == EXIT_WRONG
    out = capsys.readouterr().out
    assert "verdict:  wrong (factor)" in out
    assert "chain-rule" in out


def test_unreadable_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["3/4", "3/"]) == EXIT_UNREADABLE
    out = capsys.readouterr().out
    assert "verdict:  unreadable" in out and "error:" in out


def test_malformed_expected_answer(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["3/(", "1"]) == EXIT_UNREADABLE
    assert "expected answer is malformed" in capsys.readouterr().err


def test_json_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["[0, oo)", "x >= 0", "--json"]) == EXIT_CORRECT
    verdict = json.loads(capsys.readouterr().out)
    assert verdict == {
        "correct": True,
        "reading": "x ≥ 0",
        "feedback": "Correct!",
        "error": None,
        "kind": "interval",
        "mistake": None,
    }


@pytest.mark.parametrize(
    ("argv", "status"),
    [
        (["(0, 1)", "0 < x < 1", "--kind", "interval"], EXIT_CORRECT),
        (["(0, 1)", "0 < x < 1"], EXIT_WRONG),
        (["100", "101.0", "--tolerance", "0.02"], EXIT_CORRECT),
        (["1/2", "2/4", "--form", "simplified"], EXIT_WRONG),
        (["x^2/2", "x^2/2 + C", "--up-to-constant"], EXIT_CORRECT),
        (["x*y", "xy", "--variables", "x, y"], EXIT_CORRECT),
        (["x*y", "xy"], EXIT_CORRECT),
        (["x", "xy", "--variables", "x"], EXIT_WRONG),
    ],
)
def test_options(argv: list[str], status: int, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == status


def test_bad_arguments_exit_through_argparse(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["1", "1", "--kind", "scalar"])
    assert raised.value.code == 2
    assert "invalid choice" in capsys.readouterr().err


def test_studybot_check_delegates_here(capsys: pytest.CaptureFixture[str]) -> None:
    from bot.cli import main as studybot

    assert studybot(["check", "1/2", "50%"]) == EXIT_CORRECT
    assert "verdict:  correct" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("expected", "submitted", "status"),
    [
        ("2x", "f'(x) = 2x", EXIT_CORRECT),
        ("{-1, 3}", "x = -1; x = 3", EXIT_CORRECT),
        ("[0, oo)", "[0, ∞[", EXIT_CORRECT),
        ("{-1, 3}", "x = -1", EXIT_WRONG),
        ("2", "idk", EXIT_UNREADABLE),
    ],
)
def test_answers_as_chat_learners_write_them(
    expected: str, submitted: str, status: int, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main([expected, submitted]) == status
    out = capsys.readouterr().out
    if status == EXIT_WRONG:
        assert "1 element is missing" in out
