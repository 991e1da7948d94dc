"""The demo data, as the CLI, the app's start-up and the tests name it (services/demo builds it)."""

from influfinder.services.demo.accounts import (
    ACCOUNTS, ADMIN, BUSINESSES, CREATORS, DEMO_PASSWORD, SELF_REPORTED_CREATOR, VERIFIED_CREATOR, DemoAccount,
)
from influfinder.services.demo.load import database_is_empty, load_demo_data
from influfinder.services.demo.offers import PlannedOffer, planned_offers

__all__ = [
    "ACCOUNTS", "ADMIN", "BUSINESSES", "CREATORS", "DEMO_PASSWORD", "SELF_REPORTED_CREATOR", "VERIFIED_CREATOR",
    "DemoAccount", "PlannedOffer", "database_is_empty", "load_demo_data", "planned_offers",
]
