"""Shift pay calculator: one worker, one pay week (the public entry point)."""

from __future__ import annotations

from collections.abc import Iterable

from shiftpay_app.models import (  # noqa: F401  (re-exported)
    BreakTooLongError,
    InvalidPolicyError,
    InvalidShiftError,
    OverlappingShiftsError,
    PayPolicy,
    PayStatement,
    Shift,
    ShiftLine,
    ShiftPayError,
)
from shiftpay_app.repository import InMemoryShiftRepository
from shiftpay_app.service import PayrollService, PolicyValidator, ShiftValidator


def build_service(shifts: Iterable[Shift]) -> PayrollService:
    return PayrollService(InMemoryShiftRepository(shifts), PolicyValidator(), ShiftValidator())


def calculate_week(shifts: Iterable[Shift], policy: PayPolicy) -> PayStatement:
    """Price one worker's week of shifts under ``policy``."""
    return build_service(shifts).statement(policy)
