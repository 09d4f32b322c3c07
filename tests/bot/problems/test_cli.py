"""`studybot problems show` and `list`: what a learner or an author sees in the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from bot.problems.cli import main
from bot.problems.engine import generate
from bot.problems.templates import TEMPLATES
from bot.problems.templates.linear_algebra import DETERMINANT

from .test_load import GOOD


@pytest.fixture(autouse=True)
def content(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A content folder holding one hand-written problem."""
    folder = tmp_path / "content" / "problems"
    folder.mkdir(parents=True)
    text = yaml.safe_dump({"problems": [GOOD]}, sort_keys=False)
    (folder / "chain-rule.yaml").write_text(text, encoding="utf-8")
    monkeypatch.setenv("STUDYBOT_CONTENT_DIR", str(tmp_path / "content"))
    return folder


def test_show_gives_statement_topic_and_difficulty_but_no_hints(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "chain-rule-sin-square"]) == 0
    out = capsys.readouterr().out
    assert "Differentiate $f(x) = \\sin(x^2)$." in out
    assert "Topic: chain-rule (also derivatives) · difficulty 2 of 3" in out
    assert "Chain rule." not in out
    assert "2*x*cos(x^2)" not in out
    assert "Solution" not in out


def test_show_with_hints_adds_them_in_order(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "chain-rule-sin-square", "--hints"]) == 0
    out = capsys.readouterr().out
    assert "1. A function of a function.\n2. Chain rule.\n3. The inner derivative is $2x$." in out
    assert "Solution" not in out


def test_show_with_solution_adds_solution_answer_and_why(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "chain-rule-sin-square", "--solution"]) == 0
    out = capsys.readouterr().out
    assert "Solution:\n$f'(x) = \\cos(x^2) \\cdot 2x$." in out
    assert "Answer: 2*x*cos(x^2)" in out
    assert "Why it matters for ML: Backpropagation is the chain rule." in out
    assert "Hints" not in out


def test_show_a_template_defaults_to_seed_zero(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", "determinant-2x2"]) == 0
    out = capsys.readouterr().out
    assert "Problem determinant-2x2#0" in out
    assert generate(DETERMINANT, 0).statement in out


@pytest.mark.parametrize("argv", [["determinant-2x2", "--seed", "7"], ["determinant-2x2#7"]])
def test_show_a_template_variant(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["show", *argv, "--solution"]) == 0
    out = capsys.readouterr().out
    variant = generate(DETERMINANT, 7)
    assert f"Problem {variant.id}" in out
    assert variant.statement in out
    assert f"Answer: {variant.answer}" in out


def test_an_unknown_id_is_a_friendly_message_and_exit_code_one(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["show", "determinant-2x3"]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "No problem or template has the id 'determinant-2x3'." in captured.err
    assert "Did you mean: determinant-2x2" in captured.err
    assert "Traceback" not in captured.err


def test_faulty_problem_files_are_noted_not_fatal(
    content: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (content / "limits.yaml").write_text("problems: [\n", encoding="utf-8")
    assert main(["show", "chain-rule-sin-square"]) == 0
    captured = capsys.readouterr()
    assert "1 faults in the problem files" in captured.err
    assert "Differentiate" in captured.out


def test_list_filters_by_topic(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--topic", "derivatives"]) == 0
    out = capsys.readouterr().out
    assert "chain-rule-sin-square  [chain-rule, difficulty 2]" in out
    assert "power-rule-polynomial  [derivatives, difficulty 1]" in out
    assert "determinant-2x2" not in out


def test_list_everything(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list"]) == 0
    out = capsys.readouterr().out
    assert "Hand-written problems (1):" in out
    assert "determinant-2x2  [determinants-inverses, difficulty 1]" in out


def test_list_an_unknown_topic_exits_one(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["list", "--topic", "astrology"]) == 1
    assert "No problem or template lists the topic 'astrology'." in capsys.readouterr().err


def test_show_writes_the_math_card_with_png(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    card = tmp_path / "card.png"
    assert main(["show", "chain-rule-sin-square", "--png", str(card)]) == 0
    assert card.read_bytes().startswith(b"\x89PNG")
    assert main(["show", "chain-rule-sin-square", "--png", str(tmp_path / "no" / "x.png")]) == 1
    assert "cannot write" in capsys.readouterr().err


def test_stats_reports_each_templates_variety_as_json(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["stats", "--seeds", "3", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    by_id = {r["template"]: r for r in rows}
    assert len(by_id) == len(TEMPLATES)
    det = by_id[DETERMINANT.id]
    answers = [generate(DETERMINANT, seed).answer for seed in range(3)]
    assert det["distinct_answers"] == len(set(answers)) and det["seeds"] == 3
    top = max(answers, key=answers.count)
    assert det["most_common_share"] == round(answers.count(top) / 3, 4)
    shares = [r["most_common_share"] for r in rows]
    assert shares == sorted(shares, reverse=True)


def test_stats_as_a_table_flags_templates_over_forty_percent(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["stats", "--seeds", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("template") and lines[0].endswith("(seeds 0-1)")
    assert len(lines) == len(TEMPLATES) + 1
    # With two seeds a template either repeats its answer (100%) or not (50%): both over 40%.
    assert all(line.endswith("> 40%") for line in lines[1:])


def test_stats_rejects_a_bad_seed_count(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["stats", "--seeds", "0"])
    assert exit_info.value.code == 2
    assert "expected a whole number from 1, got '0'" in capsys.readouterr().err
