from datetime import datetime, timedelta
from decimal import Decimal

import pytest

import shiftpay
from shiftpay import PayPolicy, Shift, calculate_week

MON = datetime(2024, 3, 4)


def shift(day, start_h, hours, break_minutes=0, start_m=0):
    start = MON + timedelta(days=day, hours=start_h, minutes=start_m)
    return Shift(start, start + timedelta(hours=hours), break_minutes)


def pay(shifts, **policy):
    return calculate_week(shifts, PayPolicy(**{"base_rate": Decimal("10"), **policy}))


@pytest.mark.parametrize(
    "seconds, hours",
    [(0, "0"), (449, "0"), (450, "0.25"), (900, "0.25"), (1349, "0.25"), (1350, "0.5")],
)
def test_quarter_hours(seconds, hours):
    assert shiftpay.quarter_hours(timedelta(seconds=seconds)) == Decimal(hours)


def test_night_overlap_across_midnight_and_two_nights():
    assert shiftpay.night_overlap(MON.replace(hour=20), MON.replace(hour=20) + timedelta(hours=8)) == timedelta(hours=6)
    assert shiftpay.night_overlap(MON.replace(hour=6), MON.replace(hour=22)) == timedelta(0)
    assert shiftpay.night_overlap(MON.replace(hour=20), MON + timedelta(days=1, hours=23)) == timedelta(hours=9)


def test_example_one_from_the_prompt():
    statement = calculate_week(
        [
            Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 18, 7), 30),
            Shift(datetime(2024, 3, 5, 20), datetime(2024, 3, 6, 2, 7, 30), 15),
            Shift(datetime(2024, 3, 10, 10), datetime(2024, 3, 10, 14)),
        ],
        PayPolicy(Decimal("20.00"), night_premium=Decimal("2.00"), premium_day_multiplier=Decimal("1.5")),
    )
    assert statement.gross_pay == Decimal("423.50")
    assert statement.night_hours == Decimal("4.25")


def test_example_two_from_the_prompt():
    shifts = [shift(d, 7, 10.5, 30) for d in range(4)] + [shift(4, 8, 8), Shift(datetime(2024, 3, 9, 9), datetime(2024, 3, 9, 12, 20))]
    statement = pay(shifts, base_rate=Decimal("18.50"))
    assert statement.regular_hours == 40
    assert statement.overtime_hours == Decimal("11.25")
    assert statement.gross_pay == Decimal("1052.19")


def test_daily_overtime_is_the_last_hours_of_the_day():
    statement = pay([shift(0, 13, 4), shift(0, 6, 6)])
    assert [line.overtime_hours for line in statement.lines] == [0, 2]


def test_daily_overtime_does_not_count_toward_the_week():
    statement = pay([shift(d, 8, 10) for d in range(4)] + [shift(4, 9, 8)])
    assert statement.regular_hours == 40
    assert statement.lines[-1].overtime_hours == 0


def test_hour_is_never_overtime_twice():
    statement = pay([shift(d, 9, 8) for d in range(5)] + [shift(5, 8, 10)])
    assert statement.overtime_hours == 10


def test_break_eats_day_time_before_night_time():
    (line,) = pay([shift(2, 21, 6, 90)], night_premium=Decimal("1")).lines
    assert (line.worked_hours, line.night_hours) == (Decimal("4.5"), Decimal("4.5"))


def test_premium_day_is_the_start_date():
    saturday_night, sunday_night = pay([shift(5, 22, 8), shift(6, 22, 8)], premium_day_multiplier=Decimal("2")).lines
    assert not saturday_night.premium_day
    assert sunday_night.premium_day
    assert sunday_night.pay == 2 * saturday_night.pay


def test_cents_round_half_up_per_line():
    statement = pay([shift(0, 9, 0.25), shift(1, 9, 0.25)], base_rate=Decimal("10.10"))
    assert [line.pay for line in statement.lines] == [Decimal("2.53")] * 2
    assert statement.gross_pay == Decimal("5.06")


@pytest.mark.parametrize(
    "shifts, error",
    [
        ([shift(0, 9, 0)], shiftpay.InvalidShiftError),
        ([shift(0, 9, 1, -5)], shiftpay.InvalidShiftError),
        ([shift(0, 9, 1, 60)], shiftpay.BreakTooLongError),
        ([shift(0, 9, 4), shift(0, 12, 4)], shiftpay.OverlappingShiftsError),
    ],
)
def test_bad_shifts(shifts, error):
    with pytest.raises(error):
        pay(shifts)


def test_touching_shifts_are_fine():
    assert pay([shift(0, 9, 4), shift(0, 13, 4)]).regular_hours == 8


def test_bad_policy():
    with pytest.raises(shiftpay.InvalidPolicyError, match="base_rate"):
        pay([], base_rate=Decimal("-1"))
