"""Hidden tests: the night premium (22:00-06:00)."""
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


def test_night_premium_crosses_midnight():
    (line,) = calculate_week(
        [Shift(at(0, 20), at(1, 4))], policy(night_premium=Decimal("2.00"))
    ).lines
    assert line.worked_hours == Decimal("8")
    assert line.night_hours == Decimal("6")
    assert line.pay == Decimal("172.00")


def test_no_night_hours_between_six_and_twenty_two():
    (line,) = calculate_week(
        [Shift(at(1, 6), at(1, 22))], policy(night_premium=Decimal("2.00"))
    ).lines
    assert line.night_hours == Decimal("0")
    assert line.pay == Decimal("400.00")  # 8 regular + 8 daily overtime, no premium


def test_night_premium_hours_are_rounded():
    # 2h07m30s worked, of which 7m30s after 22:00: both are ties and round up.
    (line,) = calculate_week(
        [Shift(at(0, 20), at(0, 22, 7, 30))], policy(night_premium=Decimal("2.00"))
    ).lines
    assert line.worked_hours == Decimal("2.25")
    assert line.night_hours == Decimal("0.25")
    assert line.pay == Decimal("45.50")


def test_night_premium_break_taken_from_day_part_first():
    # 21:00-03:00 is 1 h of day and 5 h of night; the 90-minute break uses the day hour
    # first and 30 minutes of night, leaving 4.5 h worked, all of it at night.
    (line,) = calculate_week(
        [Shift(at(2, 21), at(3, 3), 90)], policy(night_premium=Decimal("2.00"))
    ).lines
    assert line.worked_hours == Decimal("4.5")
    assert line.night_hours == Decimal("4.5")
    assert line.pay == Decimal("99.00")


def test_night_premium_is_flat_not_multiplied():
    # Sunday 20:00 to Monday 06:00: 10 h on a premium day, 8 of them at night.
    (line,) = calculate_week(
        [Shift(at(6, 20), at(7, 6))],
        policy(night_premium=Decimal("3.00"), premium_day_multiplier=Decimal("2")),
    ).lines
    assert line.premium_day is True
    assert line.night_hours == Decimal("8")
    assert (line.regular_hours, line.overtime_hours) == (Decimal("8"), Decimal("2"))
    assert line.pay == Decimal("464.00")  # 8 x 40 + 2 x 60 + 8 x 3
