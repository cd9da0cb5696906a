"""``python -m tests.corpus.report``: run codegen on every corpus spec and print OK or why not.

One line per spec: its name, ``OK`` or ``FAIL``, the seconds it took and, on failure, the last
line codegen printed (the one a user would read first). Exits 1 when any spec fails, so the
script also works as a quick gate while codegen learns the constructs the corpus uses.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SPECS = Path(__file__).resolve().parent / "specs"
TIMEOUT_SECONDS = 600
LAST_LINE_CHARS = 240
# Typer's boxed tracebacks wrap the exception over several lines; the plain one ends with it.
PLAIN_TRACEBACKS = {"_TYPER_STANDARD_TRACEBACK": "1"}


@dataclass(frozen=True)
class Outcome:
    spec: Path
    ok: bool
    seconds: float
    last_line: str
    output: str


def corpus() -> list[Path]:
    return sorted(p for p in SPECS.iterdir() if p.suffix in {".yaml", ".yml", ".json"})


def last_line(text: str) -> str:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    line = lines[-1] if lines else "(no output)"
    return line if len(line) <= LAST_LINE_CHARS else line[: LAST_LINE_CHARS - 3] + "..."


def generate(spec: Path) -> Outcome:
    """Generation as ``python -m codegen`` does it, written into a throwaway directory."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        command = [
            sys.executable,
            "-m",
            "codegen",
            f"--spec={spec}",
            f"--output={Path(tmp) / 'generated'}",
            f"--reference={Path(tmp) / 'api.md'}",
        ]
        try:
            result = subprocess.run(
                command,
                cwd=ROOT,
                capture_output=True,
                text=True,
                timeout=TIMEOUT_SECONDS,
                env={**os.environ, **PLAIN_TRACEBACKS},
            )
        except subprocess.TimeoutExpired:
            return Outcome(spec, False, time.perf_counter() - started, "timed out", "")
    seconds = time.perf_counter() - started
    output = result.stderr or result.stdout
    if result.returncode == 0:
        return Outcome(spec, True, seconds, "", output)
    return Outcome(spec, False, seconds, last_line(output), output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("names", nargs="*", help="only these specs (file names, stem is enough)")
    parser.add_argument("--verbose", action="store_true", help="print each failure's whole output")
    args = parser.parse_args(argv)
    specs = [s for s in corpus() if not args.names or {s.name, s.stem} & set(args.names)]
    outcomes = []
    for spec in specs:
        outcome = generate(spec)
        outcomes.append(outcome)
        verdict = "OK" if outcome.ok else f"FAIL  {outcome.last_line}"
        print(f"{spec.name:36} {outcome.seconds:6.1f}s  {verdict}", flush=True)
        if args.verbose and not outcome.ok:
            print(outcome.output, flush=True)
    failed = sum(not o.ok for o in outcomes)
    print(f"{len(outcomes) - failed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
