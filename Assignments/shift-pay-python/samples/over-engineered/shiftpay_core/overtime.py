from __future__ import annotations

from datetime import date
from decimal import Decimal

from shiftpay_core.config import ConfigurationProvider
from shiftpay_core.interfaces import AbstractOvertimeRule
from shiftpay_core.models import PayPolicy


class DailyThenWeeklyOvertimeRule(AbstractOvertimeRule):
    def __init__(self, policy: PayPolicy) -> None:
        self._policy = policy
        self.reset()

    def reset(self) -> None:
        self._day_totals: dict[date, Decimal] = {}
        self._weekly_regular = Decimal(0)

    def allocate(self, work_day: date, hours: Decimal) -> tuple[Decimal, Decimal]:
        already = self._day_totals.get(work_day, Decimal(0))
        self._day_totals[work_day] = already + hours
        daily_room = max(Decimal(0), self._policy.daily_overtime_after - already)
        weekly_room = max(Decimal(0), self._policy.weekly_overtime_after - self._weekly_regular)
        regular = min(hours, daily_room, weekly_room)
        self._weekly_regular += regular
        return regular, hours - regular


class RuleStrategyFactory:
    """Resolves the overtime rule strategy by key."""

    _strategies = {"daily-then-weekly": DailyThenWeeklyOvertimeRule}

    @classmethod
    def create(cls, policy: PayPolicy) -> AbstractOvertimeRule:
        key = ConfigurationProvider.get().overtime_rule_key
        return cls._strategies[key](policy)
