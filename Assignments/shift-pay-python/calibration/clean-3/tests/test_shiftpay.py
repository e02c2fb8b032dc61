from datetime import datetime
from decimal import Decimal

import pytest

from shiftpay import PayPolicy, Shift, ShiftPayError, calculate_week


def test_example_1_from_the_prompt():
    policy = PayPolicy(base_rate=Decimal("20.00"), night_premium=Decimal("2.00"), premium_day_multiplier=Decimal("1.5"))
    statement = calculate_week(
        [
            Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 18, 7), 30),
            Shift(datetime(2024, 3, 5, 20), datetime(2024, 3, 6, 2, 7, 30), 15),
            Shift(datetime(2024, 3, 10, 10), datetime(2024, 3, 10, 14)),
        ],
        policy,
    )
    assert statement.regular_hours == 18
    assert statement.overtime_hours == Decimal("0.5")
    assert statement.night_hours == Decimal("4.25")
    assert statement.gross_pay == Decimal("423.50")


def test_example_2_from_the_prompt():
    shifts = [Shift(datetime(2024, 3, d, 7), datetime(2024, 3, d, 17, 30), 30) for d in range(4, 8)]
    shifts.append(Shift(datetime(2024, 3, 8, 8), datetime(2024, 3, 8, 16)))
    shifts.append(Shift(datetime(2024, 3, 9, 9), datetime(2024, 3, 9, 12, 20)))
    statement = calculate_week(shifts, PayPolicy(base_rate=Decimal("18.50")))
    assert statement.regular_hours == 40
    assert statement.overtime_hours == Decimal("11.25")
    assert statement.gross_pay == Decimal("1052.19")


def test_break_comes_out_of_day_time_first():
    policy = PayPolicy(base_rate=Decimal("10"), night_premium=Decimal("1"))
    line = calculate_week([Shift(datetime(2024, 3, 4, 21), datetime(2024, 3, 5, 3), 90)], policy).lines[0]
    assert line.worked_hours == Decimal("4.5")
    assert line.night_hours == Decimal("4.5")


def test_nothing_to_pay():
    assert calculate_week([], PayPolicy(base_rate=Decimal("10"))).gross_pay == 0


@pytest.mark.parametrize(
    "shifts",
    [
        [Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 8))],
        [Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 10), 60)],
        [Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 12)), Shift(datetime(2024, 3, 4, 11), datetime(2024, 3, 4, 13))],
    ],
)
def test_bad_shifts_are_rejected(shifts):
    with pytest.raises(ShiftPayError):
        calculate_week(shifts, PayPolicy(base_rate=Decimal("10")))


def test_bad_policy_is_rejected():
    with pytest.raises(ShiftPayError):
        calculate_week([], PayPolicy(base_rate=Decimal("10"), overtime_multiplier=Decimal("0.5")))
