"""Pieces the endpoint modules share: JSON of a service's answer, examples, ids, created answers."""

from __future__ import annotations

import dataclasses
import uuid
from typing import Any, Callable

from fastapi import Path
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, TypeAdapter


def examples(*shown: dict) -> ConfigDict:
    """A request body's config: unknown fields refused, and the examples the document shows."""
    return ConfigDict(extra="forbid", json_schema_extra={"examples": list(shown)})


def object_id(what: str) -> Any:
    """A path id: a UUID, or the route answers 422 before any service runs."""
    return Path(description=f"The {what}'s id (a UUID).", examples=["4f6c1f9e-3f5e-4c1e-9f59-0c9b1f1f2a10"])


def as_json(value: Any) -> Any:
    """JSON of a service's answer exactly as its response schema says (money as a decimal string)."""
    if dataclasses.is_dataclass(value) or isinstance(value, BaseModel):
        return TypeAdapter(type(value)).dump_python(value, mode="json")
    return jsonable_encoder(value)


def then_read(action: Callable, read: Callable) -> Callable:
    """`action(db, actor, id, *args)` then `read(db, actor, id)` in the same unit of work: the answer
    shows the object as the change left it."""
    def step(db, actor, key: uuid.UUID, *args: Any) -> Any:
        action(db, actor, key, *args)
        return read(db, actor, key)

    return step


def created(location: str, body: Any) -> JSONResponse:
    return JSONResponse(as_json(body), status_code=201, headers={"Location": location})


class Done(BaseModel):
    """A state change that went through: the object's new state."""

    model_config = examples({"id": "4f6c1f9e-3f5e-4c1e-9f59-0c9b1f1f2a10", "status": "ACTIVE"})
    id: uuid.UUID
    status: str


# Bodies the services validate themselves, so refusals carry the pages' own messages: the route
# takes the JSON as is and the OpenAPI document describes it with the service's model (app.py adds
# these schemas to the document's components).
DOCUMENTED: dict[str, dict] = {}


def service_body(model: type[BaseModel], example: dict, *, partial: bool = False) -> dict:
    """`openapi_extra` for a route whose JSON body `model` describes; `partial`: any field may be left out."""
    schema = {**model.model_json_schema(ref_template="#/components/schemas/{model}"), "examples": [example]}
    for name, definition in schema.pop("$defs", {}).items():
        DOCUMENTED[name] = definition
    name = model.__name__ + ("Changes" if partial else "")
    if partial:
        schema.pop("required", None)
        schema["title"] = name
    DOCUMENTED[name] = schema
    return {"requestBody": {"required": True, "content": {"application/json": {
        "schema": {"$ref": f"#/components/schemas/{name}"}}}}}
