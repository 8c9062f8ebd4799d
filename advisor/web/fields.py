"""Form fields and validators worded in our own words (GOV.UK style), for every form on the site.

Numbers are StringFields read by our parsers, so every error is a sentence we wrote rather than
WTForms' generic "Not a valid decimal value."
"""

from __future__ import annotations

from decimal import Decimal

from wtforms import Form, SelectMultipleField, StringField, ValidationError, widgets
from wtforms.meta import DefaultMeta

from advisor.i18n import lazy_gettext as _l
from advisor.rules.money import AmountError, parse_yuan


class NoCsrfMeta(DefaultMeta):
    """No CSRF token: the site has no logins and changes no server state, so there is nothing to
    forge, and a token would need a session cookie (which the site must not set)."""

    csrf = False


class PlainForm(Form):
    Meta = NoCsrfMeta

    @staticmethod
    def add_error(field, message) -> None:
        """Add a message found after WTForms' own validation (a check across fields)."""
        field.errors = [*field.errors, str(message)]

    def error_list(self) -> list[tuple[str, str]]:
        """(field id to link to, message) for the error summary, in the order of the form."""
        found = []
        for field in self:
            for message in field.errors:
                found.append((getattr(field, "link_id", None) or field.id, str(message)))
        return found


class CheckboxesField(SelectMultipleField):
    widget = widgets.ListWidget(prefix_label=False)
    option_widget = widgets.CheckboxInput()

    def pre_validate(self, form) -> None:  # unknown values are reported by our own validator
        pass


AMOUNT_MESSAGES = {
    "empty": _l("Enter your monthly wage in yuan."),
    "too_many_decimals": _l("The amount can have at most 2 decimal places (fen)."),
    "too_large": _l("The amount is too large: enter your monthly wage in yuan."),
    "not_a_number": _l("Enter the amount in yuan using digits only, for example 8000 or 8000.50."),
}


class YuanAmount:
    """Reads amounts as people type them ("8,000", "８０００", "8000元") into field.amount."""

    def __call__(self, form, field) -> None:
        text = field.data or ""
        if text.strip().startswith(("-", "－")):
            raise ValidationError(_l("The amount cannot be negative."))
        try:
            field.amount = parse_yuan(text)
        except AmountError as exc:
            raise ValidationError(AMOUNT_MESSAGES[exc.kind]) from None


class AmountField(StringField):
    amount: Decimal | None = None


# The union's accident-aid form: "add another" stops here; a worker rarely has that many accidents.
MAX_AMOUNT_FIELDS = 20
