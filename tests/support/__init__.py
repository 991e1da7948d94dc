"""Helpers shared by the test suite; fixtures that use them live in tests/conftest.py."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# Screenshots, server logs and other artefacts of a run; git-ignored (tests/output/.gitignore).
OUTPUT_DIR = ROOT / "tests" / "output"
