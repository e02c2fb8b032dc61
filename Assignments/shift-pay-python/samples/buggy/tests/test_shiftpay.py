from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from shiftpay import (
    BreakTooLongError,
    InvalidShiftError,
    OverlappingShiftsError,
    PayPolicy,
    Shift,
    calculate_week,
    round_to_quarter,
)

POLICY = PayPolicy(base_rate=Decimal("20.00"), night_premium=Decimal("2.00"))


def test_rounding():
    assert round_to_quarter(timedelta(minutes=7)) == timedelta(0)
    assert round_to_quarter(timedelta(minutes=8)) == timedelta(minutes=15)


def test_simple_shift():
    statement = calculate_week([Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17))], POLICY)
    assert statement.gross_pay == Decimal("160.00")


def test_daily_overtime():
    statement = calculate_week([Shift(datetime(2024, 3, 4, 8), datetime(2024, 3, 4, 18))], POLICY)
    assert statement.overtime_hours == Decimal("2")


def test_weekly_overtime():
    shifts = [Shift(datetime(2024, 3, d, 9), datetime(2024, 3, d, 17)) for d in range(4, 10)]
    statement = calculate_week(shifts, POLICY)
    assert statement.regular_hours == Decimal("40")
    assert statement.overtime_hours == Decimal("8")


def test_night():
    statement = calculate_week([Shift(datetime(2024, 3, 4, 20), datetime(2024, 3, 5, 4))], POLICY)
    assert statement.night_hours == Decimal("6")


def test_errors():
    with pytest.raises(InvalidShiftError):
        calculate_week([Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 8))], POLICY)
    with pytest.raises(BreakTooLongError):
        calculate_week([Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 10), 90)], POLICY)
    with pytest.raises(OverlappingShiftsError):
        calculate_week(
            [
                Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17)),
                Shift(datetime(2024, 3, 4, 16), datetime(2024, 3, 4, 18)),
            ],
            POLICY,
        )
