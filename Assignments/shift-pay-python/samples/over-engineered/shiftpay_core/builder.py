from __future__ import annotations

from shiftpay_core.calculator import DefaultPayCalculator
from shiftpay_core.config import ConfigurationProvider
from shiftpay_core.interfaces import AbstractPayCalculator
from shiftpay_core.money import ConfiguredMoneyRounder, StandardLinePricer
from shiftpay_core.night import NightTimeCalculatorFactory
from shiftpay_core.premium import SundayOrHolidayPremiumDayDetector
from shiftpay_core.registry import PolicyProviderRegistry
from shiftpay_core.rounding import RoundingStrategyFactory
from shiftpay_core.validation import ValidatorFactory


class PayCalculatorBuilder:
    """Fluent builder assembling a pay calculator from its components."""

    def __init__(self) -> None:
        self._components: dict[str, object] = {}

    def with_validator(self) -> "PayCalculatorBuilder":
        self._components["validator"] = ValidatorFactory.create()
        return self

    def with_rounding(self) -> "PayCalculatorBuilder":
        self._components["rounding"] = RoundingStrategyFactory.create()
        return self

    def with_night_calculator(self) -> "PayCalculatorBuilder":
        self._components["night"] = NightTimeCalculatorFactory.create()
        return self

    def with_premium_day_detector(self) -> "PayCalculatorBuilder":
        self._components["premium"] = SundayOrHolidayPremiumDayDetector()
        return self

    def with_pricer(self) -> "PayCalculatorBuilder":
        self._components["pricer"] = StandardLinePricer(ConfiguredMoneyRounder())
        return self

    def with_policy_provider(self) -> "PayCalculatorBuilder":
        key = ConfigurationProvider.get().policy_provider_key
        self._components["provider"] = PolicyProviderRegistry.lookup(key)
        return self

    def build(self) -> AbstractPayCalculator:
        return DefaultPayCalculator(self._components)

    @classmethod
    def default(cls) -> AbstractPayCalculator:
        return (
            cls()
            .with_validator()
            .with_rounding()
            .with_night_calculator()
            .with_premium_day_detector()
            .with_pricer()
            .with_policy_provider()
            .build()
        )
