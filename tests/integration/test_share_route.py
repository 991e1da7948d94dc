"""/share/creators/<username>: the link preview's HTML carries the creator's Open Graph tags, escaped."""

import pytest

from influfinder import database
from influfinder.api.routes import api
from influfinder.domain.enums import UserType
from influfinder.models import Profile, User
from tests.support.asgi import get

pytestmark = pytest.mark.integration


def test_a_shared_creator_link_previews_the_creator_and_leads_to_the_profile(settings_env, sqlite_url):
    settings_env.set(DATABASE_URL=sqlite_url, PUBLIC_URL="https://influfinder.example")
    database.migrate(sqlite_url)
    with database.session_scope() as db:
        user = User(email="nina@example.com", username="nina.bakes", user_type=UserType.CREATOR, is_verified=True)
        db.add(user)
        db.flush()
        db.add(Profile(user_id=user.id, display_name="Nina <Bakes>", city="Bilbao", preferred_categories=["FOOD"],
                       instagram_handle="nina.bakes", instagram_followers=5400))
    response = get(api, "/share/creators/nina.bakes")
    assert response.status_code == 200
    page = response.text
    assert '<meta property="og:title" content="Nina &lt;Bakes&gt; (@nina.bakes) | Influfinder">' in page
    assert 'content="Nina &lt;Bakes&gt; on Influfinder: Bilbao · Food · Instagram 5,400 followers"' in page
    assert '<meta property="og:url" content="https://influfinder.example/creators/nina.bakes">' in page
    assert "nina@example.com" not in page
    assert get(api, "/share/creators/nobody").status_code == 404
