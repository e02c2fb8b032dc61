from datetime import datetime
from decimal import Decimal

from shiftpay import PayPolicy, Shift, calculate_week


def test_week():
    statement = calculate_week(
        [Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17))], PayPolicy(Decimal("20"))
    )
    assert statement.gross_pay == Decimal("160.00")
