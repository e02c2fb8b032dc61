from datetime import datetime, timedelta
from decimal import Decimal

import pytest

from shiftpay import InvalidShiftError, PayPolicy, Shift, calculate_week, round_to_quarter


def test_short_remainders_round_to_zero_or_a_quarter():
    assert round_to_quarter(timedelta(minutes=7)) == timedelta(0)
    assert round_to_quarter(timedelta(minutes=7, seconds=30)) == timedelta(minutes=15)


def test_invalid_shift():
    with pytest.raises(InvalidShiftError):
        calculate_week([Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 9))], PayPolicy(Decimal("10")))


def test_empty_week():
    assert calculate_week([], PayPolicy(Decimal("10"))).gross_pay == 0
