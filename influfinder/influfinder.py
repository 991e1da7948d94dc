"""The Reflex app: pages and HTTP routes are registered here, and nothing else happens."""

import reflex as rx

from influfinder.api.asset_caching import AssetCaching
from influfinder.api.language_redirect import language_redirect
from influfinder.api.login_nonce import LoginNonce
from influfinder.api.prerendered_pages import PrerenderedPages
from influfinder.api.routes import build_api
from influfinder.api.security_headers import SecurityHeaders
from influfinder.api.upload_guard import guard_uploads
from influfinder.components.early_submit import early_submit_script
from influfinder.i18n import N_
from influfinder.pages import admin_disputes as _admin_disputes_page
from influfinder.pages import admin_offers as _admin_offers_page
from influfinder.pages import admin_overview as _admin_overview_page
from influfinder.pages import admin_users as _admin_users_page
from influfinder.pages import application_review as _application_page
from influfinder.pages import collaboration_detail as _collab_detail_page
from influfinder.pages import collaborations as _collabs_page
from influfinder.pages import dashboard as _dashboard_page
from influfinder.pages import offer_insights as _offer_insights_page
from influfinder.pages import messages as _messages_pages
from influfinder.pages import my_applications as _my_applications_page
from influfinder.pages import my_offers as _my_offers_page
from influfinder.pages import notifications as _notifications_page
from influfinder.pages import offer_applications as _offer_applications_page
from influfinder.pages import offer_editor as _offer_editor_page
from influfinder.pages import progress as _progress_page
from influfinder.pages.landing import landing_page
from influfinder.pages.localized_app import HTML_LANG, LocalizedApp
from influfinder.pages.login import login_page
from influfinder.pages.not_found import not_found_page
from influfinder.pages.notices import forbidden_page, goodbye_page
from influfinder.pages.offer_detail import ROUTE as OFFER_DETAIL_ROUTE, offer_detail_page
from influfinder.pages.offers import offers_page
from influfinder.pages.outbox import outbox_page
from influfinder.pages.password_reset import forgot_page, reset_page
from influfinder.pages.settings import settings_page
from influfinder.pages.signup import signup_page
from influfinder.pages.verify import verify_page, welcome_page
from influfinder.scheduler import run_periodic_jobs
from influfinder.startup import prepare
from influfinder.state.access import Access
from influfinder.state.account import LoginState, ResetState, SignupState, VerifyState
from influfinder.state.admin_disputes import AdminDisputesState
from influfinder.state.admin_offers import AdminOffersState
from influfinder.state.admin_overview import AdminOverviewState
from influfinder.state.admin_users import AdminUsersState
from influfinder.state.application_review import ApplicationState
from influfinder.state.collaboration_detail import CollaborationDetailState
from influfinder.state.collaborations import CollaborationListState
from influfinder.state.guards import EventGuard
from influfinder.state.language import PageLanguage
from influfinder.state.live_delivery import live_delivery
from influfinder.state.live import LiveState
from influfinder.state.messages_page import ChatComposerState, ConversationsState
from influfinder.state.my_applications import MyApplicationsState
from influfinder.state.muted_businesses import MutedBusinessesState
from influfinder.state.my_invitations import MyInvitationsState
from influfinder.state.my_offers import MyOffersState
from influfinder.state.notifications_page import NotificationsPageState
from influfinder.state.offer_applications import OfferApplicationsState
from influfinder.state.offer_editor import OfferEditorState
from influfinder.state.offers import OfferDetailState, OfferListState
from influfinder.state.portfolio import PortfolioSwitchState
from influfinder.state.outbox import OutboxState
from influfinder.state.business_dashboard import DashboardState
from influfinder.state.offer_insights import OfferInsightsState
from influfinder.state.progress import ProgressState
from influfinder.state.recommendations import RecommendationsState
from influfinder.state.settings import SettingsState
from influfinder.state.upload_rules import UPLOAD_RULES

