"""The decision, as dataclasses built from the library's canonical JSON."""

from __future__ import annotations

import datetime
import json as _json
from dataclasses import dataclass, field
from dataclasses import fields as _fields
from typing import Any, List, Mapping, NamedTuple, Optional, Tuple

__all__ = ["Decision", "Item", "Reason", "Refund", "Verdict"]


@dataclass(frozen=True)
class Reason:
    """Why part of a decision came out as it did.

    ``code`` is stable (branch on it); ``message`` is for people, in the language asked for
    (``None`` in a compact decision, which leaves the messages out);
    ``source`` is ``"file:line:column"`` of the policy node that decided, or ``None``;
    ``law`` the citation when the law decided, or ``None``.
    """

    code: str
    message: Optional[str]
    source: Optional[str]
    law: Optional[str]

    @property
    def source_location(self) -> Optional[Tuple[str, int, int]]:
        """``source`` split into ``(file, line, column)``, or ``None``."""
        if self.source is None:
            return None
        file, line, column = self.source.rsplit(":", 2)
        return file, int(line), int(column)


@dataclass(frozen=True)
class Refund:
    """Amounts as exact decimal strings in the policy's currency (``"503.95"``); use
    ``decimal.Decimal(refund.amount)`` for arithmetic. ``amount_minor`` is the refund in minor
    units (cents). ``store_credit`` is credit granted by a goodwill rule, not part of the
    refund (``"0.00"`` when none)."""

    amount: str
    amount_minor: int
    items: str
    deductions: str
    outbound_shipping: str
    currency: str
    store_credit: str = "0.00"


@dataclass(frozen=True)
class Item:
    """The decision for one request item, in request order.

    ``remedy`` is the remedy granted (complaints and goodwill): ``repair``, ``replace``,
    ``refund``, ``price_reduction``, ``store_credit``, ``exchange``, ``partial_refund`` or
    ``repair_discount``, or ``None``; ``remedy_percent`` the percentage of a partial refund or
    repair discount as a decimal string (``"50.00"``), or ``None``.
    """

    index: int
    sku: str
    category: Optional[str]
    outcome: str
    refund: str
    deduction: str
    reasons: List[Reason]
    remedy: Optional[str] = None
    remedy_percent: Optional[str] = None


_new = object.__new__


def _date(value: Optional[str]) -> Optional[datetime.date]:
    return None if value is None else datetime.date.fromisoformat(value)


def _reasons(values: Any) -> List[Reason]:
    return [Reason(r["code"], r.get("message"), r["source"], r["law"]) for r in values]


