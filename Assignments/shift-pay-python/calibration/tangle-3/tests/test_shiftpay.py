from datetime import datetime
from decimal import Decimal

import shiftpay


def test_calculate_week_returns_statement():
    result = shiftpay.calculate_week(
        [shiftpay.Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17))], shiftpay.PayPolicy(Decimal("10"))
    )
    assert isinstance(result, shiftpay.PayStatement)
    assert shiftpay.current_policy is not None


def test_lines():
    result = shiftpay.calculate_week(
        [
            shiftpay.Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17)),
            shiftpay.Shift(datetime(2024, 3, 5, 9), datetime(2024, 3, 5, 17)),
        ],
        shiftpay.PayPolicy(Decimal("10")),
    )
    assert len(result.lines) == 2


def test_validator():
    assert shiftpay.Validator(shiftpay.PayPolicy(Decimal("10"))).policy_ok()
    assert not shiftpay.Validator(shiftpay.PayPolicy(Decimal("-10"))).policy_ok()
