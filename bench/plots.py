"""The PNG plots of a bench run (matplotlib, no display): throughput and p99 per app and
operation, and the service's CPU per request against stored orders and against page size."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # files only, whatever the machine's display
    import matplotlib.pyplot as plt

    return plt


def comparison(
    medians: Mapping[str, Mapping[str, Any]],
    labels: Mapping[str, str],
    operations: Mapping[str, str],
    path: Path,
) -> Path:
    """Two bar charts side by side: requests per second and p99 latency, one bar per app in
    each operation's group. ``medians``: app -> operation -> Sample."""
    plt = _pyplot()
    apps = list(medians)
    ops = list(next(iter(medians.values())))
    figure, (rps, p99) = plt.subplots(1, 2, figsize=(13, 4.5))
    width = 0.8 / len(apps)
    for i, app in enumerate(apps):
        xs = [n + i * width for n in range(len(ops))]
        rps.bar(xs, [medians[app][op].rps for op in ops], width, label=labels[app])
        p99.bar(xs, [medians[app][op].p99 for op in ops], width, label=labels[app])
    for axes, title in ((rps, "throughput (requests/s)"), (p99, "p99 latency (ms)")):
        axes.set_xticks([n + 0.4 - width / 2 for n in range(len(ops))])
        axes.set_xticklabels([operations[op] for op in ops], rotation=12, fontsize=8)
        axes.set_title(title)
        axes.set_yscale("log")
        axes.grid(axis="y", alpha=0.3)
    rps.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)
    return path


def cpu_curve(
    points: Mapping[str, Sequence[tuple[float, float]]], xlabel: str, title: str, path: Path
) -> Path:
    """CPU ms per request against ``xlabel``, one line per series (label -> (x, cpu) points)."""
    plt = _pyplot()
    figure, axes = plt.subplots(figsize=(6.5, 4))
    for label, series in points.items():
        axes.plot([x for x, _ in series], [y for _, y in series], marker="o", label=label)
    axes.set_xscale("log")
    axes.set_xlabel(xlabel)
    axes.set_ylabel("server CPU per request (ms)")
    axes.set_ylim(bottom=0)
    axes.set_title(title)
    axes.grid(alpha=0.3)
    axes.legend(fontsize=8)
    figure.tight_layout()
    figure.savefig(path, dpi=90)
    plt.close(figure)
    return path
