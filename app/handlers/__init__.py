"""Hand-written handlers: one class per spec tag, checked by mypy against generated.protocols."""
