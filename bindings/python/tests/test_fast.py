"""Issue 22 through the binding: the compact decision, the verdict, evaluate_many and
evaluate_iter (one call into C per batch), lazy decisions, evaluators shared by threads,
and the messages that say how to point the binding at the library."""

from __future__ import annotations

import dataclasses
import datetime
import hashlib
import json
import pickle
import subprocess
import sys
import threading
import unittest

import support
import retour

PHONE = {
    "type": "withdrawal", "ordered": "2026-03-01", "notified": "2026-03-16",
    "shipping_paid": "4.95",
    "items": [{"sku": "PHONE-S4", "category": "electronics", "price": "499.00",
               "quantity": 1, "delivered": "2026-03-03", "packaging": "opened"}],
    "customer": {"orders": 4, "claims_last_year": 0},
}
COMPLAINT = {
    "type": "complaint", "notified": "2026-03-16",
    "items": [{"sku": "PHONE-S4", "category": "electronics", "price": "499.00",
               "delivered": "2025-10-01"}],
}
BAD_PRICE = {"type": "withdrawal", "notified": "2026-03-16",
             "items": [{"sku": "A", "price": "4.999", "delivered": "2026-03-03"}]}


def cli(*args: str) -> str:
    out = subprocess.run([support.CLI, *args], stdout=subprocess.PIPE, check=True)
    return out.stdout.decode("utf-8").rstrip("\n")


class FormsTest(unittest.TestCase):
    policy: retour.Policy

    @classmethod
    def setUpClass(cls) -> None:
        cls.policy = retour.Policy.from_file(support.policy_path("nl-electronics"))

    @classmethod
    def tearDownClass(cls) -> None:
        cls.policy.close()

    def test_compact_decision(self) -> None:
        full = self.policy.evaluate(PHONE)
        compact = self.policy.evaluate(PHONE, compact=True)
        self.assertEqual(compact.outcome, "accept")
        self.assertEqual([r.code for r in compact.reasons],
                         ["within_withdrawal_period", "outbound_shipping_refunded"])
        self.assertIsNone(compact.reasons[0].message)
        self.assertEqual(compact.reasons[0].law, "BW 6:230o; Directive 2011/83/EU art. 9")
        self.assertEqual(compact.reasons[0].source, full.reasons[0].source)
        self.assertIsNone(compact.items[0].reasons[0].message)
        self.assertNotIn('"message"', compact.json())
        # The full decision without its messages is the compact one.
        stripped = json.loads(full.json())
        for r in stripped["reasons"] + stripped["items"][0]["reasons"]:
            del r["message"]
        self.assertEqual(stripped, json.loads(compact.json()))
        self.assertEqual(self.policy.evaluate_json(PHONE, compact=True), compact.json())
        self.assertEqual(self.policy.evaluate_json(PHONE, "nl", compact=True), compact.json())

    @unittest.skipUnless(support.os.path.exists(support.CLI), "no retour program built")
    def test_compact_is_the_clis(self) -> None:
        policy = support.policy_path("nl-electronics")
        request = support.request_path("opened-phone.yaml")
        self.assertEqual(self.policy.evaluate(support.read_bytes(request), compact=True).json(),
                         cli("eval", policy, request, "--format", "json", "--compact"))

    def test_verdict(self) -> None:
        v = self.policy.verdict(PHONE)
        self.assertIsInstance(v, retour.Verdict)
        self.assertEqual(v, ("accept", "within_withdrawal_period", datetime.date(2026, 3, 17)))
        self.assertEqual(v.outcome, "accept")
        self.assertEqual(v.deciding_reason, "within_withdrawal_period")
        self.assertEqual(v.withdrawal_deadline, datetime.date(2026, 3, 17))
        c = self.policy.verdict(COMPLAINT)
        self.assertEqual(c, retour.Verdict("accept", "presumed_defect", None))
        # The same three fields as the full decision.
        d = self.policy.evaluate(COMPLAINT)
        self.assertEqual((d.outcome, d.withdrawal_deadline), (c.outcome, c.withdrawal_deadline))
        with self.assertRaises(retour.RequestError) as cm:
            self.policy.verdict(BAD_PRICE)
        self.assertEqual(cm.exception.path, "items[0].price")
        self.assertEqual(cm.exception.code, retour.Status.ERANGE)

    def test_verdict_json_shapes(self) -> None:
        self.assertEqual(
            retour.Verdict.from_json('{"outcome":"reject","deciding_reason":null,'
                                     '"withdrawal_deadline":null}'),
            retour.Verdict("reject", None, None))
        self.assertEqual(
            retour.Verdict.from_json('{"outcome":"review","deciding_reason":null,'
                                     '"withdrawal_deadline":"2026-01-31"}'),
            retour.Verdict("review", None, datetime.date(2026, 1, 31)))

    def test_lazy_decision_is_a_dataclass(self) -> None:
        a = self.policy.evaluate(PHONE)
        b = self.policy.evaluate(json.dumps(PHONE))
        self.assertIn("_json", a.__dict__)
        self.assertNotIn("outcome", a.__dict__)  # not parsed yet
        self.assertEqual(a, b)
        self.assertEqual(dataclasses.asdict(a)["refund"]["amount"], "503.95")
        self.assertEqual(pickle.loads(pickle.dumps(a)), a)
        self.assertIn("outcome='accept'", repr(a))
        with self.assertRaises(dataclasses.FrozenInstanceError):
            a.outcome = "reject"  # type: ignore[misc]
        with self.assertRaises(AttributeError):
            a.no_such_field  # noqa: B018
        self.assertEqual(a.store_credit, "0.00")


