"""specfirst.observability: request ids that are safe to echo, labels that stay few, one log
handler however often logging is configured, a JSON line for every record, metrics under the
configured prefix."""

from __future__ import annotations

import json
import logging
import re
import uuid

from specfirst.observability import (
    OUR_HANDLER,
    Metrics,
    configure_logging,
    formatter,
    incoming_request_id,
    new_request_id,
    operation_label,
    printable,
)

UUID = re.compile(r"^[0-9a-f-]{36}$")


def test_a_sane_request_id_is_kept_and_anything_else_replaced() -> None:
    assert incoming_request_id({"headers": [(b"x-request-id", b"trace-1:a.b")]}) == "trace-1:a.b"
    assert UUID.match(incoming_request_id({"headers": [(b"x-request-id", b"a b")]}))
    assert UUID.match(incoming_request_id({"headers": [(b"x-request-id", b"x" * 129)]}))
    assert UUID.match(incoming_request_id({"headers": []}))


def test_a_fresh_request_id_is_a_uuid4_written_as_uuid_writes_it() -> None:
    made = [new_request_id() for _ in range(2000)]
    assert len(set(made)) == len(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
        assert str(parsed) == text
    # Every bit but the six fixed ones varies.
    ored, anded = 0, (1 << 128) - 1
    for text in made:
        ored |= uuid.UUID(text).int
        anded &= uuid.UUID(text).int
    assert bin(ored ^ anded).count("1") == 122


def test_requests_are_labelled_by_operation_or_own_route_never_by_path() -> None:
    routed = {"extensions": {"connexion_routing": {"operation_id": "getWidget"}}, "path": "/w/1"}
    assert operation_label(routed) == "getWidget"
    assert operation_label({"path": "/readyz"}) == "readyz"
    assert operation_label({"path": "/ui/index.html"}) == "swagger-ui"
    assert operation_label({"path": "/uix"}) == "unmatched"
    assert operation_label({"path": "/anything/else"}) == "unmatched"


def test_configuring_logging_again_replaces_its_own_handler_only() -> None:
    root = logging.getLogger()
    before = [h for h in root.handlers if not getattr(h, OUR_HANDLER, False)]
    level = root.level
    try:
        configure_logging("warning", "plain")
        configure_logging("INFO", "json")
        ours = [h for h in root.handlers if getattr(h, OUR_HANDLER, False)]
        assert len(ours) == 1 and root.level == logging.INFO
        assert [h for h in root.handlers if not getattr(h, OUR_HANDLER, False)] == before
    finally:
        for handler in [h for h in root.handlers if getattr(h, OUR_HANDLER, False)]:
            root.removeHandler(handler)
        root.setLevel(level)


def test_metrics_are_named_by_their_prefix() -> None:
    metrics = Metrics("shop")
    metrics.observe("getWidget", "GET", 200, 0.01)
    metrics.observe("getWidget", "GET", 200, 0.02)
    text = metrics.exposition().decode()
    assert 'shop_requests_total{method="GET",operation_id="getWidget",status="200"} 2.0' in text
    assert 'shop_request_duration_seconds_count{operation_id="getWidget"} 2.0' in text


def test_every_record_becomes_one_json_line_even_those_orjson_refuses() -> None:
    json_lines = formatter("json")

    def line(message: str, *args: object, **extra: object) -> dict[str, object]:
        record = logging.LogRecord("shop.access", logging.INFO, __file__, 1, message, args, None)
        record.__dict__.update(extra)
        text = json_lines.format(record)
        assert "\n" not in text
        parsed: dict[str, object] = json.loads(text)
        return parsed

    plain = line("GET %s %s", "/widgets/é", 200, status=200)
    assert plain["message"] == "GET /widgets/é 200" and plain["status"] == 200
    assert plain["level"] == "INFO" and plain["logger"] == "shop.access"
    # A JSON body may carry a lone surrogate ("\\ud800"), and an integer may not fit in 64 bits.
    assert line("note %s", "\ud800")["message"] == "note \ud800"
    assert line("big", count=2**70)["count"] == 2**70


def test_a_plain_line_escapes_what_could_forge_a_line_or_drive_a_terminal() -> None:
    plain = formatter("plain")
    chosen = "HTTP 410: \x1b]0;owned\x07\n2026-12-04 INFO forged\tline é \ud800"
    record = logging.LogRecord("shop", logging.WARNING, __file__, 1, "failed (%s)", (chosen,), None)
    text = plain.format(record)
    assert text.endswith(
        "failed (HTTP 410: \\x1b]0;owned\\x07\\n2026-12-04 INFO forged\\tline é \\ud800)"
    )
    assert printable("GET /widgets/é 200") == "GET /widgets/é 200"
