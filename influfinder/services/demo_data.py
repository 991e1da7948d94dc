"""Deterministic demo data: accounts, offers, applications and collaborations in every state.

`build_demo(now, password_hash)` is pure: the same arguments give the same rows, ids included.
`load_demo_data(db)` inserts them into an empty database and is what `python -m influfinder seed`
and the app's first start call.
"""

from __future__ import annotations

import random
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from decimal import Decimal

import sqlalchemy as sa
from sqlmodel import Session, SQLModel, select

from influfinder.domain.enums import (
    ApplicationStatus,
    CollaborationStatus,
    CompensationType,
    ContentFormat,
    Currency,
    NotificationType,
    OfferCategory,
    OfferStatus,
    Platform,
    SavedSearchKind,
    SubmissionStatus,
    AnalysisStatus,
    UserType,
)
from influfinder.domain.tiers import standing
from influfinder.models import (
    Application,
    AudienceSnapshot,
    Collaboration,
    CollaborationEvent,
    ConnectedAccount,
    ContentSubmission,
    Invitation,
    Message,
    Notification,
    Offer,
    Profile,
    SavedSearch,
    User,
    conversation_key,
)
from influfinder.services.connected_accounts import keep_reading
from influfinder.services.passwords import hash_password

DEMO_PASSWORD = "influfinder-demo-2026"
_NS = uuid.UUID("6f1c2a4e-9a51-4c1e-8f7e-1d0c2b3a4f50")
_SEED = 2026


@dataclass(frozen=True)
class DemoAccount:
    email: str
    username: str
    user_type: UserType
    name: str
    city: str
    is_admin: bool = False
    completed: int = 0  # creators: past completed collaborations, which set the tier


ADMIN = DemoAccount("admin@influfinder.demo", "admin", UserType.BUSINESS, "Influfinder Admin", "Madrid", is_admin=True)
BUSINESSES = (
    DemoAccount("hello@cafeaurora.demo", "cafe_aurora", UserType.BUSINESS, "Café Aurora", "Madrid"),
    DemoAccount("team@bloomstudio.demo", "bloom_studio", UserType.BUSINESS, "Bloom Studio", "Barcelona"),
    DemoAccount("brands@novaagency.demo", "nova_agency", UserType.AGENCY, "Nova Agency", "Ciudad de México"),
)
CREATORS = (
    DemoAccount("lucia@creators.demo", "lucia.eats", UserType.CREATOR, "Lucía Romero", "Madrid", completed=0),
    DemoAccount("marco@creators.demo", "marco.moves", UserType.CREATOR, "Marco Díaz", "Barcelona", completed=2),
    DemoAccount("sofia@creators.demo", "sofia.style", UserType.CREATOR, "Sofía Herrera", "Valencia", completed=6),
    DemoAccount("diego@creators.demo", "diego.travels", UserType.CREATOR, "Diego Navarro", "Ciudad de México", completed=15),
    DemoAccount("ana@creators.demo", "ana.glow", UserType.CREATOR, "Ana Torres", "Sevilla", completed=30),
    DemoAccount("leo@creators.demo", "leo.tech", UserType.CREATOR, "Leo Martín", "Austin", completed=60),
)
ACCOUNTS = (ADMIN, *BUSINESSES, *CREATORS)

