"""Hidden tests: a plain week, totals, empty input."""
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


def test_single_day_shift_regular_pay():
    statement = calculate_week([Shift(at(0, 9), at(0, 17))], policy())
    (line,) = statement.lines
    assert line.worked_hours == Decimal("8")
    assert line.regular_hours == Decimal("8")
    assert line.overtime_hours == Decimal("0")
    assert line.night_hours == Decimal("0")
    assert line.premium_day is False
    assert line.pay == Decimal("160.00")
    assert statement.gross_pay == Decimal("160.00")


def test_empty_week_pays_nothing():
    statement = calculate_week([], policy())
    assert len(statement.lines) == 0
    assert statement.regular_hours == 0
    assert statement.overtime_hours == 0
    assert statement.night_hours == 0
    assert statement.gross_pay == Decimal("0.00")


def test_statement_totals_sum_the_lines():
    shifts = [Shift(at(1, 20), at(1, 23)), Shift(at(0, 9), at(0, 19))]
    statement = calculate_week(shifts, policy(night_premium=Decimal("1.00")))
    assert [line.start for line in statement.lines] == [at(0, 9), at(1, 20)]
    assert [line.pay for line in statement.lines] == [Decimal("220.00"), Decimal("61.00")]
    assert statement.regular_hours == Decimal("11")
    assert statement.overtime_hours == Decimal("2")
    assert statement.night_hours == Decimal("1")
    assert statement.gross_pay == Decimal("281.00")
