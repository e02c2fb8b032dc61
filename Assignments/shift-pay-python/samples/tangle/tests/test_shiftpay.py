from datetime import datetime
from decimal import Decimal

import shiftpay


def test_it_works():
    s = shiftpay.calculate_week(
        [shiftpay.Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17))],
        shiftpay.PayPolicy(Decimal("20")),
    )
    assert s is not None
    assert shiftpay.TOTAL > 0


def test_overtime():
    s = shiftpay.calculate_week(
        [shiftpay.Shift(datetime(2024, 3, 4, 8), datetime(2024, 3, 4, 20))],
        shiftpay.PayPolicy(Decimal("20")),
    )
    assert s.gross_pay > 0
