from __future__ import annotations

from datetime import date

from shiftpay_core.config import ConfigurationProvider
from shiftpay_core.interfaces import AbstractPremiumDayDetector
from shiftpay_core.models import PayPolicy


class SundayOrHolidayPremiumDayDetector(AbstractPremiumDayDetector):
    def is_premium_day(self, day: date, policy: PayPolicy) -> bool:
        return day.weekday() == ConfigurationProvider.get().premium_weekday_index or day in policy.holidays
