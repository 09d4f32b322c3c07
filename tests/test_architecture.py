"""Layering rules: the core never imports a platform library."""

import ast
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
