"""The documented lookup order: argument, RETOUR_LIBRARY, pkg-config, system loader."""

from __future__ import annotations

import os
import pathlib
import shutil
import subprocess
import sys
import tempfile
import unittest

import support
import retour

LIBDIR = os.path.dirname(support.LIBRARY)
MINIMAL = support.read_bytes(support.policy_path("minimal"))


def write_pc(directory: str, libdir: str) -> None:
    with open(os.path.join(directory, "retour.pc"), "w", encoding="ascii") as f:
        f.write(f"libdir={libdir}\n\nName: retour\nDescription: test\nVersion: 0.1.0\n"
                "Libs: -L${libdir} -lretour\n")


class LookupOrderTest(unittest.TestCase):
    def setUp(self) -> None:
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.empty = os.path.join(self.tmp.name, "empty")
        os.mkdir(self.empty)

    def test_argument_comes_first(self) -> None:
        with support.environ(RETOUR_LIBRARY="/nonexistent/libretour.so"):
            self.assertEqual(retour.find_library(support.LIBRARY),
                             ("argument", support.LIBRARY))
            with retour.Policy.from_string(MINIMAL, library=support.LIBRARY) as p:
                self.assertEqual(p.library.path, support.LIBRARY)
            with retour.Policy.from_string(MINIMAL, library=pathlib.Path(support.LIBRARY)) as p:
                self.assertEqual(p.currency, "EUR")

    def test_environment_before_pkg_config(self) -> None:
        write_pc(self.tmp.name, "/nonexistent/lib")
        with support.environ(RETOUR_LIBRARY=support.LIBRARY, PKG_CONFIG_PATH=self.tmp.name,
                             PKG_CONFIG_LIBDIR=self.empty):
            self.assertEqual(retour.find_library(), ("environment", support.LIBRARY))
            self.assertEqual(retour.load_library().source, "environment")

    @unittest.skipUnless(shutil.which("pkg-config"), "pkg-config not installed")
    def test_pkg_config_before_system(self) -> None:
        write_pc(self.tmp.name, LIBDIR)
        with support.environ(RETOUR_LIBRARY=None, PKG_CONFIG_PATH=self.tmp.name,
                             PKG_CONFIG_LIBDIR=self.empty):
            where = retour.find_library()
            self.assertEqual(where, ("pkg-config", os.path.join(LIBDIR, retour.SONAME)))
            lib = retour.load_library()
            self.assertEqual((lib.source, lib.path), tuple(where))
            with retour.Policy.from_string(MINIMAL) as p:
                self.assertIs(p.library, lib)
                self.assertEqual(p.jurisdiction, "NL")

    def test_system_loader_last(self) -> None:
        write_pc(self.tmp.name, os.path.join(self.tmp.name, "no-library-here"))
        with support.environ(RETOUR_LIBRARY=None, PKG_CONFIG_PATH=self.tmp.name,
                             PKG_CONFIG_LIBDIR=self.empty):
            self.assertEqual(retour.find_library(), ("system", "libretour.so.1"))
        with support.environ(RETOUR_LIBRARY="", PKG_CONFIG_PATH=self.empty,
                             PKG_CONFIG_LIBDIR=self.empty):
            self.assertEqual(retour.find_library(), ("system", "libretour.so.1"))

    def test_system_loader_loads(self) -> None:
        env = dict(os.environ, LD_LIBRARY_PATH=LIBDIR, PKG_CONFIG_PATH=self.empty,
                   PKG_CONFIG_LIBDIR=self.empty, PYTHONPATH=support.BINDING)
        env.pop("RETOUR_LIBRARY")
        code = ("import retour; p = retour.Policy.from_string(open(%r, 'rb').read()); "
                "print(p.library.source, p.library.path, retour.version()); p.close()"
                % support.policy_path("minimal"))
        out = subprocess.run([sys.executable, "-c", code], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, check=False)
        self.assertEqual(out.returncode, 0, out.stderr)
        self.assertEqual(out.stdout.split()[:2], [b"system", b"libretour.so.1"])

    def test_no_fall_through_after_a_bad_argument_or_variable(self) -> None:
        with self.assertRaises(retour.LibraryNotFoundError) as cm:
            retour.Policy.from_string(MINIMAL, library="/nonexistent/libretour.so")
        self.assertIsInstance(cm.exception, OSError)
        self.assertIn("/nonexistent/libretour.so", str(cm.exception))
        with support.environ(RETOUR_LIBRARY="/nonexistent/env/libretour.so"):
            with self.assertRaises(retour.LibraryNotFoundError) as cm:
                retour.Policy.from_string(MINIMAL)
            self.assertIn("environment", str(cm.exception))

    def test_not_a_libretour(self) -> None:
        import ctypes.util
        libc = ctypes.util.find_library("c")
        if libc is None:
            self.skipTest("no libc name")
        with self.assertRaises(retour.LibraryNotFoundError) as cm:
            retour.load_library(libc)
        self.assertIn("not a usable libretour", str(cm.exception))

    def test_library_object(self) -> None:
        lib = retour.load_library(support.LIBRARY)
        self.assertIs(retour.load_library(support.LIBRARY), lib)
        self.assertIs(retour.load_library(lib), lib)
        defines = support.header_defines()
        self.assertEqual(lib.version(), defines["RETOUR_VERSION_STRING"].strip('"'))
        self.assertEqual(lib.version_number(), int(defines["RETOUR_VERSION_NUMBER"]))
        self.assertEqual(retour.version(lib), lib.version())
        self.assertEqual(lib.strerror(-8), "request does not fit the policy")
        with retour.Policy.from_string(MINIMAL, library=lib) as p:
            self.assertIs(p.library, lib)
        self.assertIn(support.LIBRARY, repr(lib))


if __name__ == "__main__":
    unittest.main()
