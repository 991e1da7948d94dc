"""Lifecycles as tables (DESIGN rule 5): from-state, action, to-state, and who may do it.

A table is a tuple of `Move` rows, written with `move` (one row) and `moves` (the same action from
several states). `transition(table, state, action, role)` looks the move up and returns the state
it leads to, or raises `TransitionRefused` with a reason a person can read.
Applying the move atomically (a conditional UPDATE) is the services' job; this module only decides.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

OWNER = "owner"
CREATOR = "creator"
ADMIN = "admin"
SYSTEM = "system"  # the app itself, no person: the periodic job that completes collaborations
ROLES = frozenset({OWNER, CREATOR, ADMIN, SYSTEM})


@dataclass(frozen=True)
class Move:
    source: Enum
    action: str
    target: Enum
    roles: frozenset[str]


@dataclass(frozen=True)
class Lifecycle:
    """A transition table plus the words used to explain a refusal ("offer", "publish" -> "publish")."""

    noun: str
    moves: tuple[Move, ...]
    # action -> how a sentence says it, where the action's own name does not read well:
    # "start_review" -> "review" ("You cannot review this submission: ...").
    verbs: dict[str, str] = field(default_factory=dict)

    def actions(self) -> frozenset[str]:
        return frozenset(m.action for m in self.moves)

    def sources(self, action: str) -> tuple[Enum, ...]:
        """The states `action` may start from: the WHERE of the conditional UPDATE that applies it."""
        return tuple(m.source for m in self.moves if m.action == action)

    def allowed(self, state: Enum, role: str) -> list[str]:
        """The actions `role` may take from `state`, in table order: the buttons a page shows."""
        return list(dict.fromkeys(m.action for m in self.moves if m.source == state and role in m.roles))

    def find(self, state: Enum, action: str) -> Move | None:
        return next((m for m in self.moves if m.source == state and m.action == action), None)


class TransitionRefused(ValueError):
    """The move is not in the table. `kind` is "unknown_action", "wrong_state" or "wrong_role"."""

    def __init__(self, message: str, kind: str) -> None:
        super().__init__(message)
        self.message = message
        self.kind = kind


def move(source: Enum, action: str, target: Enum, *roles: str) -> Move:
    unknown = set(roles) - ROLES
    if unknown or not roles:
        raise ValueError(f"roles must be some of {sorted(ROLES)}, got {roles}")
    return Move(source, action, target, frozenset(roles))


def moves(sources: Iterable[Enum], action: str, target: Enum, *roles: str) -> tuple[Move, ...]:
    """The same move from each of `sources`, in their order: accept from APPLIED or UNDER_REVIEW."""
    return tuple(move(source, action, target, *roles) for source in sources)


def transition(table: Lifecycle, state: Enum, action: str, role: str) -> Enum:
    """The state `action` leads to from `state` when done by `role`; refused moves raise."""
    if action not in table.actions():
        raise TransitionRefused(f"That is not something you can do to this {table.noun}.", "unknown_action")
    found = table.find(state, action)
    verb = table.verbs.get(action, action)
    if found is None:
        raise TransitionRefused(
            f"You cannot {verb} this {table.noun}: it is {_label(state)}.", "wrong_state"
        )
    if role not in found.roles:
        raise TransitionRefused(f"You are not allowed to {verb} this {table.noun}.", "wrong_role")
    return found.target


def _label(state: Enum) -> str:
    return str(state.value).replace("_", " ").lower()
