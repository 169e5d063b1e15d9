"""Dates written out in the interface's language (English or Russian, through Qt's translation) whatever
the process locale (Qt sets the C locale from the system)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

MONTHS = (
    QT_TRANSLATE_NOOP("months", "January"),
    QT_TRANSLATE_NOOP("months", "February"),
    QT_TRANSLATE_NOOP("months", "March"),
    QT_TRANSLATE_NOOP("months", "April"),
    QT_TRANSLATE_NOOP("months", "May"),
    QT_TRANSLATE_NOOP("months", "June"),
    QT_TRANSLATE_NOOP("months", "July"),
    QT_TRANSLATE_NOOP("months", "August"),
    QT_TRANSLATE_NOOP("months", "September"),
    QT_TRANSLATE_NOOP("months", "October"),
    QT_TRANSLATE_NOOP("months", "November"),
    QT_TRANSLATE_NOOP("months", "December"),
)
# In a date the month takes another form in Russian ("22 марта 2021", but "март 2021"): context "dates".
_IN_A_DATE = (
    QT_TRANSLATE_NOOP("dates", "January"),
    QT_TRANSLATE_NOOP("dates", "February"),
    QT_TRANSLATE_NOOP("dates", "March"),
    QT_TRANSLATE_NOOP("dates", "April"),
    QT_TRANSLATE_NOOP("dates", "May"),
    QT_TRANSLATE_NOOP("dates", "June"),
    QT_TRANSLATE_NOOP("dates", "July"),
    QT_TRANSLATE_NOOP("dates", "August"),
    QT_TRANSLATE_NOOP("dates", "September"),
    QT_TRANSLATE_NOOP("dates", "October"),
    QT_TRANSLATE_NOOP("dates", "November"),
    QT_TRANSLATE_NOOP("dates", "December"),
)


def month_name(month: int) -> str:
    return QCoreApplication.translate("months", MONTHS[month - 1])


def long_date(day: dt.date) -> str:
    """'22 March 2021' ('22 марта 2021' in the Russian interface)"""
    month = QCoreApplication.translate("dates", _IN_A_DATE[day.month - 1])
    return f"{day.day} {month} {day.year}"
