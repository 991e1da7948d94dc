"""Debian's Chromium driven by Playwright's sync API (Playwright cannot download browsers here)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field

CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run",
]


@dataclass(frozen=True)
class Viewport:
    name: str
    width: int
    height: int


DESKTOP = Viewport("desktop", 1280, 800)
MOBILE = Viewport("mobile", 390, 844)


def chromium_path() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser")


@dataclass
class ConsoleProblem:
    kind: str  # "error" (console.error, failed loads) or "pageerror" (an uncaught exception)
    text: str
    url: str = ""


@dataclass
class ConsoleWatch:
    """Every console error and uncaught exception of one page, and whether its live socket answers."""

    problems: list[ConsoleProblem] = field(default_factory=list)
    socket_frames: int = 0

    def attach(self, page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", lambda error: self.problems.append(ConsoleProblem("pageerror", str(error))))
        page.on("websocket", lambda ws: ws.on("framereceived", self._on_frame))

    def _on_frame(self, _payload) -> None:
        self.socket_frames += 1

    def wait_for_live_socket(self, page, attempts: int = 300) -> None:
        """Reflex pages talk to the server over a WebSocket; a page without it is dead to clicks."""
        for _ in range(attempts):
            if self.socket_frames:
                return
            page.wait_for_timeout(100)  # lets Playwright deliver the socket's events
        raise AssertionError("the page's WebSocket never received a frame from the server")

    def _on_console(self, message) -> None:
        if message.type == "error":
            self.problems.append(ConsoleProblem("error", message.text, (message.location or {}).get("url", "")))

    def unexpected(self, *, expected_404: str | None = None) -> list[ConsoleProblem]:
        """The problems, minus Chromium's own line for a page we asked for knowing it is a 404."""
        return [p for p in self.problems
                if not (expected_404 and p.url == expected_404 and "status of 404" in p.text)]
