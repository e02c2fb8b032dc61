from datetime import datetime
from decimal import Decimal

from shiftpay import PayPolicy, Shift, calculate_week


def test_eight_hour_day_is_paid_at_the_base_rate():
    policy = PayPolicy(base_rate=Decimal("20.00"))
    shift = Shift(start=datetime(2024, 3, 4, 9, 0), end=datetime(2024, 3, 4, 17, 0))

    statement = calculate_week([shift], policy)

    assert statement.regular_hours == Decimal("8")
    assert statement.gross_pay == Decimal("160.00")
