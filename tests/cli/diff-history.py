#!/usr/bin/env python3
"""`retour diff` against an independent count (TAP).

Generates a deterministic history of 100,000 requests for the nl-jeweller policy, makes a
stricter copy of the policy (the legal 14 days instead of 30, damaged packaging costing 20%
instead of 10%), runs `retour diff OLD NEW HISTORY --format json`, and checks it against
`retour eval --batch` run on each policy: the same changed decisions, the same groups (old
outcome, new outcome, new deciding reason) with the same counts and refund differences.
Then runs the diff over 1,000,000 lines and requires its peak memory (VmHWM)
to stay within 1 MiB of the 100,000-line run: memory stays flat.

usage: diff-history.py SOURCE_ROOT RETOUR_BINARY
"""
import json
import os
import random
import subprocess
import sys
import tempfile

CATEGORIES = ["jewellery", "earrings", "engraved", None, "watches"]
PACKAGING = ["sealed", "opened", "damaged", "missing"]


def history(n, seed=20261205):
    rng = random.Random(seed)
    for _ in range(n):
        kind = rng.choice(["withdrawal", "complaint"])
        days = rng.randrange(0, 60) if rng.random() < 0.7 else rng.randrange(0, 900)
        notified = 20500 + rng.randrange(0, 300)          # days since 1970: 2026-2027
        delivered = notified - days
        item = {"sku": "S%d" % rng.randrange(1000), "price": "%d.%02d" % (
            rng.randrange(5, 1500), rng.randrange(100)), "delivered": iso(delivered),
            "packaging": rng.choice(PACKAGING)}
        category = rng.choice(CATEGORIES)
        if category:
            item["category"] = category
        req = {"type": kind, "ordered": iso(delivered - rng.randrange(1, 5)),
               "notified": iso(notified), "items": [item],
               "customer": {"orders": rng.randrange(0, 8),
                            "claims_last_year": rng.randrange(0, 4)}}
        yield json.dumps(req, separators=(",", ":"))


def iso(day):
    import datetime
    return (datetime.date(1970, 1, 1) + datetime.timedelta(days=day)).isoformat()


def write(path, n):
    with open(path, "w") as fh:
        for line in history(n):
            fh.write(line + "\n")


def batch(retour, policy, path):
    out = subprocess.run([retour, "eval", "--batch", policy, path], capture_output=True,
                         text=True).stdout
    return [json.loads(line) for line in out.splitlines()]


def deciding(d):
    codes = [r["code"] for r in d["reasons"]] + [r["code"] for i in d["items"] for r in i["reasons"]]
    return codes


def cents(text):
    sign = -1 if text.startswith("-") else 1
    whole, _, frac = text.lstrip("-").partition(".")
    return sign * (int(whole) * 100 + int((frac + "00")[:2]))


def run_with_peak(args):
    """Exit status and peak resident memory (VmHWM, KiB) of a command, read from /proc
    while it runs (the last reading before it exits)."""
    import time
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        try:
            with open("/proc/%d/status" % proc.pid) as fh:
                for line in fh:
                    if line.startswith("VmHWM:"):
                        peak = int(line.split()[1])
        except OSError:
            pass
        time.sleep(0.005)
    return proc.returncode, peak


def main(argv):
    root, retour = argv[1], argv[2]
    old = os.path.join(root, "examples/policies/nl-jeweller.yaml")
    tests = 0
    failed = 0

    def ok(cond, name):
        nonlocal tests, failed
        tests += 1
        print(("ok" if cond else "not ok") + " %d - %s" % (tests, name))
        failed += 0 if cond else 1

    with tempfile.TemporaryDirectory() as tmp:
        new = os.path.join(tmp, "stricter.yaml")
        with open(old) as fh:
            text = fh.read()
        stricter = text.replace("days: 30 ", "days: 14 ").replace("deduct 10%", "deduct 20%")
        assert stricter != text
        with open(new, "w") as fh:
            fh.write(stricter)
        hist = os.path.join(tmp, "history.jsonl")
        write(hist, 100000)

        # Flat memory: 1,000,000 lines against 100,000.
        big = os.path.join(tmp, "big.jsonl")
        with open(hist) as src, open(big, "w") as dst:
            body = src.read()
            for _ in range(10):
                dst.write(body)
        rc1, small_rss = run_with_peak([retour, "diff", old, new, hist])
        rc2, big_rss = run_with_peak([retour, "diff", old, new, big])
        ok(rc1 == 1 and rc2 == 1 and 0 < small_rss < 16384 and big_rss - small_rss < 1024,
           "memory stays flat: peak %d KiB for 100,000 lines, %d KiB for 1,000,000"
           % (small_rss, big_rss))

        got = json.loads(subprocess.run([retour, "diff", old, new, hist, "--format", "json"],
                                        capture_output=True, text=True).stdout)
        a, b = batch(retour, old, hist), batch(retour, new, hist)
        ok(len(a) == len(b) == 100000 and all("error" not in x for x in a + b),
           "every request of the history is decided under both policies")
        # The reference: a change is an outcome or a refund that differs.
        changed = [(x, y) for x, y in zip(a, b)
                   if x["outcome"] != y["outcome"] or x["refund"]["amount"] != y["refund"]["amount"]]
        ok(got["requests"] == 100000, "requests counted: %d" % got["requests"])
        ok(got["changed"] == len(changed) and len(changed) > 0,
           "changed decisions: diff %d, reference %d" % (got["changed"], len(changed)))
        money = sum(cents(y["refund"]["amount"]) - cents(x["refund"]["amount"]) for x, y in zip(a, b))
        ok(cents(got["refund_difference"]) == money,
           "refund difference: diff %s, reference %d cents" % (got["refund_difference"], money))
        pairs = {}
        for x, y in changed:
            key = (x["outcome"], y["outcome"])
            pairs[key] = pairs.get(key, 0) + 1
        from_groups = {}
        for g in got["groups"]:
            key = (g["old"], g["new"])
            from_groups[key] = from_groups.get(key, 0) + g["count"]
        ok(from_groups == pairs, "groups add up to the reference per (old, new) outcome: %s" % pairs)
        ok(all(any(g["reason"] in deciding(y) for x, y in changed
                   if (x["outcome"], y["outcome"]) == (g["old"], g["new"]))
               for g in got["groups"]),
           "each group's reason is a reason of its new decisions")
        counts = [g["count"] for g in got["groups"]]
        ok(counts == sorted(counts, reverse=True), "groups come most requests first")

        shown = json.loads(subprocess.run([retour, "diff", old, new, hist, "--format", "json",
                                           "--show", "3"], capture_output=True, text=True).stdout)
        ok(len(shown["shown"]) == 3 and all(s["old"]["outcome"] != s["new"]["outcome"] or
                                            s["old"]["refund"] != s["new"]["refund"]
                                            for s in shown["shown"]),
           "--show 3 prints three changed requests with both decisions")
        same = subprocess.run([retour, "diff", old, old, hist], capture_output=True, text=True)
        ok(same.returncode == 0 and " 0 decisions change" in same.stdout,
           "a policy against itself changes nothing (exit 0)")

    print("1..%d" % tests)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
