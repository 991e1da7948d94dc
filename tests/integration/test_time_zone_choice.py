"""The viewer's time zone, named by their browser and kept on their account: a real zone is kept, anything
else is refused with a clear message and changes nothing, and nobody signed out can keep one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from influfinder import database
from influfinder.i18n import use_language
from influfinder.models import User
from influfinder.services.errors import NotAllowed, ServiceError
from influfinder.services.time_zone_choice import save_time_zone, saved_time_zone, viewer_zone
from tests.support.people import empty_every_table, person, reset_app_caches


@pytest.fixture(scope="module")
def db_url(tmp_path_factory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('zones') / 'zones.db'}"
    database.migrate(url)
    return url


@pytest.fixture(autouse=True)
def app_env(settings_env, db_url) -> Iterator[None]:
    settings_env.set(DATABASE_URL=db_url, SECRET_KEY="zones-test-secret")
    reset_app_caches()
    yield
    empty_every_table()
    reset_app_caches()


def call(fn, *args):
    with database.session_scope() as db:
        return fn(db, *args)


def kept(actor) -> str | None:
    with database.session_scope() as db:
        return db.get(User, actor.id).time_zone


def test_a_real_zone_is_kept_on_the_account_and_read_back():
    ana = person()
    assert call(save_time_zone, ana, "America/Mexico_City") == "America/Mexico_City"
    assert kept(ana) == "America/Mexico_City"
    assert call(saved_time_zone, ana) == "America/Mexico_City"
    call(save_time_zone, ana, "Europe/Madrid")  # the browser moved
    assert kept(ana) == "Europe/Madrid"


@pytest.mark.parametrize("bad", ["Mars/Olympus_Mons", "", "europe/madrid", "Europe/Madrid\n", "../../etc/passwd",
                                 "A" * 65, None, 3600, ["Europe/Madrid"], {"zone": "UTC"}])
def test_anything_but_a_zone_of_the_zone_database_is_refused_and_changes_nothing(bad):
    ana = person()
    call(save_time_zone, ana, "Europe/Madrid")
    with pytest.raises(ServiceError) as refused:
        call(save_time_zone, ana, bad)
    assert refused.value.message.startswith("That is not a time zone we know.")
    assert refused.value.field == "time_zone"
    assert kept(ana) == "Europe/Madrid"


def test_the_refusal_reads_in_spanish_for_a_spanish_page():
    with use_language("es"), pytest.raises(ServiceError) as refused:
        call(save_time_zone, person(), "Mars/Olympus_Mons")
    assert refused.value.message.startswith("No conocemos esa zona horaria.")


def test_nobody_signed_out_can_keep_a_zone():
    with pytest.raises(NotAllowed):
        call(save_time_zone, None, "Europe/Madrid")


def test_a_page_shows_the_browsers_zone_else_the_kept_one():
    ana = person()
    assert call(viewer_zone, ana, "") is None  # nothing known yet: the page's own default
    assert call(viewer_zone, ana, "Atlantic/Canary") == "Atlantic/Canary"
    assert kept(ana) == "Atlantic/Canary"
    assert call(viewer_zone, ana, "not a zone") == "Atlantic/Canary"  # an odd answer does not count
    assert call(viewer_zone, None, "America/Cancun") == "America/Cancun"  # signed out: shown, not kept
