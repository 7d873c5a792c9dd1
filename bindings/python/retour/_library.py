"""Finding and loading libretour.so, and the ctypes prototypes of the C API it uses.

Lookup order (the first step that applies wins):

1. the explicit ``library`` argument (a path, a bare name for the system loader such as
   ``libretour.so.1``, or an already loaded :class:`Library`);
2. the environment variable ``RETOUR_LIBRARY`` (a path to ``libretour.so``);
3. pkg-config: ``pkg-config --variable=libdir retour``, then ``libretour.so.1`` (or
   ``libretour.so``) in that directory;
4. the system loader, by the name ``libretour.so.1`` (``LD_LIBRARY_PATH``, ``ldconfig``).

An explicit argument or ``RETOUR_LIBRARY`` that cannot be loaded is an error: the lookup does
not fall through to the next step, so a typo never silently picks up another copy.
"""

from __future__ import annotations

import ctypes
import os
import shutil
import subprocess
import threading
from typing import Any, Dict, List, NamedTuple, Optional, Tuple, Union

__all__ = [
    "Library",
    "LibraryNotFoundError",
    "LibrarySource",
    "find_library",
    "load_library",
    "ENV_VAR",
    "HOW_TO_POINT",
    "SONAME",
]

#: The environment variable naming the library file.
ENV_VAR = "RETOUR_LIBRARY"
#: The name handed to the system loader in the last step.
SONAME = "libretour.so.1"

# Sizes from include/retour.h.
_ERROR_MESSAGE_MAX = 512
_ERROR_PATH_MAX = 128
_ERROR_FILE_MAX = 256

StrPath = Union[str, "os.PathLike[str]"]


class LibraryNotFoundError(OSError):
    """libretour could not be found or loaded; the message lists what was tried and how to
    point the binding at the library (``RETOUR_LIBRARY``, ``PKG_CONFIG_PATH``,
    ``ldconfig``)."""


#: What every "not found" message ends with: the three ways to point at the library.
HOW_TO_POINT = (
    "Point the binding at libretour in one of these ways: "
    "set RETOUR_LIBRARY to the file (export RETOUR_LIBRARY=/path/to/build/lib/libretour.so); "
    "or, after `meson install`, make pkg-config find retour.pc "
    "(export PKG_CONFIG_PATH=/usr/local/lib/x86_64-linux-gnu/pkgconfig, the directory that "
    "holds retour.pc); or register the install's library directory with the system loader "
    "(sudo ldconfig, or LD_LIBRARY_PATH=/usr/local/lib/x86_64-linux-gnu)."
)


class CError(ctypes.Structure):
    """``struct retour_error`` (caller-allocated, filled by the library on failure)."""

    _fields_ = [
        ("code", ctypes.c_int),
        ("line", ctypes.c_int),
        ("column", ctypes.c_int),
        ("offset", ctypes.c_size_t),
        ("file", ctypes.c_char * _ERROR_FILE_MAX),
        ("path", ctypes.c_char * _ERROR_PATH_MAX),
        ("message", ctypes.c_char * _ERROR_MESSAGE_MAX),
    ]


class LibrarySource(NamedTuple):
    """Where :func:`find_library` found the library: ``how`` is one of ``"argument"``,
    ``"environment"``, ``"pkg-config"`` or ``"system"``; ``path`` is the file (or, for
    ``"system"``, the name given to the loader)."""

    how: str
    path: str


_c_char_p_p = ctypes.POINTER(ctypes.POINTER(ctypes.c_char))

_SOURCE_WORDS = {
    "argument": "the library argument",
    "environment": "the environment variable RETOUR_LIBRARY",
    "pkg-config": "pkg-config",
    "system": "the system loader; neither RETOUR_LIBRARY nor pkg-config named a file",
}


