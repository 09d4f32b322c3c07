"""`studybot content check` over the real folder and over a broken copy of it."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from bot.content import content_dir
from bot.content_check import check_content
from tests.conftest import REPO


def test_real_content_passes_and_reports_counts() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "content", "check", "--json"],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr
    summary = json.loads(done.stdout)
    assert summary["errors"] == []
    assert summary["topics"] == 49 and summary["resources"] >= 17 and summary["roadmaps"] == 3
    assert summary["problems"] >= 200 and summary["templates"] >= 40
    assert set(summary["by_difficulty"]) == {"1", "2", "3"}
    assert summary["by_kind"]["number"] >= 100 and summary["by_kind"]["expression"] >= 20
    assert sum(summary["by_kind"].values()) == summary["problems"] + summary["templates"]
    assert min(summary["by_topic"].values()) >= 5
    assert set(summary["by_topic"]) == set(json.loads(done.stdout)["by_topic"])


def test_a_broken_copy_fails_with_file_and_field(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    resources = root / "resources.yaml"
    resources.write_text(resources.read_text().replace("format: video", "format: podcast", 1))
    derivatives = root / "problems" / "derivatives.yaml"
    derivatives.write_text(
        derivatives.read_text().rstrip("\n") + "\n" + "  - id: derivatives-extra-wrong\n"
        "    topics: [derivatives]\n"
        "    difficulty: 1\n"
        "    statement: Enter the derivative of $x^2$.\n"
        "    answer: '2*x'\n"
        "    kind: expression\n"
        "    options: {variables: [x]}\n"
        "    hints: [Use the power rule., Bring the 2 down.]\n"
        "    solution: It is $2x$.\n"
        "    why_ml: Gradients.\n"
        "    wrong_answers:\n"
        "      - answer: 'x*2'\n"
        "        feedback: Not really wrong.\n"
    )
    summary, errors = check_content(root, seeds_per_template=2)
    text = [str(e) for e in errors]
    assert any(t.startswith("resources.yaml: resources[") and "'podcast'" in t for t in text)
    assert any(t.startswith("problems/derivatives.yaml:") and "wrong_answers" in t for t in text), (
        text
    )
    assert summary["errors"] and len(summary["errors"]) == len(errors)


def test_the_command_exits_non_zero_on_errors(tmp_path: Path) -> None:
    root = tmp_path / "content"
    shutil.copytree(content_dir(), root)
    (root / "advice.yaml").unlink()
    done = subprocess.run(
        [sys.executable, "-m", "bot", "content", "check"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"STUDYBOT_CONTENT_DIR": str(root), "PATH": "/usr/bin:/bin"},
        timeout=300,
        check=False,
    )
    assert done.returncode == 1
    assert "error: advice.yaml: : file not found" in done.stdout
    assert done.stdout.strip().endswith("1 errors")
