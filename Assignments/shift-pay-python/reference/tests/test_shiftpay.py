from datetime import date, datetime, timedelta
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
    night_time,
    round_to_quarter,
)

D = Decimal


def dt(day, hour, minute=0, second=0):
    """Day 4 is Monday 2024-03-04; day 10 is Sunday 2024-03-10."""
    return datetime(2024, 3, day, hour, minute, second)


def minutes(m, s=0):
    return timedelta(minutes=m, seconds=s)


# --- rounding -----------------------------------------------------------------


@pytest.mark.parametrize(
    "worked, expected",
    [
        (minutes(0), minutes(0)),
        (minutes(7, 29), minutes(0)),
        (minutes(7, 30), minutes(15)),
        (minutes(22, 29), minutes(15)),
        (minutes(22, 30), minutes(30)),
        (minutes(480), minutes(480)),
    ],
)
def test_round_to_quarter(worked, expected):
    assert round_to_quarter(worked) == expected


# --- night time ---------------------------------------------------------------


@pytest.mark.parametrize(
    "start, end, expected_hours",
    [
        (dt(4, 6), dt(4, 22), 0),
        (dt(4, 21), dt(4, 23), 1),
        (dt(4, 20), dt(5, 4), 6),
        (dt(5, 4), dt(5, 12), 2),
        (dt(4, 20), dt(5, 23), 9),  # two nights
    ],
)
def test_night_time(start, end, expected_hours):
    assert night_time(start, end) == timedelta(hours=expected_hours)


def test_break_comes_out_of_day_time_first():
    policy = PayPolicy(base_rate=D("20"), night_premium=D("1"))
    (with_room,) = calculate_week([Shift(dt(4, 18), dt(5, 2), 60)], policy).lines
    (without_room,) = calculate_week([Shift(dt(4, 21), dt(5, 3), 90)], policy).lines
    assert with_room.night_hours == D("4")
    assert without_room.night_hours == D("4.5")


# --- the worked examples of the prompt -------------------------------------------


def test_prompt_example_one():
    policy = PayPolicy(base_rate=D("20.00"), night_premium=D("2.00"), premium_day_multiplier=D("1.5"))
    statement = calculate_week(
        [
            Shift(dt(4, 9), dt(4, 18, 7), 30),
            Shift(dt(5, 20), dt(6, 2, 7, 30), 15),
            Shift(dt(10, 10), dt(10, 14)),
        ],
        policy,
    )
    assert [line.pay for line in statement.lines] == [D("175.00"), D("128.50"), D("120.00")]
    assert statement.lines[1].night_hours == D("4.25")
    assert (statement.regular_hours, statement.overtime_hours) == (D("18"), D("0.5"))
    assert statement.night_hours == D("4.25")
    assert statement.gross_pay == D("423.50")


def test_prompt_example_two():
    shifts = [Shift(dt(day, 7), dt(day, 17, 30), 30) for day in range(4, 8)]
    shifts += [Shift(dt(8, 8), dt(8, 16)), Shift(dt(9, 9), dt(9, 12, 20))]
    statement = calculate_week(shifts, PayPolicy(base_rate=D("18.50")))
    assert statement.lines[4].overtime_hours == 0
    assert statement.lines[5].pay == D("90.19")
    assert (statement.regular_hours, statement.overtime_hours) == (D("40"), D("11.25"))
    assert statement.gross_pay == D("1052.19")


# --- overtime -----------------------------------------------------------------


def test_daily_overtime_lands_on_the_later_shift_of_the_day():
    statement = calculate_week(
        [Shift(dt(4, 13), dt(4, 17)), Shift(dt(4, 6), dt(4, 12))], PayPolicy(base_rate=D("10"))
    )
    assert [(l.regular_hours, l.overtime_hours) for l in statement.lines] == [
        (D("6"), D("0")),
        (D("2"), D("2")),
    ]


