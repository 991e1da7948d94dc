"""The demo's present: applications and collaborations in every state, on the current offers,
played through the real services at the moments they happen (all before "now")."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from sqlmodel import Session

from influfinder import clock
from influfinder.domain.enums import ApplicationStatus, CollaborationStatus, OfferStatus, SavedSearchKind
from influfinder.services import applications, collaborations, invitations, saved_searches
from influfinder.services.actors import Actor
from influfinder.services.demo import steps
from influfinder.services.demo.accounts import BUSINESSES, CREATORS
from influfinder.services.demo.offer_texts import SPANISH_CITIES, caption
from influfinder.services.demo.offers import PlannedOffer

# Application n goes to the n-th open public offer, from creator n % 6 (Newbie ... Legend, in turn):
# first one collaboration in each state, then applications still waiting or decided.
COLLABORATION_STATES = list(CollaborationStatus)
APPLICATION_STATES = [ApplicationStatus.APPLIED, ApplicationStatus.APPLIED, ApplicationStatus.UNDER_REVIEW,
                      ApplicationStatus.UNDER_REVIEW, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN]
PLAN = [(state, None) for state in COLLABORATION_STATES] + [(None, state) for state in APPLICATION_STATES]
# The Legend creator also applies to the offers of these two waiting applications: a featured applicant.
FEATURED_ON = (8, 9)
CANCEL_REASON = "Our kitchen is closed for renovation that week; we will invite you again."
DISPUTE_REASON = "Six days after I sent the content there is still no review, and no answer to my messages."
REJECT_REASON = "We went with a creator closer to the venue."
INVITATION_NOTE = "We loved your brunch reels: this one is only for creators we invite."


def completions_in_story() -> dict[str, int]:
    """How many collaborations each creator completes in the present (history.py adds the rest)."""
    counts = {c.username: 0 for c in CREATORS}
    for n, (state, _) in enumerate(PLAN):
        if state is CollaborationStatus.COMPLETED:
            counts[CREATORS[n % len(CREATORS)].username] += 1
    return counts


def play_story(db: Session, actors: dict[str, Actor], plans: list[PlannedOffer], offer_ids: list[uuid.UUID],
               now: datetime) -> None:
    open_offers = [(plan, offer_id) for plan, offer_id in zip(plans, offer_ids)
                   if plan.status is OfferStatus.ACTIVE and plan.is_public and plan.published_at < now - timedelta(days=20)]
    chosen: list[tuple[PlannedOffer, uuid.UUID]] = []
    for n, (collab_state, application_state) in enumerate(PLAN):
        creator, applied = actors[CREATORS[n % len(CREATORS)].username], now - timedelta(days=20 - n, hours=n)
        plan, offer_id = _first_open_to(db, creator, [o for o in open_offers if o not in chosen], applied)
        chosen.append((plan, offer_id))
        business = actors[plan.business.username]
        message = f"Hi! I'd love to work on \"{plan.title}\". My audience in {plan.form['city']} loves this kind of content."
        application_id = steps.apply(db, creator, offer_id, applied, message)
        if collab_state:
            _collaboration(db, creator, business, plan, application_id, collab_state, applied, now)
        else:
            _decide(db, creator, business, application_id, application_state, applied)
    legend = actors[CREATORS[-1].username]
    for n in FEATURED_ON:
        plan, offer_id = chosen[n]
        steps.apply(db, legend, offer_id, now - timedelta(days=20 - n, hours=n - 6),
                    f"Hello! \"{plan.title}\" is exactly what my audience in {plan.form['city']} asks me about. "
                    "I can film it this week.")
    _invite(db, actors, plans, offer_ids, now)
    _save_searches(db, actors, now)


def _first_open_to(db: Session, creator: Actor, offers: list[tuple[PlannedOffer, uuid.UUID]],
                   moment: datetime) -> tuple[PlannedOffer, uuid.UUID]:
    """The first of `offers` the creator may apply to (tier, audience, platforms), as its page would say."""
    with clock.at(moment):
        return next(o for o in offers if applications.check_apply(db, creator, o[1]).can_apply)


def _decide(db: Session, creator: Actor, business: Actor, application_id: uuid.UUID, state: ApplicationStatus,
            applied: datetime) -> None:
    if state is ApplicationStatus.UNDER_REVIEW:
        with clock.at(applied + timedelta(days=1)):
            applications.open_application(db, business, application_id)
    elif state is ApplicationStatus.REJECTED:
        with clock.at(applied + timedelta(days=2)):
            applications.open_application(db, business, application_id)
            applications.reject(db, business, application_id, REJECT_REASON)
    elif state is ApplicationStatus.WITHDRAWN:
        with clock.at(applied + timedelta(days=3)):
            applications.withdraw(db, creator, application_id)


def _collaboration(db: Session, creator: Actor, business: Actor, plan: PlannedOffer, application_id: uuid.UUID,
                   target: CollaborationStatus, applied: datetime, now: datetime) -> None:
    """Accepted a day after applying, then as far along the steps as `target`, a day or so per step."""
    def day(days: int, hours: int = 0) -> datetime:
        return applied + timedelta(days=days, hours=hours)

    collab_id = steps.accept(db, business, application_id, day(1))
    steps.write(db, business, creator, day(1, 1), "Welcome aboard! When would you like to come by?")
    steps.write(db, creator, business, day(1, 2), "Thanks! Thursday afternoon works great for me.")
    if target is CollaborationStatus.ACCEPTED:
        return
    # A visit still to come for a collaboration waiting for it; else four days after acceptance.
    visit = now + timedelta(days=2, hours=3) if target is CollaborationStatus.SCHEDULED else day(5)
    steps.schedule(db, creator, business, collab_id, proposed=day(1, 3), confirmed=day(1, 6), visit=visit)
    if target is CollaborationStatus.CANCELLED:
        with clock.at(day(2)):
            collaborations.cancel(db, business, collab_id, CANCEL_REASON)
        return
    if target is CollaborationStatus.SCHEDULED:
        return
    steps.visit(db, creator, business, collab_id, day(5, 1))
    if target is CollaborationStatus.VISITED:
        return
    specs = plan.form["content_specs"]
    text = caption(plan.title, specs["required_hashtags"], specs["required_mentions"][0],
                   spanish=plan.form["city"] in SPANISH_CITIES)
    submission_id = steps.submit(db, creator, collab_id, day(6), text,
                                 f"https://www.instagram.com/p/{creator.username.replace('.', '')}{plan.index}/")
    if target is CollaborationStatus.DISPUTED:
        with clock.at(day(12)):
            collaborations.open_dispute(db, creator, collab_id, DISPUTE_REASON)
        return
    if target is CollaborationStatus.CONTENT_SUBMITTED:
        return
    steps.start_review(db, business, submission_id, day(7))
    if target is CollaborationStatus.IN_REVIEW:
        return
    steps.approve(db, business, submission_id, day(7, 2))
    steps.rate(db, creator, collab_id, day(8), 4, "Friendly team and a lovely place.")
    steps.rate(db, business, collab_id, day(8, 3), 5, "Great content, delivered early.")


def _invite(db: Session, actors: dict[str, Actor], plans: list[PlannedOffer], offer_ids: list[uuid.UUID],
            now: datetime) -> None:
    """Lucía (Newbie) is invited to an invite-only offer five hours ago."""
    plan, offer_id = next((p, i) for p, i in zip(plans, offer_ids)
                          if p.status is OfferStatus.ACTIVE and not p.is_public and p.form["min_tier"] == 0)
    with clock.at(now - timedelta(hours=5)):
        invitations.invite(db, actors[plan.business.username], offer_id, CREATORS[0].username, INVITATION_NOTE)


def _save_searches(db: Session, actors: dict[str, Actor], now: datetime) -> None:
    with clock.at(now - timedelta(days=3)):
        saved_searches.save(db, actors[CREATORS[2].username], SavedSearchKind.OFFERS.value,
                            {"category": "fashion"}, "Fashion")
        saved_searches.save(db, actors[BUSINESSES[0].username], SavedSearchKind.CREATORS.value,
                            {"category": "food"}, "Food creators")
