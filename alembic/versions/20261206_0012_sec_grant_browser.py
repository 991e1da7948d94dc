"""Login grants bound to the browser that asked for them (issue 10, login CSRF).

`user_sessions.browser_hash` holds the SHA-256 of the pre-login nonce cookie of the browser whose
login created the grant; /auth/complete exchanges the grant only when that browser presents it.
Empty for sessions made before (they are no longer pending: the column is read only for grants).
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_sec_grant_browser"
down_revision = "0011_audience_connected_accounts"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("user_sessions") as batch:
        batch.add_column(sa.Column("browser_hash", sa.String(length=64), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("user_sessions") as batch:
        batch.drop_column("browser_hash")
