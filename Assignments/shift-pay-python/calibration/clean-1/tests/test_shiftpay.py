from datetime import date, datetime
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
    night_seconds,
    round_to_quarter,
)

MON = date(2024, 3, 4)


def at(day_offset, hour, minute=0, second=0):
    return datetime(2024, 3, 4 + day_offset, hour, minute, second)


@pytest.mark.parametrize(
    "seconds, hours",
    [(0, "0"), (7 * 60 + 29, "0"), (7 * 60 + 30, "0.25"), (22 * 60 + 29, "0.25"), (22 * 60 + 30, "0.5"), (3600, "1")],
)
def test_round_to_quarter(seconds, hours):
    assert round_to_quarter(seconds) == Decimal(hours)


def test_night_seconds_across_midnight():
    assert night_seconds(at(0, 20), at(1, 2)) == 4 * 3600


def test_night_seconds_early_morning_and_evening():
    assert night_seconds(at(0, 5), at(0, 23)) == 2 * 3600


def test_no_night_in_the_day():
    assert night_seconds(at(0, 6), at(0, 22)) == 0


def test_example_one():
    policy = PayPolicy(base_rate=Decimal("20.00"), night_premium=Decimal("2.00"), premium_day_multiplier=Decimal("1.5"))
    shifts = [
        Shift(at(0, 9), at(0, 18, 7), 30),
        Shift(at(1, 20), at(2, 2, 7, 30), 15),
        Shift(at(6, 10), at(6, 14)),
    ]
    statement = calculate_week(shifts, policy)
    assert [l.pay for l in statement.lines] == [Decimal("175.00"), Decimal("128.50"), Decimal("120.00")]
    assert statement.night_hours == Decimal("4.25")
    assert statement.gross_pay == Decimal("423.50")
    assert statement.lines[2].premium_day


def test_example_two_weekly_overtime():
    policy = PayPolicy(base_rate=Decimal("18.50"))
    shifts = [Shift(at(d, 7), at(d, 17, 30), 30) for d in range(4)]
    shifts += [Shift(at(4, 8), at(4, 16)), Shift(at(5, 9), at(5, 12, 20))]
    statement = calculate_week(shifts, policy)
    assert statement.regular_hours == Decimal("40")
    assert statement.overtime_hours == Decimal("11.25")
    assert statement.gross_pay == Decimal("1052.19")


def test_two_shifts_same_day_latest_hours_are_overtime():
    statement = calculate_week([Shift(at(0, 6), at(0, 12)), Shift(at(0, 13), at(0, 17))], PayPolicy(Decimal("10")))
    assert [(l.regular_hours, l.overtime_hours) for l in statement.lines] == [(6, 0), (2, 2)]


def test_holiday_is_premium():
    policy = PayPolicy(Decimal("10"), premium_day_multiplier=Decimal("2"), holidays=frozenset({MON}))
    assert calculate_week([Shift(at(0, 9), at(0, 13))], policy).gross_pay == Decimal("80.00")


def test_empty_week():
    statement = calculate_week([], PayPolicy(Decimal("10")))
    assert statement.lines == () and statement.gross_pay == 0


def test_touching_shifts_are_fine():
    assert len(calculate_week([Shift(at(0, 9), at(0, 13)), Shift(at(0, 13), at(0, 15))], PayPolicy(Decimal("1"))).lines) == 2


@pytest.mark.parametrize(
    "shift, error",
    [
        (Shift(at(0, 9), at(0, 9)), InvalidShiftError),
        (Shift(at(0, 9), at(0, 10), -1), InvalidShiftError),
        (Shift(at(0, 9), at(0, 10), 60), BreakTooLongError),
    ],
)
def test_bad_shifts(shift, error):
    with pytest.raises(error):
        calculate_week([shift], PayPolicy(Decimal("10")))


def test_overlap():
    with pytest.raises(OverlappingShiftsError):
        calculate_week([Shift(at(0, 9), at(0, 13)), Shift(at(0, 12), at(0, 15))], PayPolicy(Decimal("10")))


@pytest.mark.parametrize(
    "changes",
    [
        {"base_rate": Decimal("-1")},
        {"night_premium": Decimal("-1")},
        {"daily_overtime_after": Decimal("0")},
        {"weekly_overtime_after": Decimal("0")},
        {"overtime_multiplier": Decimal("0.9")},
        {"premium_day_multiplier": Decimal("0.5")},
    ],
)
def test_bad_policy(changes):
    with pytest.raises(InvalidPolicyError):
        calculate_week([], PayPolicy(**{"base_rate": Decimal("10"), **changes}))
