"""Turns spec/openapi.yaml into the committed generated/ package.

Run it with ``nox -s generate`` (writes) or ``nox -s check`` (fails with a diff when stale).
"""