class Library:
    """A loaded libretour with the prototypes of the functions the binding calls.

    Instances are cached per path (see :func:`load_library`), shared by every policy loaded
    through them, and never unloaded. Thread-safe. ``path`` is the file (or loader name) and
    ``source`` the lookup step that first loaded it.
    """

    def __init__(self, path: str, source: str = "argument") -> None:
        try:
            cdll = ctypes.CDLL(path)
        except OSError as exc:
            raise LibraryNotFoundError(
                f"cannot load libretour from {path!r} (found through {_SOURCE_WORDS.get(source, source)}): "
                f"{exc}. {HOW_TO_POINT}"
            ) from exc
        self.path: str = path
        self.source: str = source
        self._cdll = cdll
        try:
            self._declare(cdll)
            # The evaluator's calls, untyped (see _raw): the bindings' hot path.
            self.evaluate_json = self._raw("retour_evaluator_evaluate_json")
            self.evaluate_many = self._raw("retour_evaluator_evaluate_many")
        except AttributeError as exc:
            raise LibraryNotFoundError(
                f"{path!r} is not a usable libretour (too old for this binding?): {exc}. "
                f"{HOW_TO_POINT}"
            ) from exc

    @staticmethod
    def _declare(lib: ctypes.CDLL) -> None:
        c_int, c_size_t, c_char_p, c_void_p = ctypes.c_int, ctypes.c_size_t, ctypes.c_char_p, ctypes.c_void_p
        err_p = ctypes.POINTER(CError)
        protos = {
            "retour_version": (c_char_p, []),
            "retour_version_number": (c_int, []),
            "retour_strerror": (c_char_p, [c_int]),
            "retour_error_format": (c_int, [c_char_p, c_size_t, err_p]),
            "retour_policy_load_file": (c_int, [ctypes.POINTER(c_void_p), c_char_p, c_void_p, err_p]),
            "retour_policy_load_string": (
                c_int,
                [ctypes.POINTER(c_void_p), c_char_p, c_size_t, c_char_p, c_void_p, err_p],
            ),
            "retour_policy_free": (None, [c_void_p]),
            "retour_policy_shop": (c_char_p, [c_void_p]),
            "retour_policy_jurisdiction": (c_char_p, [c_void_p]),
            "retour_policy_currency": (c_char_p, [c_void_p]),
            "retour_policy_currency_decimals": (c_int, [c_void_p]),
            "retour_evaluate_json": (
                c_int,
                [_c_char_p_p, ctypes.POINTER(c_size_t), c_void_p, c_char_p, c_size_t, c_int, err_p],
            ),
            "retour_string_free": (None, [ctypes.POINTER(ctypes.c_char)]),
            # The evaluator: every pointer as a plain address (c_void_p), the quickest
            # arguments ctypes converts.
            "retour_evaluator_new": (c_int, [c_void_p, c_void_p, c_void_p]),
            "retour_evaluator_free": (None, [c_void_p]),
            "retour_evaluator_evaluate_json": (
                c_int,
                [c_void_p, c_void_p, c_void_p, c_char_p, c_size_t, c_int, c_int, c_void_p],
            ),
            "retour_evaluator_evaluate_many": (
                c_int,
                [c_void_p, c_void_p, c_void_p, c_void_p, c_char_p, c_void_p, c_size_t, c_int,
                 c_int, c_void_p],
            ),
        }
        for name, (restype, argtypes) in protos.items():
            fn = getattr(lib, name)
            fn.restype = restype
            fn.argtypes = argtypes

    def _raw(self, name: str) -> Any:
        """A second function object for name without argtypes, for the hot paths: ctypes
        then converts nothing, so every argument must already be a ctypes object (pointers
        as c_void_p or byref(), sizes as c_size_t) or bytes or a small int."""
        fn = self._cdll[name]  # CDLL[...] makes a new object; getattr would share the typed one
        fn.restype = ctypes.c_int
        return fn

    # ---- thin one-to-one wrappers ---------------------------------------------------------

    @property
    def c(self) -> ctypes.CDLL:
        """The raw ctypes handle, with prototypes set (for calls this binding does not wrap)."""
        return self._cdll

    def version(self) -> str:
        """``retour_version()``: the loaded library's version string, e.g. ``"0.1.0"``."""
        v: Optional[bytes] = self._cdll.retour_version()
        return v.decode("ascii") if v else ""

    def version_number(self) -> int:
        """``retour_version_number()``: MAJOR * 10000 + MINOR * 100 + PATCH."""
        return int(self._cdll.retour_version_number())

    def strerror(self, code: int) -> str:
        """``retour_strerror()``: a constant description of a status code."""
        s: Optional[bytes] = self._cdll.retour_strerror(int(code))
        return s.decode("utf-8", "replace") if s else ""

    def format_error(self, err: CError) -> str:
        """``retour_error_format()``: ``"file:line:col: error: path: message"``."""
        size = 1024
        while True:
            buf = ctypes.create_string_buffer(size)
            n = self._cdll.retour_error_format(buf, size, ctypes.byref(err))
            if n < size:
                return buf.value.decode("utf-8", "replace")
            size = n + 1

    def __repr__(self) -> str:
        return f"<retour.Library {self.path!r} ({self.source})>"


