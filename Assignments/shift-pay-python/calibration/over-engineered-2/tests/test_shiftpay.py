from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from shiftpay import (
    CalculatorSettings,
    InvalidPolicyError,
    OvertimeRule,
    PayCalculator,
    PayCalculatorBuilder,
    PayPolicy,
    Shift,
    ShiftContext,
    WorkedHoursRule,
    calculate_week,
)


def test_builder_adds_default_rules():
    calculator = PayCalculatorBuilder().with_default_rules().build()
    assert isinstance(calculator, PayCalculator)
    assert len(calculator.rules) == 5


def test_builder_keeps_settings():
    settings = CalculatorSettings()
    assert PayCalculatorBuilder().with_settings(settings).build().settings is settings


def test_worked_hours_rule_rounds_to_quarters():
    context = ShiftContext(Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 13, 7, 30)), PayPolicy(Decimal(10)),
                           CalculatorSettings())
    WorkedHoursRule().apply(context)
    assert context.worked == Decimal("4.25")


def test_overtime_rule():
    context = ShiftContext(Shift(datetime(2024, 3, 4, 8), datetime(2024, 3, 4, 18)), PayPolicy(Decimal(10)),
                           CalculatorSettings(), worked=Decimal(10))
    OvertimeRule().apply(context)
    assert (context.regular, context.overtime) == (8, 2)


def test_full_week():
    shifts = [Shift(datetime(2024, 3, d, 7), datetime(2024, 3, d, 17, 30), 30) for d in range(4, 8)]
    shifts += [Shift(datetime(2024, 3, 8, 8), datetime(2024, 3, 8, 16)), Shift(datetime(2024, 3, 9, 9), datetime(2024, 3, 9, 12, 20))]
    assert calculate_week(shifts, PayPolicy(Decimal("18.50"))).gross_pay == Decimal("1052.19")


def test_invalid_policy():
    with pytest.raises(InvalidPolicyError):
        calculate_week([], PayPolicy(Decimal(10), overtime_multiplier=Decimal("0.5")))
