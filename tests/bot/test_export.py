import json
import subprocess
import sys
from pathlib import Path

from bot.core import Core
from bot.export import export
from tests.conftest import REPO, make_request, publish


async def test_export_has_every_section(core: Core) -> None:
    await publish(core, "2026-11-21", "vectors-sum")
    await core.handle(make_request("answer", "[1, 1]", user="ada"))
    await core.handle(make_request("answer", "[4, 6]", user="ada"))
    data = await export(core.context.store, core.context.clock.now())
    assert [g["group"] for g in data["groups"]] == ["test:ws:general"]
    assert data["groups"][0]["settings"]["daily"] == "off"
    assert data["posts"] == [
        {
            "group": "test:ws:general",
            "local_date": "2026-11-21",
            "problem_id": "vectors-sum",
            "expected_answer": "[4, 6]",
            "posted_at": "2026-11-21T09:00:00+00:00",
            "status": "sent",
            "attempts": 1,
            "last_error": None,
            "retry_at": None,
            "maybe_posted": False,
        }
    ]
    assert [(s["user"], s["correct"]) for s in data["submissions"]] == [
        ("ada", False),
        ("ada", True),
    ]
    assert data["streaks"] == [
        {"group": "test:ws:general", "user": "ada", "current": 1, "longest": 1, "freezes": 0}
    ]
    assert data["group_streaks"] == [{"group": "test:ws:general", "current": 1, "longest": 1}]
    json.dumps(data)  # serializable as it stands


def test_export_command(tmp_path: Path) -> None:
    missing = subprocess.run(
        [sys.executable, "-m", "bot", "export", "--db", str(tmp_path / "none.db")],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
        check=False,
    )
    assert missing.returncode == 2 and "no database at" in missing.stderr
    assert not (tmp_path / "none.db").exists()