# Every page twice: Spanish at its route, English under /en (pages/localized_app.py).
app = LocalizedApp(
    theme=rx.theme(accent_color="violet", gray_color="slate", radius="large", scaling="100%"),
    stylesheets=["/styles.css"],
    html_custom_attrs={"lang": HTML_LANG},  # replaces Reflex's fixed lang="en"
    # Our routes, then the guard of Reflex's /_upload, built pages served at their own paths (no redirect to a
    # trailing slash), the language redirect and the pre-login nonce on pages, a year's caching for the
    # build's hashed files, and (outermost, so every response has them, the built pages' included) the
    # security headers.
    api_transformer=[build_api(), guard_uploads(UPLOAD_RULES), PrerenderedPages, language_redirect, LoginNonce,
                     AssetCaching, SecurityHeaders],
    head_components=[rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"), early_submit_script()],
)
# Migrations and demo data before the first request (a no-op when the CLI already did it).
app.register_lifespan_task(prepare)
app.register_lifespan_task(live_delivery)  # before the job runner: it also registers the email hook
app.register_lifespan_task(run_periodic_jobs)
app.add_middleware(PageLanguage())  # first: every later step speaks the page's language
app.add_middleware(EventGuard())

app.add_page(landing_page, route="/", title=N_("Influfinder: creators and local brands, together"), on_load=Access.ANYONE)
app.add_page(offers_page, route="/offers", title=N_("Offers | Influfinder"), on_load=[*Access.ANYONE, OfferListState.load, RecommendationsState.load_offers])
app.add_page(offer_detail_page, route=OFFER_DETAIL_ROUTE, title=N_("Offer | Influfinder"), on_load=[*Access.ANYONE, OfferDetailState.load])
app.add_page(not_found_page, route="404", title=N_("Page not found | Influfinder"), on_load=Access.ANYONE)

# Accounts. Each page's on_load starts with who may see it (state.auth.Access).
app.add_page(login_page, route="/login", title=N_("Log in | Influfinder"), on_load=[*Access.SIGNED_OUT, LoginState.load])
app.add_page(signup_page, route="/signup", title=N_("Sign up | Influfinder"), on_load=[*Access.SIGNED_OUT, SignupState.load])
app.add_page(verify_page, route="/verify", title=N_("Confirm your email | Influfinder"), on_load=[*Access.ANYONE, VerifyState.load])
app.add_page(welcome_page, route="/welcome", title=N_("Welcome | Influfinder"), on_load=Access.SIGNED_IN)
app.add_page(forgot_page, route="/forgot-password", title=N_("Forgot password | Influfinder"), on_load=Access.ANYONE)
app.add_page(reset_page, route="/reset-password", title=N_("New password | Influfinder"), on_load=[*Access.ANYONE, ResetState.load])
app.add_page(settings_page, route="/settings", title=N_("Settings | Influfinder"), on_load=[*Access.SIGNED_IN, SettingsState.load])
app.add_page(forbidden_page, route="/forbidden", title=N_("Not for this account | Influfinder"), on_load=Access.ANYONE)
app.add_page(goodbye_page, route="/goodbye", title=N_("Account deleted | Influfinder"), on_load=Access.ANYONE)
app.add_page(outbox_page, route="/dev/outbox", title=N_("Outbox | Influfinder"), on_load=[*Access.ANYONE, OutboxState.load])

# Collaborations, progress and dashboards (issue 5).

app.add_page(_collabs_page.collaborations_page, route=_collabs_page.ROUTE, title=N_("Collaborations | Influfinder"),
             on_load=[*Access.SIGNED_IN, CollaborationListState.start])
app.add_page(_collab_detail_page.collaboration_detail_page, route=_collab_detail_page.ROUTE,
             title=N_("Collaboration | Influfinder"),
             on_load=[*Access.SIGNED_IN, CollaborationDetailState.start, PortfolioSwitchState.load])
app.add_page(_progress_page.progress_page, route=_progress_page.ROUTE, title=N_("My progress | Influfinder"),
             on_load=[*Access.CREATOR, ProgressState.start, RecommendationsState.load_offers])
app.add_page(_dashboard_page.dashboard_page, route=_dashboard_page.ROUTE, title=N_("Dashboard | Influfinder"),
             on_load=[*Access.BUSINESS, DashboardState.load])
app.add_page(_offer_insights_page.offer_insights_page, route=_offer_insights_page.ROUTE,
             title=N_("Offer numbers | Influfinder"), on_load=[*Access.SIGNED_IN, OfferInsightsState.load])

# Business side of the marketplace: offer form, my offers, reviewing applications, notifications (issue 4).

app.add_page(_offer_editor_page.offer_editor_page, route=_offer_editor_page.NEW_ROUTE, title=N_("Create offer | Influfinder"),
             on_load=[*Access.BUSINESS, OfferEditorState.load])
app.add_page(_offer_editor_page.offer_editor_page, route=_offer_editor_page.EDIT_ROUTE, title=N_("Edit offer | Influfinder"),
             on_load=[*Access.BUSINESS, OfferEditorState.load])
app.add_page(_my_offers_page.my_offers_page, route=_my_offers_page.ROUTE, title=N_("My offers | Influfinder"),
             on_load=[*Access.BUSINESS, MyOffersState.load])
app.add_page(_offer_applications_page.offer_applications_page, route=_offer_applications_page.ROUTE,
             title=N_("Applications | Influfinder"), on_load=[*Access.BUSINESS, OfferApplicationsState.load, RecommendationsState.load_creators])
app.add_page(_application_page.application_page, route=_application_page.ROUTE, title=N_("Application | Influfinder"),
             on_load=[*Access.SIGNED_IN, ApplicationState.load])
app.add_page(_my_applications_page.my_applications_page, route=_my_applications_page.ROUTE,
             title=N_("My applications | Influfinder"),
             on_load=[*Access.CREATOR, MyApplicationsState.load, MyInvitationsState.load, MutedBusinessesState.load])
app.add_page(_notifications_page.notifications_page, route=_notifications_page.ROUTE,
             title=N_("Notifications | Influfinder"), on_load=[*Access.SIGNED_IN, NotificationsPageState.load])

# Admin dashboard: overview, users, disputes, offer moderation (admin area). Admin states are guarded by EventGuard.

app.add_page(_admin_overview_page.admin_overview_page, route=_admin_overview_page.ROUTE, title=N_("Admin | Influfinder"),
             on_load=[*Access.ADMIN, AdminOverviewState.load])
app.add_page(_admin_users_page.admin_users_page, route=_admin_users_page.ROUTE, title=N_("Users · Admin | Influfinder"),
             on_load=[*Access.ADMIN, AdminUsersState.load])
app.add_page(_admin_disputes_page.admin_disputes_page, route=_admin_disputes_page.ROUTE,
             title=N_("Disputes · Admin | Influfinder"), on_load=[*Access.ADMIN, AdminDisputesState.load])
app.add_page(_admin_offers_page.admin_offers_page, route=_admin_offers_page.ROUTE,
             title=N_("Offers · Admin | Influfinder"), on_load=[*Access.ADMIN, AdminOffersState.load])

# Messages: conversations and the live chat (issue 6). The chat's lines are LiveState's, pushed live.

app.add_page(_messages_pages.messages_page, route=_messages_pages.ROUTE, title=N_("Messages | Influfinder"),
             on_load=[*Access.SIGNED_IN, ConversationsState.load])
app.add_page(_messages_pages.chat_page, route=_messages_pages.CHAT_ROUTE, title=N_("Chat | Influfinder"),
             on_load=[*Access.SIGNED_IN, LiveState.load_chat, ChatComposerState.reset_composer])

# Discovery (issue 13): find creators, public creator profiles, invitations (on My applications), saved searches.
from influfinder.pages import discovery as _discovery  # noqa: E402 - the block stays in one place

_discovery.register(app)
