"""Writes generated/ from the spec, or checks that it is up to date."""

from __future__ import annotations

import difflib
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2

from codegen.checks import reference_problems, spec_problems, version_problems
from codegen.examples import example_problems
from codegen.hoist import working_copy
from codegen.models import ModelsError
from codegen.models import generate as generate_models
from codegen.project import REGENERATE, ROOT, header
from codegen.spec import Operation, Unsupported, default_classes, operations, security_problems
from specfirst.document import load_spec

SPEC = ROOT / "spec" / "openapi.yaml"
OUTPUT = ROOT / "generated"
TEMPLATES = Path(__file__).resolve().parent / "templates"


class CodegenError(Exception):
    """Codegen stops; the message says why, one problem a line."""


class SpecError(CodegenError):
    """The spec is invalid; the message lists every problem found."""


class UnsupportedError(CodegenError):
    """The spec uses constructs codegen does not serve; one ``pointer: reason`` a line."""

    def __init__(self, problems: list[Unsupported]) -> None:
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Tag:
    attr: str  # the Operations argument that takes its handlers
    protocol: str  # its handlers' Protocol
    name: str  # as in the spec
    operations: list[Operation]


def _result_annotation(op: Operation) -> str:
    """What a handler may return: a body of any response it declares, or a Reply of one."""
    if op.result_type is None:
        return "None"
    options = op.result_type.split(" | ")
    bodies = " | ".join(o for o in options if o != "None")
    if "None" not in options:
        return f"{bodies} | Reply[{bodies}]"
    return f"{bodies} | Reply[{bodies} | None] | None"


def _docstring(text: str) -> str:
    """Text that reads as itself on one line of a docstring: no quotes or escapes can end it."""
    one_line = " ".join(str(text).split()).rstrip(".")
    return one_line.replace("\\", "\\\\").replace('"', '\\"')


def render(ops: list[Operation], first_line: str) -> dict[str, str]:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        keep_trailing_newline=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters.update(
        python_literal=repr, result_annotation=_result_annotation, docstring=_docstring
    )
    tags: dict[str, Tag] = {}
    for op in ops:
        tag = tags.setdefault(op.tag, Tag(op.tag_attr, f"{op.tag_class}Handlers", op.tag, []))
        tag.operations.append(op)
    context = {"header": first_line, "operations": ops, "tags": list(tags.values())}
    return {
        name: env.get_template(f"{name}.j2").render(context)
        for name in ("protocols.py", "operations.py")
    }


def format_python(files: dict[str, str]) -> dict[str, str]:
    """Formats with the project's pinned ruff and settings, so output never depends on the editor."""
    formatted = {}
    for name, source in files.items():
        for command in (["check", "--fix-only", "--select=I,F401,UP"], ["format"]):
            source = subprocess.run(
                [sys.executable, "-m", "ruff", *command, f"--stdin-filename=generated/{name}", "-"],
                input=source,
                check=True,
                capture_output=True,
                text=True,
                cwd=ROOT,
            ).stdout
        formatted[name] = source
    return formatted


def read_operations(spec: dict[str, Any]) -> tuple[dict[str, Any], list[Unsupported]]:
    """(the working copy codegen reads, what in the spec it cannot serve)."""
    problems: list[Unsupported] = []
    problems += version_problems(spec)
    if problems:
        return spec, problems
    external, invalid = reference_problems(spec)
    if invalid:
        raise SpecError("\n".join(invalid))
    if external:
        return spec, external
    invalid = spec_problems(spec) or example_problems(spec)
    if invalid:
        raise SpecError("\n".join(invalid))
    work = working_copy(spec)
    problems += security_problems(spec)
    operations(work, default_classes(work), problems)
    return work, problems


def build(spec_path: Path = SPEC, regenerate: str = REGENERATE) -> dict[str, str]:
    """Every file of the generated package, by name; raises a CodegenError saying why not."""
    work, problems = read_operations(load_spec(spec_path))
    if problems:
        raise UnsupportedError(problems)
    first_line = header(spec_path, regenerate)
    try:
        models = generate_models(work, first_line, spec_path.name)
    except ModelsError as error:
        raise CodegenError(str(error)) from error
    files = {"__init__.py": f'"""{first_line}"""\n', "models.py": models.source}
    files.update(render(operations(work, models.classes), first_line))
    return format_python(files)


def stale(files: dict[str, str], output: Path = OUTPUT) -> str:
    """A unified diff from what is in ``output`` to ``files``; empty when up to date."""
    diff: list[str] = []
    on_disk = {p.name for p in output.glob("*.py")} if output.is_dir() else set()
    for name in sorted(on_disk | set(files)):
        path = output / name
        old = path.read_text(encoding="utf-8") if path.exists() else ""
        new = files.get(name, "")
        diff += difflib.unified_diff(
            old.splitlines(keepends=True),
            new.splitlines(keepends=True),
            f"generated/{name}",
            f"generated/{name} (from spec)",
        )
    return "".join(diff)


def write(files: dict[str, str], output: Path = OUTPUT) -> None:
    output.mkdir(parents=True, exist_ok=True)
    for path in output.glob("*.py"):
        if path.name not in files:
            path.unlink()
    for name, source in files.items():
        path = output / name
        if not path.exists() or path.read_text(encoding="utf-8") != source:
            path.write_text(source, encoding="utf-8")
