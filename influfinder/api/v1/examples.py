"""Examples for the response schemas the services' dataclasses define, built from the schemas.

The request bodies carry hand-written examples; the services' answers (OfferSummary, SubmissionView,
...) are dataclasses without any. So that every schema in the document shows one, an example is
assembled here from each schema's own fields: a field's documented example when it has one, else a
plain value of its type and format. Built from the schema, it always validates against it.
"""

from __future__ import annotations

from typing import Any

MOMENT = "2026-12-06T12:00:00Z"
AN_ID = "4f6c1f9e-3f5e-4c1e-9f59-0c9b1f1f2a10"
FORMATS = {"uuid": AN_ID, "date-time": MOMENT, "date": "2026-12-06", "uri": "https://influfinder.example/p/1",
           "email": "lucia@example.com", "binary": "..."}
DEPTH = 6  # nested schemas deeper than this get no example of their own (recursive shapes)


def add_examples(schemas: dict[str, dict]) -> None:
    """Give every object and array schema in `schemas` (the document's components) an example, in place."""
    for schema in schemas.values():
        if schema.get("type") in ("object", "array") and "examples" not in schema:
            schema["examples"] = [_example(schema, schemas, 0)]


def _example(schema: dict, schemas: dict[str, dict], depth: int) -> Any:
    if "examples" in schema and schema["examples"]:
        return schema["examples"][0]
    if "$ref" in schema:
        return _example(schemas[schema["$ref"].rsplit("/", 1)[1]], schemas, depth + 1) if depth < DEPTH else {}
    if "enum" in schema:
        return schema["enum"][0]
    if "const" in schema:
        return schema["const"]
    if "default" in schema and schema["default"] is not None:
        return schema["default"]
    for key in ("anyOf", "oneOf", "allOf"):
        if key in schema:
            choices = [c for c in schema[key] if c.get("type") != "null"] or schema[key]
            return _example(choices[0], schemas, depth)
    return _by_type(schema, schemas, depth)


def _by_type(schema: dict, schemas: dict[str, dict], depth: int) -> Any:
    kind = schema.get("type")
    if kind == "object":
        properties = schema.get("properties", {})
        if not properties:
            extra = schema.get("additionalProperties")
            return {"ACCEPTED": _example(extra, schemas, depth + 1)} if isinstance(extra, dict) and extra else {}
        return {name: _example(field, schemas, depth + 1) for name, field in properties.items()}
    if kind == "array" and "prefixItems" in schema:  # a tuple: one value per position
        return [_example(item, schemas, depth + 1) for item in schema["prefixItems"]]
    if kind == "array":
        return [_example(schema.get("items", {}), schemas, depth + 1)] if depth < DEPTH else []
    if kind == "string":
        return FORMATS.get(schema.get("format", ""), "text")
    if kind == "integer":
        return max(1, schema.get("minimum", 1))
    if kind == "number":
        return max(4.5, schema.get("minimum", 0))
    if kind == "boolean":
        return True
    return None
