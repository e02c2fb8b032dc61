"""Public facade over shiftpay_core."""

from __future__ import annotations

from typing import Iterable

from shiftpay_core.builder import PayCalculatorBuilder
from shiftpay_core.errors import (
    BreakTooLongError,
    InvalidPolicyError,
    InvalidShiftError,
    OverlappingShiftsError,
    ShiftPayError,
)
from shiftpay_core.models import PayPolicy, PayStatement, Shift, ShiftLine

__all__ = [
    "BreakTooLongError",
    "InvalidPolicyError",
    "InvalidShiftError",
    "OverlappingShiftsError",
    "PayPolicy",
    "PayStatement",
    "Shift",
    "ShiftLine",
    "ShiftPayError",
    "calculate_week",
]


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    return PayCalculatorBuilder.default().calculate(shifts, policy)
