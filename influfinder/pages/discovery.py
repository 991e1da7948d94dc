"""Discovery's pages (issue 13), registered together: Find creators, creator and business profiles, saved searches.
The invitations panel lives on My applications (MyInvitationsState.load joins that page's on_load)."""

import reflex as rx

from influfinder.i18n import N_
from influfinder.pages import business_profile, creator_profile, find_creators, saved_searches
from influfinder.state.access import Access
from influfinder.state.business_profile import BusinessProfileState
from influfinder.state.creator_profile import CreatorProfileState
from influfinder.state.find_creators import FindCreatorsState
from influfinder.state.portfolio import PortfolioState
from influfinder.state.saved_searches import SavedSearchState

PROFILE_DESCRIPTION = N_("A creator's media kit on Influfinder: audience, categories, tier, rating and reviews.")


def register(app: rx.App) -> None:
    app.add_page(find_creators.find_creators_page, route="/creators", title=N_("Find creators | Influfinder"),
                 on_load=[*Access.SIGNED_IN, FindCreatorsState.load])  # businesses, agencies, admins: the service says
    app.add_page(creator_profile.creator_profile_page, route=creator_profile.ROUTE, title=N_("Creator | Influfinder"),
                 description=PROFILE_DESCRIPTION, meta=[{"property": "og:site_name", "content": "Influfinder"}],
                 on_load=[*Access.ANYONE, CreatorProfileState.load, PortfolioState.load])
    app.add_page(business_profile.business_profile_page, route=business_profile.ROUTE, title=N_("Business | Influfinder"),
                 on_load=[*Access.ANYONE, BusinessProfileState.load])
    app.add_page(saved_searches.saved_searches_page, route=saved_searches.ROUTE, title=N_("Saved searches | Influfinder"),
                 on_load=[*Access.SIGNED_IN, SavedSearchState.load])

