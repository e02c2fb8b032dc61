"""Hidden tests: invalid input raises the documented errors."""
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


@pytest.mark.parametrize("end", [at(0, 8), at(0, 9)], ids=["before", "equal"])
def test_end_not_after_start_rejected(end):
    with pytest.raises(InvalidShiftError):
        calculate_week([Shift(at(0, 9), end)], policy())


@pytest.mark.parametrize("minutes", [60, 61], ids=["equal", "longer"])
def test_break_longer_than_shift_rejected(minutes):
    with pytest.raises(BreakTooLongError):
        calculate_week([Shift(at(0, 9), at(0, 10), minutes)], policy())


def test_overlapping_shifts_rejected():
    with pytest.raises(OverlappingShiftsError):
        calculate_week([Shift(at(0, 16), at(0, 20)), Shift(at(0, 9), at(0, 17))], policy())


def test_touching_shifts_allowed():
    statement = calculate_week([Shift(at(0, 13), at(0, 17)), Shift(at(0, 9), at(0, 13))], policy())
    assert statement.regular_hours == Decimal("8")
    assert statement.gross_pay == Decimal("160.00")


def test_negative_rate_rejected():
    with pytest.raises(InvalidPolicyError):
        calculate_week([Shift(at(0, 9), at(0, 17))], policy(base_rate=Decimal("-1")))


def test_errors_are_value_errors():
    for error in (InvalidShiftError, BreakTooLongError, OverlappingShiftsError, InvalidPolicyError):
        assert issubclass(error, ShiftPayError)
    assert issubclass(ShiftPayError, ValueError)
