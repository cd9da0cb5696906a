"""``python -m specfirst serve --mock``: the mock of the spec of the project in the current
folder (its ``[tool.specfirst]``), for any spec, before any handler exists. Settings are read
from SERVICE_* variables (SERVICE_PORT, SERVICE_LOG_FORMAT, ...)."""

from specfirst.cli import service_cli
from specfirst.settings import ServiceSettings

cli = service_cli(
    "Serve the mock of this project's spec (pyproject.toml's [tool.specfirst] spec).",
    settings=ServiceSettings,
    app_factory=None,
    mock_factory="specfirst.mock:create_mock_app",
)

if __name__ == "__main__":
    cli()
