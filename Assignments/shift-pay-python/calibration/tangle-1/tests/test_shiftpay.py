from datetime import datetime
from decimal import Decimal

import shiftpay


def test_simple_shift():
    statement = shiftpay.calculate_week(
        [shiftpay.Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17))], shiftpay.PayPolicy(Decimal("20"))
    )
    assert statement.gross_pay == Decimal("160.00")


def test_history_is_kept():
    shiftpay.calculate_week([], shiftpay.PayPolicy(Decimal("20")))
    assert len(shiftpay._history) > 0


def test_engine_is_singleton():
    assert shiftpay.PayrollEngine.instance() is shiftpay.PayrollEngine.instance()
