"""Dates written out in English whatever the process locale (Qt sets the C locale from the system)."""

from __future__ import annotations

import datetime as dt

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def month_name(month: int) -> str:
    return MONTHS[month - 1]


def long_date(day: dt.date) -> str:
    """'22 March 2021'"""
    return f"{day.day} {month_name(day.month)} {day.year}"
