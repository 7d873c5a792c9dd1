"""PolicyError and RequestError carry the C retour_error fields."""

from __future__ import annotations

import ctypes
import datetime
import json
import os
import pickle
import shutil
import subprocess
import tempfile
import unittest

import support
import retour
from retour._library import CError


class PolicyErrorTest(unittest.TestCase):
    def test_unknown_key_in_string(self) -> None:
        with self.assertRaises(retour.PolicyError) as cm:
            retour.Policy.from_string(support.BAD_POLICY)
        e = cm.exception
        self.assertNotIsInstance(e, retour.RequestError)
        self.assertEqual(e.code, retour.Status.ESCHEMA)
        self.assertEqual(e.code, -5)
        self.assertEqual((e.file, e.line, e.column), ("<string>", 5, 3))
        self.assertEqual(e.path, "withdrawal.dayz")
        self.assertIn("did you mean 'days'", e.message)
        self.assertEqual(e.offset, support.BAD_POLICY.index("dayz"))
        self.assertTrue(str(e).startswith("<string>:5:3: error: withdrawal.dayz: unknown key 'dayz'"),
                        str(e))
        self.assertIn("line=5", repr(e))

    def test_name_is_used(self) -> None:
        with self.assertRaises(retour.PolicyError) as cm:
            retour.Policy.from_string(support.BAD_POLICY.encode(), name="shop.yaml")
        self.assertEqual(cm.exception.file, "shop.yaml")
        self.assertTrue(str(cm.exception).startswith("shop.yaml:5:3: "))

    def test_file_errors(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "shop.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write(support.BAD_POLICY)
            with self.assertRaises(retour.PolicyError) as cm:
                retour.Policy.from_file(path)
            e = cm.exception
            self.assertEqual((e.file, e.line, e.column, e.path), (path, 5, 3, "withdrawal.dayz"))
            missing = os.path.join(tmp, "nope.yaml")
            with self.assertRaises(retour.PolicyError) as cm:
                retour.Policy.from_file(missing)
            self.assertEqual(cm.exception.code, retour.Status.EIO)
            self.assertEqual(cm.exception.file, missing)
            self.assertEqual(cm.exception.line, 0)

    def test_syntax_and_range_errors(self) -> None:
        with self.assertRaises(retour.PolicyError) as cm:
            retour.Policy.from_string("retour: 1\njurisdiction: [NL\n")
        self.assertEqual(cm.exception.code, retour.Status.ESYNTAX)
        self.assertGreaterEqual(cm.exception.line, 2)
        with self.assertRaises(retour.PolicyError) as cm:
            retour.Policy.from_string(
                "retour: 1\njurisdiction: NL\ncurrency: EUR\nwithdrawal:\n  days: -5\n")
        self.assertEqual((cm.exception.line, cm.exception.column, cm.exception.path),
                         (5, 9, "withdrawal.days"))
        with self.assertRaises(retour.PolicyError) as cm:
            retour.Policy.from_string(b"retour: 1\nshop: \xe9\n")
        self.assertEqual(cm.exception.code, retour.Status.ESYNTAX)

    def test_pickles_with_fields(self) -> None:
        with self.assertRaises(retour.PolicyError) as cm:
            retour.Policy.from_string(support.BAD_POLICY)
        e2 = pickle.loads(pickle.dumps(cm.exception))
        self.assertIs(type(e2), retour.PolicyError)
        for field in ("code", "file", "line", "column", "offset", "path", "message"):
            self.assertEqual(getattr(e2, field), getattr(cm.exception, field), field)
        self.assertEqual(str(e2), str(cm.exception))

    def test_error_struct_matches_header(self) -> None:
        defines = support.header_defines()
        self.assertEqual(CError.file.size, int(defines["RETOUR_ERROR_FILE_MAX"]))
        self.assertEqual(CError.path.size, int(defines["RETOUR_ERROR_PATH_MAX"]))
        self.assertEqual(CError.message.size, int(defines["RETOUR_ERROR_MESSAGE_MAX"]))
        cc = shutil.which("cc") or shutil.which("gcc")
        if cc is None:
            self.skipTest("no C compiler to check the layout against the header")
        program = (
            "#include <retour.h>\n#include <stddef.h>\n#include <stdio.h>\n"
            "int main(void) { printf(\"%zu %zu %zu %zu %zu\\n\", sizeof(retour_error),"
            " offsetof(retour_error, offset), offsetof(retour_error, file),"
            " offsetof(retour_error, path), offsetof(retour_error, message)); return 0; }\n"
        )
        with tempfile.TemporaryDirectory() as tmp:
            src, exe = os.path.join(tmp, "layout.c"), os.path.join(tmp, "layout")
            with open(src, "w", encoding="ascii") as f:
                f.write(program)
            subprocess.run([cc, "-I", os.path.join(support.ROOT, "include"), src, "-o", exe],
                           check=True)
            out = subprocess.run([exe], check=True, stdout=subprocess.PIPE).stdout.split()
        self.assertEqual([int(x) for x in out],
                         [ctypes.sizeof(CError), CError.offset.offset, CError.file.offset,
                          CError.path.offset, CError.message.offset])

    def test_status_values_match_header(self) -> None:
        with open(os.path.join(support.ROOT, "include", "retour.h"), encoding="utf-8") as f:
            header = f.read()
        for status in retour.Status:
            self.assertIn(f"RETOUR_{status.name} = {int(status)}", header.replace("  ", " "))
        self.assertEqual(retour.strerror(retour.Status.ESCHEMA), "schema error")


class RequestErrorTest(unittest.TestCase):
    policy: retour.Policy

    @classmethod
    def setUpClass(cls) -> None:
        cls.policy = retour.Policy.from_file(support.policy_path("nl-electronics"))

    @classmethod
    def tearDownClass(cls) -> None:
        cls.policy.close()

    def assertRequestError(self, request, code, path, line=None, column=None):  # type: ignore[no-untyped-def]
        with self.assertRaises(retour.RequestError) as cm:
            self.policy.evaluate(request)
        e = cm.exception
        self.assertIsInstance(e, retour.PolicyError)
        self.assertEqual(e.code, code, str(e))
        self.assertEqual(e.path, path, str(e))
        self.assertEqual(e.file, "<request>")
        if line is not None:
            self.assertEqual((e.line, e.column), (line, column), str(e))
        return e

    def test_missing_key(self) -> None:
        e = self.assertRequestError({"type": "withdrawal"}, retour.Status.ESCHEMA, "notified")
        self.assertIn("missing required key 'notified'", e.message)

    def test_bad_amount_position(self) -> None:
        text = ("type: withdrawal\nnotified: 2026-03-16\nitems:\n  - sku: A\n"
                "    price: 499.005\n    delivered: 2026-03-03\n")
        e = self.assertRequestError(text, retour.Status.ERANGE, "items[0].price", 5, 12)
        self.assertIn("499.005", e.message)

    def test_unknown_value_suggestion(self) -> None:
        text = ("type: withdrawal\nnotified: 2026-03-16\nitems:\n  - sku: A\n    price: 1\n"
                "    delivered: 2026-03-03\n    packaging: open\n")
        e = self.assertRequestError(text, retour.Status.ESCHEMA, "items[0].packaging", 7, 16)
        self.assertIn("did you mean 'opened'", e.message)

    def test_invalid_date_and_syntax(self) -> None:
        self.assertRequestError("type: withdrawal\nnotified: 2026-02-30\n", retour.Status.ERANGE,
                                "notified", 2, 11)
        with self.assertRaises(retour.RequestError) as cm:
            self.policy.evaluate('{"type": "withdrawal",')
        self.assertEqual(cm.exception.code, retour.Status.ESYNTAX)
        with self.assertRaises(retour.RequestError) as cm:
            self.policy.evaluate(b"type: withdrawal\nnotified: \xff\n")
        self.assertEqual(cm.exception.code, retour.Status.ESYNTAX)

    def test_request_needs_what_the_policy_needs(self) -> None:
        text = support.read_bytes(support.policy_path("minimal")).decode()
        text += "withdrawal:\n  starts: order\n"
        request = {"type": "withdrawal", "notified": "2026-03-16",
                   "items": [{"sku": "A", "price": "1.00", "delivered": "2026-03-03"}]}
        with retour.Policy.from_string(text) as p:
            with self.assertRaises(retour.RequestError) as cm:
                p.evaluate(request)
        self.assertEqual((cm.exception.code, cm.exception.path), (retour.Status.EREQUEST, "ordered"))
        # Complaints are decided, but count the guarantee from the delivery.
        complaint = dict(request, type="complaint", items=[{"sku": "A", "price": "1.00"}])
        e = self.assertRequestError(complaint, retour.Status.EREQUEST, "items[0].delivered")
        self.assertIn("delivery date", e.message)

    def test_impossible_data_is_an_error(self) -> None:
        request = json.loads(support.read_bytes(support.request_path("opened-phone.json")))
        request["ordered"] = "2026-03-04"  # the phone arrived on 2026-03-03
        e = self.assertRequestError(request, retour.Status.EREQUEST, "items[0].delivered")
        self.assertEqual(e.message, "the item was delivered before it was ordered")

    def test_python_argument_errors(self) -> None:
        with self.assertRaises(TypeError):
            self.policy.evaluate(42)  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.policy.evaluate(["type", "withdrawal"])  # type: ignore[arg-type]
        with self.assertRaises(TypeError):
            self.policy.evaluate({"notified": datetime.datetime(2026, 3, 16, 12, 0)})
        with self.assertRaises(TypeError):
            self.policy.evaluate({"notified": object()})
        with self.assertRaises(ValueError):
            self.policy.evaluate({"type": "withdrawal"}, lang="de")
        with self.assertRaises(ValueError):
            self.policy.evaluate({"type": "withdrawal", "shipping_paid": float("nan")})


if __name__ == "__main__":
    unittest.main()
