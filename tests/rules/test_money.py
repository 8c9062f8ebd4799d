from decimal import Decimal

import pytest

from advisor.rules.money import FAR_AHEAD_YEARS, AmountError, Shown, as_shown, parse_yuan, to_fen


@pytest.mark.parametrize("typed, amount", [
    ("8000", "8000"), ("8,000", "8000"), ("８０００", "8000"), ("8000元", "8000"), ("¥8000", "8000"),
    ("￥8,000.50", "8000.50"), (" 8 000 ", "8000"), ("8000.5", "8000.5"), ("８，０００．５０", "8000.50"),
    ("0", "0"), ("RMB 6727", "6727"),
])
def test_amounts_are_read_the_way_people_type_them(typed, amount):
    assert parse_yuan(typed) == Decimal(amount)


@pytest.mark.parametrize("typed, kind", [
    ("", "empty"), ("   ", "empty"), ("元", "empty"), ("abc", "not_a_number"), ("-5", "not_a_number"),
    ("8000。5", "not_a_number"), ("1e5", "not_a_number"), ("8000.123", "too_many_decimals"),
    ("12345678901", "too_large"), ("8.000.00", "not_a_number"), ("NaN", "not_a_number"),
])
def test_unreadable_amounts_say_why(typed, kind):
    with pytest.raises(AmountError) as error:
        parse_yuan(typed)
    assert error.value.kind == kind


def test_half_a_fen_rounds_up_not_to_even():
    assert to_fen(Decimal("0.125")) == Decimal("0.13")
    assert to_fen(Decimal("80.005")) == Decimal("80.01")
    assert to_fen(Decimal("80.0049")) == Decimal("80.00")
    assert to_fen(Decimal("0.125"), "ROUND_HALF_EVEN") == Decimal("0.12")


# --- Estimates far ahead (issue 23): to the yuan, marked "about" -------------------------------------------

@pytest.mark.parametrize("amount, years, shown", [
    ("3869.76", 33, Shown(Decimal("3870"), True)),  # a 33-year guess gives no fen
    ("3869.50", 6, Shown(Decimal("3870"), True)),  # half a yuan rounds up
    ("3869.49", 6, Shown(Decimal("3869"), True)),
    ("2091.61", 5, Shown(Decimal("2091.61"), False)),  # five years ahead or nearer: the fen stays
    ("2091.615", 0, Shown(Decimal("2091.62"), False)),  # to the fen, half up, like every other amount
    ("0.49", 10, Shown(Decimal("0"), True)),
])
def test_amounts_more_than_five_years_ahead_are_rounded_to_the_yuan_and_marked_approximate(amount, years, shown):
    assert as_shown(Decimal(amount), years) == shown


def test_the_horizon_is_five_years():
    assert FAR_AHEAD_YEARS == 5
    assert as_shown(Decimal("1.5"), FAR_AHEAD_YEARS).approximate is False
    assert as_shown(Decimal("1.5"), FAR_AHEAD_YEARS + 1) == Shown(Decimal("2"), True)


# Issue 25 (mutation run): the nine-digit limit and leading zeros, on their edges.
@pytest.mark.parametrize("typed, amount", [
    ("999999999", "999999999"), ("123456789.99", "123456789.99"),
    ("0008000", "8000"), ("0000000008000", "8000"), ("000000000999999999", "999999999"), ("00.5", "0.5"),
    ("0", "0"), ("000", "0"),
])
def test_nine_digits_are_read_and_leading_zeros_say_nothing_about_size(typed, amount):
    assert parse_yuan(typed) == Decimal(amount)


def test_ten_digits_are_too_large():
    with pytest.raises(AmountError) as error:
        parse_yuan("1000000000")
    assert error.value.kind == "too_large"
