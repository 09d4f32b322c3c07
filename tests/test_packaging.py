"""The wheel carries the content and migrations, so a non-editable install works anywhere."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Build the wheel and unpack it with pip into a folder of its own."""
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(work), str(REPO)],
        check=True,
        timeout=300,
    )
    (wheel,) = work.glob("studybot-*.whl")
    target = work / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--no-deps",
            "-q",
            "--target",
            str(target),
            str(wheel),
        ],
        check=True,
        timeout=300,
    )
    return target


def _run_installed(target: Path, code: str, cwd: Path) -> str:
    # PYTHONPATH comes before site-packages, so `bot` is the installed copy, not the checkout.
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("STUDYBOT_CONTENT_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=cwd, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return done.stdout


def test_installed_package_loads_its_own_content(installed: Path, tmp_path: Path) -> None:
    code = (
        "import json, bot\n"
        "from bot.content import content_dir, load_catalog\n"
        "c = load_catalog(content_dir())\n"
        "print(json.dumps({'file': bot.__file__, 'dir': str(content_dir()),"
        " 'topics': len(c.topics), 'roadmaps': len(c.roadmaps)}))\n"
    )
    found = json.loads(_run_installed(installed, code, tmp_path))
    assert found["file"].startswith(str(installed))
    assert found["dir"] == str(installed / "bot" / "_content")
    assert found["topics"] >= 45 and found["roadmaps"] == 3


def test_installed_console_runs_from_anywhere(installed: Path, tmp_path: Path) -> None:
    code = (
        "import sys; from bot.cli import main\n"
        "sys.argv = ['studybot', 'console', '--db', 'here.db']\n"
        "sys.exit(main())\n"
    )
    env = {**os.environ, "PYTHONPATH": str(installed)}
    env.pop("STUDYBOT_CONTENT_DIR", None)
    done = subprocess.run(
        [sys.executable, "-c", code],
        input="/roadmap eigenvalues\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert "Eigenvalues and eigenvectors" in done.stdout
    assert (tmp_path / "here.db").exists()
