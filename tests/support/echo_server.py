"""`python -m tests.support.echo_server PORT`: a bare python-socketio server that answers each event.

The floor for a socket round trip on this machine: the same Engine.IO/Socket.IO stack Reflex uses
(python-socketio, ASGI, one worker), under uvicorn, with no state, no database and no Redis. A
client emits "event" with any payload; the server emits it back as "echo" to that client.
"""

from __future__ import annotations

import sys

import socketio
import uvicorn

server = socketio.AsyncServer(async_mode="asgi", cors_allowed_origins="*")
app = socketio.ASGIApp(server, socketio_path="/_event")


@server.on("event", namespace="/_event")
async def event(sid: str, data) -> None:
    await server.emit("echo", data, to=sid, namespace="/_event")


if __name__ == "__main__":
    # wsproto: the WebSocket library already installed with python-socketio (simple-websocket).
    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", ws="wsproto")
