"""SQLModel storage: orders as indexed columns plus the full JSON document."""
