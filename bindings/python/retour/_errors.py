"""Status codes and the exceptions raised for a bad policy or request."""

from __future__ import annotations

import enum
import os
from typing import TYPE_CHECKING, Any, Optional, Tuple, Type, Union

if TYPE_CHECKING:
    from ._library import CError, Library

__all__ = ["Status", "PolicyError", "RequestError"]


class Status(enum.IntEnum):
    """``enum retour_status``, same values as the C header."""

    OK = 0
    EINVAL = -1
    ENOMEM = -2
    EIO = -3
    ESYNTAX = -4
    ESCHEMA = -5
    ELIMIT = -6
    ERANGE = -7
    EREQUEST = -8


def _status(code: int) -> Union[Status, int]:
    try:
        return Status(code)
    except ValueError:
        return code


class PolicyError(Exception):
    """A policy could not be loaded (or, as :class:`RequestError`, a request decided).

    Attributes mirror ``struct retour_error``:

    - ``code``: a :class:`Status` (an ``int``, e.g. ``Status.ESCHEMA == -5``);
    - ``file``: the file name, or the name given for a string (``"<string>"``,
      ``"<request>"`` for requests);
    - ``line``, ``column``: 1-based, 0 when not tied to a place;
    - ``offset``: 0-based byte offset in the input;
    - ``path``: key path such as ``"withdrawal.dayz"`` or ``"items[0].price"``, ``""`` for
      the whole document;
    - ``message``: one line, without the position.

    ``str(error)`` is the library's compiler-style line
    ``"file:line:col: error: path: message"``.
    """

    code: Union[Status, int]
    file: str
    line: int
    column: int
    offset: int
    path: str
    message: str

    def __init__(
        self,
        code: int,
        message: str,
        *,
        file: str = "",
        line: int = 0,
        column: int = 0,
        offset: int = 0,
        path: str = "",
        formatted: Optional[str] = None,
    ) -> None:
        self.code = _status(code)
        self.message = message
        self.file = file
        self.line = line
        self.column = column
        self.offset = offset
        self.path = path
        if formatted is None:
            where = f"{file}:{line}:{column}: " if file else ""
            formatted = f"{where}error: {path + ': ' if path else ''}{message}"
        self.formatted = formatted
        super().__init__(formatted)

    @classmethod
    def _from_c(cls, lib: "Library", err: "CError", rc: int) -> "PolicyError":
        # The error struct is filled on every failure; fall back to rc and strerror if not.
        code = err.code if err.code != 0 else rc
        message = err.message.decode("utf-8", "replace") or lib.strerror(code)
        return cls(
            code,
            message,
            file=os.fsdecode(err.file),
            line=int(err.line),
            column=int(err.column),
            offset=int(err.offset),
            path=err.path.decode("utf-8", "replace"),
            formatted=lib.format_error(err) if err.code != 0 else None,
        )

    def __reduce__(self) -> Tuple[Any, Tuple[Any, ...]]:  # keep the fields when pickled
        return (
            _rebuild,
            (type(self), int(self.code), self.message, self.file, self.line, self.column,
             self.offset, self.path, self.formatted),
        )

    def __repr__(self) -> str:
        return (
            f"{type(self).__name__}(code={self.code!r}, file={self.file!r}, line={self.line}, "
            f"column={self.column}, path={self.path!r}, message={self.message!r})"
        )


class RequestError(PolicyError):
    """A request could not be decided: invalid YAML/JSON, a key or value the request format
    does not allow (``ESYNTAX``, ``ESCHEMA``, ``ERANGE``, ``ELIMIT``), or inconsistent with
    the policy (``EREQUEST``, e.g. ``ordered`` missing). ``file`` is ``"<request>"``.
    A subclass of :class:`PolicyError`, so ``except retour.PolicyError`` catches both.
    From :meth:`Policy.evaluate_many` and its kin, ``index`` is the position of the request
    among those given (``None`` otherwise)."""

    index: Optional[int] = None


def _rebuild(cls: Type[PolicyError], code: int, message: str, file: str, line: int, column: int, offset: int,
             path: str, formatted: str) -> PolicyError:
    return cls(code, message, file=file, line=line, column=column, offset=offset, path=path,
               formatted=formatted)
