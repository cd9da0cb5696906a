"""``orders-api`` (or ``python -m app``): serve the service, migrate its database, show settings."""

from __future__ import annotations

import logging
import signal
import threading
from typing import Annotated

import typer

from app.settings import Settings, effective, settings_table
from app.storage.database import make_engine, migrate
from app.storage.outbox import Outbox
from app.storage.tokens import TokenStore
from specfirst.cli import service_cli
from specfirst.observability import printable
from specfirst.settings import ServiceSettings


def prepare(settings: ServiceSettings) -> None:
    """Before serving: migrate once here, so that workers starting together find the schema
    ready, and say how to issue the first token when there is none (there is no built-in one)."""
    assert isinstance(settings, Settings)  # the settings class service_cli was given
    engine = make_engine(settings.database_url)
    migrate(engine)
    if not TokenStore(engine).any_live():
        logging.getLogger("app").warning(
            "no API token yet: every operation answers 401 until one is issued, e.g. "
            "`orders-api token issue --party Verizon --role buyer`"
        )


cli = service_cli(
    "The Order API service.",
    settings=Settings,
    app_factory="app.main:create_app",
    mock_factory="app.mock:create_mock_app",
    prepare=prepare,
)


@cli.command("worker")
def run_worker() -> None:
    """Do the seller's background work (process orders, deliver notifications) in this process
    until stopped (Ctrl-C, SIGTERM). Serve with ORDERS_WORKER=false to leave the work to it;
    any number of them share the work through the database."""
    from app.main import seller, storage  # the service's composition: only this command needs it

    settings = Settings()
    uow = storage(settings)
    stopped = threading.Event()
    for number in (signal.SIGINT, signal.SIGTERM):
        signal.signal(number, lambda *_: stopped.set())
    worker = seller(settings, uow)
    worker.start()
    logging.getLogger("app").info("the seller's worker is running")
    try:
        while not stopped.wait(1.0):
            pass
    finally:
        worker.stop()
    logging.getLogger("app").info("the seller's worker stopped")


db = typer.Typer(help="The database schema.", no_args_is_help=True)
cli.add_typer(db, name="db")


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
        fields = (d.seq, d.order_id, version, d.state, d.attempts, d.url, d.last_error or "")
        # The error holds the buyer's answer: escaped, it can neither split the line into other
        # fields nor drive the operator's terminal.
        typer.echo("\t".join(printable(str(field)) for field in fields))


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
        bool, typer.Option(help="Print the table of every setting (docs/operators.md's) instead.")
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
