"""PEP 517 build backend for the retour binding: setuptools, with a standard-library fallback.

``pip install bindings/python`` (also ``--no-build-isolation --no-index``, with no network)
uses setuptools when it can build wheels: setuptools 70.1 or later, or an older setuptools
next to the ``wheel`` package (Debian: python3-setuptools with python3-wheel). Where only an
older setuptools is present and ``wheel`` is not, setuptools cannot make a wheel at all; the
package is pure Python, so this backend then writes the wheel itself with ``zipfile``, from
the ``[project]`` table of pyproject.toml. Both produce the same files.
"""

from __future__ import annotations

import base64
import hashlib
import os
import zipfile
from typing import Any, Dict, List, Optional, Tuple

from setuptools import build_meta as _setuptools

HERE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PACKAGE = "retour"


def _setuptools_builds_wheels() -> bool:
    if os.environ.get("RETOUR_BUILD_STDLIB"):  # force the fallback (tests)
        return False
    try:
        import setuptools.command.bdist_wheel  # noqa: F401  (setuptools >= 70.1)
        return True
    except ImportError:
        pass
    try:
        import wheel.bdist_wheel  # noqa: F401
        return True
    except ImportError:
        return False


# ---- the standard-library wheel -----------------------------------------------------------


def _project() -> Dict[str, Any]:
    try:
        import tomllib  # Python 3.11+
    except ImportError:  # pragma: no cover
        try:
            import tomli as tomllib  # type: ignore[no-redef]
        except ImportError:
            raise RuntimeError(
                "building retour needs setuptools >= 70.1, or the 'wheel' package, "
                "or Python 3.11 (tomllib)"
            ) from None
    with open(os.path.join(HERE, "pyproject.toml"), "rb") as f:
        project: Dict[str, Any] = tomllib.load(f)["project"]
    return project


def _dist_name(project: Dict[str, Any]) -> str:
    return f"{project['name'].replace('-', '_')}-{project['version']}"


def _metadata(project: Dict[str, Any]) -> str:
    lines = [
        "Metadata-Version: 2.1",
        f"Name: {project['name']}",
        f"Version: {project['version']}",
    ]
    if "description" in project:
        lines.append(f"Summary: {project['description']}")
    if "requires-python" in project:
        lines.append(f"Requires-Python: {project['requires-python']}")
    lic = project.get("license")
    if isinstance(lic, dict) and "text" in lic:
        lines.append(f"License: {lic['text']}")
    for c in project.get("classifiers", []):
        lines.append(f"Classifier: {c}")
    body = ""
    readme = project.get("readme")
    if isinstance(readme, str):
        lines.append("Description-Content-Type: text/markdown")
        with open(os.path.join(HERE, readme), encoding="utf-8") as f:
            body = f.read()
    return "\n".join(lines) + "\n\n" + body


def _wheel_file() -> str:
    return (
        "Wheel-Version: 1.0\n"
        "Generator: retour_build (standard library)\n"
        "Root-Is-Purelib: true\n"
        "Tag: py3-none-any\n"
    )


def _package_files() -> List[Tuple[str, str]]:
    """(archive name, file on disk) for the package, sorted, caches left out."""
    out = []
    root = os.path.join(HERE, PACKAGE)
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != "__pycache__")
        for name in sorted(filenames):
            if name.endswith((".py", ".typed")):
                full = os.path.join(dirpath, name)
                out.append((os.path.relpath(full, HERE).replace(os.sep, "/"), full))
    return out


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def _write_wheel(wheel_directory: str, editable: bool) -> str:
    project = _project()
    dist = _dist_name(project)
    info = f"{dist}.dist-info"
    filename = f"{dist}-py3-none-any.whl"
    entries: List[Tuple[str, bytes]] = []
    if editable:
        entries.append((f"__editable__.{dist}.pth", (HERE + "\n").encode()))
    else:
        for arcname, full in _package_files():
            with open(full, "rb") as f:
                entries.append((arcname, f.read()))
    entries.append((f"{info}/METADATA", _metadata(project).encode("utf-8")))
    entries.append((f"{info}/WHEEL", _wheel_file().encode()))
    entries.append((f"{info}/top_level.txt", f"{PACKAGE}\n".encode()))
    record = [_record_line(n, d) for n, d in entries] + [f"{info}/RECORD,,"]
    entries.append((f"{info}/RECORD", ("\n".join(record) + "\n").encode()))
    path = os.path.join(wheel_directory, filename)
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for arcname, data in entries:
            zi = zipfile.ZipInfo(arcname, date_time=(1980, 1, 1, 0, 0, 0))
            zi.external_attr = 0o644 << 16
            zi.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(zi, data)
    return filename


def _write_metadata(metadata_directory: str) -> str:
    project = _project()
    info = f"{_dist_name(project)}.dist-info"
    os.makedirs(os.path.join(metadata_directory, info), exist_ok=True)
    for name, text in (("METADATA", _metadata(project)), ("WHEEL", _wheel_file()),
                       ("top_level.txt", f"{PACKAGE}\n")):
        with open(os.path.join(metadata_directory, info, name), "w", encoding="utf-8") as f:
            f.write(text)
    return info


# ---- PEP 517 / PEP 660 hooks ------------------------------------------------------------------


def get_requires_for_build_wheel(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    if _setuptools_builds_wheels():
        return list(_setuptools.get_requires_for_build_wheel(config_settings))
    return []


def get_requires_for_build_sdist(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    return list(_setuptools.get_requires_for_build_sdist(config_settings))


def get_requires_for_build_editable(config_settings: Optional[Dict[str, Any]] = None) -> List[str]:
    if _setuptools_builds_wheels() and hasattr(_setuptools, "get_requires_for_build_editable"):
        return list(_setuptools.get_requires_for_build_editable(config_settings))
    return []


def prepare_metadata_for_build_wheel(
    metadata_directory: str, config_settings: Optional[Dict[str, Any]] = None
) -> str:
    if _setuptools_builds_wheels():
        return str(_setuptools.prepare_metadata_for_build_wheel(metadata_directory, config_settings))
    return _write_metadata(metadata_directory)


def prepare_metadata_for_build_editable(
    metadata_directory: str, config_settings: Optional[Dict[str, Any]] = None
) -> str:
    if _setuptools_builds_wheels() and hasattr(_setuptools, "prepare_metadata_for_build_editable"):
        return str(_setuptools.prepare_metadata_for_build_editable(metadata_directory, config_settings))
    return _write_metadata(metadata_directory)


def build_wheel(
    wheel_directory: str,
    config_settings: Optional[Dict[str, Any]] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    if _setuptools_builds_wheels():
        return str(_setuptools.build_wheel(wheel_directory, config_settings, metadata_directory))
    return _write_wheel(wheel_directory, editable=False)


def build_editable(
    wheel_directory: str,
    config_settings: Optional[Dict[str, Any]] = None,
    metadata_directory: Optional[str] = None,
) -> str:
    if _setuptools_builds_wheels() and hasattr(_setuptools, "build_editable"):
        return str(_setuptools.build_editable(wheel_directory, config_settings, metadata_directory))
    return _write_wheel(wheel_directory, editable=True)


def build_sdist(sdist_directory: str, config_settings: Optional[Dict[str, Any]] = None) -> str:
    return str(_setuptools.build_sdist(sdist_directory, config_settings))
