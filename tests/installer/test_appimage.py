"""The Linux AppImage: our type 2 runtime and installer/build-appimage, on a tiny stub payload.

Builds the runtime and the AppImage twice (the bytes must match), then runs the image the way a
user on another account would: as a non-root user (created with useradd when the suite runs as
root), from its own directory, without FUSE (extract-and-run) and, where /dev/fuse is usable, mounted.
"""

import ctypes
import ctypes.util
import hashlib
import os
import pwd
import shutil
import struct
import subprocess
import tempfile
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
VERSION = next(
    line.split('"')[1]
    for line in (REPO / "station" / "__init__.py").read_text().splitlines()
    if line.startswith("__version__")
)
IMAGE_NAME = f"Station-{VERSION}-x86_64.AppImage"
TEST_USER = "station-appimage"
TOOLS = ("gcc", "mksquashfs", "rsvg-convert", "readelf", "file")
STATIC_LIBRARIES = ("libfuse3.a", "libsquashfuse_ll.a", "libzstd.a", "liblzo2.a")


def _missing_tools() -> list[str]:
    missing = [tool for tool in TOOLS if shutil.which(tool) is None]
    libdir = Path("/usr/lib/x86_64-linux-gnu")
    missing += [lib for lib in STATIC_LIBRARIES if not (libdir / lib).exists()]
    return missing


def _skip_or_fail(reason: str) -> None:
    # scripts/test (CI) installs every tool: there a missing one is a failure, not a skip.
    if os.environ.get("STATION_TEST_REQUIRE_PG") or os.environ.get("CI"):
        pytest.fail(reason)
    pytest.skip(reason)


def _test_user() -> str | None:
    """The account the image runs as: a dedicated non-root user when we are root, else ourselves."""
    if os.geteuid() != 0:
        return None
    try:
        pwd.getpwnam(TEST_USER)
    except KeyError:
        subprocess.run(
            ["useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", TEST_USER],
            check=True,
        )
    return TEST_USER


def _as_user(command: list[str], cwd: Path, env: dict[str, str] | None = None):
    """Runs COMMAND as the test user with a clean environment (HOME, TMPDIR inside CWD)."""
    user = _test_user()
    tmp = cwd / "tmp"
    tmp.mkdir(exist_ok=True)
    base_env = {"PATH": "/usr/bin:/bin", "HOME": str(cwd), "TMPDIR": str(tmp), "LANG": "C.UTF-8"}
    base_env.update(env or {})
    if user:
        shutil.chown(cwd, user)
        shutil.chown(tmp, user)
        env_args = [f"{key}={value}" for key, value in base_env.items()]
        command = ["runuser", "-u", user, "--", "env", "-i", *env_args, *command]
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=60)
    return subprocess.run(command, cwd=cwd, env=base_env, capture_output=True, text=True, timeout=60)


