"""Helpers for the temporal tests: the article date the tables are written against."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.models import DateValue

# Wednesday 13 July 2011, in ISO week 28: the date HeidelTime's examples use.
DCT = DateValue(dt.date(2011, 7, 13))


@pytest.fixture()
def dct() -> DateValue:
    return DCT
