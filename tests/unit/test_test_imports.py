"""The test suite's own layout rule: a test module imports what it shares from tests/helpers.py
(or a support module), never from another test module or from conftest.py (which pytest loads
itself, and which holds fixtures only)."""

from __future__ import annotations

import ast
from pathlib import Path

from tests.helpers import TESTS


def imported_modules(path: Path) -> set[str]:
    """The absolute module names ``path`` imports (``import a.b`` and ``from a.b import c``)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: a relative import"
            assert node.module is not None
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def is_test_module(name: str) -> bool:
    parts = name.split(".")
    return parts[0] == "tests" and any(
        part.startswith("test_") or part == "conftest" for part in parts[1:]
    )


def test_no_test_module_imports_another_or_conftest() -> None:
    modules = sorted(TESTS.rglob("test_*.py"))
    assert len(modules) > 40  # the rule is checked on the whole suite
    offending = {
        str(path.relative_to(TESTS)): sorted(filter(is_test_module, imported_modules(path)))
        for path in modules
    }
    assert {path: names for path, names in offending.items() if names} == {}


def test_the_check_finds_an_import_of_a_test_module(tmp_path: Path) -> None:
    module = tmp_path / "test_example.py"
    module.write_text(
        "from tests.api.test_orders import something\n"
        "import tests.conftest\n"
        "from tests.helpers import create_order\n"
    )
    found = sorted(filter(is_test_module, imported_modules(module)))
    assert found == ["tests.api.test_orders", "tests.api.test_orders.something", "tests.conftest"]