_CITIES = {
    "Madrid": Currency.EUR, "Barcelona": Currency.EUR, "Valencia": Currency.EUR, "Sevilla": Currency.EUR,
    "Ciudad de México": Currency.MXN, "Guadalajara": Currency.MXN, "Austin": Currency.USD, "Miami": Currency.USD,
}
_TITLES = {
    OfferCategory.FOOD: ["Brunch tasting for two", "New seasonal menu reel", "Coffee ritual stories", "Chef's table night"],
    OfferCategory.FASHION: ["Autumn capsule lookbook", "Sustainable denim try-on", "Street style weekend", "Sneaker drop unboxing"],
    OfferCategory.BEAUTY: ["Skincare routine review", "Salon makeover day", "Clean beauty GRWM", "Fragrance launch story"],
    OfferCategory.TRAVEL: ["Boutique hotel staycation", "Rooftop sunset weekend", "Hidden gems city guide", "Wine country escape"],
    OfferCategory.TECH: ["Noise-cancelling headphones review", "Smart home setup tour", "Creator camera kit test", "Productivity app walkthrough"],
    OfferCategory.FITNESS: ["Boutique gym first class", "Running club takeover", "Yoga retreat morning", "Protein bar taste test"],
    OfferCategory.LIFESTYLE: ["Plant shop styling session", "Vinyl bar evening", "Ceramics workshop", "Bookshop café afternoon"],
    OfferCategory.HOME: ["Living room refresh", "Candle collection flatlay", "Kitchenware cook-along", "Bedding unboxing"],
    OfferCategory.ENTERTAINMENT: ["Escape room challenge", "Comedy club night", "Immersive art exhibition", "Karaoke launch party"],
}
# The same offers, as a business in Spain or Mexico writes them (offers there are in Spanish).
_SPANISH_CITIES = {"Madrid", "Barcelona", "Valencia", "Sevilla", "Ciudad de México", "Guadalajara"}
_TITLES_ES = {
    OfferCategory.FOOD: ["Degustación de brunch para dos", "Reel del nuevo menú de temporada", "Historias del ritual del café",
                         "Noche en la mesa del chef"],
    OfferCategory.FASHION: ["Lookbook de la cápsula de otoño", "Prueba de vaqueros sostenibles", "Fin de semana de street style",
                            "Unboxing del nuevo lanzamiento de zapatillas"],
    OfferCategory.BEAUTY: ["Reseña de rutina de cuidado facial", "Día de cambio de look en el salón", "GRWM de belleza natural",
                           "Historia del lanzamiento de un perfume"],
    OfferCategory.TRAVEL: ["Escapada a un hotel boutique", "Fin de semana de atardeceres en la azotea",
                           "Guía de rincones escondidos", "Escapada a la tierra del vino"],
    OfferCategory.TECH: ["Reseña de auriculares con cancelación de ruido", "Tour por una casa inteligente",
                         "Prueba de kit de cámara para creadores", "Recorrido por una app de productividad"],
    OfferCategory.FITNESS: ["Primera clase en un gimnasio boutique", "Toma del club de running", "Mañana de retiro de yoga",
                            "Cata de barritas de proteína"],
    OfferCategory.LIFESTYLE: ["Sesión de estilismo en una tienda de plantas", "Tarde en un bar de vinilos", "Taller de cerámica",
                              "Tarde en una librería café"],
    OfferCategory.HOME: ["Renovación del salón", "Flatlay de la colección de velas", "Cocina en directo con menaje nuevo",
                         "Unboxing de ropa de cama"],
    OfferCategory.ENTERTAINMENT: ["Reto en una sala de escape", "Noche de club de comedia", "Exposición de arte inmersivo",
                                  "Fiesta de lanzamiento de karaoke"],
}
_STATUSES = [OfferStatus.ACTIVE] * 28 + [OfferStatus.DRAFT] * 5 + [OfferStatus.PAUSED] * 4 + [OfferStatus.ARCHIVED] * 3
# The newest two active offers were published hours ago, inside the day Pro creators see them first.
_EARLY_ACCESS_OFFERS = {26: 9, 27: 3}
# The Legend creator also applies to these pending offers, so their businesses see a featured applicant.
_FEATURED_ON = (8, 9)
# Accepted applications become collaborations, one in each state.
_COLLABORATION_STATES = list(CollaborationStatus)
_PENDING_APPLICATION_STATES = [
    ApplicationStatus.APPLIED, ApplicationStatus.APPLIED, ApplicationStatus.UNDER_REVIEW,
    ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN,
]


def demo_id(*parts: object) -> uuid.UUID:
    return uuid.uuid5(_NS, "/".join(str(p) for p in parts))


