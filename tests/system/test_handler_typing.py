"""The generated surface, type-checked: mypy (a subprocess, as the project runs it) names a
handler that is missing or has the wrong signature where the operations are bound."""

from __future__ import annotations

import textwrap
from pathlib import Path

from tests.helpers import mypy, mypy_errors


def test_mypy_rejects_a_missing_or_mistyped_handler(tmp_path: Path) -> None:
    module = tmp_path / "broken_binding.py"
    module.write_text(
        textwrap.dedent(
            """
            from app.handlers.notifications import NotificationHandlers
            from app.handlers.orders import OrderHandlers
            from generated import models
            from generated.operations import Operations


            class NoHold(OrderHandlers):
                hold_order = None  # the handler is gone


            class BadGet(NotificationHandlers):
                def get_latest_order_notification(self, *, id_: int) -> models.OrderNotification:
                    raise NotImplementedError


            def bind(orders: NoHold, notifications: BadGet) -> Operations:
                return Operations(orders=orders, notifications=notifications)
            """
        )
    )
    result = mypy(str(module))
    assert result.returncode == 1, result.stdout
    errors = "\n".join(mypy_errors(result.stdout))
    assert 'Argument "orders" to "Operations" has incompatible type "NoHold"' in errors
    assert 'Argument "notifications" to "Operations" has incompatible type "BadGet"' in errors
