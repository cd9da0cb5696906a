"""``python -m codegen [--check]``: regenerate generated/ from spec/openapi.yaml."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from codegen.generate import OUTPUT, SPEC, SpecError, build, stale, write

cli = typer.Typer(add_completion=False)


@cli.command()
def main(
    check: Annotated[bool, typer.Option(help="Fail with a diff when generated/ is stale.")] = False,
    spec: Annotated[Path, typer.Option(help="The OpenAPI document.")] = SPEC,
    output: Annotated[Path, typer.Option(help="The package to write.")] = OUTPUT,
) -> None:
    try:
        files = build(spec)
    except SpecError as error:
        typer.echo(f"{spec}: invalid:\n{error}", err=True)
        raise typer.Exit(1) from error
    if check:
        diff = stale(files, output)
        if diff:
            typer.echo(diff, nl=False)
            typer.echo(
                "generated/ is stale: run `nox -s generate` and commit the result.", err=True
            )
            raise typer.Exit(1)
        typer.echo("generated/ is up to date.")
        return
    write(files, output)
    typer.echo(f"wrote {len(files)} files to {output}")


if __name__ == "__main__":
    cli()
