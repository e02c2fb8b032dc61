from __future__ import annotations

from decimal import Decimal

from shiftpay_core.config import ConfigurationProvider
from shiftpay_core.interfaces import AbstractLinePricer, AbstractMoneyRounder
from shiftpay_core.models import HoursBreakdown, PayPolicy


class ConfiguredMoneyRounder(AbstractMoneyRounder):
    def __init__(self) -> None:
        config = ConfigurationProvider.get()
        self._quantum = Decimal(config.money_quantum)
        self._mode = config.money_rounding_mode

    def round_money(self, amount: Decimal) -> Decimal:
        return amount.quantize(self._quantum, rounding=self._mode)


class StandardLinePricer(AbstractLinePricer):
    def __init__(self, rounder: AbstractMoneyRounder) -> None:
        self._rounder = rounder

    def price(self, hours: HoursBreakdown, premium_day: bool, policy: PayPolicy) -> Decimal:
        rate = self._effective_rate(premium_day, policy)
        amount = hours.regular * rate
        amount += hours.overtime * rate * policy.overtime_multiplier
        amount += hours.night * policy.night_premium
        return self._rounder.round_money(amount)

    @staticmethod
    def _effective_rate(premium_day: bool, policy: PayPolicy) -> Decimal:
        if premium_day:
            return policy.base_rate * policy.premium_day_multiplier
        return policy.base_rate
