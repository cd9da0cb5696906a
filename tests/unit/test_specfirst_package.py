"""The framework package knows no application: no word of the Order API in it, and no import
of app/ or generated/ (layers go one way: the application builds on the framework)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import specfirst

FRAMEWORK = Path(specfirst.__file__).parent
FORBIDDEN = re.compile(r"order|buyer|seller|ORDERS_|orders_api", re.IGNORECASE)


def test_the_framework_names_nothing_of_the_order_api() -> None:
    found = [
        f"{path.name}:{number}: {line.strip()}"
        for path in sorted(FRAMEWORK.rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if FORBIDDEN.search(line)
    ]
    assert found == []


def test_the_framework_imports_nothing_of_the_application() -> None:
    for path in FRAMEWORK.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            modules = (
                [node.module or ""]
                if isinstance(node, ast.ImportFrom)
                else [alias.name for alias in node.names]
                if isinstance(node, ast.Import)
                else []
            )
            for module in modules:
                assert module.split(".")[0] not in ("app", "generated", "codegen", "tests"), (
                    f"{path.name} imports {module}"
                )
