"""The project codegen works on: its folder, its ``[tool.specfirst]`` config, and the header
every generated file carries."""

from __future__ import annotations

from pathlib import Path

from specfirst.config import Config, load_config

ROOT = Path(__file__).resolve().parent.parent
REGENERATE = "nox -s generate"


def config(spec: Path | None = None) -> Config:
    """This project's config (pyproject.toml's ``[tool.specfirst]``); ``spec`` overrides its
    document."""
    return load_config(ROOT, spec=spec)


def header(spec_path: Path, regenerate: str = REGENERATE) -> str:
    """The first line of every generated file: what it is made from, how to remake it."""
    try:
        shown = spec_path.resolve().relative_to(ROOT).as_posix()
    except ValueError:
        shown = spec_path.name
    return f"Generated from {shown} by codegen ({regenerate}). Do not edit."
