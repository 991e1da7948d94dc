"""The parts of the collaboration page (/collaborations/[collab_id]); pages/collaboration_detail.py composes them."""
