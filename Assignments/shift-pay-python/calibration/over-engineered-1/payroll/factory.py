"""Builds a calculator with the default components."""

from __future__ import annotations

from payroll.calculator import WeekCalculator
from payroll.components import (
    DailyThenWeeklyOvertimeCalculator,
    QuarterHourRounding,
    ShiftValidator,
    StandardNightTimeCalculator,
    SundayAndHolidayDetector,
)


class CalculatorFactory:
    @staticmethod
    def create_default() -> WeekCalculator:
        return WeekCalculator(
            rounding=QuarterHourRounding(),
            night=StandardNightTimeCalculator(),
            validator=ShiftValidator(),
            overtime_factory=DailyThenWeeklyOvertimeCalculator,
            premium_factory=SundayAndHolidayDetector,
        )
