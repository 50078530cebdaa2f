"""Reading a package from a folder or a .zip, refusing what could hurt the server.

Everything is read into memory under caps (files, bytes per file, bytes in all, compression
ratio), so a zip bomb stops at the cap whatever its headers claim. Names must be plain relative
paths: no absolute paths, no "..", no backslashes or drive letters, no symlinks.
"""

from __future__ import annotations

import stat
import zipfile
from pathlib import Path, PurePosixPath

from packages.problems import PackageInvalid, Problem

MAX_FILES = 5000
MAX_FILE_BYTES = 20 * 1024 * 1024
MAX_TOTAL_BYTES = 200 * 1024 * 1024
MAX_RATIO = 100  # uncompressed / compressed, per file (text compresses ~5-10×)
_CHUNK = 64 * 1024


def _refuse(name: str, message: str):
    raise PackageInvalid([Problem(name or "(package)", None, message)])


def _check_name(name: str) -> str:
    if "\\" in name or name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        _refuse(name, "the package may only hold relative paths (no absolute paths)")
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".") for part in parts) or "\x00" in name:
        _refuse(name, "the package may not point outside itself (“..” in a path)")
    return str(PurePosixPath(*parts))


def read_package(source) -> dict[str, bytes]:
    """Path of a folder or .zip (or an open binary file of a zip) → {relative path: bytes}."""
    if isinstance(source, (str, Path)) and Path(source).is_dir():
        files = _read_folder(Path(source))
    else:
        files = _read_zip(source)
    if "course.yaml" not in files:
        tops = {name.split("/", 1)[0] for name in files}
        if len(tops) == 1 and f"{next(iter(tops))}/course.yaml" in files:  # zipped folder
            prefix = len(next(iter(tops))) + 1
            files = {name[prefix:]: data for name, data in files.items()}
        else:
            _refuse("course.yaml", "the package has no course.yaml at its top level")
    return files


def _read_folder(root: Path) -> dict[str, bytes]:
    files, total = {}, 0
    for path in sorted(root.rglob("*")):
        name = path.relative_to(root).as_posix()
        if path.is_symlink():
            _refuse(name, "symbolic links are not allowed in a package")
        if not path.is_file() or _hidden(name):
            continue
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            _refuse(name, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
        total += size
        if total > MAX_TOTAL_BYTES or len(files) >= MAX_FILES:
            _refuse(name, "the package is too large")
        files[name] = path.read_bytes()
    return files


def _hidden(name: str) -> bool:
    return any(part.startswith(".") or part == "__MACOSX" for part in name.split("/"))


def _read_zip(source) -> dict[str, bytes]:
    try:
        archive = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError) as error:
        _refuse("(package)", f"not a folder or a readable .zip file ({error})")
    files, total = {}, 0
    with archive:
        entries = archive.infolist()
        if len(entries) > MAX_FILES:
            _refuse("(package)", f"the zip holds more than {MAX_FILES} files")
        for info in entries:
            name = _check_name(info.filename.rstrip("/")) if info.filename.strip("/") else ""
            mode = info.external_attr >> 16
            if stat.S_ISLNK(mode):
                _refuse(info.filename, "symbolic links are not allowed in a package")
            if info.is_dir() or not name or _hidden(name):
                continue
            if info.file_size > MAX_FILE_BYTES:
                _refuse(name, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
            data = _read_capped(archive, info, name, MAX_TOTAL_BYTES - total)
            total += len(data)
            files[name] = data
    return files


def _read_capped(archive, info, name: str, budget: int) -> bytes:
    """Read one entry, stopping as soon as it exceeds a cap: the header's sizes may lie."""
    limit = min(MAX_FILE_BYTES, budget, max(info.compress_size, 1) * MAX_RATIO)
    chunks, size = [], 0
    try:
        with archive.open(info) as handle:
            while chunk := handle.read(_CHUNK):
                size += len(chunk)
                if size > limit:
                    if size > budget:
                        _refuse(name, "the package unpacks to more than the size allowed")
                    if size > MAX_FILE_BYTES:
                        _refuse(name, f"the file is larger than {MAX_FILE_BYTES // 2**20} MB")
                    _refuse(name, "the file is compressed suspiciously well (a zip bomb?)")
                chunks.append(chunk)
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError) as error:
        _refuse(name, f"the file cannot be unpacked ({error})")
    return b"".join(chunks)