def test_overnight_shift_counts_for_the_day_it_starts():
    statement = calculate_week(
        [Shift(dt(4, 18), dt(5, 4)), Shift(dt(5, 10), dt(5, 17))], PayPolicy(base_rate=D("10"))
    )
    assert [l.overtime_hours for l in statement.lines] == [D("2"), D("0")]


def test_weekly_limit_counts_only_regular_hours():
    shifts = [Shift(dt(day, 8), dt(day, 18)) for day in range(4, 8)]
    shifts.append(Shift(dt(8, 9), dt(8, 17)))
    statement = calculate_week(shifts, PayPolicy(base_rate=D("10")))
    assert statement.regular_hours == D("40")
    assert statement.overtime_hours == D("8")


def test_weekly_limit_splits_a_shift_and_never_double_counts():
    shifts = [Shift(dt(day, 9), dt(day, 16)) for day in range(4, 9)]  # 35 h
    shifts.append(Shift(dt(9, 7), dt(9, 17)))  # 10 h: 5 regular, 3 weekly, 2 daily
    saturday = calculate_week(shifts, PayPolicy(base_rate=D("10"))).lines[-1]
    assert (saturday.regular_hours, saturday.overtime_hours) == (D("5"), D("5"))


# --- premium days and money ----------------------------------------------------


def test_holiday_and_sunday_rate_compounds_with_overtime_but_not_night():
    policy = PayPolicy(
        base_rate=D("10"),
        night_premium=D("1"),
        premium_day_multiplier=D("2"),
        holidays=frozenset({date(2024, 3, 6)}),
    )
    (line,) = calculate_week([Shift(dt(6, 20), dt(7, 6))], policy).lines
    assert line.premium_day
    assert line.pay == D("8") * 20 + D("2") * 30 + D("8") * 1


def test_saturday_night_is_not_a_premium_day():
    policy = PayPolicy(base_rate=D("10"), premium_day_multiplier=D("2"))
    (line,) = calculate_week([Shift(dt(9, 22), dt(10, 6))], policy).lines
    assert not line.premium_day


def test_each_line_is_rounded_half_up_before_summing():
    shifts = [Shift(dt(4, 9), dt(4, 9, 15)), Shift(dt(5, 9), dt(5, 9, 15))]
    statement = calculate_week(shifts, PayPolicy(base_rate=D("10.10")))
    assert statement.gross_pay == D("5.06")


def test_empty_week():
    statement = calculate_week([], PayPolicy(base_rate=D("10")))
    assert statement.lines == ()
    assert statement.gross_pay == 0


# --- validation -----------------------------------------------------------------


@pytest.mark.parametrize(
    "shift, error",
    [
        (Shift(dt(4, 9), dt(4, 9)), InvalidShiftError),
        (Shift(dt(4, 9), dt(4, 8)), InvalidShiftError),
        (Shift(dt(4, 9), dt(4, 10), -1), InvalidShiftError),
        (Shift(dt(4, 9), dt(4, 10), 60), BreakTooLongError),
    ],
)
def test_invalid_shift(shift, error):
    with pytest.raises(error):
        calculate_week([shift], PayPolicy(base_rate=D("10")))


def test_overlap_is_rejected_but_touching_is_fine():
    policy = PayPolicy(base_rate=D("10"))
    with pytest.raises(OverlappingShiftsError):
        calculate_week([Shift(dt(4, 12), dt(4, 14)), Shift(dt(4, 9), dt(4, 13))], policy)
    assert calculate_week([Shift(dt(4, 13), dt(4, 14)), Shift(dt(4, 9), dt(4, 13))], policy)


@pytest.mark.parametrize(
    "overrides",
    [
        {"base_rate": D("-0.01")},
        {"night_premium": D("-1")},
        {"daily_overtime_after": D("0")},
        {"weekly_overtime_after": D("-8")},
        {"overtime_multiplier": D("0.9")},
        {"premium_day_multiplier": D("0.5")},
    ],
)
def test_invalid_policy(overrides):
    values = {"base_rate": D("10"), **overrides}
    with pytest.raises(InvalidPolicyError):
        calculate_week([], PayPolicy(**values))