@dataclass(frozen=True)
class Decision:
    """The answer to one request.

    ``outcome``: ``accept``, ``accept_goodwill``, ``partial``, ``review`` or ``reject``;
    ``basis``: ``withdrawal_right``, ``shop_policy``, ``goodwill``, ``legal_guarantee`` or
    ``commercial_guarantee``;
    ``type``: the request type, ``withdrawal`` or ``complaint``;
    ``reasons``: the reasons about the whole request (each item has its own);
    ``withdrawal_deadline``, ``return_by``, ``refund_by``: dates or ``None`` when they do not
    apply (a complaint has none); ``store_credit``: credit granted by goodwill
    (``refund.store_credit``); ``return_shipping``: who pays the return (``customer`` or ``shop``);
    ``calendar``: how deadlines are counted (``calendar_days``, ``weekends`` or
    ``weekends_and_nl_holidays`` and the like for DE, BE and FR).

    :meth:`json` returns the library's canonical JSON, byte for byte what
    ``retour eval --format json`` prints (without its newline), or with ``compact=True``
    what ``retour eval --format json --compact`` prints.

    A decision reads its JSON when a field is first used, not before: deciding costs no
    parsing for a caller that only keeps or forwards :meth:`json`. It is a frozen
    dataclass all the same (``dataclasses.asdict``, ``==``, ``repr``, pickling).
    """

    outcome: str
    basis: str
    type: str
    items: List[Item]
    reasons: List[Reason]
    refund: Refund
    withdrawal_deadline: Optional[datetime.date]
    return_by: Optional[datetime.date]
    refund_by: Optional[datetime.date]
    return_shipping: str
    calendar: str
    _json: str = field(repr=False)

    @classmethod
    def from_json(cls, text: str) -> "Decision":
        """Builds a Decision from the library's decision JSON (keeps ``text`` as is); the
        text is parsed when a field is first read."""
        self = _new(cls)
        self.__dict__["_json"] = text  # frozen: past __setattr__, as dataclasses do
        return self

    def __getattr__(self, name: str) -> Any:
        # Only called for a field not read yet (a lazy decision): parse once, set them all.
        if name.startswith("__") or "_json" not in self.__dict__ or "outcome" in self.__dict__:
            raise AttributeError(name)
        full = type(self)._parse(self.__dict__["_json"])
        for f in _fields(full):
            if f.name != "_json":
                object.__setattr__(self, f.name, getattr(full, f.name))
        return object.__getattribute__(self, name)

    def __getstate__(self) -> Any:
        return {"_json": self.__dict__["_json"]}

    def __setstate__(self, state: Any) -> None:
        object.__setattr__(self, "_json", state["_json"])

    @classmethod
    def _parse(cls, text: str) -> "Decision":
        d: Mapping[str, Any] = _json.loads(text)
        r = d["refund"]
        return cls(
            outcome=d["outcome"],
            basis=d["basis"],
            type=d["type"],
            items=[
                Item(
                    index=it["index"],
                    sku=it["sku"],
                    category=it["category"],
                    outcome=it["outcome"],
                    refund=it["refund"],
                    deduction=it["deduction"],
                    reasons=_reasons(it["reasons"]),
                    remedy=it["remedy"],
                    remedy_percent=it["remedy_percent"],
                )
                for it in d["items"]
            ],
            reasons=_reasons(d["reasons"]),
            refund=Refund(
                amount=r["amount"],
                amount_minor=r["amount_minor"],
                items=r["items"],
                deductions=r["deductions"],
                outbound_shipping=r["outbound_shipping"],
                currency=r["currency"],
                store_credit=r["store_credit"],
            ),
            withdrawal_deadline=_date(d["withdrawal_deadline"]),
            return_by=_date(d["return_by"]),
            refund_by=_date(d["refund_by"]),
            return_shipping=d["return_shipping"],
            calendar=d["calendar"],
            _json=text,
        )

    @property
    def store_credit(self) -> str:
        """Store credit granted out of goodwill (``"25.00"``), ``"0.00"`` when none; the same
        as ``refund.store_credit``."""
        return self.refund.store_credit

    def json(self) -> str:
        """The canonical decision JSON: one line, no trailing newline."""
        return self._json

    def to_dict(self) -> Any:
        """The decision JSON parsed into plain dicts and lists (dates stay strings)."""
        return _json.loads(self._json)


class Verdict(NamedTuple):
    """The short answer to "can this be returned, and why (not)?" (``retour_verdict``):
    ``outcome`` (``accept``, ``accept_goodwill``, ``partial``, ``review``, ``reject``),
    ``deciding_reason`` (the code of the reason that decided, ``None`` when none) and
    ``withdrawal_deadline`` (a date, ``None`` for a complaint). What the full decision
    says in those three fields, without building it."""

    outcome: str
    deciding_reason: Optional[str]
    withdrawal_deadline: Optional[datetime.date]

    @classmethod
    def from_json(cls, text: str) -> "Verdict":
        """From the verdict JSON ``{"outcome":...,"deciding_reason":...,
        "withdrawal_deadline":...}`` the library writes (``RETOUR_JSON_VERDICT``)."""
        # The library writes it in one fixed shape, with names and dates that need no
        # escape: split at the quotes rather than run a JSON parser.
        p = text.split('"')
        # {"outcome":"X","deciding_reason":"Y","withdrawal_deadline":"D"} or with null(s)
        # ['{', 'outcome', ':', X, ',', 'deciding_reason', ':', Y, ',',
        #  'withdrawal_deadline', ':', D, '}'], where a null is ':null,' or ':null}'.
        if p[6] == ":":
            reason: Optional[str] = p[7]
            rest = p[9:]
        else:
            reason = None
            rest = p[7:]
        deadline = _date(rest[2]) if len(rest) > 2 else None
        return cls(p[3], reason, deadline)
