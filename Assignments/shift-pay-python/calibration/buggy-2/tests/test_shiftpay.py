from datetime import datetime
from decimal import Decimal

import pytest

from shiftpay import (
    BreakTooLongError,
    InvalidPolicyError,
    InvalidShiftError,
    OverlappingShiftsError,
    PayPolicy,
    Shift,
    calculate_week,
    to_quarter_hours,
)
from datetime import timedelta

RATE = PayPolicy(base_rate=Decimal("12.00"))


@pytest.mark.parametrize("minutes, expected", [(0, "0"), (7, "0"), (8, "0.25"), (52, "0.75"), (53, "1")])
def test_quarter_rounding(minutes, expected):
    assert to_quarter_hours(timedelta(minutes=minutes)) == Decimal(expected)


def test_one_shift():
    statement = calculate_week([Shift(datetime(2024, 3, 5, 9), datetime(2024, 3, 5, 17, 30), 30)], RATE)
    assert statement.lines[0].worked_hours == 8
    assert statement.gross_pay == Decimal("96.00")


def test_overtime_on_long_day():
    statement = calculate_week([Shift(datetime(2024, 3, 5, 6), datetime(2024, 3, 5, 18))], RATE)
    assert statement.overtime_hours == 4
    assert statement.gross_pay == Decimal("168.00")


def test_night_shift():
    policy = PayPolicy(base_rate=Decimal("10"), night_premium=Decimal("5"))
    statement = calculate_week([Shift(datetime(2024, 3, 5, 22), datetime(2024, 3, 6, 6))], policy)
    assert statement.night_hours == 8
    assert statement.gross_pay == Decimal("120.00")


def test_errors():
    with pytest.raises(InvalidShiftError):
        calculate_week([Shift(datetime(2024, 3, 5, 9), datetime(2024, 3, 5, 9))], RATE)
    with pytest.raises(BreakTooLongError):
        calculate_week([Shift(datetime(2024, 3, 5, 9), datetime(2024, 3, 5, 10), 90)], RATE)
    with pytest.raises(OverlappingShiftsError):
        calculate_week([Shift(datetime(2024, 3, 5, 9), datetime(2024, 3, 5, 12)),
                        Shift(datetime(2024, 3, 5, 10), datetime(2024, 3, 5, 11))], RATE)
    with pytest.raises(InvalidPolicyError):
        calculate_week([], PayPolicy(base_rate=Decimal("10"), daily_overtime_after=Decimal("0")))
