"""``orders-api`` (or ``python -m app``): serve the service, migrate its database, show settings."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from app.observability import configure_logging
from app.settings import Settings, effective, settings_table
from app.storage.database import make_engine, migrate
from app.storage.outbox import Outbox
from app.storage.tokens import TokenStore

cli = typer.Typer(
    add_completion=False,
    help="The Order API service.",
    context_settings={"help_option_names": ["-h", "--help"]},
)
db = typer.Typer(help="The database schema.", no_args_is_help=True)
cli.add_typer(db, name="db")


@contextmanager
def metrics_directory(workers: int) -> Iterator[None]:
    """With several workers, prometheus-client's multiprocess mode: every worker writes its
    samples under PROMETHEUS_MULTIPROC_DIR and /metrics adds them all up (a fresh temporary
    directory unless one is given; a given one is emptied of stale samples first)."""
    if workers < 2:
        yield
        return
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    directory = Path(given) if given else Path(tempfile.mkdtemp(prefix="orders-api-metrics-"))
    directory.mkdir(parents=True, exist_ok=True)
    for stale in directory.glob("*.db"):
        stale.unlink()
    os.environ["PROMETHEUS_MULTIPROC_DIR"] = str(directory)
    try:
        yield
    finally:
        if not given:
            del os.environ["PROMETHEUS_MULTIPROC_DIR"]
            shutil.rmtree(directory, ignore_errors=True)


@cli.command()
def serve(
    host: Annotated[str | None, typer.Option(help="Interface (default ORDERS_HOST).")] = None,
    port: Annotated[int | None, typer.Option(help="Port (default ORDERS_PORT, 8080).")] = None,
    workers: Annotated[int, typer.Option(help="Worker processes.", min=1)] = 1,
    mock: Annotated[
        bool,
        typer.Option(
            help="Answer every operation with its spec example, validating requests; "
            "no database, no handlers."
        ),
    ] = False,
) -> None:
    """Serve the API (Swagger UI at /ui, the spec at /openapi.yaml and /openapi.json)."""
    settings = Settings()
    configure_logging(settings)
    if not mock:
        # Migrate once here, so that workers starting together find the schema ready.
        engine = make_engine(settings.database_url)
        migrate(engine)
        if not TokenStore(engine).any_live():
            # There is no built-in secret: say how to make the first one.
            logging.getLogger("app").warning(
                "no API token yet: every operation answers 401 until one is issued, e.g. "
                "`orders-api token issue --party Verizon --role buyer`"
            )
    with metrics_directory(workers):
        uvicorn.run(
            "app.mock:create_mock_app" if mock else "app.main:create_app",
            factory=True,
            host=host or settings.host,
            port=port or settings.port,
            workers=workers,
            # The app logs each request itself (JSON with its request id), and configures
            # logging in every worker: uvicorn's own records go through the same handler.
            access_log=False,
            log_config=None,
            log_level=settings.log_level.lower(),
        )


@db.command("upgrade")
def db_upgrade() -> None:
    """Bring the database schema up to date (the service also does this when it starts)."""
    settings = Settings()
    migrate(make_engine(settings.database_url))
    typer.echo("database is up to date")


token = typer.Typer(help="API tokens of buyers and sellers.", no_args_is_help=True)
cli.add_typer(token, name="token")


def tokens() -> TokenStore:
    settings = Settings()
    engine = make_engine(settings.database_url)
    migrate(engine)
    return TokenStore(engine)


@token.command("issue")
def issue_token(
    party: Annotated[str, typer.Option(help="The party: a buyerId for a buyer (Verizon).")],
    role: Annotated[str, typer.Option(help="buyer or seller.")],
) -> None:
    """Issue a token and print it, once: only its hash is kept."""
    try:
        issued, secret = tokens().issue(party, role)
    except ValueError as error:
        raise typer.BadParameter(str(error)) from error
    typer.echo(
        f"issued {issued.id} for {issued.party} ({issued.role}); the token, shown once:", err=True
    )
    typer.echo(secret)


@token.command("list")
def list_tokens() -> None:
    """Every token: id, party, role, issued, revoked (never the token)."""
    for t in tokens().listed():
        revoked = t.revoked_at.isoformat(timespec="seconds") if t.revoked_at else "live"
        typer.echo(
            f"{t.id}\t{t.party}\t{t.role}\t{t.created_at.isoformat(timespec='seconds')}\t{revoked}"
        )


@token.command("revoke")
def revoke_token(
    token_id: Annotated[str, typer.Argument(help="The token's id (tok_...).")],
) -> None:
    """Revoke a token (it stops working within ORDERS_TOKEN_CACHE_SECONDS)."""
    if not tokens().revoke(token_id):
        typer.echo(f"no live token has id {token_id}", err=True)
        raise typer.Exit(1)
    typer.echo(f"revoked {token_id}")


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


@cli.command("migrate", hidden=True)
def migrate_command() -> None:
    """Old name of `db upgrade`."""
    db_upgrade()


@cli.command("settings")
def show_settings(
    markdown: Annotated[
        bool, typer.Option(help="Print the table of every setting (README.md's) instead.")
    ] = False,
) -> None:
    """Print the effective settings (ORDERS_* variables, .env, defaults), secrets masked."""
    if markdown:
        typer.echo(settings_table(), nl=False)
        return
    for name, value in effective(Settings()).items():
        typer.echo(f"{name}={value}")


if __name__ == "__main__":
    cli()
