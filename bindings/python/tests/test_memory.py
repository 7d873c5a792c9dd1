"""No leak: RSS stays flat over 100,000 evaluations, and over policies nobody closes."""

from __future__ import annotations

import gc
import os
import sys
import unittest

import support
import retour

MIB = 1024
# Growth allowed after warm-up, in KiB. A leak of one decision JSON (~1 KiB) per evaluation
# would be ~100 MiB; of one C policy per load, several MiB per thousand loads.
BOUND_KIB = 20 * MIB
EVALUATIONS = int(os.environ.get("RETOUR_TEST_EVALUATIONS", "100000"))


def report(what: str, before: int, after: int) -> None:
    print(f"\n    {what}: VmRSS {before} KiB -> {after} KiB ({after - before:+d} KiB)",
          file=sys.stderr, end="")


class MemoryTest(unittest.TestCase):
    def test_100000_evaluations(self) -> None:
        requests = [support.read_bytes(support.request_path(r))
                    for r in ("opened-phone.yaml", "damaged-box.yaml", "missing-box.yaml")]
        with retour.Policy.from_file(support.policy_path("nl-electronics")) as p:
            for i in range(3000):  # warm-up: allocator pools, caches
                p.evaluate(requests[i % 3])
            gc.collect()
            before = support.rss_kib()
            for i in range(EVALUATIONS):
                d = p.evaluate(requests[i % 3], lang="nl" if i & 1 else "en")
            gc.collect()
            after = support.rss_kib()
        self.assertIn(d.outcome, ("accept", "partial", "review"))
        report(f"{EVALUATIONS} evaluations", before, after)
        self.assertLess(after - before, BOUND_KIB)

    def test_failed_evaluations(self) -> None:
        bad = b"type: withdrawal\nnotified: 2026-03-16\nitems:\n  - sku: A\n    price: 1.005\n"
        with retour.Policy.from_string(support.read_bytes(support.policy_path("minimal"))) as p:
            def run(n: int) -> None:
                for _ in range(n):
                    try:
                        p.evaluate(bad)
                    except retour.RequestError:
                        pass
            run(2000)
            gc.collect()
            before = support.rss_kib()
            run(20000)
            gc.collect()
            after = support.rss_kib()
        report("20000 failed evaluations", before, after)
        self.assertLess(after - before, BOUND_KIB)

    def test_unclosed_policies_freed_by_gc(self) -> None:
        text = support.read_bytes(support.policy_path("de-fashion"))

        def run(n: int) -> None:
            for _ in range(n):
                p = retour.Policy.from_string(text)  # never closed: __del__ frees it
                assert p.currency == "EUR"
                del p

        run(1000)
        gc.collect()
        before = support.rss_kib()
        run(20000)
        gc.collect()
        after = support.rss_kib()
        report("20000 unclosed policies", before, after)
        self.assertLess(after - before, BOUND_KIB)


if __name__ == "__main__":
    unittest.main()
