"""Third-party OpenAPI 3.0 documents the framework must handle (see SOURCES.md)."""
