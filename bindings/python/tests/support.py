"""Shared paths and helpers for the binding's tests."""

from __future__ import annotations

import contextlib
import os
import re
import sys
from typing import Dict, Iterator, List, Optional, Tuple

BINDING = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ROOT = os.path.dirname(os.path.dirname(BINDING))
EXAMPLES = os.path.join(ROOT, "examples")
POLICIES = os.path.join(EXAMPLES, "policies")
REQUESTS = os.path.join(EXAMPLES, "requests")

if BINDING not in sys.path:
    sys.path.insert(0, BINDING)

LIBRARY = os.path.abspath(
    os.environ.get("RETOUR_LIBRARY") or os.path.join(ROOT, "build", "lib", "libretour.so")
)
# The default lookup of every test starts from the library under test.
os.environ["RETOUR_LIBRARY"] = LIBRARY

_cli_default = os.path.join(os.path.dirname(os.path.dirname(LIBRARY)), "tools", "retour")
CLI = os.environ.get("RETOUR_CLI") or _cli_default

BAD_POLICY = "retour: 1\njurisdiction: NL\ncurrency: EUR\nwithdrawal:\n  dayz: 3\n"


def policy_path(name: str) -> str:
    return os.path.join(POLICIES, name + ".yaml")


def request_path(name: str) -> str:
    return os.path.join(REQUESTS, name)


def read_bytes(path: str) -> bytes:
    with open(path, "rb") as f:
        return f.read()


def cases() -> List[Tuple[str, str, str]]:
    """(name, policy, request) from tests/cli/cases.txt; paths relative to examples/."""
    out = []
    with open(os.path.join(ROOT, "tests", "cli", "cases.txt"), encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) == 3 and not parts[0].startswith("#"):
                out.append((parts[0], parts[1], parts[2]))
    return out


def header_defines() -> Dict[str, str]:
    """The #define NAME VALUE lines of include/retour.h."""
    with open(os.path.join(ROOT, "include", "retour.h"), encoding="utf-8") as f:
        return dict(re.findall(r"^#define\s+(RETOUR_\w+)\s+(\S+)", f.read(), re.M))


def rss_kib() -> int:
    """VmRSS of this process in KiB."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise RuntimeError("no VmRSS in /proc/self/status")


@contextlib.contextmanager
def environ(**values: Optional[str]) -> Iterator[None]:
    """Sets (or, with None, removes) environment variables for the block."""
    saved = {k: os.environ.get(k) for k in values}
    try:
        for k, v in values.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
        yield
    finally:
        for k, v in saved.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v
