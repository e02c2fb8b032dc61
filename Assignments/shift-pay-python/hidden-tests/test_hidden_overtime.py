"""Hidden tests: daily and weekly overtime."""
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


def test_daily_overtime_after_threshold():
    (line,) = calculate_week([Shift(at(0, 8), at(0, 18, 30), 30)], policy()).lines
    assert line.worked_hours == Decimal("10")
    assert line.regular_hours == Decimal("8")
    assert line.overtime_hours == Decimal("2")
    assert line.pay == Decimal("220.00")


def test_daily_overtime_goes_to_later_shift_same_day():
    # Given out of order on purpose: overtime goes to the shift that starts later.
    shifts = [Shift(at(0, 13), at(0, 17)), Shift(at(0, 6), at(0, 12))]
    statement = calculate_week(shifts, policy())
    first, second = statement.lines
    assert (first.regular_hours, first.overtime_hours) == (Decimal("6"), Decimal("0"))
    assert (second.regular_hours, second.overtime_hours) == (Decimal("2"), Decimal("2"))
    assert second.pay == Decimal("100.00")
    assert statement.gross_pay == Decimal("220.00")


def test_daily_overtime_uses_start_date_for_overnight_shift():
    # The 10-hour overnight shift counts wholly for Monday; Tuesday's 7 hours stay regular.
    shifts = [Shift(at(0, 18), at(1, 4)), Shift(at(1, 10), at(1, 17))]
    statement = calculate_week(shifts, policy())
    monday, tuesday = statement.lines
    assert monday.overtime_hours == Decimal("2")
    assert tuesday.overtime_hours == Decimal("0")
    assert statement.overtime_hours == Decimal("2")


def test_weekly_overtime_after_threshold():
    shifts = [Shift(at(day, 9), at(day, 17)) for day in range(5)]
    shifts.append(Shift(at(5, 9), at(5, 13)))
    statement = calculate_week(shifts, policy())
    assert statement.regular_hours == Decimal("40")
    assert statement.overtime_hours == Decimal("4")
    assert statement.lines[-1].pay == Decimal("120.00")
    assert statement.gross_pay == Decimal("920.00")


def test_weekly_overtime_splits_a_shift():
    shifts = [Shift(at(day, 9), at(day, 16)) for day in range(5)]  # 35 hours
    shifts.append(Shift(at(5, 9), at(5, 17)))
    saturday = calculate_week(shifts, policy()).lines[-1]
    assert saturday.regular_hours == Decimal("5")
    assert saturday.overtime_hours == Decimal("3")
    assert saturday.pay == Decimal("190.00")


def test_weekly_overtime_not_double_counted():
    # Mon-Thu: 10 h each = 8 regular + 2 daily overtime. Only the 32 regular hours count
    # toward the 40-hour weekly threshold, so Friday's 8 hours are all regular.
    shifts = [Shift(at(day, 8), at(day, 18)) for day in range(4)]
    shifts.append(Shift(at(4, 9), at(4, 17)))
    statement = calculate_week(shifts, policy())
    assert statement.lines[-1].regular_hours == Decimal("8")
    assert statement.lines[-1].overtime_hours == Decimal("0")
    assert statement.regular_hours == Decimal("40")
    assert statement.overtime_hours == Decimal("8")
    assert statement.gross_pay == Decimal("1040.00")


def test_weekly_overtime_and_daily_overtime_in_one_shift():
    # 40 regular hours Mon-Fri, then 10 h on Saturday: 8 weekly + 2 daily, never 12.
    shifts = [Shift(at(day, 9), at(day, 17)) for day in range(5)]
    shifts.append(Shift(at(5, 8), at(5, 18)))
    statement = calculate_week(shifts, policy())
    saturday = statement.lines[-1]
    assert saturday.regular_hours == Decimal("0")
    assert saturday.overtime_hours == Decimal("10")
    assert saturday.pay == Decimal("300.00")
    assert statement.overtime_hours == Decimal("10")
