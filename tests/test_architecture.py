"""Layering rules: the core never imports a platform library; the bot process never loads sympy."""

import ast
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import REPO

PLATFORM_LIBRARIES = {"discord", "slack_bolt", "slack_sdk"}


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def test_core_never_imports_platform_libraries() -> None:
    offenders = {
        str(path.relative_to(REPO)): _imports(path) & PLATFORM_LIBRARIES
        for path in (REPO / "bot").rglob("*.py")
    }
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_rule_sees_imports() -> None:
    sample = REPO / "tests" / "fixtures" / "imports_discord.py.txt"
    assert _imports(sample) == {"discord", "slack_sdk", "os"}


def test_core_does_not_import_adapters_except_the_composition_root() -> None:
    allowed = {"app.py"}
    for path in (REPO / "bot").rglob("*.py"):
        if path.name not in allowed:
            assert "adapters" not in _imports(path), path


# Runs the console in this process, then reports what it loaded.
CONSOLE_THEN_MODULES = """
import sys
from bot.cli import main
status = main(sys.argv[1:])
loaded = sorted(name for name in ("sympy", "mpmath") if name in sys.modules)
print(f"status {status}; loaded: {' '.join(loaded) or 'neither'}")
"""


def test_the_console_process_never_loads_sympy(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DISCORD_", "SLACK_"))}
    env["CHECKER_WORKERS"] = "1"
    args = ["console", "--db", str(tmp_path / "c.db"), "--now", "2026-11-21T06:00"]
    done = subprocess.run(
        [sys.executable, "-c", CONSOLE_THEN_MODULES, *args],
        input="/help\n/practice derivatives\n/answer 42\n",
        capture_output=True,
        text=True,
        cwd=REPO,
        env=env,
        timeout=120,
        check=False,
    )
    assert done.stderr == ""
    assert "Practice: Derivatives" in done.stdout
    assert "I read your answer as 42." in done.stdout  # a worker checked it
    assert done.stdout.rstrip().endswith("status 0; loaded: neither")


def test_importing_the_bot_loads_no_sympy() -> None:
    script = "import sys, bot.app, bot.cli; print('sympy' in sys.modules, 'mpmath' in sys.modules)"
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    assert done.stdout.split() == ["False", "False"]


def _modules(path: Path) -> set[str]:
    """The full names of the modules a file imports."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.add(node.module)
    return found


def test_the_checker_imports_no_other_part_of_the_bot() -> None:
    for path in (REPO / "bot" / "checker").rglob("*.py"):
        others = {
            m for m in _modules(path) if m.startswith("bot.") and not m.startswith("bot.checker")
        }
        assert others == set(), path


def test_discord_render_is_pure_data_and_imports_no_views() -> None:
    assert "adapters.discord.views" not in _modules(REPO / "adapters" / "discord" / "render.py")
