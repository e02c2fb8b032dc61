"""Where shifts come from. Today only in memory; a database-backed repository can come later."""

from __future__ import annotations

from abc import ABC, abstractmethod

from shiftpay_app.models import Shift


class ShiftRepository(ABC):
    @abstractmethod
    def all_shifts(self) -> list[Shift]: ...

    @abstractmethod
    def add(self, shift: Shift) -> None: ...


class InMemoryShiftRepository(ShiftRepository):
    def __init__(self, shifts=None):
        self._shifts = list(shifts or [])

    def all_shifts(self) -> list[Shift]:
        return sorted(self._shifts, key=lambda shift: shift.start)

    def add(self, shift: Shift) -> None:
        self._shifts.append(shift)
