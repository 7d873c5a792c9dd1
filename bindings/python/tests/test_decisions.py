"""Decisions through the binding: the documented example results, and every field mapped."""

from __future__ import annotations

import datetime
import decimal
import json
import os
import re
import unittest

import support
import retour


class OpenedPhoneTest(unittest.TestCase):
    """Story 1: a EUR 499 phone, opened, withdrawn on day 13."""

    policy: retour.Policy

    @classmethod
    def setUpClass(cls) -> None:
        cls.policy = retour.Policy.from_file(support.policy_path("nl-electronics"))

    @classmethod
    def tearDownClass(cls) -> None:
        cls.policy.close()

    def test_yaml_text(self) -> None:
        with open(support.request_path("opened-phone.yaml"), encoding="utf-8") as f:
            d = self.policy.evaluate(f.read())
        self.assertIsInstance(d, retour.Decision)
        self.assertEqual(d.outcome, "accept")
        self.assertEqual(d.basis, "withdrawal_right")
        self.assertEqual(d.refund, retour.Refund(amount="503.95", amount_minor=50395,
                                                 items="499.00", deductions="0.00",
                                                 outbound_shipping="4.95", currency="EUR",
                                                 store_credit="0.00"))
        self.assertEqual(d.type, "withdrawal")
        self.assertEqual(d.store_credit, "0.00")
        self.assertEqual(d.withdrawal_deadline, datetime.date(2026, 3, 17))
        self.assertEqual(d.return_by, datetime.date(2026, 3, 30))
        self.assertEqual(d.refund_by, datetime.date(2026, 3, 30))
        self.assertEqual(d.return_shipping, "customer")
        self.assertEqual(d.calendar, "weekends_and_nl_holidays")
        self.assertEqual([r.code for r in d.reasons],
                         ["within_withdrawal_period", "outbound_shipping_refunded"])
        first = d.reasons[0]
        self.assertIsInstance(first, retour.Reason)
        self.assertEqual(first.law, "BW 6:230o; Directive 2011/83/EU art. 9")
        self.assertEqual(first.source, support.policy_path("nl-electronics") + ":5:15")
        self.assertEqual(first.source_location,
                         (support.policy_path("nl-electronics"), 5, 15))
        self.assertIn("2026-03-17", first.message)
        self.assertIsNone(d.reasons[1].source)
        self.assertIsNone(d.reasons[1].source_location)
        self.assertEqual(len(d.items), 1)
        item = d.items[0]
        self.assertIsInstance(item, retour.Item)
        self.assertEqual((item.index, item.sku, item.category, item.outcome, item.refund,
                          item.deduction), (0, "PHONE-S4", "electronics", "accept", "499.00", "0.00"))
        self.assertEqual([r.code for r in item.reasons], ["packaging_opened_allowed"])
        self.assertIsNone(item.remedy)
        self.assertIsNone(item.remedy_percent)

    def test_json_file_and_bytes_and_dict_agree(self) -> None:
        yaml_text = support.read_bytes(support.request_path("opened-phone.yaml"))
        json_text = support.read_bytes(support.request_path("opened-phone.json"))
        as_dict = json.loads(json_text)
        expected = self.policy.evaluate(yaml_text).json()
        self.assertEqual(self.policy.evaluate(json_text).json(), expected)
        self.assertEqual(self.policy.evaluate(json_text.decode()).json(), expected)
        self.assertEqual(self.policy.evaluate(as_dict).json(), expected)
        self.assertEqual(self.policy.evaluate_json(as_dict), expected)

    def test_dict_with_python_types(self) -> None:
        request = {
            "type": "withdrawal",
            "ordered": datetime.date(2026, 3, 1),
            "notified": datetime.date(2026, 3, 16),
            "shipping_paid": decimal.Decimal("4.95"),
            "items": [{"sku": "PHONE-S4", "category": "electronics",
                       "price": decimal.Decimal("499.00"), "quantity": 1,
                       "delivered": datetime.date(2026, 3, 3), "packaging": "opened"}],
            "customer": {"orders": 4, "claims_last_year": 0},
        }
        d = self.policy.evaluate(request)
        self.assertEqual((d.outcome, d.refund.amount), ("accept", "503.95"))
        self.assertEqual(d.json(), self.policy.evaluate(
            support.read_bytes(support.request_path("opened-phone.yaml"))).json())
        request["shipping_paid"] = 4.95  # a float is written by its repr: 4.95
        self.assertEqual(self.policy.evaluate(request).refund.amount, "503.95")

    def test_dutch_messages(self) -> None:
        text = support.read_bytes(support.request_path("opened-phone.yaml"))
        en = self.policy.evaluate(text)
        nl = self.policy.evaluate(text, lang="nl")
        self.assertEqual([r.code for r in en.reasons], [r.code for r in nl.reasons])
        self.assertNotEqual(en.reasons[0].message, nl.reasons[0].message)
        self.assertIn("Herroeping", nl.reasons[0].message)
        self.assertEqual(en.refund, nl.refund)

    def test_decision_is_immutable_data(self) -> None:
        d = self.policy.evaluate(support.read_bytes(support.request_path("opened-phone.yaml")))
        with self.assertRaises(AttributeError):
            d.outcome = "reject"  # type: ignore[misc]
        again = retour.Decision.from_json(d.json())
        self.assertEqual(again, d)
        self.assertEqual(d.to_dict()["refund"]["amount"], "503.95")
        self.assertNotIn(d.json(), repr(d))
        self.assertFalse(d.json().endswith("\n"))

    def test_policy_accessors(self) -> None:
        self.assertEqual(self.policy.shop, "Stroomlijn Elektronica")
        self.assertEqual(self.policy.jurisdiction, "NL")
        self.assertEqual(self.policy.currency, "EUR")
        self.assertEqual(self.policy.currency_decimals, 2)
        self.assertEqual(self.policy.name, support.policy_path("nl-electronics"))


