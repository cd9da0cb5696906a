"""The command line every service shares: ``serve`` (uvicorn, several workers, ``--mock``).

An application makes its command with ``service_cli`` and adds its own commands to it.
"""

# No `from __future__ import annotations`: typer reads the options' annotations at run time,
# and serve's help texts are made from its settings class (names local to add_serve).

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from specfirst.observability import configure_logging
from specfirst.settings import ServiceSettings, env_name

# Called before the server starts (not with --mock): say, to migrate a database once, so that
# workers starting together find it ready.
Prepare = Callable[[ServiceSettings], None]
# How long uvicorn waits for a worker to answer its health check before it kills the worker.
WORKER_STARTUP_SECONDS = 30


@contextmanager
def metrics_directory(workers: int, prefix: str = "specfirst") -> Iterator[None]:
    """With several workers, prometheus-client's multiprocess mode: every worker writes its
    samples under PROMETHEUS_MULTIPROC_DIR and /metrics adds them all up (a fresh temporary
    directory unless one is given; a given one is emptied of stale samples first)."""
    if workers < 2:
        yield
        return
    given = os.environ.get("PROMETHEUS_MULTIPROC_DIR")
    directory = Path(given) if given else Path(tempfile.mkdtemp(prefix=f"{prefix}-metrics-"))
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


def add_serve(
    cli: typer.Typer,
    *,
    settings: type[ServiceSettings],
    app_factory: str | None,
    mock_factory: str,
    prepare: Prepare | None = None,
) -> None:
    """Adds ``serve`` to ``cli``: uvicorn runs ``app_factory`` (``module:function``, called in
    every worker), or ``mock_factory`` with ``--mock``; options default to ``settings``.
    Without an ``app_factory`` only the mock is served."""
    host_variable, port_variable = env_name(settings, "host"), env_name(settings, "port")
    default_port = settings.model_fields["port"].default

    @cli.command()
    def serve(
        host: Annotated[
            str | None, typer.Option(help=f"Interface (default {host_variable}).")
        ] = None,
        port: Annotated[
            int | None, typer.Option(help=f"Port (default {port_variable}, {default_port}).")
        ] = None,
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
        if app_factory is None and not mock:
            typer.echo("there are no handlers here to serve: use --mock", err=True)
            raise typer.Exit(2)
        current = settings()
        configure_logging(current.log_level, current.log_format)
        if not mock and prepare is not None:
            prepare(current)
        with metrics_directory(workers):
            uvicorn.run(
                mock_factory if mock or app_factory is None else app_factory,
                factory=True,
                host=host or current.host,
                port=port or current.port,
                workers=workers,
                # The app logs each request itself (JSON with its request id), and configures
                # logging in every worker: uvicorn's own records go through the same handler.
                access_log=False,
                log_config=None,
                log_level=current.log_level.lower(),
                # A new worker imports the whole app before it answers the supervisor's first
                # ping; on a busy host that can take longer than uvicorn's 5 s, and a worker
                # killed for it is started again, and killed again, without end.
                timeout_worker_healthcheck=WORKER_STARTUP_SECONDS,
            )


def service_cli(
    help_text: str,
    *,
    settings: type[ServiceSettings],
    app_factory: str | None,
    mock_factory: str,
    prepare: Prepare | None = None,
) -> typer.Typer:
    """A service's command, with ``serve``; the application adds its own commands."""
    cli = typer.Typer(
        add_completion=False,
        help=help_text,
        context_settings={"help_option_names": ["-h", "--help"]},
    )

    @cli.callback()
    def commands() -> None:
        # A group of commands even while serve is the only one: `serve` stays a command name.
        pass

    add_serve(
        cli, settings=settings, app_factory=app_factory, mock_factory=mock_factory, prepare=prepare
    )
    return cli
