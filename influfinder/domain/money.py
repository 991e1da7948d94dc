"""Comparing budgets written in different currencies.

Browse sorts offers by budget across currencies. Raw amounts would put MX$2,000 (about €100)
above €800, so the sort converts to euros at fixed, rounded rates. They are for ordering only:
every amount on screen stays in its own currency, and budget filters ask for one currency.
"""

from __future__ import annotations

from decimal import Decimal

from influfinder.domain.enums import Currency

EUROS_PER_UNIT: dict[Currency, Decimal] = {
    Currency.EUR: Decimal("1"),
    Currency.USD: Decimal("0.92"),
    Currency.MXN: Decimal("0.05"),
}