@dataclass
class DemoData:
    users: list[User] = field(default_factory=list)
    profiles: list[Profile] = field(default_factory=list)
    offers: list[Offer] = field(default_factory=list)
    applications: list[Application] = field(default_factory=list)
    collaborations: list[Collaboration] = field(default_factory=list)
    events: list[CollaborationEvent] = field(default_factory=list)
    submissions: list[ContentSubmission] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    messages: list[Message] = field(default_factory=list)
    connected: list[ConnectedAccount] = field(default_factory=list)
    snapshots: list[AudienceSnapshot] = field(default_factory=list)
    invitations: list[Invitation] = field(default_factory=list)
    saved_searches: list[SavedSearch] = field(default_factory=list)

    def rows(self) -> list[SQLModel]:
        # Parents before children, so foreign keys hold at every flush.
        return [*self.users, *self.profiles, *self.connected, *self.snapshots, *self.offers, *self.applications,
                *self.collaborations, *self.events, *self.submissions, *self.notifications, *self.messages,
                *self.invitations, *self.saved_searches]


def build_demo(now: datetime, password_hash: str) -> DemoData:
    rng = random.Random(_SEED)
    data = DemoData()
    for account in ACCOUNTS:
        _add_account(data, account, now, password_hash)
    _add_verified_audience(data, VERIFIED_CREATOR, now)
    for i in range(40):
        data.offers.append(_offer(rng, i, now))
    _add_applications(data, rng, now)
    _add_discovery(data, now)
    return data


def _add_discovery(data: DemoData, now: datetime) -> None:
    """Issue 13: Lucía is invited to an invite-only offer; Sofía and Café Aurora keep a saved search each."""
    lucia, sofia, aurora = (demo_id("user", a.username) for a in (CREATORS[0], CREATORS[2], BUSINESSES[0]))
    applied = {a.offer_id for a in data.applications if a.creator_id == lucia}
    offer = next(o for o in data.offers if o.status is OfferStatus.ACTIVE and not o.is_public
                 and o.id not in applied)
    sent = now - timedelta(hours=5)
    note = "We loved your brunch reels: this one is only for creators we invite."
    data.invitations.append(Invitation(id=demo_id("invitation", offer.id, lucia), offer_id=offer.id, creator_id=lucia,
                                       business_id=offer.business_id, note=note, created_at=sent))
    data.notifications.append(_notification(
        lucia, NotificationType.INVITATION_RECEIVED, f"{offer.brand_name} invited you: {offer.title}",
        f"{offer.brand_name} invited you to apply to “{offer.title}”. They wrote: {note}", sent, offer=offer,
        user=offer.business_id))
    data.saved_searches += [
        SavedSearch(id=demo_id("saved", sofia), user_id=sofia, kind=SavedSearchKind.OFFERS, name="Fashion",
                    params={"category": "fashion"}, checked_at=now - timedelta(hours=20), created_at=now - timedelta(days=3)),
        SavedSearch(id=demo_id("saved", aurora), user_id=aurora, kind=SavedSearchKind.CREATORS, name="Food creators",
                    params={"category": "food"}, checked_at=now - timedelta(hours=20), created_at=now - timedelta(days=3)),
    ]


def _add_account(data: DemoData, account: DemoAccount, now: datetime, password_hash: str) -> None:
    user_id = demo_id("user", account.username)
    joined = now - timedelta(days=90 + len(data.users) * 7)
    data.users.append(User(
        id=user_id, email=account.email, username=account.username, password_hash=password_hash,
        user_type=account.user_type, is_verified=True, is_admin=account.is_admin,
        auth_providers={"email": account.email}, email_verified_at=joined, created_at=joined, updated_at=joined,
    ))
    profile = Profile(id=demo_id("profile", account.username), user_id=user_id, display_name=account.name,
                      city=account.city, created_at=joined, updated_at=joined)
    if account.user_type is UserType.CREATOR:
        _creator_profile(profile, account)
    else:
        profile.company_name = account.name
        profile.website = f"https://{account.username.replace('_', '')}.example"
        profile.bio = f"{account.name} works with local creators on honest, well-made content."
    data.profiles.append(profile)


