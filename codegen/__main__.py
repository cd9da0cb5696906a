"""``python -m codegen [--check]``: regenerate generated/ and docs/api.md from spec/openapi.yaml.
``python -m codegen new SPEC DIR``: scaffold a new service from SPEC (see codegen/new.py)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, NoReturn

import typer

from codegen import docs, new, project
from codegen.generate import CodegenError, SpecError, UnsupportedError, build, stale, write
from specfirst.document import load_spec

cli = typer.Typer(add_completion=False)


def fail(spec: Path, error: CodegenError) -> NoReturn:
    """Says why codegen stopped, one problem a line, each after the spec's path; exit 1."""
    if isinstance(error, SpecError):
        typer.echo(f"{spec}: invalid:\n{error}", err=True)
    elif isinstance(error, UnsupportedError):
        for problem in error.problems:
            typer.echo(f"{spec}: {problem}", err=True)
    else:
        typer.echo(f"{spec}: {error}", err=True)
    raise typer.Exit(1) from error


@cli.callback(invoke_without_command=True)
def main(
    context: typer.Context,
    check: Annotated[
        bool, typer.Option(help="Fail with a diff when generated/ or docs/api.md is stale.")
    ] = False,
    spec: Annotated[
        Path | None, typer.Option(help="The OpenAPI document (default: [tool.specfirst] spec).")
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(help="The package to write (default: [tool.specfirst] generated)."),
    ] = None,
    reference: Annotated[
        Path, typer.Option(help="The Markdown API reference to write.")
    ] = docs.DOCS,
) -> None:
    """Regenerate generated/ and docs/api.md from the spec, or check them (--check)."""
    if context.invoked_subcommand is not None:
        return
    config = project.config(spec)
    spec, output = config.spec, output or config.generated
    try:
        files = build(spec)
    except CodegenError as error:
        fail(spec, error)
    text = docs.api_reference(load_spec(spec), spec)
    if check:
        diffs = {"generated/": stale(files, output), "docs/api.md": docs.stale(text, reference)}
        for diff in diffs.values():
            typer.echo(diff, nl=False)
        for name, diff in diffs.items():
            if diff:
                typer.echo(
                    f"{name} is stale: run `nox -s generate` and commit the result.", err=True
                )
        if any(diffs.values()):
            raise typer.Exit(1)
        typer.echo("generated/ and docs/api.md are up to date.")
        return
    write(files, output)
    docs.write(text, reference)
    typer.echo(f"wrote {len(files)} files to {output}, and {reference}")


@cli.command("new")
def new_service(
    spec: Annotated[Path, typer.Argument(help="The OpenAPI 3.0 document.")],
    target: Annotated[Path, typer.Argument(help="The service's folder: new, or empty.")],
) -> None:
    """Scaffold a new service from SPEC in TARGET: its mock answers at once, its operations
    501 until their handlers are written (see docs/new-service.md)."""
    try:
        written = new.scaffold(spec, target)
    except new.ScaffoldError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from error
    except CodegenError as error:
        fail(spec, error)
    typer.echo(f"wrote {len(written)} files to {target}; next: cd {target} and see README.md")


if __name__ == "__main__":
    cli()
