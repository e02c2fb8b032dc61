"""The default implementation of each calculation step."""

from __future__ import annotations

from collections import defaultdict
from datetime import date, datetime, timedelta
from decimal import Decimal

from payroll.interfaces import (
    NightTimeCalculator,
    OvertimeCalculator,
    PremiumDayDetector,
    RoundingStrategy,
    Validator,
)

QUARTER_SECONDS = 900


class QuarterHourRounding(RoundingStrategy):
    def round_hours(self, duration: timedelta) -> Decimal:
        quarters, remainder = divmod(int(duration.total_seconds()), QUARTER_SECONDS)
        if 2 * remainder >= QUARTER_SECONDS:
            quarters += 1
        return Decimal(quarters) / 4


class StandardNightTimeCalculator(NightTimeCalculator):
    def __init__(self, night_start_hour: int = 22, night_length_hours: int = 8):
        self.night_start_hour = night_start_hour
        self.night_length_hours = night_length_hours

    def night_time(self, start: datetime, end: datetime) -> timedelta:
        total = timedelta(0)
        day = start.date() - timedelta(days=1)
        while day <= end.date():
            night_start = datetime(day.year, day.month, day.day, self.night_start_hour)
            night_end = night_start + timedelta(hours=self.night_length_hours)
            total += max(timedelta(0), min(end, night_end) - max(start, night_start))
            day += timedelta(days=1)
        return total


class DailyThenWeeklyOvertimeCalculator(OvertimeCalculator):
    def __init__(self, daily_limit: Decimal, weekly_limit: Decimal):
        self.daily_limit = daily_limit
        self.weekly_limit = weekly_limit
        self.reset()

    def reset(self) -> None:
        self.per_day: dict[date, Decimal] = defaultdict(Decimal)
        self.week_regular = Decimal(0)

    def split(self, day: date, hours: Decimal) -> tuple[Decimal, Decimal]:
        room_today = max(Decimal(0), self.daily_limit - self.per_day[day])
        room_week = max(Decimal(0), self.weekly_limit - self.week_regular)
        regular = min(hours, room_today, room_week)
        self.per_day[day] += hours
        self.week_regular += regular
        return regular, hours - regular


class SundayAndHolidayDetector(PremiumDayDetector):
    def __init__(self, holidays: frozenset[date]):
        self.holidays = holidays

    def is_premium(self, day: date) -> bool:
        return day.weekday() == 6 or day in self.holidays


class ShiftValidator(Validator):
    def validate(self, shifts: list, policy) -> None:
        from shiftpay import (
            BreakTooLongError,
            InvalidPolicyError,
            InvalidShiftError,
            OverlappingShiftsError,
        )

        if policy.base_rate < 0 or policy.night_premium < 0:
            raise InvalidPolicyError("negative rate")
        if policy.daily_overtime_after <= 0 or policy.weekly_overtime_after <= 0:
            raise InvalidPolicyError("non-positive overtime limit")
        if policy.overtime_multiplier < 1 or policy.premium_day_multiplier < 1:
            raise InvalidPolicyError("multiplier below one")
        for shift in shifts:
            if shift.end <= shift.start or shift.break_minutes < 0:
                raise InvalidShiftError(str(shift))
            if timedelta(minutes=shift.break_minutes) >= shift.end - shift.start:
                raise BreakTooLongError(str(shift))
        for earlier, later in zip(shifts, shifts[1:]):
            if later.start < earlier.end:
                raise OverlappingShiftsError(str(later))
