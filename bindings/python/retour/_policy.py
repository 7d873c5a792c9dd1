"""Policy: a loaded, immutable return policy, and evaluation of requests against it."""

from __future__ import annotations

import ctypes
import datetime
import decimal
import json
import os
import threading
from typing import Any, Iterable, Iterator, List, Mapping, Optional, Union

from ._decision import Decision, Verdict
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


# One encoder for every request: json.dumps() with arguments builds a new one per call.
_encode = json.JSONEncoder(ensure_ascii=False, default=_json_default, allow_nan=False).encode


def _request_bytes(request: RequestArg) -> bytes:
    if type(request) is bytes:
        return request
    if isinstance(request, str):
        return request.encode("utf-8", "surrogateescape")
    if isinstance(request, (bytes, bytearray, memoryview)):
        return bytes(request)
    if isinstance(request, Mapping):
        return _encode(request).encode("utf-8", "surrogateescape")
    raise TypeError(
        f"request must be a dict (mapping) or YAML/JSON text, not {type(request).__name__}"
    )


# retour_json_form
_FULL, _COMPACT, _VERDICT = 0, 1, 2
_size_t = ctypes.c_size_t

#: Requests per call of :meth:`Policy.evaluate_many` (one crossing into C per batch).
BATCH_SIZE = 256


class _Slot:
    """One ``retour_evaluator`` and the out parameters of its calls, reused: a thread takes
    a free slot for the length of a call (see :meth:`Policy._take`)."""

    __slots__ = ("handle", "outs", "view", "err", "p_out", "p_len", "p_failed", "p_err",
                 "text_at", "text")

    def __init__(self, lib: Library, policy: ctypes.c_void_p) -> None:
        handle = ctypes.c_void_p()
        rc = lib.c.retour_evaluator_new(ctypes.addressof(handle), policy, None)
        if rc != 0:
            raise MemoryError("retour_evaluator_new: out of memory")
        self.handle = handle
        # out (const char *), len, failed (size_t): one array, read through a memoryview.
        size = ctypes.sizeof(ctypes.c_size_t)
        self.outs = (ctypes.c_size_t * 3)()
        self.view = memoryview(self.outs).cast("B").cast("Q" if size == 8 else "I")
        self.p_out = ctypes.byref(self.outs)
        self.p_len = ctypes.byref(self.outs, size)
        self.p_failed = ctypes.byref(self.outs, 2 * size)
        self.err = CError()
        self.p_err = ctypes.byref(self.err)
        # The evaluator's output buffer seen as bytes: its address and a view of the
        # longest output written there so far (the buffer holds at least that much).
        self.text_at = 0
        self.text = memoryview(b"")

    def read(self) -> str:
        """The output of the last call, decoded (the text stays in the evaluator)."""
        at, n = self.view[0], self.view[1]
        if at != self.text_at or n > len(self.text):
            self.text = memoryview((ctypes.c_char * n).from_address(at)).cast("B")
            self.text_at = at
        return str(self.text[:n], "utf-8", "surrogateescape")


def _lang(lang: str) -> int:
    try:
        return LANGUAGES[lang]
    except (KeyError, TypeError):
        raise ValueError(f"lang must be one of {sorted(LANGUAGES)}, not {lang!r}") from None


def _error_line(line: str, index: int) -> RequestError:
    """The RequestError of an evaluate_many error line ({"error":{...}})."""
    e = json.loads(line)["error"]
    err = RequestError(
        e["code"], e["message"], file=e["file"], line=e["line"], column=e["column"],
        offset=e["offset"], path=e["path"], formatted=e["formatted"],
    )
    err.index = index
    return err


