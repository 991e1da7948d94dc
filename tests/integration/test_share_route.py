"""/share/creators/<username>: the link preview's HTML carries the creator's Open Graph tags, escaped,
in the language its path says (Spanish plain, English under /en), and leads to the page in that language."""

import pytest

from influfinder import database
from influfinder.api.routes import api
from influfinder.domain.enums import UserType
from influfinder.models import Profile, User
from tests.support.asgi import get

pytestmark = pytest.mark.integration


def test_a_shared_creator_link_previews_the_creator_and_leads_to_the_profile(settings_env, sqlite_url):
    _nina(settings_env, sqlite_url)
    response = get(api, "/en/share/creators/nina.bakes")
    assert response.status_code == 200
    page = response.text
    assert '<html lang="en">' in page
    assert '<meta property="og:title" content="Nina &lt;Bakes&gt; (@nina.bakes) | Influfinder">' in page
    assert 'content="Nina &lt;Bakes&gt; on Influfinder: Bilbao · Food · Instagram 5,400 followers"' in page
    assert '<meta property="og:url" content="https://influfinder.example/en/creators/nina.bakes">' in page
    assert "nina@example.com" not in page
    assert get(api, "/en/share/creators/nobody").status_code == 404


def test_the_plain_share_link_previews_in_spanish(settings_env, sqlite_url):
    _nina(settings_env, sqlite_url)
    page = get(api, "/share/creators/nina.bakes").text
    assert '<html lang="es">' in page
    assert 'content="Nina &lt;Bakes&gt; en Influfinder: Bilbao · Gastronomía · Instagram: 5.400 seguidores"' in page
    assert '<meta property="og:url" content="https://influfinder.example/creators/nina.bakes">' in page
    missing = get(api, "/share/creators/nobody")
    assert missing.status_code == 404 and "Creador no encontrado" in missing.text


def _nina(settings_env, sqlite_url) -> None:
    settings_env.set(DATABASE_URL=sqlite_url, PUBLIC_URL="https://influfinder.example")
    database.migrate(sqlite_url)
    with database.session_scope() as db:
        user = User(email="nina@example.com", username="nina.bakes", user_type=UserType.CREATOR, is_verified=True)
        db.add(user)
        db.flush()
        db.add(Profile(user_id=user.id, display_name="Nina <Bakes>", city="Bilbao", preferred_categories=["FOOD"],
                       instagram_handle="nina.bakes", instagram_followers=5400))
