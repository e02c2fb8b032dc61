"""Hidden tests: 15-minute rounding of worked time and half-up rounding of money."""
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


@pytest.mark.parametrize(
    "end, hours",
    [
        (at(0, 13, 7, 29), Decimal("4")),
        (at(0, 13, 8), Decimal("4.25")),
        (at(0, 13, 52, 31), Decimal("5")),
    ],
)
def test_rounding_to_nearest_quarter_hour(end, hours):
    (line,) = calculate_week([Shift(at(0, 9), end)], policy()).lines
    assert line.worked_hours == hours
    assert line.pay == hours * Decimal("20.00")


def test_rounding_tie_rounds_up():
    (line,) = calculate_week([Shift(at(0, 9), at(0, 13, 7, 30))], policy()).lines
    assert line.worked_hours == Decimal("4.25")
    assert line.pay == Decimal("85.00")


def test_rounding_applies_after_break_deduction():
    # 4h10m on the clock minus a 5-minute break is 4h05m worked, which rounds to 4h.
    (line,) = calculate_week([Shift(at(0, 9), at(0, 13, 10), 5)], policy()).lines
    assert line.worked_hours == Decimal("4")
    assert line.pay == Decimal("80.00")


def test_money_rounds_half_up_to_cents():
    # 0.25 h x 10.10 = 2.525, which is 2.53 half-up (2.52 with banker's rounding).
    (line,) = calculate_week(
        [Shift(at(0, 9), at(0, 9, 15))], policy(base_rate=Decimal("10.10"))
    ).lines
    assert line.pay == Decimal("2.53")


def test_gross_is_sum_of_rounded_lines():
    shifts = [Shift(at(0, 9), at(0, 9, 15)), Shift(at(1, 9), at(1, 9, 15))]
    statement = calculate_week(shifts, policy(base_rate=Decimal("10.10")))
    assert [line.pay for line in statement.lines] == [Decimal("2.53"), Decimal("2.53")]
    assert statement.gross_pay == Decimal("5.06")
