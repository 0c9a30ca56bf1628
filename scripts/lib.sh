# Shared set-up for scripts/demo and scripts/test (sourced, not run).

# Qt's system libraries (xcb for a real screen, EGL/GL, fonts) and PostgreSQL for the tests.
QT_DEBIAN_PACKAGES=(libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libfontconfig1 fonts-dejavu-core
  libdbus-1-3 libglib2.0-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0)

# Building the AppImage: the runtime's compiler and static libraries, mksquashfs, the icon's SVG to PNG;
# and what its tests check it with (readelf/file, libappimage, fusermount3).
APPIMAGE_DEBIAN_PACKAGES=(gcc libc6-dev libfuse3-dev libsquashfuse-dev libzstd-dev liblz4-dev liblzma-dev
  liblzo2-dev zlib1g-dev squashfs-tools librsvg2-bin binutils file libappimage1.0abi1 fuse3)

# install_debian_packages PACKAGE…: apt-get installs the ones missing (Debian/Ubuntu only).
install_debian_packages() {
  command -v dpkg-query >/dev/null || return 0
  local missing=() package
  for package in "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing system packages: ${missing[*]}"
  local sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# install_station EXTRAS: a virtual environment in $venv with the station (and first-party plugins).
install_station() {
  local extras=$1 python=${PYTHON:-python3}
  if [ ! -x "$venv/bin/python" ]; then
    "$python" -m venv "$venv"
  fi
  local stamp="$venv/.station-installed$extras"
  if [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] || [ -n "$(find plugins -name pyproject.toml -newer "$stamp" 2>/dev/null)" ]; then
    "$venv/bin/python" -m pip install -q --upgrade pip
    "$venv/bin/python" -m pip install -q -e ".$extras"
    local plugin
    for plugin in plugins/*/; do
      [ -f "$plugin/pyproject.toml" ] && "$venv/bin/python" -m pip install -q -e "$plugin"
    done
    touch "$stamp"
  fi
}
