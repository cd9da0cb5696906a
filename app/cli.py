"""``python -m app``: run the service, or migrate its database."""

from __future__ import annotations

from typing import Annotated

import typer
import uvicorn

from app.settings import Settings
from app.storage.database import make_engine, migrate
from app.storage.notifications import Outbox

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


deliveries = typer.Typer(help="The outbox of notifications to deliver to buyers.")
cli.add_typer(deliveries, name="deliveries")


@deliveries.command("list")
def list_deliveries(
    state: Annotated[
        str | None, typer.Option(help="pending, delivered or dead (default: every state).")
    ] = None,
    limit: Annotated[int, typer.Option(help="At most this many, oldest first.")] = 100,
) -> None:
    """List deliveries: order, notificationVersion, state, tries, target and last error."""
    outbox = Outbox(make_engine(Settings().database_url))
    for d in outbox.listed(state, limit):
        version = d.document.get("notificationVersion")
        typer.echo(
            f"{d.seq}\t{d.order_id}\t{version}\t{d.state}\t{d.attempts}\t{d.url}"
            f"\t{d.last_error or ''}"
        )


@deliveries.command("retry")
def retry_deliveries(
    seq: Annotated[
        int | None, typer.Argument(help="The delivery (default: every dead one).")
    ] = None,
) -> None:
    """Queue dead deliveries again (after the buyer fixed its endpoint)."""
    revived = Outbox(make_engine(Settings().database_url)).revive(seq)
    typer.echo(f"{revived} deliveries queued again")


if __name__ == "__main__":
    cli()
