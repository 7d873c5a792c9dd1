#!/usr/bin/env python3
"""Checks examples/README.md against the program: every documented request's outcome,
basis, reason codes, refund and dates must be what `retour eval` decides.
   check-examples-doc.py SOURCE_ROOT RETOUR_BINARY"""
import json
import re
import subprocess
import sys

src, retour = sys.argv[1], sys.argv[2]
rows = [l for l in open(f"{src}/examples/README.md", encoding="utf-8")
        if l.startswith("| [`") and "requests/" in l]
failures = 0
for n, line in enumerate(rows, 1):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    request = re.search(r"\((requests/[^)]+)\)", cells[0]).group(1)
    policy = cells[1]
    run = subprocess.run([retour, "eval", f"examples/policies/{policy}.yaml", f"examples/{request}",
                          "--format", "json"], cwd=src, capture_output=True, text=True)
    if run.returncode != 0:
        print(f"not ok {n} - {request}: exit {run.returncode}: {run.stderr.strip()}")
        failures += 1
        continue
    d = json.loads(run.stdout)
    codes = [r["code"] for r in d["reasons"]] + [r["code"] for i in d["items"] for r in i["reasons"]]
    got = (d["outcome"], d["basis"], d["refund"]["amount"], d["withdrawal_deadline"] or "none",
           d["return_by"] or "none", d["refund_by"] or "none", sorted(codes))
    want = (cells[3], cells[4], cells[6].split()[0], cells[7], cells[8], cells[9],
            sorted(re.findall(r"`([a-z_]+)`", cells[5])))
    if got != want:
        print(f"not ok {n} - {request}\n#   documented {want}\n#   decided    {got}")
        failures += 1
    else:
        print(f"ok {n} - {request}")
print(f"1..{len(rows)}")
sys.exit(1 if failures or not rows else 0)
