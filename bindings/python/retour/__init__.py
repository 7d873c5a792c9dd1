"""retour: Python binding (ctypes) for libretour, which decides webshop returns against a
shop's YAML return policy and says why.

    import retour

    with retour.Policy.from_file("examples/policies/nl-electronics.yaml") as policy:
        decision = policy.evaluate({"type": "withdrawal", "notified": "2026-03-16", ...})
        print(decision.outcome, decision.refund.amount)

The binding is thin: every decision is made by the C library; this package loads
libretour.so (see :func:`find_library` for the lookup order), calls its simple API and turns
the decision JSON into dataclasses.
"""

from __future__ import annotations

from typing import Optional, Union

from ._decision import Decision, Item, Reason, Refund, Verdict
from ._errors import PolicyError, RequestError, Status
from ._library import (
    ENV_VAR,
    HOW_TO_POINT,
    SONAME,
    Library,
    LibraryNotFoundError,
    LibrarySource,
    find_library,
    load_library,
)
from ._policy import LANGUAGES, Policy

__all__ = [
    "Decision",
    "ENV_VAR",
    "Item",
    "HOW_TO_POINT",
    "LANGUAGES",
    "Library",
    "LibraryNotFoundError",
    "LibrarySource",
    "Policy",
    "PolicyError",
    "Reason",
    "Refund",
    "RequestError",
    "SONAME",
    "Status",
    "Verdict",
    "find_library",
    "load_library",
    "strerror",
    "version",
]

#: Version of this binding (the C library's is :func:`version`).
__version__ = "0.1.0"


def version(library: Union[None, str, Library] = None) -> str:
    """``retour_version()`` of the library that ``library`` (or the default lookup) loads."""
    return load_library(library).version()


def strerror(code: int, library: Optional[Union[str, Library]] = None) -> str:
    """``retour_strerror()``: a constant description of a :class:`Status` code."""
    return load_library(library).strerror(code)