def _creator_profile(profile: Profile, account: DemoAccount) -> None:
    rank = CREATORS.index(account)
    now_standing = standing(account.completed)
    profile.tier_level = int(now_standing.tier)
    profile.karma_score = now_standing.karma
    profile.tier_progress = now_standing.progress
    profile.completed_collaborations = account.completed
    if account.completed:
        profile.rating = round(4.1 + rank * 0.15, 2)
        profile.rating_count = account.completed
    handle = account.username
    profile.instagram_handle = handle
    profile.instagram_followers = 1_800 * (3 ** rank)
    profile.instagram_engagement = round(6.5 - rank * 0.7, 1)
    profile.tiktok_handle = handle
    profile.tiktok_followers = 2_500 * (3 ** rank)
    profile.tiktok_engagement = round(8.0 - rank * 0.8, 1)
    profile.bio = f"{account.name.split()[0]} creates short videos and photo stories from {account.city}."
    profile.preferred_categories = [c.value for c in list(OfferCategory)[rank : rank + 3]]


# Sofía connected Instagram and TikTok (verified figures, three daily snapshots each; her typed TikTok
# followers are more than 20 % above the verified ones, so Settings tells her the verified figure won).
# Lucía, and every other creator, only typed theirs (self-reported).
VERIFIED_CREATOR = CREATORS[2]
SELF_REPORTED_CREATOR = CREATORS[0]
_VERIFIED_FIGURES = {  # provider: (followers three days ago, followers per day more, posts, engagement, badge)
    "instagram": (14_780, 60, 212, 4.8, None),
    "tiktok": (16_950, 75, 96, 6.1, False),
}


def _add_verified_audience(data: DemoData, account: DemoAccount, now: datetime) -> None:
    user_id = demo_id("user", account.username)
    profile = next(p for p in data.profiles if p.user_id == user_id)
    for provider, (followers, growth, posts, engagement, badge) in _VERIFIED_FIGURES.items():
        account_id = demo_id("connected", account.username, provider)
        # The demo holds no real token: if the operator configures this provider, the daily refresh
        # finds it unreadable and asks her to connect again, as it would after a key loss.
        data.connected.append(ConnectedAccount(
            id=account_id, user_id=user_id, provider=provider, external_id=f"demo-{provider}-{account.username}",
            handle=account.username, access_token="", next_refresh_at=now + timedelta(days=1),
            created_at=now - timedelta(days=3), updated_at=now))
        for days_ago in (2, 1, 0):
            taken = now - timedelta(days=days_ago, hours=1)
            data.snapshots.append(AudienceSnapshot(
                id=demo_id("snapshot", account.username, provider, days_ago), account_id=account_id,
                taken_on=taken.date(), taken_at=taken, handle=account.username, display_name=account.name,
                followers=followers + growth * (2 - days_ago), following=410, posts=posts - days_ago,
                provider_verified=badge, engagement=engagement))
        keep_reading(profile, provider, data.snapshots[-1])


_COMPENSATION = {CompensationType.PAID: "Paid on approval of the content.",
                 CompensationType.PRODUCT: "You keep the products featured.",
                 CompensationType.EXPERIENCE: "The full experience for you and a guest."}
_COMPENSATION_ES = {CompensationType.PAID: "Se paga al aprobar el contenido.",
                    CompensationType.PRODUCT: "Te quedas con los productos que aparecen.",
                    CompensationType.EXPERIENCE: "La experiencia completa para ti y un acompañante."}


def _description(brand: str, city: str, title: str, requires_visit: bool, spanish: bool) -> str:
    if spanish:
        return (f"{brand} busca creadores en {city} para «{title.lower()}». Enseña a tu audiencia qué lo hace "
                f"especial, con tu propia voz. {'La visita corre de nuestra cuenta; ' if requires_visit else 'Te enviamos todo lo que necesitas; '}"
                "revisamos tu contenido en dos días laborables.")
    return (f"{brand} is looking for creators in {city} for \"{title.lower()}\". "
            f"Show your audience what makes it special, in your own voice. "
            f"{'The visit is on us; ' if requires_visit else 'We ship everything you need; '}"
            f"we review your content within two working days.")


