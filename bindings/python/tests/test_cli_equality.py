"""decision.json() is byte for byte what `retour eval --format json` prints."""

from __future__ import annotations

import os
import subprocess
import sys
import unittest

import support
import retour


def run(argv, **kw):  # type: ignore[no-untyped-def]
    return subprocess.run(argv, cwd=support.ROOT, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, check=False, **kw)


@unittest.skipUnless(os.access(support.CLI, os.X_OK), f"no retour program at {support.CLI}")
class CliEqualityTest(unittest.TestCase):
    def test_every_example_in_both_languages(self) -> None:
        cases = support.cases()
        self.assertGreaterEqual(len(cases), 14)
        cwd = os.getcwd()
        os.chdir(support.ROOT)  # the same relative policy path as the CLI gets: same sources
        try:
            for name, policy, request in cases:
                policy_rel = os.path.join("examples", "policies", policy + ".yaml")
                request_rel = os.path.join("examples", request)
                with retour.Policy.from_file(policy_rel) as p:
                    for lang in ("en", "nl"):
                        with self.subTest(case=name, lang=lang):
                            c = run([support.CLI, "eval", policy_rel, request_rel,
                                     "--format", "json", "--lang", lang])
                            self.assertEqual(c.returncode, 0, c.stderr)
                            mine = p.evaluate(support.read_bytes(request_rel), lang=lang)
                            self.assertEqual(mine.json().encode("utf-8") + b"\n", c.stdout)
                            self.assertEqual(p.evaluate_json(
                                support.read_bytes(request_rel), lang=lang), mine.json())
        finally:
            os.chdir(cwd)

    def test_eval_json_script(self) -> None:
        script = os.path.join(support.BINDING, "eval-json")
        for name, policy, request in support.cases():
            with self.subTest(case=name):
                args = [os.path.join("examples", "policies", policy + ".yaml"),
                        os.path.join("examples", request)]
                c = run([support.CLI, "eval", *args, "--format", "json"])
                py = run([sys.executable, script, *args])
                self.assertEqual(py.returncode, 0, py.stderr)
                self.assertEqual(py.stdout, c.stdout)

    def test_eval_json_script_errors(self) -> None:
        script = os.path.join(support.BINDING, "eval-json")
        self.assertEqual(run([sys.executable, script]).returncode, 2)
        missing = run([sys.executable, script, "examples/policies/minimal.yaml", "nope.yaml"])
        self.assertEqual(missing.returncode, 2)
        bad = run([sys.executable, script, "examples/policies/minimal.yaml",
                   "examples/policies/minimal.yaml"])
        self.assertEqual(bad.returncode, 1)
        self.assertIn(b"<request>:1:1: error:", bad.stderr)


if __name__ == "__main__":
    unittest.main()
