"""Generated from spec/openapi.yaml by codegen (nox -s generate). Do not edit."""
