"""``python -m codegen.client [--check]``: the typed Python client, in clients/python.

openapi-python-client (pinned exactly in pyproject.toml) writes the package from the spec, named
as ``[tool.specfirst]`` says (``client_package``, ``client_project``); the project's pinned ruff
then formats it, so the output is byte-for-byte reproducible. ``--check`` fails with a diff when
the client is stale.

One workaround, which leaves spec/openapi.yaml as it is: the generator is given a *client view*
of the spec, in which a request body offered both as ``application/merge-patch+json`` and as
``application/json`` with the same schema (a PATCH, say) keeps only the merge patch. Given
both, openapi-python-client emits two identical ``isinstance`` branches of which the last wins,
so the client would always send ``application/json`` and never the media type that says what
the body is. The server still accepts both; callers using the client send the merge patch.
"""

from __future__ import annotations

import copy
import difflib
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Annotated, Any

import typer

from codegen import project
from codegen.project import ROOT
from specfirst.config import Config
from specfirst.document import HTTP_METHODS, Spec, load_spec, resolve

SPEC = ROOT / "spec" / "openapi.yaml"
OUTPUT = ROOT / "clients" / "python"
MERGE_PATCH = "application/merge-patch+json"
# What tools leave next to the client (git ignores them too); never part of the comparison.
CACHES = {"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"}


def client_view(spec: Spec) -> Spec:
    """The spec as handed to openapi-python-client (see the module docstring)."""
    view = copy.deepcopy(spec)
    for item in view["paths"].values():
        for method in HTTP_METHODS:
            if method not in item or "requestBody" not in item[method]:
                continue
            body = item[method]["requestBody"] = dict(resolve(view, item[method]["requestBody"]))
            content = body["content"]
            if MERGE_PATCH in content:
                body["content"] = {
                    media: value
                    for media, value in content.items()
                    if media == MERGE_PATCH or value != content[MERGE_PATCH]
                }
    return view


def _generator() -> list[str]:
    return [str(Path(sys.executable).with_name("openapi-python-client")), "generate"]


def _ruff(*args: str, cwd: Path) -> None:
    # The client's own pyproject.toml (written by the generator) holds its ruff settings.
    subprocess.run(
        [sys.executable, "-m", "ruff", *args, "--no-cache", "."],
        cwd=cwd,
        check=True,
        capture_output=True,
        text=True,
    )


def generator_config(config: Config) -> dict[str, Any]:
    """openapi-python-client's settings: the names ``[tool.specfirst]`` gives the client."""
    return {
        "project_name_override": config.client_project,
        "package_name_override": config.client_package,
        # The output is formatted here with the project's pinned ruff (the default hooks would
        # run whichever `ruff` is first on PATH and leave a .ruff_cache in the package).
        "post_hooks": [],
    }


def generate(output: Path, spec_path: Path = SPEC) -> None:
    """Writes the client package to ``output`` (replacing what is there)."""
    with tempfile.TemporaryDirectory() as tmp:
        view = Path(tmp) / "openapi.json"
        view.write_text(json.dumps(client_view(load_spec(spec_path)), indent=2), encoding="utf-8")
        settings = Path(tmp) / "client.json"  # JSON is YAML: the generator reads either
        settings.write_text(json.dumps(generator_config(project.config(spec_path))))
        built = Path(tmp) / "client"
        result = subprocess.run(
            [
                *_generator(),
                f"--path={view}",
                f"--config={settings}",
                f"--output-path={built}",
                "--meta=uv",
                "--fail-on-warning",
            ],
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            raise RuntimeError(f"openapi-python-client failed:\n{result.stdout}{result.stderr}")
        _ruff("check", "--fix-only", cwd=built)
        _ruff("format", cwd=built)
        if output.exists():
            shutil.rmtree(output)
        output.parent.mkdir(parents=True, exist_ok=True)
        shutil.copytree(built, output)


def _files(root: Path) -> dict[str, str]:
    if not root.is_dir():
        return {}
    return {
        p.relative_to(root).as_posix(): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*"))
        if p.is_file() and not CACHES.intersection(p.relative_to(root).parts)
    }


def stale(output: Path = OUTPUT, spec_path: Path = SPEC) -> str:
    """A unified diff from ``output`` to a freshly generated client; empty when up to date."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "client"
        generate(fresh, spec_path)
        new = _files(fresh)
    old = _files(output)
    diff: list[str] = []
    for name in sorted(old.keys() | new.keys()):
        diff += difflib.unified_diff(
            old.get(name, "").splitlines(keepends=True),
            new.get(name, "").splitlines(keepends=True),
            f"clients/python/{name}",
            f"clients/python/{name} (from spec)",
        )
    return "".join(diff)


cli = typer.Typer(add_completion=False)


@cli.command()
def main(
    check: Annotated[
        bool, typer.Option(help="Fail with a diff when clients/python is stale.")
    ] = False,
    output: Annotated[
        Path | None,
        typer.Option(help="The client project to write (default: [tool.specfirst] client_output)."),
    ] = None,
) -> None:
    output = output or project.config().client_output
    if check:
        diff = stale(output)
        if diff:
            typer.echo(diff, nl=False)
            typer.echo(
                "clients/python is stale: run `nox -s client` and commit the result.", err=True
            )
            raise typer.Exit(1)
        typer.echo("clients/python is up to date.")
        return
    generate(output)
    typer.echo(f"wrote the client to {output}")


if __name__ == "__main__":
    cli()
