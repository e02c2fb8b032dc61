from datetime import datetime
from decimal import Decimal

import pytest

import shiftpay
from shiftpay import PayPolicy, Shift, calculate_week

POLICY = PayPolicy(base_rate=Decimal("20"))


def shift(day, start, end, break_minutes=0):
    """A shift on 2024-03-(4 + day); end may be past 24 for the next morning."""
    base = datetime(2024, 3, 4 + day)
    return Shift(base + _hours(start), base + _hours(end), break_minutes)


def _hours(h):
    from datetime import timedelta

    return timedelta(hours=h)


def test_plain_day():
    statement = calculate_week([shift(0, 9, 17)], POLICY)
    assert statement.regular_hours == 8
    assert statement.overtime_hours == 0
    assert statement.gross_pay == Decimal("160.00")


def test_daily_overtime():
    statement = calculate_week([shift(0, 8, 18)], POLICY)
    assert statement.overtime_hours == 2
    assert statement.gross_pay == Decimal("220.00")


def test_weekly_overtime_ignores_daily_overtime():
    week = [shift(d, 7, 17.5, 30) for d in range(4)] + [shift(4, 8, 16), shift(5, 9, 12.25)]
    statement = calculate_week(week, PayPolicy(base_rate=Decimal("18.50")))
    assert statement.regular_hours == 40
    assert statement.overtime_hours == Decimal("11.25")
    assert statement.gross_pay == Decimal("1052.19")


def test_night_premium_is_flat():
    policy = PayPolicy(base_rate=Decimal("10"), night_premium=Decimal("3"), premium_day_multiplier=Decimal("2"))
    statement = calculate_week([shift(6, 22, 26)], policy)
    assert statement.night_hours == 4
    assert statement.gross_pay == Decimal("92.00")


def test_rounding_tie_goes_up():
    start = datetime(2024, 3, 4, 9)
    end = datetime(2024, 3, 4, 13, 7, 30)
    assert calculate_week([Shift(start, end)], POLICY).lines[0].worked_hours == Decimal("4.25")


def test_ledger_books_latest_hours_as_overtime():
    ledger = shiftpay.OvertimeLedger(POLICY)
    day = datetime(2024, 3, 4).date()
    assert ledger.book(day, Decimal(6)) == (6, 0)
    assert ledger.book(day, Decimal(4)) == (2, 2)


def test_unsorted_input_is_sorted():
    statement = calculate_week([shift(1, 9, 10), shift(0, 9, 10)], POLICY)
    assert [line.start.day for line in statement.lines] == [4, 5]


def test_invalid_input():
    with pytest.raises(shiftpay.InvalidShiftError):
        calculate_week([shift(0, 9, 9)], POLICY)
    with pytest.raises(shiftpay.BreakTooLongError):
        calculate_week([shift(0, 9, 10, 60)], POLICY)
    with pytest.raises(shiftpay.OverlappingShiftsError):
        calculate_week([shift(0, 9, 12), shift(0, 11, 13)], POLICY)
    with pytest.raises(shiftpay.InvalidPolicyError):
        calculate_week([], PayPolicy(base_rate=Decimal("-1")))