_lock = threading.Lock()
_by_path: Dict[str, Library] = {}
_default_cache: Dict[Tuple[Optional[str], ...], LibrarySource] = {}


def _pkg_config_libdir() -> Optional[str]:
    exe = shutil.which("pkg-config")
    if exe is None:
        return None
    try:
        res = subprocess.run(
            [exe, "--variable=libdir", "retour"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            timeout=30,
            check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    if res.returncode != 0:
        return None
    libdir = res.stdout.decode("utf-8", "replace").strip()
    return libdir or None


def find_library(library: Optional[StrPath] = None) -> LibrarySource:
    """Resolves where libretour would be loaded from, without loading it.

    Follows the documented order: ``library`` argument, ``RETOUR_LIBRARY``, pkg-config,
    system loader name ``libretour.so.1``. The last step always applies, so this never
    fails; loading may.
    """
    if library is not None:
        return LibrarySource("argument", os.fspath(library))
    env = os.environ.get(ENV_VAR)
    if env:
        return LibrarySource("environment", env)
    libdir = _pkg_config_libdir()
    if libdir is not None:
        for name in (SONAME, "libretour.so"):
            candidate = os.path.join(libdir, name)
            if os.path.exists(candidate):
                return LibrarySource("pkg-config", candidate)
    return LibrarySource("system", SONAME)


def _load(where: LibrarySource) -> Library:
    # A name without a slash goes to the system loader as is (dlopen's search); a path is
    # made absolute so that the cache does not depend on the current directory.
    key = where.path if os.sep not in where.path else os.path.abspath(where.path)
    with _lock:
        lib = _by_path.get(key)
        if lib is None:
            lib = Library(key, where.how)
            _by_path[key] = lib
        return lib


def load_library(library: Union[None, StrPath, Library] = None) -> Library:
    """Returns the :class:`Library` to use, loading it on first use (then cached per path).

    ``library`` may be a :class:`Library` (returned as is), a path, or ``None`` for the
    lookup described in the module documentation. Raises :class:`LibraryNotFoundError`.
    """
    if isinstance(library, Library):
        return library
    if library is not None:
        return _load(find_library(library))
    # The default lookup runs pkg-config; remember its answer for the same environment.
    key = tuple(os.environ.get(v) for v in (ENV_VAR, "PKG_CONFIG_PATH", "PKG_CONFIG_LIBDIR", "PATH"))
    with _lock:
        where = _default_cache.get(key)
    if where is None:
        where = find_library(None)
        with _lock:
            _default_cache[key] = where
    return _load(where)


def _loaded() -> List[Library]:
    with _lock:
        return list(_by_path.values())
