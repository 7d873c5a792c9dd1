"""`pip install --no-build-isolation --no-index bindings/python` works offline, with py.typed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import unittest
from typing import Dict, Set

import support
import retour


def _has_pip_and_setuptools() -> bool:
    for code in ("import setuptools", "import pip"):
        if subprocess.run([sys.executable, "-c", code], stdout=subprocess.DEVNULL,
                          stderr=subprocess.DEVNULL, check=False).returncode != 0:
            return False
    return True


def _clean_env(**extra: str) -> Dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "RETOUR_BUILD_STDLIB")}
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    env.update(extra)
    return env


@unittest.skipUnless(_has_pip_and_setuptools(), "pip or setuptools not available")
class PipInstallTest(unittest.TestCase):
    def install(self, tmp: str, **env: str) -> str:
        # A copy of the tree, so setuptools' build/ and egg-info stay out of the source.
        src = os.path.join(tmp, "src")
        shutil.copytree(support.BINDING, src, ignore=shutil.ignore_patterns(
            "build", "dist", "*.egg-info", "__pycache__", "tests"))
        target = os.path.join(tmp, "target")
        res = subprocess.run(
            [sys.executable, "-m", "pip", "install", "--no-build-isolation", "--no-index",
             "--no-deps", "--target", target, src],
            cwd=tmp, env=_clean_env(**env), stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            check=False)
        self.assertEqual(res.returncode, 0, res.stdout.decode("utf-8", "replace"))
        return target

    def installed_files(self, target: str) -> Set[str]:
        out: Set[str] = set()
        for d, _, files in os.walk(os.path.join(target, "retour")):
            out.update(os.path.relpath(os.path.join(d, f), target) for f in files
                       if not f.endswith(".pyc"))
        return out

    def check_import(self, target: str) -> None:
        code = (
            "import retour, os, sys\n"
            "assert retour.__file__.startswith(sys.argv[1]), retour.__file__\n"
            "p = retour.Policy.from_file(sys.argv[2])\n"
            "d = p.evaluate(open(sys.argv[3], 'rb').read())\n"
            "print(d.outcome, d.refund.amount)\n"
        )
        res = subprocess.run(
            [sys.executable, "-c", code, target, support.policy_path("nl-electronics"),
             support.request_path("opened-phone.yaml")],
            cwd=target, env=_clean_env(PYTHONPATH=target), stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, check=False)
        self.assertEqual(res.returncode, 0, res.stderr.decode("utf-8", "replace"))
        self.assertEqual(res.stdout.split(), [b"accept", b"503.95"])

    def test_offline_install(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            target = self.install(tmp)
            files = self.installed_files(target)
            self.assertIn(os.path.join("retour", "py.typed"), files)
            self.assertIn(os.path.join("retour", "__init__.py"), files)
            self.check_import(target)
            with tempfile.TemporaryDirectory() as tmp2:
                # the standard-library fallback of the build backend gives the same package
                target2 = self.install(tmp2, RETOUR_BUILD_STDLIB="1")
                self.assertEqual(self.installed_files(target2), files)
                self.check_import(target2)

    def test_version_matches_pyproject(self) -> None:
        try:
            import tomllib
        except ImportError:
            self.skipTest("tomllib needs Python 3.11")
        with open(os.path.join(support.BINDING, "pyproject.toml"), "rb") as f:
            project = tomllib.load(f)["project"]
        self.assertEqual(project["version"], retour.__version__)
        self.assertEqual(project["name"], "retour")


if __name__ == "__main__":
    unittest.main()
