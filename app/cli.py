"""``python -m app``: run the service, or migrate its database."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from app.settings import Settings
from app.storage.database import make_engine, migrate

cli = typer.Typer(add_completion=False, help="The Order API service.")


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface (default ORDERS_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default ORDERS_PORT, 8080).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.")] = 1,
) -> None:
    """Serve the API (Swagger UI at /ui, the spec at /openapi.yaml and /openapi.json)."""
    settings = Settings()
    # Migrate once here, so that workers starting together find the schema ready.
    migrate(make_engine(settings.database_url))
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host or settings.host,
        port=port or settings.port,
        workers=workers,
    )


@cli.command("migrate")
def migrate_command() -> None:
    """Bring the database schema up to date (the service also does this when it starts)."""
    settings = Settings()
    migrate(make_engine(settings.database_url))
    typer.echo("database is up to date")


if __name__ == "__main__":
    cli()
