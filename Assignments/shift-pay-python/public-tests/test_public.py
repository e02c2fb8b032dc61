"""Public tests: run them with `python3 -m pytest tests/public` from your repository root."""
from datetime import date, datetime, time, timedelta
from decimal import Decimal

import pytest

from shiftpay import InvalidShiftError, PayPolicy, Shift, calculate_week

MONDAY = date(2024, 3, 4)  # a Monday


def at(day, hour, minute=0, second=0):
    return datetime.combine(MONDAY + timedelta(days=day), time(hour, minute, second))


POLICY = PayPolicy(
    base_rate=Decimal("20.00"),
    night_premium=Decimal("2.00"),
    premium_day_multiplier=Decimal("1.5"),
)


def test_public_plain_day_shift():
    statement = calculate_week([Shift(at(0, 9), at(0, 17, 30), 30)], POLICY)
    (line,) = statement.lines
    assert line.worked_hours == Decimal("8")
    assert line.regular_hours == Decimal("8")
    assert line.overtime_hours == Decimal("0")
    assert line.pay == Decimal("160.00")
    assert statement.gross_pay == Decimal("160.00")


def test_public_daily_overtime():
    (line,) = calculate_week([Shift(at(1, 7), at(1, 17, 30), 30)], POLICY).lines
    assert (line.regular_hours, line.overtime_hours) == (Decimal("8"), Decimal("2"))
    assert line.pay == Decimal("220.00")


def test_public_night_shift_crossing_midnight():
    (line,) = calculate_week([Shift(at(2, 21), at(3, 5))], POLICY).lines
    assert line.worked_hours == Decimal("8")
    assert line.night_hours == Decimal("7")
    assert line.pay == Decimal("174.00")


def test_public_sunday_shift():
    statement = calculate_week([Shift(at(6, 10), at(6, 14))], POLICY)
    assert statement.lines[0].premium_day is True
    assert statement.gross_pay == Decimal("120.00")


def test_public_end_before_start_is_rejected():
    with pytest.raises(InvalidShiftError):
        calculate_week([Shift(at(0, 17), at(0, 9))], POLICY)
