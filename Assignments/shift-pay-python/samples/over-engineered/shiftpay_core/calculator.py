from __future__ import annotations

from datetime import timedelta
from decimal import Decimal
from typing import Iterable

from shiftpay_core.interfaces import (
    AbstractLinePricer,
    AbstractNightTimeCalculator,
    AbstractPayCalculator,
    AbstractPolicyProvider,
    AbstractPremiumDayDetector,
    AbstractRoundingStrategy,
    AbstractValidator,
)
from shiftpay_core.models import HoursBreakdown, PayPolicy, PayStatement, Shift, ShiftLine
from shiftpay_core.overtime import RuleStrategyFactory


class DefaultPayCalculator(AbstractPayCalculator):
    def __init__(
        self,
        components: dict[str, object],
    ) -> None:
        self._validator: AbstractValidator = components["validator"]
        self._rounding: AbstractRoundingStrategy = components["rounding"]
        self._night: AbstractNightTimeCalculator = components["night"]
        self._premium: AbstractPremiumDayDetector = components["premium"]
        self._pricer: AbstractLinePricer = components["pricer"]
        self._provider: AbstractPolicyProvider = components["provider"]

    def calculate(self, shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
        policy = self._provider.provide(policy)
        shift_list = list(shifts)
        self._validator.validate(shift_list, policy)
        overtime_rule = RuleStrategyFactory.create(policy)
        overtime_rule.reset()
        lines = tuple(
            self._line(shift, overtime_rule, policy)
            for shift in sorted(shift_list, key=lambda s: s.start)
        )
        return self._assemble(lines)

    def _line(self, shift: Shift, overtime_rule, policy: PayPolicy) -> ShiftLine:
        hours = self._breakdown(shift, overtime_rule)
        premium_day = self._premium.is_premium_day(shift.start.date(), policy)
        return ShiftLine(
            start=shift.start,
            end=shift.end,
            worked_hours=hours.worked,
            regular_hours=hours.regular,
            overtime_hours=hours.overtime,
            night_hours=hours.night,
            premium_day=premium_day,
            pay=self._pricer.price(hours, premium_day, policy),
        )

    def _breakdown(self, shift: Shift, overtime_rule) -> HoursBreakdown:
        worked_time = shift.end - shift.start - timedelta(minutes=shift.break_minutes)
        night_time = min(self._night.night_time(shift.start, shift.end), worked_time)
        worked = self._to_hours(self._rounding.round_duration(worked_time))
        night = self._to_hours(self._rounding.round_duration(night_time))
        regular, overtime = overtime_rule.allocate(shift.start.date(), worked)
        return HoursBreakdown(worked=worked, regular=regular, overtime=overtime, night=night)

    @staticmethod
    def _to_hours(duration: timedelta) -> Decimal:
        return Decimal(int(duration.total_seconds())) / Decimal(3600)

    @staticmethod
    def _assemble(lines: tuple[ShiftLine, ...]) -> PayStatement:
        return PayStatement(
            lines=lines,
            regular_hours=sum((line.regular_hours for line in lines), Decimal(0)),
            overtime_hours=sum((line.overtime_hours for line in lines), Decimal(0)),
            night_hours=sum((line.night_hours for line in lines), Decimal(0)),
            gross_pay=sum((line.pay for line in lines), Decimal("0.00")),
        )
