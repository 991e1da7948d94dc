"""Admin states. Every admin state subclasses AdminState; state.guards refuses their handlers
to anyone who is not an admin."""

import reflex as rx


class AdminState(rx.State):
    """Base of every admin state. Its own handlers are guarded like its children's."""

    @rx.event
    def ping(self):
        """A harmless admin handler, so the guard is tested even before the dashboard exists."""
        return rx.toast("Admin tools are reachable.")
