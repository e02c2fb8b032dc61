"""Hidden tests: Sundays and holidays."""
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from shiftpay import (
    BreakTooLongError,
    InvalidPolicyError,
    InvalidShiftError,
    OverlappingShiftsError,
    PayPolicy,
    Shift,
    ShiftPayError,
    calculate_week,
)

MONDAY = date(2024, 3, 4)  # a Monday; the week runs to Sunday 2024-03-10


def at(day, hour, minute=0, second=0):
    """A naive datetime `day` days after MONDAY at hour:minute:second."""
    return datetime.combine(MONDAY + timedelta(days=day), time(hour, minute, second))


def policy(**overrides):
    values = {"base_rate": Decimal("20.00")}
    values.update(overrides)
    return PayPolicy(**values)


def test_sunday_multiplier():
    (line,) = calculate_week(
        [Shift(at(6, 9), at(6, 13))], policy(premium_day_multiplier=Decimal("1.5"))
    ).lines
    assert line.premium_day is True
    assert line.pay == Decimal("120.00")


def test_holiday_multiplier():
    shifts = [Shift(at(2, 9), at(2, 13)), Shift(at(3, 9), at(3, 13))]
    statement = calculate_week(
        shifts,
        policy(premium_day_multiplier=Decimal("1.5"), holidays=frozenset({at(2, 0).date()})),
    )
    holiday, ordinary = statement.lines
    assert (holiday.premium_day, ordinary.premium_day) == (True, False)
    assert (holiday.pay, ordinary.pay) == (Decimal("120.00"), Decimal("80.00"))
    assert statement.gross_pay == Decimal("200.00")


def test_saturday_night_into_sunday_is_not_premium():
    (line,) = calculate_week(
        [Shift(at(5, 22), at(6, 6))], policy(premium_day_multiplier=Decimal("2"))
    ).lines
    assert line.premium_day is False
    assert line.pay == Decimal("160.00")
