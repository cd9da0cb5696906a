"""The ``orders-api`` command line: db upgrade, settings, help; the settings table of
docs/operators.md."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from app.cli import cli
from app.settings import Settings, settings_table

ROOT = Path(__file__).resolve().parents[2]
runner = CliRunner()


def revision(database: Path) -> str:
    with sqlite3.connect(database) as connection:
        row = connection.execute("SELECT version_num FROM alembic_version").fetchone()
    return str(row[0])


@pytest.mark.parametrize(
    "command", [[], ["serve"], ["worker"], ["db"], ["db", "upgrade"], ["settings"]]
)
def test_every_command_has_help(command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0, result.output
    assert "Usage:" in result.output


def test_help_lists_the_commands_but_not_the_old_alias() -> None:
    output = runner.invoke(cli, ["--help"]).output
    for command in ("serve", "worker", "db", "settings"):
        assert re.search(rf"^│ {command}\b", output, re.M), output
    assert "migrate" not in output
    assert "--mock" in runner.invoke(cli, ["serve", "--help"]).output
    assert "upgrade" in runner.invoke(cli, ["db"]).output  # no subcommand: its help


@pytest.mark.parametrize("command", [["db", "upgrade"], ["migrate"]])
def test_db_upgrade_brings_a_new_database_to_the_newest_schema(
    command: list[str], tmp_path: Path
) -> None:
    database = tmp_path / "new.db"
    env = {"ORDERS_DATABASE_URL": f"sqlite:///{database}"}
    result = runner.invoke(cli, command, env=env)
    assert result.exit_code == 0, result.output
    assert "database is up to date" in result.output
    newest = sorted(p.name[:4] for p in (ROOT / "app/migrations/versions").glob("0*.py"))[-1]
    assert revision(database) == newest


def test_settings_prints_the_effective_settings_with_secrets_masked() -> None:
    env = {
        "ORDERS_DATABASE_URL": "postgresql+psycopg://orders:hunter2@db.internal:5432/orders",
        "ORDERS_PORT": "9090",
        "ORDERS_LOG_FORMAT": "plain",
        "ORDERS_BUYER_CALLBACK_TOKENS": '{"Verizon": "s3cret-at-the-buyer"}',
    }
    result = runner.invoke(cli, ["settings"], env=env)
    assert result.exit_code == 0, result.output
    lines = dict(line.split("=", 1) for line in result.output.splitlines())
    assert lines["ORDERS_DATABASE_URL"] == "postgresql+psycopg://orders:***@db.internal:5432/orders"
    assert lines["ORDERS_PORT"] == "9090"
    assert lines["ORDERS_LOG_FORMAT"] == "plain"
    assert lines["ORDERS_LOG_LEVEL"] == "INFO"
    assert set(lines) == {f"ORDERS_{name.upper()}" for name in Settings.model_fields}
    assert lines["ORDERS_BUYER_CALLBACK_TOKENS"] == "********"
    assert lines["ORDERS_TOKEN_CACHE_SECONDS"] == "5.0"
    assert "hunter2" not in result.output
    assert "s3cret" not in result.output


def test_invalid_settings_are_refused() -> None:
    result = runner.invoke(cli, ["settings"], env={"ORDERS_LOG_FORMAT": "xml"})
    assert result.exit_code != 0
    assert "log_format" in str(result.exception)


def test_operators_settings_table_matches_the_settings_model() -> None:
    """docs/operators.md's table is generated: `orders-api settings --markdown` prints it."""
    page = (ROOT / "docs" / "operators.md").read_text(encoding="utf-8")
    found = re.search(r"<!-- settings -->\n(.*?)<!-- /settings -->", page, re.S)
    assert found, "docs/operators.md has no <!-- settings --> … <!-- /settings --> section"
    assert found.group(1) == settings_table(), (
        "docs/operators.md's settings table is stale: paste the output of "
        "`.venv/bin/orders-api settings --markdown` between its markers"
    )
    printed = runner.invoke(cli, ["settings", "--markdown"]).output
    assert printed == settings_table()
    assert printed.count("\n| `ORDERS_") == len(Settings.model_fields)


def test_the_console_script_is_installed() -> None:
    script = Path(sys.executable).parent / "orders-api"
    result = subprocess.run([script, "--help"], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    assert "db" in result.stdout and "serve" in result.stdout
