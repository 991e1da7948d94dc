"""What each page declares about who may see it: the first events of its on_load.

Every list also registers the open page for live delivery (state/live_delivery.py), so notifications and
messages reach every tab of the signed-in user.
"""

from influfinder.state.auth import SessionState
from influfinder.state.live import LiveState


class Access:
    ANYONE = [SessionState.refresh, LiveState.track]
    SIGNED_OUT = [SessionState.require_signed_out]
    SIGNED_IN = [SessionState.require_signed_in, LiveState.track]
    CREATOR = [SessionState.require_creator, LiveState.track]
    BUSINESS = [SessionState.require_business, LiveState.track]
    ADMIN = [SessionState.require_admin, LiveState.track]