class ExampleDecisionsTest(unittest.TestCase):
    """Named cases from the issue, and every row of examples/README.md's table."""

    def decide(self, policy: str, request: str) -> retour.Decision:
        with retour.Policy.from_file(support.policy_path(policy)) as p:
            return p.evaluate(support.read_bytes(support.request_path(request)))

    def test_unsealed_earrings_rejected(self) -> None:
        d = self.decide("nl-jeweller", "unsealed-earrings.yaml")
        self.assertEqual((d.outcome, d.basis), ("reject", "withdrawal_right"))
        self.assertEqual(d.refund.amount, "0.00")
        self.assertEqual(d.items[0].outcome, "reject")
        self.assertEqual([r.code for r in d.items[0].reasons], ["excluded_unsealed_hygiene"])
        self.assertEqual(d.items[0].reasons[0].law, "Directive 2011/83/EU art. 16(e)")
        self.assertIsNone(d.return_by)
        self.assertIsNone(d.refund_by)
        self.assertEqual(d.withdrawal_deadline, datetime.date(2026, 5, 7))

    def test_damaged_box_partial_with_deduction(self) -> None:
        d = self.decide("nl-electronics", "damaged-box.yaml")
        self.assertEqual(d.outcome, "partial")
        self.assertEqual((d.refund.amount, d.refund.deductions), ("124.15", "29.80"))
        self.assertEqual((d.items[0].outcome, d.items[0].deduction), ("partial", "29.80"))

    def test_unknown_seal_goes_to_review(self) -> None:
        d = self.decide("nl-electronics", "software-unknown-seal.yaml")
        self.assertEqual(d.outcome, "review")
        self.assertEqual(d.items[0].reasons[0].code, "packaging_state_unknown")

    def test_late_return_expired(self) -> None:
        d = self.decide("nl-jeweller", "late-return.yaml")
        self.assertEqual((d.outcome, d.basis), ("reject", "shop_policy"))
        self.assertEqual([r.code for r in d.reasons], ["withdrawal_period_expired"])
        self.assertEqual(d.items[0].reasons, [])

    def test_complaints_and_goodwill(self) -> None:
        d = self.decide("nl-jeweller", "bracelet-worn-once.yaml")
        self.assertEqual((d.outcome, d.basis, d.type), ("review", "legal_guarantee", "complaint"))
        self.assertIsNone(d.withdrawal_deadline)
        self.assertEqual([r.code for r in d.items[0].reasons], ["presumed_defect", "inspection_required"])
        self.assertEqual(d.items[0].reasons[0].law, "Directive (EU) 2019/771 art. 11")
        self.assertIsNone(d.items[0].remedy)

        d = self.decide("nl-jeweller", "bent-clasp-returning.yaml")
        self.assertEqual((d.outcome, d.basis, d.type), ("accept_goodwill", "goodwill", "complaint"))
        self.assertEqual((d.items[0].remedy, d.items[0].remedy_percent), ("repair_discount", "50.00"))
        self.assertEqual(decimal.Decimal(d.items[0].remedy_percent), decimal.Decimal(50))
        self.assertEqual([r.code for r in d.items[0].reasons], ["customer_caused_damage", "goodwill_rule"])
        self.assertEqual((d.refund.amount, d.store_credit), ("0.00", "0.00"))

        d = self.decide("nl-jeweller", "late-loyal-small.yaml")
        self.assertEqual((d.outcome, d.basis, d.type), ("accept_goodwill", "goodwill", "withdrawal"))
        self.assertEqual(d.refund.amount, "34.50")
        self.assertEqual((d.items[0].remedy, d.items[0].remedy_percent), ("refund", None))

    def test_goodwill_store_credit(self) -> None:
        text = support.read_bytes(support.policy_path("nl-jeweller")).decode()
        text, n = re.subn(r"(?m)^    grant: refund$", "    grant: store_credit", text, count=1)
        self.assertEqual(n, 1)
        with retour.Policy.from_string(text, "credit.yaml") as p:
            d = p.evaluate(support.read_bytes(support.request_path("late-loyal-small.yaml")))
        self.assertEqual(d.outcome, "accept_goodwill")
        self.assertEqual((d.store_credit, d.refund.store_credit, d.refund.amount), ("34.50", "34.50", "0.00"))
        self.assertEqual(d.items[0].remedy, "store_credit")

    def test_examples_readme_table(self) -> None:
        rows = self._table()
        self.assertGreaterEqual(len(rows), 14)
        for request, policy, outcome, basis, reasons, refund, deadline, return_by, refund_by in rows:
            with self.subTest(request=request):
                d = self.decide(policy, request)
                self.assertEqual(d.outcome, outcome)
                self.assertEqual(d.basis, basis)
                self.assertEqual(d.refund.amount, refund.split()[0])
                m = re.search(r"deduction ([\d.]+)", refund)
                if m:
                    self.assertEqual(d.refund.deductions, m.group(1))
                self.assertEqual(str(d.withdrawal_deadline) if d.withdrawal_deadline else "none",
                                 deadline)
                self.assertEqual(str(d.return_by) if d.return_by else "none", return_by)
                self.assertEqual(str(d.refund_by) if d.refund_by else "none", refund_by)
                whole = [c for c, i in reasons if i is None]
                self.assertEqual([r.code for r in d.reasons], whole)
                for item in d.items:
                    mine = [c for c, i in reasons if i == item.index]
                    self.assertEqual([r.code for r in item.reasons], mine)

    @staticmethod
    def _table():
        path = os.path.join(support.EXAMPLES, "README.md")
        with open(path, encoding="utf-8") as f:
            text = f.read()
        rows = []
        for line in text.splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 10 or not cells[0].startswith("[`"):
                continue
            request = re.match(r"\[`([^`]+)`\]", cells[0]).group(1)
            reasons = []
            for part in cells[5].split(","):
                m = re.match(r"\s*`(\w+)`(?:\s+#(\d+))?", part)
                reasons.append((m.group(1), int(m.group(2)) if m.group(2) else None))
            rows.append((request, cells[1], cells[3], cells[4], reasons, cells[6],
                         cells[7], cells[8], cells[9]))
        return rows


if __name__ == "__main__":
    unittest.main()
