#!/usr/bin/env bash
# Builds jwtlint's release for this machine's architecture:
#   dist/jwtlint-VERSION-ARCH-linux.tar.gz   jwtlint-VERSION-ARCH-linux/bin/{jwtlint,jwtlint-serve}, LICENSES/, README
#   dist/jwtlint-VERSION-ARCH-linux.tar.gz.sha256
#   dist/jwtlint-VERSION.artifactbundle.zip       jwtlint.artifactbundle/: info.json and the same binaries, for SwiftPM
#   dist/jwtlint-VERSION.artifactbundle.zip.sha256  its SHA-256, which is also SwiftPM's checksum of the zip
#   dist/jwtlint-plugin/                          a Swift package: the command plugin (`swift package jwtlint ...`)
#                                                 on the binary in its own jwtlint.artifactbundle (Plugins/)
# Both binaries are linked statically against the Swift runtime and Foundation, libcrypto and libssl (OpenSSL), jansson and
# libstdc++/libgcc, so that they need nothing but glibc (libc, libm); the script checks that with ldd. VERSION is
# JWTLintVersion.current (Sources/JWTLint/JWTLintVersion.swift), the one place a release stamps.
#
# Usage: bash Scripts/release.sh [--out DIR]     (default DIR: dist)
# Cross builds (aarch64 from x86_64) need a Swift SDK for the target, which this script does not install.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/dist"
while (($#)); do
    case "$1" in
        --out) out="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "release.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
cd "$root"
bash .ci/setup --build
command -v gcc >/dev/null || { echo "release.sh: gcc is needed (for libstdc++.a)" >&2; exit 2; }

source Scripts/release-common.sh
version="$(jwtlint_version "$root")"
[[ $version =~ ^[0-9]+\.[0-9]+\.[0-9]+$ ]] || { echo "release.sh: no version in Sources/JWTLint/JWTLintVersion.swift" >&2; exit 2; }
arch="$(uname -m)"
multiarch="$(gcc -print-multiarch)"
name="jwtlint-$version-$arch-linux"
scratch="$root/.build-release"
static="$scratch/static"
rm -rf "$static"
mkdir -p "$static/pkgconfig" "$static/lib"

# The C libraries as archives: pkg-config files that name the archives, and a library folder searched first that
# holds only archives (for the -lcrypto the module map asks for, and libstdc++).
libdir="/usr/lib/$multiarch"
for archive in "$libdir/libcrypto.a" "$libdir/libssl.a" "$libdir/libjansson.a" "$(gcc -print-file-name=libstdc++.a)"; do
    [ -f "$archive" ] || { echo "release.sh: $archive is missing (libssl-dev, libjansson-dev, libstdc++-dev)" >&2; exit 2; }
    ln -sf "$archive" "$static/lib/"
done
cat > "$static/pkgconfig/libcrypto.pc" <<PC
Name: libcrypto (static)
Description: OpenSSL's libcrypto as an archive, for the release
Version: $(pkg-config --modversion libcrypto)
Libs: $libdir/libcrypto.a -ldl -pthread
Cflags: $(pkg-config --cflags libcrypto)
PC
cat > "$static/pkgconfig/libssl.pc" <<PC
Name: libssl (static)
Description: OpenSSL's libssl as an archive, for the release (jwtlint notify's https)
Version: $(pkg-config --modversion libssl)
Libs: $libdir/libssl.a $libdir/libcrypto.a -ldl -pthread
Cflags: $(pkg-config --cflags libssl)
PC
cat > "$static/pkgconfig/jansson.pc" <<PC
Name: jansson (static)
Description: jansson as an archive, for the release
Version: $(pkg-config --modversion jansson)
Libs: $libdir/libjansson.a
Cflags: $(pkg-config --cflags jansson)
PC

flags=(-c release --static-swift-stdlib --scratch-path "$scratch"
       -Xlinker --as-needed -Xlinker -L"$static/lib"
       -Xswiftc -Xclang-linker -Xswiftc -static-libgcc
       # Position-dependent, as the benchmark's build: no relocation of Swift metadata at start-up.
       -Xswiftc -Xclang-linker -Xswiftc -no-pie)
stage="$scratch/stage/$name"
rm -rf "$scratch/stage"
mkdir -p "$stage/bin" "$stage/LICENSES"
for product in jwtlint jwtlint-serve; do
    echo "release.sh: building $product" >&2
    # Relink every time: SwiftPM does not relink when only linker flags change.
    rm -f "$scratch/release/$product"
    PKG_CONFIG_PATH="$static/pkgconfig" swift build "${flags[@]}" --product "$product" >&2
    binary="$scratch/release/$product"
    unexpected="$(ldd "$binary" | awk '{print $1}' | grep -vE '^(linux-vdso\.so\.1|libc\.so\.6|libm\.so\.6|/lib64/ld-linux-x86-64\.so\.2|/lib/ld-linux-aarch64\.so\.1)$' || true)"
    if [ -n "$unexpected" ]; then
        echo "release.sh: $product needs more than glibc: $unexpected" >&2
        exit 1
    fi
    strip -o "$stage/bin/$product" "$binary"
