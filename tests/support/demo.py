"""A fixed clock and a stable fingerprint of the demo rows."""

import hashlib
import json
from datetime import datetime, timezone

from influfinder.services.demo_data import DemoData, build_demo

NOW = datetime(2026, 11, 26, 12, 0, tzinfo=timezone.utc)


def rows_as_data(data: DemoData) -> list[tuple[str, dict]]:
    return [(type(row).__name__, row.model_dump()) for row in data.rows()]


def demo_digest(now: datetime) -> str:
    text = json.dumps(rows_as_data(build_demo(now, "not-a-real-hash")), default=str, sort_keys=True)
    return hashlib.sha256(text.encode()).hexdigest()
