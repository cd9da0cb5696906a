"""Generated from tests/codegen/baseline/openapi.yaml by codegen (CODEGEN_UPDATE_GOLDEN=1 pytest tests/codegen/test_baseline.py). Do not edit."""
