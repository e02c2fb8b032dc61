from datetime import datetime
from decimal import Decimal

from shiftpay import PayPolicy, Shift, calculate_week


def test_week():
    shifts = [Shift(datetime(2024, 3, d, 9), datetime(2024, 3, d, 18), 30) for d in range(4, 9)]
    result = calculate_week(shifts, PayPolicy(Decimal("15")))
    print(result)
    assert len(result.lines) == 5


def test_night():
    result = calculate_week([Shift(datetime(2024, 3, 4, 21), datetime(2024, 3, 5, 5))], PayPolicy(Decimal("15"), night_premium=Decimal("1")))
    print(result)
    assert result.night_hours > 0
