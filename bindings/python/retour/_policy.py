"""Policy: a loaded, immutable return policy, and evaluation of requests against it."""

from __future__ import annotations

import ctypes
import datetime
import decimal
import json
import os
import threading
from typing import Any, Mapping, Optional, Union

from ._decision import Decision
from ._errors import PolicyError, RequestError
from ._library import CError, Library, load_library

__all__ = ["Policy", "LANGUAGES"]

#: ``enum retour_lang``: language code -> C value.
LANGUAGES = {"en": 0, "nl": 1}

LibraryArg = Union[None, str, "os.PathLike[str]", Library]
RequestArg = Union[Mapping[str, Any], str, bytes, bytearray, memoryview]


def _json_default(value: Any) -> Any:
    # The two Python types a caller naturally puts in a request that JSON lacks.
    if isinstance(value, datetime.datetime):
        raise TypeError(f"a request date must be a datetime.date, not a datetime: {value!r}")
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, decimal.Decimal):
        return format(value, "f")
    raise TypeError(f"cannot put {type(value).__name__} into a request: {value!r}")


def _request_bytes(request: RequestArg) -> bytes:
    if isinstance(request, str):
        return request.encode("utf-8", "surrogateescape")
    if isinstance(request, (bytes, bytearray, memoryview)):
        return bytes(request)
    if isinstance(request, Mapping):
        return json.dumps(request, ensure_ascii=False, default=_json_default,
                          allow_nan=False).encode("utf-8", "surrogateescape")
    raise TypeError(
        f"request must be a dict (mapping) or YAML/JSON text, not {type(request).__name__}"
    )