@pytest.fixture(scope="module")
def builds():
    missing = _missing_tools()
    if missing:
        _skip_or_fail(f"AppImage tools missing (scripts/test installs them): {', '.join(missing)}")
    # World-readable, unlike pytest's tmp_path, so the non-root user can reach the image.
    root = Path(tempfile.mkdtemp(prefix="station-appimage-"))
    root.chmod(0o755)
    images = []
    for attempt in ("first", "second"):
        result = subprocess.run(
            [str(REPO / "installer" / "build-appimage"), "--stub", "--output", str(root / attempt)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        image = Path(result.stdout.strip().splitlines()[-1])
        assert image == root / attempt / IMAGE_NAME
        images.append(image)
    yield images
    shutil.rmtree(root)


@pytest.fixture
def workdir():
    """An empty world-readable directory where the test user runs the image."""
    path = Path(tempfile.mkdtemp(prefix="station-appimage-run-"))
    path.chmod(0o755)
    yield path
    shutil.rmtree(path)


def _elf_end(data: bytes) -> int:
    """Where the ELF ends: section header table or the last segment, whichever is later."""
    assert data[:4] == b"\x7fELF" and data[4] == 2, "a 64-bit ELF"
    phoff, shoff = struct.unpack_from("<QQ", data, 0x20)
    phentsize, phnum, shentsize, shnum = struct.unpack_from("<HHHH", data, 0x36)
    end = shoff + shentsize * shnum
    for index in range(phnum):
        offset, _vaddr, _paddr, filesz = struct.unpack_from("<QQQQ", data, phoff + index * phentsize + 8)
        end = max(end, offset + filesz)
    return end


def test_the_same_inputs_give_the_same_bytes(builds):
    first, second = (hashlib.sha256(image.read_bytes()).hexdigest() for image in builds)
    assert first == second


def test_the_image_is_an_elf_with_the_appimage_magic_and_the_squashfs_after_it(builds, workdir):
    image = builds[0]
    data = image.read_bytes()
    assert data[8:11] == b"AI\x02"
    assert "ELF 64-bit LSB executable, x86-64" in subprocess.check_output(["file", "-b", str(image)], text=True)
    header = subprocess.run(["readelf", "-h", "-S", str(image)], capture_output=True, text=True, check=True)
    assert "Class:                             ELF64" in header.stdout
    assert ".upd_info" in header.stdout and ".sha256_sig" in header.stdout
    assert header.stderr == ""

    offset = _as_user([str(image), "--appimage-offset"], workdir)
    assert offset.returncode == 0, offset.stderr
    assert int(offset.stdout) == _elf_end(data)
    assert data[int(offset.stdout) : int(offset.stdout) + 4] == b"hsqs"

    version = _as_user([str(image), "--appimage-version"], workdir)
    assert version.returncode == 0 and version.stdout.startswith("Version: station-runtime-")


def test_libappimage_reports_type_2_and_lists_the_appdir(builds):
    name = ctypes.util.find_library("appimage") or "libappimage.so.1.0abi1"
    try:
        library = ctypes.CDLL(name)
    except OSError:
        _skip_or_fail("libappimage is not installed (Debian: libappimage1.0abi1)")
    library.appimage_get_type.restype = ctypes.c_int
    library.appimage_get_type.argtypes = [ctypes.c_char_p, ctypes.c_bool]
    library.appimage_list_files.restype = ctypes.POINTER(ctypes.c_char_p)
    library.appimage_list_files.argtypes = [ctypes.c_char_p]
    path = str(builds[0]).encode()
    assert library.appimage_get_type(path, False) == 2
    listing = library.appimage_list_files(path)
    files = set()
    for index in range(10_000):
        if not listing[index]:
            break
        files.add(listing[index].decode())
    for expected in ("AppRun", "station.desktop", "station.png", ".DirIcon", "usr/lib/station/station"):
        assert expected in files


def test_extract_gives_the_appdir_with_desktop_entry_icon_and_metainfo(builds, workdir):
    result = _as_user([str(builds[0]), "--appimage-extract"], workdir)
    assert result.returncode == 0, result.stderr
    root = workdir / "squashfs-root"
    station = root / "usr" / "lib" / "station" / "station"
    assert os.access(station, os.X_OK) and "STATION READY" in station.read_text()
    assert os.access(root / "AppRun", os.X_OK)
    assert os.readlink(root / ".DirIcon") == "station.png"
    png = (root / "station.png").read_bytes()
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and struct.unpack(">II", png[16:24]) == (256, 256)
    desktop = (root / "station.desktop").read_text()
    assert "Exec=station" in desktop and "Icon=station" in desktop
    metainfo = ET.parse(root / "usr" / "share" / "metainfo" / "station.appdata.xml").getroot()
    assert metainfo.find("launchable").text == "station.desktop"
    assert metainfo.find("releases/release").get("version") == VERSION
    if os.geteuid() == 0:
        assert station.stat().st_uid == pwd.getpwnam(TEST_USER).pw_uid


def test_extract_with_a_pattern_writes_only_the_matching_files(builds, workdir):
    result = _as_user([str(builds[0]), "--appimage-extract", "usr/share/metainfo/*"], workdir)
    assert result.returncode == 0, result.stderr
    extracted = sorted(str(path.relative_to(workdir)) for path in workdir.rglob("*") if path.is_file())
    assert extracted == ["squashfs-root/usr/share/metainfo/station.appdata.xml"]


@pytest.mark.parametrize("how", ["variable", "option"])
def test_extract_and_run_starts_the_app_and_cleans_up(builds, workdir, how):
    image = str(builds[0])
    if how == "variable":
        result = _as_user([image, "--smoke"], workdir, {"APPIMAGE_EXTRACT_AND_RUN": "1"})
    else:
        result = _as_user([image, "--appimage-extract-and-run", "--smoke"], workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["STATION READY", "arguments: --smoke"]
    assert list((workdir / "tmp").iterdir()) == [], "the extracted copy is removed afterwards"


def test_the_app_sees_the_runtime_variables(workdir):
    payload = workdir / "payload"
    payload.mkdir()
    (payload / "station").write_text('#!/bin/sh\necho "$APPIMAGE|$ARGV0|$OWD|$APPDIR"\n')
    (payload / "station").chmod(0o755)
    built = subprocess.run(
        [str(REPO / "installer" / "build-appimage"), "--payload", str(payload), "--output", str(workdir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert built.returncode == 0, built.stderr
    (workdir / IMAGE_NAME).rename(workdir / "renamed.AppImage")
    result = _as_user(["./renamed.AppImage", "--appimage-extract-and-run"], workdir)
    assert result.returncode == 0, result.stderr
    appimage, argv0, owd, appdir = result.stdout.strip().split("|")
    assert (appimage, argv0, owd) == (str(workdir / "renamed.AppImage"), "./renamed.AppImage", str(workdir))
    assert Path(appdir).parent == workdir / "tmp" and Path(appdir).name.startswith("appimage_extracted_")


def test_an_unknown_option_is_refused_with_a_clear_message(builds, workdir):
    result = _as_user([str(builds[0]), "--appimage-frobnicate"], workdir)
    assert result.returncode == 1
    assert "unknown option --appimage-frobnicate" in result.stderr


def _unmounted_soon(image: Path) -> bool:
    """The FUSE server unmounts once the app has exited; give it a moment."""
    for _ in range(50):
        if f"{image} " not in Path("/proc/mounts").read_text():
            return True
        time.sleep(0.1)
    return False


def _fuse_usable_by(user: str | None) -> str | None:
    """None when USER can mount with FUSE here, else why not."""
    fuse = Path("/dev/fuse")
    if not fuse.exists():
        return "/dev/fuse does not exist on this machine"
    if user is None and os.geteuid() == 0:
        try:
            os.close(os.open(fuse, os.O_RDWR))
        except OSError as error:
            return f"/dev/fuse does not open here: {error.strerror}"
        return None
    mode = fuse.stat().st_mode
    if mode & 0o006 != 0o006:
        return f"/dev/fuse is mode {oct(mode & 0o777)}: a non-root user cannot open it here"
    if shutil.which("fusermount3") is None:
        return "fusermount3 (Debian: fuse3) is not installed"
    return None


def test_mounted_with_fuse_it_runs_the_app(builds, workdir):
    reason = _fuse_usable_by(_test_user())
    if reason:
        pytest.skip(f"FUSE mount not testable as a non-root user: {reason}")
    result = _as_user([str(builds[0]), "--smoke"], workdir)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["STATION READY", "arguments: --smoke"]
    assert _unmounted_soon(builds[0]), "the image is unmounted when the app exits"


def test_mounted_with_fuse_as_root_it_runs_the_app_and_unmounts(builds, workdir):
    if os.geteuid() != 0:
        pytest.skip("runs as root only (the non-root mount has its own test)")
    reason = _fuse_usable_by(None)
    if reason:
        pytest.skip(f"FUSE mount not testable: {reason}")
    env = {"PATH": "/usr/bin:/bin", "TMPDIR": str(workdir)}
    result = subprocess.run([str(builds[0]), "--smoke"], env=env, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["STATION READY", "arguments: --smoke"]
    assert _unmounted_soon(builds[0]), "the image is unmounted when the app exits"


def test_without_fuse_it_says_how_to_run_anyway(builds, workdir):
    reason = _fuse_usable_by(_test_user())
    if reason is None:
        pytest.skip("FUSE works for this user here: the mount test covers the normal start")
    result = _as_user([str(builds[0]), "--smoke"], workdir)
    assert result.returncode == 1
    assert f"cannot mount {builds[0]} with FUSE" in result.stderr
    assert "--appimage-extract-and-run" in result.stderr and "APPIMAGE_EXTRACT_AND_RUN=1" in result.stderr
    assert list((workdir / "tmp").iterdir()) == [], "the mount point is removed again"


def test_a_runtime_without_an_image_names_the_offset_it_looked_at(builds, workdir):
    data = builds[0].read_bytes()
    offset = _elf_end(data)
    broken = workdir / "broken.AppImage"
    broken.write_bytes(data[:offset] + b"not a squashfs image")
    broken.chmod(0o755)
    result = _as_user([str(broken), "--appimage-extract"], workdir)
    assert result.returncode == 1
    assert f"{broken} has no readable squashfs image at offset {offset}" in result.stderr