done

# The licences of everything the binaries link.
swift_share="$(dirname "$(dirname "$(readlink -f "$(command -v swift)")")")/share/swift"
cp "$swift_share/LICENSE.txt" "$stage/LICENSES/swift.txt"
cp /usr/share/doc/libssl3/copyright "$stage/LICENSES/openssl.txt"
cp /usr/share/doc/libjansson4/copyright "$stage/LICENSES/jansson.txt"
cp "/usr/share/doc/$(dpkg -S "$(gcc -print-file-name=libstdc++.a)" 2>/dev/null | cut -d: -f1 | head -1)/copyright" "$stage/LICENSES/libstdc++.txt" 2>/dev/null \
    || cp /usr/share/doc/libstdc++6/copyright "$stage/LICENSES/libstdc++.txt"
for checkout in "$scratch"/checkouts/*; do
    license="$(ls "$checkout"/LICENSE* "$checkout"/License* 2>/dev/null | head -1 || true)"
    [ -n "$license" ] && cp "$license" "$stage/LICENSES/$(basename "$checkout").txt"
done
cat > "$stage/README" <<TEXT
jwtlint $version for Linux ($arch): verifies and lints the JWS of an App Store integration.

bin/jwtlint         the command (jwtlint --help); put it on PATH
bin/jwtlint-serve   the local App Store Server API that 'jwtlint serve' runs; keep it beside jwtlint
LICENSES/           the licences of what the binaries link

Both binaries need only glibc. Documentation: the README of the source repository.
TEXT

mkdir -p "$out"
tarball="$out/$name.tar.gz"
tar -C "$scratch/stage" --owner=0 --group=0 --numeric-owner -czf "$tarball" "$name"
(cd "$out" && sha256sum "$name.tar.gz" > "$name.tar.gz.sha256")

# The artifact bundle (SwiftPM's format for a binary tool): info.json names the executable and the platform it
# runs on; jwtlint-serve and the licences travel beside jwtlint, so that `jwtlint serve` finds its server.
bundle="$scratch/bundle/jwtlint.artifactbundle"
rm -rf "$scratch/bundle"
mkdir -p "$bundle"
cp -r "$stage" "$bundle/$name"
triple="$arch-unknown-linux-gnu"
cat > "$bundle/info.json" <<JSON
{
  "schemaVersion": "1.0",
  "artifacts": {
    "jwtlint": {
      "version": "$version",
      "type": "executable",
      "variants": [
        { "path": "$name/bin/jwtlint", "supportedTriples": ["$triple"] }
      ]
    }
  }
}
JSON
zipfile="jwtlint-$version.artifactbundle.zip"
rm -f "$out/$zipfile"
(cd "$scratch/bundle" && TZ=UTC find jwtlint.artifactbundle -exec touch -h -d "@0" {} + && zip -qrX -y "$out/$zipfile" jwtlint.artifactbundle)
(cd "$out" && sha256sum "$zipfile" > "$zipfile.sha256")

# The plugin package: the command plugin of this repository (Plugins/JWTLintCommand) on the bundle, by path. Use it
# by path, or publish it as a repository of its own; to host the bundle instead, replace the binary target's path
# with url: and the zip's checksum (its .sha256).
plugin="$out/jwtlint-plugin"
rm -rf "$plugin"
mkdir -p "$plugin/Plugins"
cp -r Plugins/JWTLintCommand "$plugin/Plugins/"
cp -r "$bundle" "$plugin/"
cat > "$plugin/Package.swift" <<SWIFT
// swift-tools-version: 6.0
import PackageDescription

// jwtlint $version as a SwiftPM command plugin: 'swift package jwtlint lint ...' in a package that depends on
// this one runs the release binary (Linux, $arch) in that package's folder. Made by jwtlint's Scripts/release.sh.
let package = Package(
    name: "jwtlint-plugin",
    products: [
        .plugin(name: "JWTLintCommand", targets: ["JWTLintCommand"]),
    ],
    targets: [
        .binaryTarget(name: "jwtlint", path: "jwtlint.artifactbundle"),
        .plugin(
            name: "JWTLintCommand",
            capability: .command(intent: .custom(
                verb: "jwtlint",
                description: "Runs jwtlint (lint, diagnose, decode, rules, ...) in the package's folder; 'swift package jwtlint --help' lists them"
            )),
            dependencies: ["jwtlint"]
        ),
    ]
)
SWIFT
echo "$tarball"