class Policy:
    """A compiled return policy (``retour_policy *``). Immutable once loaded.

    Create one with :meth:`from_file` or :meth:`from_string`; release it with :meth:`close`
    or a ``with`` block (the garbage collector frees it too, as a fallback).

    Threads: one Policy may be shared by any number of threads, which may call
    :meth:`evaluate` at the same time (the C call runs without the GIL). :meth:`close` is
    safe at any time: evaluations already running finish first, later ones raise
    ``ValueError``.
    """

    __slots__ = ("_lib", "_handle", "_lock", "_users", "_closing", "name", "__weakref__")

    _lib: Library
    _handle: Optional[ctypes.c_void_p]
    _lock: threading.Lock
    _users: int
    _closing: bool
    name: str

    def __init__(self) -> None:
        raise TypeError("use Policy.from_file() or Policy.from_string()")

    @classmethod
    def _adopt(cls, lib: Library, handle: ctypes.c_void_p, name: str) -> "Policy":
        self = object.__new__(cls)
        self._lib = lib
        self._handle = handle
        self._lock = threading.Lock()
        self._users = 0
        self._closing = False
        self.name = name
        return self

    # ---- loading ----------------------------------------------------------------------------

    @classmethod
    def from_file(cls, path: Union[str, "os.PathLike[str]"], library: LibraryArg = None) -> "Policy":
        """``retour_policy_load_file()``: loads and validates a policy file.

        Raises :class:`PolicyError` (``code`` ``EIO`` when the file cannot be read) and
        :class:`LibraryNotFoundError` when libretour cannot be loaded.
        """
        lib = load_library(library)
        fs_path = os.fsencode(path)
        if b"\0" in fs_path:
            raise ValueError("embedded null byte in the policy path")
        out = ctypes.c_void_p()
        err = CError()
        rc = lib.c.retour_policy_load_file(ctypes.byref(out), fs_path, None, ctypes.byref(err))
        if rc != 0:
            raise PolicyError._from_c(lib, err, rc)
        return cls._adopt(lib, out, os.fsdecode(fs_path))

    @classmethod
    def from_string(
        cls, text: Union[str, bytes], name: str = "<string>", library: LibraryArg = None
    ) -> "Policy":
        """``retour_policy_load_string()``: loads a policy from YAML text. ``name`` appears in
        errors and in reason sources."""
        lib = load_library(library)
        data = text.encode("utf-8", "surrogateescape") if isinstance(text, str) else bytes(text)
        if "\0" in name:
            raise ValueError("embedded null character in the policy name")
        out = ctypes.c_void_p()
        err = CError()
        rc = lib.c.retour_policy_load_string(
            ctypes.byref(out), data, len(data), name.encode("utf-8"), None, ctypes.byref(err)
        )
        if rc != 0:
            raise PolicyError._from_c(lib, err, rc)
        return cls._adopt(lib, out, name)

    # ---- use ----------------------------------------------------------------------------------

    def _acquire(self) -> ctypes.c_void_p:
        with self._lock:
            if self._handle is None or self._closing:
                raise ValueError("the policy is closed")
            self._users += 1
            return self._handle

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._closing and self._users == 0:
                self._free_locked()

    def _free_locked(self) -> None:
        handle, self._handle = self._handle, None
        if handle is not None:
            self._lib.c.retour_policy_free(handle)

    def evaluate_json(self, request: RequestArg, lang: str = "en") -> str:
        """``retour_evaluate_json()``: the decision as canonical JSON text, without building
        the dataclasses. Same arguments and errors as :meth:`evaluate`."""
        try:
            c_lang = LANGUAGES[lang]
        except (KeyError, TypeError):
            raise ValueError(f"lang must be one of {sorted(LANGUAGES)}, not {lang!r}") from None
        data = _request_bytes(request)
        out = ctypes.POINTER(ctypes.c_char)()
        size = ctypes.c_size_t(0)
        err = CError()
        lib = self._lib
        handle = self._acquire()
        try:
            rc = lib.c.retour_evaluate_json(
                ctypes.byref(out), ctypes.byref(size), handle, data, len(data), c_lang,
                ctypes.byref(err),
            )
        finally:
            self._release()
        if rc != 0:
            raise RequestError._from_c(lib, err, rc)
        try:
            raw = ctypes.string_at(out, size.value)
        finally:
            lib.c.retour_string_free(out)
        return raw.decode("utf-8", "surrogateescape")

    def evaluate(self, request: RequestArg, lang: str = "en") -> Decision:
        """Decides a request against this policy.

        ``request`` is a dict (serialised to JSON; ``datetime.date`` becomes ``"YYYY-MM-DD"``
        and ``Decimal`` a string) or YAML/JSON text (``str`` or ``bytes``). ``lang`` is
        ``"en"`` or ``"nl"`` (reason messages).

        Raises :class:`RequestError` for a request that is invalid or lacks what the policy
        needs, ``ValueError`` after :meth:`close` or for an unknown ``lang``.
        """
        return Decision.from_json(self.evaluate_json(request, lang))

    # ---- accessors ---------------------------------------------------------------------------

    def _text(self, fn_name: str) -> str:
        handle = self._acquire()
        try:
            v = getattr(self._lib.c, fn_name)(handle)
        finally:
            self._release()
        return bytes(v).decode("utf-8", "replace") if v else ""

    @property
    def shop(self) -> str:
        """``retour_policy_shop()``: the shop name, ``""`` when absent."""
        return self._text("retour_policy_shop")

    @property
    def jurisdiction(self) -> str:
        """``retour_policy_jurisdiction()``: ``"NL"``, ``"EU"``, ``"UK"``, ``"none"``, ..."""
        return self._text("retour_policy_jurisdiction")

    @property
    def currency(self) -> str:
        """``retour_policy_currency()``: the ISO 4217 code."""
        return self._text("retour_policy_currency")

    @property
    def currency_decimals(self) -> int:
        """``retour_policy_currency_decimals()``: 2 for EUR, 0 for JPY."""
        handle = self._acquire()
        try:
            return int(self._lib.c.retour_policy_currency_decimals(handle))
        finally:
            self._release()

    @property
    def library(self) -> Library:
        """The :class:`Library` this policy was loaded with."""
        return self._lib

    # ---- lifetime ------------------------------------------------------------------------------

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._handle is None or self._closing

    def close(self) -> None:
        """``retour_policy_free()``. Idempotent; safe while other threads evaluate (the free
        happens when the last running evaluation returns)."""
        lock = getattr(self, "_lock", None)
        if lock is None:  # never fully constructed
            return
        with lock:
            if self._handle is None or self._closing:
                return
            self._closing = True
            if self._users == 0:
                self._free_locked()

    def __enter__(self) -> "Policy":
        if self.closed:
            raise ValueError("the policy is closed")
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __del__(self) -> None:
        # Fallback for policies nobody closed. No thread can be evaluating: they would hold
        # a reference. Guard against interpreter shutdown having torn things down.
        try:
            self.close()
        except Exception:  # pragma: no cover - shutdown races only
            pass

    def __reduce__(self) -> Any:
        raise TypeError("a Policy cannot be pickled; load it again in the other process")

    def __repr__(self) -> str:
        state = "closed" if self.closed else "open"
        return f"<retour.Policy {self.name!r} {state}>"

