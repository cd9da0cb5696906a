"""bench.inprocess --split's report: each app's median whole request, framework part and the
rest, and the ratios taken within each round, then their median."""

from __future__ import annotations

from bench.inprocess import split_report

WHOLE = {"us": [1000.0, 2000.0, 1500.0], "fastapi": [1100.0, 2600.0, 1500.0]}
FRAMEWORK = {"us": [100.0, 400.0, 200.0], "fastapi": [200.0, 300.0, 250.0]}


def test_the_rest_and_the_ratios_are_medians_of_each_rounds() -> None:
    report = split_report("post", 3, WHOLE, FRAMEWORK, 0).splitlines()
    assert report[0] == "post, CPU µs per request, median of 3 rounds:"
    # The rest, round by round: us 900, 1600, 1300; fastapi 900, 2300, 1250.
    assert report[1] == "  us: 1500 whole, 200 framework only, 1300 the rest (domain and storage)"
    assert report[2] == (
        "  fastapi: 1500 whole, 250 framework only, 1250 the rest (domain and storage)"
    )
    # fastapi / us by round 1.10, 1.30, 1.00: 1.10 (the medians' ratio would say 1.00); the
    # bound, fastapi whole / our rest, 1.22, 1.62, 1.15: 1.22 (the medians' ratio: 1.15).
    assert report[3] == "  fastapi / us: 1.10; with a framework that cost nothing at most 1.22"
    assert report[4] == "  orders written while the domain was replayed: 0"


def test_a_read_has_no_bound_for_the_apps_read_differently() -> None:
    report = split_report("get", 3, WHOLE, FRAMEWORK, 2)
    assert "  fastapi / us: 1.10\n" in report
    assert "at most" not in report
    assert report.endswith("orders written while the domain was replayed: 2")