class ManyTest(unittest.TestCase):
    policy: retour.Policy

    @classmethod
    def setUpClass(cls) -> None:
        cls.policy = retour.Policy.from_file(support.policy_path("nl-electronics"))

    @classmethod
    def tearDownClass(cls) -> None:
        cls.policy.close()

    def test_evaluate_many_is_evaluate(self) -> None:
        requests = [PHONE, json.dumps(COMPLAINT), support.read_bytes(
            support.request_path("opened-phone.yaml")), PHONE]
        got = self.policy.evaluate_many(requests)
        self.assertEqual([d.json() for d in got],
                         [self.policy.evaluate(r).json() for r in requests])
        got = self.policy.evaluate_many(requests, "nl", compact=True, batch_size=3)
        self.assertEqual([d.json() for d in got],
                         [self.policy.evaluate(r, "nl", compact=True).json() for r in requests])
        self.assertEqual(self.policy.verdict_many(requests, batch_size=1),
                         [self.policy.verdict(r) for r in requests])
        self.assertEqual(self.policy.evaluate_many([]), [])

    def test_errors_raise_with_index_or_return(self) -> None:
        requests = [PHONE, BAD_PRICE, COMPLAINT, "type: [", PHONE]
        with self.assertRaises(retour.RequestError) as cm:
            self.policy.evaluate_many(requests)
        e = cm.exception
        self.assertEqual(e.index, 1)
        self.assertEqual(e.code, retour.Status.ERANGE)
        self.assertEqual(e.path, "items[0].price")
        self.assertEqual(e.file, "<request>")
        # The same error, field by field, as evaluate() gives.
        with self.assertRaises(retour.RequestError) as one:
            self.policy.evaluate(BAD_PRICE)
        for f in ("code", "file", "line", "column", "offset", "path", "message"):
            self.assertEqual(getattr(e, f), getattr(one.exception, f), f)
        self.assertEqual(str(e), str(one.exception))
        self.assertIsNone(one.exception.index)

        got = self.policy.evaluate_many(requests, errors="return", batch_size=2)
        self.assertEqual([type(x).__name__ for x in got],
                         ["Decision", "RequestError", "Decision", "RequestError", "Decision"])
        self.assertEqual((got[1].index, got[3].index), (1, 3))
        self.assertEqual(got[3].code, retour.Status.ESYNTAX)
        verdicts = self.policy.verdict_many(requests, errors="return")
        self.assertEqual(verdicts[0], self.policy.verdict(PHONE))
        self.assertIsInstance(verdicts[1], retour.RequestError)
        with self.assertRaises(ValueError):
            self.policy.evaluate_many(requests, errors="ignore")
        with self.assertRaises(ValueError):
            self.policy.evaluate_many(requests, batch_size=0)
        with self.assertRaises(ValueError):
            self.policy.evaluate_many(requests, lang="de")
        with self.assertRaises(TypeError):
            self.policy.evaluate_many([42])

    def test_iterator_reads_batch_by_batch(self) -> None:
        taken = []

        def source():
            for i in range(10):
                taken.append(i)
                yield PHONE if i % 3 else COMPLAINT

        it = self.policy.evaluate_iter(source(), batch_size=4)
        first = next(it)
        self.assertEqual(first.type, "complaint")
        self.assertEqual(len(taken), 4)  # one batch read, one call made
        rest = list(it)
        self.assertEqual(len(rest), 9)
        self.assertEqual(len(taken), 10)
        self.assertEqual([d.type for d in rest[:3]], ["withdrawal", "withdrawal", "complaint"])

    def test_many_requests_one_call_per_batch(self) -> None:
        calls = []
        lib = self.policy.library
        real = lib.evaluate_many

        def counting(*args):
            calls.append(args[6].value)
            return real(*args)

        lib.evaluate_many = counting
        try:
            got = self.policy.verdict_many([PHONE] * 1000, batch_size=256)
        finally:
            lib.evaluate_many = real
        self.assertEqual(calls, [256, 256, 256, 232])
        self.assertEqual(set(got), {self.policy.verdict(PHONE)})

    def test_threads_share_a_policy(self) -> None:
        want = self.policy.evaluate(PHONE).json()
        bad = []

        def work() -> None:
            for _ in range(200):
                if self.policy.evaluate_json(PHONE) != want:
                    bad.append(1)
                if [d.json() for d in self.policy.evaluate_many([PHONE] * 5)] != [want] * 5:
                    bad.append(2)

        threads = [threading.Thread(target=work) for _ in range(6)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(bad, [])

    def test_closed_policy(self) -> None:
        p = retour.Policy.from_file(support.policy_path("minimal"))
        p.verdict_many([])
        p.close()
        for call in (lambda: p.verdict(PHONE), lambda: p.evaluate_many([PHONE]),
                     lambda: p.evaluate(PHONE, compact=True)):
            with self.assertRaises(ValueError):
                call()


class LibraryMessageTest(unittest.TestCase):
    def test_not_found_says_how_to_point(self) -> None:
        with self.assertRaises(retour.LibraryNotFoundError) as cm:
            retour.load_library("/nonexistent/libretour.so")
        message = str(cm.exception)
        for word in ("RETOUR_LIBRARY", "PKG_CONFIG_PATH", "ldconfig"):
            self.assertIn(word, message)
        self.assertIn(retour.HOW_TO_POINT, message)

    def test_system_loader_failure_says_how_to_point(self) -> None:
        # No RETOUR_LIBRARY, no pkg-config answer, no libretour.so.1 known to the loader.
        env = dict(support.os.environ, RETOUR_LIBRARY="", PKG_CONFIG_PATH="/nonexistent",
                   PKG_CONFIG_LIBDIR="/nonexistent", LD_LIBRARY_PATH="")
        code = "import retour; retour.Policy.from_string('retour: 1')"
        out = subprocess.run([sys.executable, "-c", code], env=env, cwd=support.BINDING,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, check=False)
        if out.returncode == 0:
            self.skipTest("libretour.so.1 is installed system-wide")
        err = out.stderr.decode("utf-8", "replace")
        self.assertIn("LibraryNotFoundError", err)
        for word in ("RETOUR_LIBRARY", "PKG_CONFIG_PATH", "ldconfig", "system loader"):
            self.assertIn(word, err)


if __name__ == "__main__":
    unittest.main()
