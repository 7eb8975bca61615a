#!/bin/sh
# Rebuilds openjpeg-region.wasm: OpenJPEG 2.5.4 (https://github.com/uclouvain/openjpeg, tag v2.5.4, BSD 2-clause, see
# LICENSE) and j2k_region.c, compiled to a standalone WebAssembly module with emscripten (Debian: apt-get install
# emscripten; 3.1.6 here). Committed, like pdf.js's openjpeg.wasm, so that building the site needs no C toolchain.
#   sh vendor/openjpeg/build.sh /path/to/openjpeg-2.5.4
set -eu
SRC="$1/src/lib/openjp2"
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
printf '#ifndef OPJ_CONFIG_H_INCLUDED\n#define OPJ_CONFIG_H_INCLUDED\n#define OPJ_VERSION_MAJOR 2\n#define OPJ_VERSION_MINOR 5\n#define OPJ_VERSION_BUILD 4\n#endif\n' > "$WORK/opj_config.h"
printf '#define OPJ_PACKAGE_VERSION "2.5.4"\n#define OPJ_HAVE_POSIX_MEMALIGN\n#if !defined(_POSIX_C_SOURCE)\n#define _POSIX_C_SOURCE 200112L\n#endif\n' > "$WORK/opj_config_private.h"
# The library without its tools, tests, look-up-table generators and JPIP indexing.
FILES=$(cd "$SRC" && ls *.c | grep -v -E 'bench_dwt|generate_luts|test_sparse_array|_manager' | sed "s|^|$SRC/|")
# Debian's emscripten finds acorn in /usr/share/nodejs.
NODE_PATH=/usr/share/nodejs emcc -O3 -msimd128 -msse2 -DNDEBUG -I"$WORK" -I"$SRC" $FILES "$HERE/j2k_region.c" \
  -o "$HERE/openjpeg-region.wasm" --no-entry -s STANDALONE_WASM=1 -s ALLOW_MEMORY_GROWTH=1 -s FILESYSTEM=0
