from datetime import datetime
from decimal import Decimal

import pytest

from shiftpay import InvalidPolicyError, OverlappingShiftsError, PayPolicy, Shift, build_service, calculate_week
from shiftpay_app.repository import InMemoryShiftRepository


def test_repository_sorts_shifts():
    later = Shift(datetime(2024, 3, 5, 9), datetime(2024, 3, 5, 10))
    earlier = Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 10))
    assert InMemoryShiftRepository([later, earlier]).all_shifts() == [earlier, later]


def test_repository_add():
    repository = InMemoryShiftRepository()
    repository.add(Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 10)))
    assert len(repository.all_shifts()) == 1


def test_service_statement():
    service = build_service([Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 17))])
    assert service.statement(PayPolicy(Decimal("20"))).gross_pay == Decimal("160.00")


def test_example_two():
    shifts = [Shift(datetime(2024, 3, d, 7), datetime(2024, 3, d, 17, 30), 30) for d in range(4, 8)]
    shifts += [Shift(datetime(2024, 3, 8, 8), datetime(2024, 3, 8, 16)), Shift(datetime(2024, 3, 9, 9), datetime(2024, 3, 9, 12, 20))]
    statement = calculate_week(shifts, PayPolicy(Decimal("18.50")))
    assert statement.overtime_hours == Decimal("11.25")
    assert statement.gross_pay == Decimal("1052.19")


def test_night_and_sunday():
    policy = PayPolicy(Decimal("20"), night_premium=Decimal("2"), premium_day_multiplier=Decimal("1.5"))
    statement = calculate_week([Shift(datetime(2024, 3, 10, 22), datetime(2024, 3, 11, 2))], policy)
    assert statement.lines[0].premium_day
    assert statement.gross_pay == Decimal("128.00")


def test_overlap_rejected():
    with pytest.raises(OverlappingShiftsError):
        calculate_week([Shift(datetime(2024, 3, 4, 9), datetime(2024, 3, 4, 12)),
                        Shift(datetime(2024, 3, 4, 11), datetime(2024, 3, 4, 13))], PayPolicy(Decimal("1")))


def test_bad_policy_rejected():
    with pytest.raises(InvalidPolicyError):
        calculate_week([], PayPolicy(Decimal("-1")))