class Policy:
    """A compiled return policy (``retour_policy *``). Immutable once loaded.

    Create one with :meth:`from_file` or :meth:`from_string`; release it with :meth:`close`
    or a ``with`` block (the garbage collector frees it too, as a fallback).

    Threads: one Policy may be shared by any number of threads, which may call
    :meth:`evaluate` at the same time (the C call runs without the GIL). :meth:`close` is
    safe at any time: evaluations already running finish first, later ones raise
    ``ValueError``.
    """

    __slots__ = ("_lib", "_handle", "_lock", "_users", "_closing", "_slots", "name",
                 "__weakref__")

    _lib: Library
    _handle: Optional[ctypes.c_void_p]
    _lock: threading.Lock
    _users: int
    _closing: bool
    _slots: List[_Slot]
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
        self._slots = []
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

    def _take(self) -> _Slot:
        """A free evaluator for this thread's call (a new one when all are in use); give it
        back with :meth:`_give`. Counts as a user of the policy meanwhile."""
        with self._lock:
            if self._handle is None or self._closing:
                raise ValueError("the policy is closed")
            self._users += 1
            if self._slots:
                return self._slots.pop()
            handle = self._handle
        try:
            return _Slot(self._lib, handle)
        except BaseException:
            self._release()
            raise

    def _give(self, slot: _Slot) -> None:
        with self._lock:
            self._slots.append(slot)
            self._users -= 1
            if self._closing and self._users == 0:
                self._free_locked()

    def _free_locked(self) -> None:
        handle, self._handle = self._handle, None
        slots, self._slots = self._slots, []
        for slot in slots:
            self._lib.c.retour_evaluator_free(slot.handle)
        if handle is not None:
            self._lib.c.retour_policy_free(handle)

    def _call(self, data: bytes, form: int, c_lang: int) -> str:
        """retour_evaluator_evaluate_json(): the JSON text of one request, in form."""
        # The hot path of every binding call: the slot taken and given back inline.
        lock = self._lock
        lock.acquire()
        if self._handle is None or self._closing:
            lock.release()
            raise ValueError("the policy is closed")
        self._users += 1
        slots = self._slots
        slot = slots.pop() if slots else None
        lock.release()
        try:
            if slot is None:
                slot = _Slot(self._lib, self._handle)
            rc = self._lib.evaluate_json(slot.p_out, slot.p_len, slot.handle, data,
                                         _size_t(len(data)), form, c_lang, slot.p_err)
            if rc != 0:
                raise RequestError._from_c(self._lib, slot.err, rc)
            return slot.read()
        finally:
            lock.acquire()
            if slot is not None:
                slots.append(slot)
            self._users -= 1
            if self._closing and self._users == 0:
                self._free_locked()
            lock.release()

    def evaluate_json(self, request: RequestArg, lang: str = "en", *,
                      compact: bool = False) -> str:
        """The decision as canonical JSON text, without building a :class:`Decision`: what
        ``retour eval --format json`` prints (``compact=True``: ``--format json --compact``,
        without the reasons' messages). Same arguments and errors as :meth:`evaluate`."""
        return self._call(_request_bytes(request), _COMPACT if compact else _FULL, _lang(lang))

    def evaluate(self, request: RequestArg, lang: str = "en", *,
                 compact: bool = False) -> Decision:
        """Decides a request against this policy.

        ``request`` is a dict (serialised to JSON; ``datetime.date`` becomes ``"YYYY-MM-DD"``
        and ``Decimal`` a string) or YAML/JSON text (``str`` or ``bytes``). ``lang`` is
        ``"en"`` or ``"nl"`` (reason messages). ``compact=True`` leaves the messages out
        (each reason's ``message`` is ``None``); codes, sources and citations stay.

        Raises :class:`RequestError` for a request that is invalid or lacks what the policy
        needs, ``ValueError`` after :meth:`close` or for an unknown ``lang``.
        """
        return Decision.from_json(self.evaluate_json(request, lang, compact=compact))

    def verdict(self, request: RequestArg) -> Verdict:
        """The verdict of a request (``outcome``, ``deciding_reason``,
        ``withdrawal_deadline``): what :meth:`evaluate` decides in those three fields, for
        hot paths (an order page asking "can this be returned?"). Same errors."""
        return Verdict.from_json(self._call(_request_bytes(request), _VERDICT, 0))

    # ---- many requests, one call into C per batch ----------------------------------------------

    def _lines(self, requests: Iterable[RequestArg], form: int, c_lang: int,
               batch_size: int) -> Iterator[List[str]]:
        """The output lines of evaluate_many, batch by batch."""
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        it = iter(requests)
        while True:
            batch = []
            for request in it:
                batch.append(_request_bytes(request))
                if len(batch) == batch_size:
                    break
            if not batch:
                return
            lengths = (ctypes.c_size_t * len(batch))(*map(len, batch))
            texts = b"".join(batch)
            slot = self._take()
            try:
                rc = self._lib.evaluate_many(
                    slot.p_out, slot.p_len, slot.p_failed, slot.handle, texts, lengths,
                    _size_t(len(batch)), form, c_lang, slot.p_err)
                if rc != 0:
                    raise MemoryError(slot.err.message.decode("utf-8", "replace"))
                out = slot.read()
            finally:
                self._give(slot)
            lines = out.split("\n")
            lines.pop()  # after the last '\n'
            yield lines
            if len(batch) < batch_size:
                return

    def _many(self, requests: Iterable[RequestArg], form: int, lang: str, errors: str,
              batch_size: int, make: Any) -> Iterator[Any]:
        if errors not in ("raise", "return"):
            raise ValueError(f"errors must be 'raise' or 'return', not {errors!r}")
        index = 0
        for lines in self._lines(requests, form, _lang(lang), batch_size):
            for line in lines:
                if line.startswith('{"error":'):
                    e = _error_line(line, index)
                    if errors == "raise":
                        raise e
                    yield e
                else:
                    yield make(line)
                index += 1

    def evaluate_iter(self, requests: Iterable[RequestArg], lang: str = "en", *,
                      compact: bool = False, errors: str = "raise",
                      batch_size: int = BATCH_SIZE) -> Iterator[Any]:
        """Decides requests from any iterable (a list, a generator, a database cursor),
        ``batch_size`` at a time in one call into C each, and yields their decisions in
        order, as :meth:`evaluate` would return them. A request that cannot be decided
        raises its :class:`RequestError` (``errors="raise"``; its ``index`` is the
        request's position) or is yielded as that error (``errors="return"``)."""
        return self._many(requests, _COMPACT if compact else _FULL, lang, errors, batch_size,
                          Decision.from_json)

    def evaluate_many(self, requests: Iterable[RequestArg], lang: str = "en", *,
                      compact: bool = False, errors: str = "raise",
                      batch_size: int = BATCH_SIZE) -> List[Any]:
        """:meth:`evaluate_iter` as a list: the decision of every request, in order."""
        return list(self.evaluate_iter(requests, lang, compact=compact, errors=errors,
                                       batch_size=batch_size))

    def verdict_many(self, requests: Iterable[RequestArg], *, errors: str = "raise",
                     batch_size: int = BATCH_SIZE) -> List[Any]:
        """The :meth:`verdict` of every request, in order, ``batch_size`` requests per call
        into C. Errors as in :meth:`evaluate_iter`."""
        return list(self._many(requests, _VERDICT, "en", errors, batch_size, Verdict.from_json))

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

