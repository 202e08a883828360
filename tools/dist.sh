#!/bin/sh
# tools/dist.sh BUILD_DIR OUT_DIR: the release bundle rtlint-VERSION-linux-x64
# (a folder and its .tar.gz) from a build configured with RTLINT_STATIC_DEPS
# (`make dist`). The libraries not linked statically are copied into lib/ and
# every object's run path points there relative to itself ($ORIGIN), so the
# bundle runs from wherever it is unpacked, without the build's libraries.
# The C library's own parts stay the system's: they must match its ld.so.
set -eu
build=$1
out=$2
version=$("$build/rtlint" --version | awk '{print $2}')
name="rtlint-$version-linux-x64"
stage="$out/$name"
rm -rf "$stage" "$stage.tar.gz"
mkdir -p "$stage/bin" "$stage/lib" "$stage/share/doc/rtlint/third-party"

cp "$build/rtlint" "$stage/bin/rtlint"
strip --strip-unneeded "$stage/bin/rtlint"
# shellcheck disable=SC2016 # $ORIGIN is for the loader, not the shell
patchelf --set-rpath '$ORIGIN/../lib' "$stage/bin/rtlint"

libc_part() {
  case "$1" in
  libc.so.* | libm.so.* | libpthread.so.* | libdl.so.* | librt.so.* | libresolv.so.* | \
    ld-linux*.so.* | linux-vdso.so.*) return 0 ;;
  esac
  return 1
}

# ldd gives the whole closure (a bundled library's own needs too).
ldd "$stage/bin/rtlint" | awk '$2 == "=>" && $3 ~ /^\// {print $1, $3}' | while read -r soname path; do
  libc_part "$soname" && continue
  cp -L "$path" "$stage/lib/$soname"
  chmod 644 "$stage/lib/$soname"
  # shellcheck disable=SC2016
  patchelf --set-rpath '$ORIGIN' "$stage/lib/$soname"
  { dpkg -S "$path" 2>/dev/null || dpkg -S "/usr$path" 2>/dev/null; } | head -1 | cut -d: -f1 >>"$stage/.packages"
done

# The licences of everything inside: the bundled libraries' and the static
# archives' Debian packages.
if [ -f "$build/static_archives.txt" ]; then
  while read -r archive; do
    [ -n "$archive" ] && dpkg -S "$archive" 2>/dev/null | head -1 | cut -d: -f1 >>"$stage/.packages"
  done <"$build/static_archives.txt"
fi
{
  echo "rtlint $version for linux-x64 (glibc $(objdump -T "$stage/bin/rtlint" "$stage"/lib/*.so* 2>/dev/null |
    grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1) or newer)."
  echo "Built on Debian with these packages' libraries inside (licences in share/doc/rtlint/third-party):"
  sort -u "$stage/.packages" | while read -r pkg; do
    echo "  $pkg $(dpkg-query -W -f='${Version}' "$pkg" 2>/dev/null)"
    cp -L "/usr/share/doc/$pkg/copyright" "$stage/share/doc/rtlint/third-party/$pkg.copyright" 2>/dev/null || true
  done
  # The parser comes from npm (grammar/package-lock.json), compiled in.
  echo "Built from these npm packages' C sources (licences in the same folder):"
  for pkg in tree-sitter tree-sitter-typescript; do
    dir=grammar/node_modules/$pkg
    echo "  $pkg $(sed -n 's/^  "version": "\(.*\)",$/\1/p' "$dir/package.json")"
    cp "$dir/LICENSE" "$stage/share/doc/rtlint/third-party/$pkg.LICENSE"
  done
} >"$stage/share/doc/rtlint/BUNDLE.txt"
rm -f "$stage/.packages"
cp README.md "$stage/share/doc/rtlint/README.md"

tar -C "$out" --sort=name --owner=0 --group=0 --numeric-owner -czf "$stage.tar.gz" "$name"
echo "dist: $stage.tar.gz ($(du -k "$stage.tar.gz" | cut -f1) KiB)"

# The npm package dist/rtlint-VERSION.tgz: npm/ (package.json with the bin
# entry, the launcher) and the bundle in native/linux-x64. No dependencies and
# no scripts: `npm install` of it works offline and runs nothing.
pkg="$out/npm-package"
rm -rf "$pkg" "$out/rtlint-$version.tgz"
cp -R npm "$pkg"
mkdir -p "$pkg/native"
cp -R "$stage" "$pkg/native/linux-x64"
(cd "$pkg" && npm pkg set version="$version" >/dev/null &&
  npm pack --silent --pack-destination "$(cd .. && pwd)" >/dev/null)
rm -rf "$pkg"
echo "dist: $out/rtlint-$version.tgz ($(du -k "$out/rtlint-$version.tgz" | cut -f1) KiB)"