def _offer(rng: random.Random, i: int, now: datetime) -> Offer:
    business = BUSINESSES[i % len(BUSINESSES)]
    categories = list(_TITLES)
    category = categories[i % len(categories)]
    city = list(_CITIES)[rng.randrange(len(_CITIES))]
    spanish = city in _SPANISH_CITIES
    title = (_TITLES_ES if spanish else _TITLES)[category][(i // len(categories)) % 4]
    currency = _CITIES[city]
    scale = 20 if currency is Currency.MXN else 1
    budget_min = Decimal(rng.choice([50, 80, 100, 150, 200, 300]) * scale)
    compensation = [CompensationType.PAID, CompensationType.PAID, CompensationType.PRODUCT, CompensationType.EXPERIENCE][i % 4]
    platforms = [p.value for p in Platform if rng.random() < 0.6] or [Platform.INSTAGRAM.value]
    created = now - timedelta(days=40 - i, hours=rng.randrange(24))
    if i in _EARLY_ACCESS_OFFERS:  # published hours ago: only Pro creators and up see them yet
        created = now - timedelta(hours=_EARLY_ACCESS_OFFERS[i])
    status = _STATUSES[i]
    requires_visit = category in (OfferCategory.FOOD, OfferCategory.TRAVEL, OfferCategory.FITNESS,
                                  OfferCategory.LIFESTYLE, OfferCategory.ENTERTAINMENT, OfferCategory.BEAUTY)
    deadline_days = 3 + rng.randrange(40) if status is not OfferStatus.ARCHIVED else -5
    brand = business.name if business.user_type is UserType.BUSINESS else ["Mezcal Luna", "Pixel Labs", "Verde Skin"][i % 3]
    hashtag = "#" + "".join(w.capitalize() for w in brand.split())[:30].replace("é", "e")
    return Offer(
        id=demo_id("offer", i), business_id=demo_id("user", business.username), brand_name=brand, title=title,
        description=_description(brand, city, title, requires_visit, spanish),
        category=category, platforms=platforms, budget_min=budget_min, budget_max=budget_min * 2,
        currency=currency, compensation_type=compensation,
        compensation_value=None if compensation is CompensationType.PAID else budget_min,
        compensation_details=(_COMPENSATION_ES if spanish else _COMPENSATION)[compensation],
        status=status, is_public=i % 13 != 7,
        requirements={"influencer": {"min_followers": 10_000, "min_engagement": 2.0, "verified": i % 5 == 0},
                      "regular": {"min_followers": [500, 1_000, 2_000][i % 3], "min_engagement": 1.5}},
        content_specs={"formats": [ContentFormat.REEL.value, ContentFormat.POST.value][: 1 + i % 2],
                       "required_hashtags": [hashtag, "#ad"], "required_mentions": ["@" + business.username]},
        application_deadline=now + timedelta(days=deadline_days),
        content_deadline=now + timedelta(days=deadline_days + 14),
        requires_visit=requires_visit, city=city,
        address=f"Calle Demo {10 + i}" if requires_visit else "",  # pages add the city
        slots=1 + i % 4, min_tier=[0, 0, 0, 1, 2][i % 5], views_count=rng.randrange(20, 900),
        published_at=created if status is not OfferStatus.DRAFT else None, created_at=created, updated_at=created,
    )


def _add_applications(data: DemoData, rng: random.Random, now: datetime) -> None:
    active = [o for o in data.offers if o.status is OfferStatus.ACTIVE]
    creators = [u for u in data.users if u.user_type is UserType.CREATOR]
    plan = [(s, None) for s in _COLLABORATION_STATES] + [(None, s) for s in _PENDING_APPLICATION_STATES]
    for n, (collab_state, app_state) in enumerate(plan):
        offer = active[n]
        creator = creators[n % len(creators)]
        applied = now - timedelta(days=20 - n)
        application = Application(
            id=demo_id("application", n), offer_id=offer.id, creator_id=creator.id,
            status=ApplicationStatus.ACCEPTED if collab_state else app_state,
            message=f"Hi! I'd love to work on \"{offer.title}\". My audience in {offer.city} loves this kind of content.",
            proposed_fee=offer.budget_min, created_at=applied, updated_at=applied,
            rejection_reason="We went with a creator closer to the venue." if app_state is ApplicationStatus.REJECTED else None,
        )
        data.applications.append(application)
        data.notifications.append(_notification(offer.business_id, NotificationType.APPLICATION_RECEIVED,
                                                "New application", f"A creator applied to {offer.title}.",
                                                applied, offer=offer, application=application, user=creator.id))
        if collab_state:
            _add_collaboration(data, n, offer, application, collab_state, now)
    legend = creators[-1]  # the creators come from Newbie up to Legend
    for n in _FEATURED_ON:
        _add_featured_application(data, active[n], legend, now - timedelta(days=20 - n, hours=-6))


def _add_featured_application(data: DemoData, offer: Offer, legend: User, applied: datetime) -> None:
    application = Application(
        id=demo_id("application", "featured", offer.id), offer_id=offer.id, creator_id=legend.id,
        status=ApplicationStatus.APPLIED, proposed_fee=offer.budget_max, created_at=applied, updated_at=applied,
        message=f"Hello! \"{offer.title}\" is exactly what my audience in {offer.city} asks me about. "
                "I can film it this week.",
    )
    data.applications.append(application)
    data.notifications.append(_notification(offer.business_id, NotificationType.APPLICATION_RECEIVED,
                                            "New application", f"A creator applied to {offer.title}.",
                                            applied, offer=offer, application=application, user=legend.id))


def _add_collaboration(data: DemoData, n: int, offer: Offer, application: Application,
                       state: CollaborationStatus, now: datetime) -> None:
    accepted = application.created_at + timedelta(days=1)
    collab = Collaboration(
        id=demo_id("collaboration", n), offer_id=offer.id, application_id=application.id,
        creator_id=application.creator_id, business_id=offer.business_id, status=state,
        agreed_fee=application.proposed_fee, currency=offer.currency, created_at=accepted, updated_at=accepted,
    )
    path = _path_to(state)
    moment = accepted
    previous: CollaborationStatus | None = None
    for step in path:
        data.events.append(CollaborationEvent(
            id=demo_id("event", n, step.value), collaboration_id=collab.id,
            actor_id=offer.business_id if step in _BUSINESS_STEPS else application.creator_id,
            action=step.value.lower(), from_status=previous, to_status=step, created_at=moment,
            note=_EVENT_NOTES.get(step, ""),
        ))
        previous = step
        moment += timedelta(days=1)
    if CollaborationStatus.SCHEDULED in path:
        collab.scheduled_date = accepted + timedelta(days=3, hours=10)
    if CollaborationStatus.VISITED in path:
        collab.visited_at = collab.scheduled_date
    if CollaborationStatus.CONTENT_SUBMITTED in path:
        data.submissions.append(_submission(n, collab, offer, state, moment))
    if state is CollaborationStatus.COMPLETED:
        collab.approved_at = moment - timedelta(days=1)
        collab.completed_date = moment
        collab.creator_rating, collab.business_rating = 5, 4
        collab.creator_feedback = "Great content, delivered early."
        collab.business_feedback = "Friendly team and a lovely place."
    if state is CollaborationStatus.DISPUTED:
        collab.dispute_reason = _EVENT_NOTES[CollaborationStatus.DISPUTED]
    collab.updated_at = moment
    data.collaborations.append(collab)
    data.notifications.append(_notification(application.creator_id, NotificationType.APPLICATION_ACCEPTED,
                                            "Application accepted", f"{offer.brand_name} accepted you for {offer.title}.",
                                            accepted, offer=offer, application=application, collaboration=collab))
    key = conversation_key(application.creator_id, offer.business_id)
    for k, (sender, recipient, text) in enumerate([
        (offer.business_id, application.creator_id, "Welcome aboard! When would you like to come by?"),
        (application.creator_id, offer.business_id, "Thanks! Thursday afternoon works great for me."),
    ]):
        data.messages.append(Message(id=demo_id("message", n, k), conversation_key=key, sender_id=sender,
                                     recipient_id=recipient, content=text, collaboration_id=collab.id,
                                     is_read=k == 0, created_at=accepted + timedelta(hours=k + 1)))


# What the people wrote when they called a collaboration off, as the real actions ask them to.
_EVENT_NOTES = {
    CollaborationStatus.CANCELLED: "Our kitchen is closed for renovation that week; we will invite you again.",
    CollaborationStatus.DISPUTED: "The visit date was changed twice without notice.",
}
_BUSINESS_STEPS = {CollaborationStatus.VISITED, CollaborationStatus.IN_REVIEW, CollaborationStatus.COMPLETED,
                   CollaborationStatus.CANCELLED}
_HAPPY_PATH = [CollaborationStatus.ACCEPTED, CollaborationStatus.SCHEDULED, CollaborationStatus.VISITED,
               CollaborationStatus.CONTENT_SUBMITTED, CollaborationStatus.IN_REVIEW, CollaborationStatus.COMPLETED]


def _path_to(state: CollaborationStatus) -> list[CollaborationStatus]:
    if state is CollaborationStatus.DISPUTED:
        return [*_HAPPY_PATH[:4], state]
    if state is CollaborationStatus.CANCELLED:
        return [*_HAPPY_PATH[:2], state]
    return _HAPPY_PATH[: _HAPPY_PATH.index(state) + 1]


def _submission(n: int, collab: Collaboration, offer: Offer, state: CollaborationStatus, at: datetime) -> ContentSubmission:
    hashtags = offer.content_specs["required_hashtags"]
    status = {CollaborationStatus.COMPLETED: SubmissionStatus.APPROVED,
              CollaborationStatus.IN_REVIEW: SubmissionStatus.UNDER_REVIEW}.get(state, SubmissionStatus.SUBMITTED)
    return ContentSubmission(
        id=demo_id("submission", n), collaboration_id=collab.id, creator_id=collab.creator_id, status=status,
        content_urls=[f"https://www.instagram.com/p/demo{n}/"],
        captions={"INSTAGRAM": f"Loved {offer.title.lower()}! {' '.join(hashtags)} {offer.content_specs['required_mentions'][0]}"},
        platform=Platform.INSTAGRAM, analysis_status=AnalysisStatus.DONE, ai_score=86.5, passed_requirements=True,
        ai_analysis={"hashtags_found": hashtags, "hashtags_missing": [], "mentions_found": offer.content_specs["required_mentions"],
                     "mentions_missing": [], "quality_rating": 8, "relevance_rating": 8, "compliance_percentage": 93,
                     "suggestions": ["Consider better lighting"]},
        submitted_at=at, reviewed_at=at if status is SubmissionStatus.APPROVED else None,
    )


def _notification(user_id: uuid.UUID, kind: NotificationType, title: str, content: str, at: datetime, *,
                  offer: Offer | None = None, application: Application | None = None,
                  collaboration: Collaboration | None = None, user: uuid.UUID | None = None) -> Notification:
    return Notification(
        id=demo_id("notification", user_id, kind.value, application.id if application else title),
        user_id=user_id, type=kind, title=title, content=content, created_at=at,
        related_offer_id=offer.id if offer else None, related_application_id=application.id if application else None,
        related_collaboration_id=collaboration.id if collaboration else None, related_user_id=user,
    )


def database_is_empty(db: Session) -> bool:
    return db.exec(select(sa.func.count()).select_from(User)).one() == 0


def load_demo_data(db: Session, now: datetime | None = None) -> bool:
    """Insert the demo rows into an empty database. Returns False, changing nothing, if it is not empty."""
    if not database_is_empty(db):
        return False
    data = build_demo(now or datetime.now(timezone.utc), hash_password(DEMO_PASSWORD))
    for row in data.rows():
        db.add(row)
        db.flush()  # one row at a time keeps parents ahead of children without relationships
    return True
