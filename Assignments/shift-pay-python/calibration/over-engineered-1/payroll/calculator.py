"""Puts the components together to price a week."""

from __future__ import annotations

from datetime import timedelta
from decimal import ROUND_HALF_UP, Decimal

from payroll.interfaces import NightTimeCalculator, RoundingStrategy, Validator


class WeekCalculator:
    def __init__(self, rounding: RoundingStrategy, night: NightTimeCalculator, validator: Validator,
                 overtime_factory, premium_factory):
        self.rounding = rounding
        self.night = night
        self.validator = validator
        self.overtime_factory = overtime_factory
        self.premium_factory = premium_factory

    def calculate(self, shifts, policy):
        from shiftpay import PayStatement

        shifts = sorted(shifts, key=lambda shift: shift.start)
        self.validator.validate(shifts, policy)
        overtime = self.overtime_factory(policy.daily_overtime_after, policy.weekly_overtime_after)
        premium = self.premium_factory(policy.holidays)
        lines = tuple(self.line(shift, policy, overtime, premium) for shift in shifts)
        return PayStatement(
            lines=lines,
            regular_hours=self.total(lines, "regular_hours"),
            overtime_hours=self.total(lines, "overtime_hours"),
            night_hours=self.total(lines, "night_hours"),
            gross_pay=self.total(lines, "pay"),
        )

    def line(self, shift, policy, overtime, premium):
        from shiftpay import ShiftLine

        worked_time = shift.end - shift.start - timedelta(minutes=shift.break_minutes)
        worked = self.rounding.round_hours(worked_time)
        night = self.rounding.round_hours(min(self.night.night_time(shift.start, shift.end), worked_time))
        regular, extra = overtime.split(shift.start.date(), worked)
        is_premium = premium.is_premium(shift.start.date())
        rate = policy.base_rate * policy.premium_day_multiplier if is_premium else policy.base_rate
        pay = regular * rate + extra * rate * policy.overtime_multiplier + night * policy.night_premium
        return ShiftLine(shift.start, shift.end, worked, regular, extra, night, is_premium,
                         pay.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))

    @staticmethod
    def total(lines, field):
        return sum((getattr(line, field) for line in lines), Decimal(0))
