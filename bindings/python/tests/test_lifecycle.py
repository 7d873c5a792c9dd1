"""close(), context managers, the garbage-collector fallback, and sharing across threads."""

from __future__ import annotations

import gc
import pickle
import threading
import time
import unittest
import weakref

import support
import retour

MINIMAL = support.read_bytes(support.policy_path("minimal"))
PHONE = support.read_bytes(support.request_path("opened-phone.yaml"))


class CloseTest(unittest.TestCase):
    def test_close_is_idempotent(self) -> None:
        p = retour.Policy.from_file(support.policy_path("nl-electronics"))
        self.assertFalse(p.closed)
        self.assertIn("open", repr(p))
        p.close()
        self.assertTrue(p.closed)
        p.close()
        p.close()
        self.assertIn("closed", repr(p))
        with self.assertRaises(ValueError):
            p.evaluate(PHONE)
        with self.assertRaises(ValueError):
            p.evaluate_json(PHONE)
        with self.assertRaises(ValueError):
            _ = p.shop
        with self.assertRaises(ValueError):
            with p:
                pass

    def test_context_manager(self) -> None:
        with retour.Policy.from_file(support.policy_path("nl-electronics")) as p:
            self.assertEqual(p.evaluate(PHONE).outcome, "accept")
        self.assertTrue(p.closed)
        p.close()  # after the with block: still fine
        with self.assertRaises(RuntimeError):
            with retour.Policy.from_string(MINIMAL) as q:
                raise RuntimeError("boom")
        self.assertTrue(q.closed)

    def test_garbage_collector_frees(self) -> None:
        p = retour.Policy.from_string(MINIMAL)
        ref = weakref.ref(p)
        del p
        gc.collect()
        self.assertIsNone(ref())
        # a closed policy collected later does not free twice
        q = retour.Policy.from_string(MINIMAL)
        q.close()
        del q
        gc.collect()

    def test_constructor_and_pickle_refused(self) -> None:
        with self.assertRaises(TypeError):
            retour.Policy()
        with retour.Policy.from_string(MINIMAL) as p:
            with self.assertRaises(TypeError):
                pickle.dumps(p)
            d = p.evaluate({"type": "withdrawal", "notified": "2026-05-22",
                            "items": [{"sku": "A", "price": "1.00", "delivered": "2026-05-20"}]})
        self.assertEqual(pickle.loads(pickle.dumps(d)), d)


class ThreadTest(unittest.TestCase):
    def test_shared_policy(self) -> None:
        requests = [support.read_bytes(support.request_path(r))
                    for r in ("opened-phone.yaml", "damaged-box.yaml", "missing-box.yaml",
                              "software-unknown-seal.yaml")]
        with retour.Policy.from_file(support.policy_path("nl-electronics")) as p:
            expected = [p.evaluate_json(r) for r in requests]
            failures = []

            def worker(n: int) -> None:
                for i in range(400):
                    k = (i + n) % len(requests)
                    if p.evaluate(requests[k], lang="en").json() != expected[k]:
                        failures.append((n, i))

            threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
        self.assertEqual(failures, [])

    def test_close_while_other_threads_evaluate(self) -> None:
        p = retour.Policy.from_file(support.policy_path("nl-electronics"))
        expected = p.evaluate_json(PHONE)
        started = threading.Barrier(5)
        results = {"ok": 0, "closed": 0, "wrong": 0}
        lock = threading.Lock()

        def worker() -> None:
            started.wait()
            while True:
                try:
                    text = p.evaluate_json(PHONE)
                except ValueError:
                    with lock:
                        results["closed"] += 1
                    return
                with lock:
                    results["ok" if text == expected else "wrong"] += 1

        threads = [threading.Thread(target=worker) for _ in range(4)]
        for t in threads:
            t.start()
        started.wait()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:  # let them run a little, then close under them
            with lock:
                if results["ok"] >= 200:
                    break
            time.sleep(0.001)
        p.close()
        for t in threads:
            t.join()
        self.assertEqual(results["wrong"], 0)
        self.assertEqual(results["closed"], 4)
        self.assertTrue(p.closed)


if __name__ == "__main__":
    unittest.main()
