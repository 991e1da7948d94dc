"""Pages with an id in their address are served a prerendered frame (influfinder/page_shells.py)."""

from __future__ import annotations

from influfinder.page_shells import shell_for, shell_path, with_shells
from tests.unit.test_first_paint import served_path

PRODUCTION_CONFIG = 'export default {"basename": "/", "ssr": false, "prerender": true, "build": "build"};'


def test_a_route_with_a_parameter_gets_a_placeholder_address_and_a_fixed_one_none():
    assert shell_path("offers/[offer_id]") == "/offers/__shell__"
    assert shell_path("en/my-offers/[offer_id]/applications") == "/en/my-offers/__shell__/applications"
    assert shell_path("offers/new") is None
    assert shell_path("index") is None


def test_the_production_config_prerenders_the_shells_beside_every_fixed_page():
    config = with_shells(PRODUCTION_CONFIG, ["/offers/__shell__", "/en/offers/__shell__"])
    assert '"prerender": async ({ getStaticPaths }) => [...getStaticPaths(), ...["/offers/__shell__", ' \
           '"/en/offers/__shell__"]]' in config
    assert config.startswith('export default {"basename": "/", "ssr": false, ') and config.endswith('"build": "build"};')


def test_a_development_config_is_left_alone():
    development = 'export default {"basename": "/", "ssr": false};'
    assert with_shells(development, ["/offers/__shell__"]) == development


def _build(folder, *pages: str) -> None:
    for page in pages:
        (folder / page).mkdir(parents=True, exist_ok=True)
        (folder / page / "index.html").write_text("<html></html>")


def test_every_address_of_a_route_is_served_its_shell_and_fixed_pages_their_own(tmp_path):
    _build(tmp_path, "offers", "offers/new", "offers/__shell__", "offers/__shell__/edit", "en/offers/__shell__")
    assert served_path(tmp_path, "/offers/8d1f") == "/offers/__shell__/"
    assert served_path(tmp_path, "/en/offers/8d1f") == "/en/offers/__shell__/"
    assert served_path(tmp_path, "/offers/8d1f/edit") == "/offers/__shell__/edit/"
    assert served_path(tmp_path, "/offers/new") == "/offers/new/"  # a fixed page wins over the route's shell
    assert served_path(tmp_path, "/offers") == "/offers/"
    # Not an address of any route, a file, or a backend path: untouched.
    assert shell_for("/offers/8d1f/applications", tmp_path) is None
    assert served_path(tmp_path, "/offers/8d1f/cover.png") == "/offers/8d1f/cover.png"
    assert served_path(tmp_path, "/api/v1/offers/8d1f") == "/api/v1/offers/8d1f"
