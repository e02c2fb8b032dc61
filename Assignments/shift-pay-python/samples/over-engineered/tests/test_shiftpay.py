from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from shiftpay import PayPolicy, Shift, calculate_week
from shiftpay_core.builder import PayCalculatorBuilder
from shiftpay_core.interfaces import AbstractPolicyProvider
from shiftpay_core.registry import PassThroughPolicyProvider, PolicyProviderRegistry
from shiftpay_core.rounding import QuarterHourRoundingStrategy, RoundingStrategyFactory


def test_factory_creates_quarter_hour_strategy():
    assert isinstance(RoundingStrategyFactory.create(), QuarterHourRoundingStrategy)


@pytest.mark.parametrize("minutes, expected", [(7, 0), (7.5, 15), (8, 15), (22.5, 30)])
def test_rounding_strategy(minutes, expected):
    strategy = QuarterHourRoundingStrategy(15, "UP")
    assert strategy.round_duration(timedelta(minutes=minutes)) == timedelta(minutes=expected)


def test_registry_default_provider_is_pass_through():
    assert isinstance(PolicyProviderRegistry.lookup("default"), PassThroughPolicyProvider)


def test_registry_accepts_new_provider():
    class Doubler(AbstractPolicyProvider):
        def provide(self, policy):
            return policy

    PolicyProviderRegistry.register("test", Doubler())
    assert isinstance(PolicyProviderRegistry.lookup("test"), Doubler)


def test_builder_builds_a_calculator():
    calculator = PayCalculatorBuilder.default()
    statement = calculator.calculate(
        [Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17))], PayPolicy(Decimal("20"))
    )
    assert statement.gross_pay == Decimal("160.00")


def test_facade_weekly_overtime():
    shifts = [Shift(datetime(2024, 3, d, 8), datetime(2024, 3, d, 18)) for d in range(4, 8)]
    shifts.append(Shift(datetime(2024, 3, 8, 9), datetime(2024, 3, 8, 17)))
    statement = calculate_week(shifts, PayPolicy(Decimal("10")))
    assert statement.regular_hours == Decimal("40")
    assert statement.overtime_hours == Decimal("8")


def test_facade_night_and_sunday():
    statement = calculate_week(
        [Shift(datetime(2024, 3, 10, 20), datetime(2024, 3, 11, 6))],
        PayPolicy(Decimal("20"), night_premium=Decimal("3"), premium_day_multiplier=Decimal("2")),
    )
    assert statement.gross_pay == Decimal("464.00")
