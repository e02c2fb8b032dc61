from datetime import date, datetime
from decimal import Decimal

import pytest

import shiftpay
from shiftpay import PayPolicy, Shift, calculate_week


def monday(hour, minute=0, days=0):
    return datetime(2024, 3, 4 + days, hour, minute)


def test_regular_day():
    assert calculate_week([Shift(monday(9), monday(17))], PayPolicy(Decimal("20"))).gross_pay == Decimal("160.00")


def test_daily_overtime():
    line = calculate_week([Shift(monday(8), monday(19), 60)], PayPolicy(Decimal("20"))).lines[0]
    assert (line.regular_hours, line.overtime_hours) == (8, 2)
    assert line.pay == Decimal("220.00")


def test_weekly_limit():
    week = [Shift(monday(8, days=d), monday(17, days=d), 60) for d in range(6)]
    statement = calculate_week(week, PayPolicy(Decimal("10")))
    assert statement.regular_hours == 40
    assert statement.overtime_hours == 8


def test_sunday_premium():
    policy = PayPolicy(Decimal("10"), premium_day_multiplier=Decimal("2"))
    line = calculate_week([Shift(monday(10, days=6), monday(14, days=6))], policy).lines[0]
    assert line.premium_day
    assert line.pay == Decimal("80.00")


def test_holiday():
    policy = PayPolicy(Decimal("10"), premium_day_multiplier=Decimal("2"), holidays=frozenset({date(2024, 3, 5)}))
    assert calculate_week([Shift(monday(10, days=1), monday(12, days=1))], policy).gross_pay == Decimal("40.00")


def test_night():
    policy = PayPolicy(Decimal("10"), night_premium=Decimal("2"))
    line = calculate_week([Shift(monday(20), monday(2, days=1))], policy).lines[0]
    assert line.night_hours == 4
    assert line.pay == Decimal("68.00")


def test_rounding():
    line = calculate_week([Shift(monday(9), datetime(2024, 3, 4, 13, 7, 30))], PayPolicy(Decimal("1"))).lines[0]
    assert line.worked_hours == Decimal("4.25")


def test_errors():
    with pytest.raises(shiftpay.InvalidShiftError):
        calculate_week([Shift(monday(9), monday(8))], PayPolicy(Decimal("1")))
    with pytest.raises(shiftpay.OverlappingShiftsError):
        calculate_week([Shift(monday(9), monday(12)), Shift(monday(11), monday(13))], PayPolicy(Decimal("1")))
    with pytest.raises(shiftpay.InvalidPolicyError):
        calculate_week([], PayPolicy(Decimal("-1")))
