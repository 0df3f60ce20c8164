#!/bin/sh
# build.sh OUT: build a static riscv64 busybox into OUT (e.g. build/busybox/busybox), cached: nothing
# is done when OUT exists. Debian 12 has no riscv64 packages, so this cross-builds Debian's own
# source package with riscv64-linux-gnu-gcc and Debian's busybox-static configuration, changing one
# setting: BUSYBOX_EXEC_PATH is "/busybox" (the ramdisk file) instead of "/proc/self/exe", since there
# is no /proc yet; the shell runs applets from it (FEATURE_SH_STANDALONE).
# Needs apt-get source: a deb-src line for the Debian archive this machine already uses is added
# (as /etc/apt/sources.list.d/debian-src.sources) when none is configured.
set -eu
out=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
[ -x "$out" ] && exit 0
dir=$(dirname "$out")/src
mkdir -p "$dir"
dir=$(cd "$dir" && pwd)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo=sudo
if ! ls "$dir"/busybox-*/Makefile >/dev/null 2>&1; then
	if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
		echo "busybox: adding a deb-src line for Debian's archive" >&2
		if [ -f /etc/apt/sources.list.d/debian.sources ]; then     # deb822 (Debian 12's default)
			sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources |
				$sudo tee /etc/apt/sources.list.d/debian-src.sources >/dev/null
		else                                                    # one-line sources.list
			sed -n 's/^deb /deb-src /p' /etc/apt/sources.list |
				$sudo tee /etc/apt/sources.list.d/debian-src.list >/dev/null
		fi
		$sudo apt-get update -qq >&2
	fi
	command -v dpkg-source >/dev/null || $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dpkg-dev >&2
	echo "busybox: fetching Debian's source package" >&2
	(cd "$dir" && apt-get source -qq busybox >&2)
fi
src=$(ls -d "$dir"/busybox-*/ | head -1)
cd "$src"
sed -e 's|^CONFIG_BUSYBOX_EXEC_PATH=.*|CONFIG_BUSYBOX_EXEC_PATH="/busybox"|' debian/config/pkg/static > .config
echo "busybox: cross-building (static, riscv64-linux-gnu-gcc); this takes a few minutes" >&2
make CROSS_COMPILE=riscv64-linux-gnu- oldconfig </dev/null >/dev/null
make -j"$(nproc)" CROSS_COMPILE=riscv64-linux-gnu- busybox >build.log 2>&1 || { tail -20 build.log >&2; exit 1; }
cp busybox "$out"
