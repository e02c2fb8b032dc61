from datetime import date, datetime, timedelta
from decimal import Decimal

import pytest

from payroll.components import (
    DailyThenWeeklyOvertimeCalculator,
    QuarterHourRounding,
    StandardNightTimeCalculator,
    SundayAndHolidayDetector,
)
from payroll.factory import CalculatorFactory
from shiftpay import InvalidShiftError, OverlappingShiftsError, PayPolicy, Shift, calculate_week


def test_factory_builds_calculator():
    calculator = CalculatorFactory.create_default()
    assert isinstance(calculator.rounding, QuarterHourRounding)


@pytest.mark.parametrize("minutes, hours", [(0, "0"), (7, "0"), (8, "0.25"), (60, "1")])
def test_rounding(minutes, hours):
    assert QuarterHourRounding().round_hours(timedelta(minutes=minutes)) == Decimal(hours)


def test_rounding_tie():
    assert QuarterHourRounding().round_hours(timedelta(minutes=7, seconds=30)) == Decimal("0.25")


def test_night_time():
    night = StandardNightTimeCalculator().night_time(datetime(2024, 3, 4, 20), datetime(2024, 3, 5, 2))
    assert night == timedelta(hours=4)


def test_overtime_split():
    overtime = DailyThenWeeklyOvertimeCalculator(Decimal(8), Decimal(40))
    assert overtime.split(date(2024, 3, 4), Decimal(10)) == (8, 2)


def test_premium_detector():
    detector = SundayAndHolidayDetector(frozenset({date(2024, 3, 5)}))
    assert detector.is_premium(date(2024, 3, 10))
    assert detector.is_premium(date(2024, 3, 5))
    assert not detector.is_premium(date(2024, 3, 4))


def test_example_one():
    policy = PayPolicy(base_rate=Decimal("20.00"), night_premium=Decimal("2.00"), premium_day_multiplier=Decimal("1.5"))
    statement = calculate_week(
        [
            Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 18, 7), 30),
            Shift(datetime(2024, 3, 5, 20), datetime(2024, 3, 6, 2, 7, 30), 15),
            Shift(datetime(2024, 3, 10, 10), datetime(2024, 3, 10, 14)),
        ],
        policy,
    )
    assert statement.gross_pay == Decimal("423.50")


def test_invalid_shift():
    with pytest.raises(InvalidShiftError):
        calculate_week([Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 8))], PayPolicy(Decimal("10")))


def test_overlap():
    shifts = [Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 12)), Shift(datetime(2024, 3, 4, 11), datetime(2024, 3, 4, 13))]
    with pytest.raises(OverlappingShiftsError):
        calculate_week(shifts, PayPolicy(Decimal("10")))
