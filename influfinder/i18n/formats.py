"""Dates, times, numbers and money as the reader's locale writes them (Babel, CLDR data).

`lang` is the reader's language ("es" or "en"); a region comes from what is formatted: an amount
in Mexican pesos, or a visit in a Mexican city, is written the Mexican way for a Spanish reader.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date, format_datetime, format_timedelta, get_timezone_location
from babel.numbers import format_compact_decimal, format_currency, format_decimal, format_percent

from influfinder.i18n.language import current_language, normalized

LOCALES = {"es": "es_ES", "en": "en_GB"}
MONEY_LOCALES = {"es": "es_ES", "en": "en_US"}  # en_US writes dollars as "$", not "US$"
MEXICO = "es_MX"
CURRENCY_REGION = {("es", "MXN"): MEXICO}


def locale_for(lang: str | None = None, region_locale: str | None = None) -> str:
    lang = normalized(lang or current_language())
    if region_locale and region_locale.startswith(lang + "_"):
        return region_locale
    return LOCALES[lang]


@cache
def _whole_pattern(locale: str) -> str:
    return Locale.parse(locale).currency_formats["standard"].pattern.replace(".00", "")


def money(amount: Decimal | float | int | None, currency: str, lang: str | None = None, *,
          whole: bool = False) -> str:
    """1.234,50 € (es), €1,234.50 (en), $1,234.50 MXN (es, pesos); whole amounts without cents
    (`whole=True` rounds to them, as cards show budgets)."""
    if amount is None:
        return ""
    lang = normalized(lang or current_language())
    locale = CURRENCY_REGION.get((lang, currency), MONEY_LOCALES[lang])
    value = Decimal(str(amount))
    if whole:
        value = value.quantize(Decimal(1))
    return _money_text(value, currency, locale)


@lru_cache(maxsize=4096)
def _money_text(value: Decimal, currency: str, locale: str) -> str:
    # Babel reads the locale's patterns again on every call (30 µs); a page of 20 offer cards writes up to
    # 40 amounts on every Browse event, mostly the same round figures. Equal Decimals (500 and 500.00)
    # write alike: both are whole, and cents are always written with the currency's digits.
    whole = value == value.to_integral_value()
    pattern = _whole_pattern(locale) if whole else None
    text = format_currency(value, currency, format=pattern, locale=locale, currency_digits=not whole)
    if locale == MEXICO:
        text = f"{text} {currency}"  # "$" alone would read as dollars in Spain
    return text


def number(value: int | float | Decimal, lang: str | None = None) -> str:
    return format_decimal(value, locale=locale_for(lang))


def rating(value: float, lang: str | None = None) -> str:
    """An average of stars with one decimal: 4,8 (es), 4.8 (en)."""
    return format_decimal(round(value, 1), format="0.0", locale=locale_for(lang))


def percent(value: float, lang: str | None = None) -> str:
    """A share given in percent (50.0): 50 % (es), 50% (en); one decimal where it has one."""
    share = Decimal(str(round(value, 1))) / 100  # exact: 33.3 stays 33,3 %, never 33,29999
    return format_percent(share, locale=locale_for(lang), decimal_quantization=False)


def compact_number(value: int, lang: str | None = None) -> str:
    """Followers as people read them: 950, 12,5 mil / 12.5K, 1,2 M / 1.2M."""
    if value < 10_000:
        return number(value, lang)
    return format_compact_decimal(value, fraction_digits=1, locale=locale_for(lang))


def _local(moment: datetime, zone: str | None) -> datetime:
    aware = moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)
    return aware.astimezone(ZoneInfo(zone)) if zone else aware.astimezone(timezone.utc)


def short_day(moment: datetime | None, *, year: bool = False, lang: str | None = None) -> str:
    """12 ene / 12 Jan (with the year: 12 ene 2027), in UTC."""
    if moment is None:
        return ""
    return _date_text(_local(moment, None).date(), "d MMM y" if year else "d MMM", locale_for(lang))


@lru_cache(maxsize=4096)
def _date_text(calendar_day: date, pattern: str, locale: str) -> str:
    # A card's deadline on every Browse event (Babel parses the pattern and the locale each time).
    return format_date(calendar_day, pattern, locale=locale)


def month(moment: datetime | None, lang: str | None = None) -> str:
    """diciembre de 2026 / December 2026."""
    if moment is None:
        return ""
    return format_date(_local(moment, None).date(), "LLLL y" if normalized(lang or current_language()) == "en"
                       else "LLLL 'de' y", locale=locale_for(lang))


def day(moment: datetime | None, lang: str | None = None, zone: str | None = None, region_locale: str | None = None) -> str:
    """9 dic 2026 / 9 Dec 2026."""
    if moment is None:
        return ""
    return format_date(_local(moment, zone).date(), "medium", locale=locale_for(lang, region_locale))


def when(moment: datetime | None, lang: str | None = None, zone: str | None = None,
         region_locale: str | None = None) -> str:
    """mié 9 dic 2026, 14:30 / Wed 9 Dec 2026, 14:30 (24-hour clock in both)."""
    if moment is None:
        return ""
    return format_datetime(_local(moment, zone), "EEE d MMM y, HH:mm", locale=locale_for(lang, region_locale))


def zone_label(zone: str, lang: str | None = None) -> str:
    """The zone's name for people: "hora de España (Madrid)" / "Spain (Madrid) Time"."""
    if not zone or zone == "UTC":
        return "UTC"
    return get_timezone_location(ZoneInfo(zone), locale=locale_for(lang))


def ago(moment: datetime | None, lang: str | None = None, now: datetime | None = None) -> str:
    """hace 2 horas / 2 hours ago; en 3 días / in 3 days."""
    if moment is None:
        return ""
    now = now or datetime.now(timezone.utc)
    delta = _local(moment, None) - _local(now, None)
    return format_timedelta(delta, add_direction=True, threshold=1.0, locale=locale_for(lang))
