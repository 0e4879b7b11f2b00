#!/usr/bin/env bash
# Fails when any C++ source of the project is not formatted with the repository's .clang-format.
set -u
root=$1
clang_format=$2
cd "$root" || exit 1
mapfile -t files < <(find app ui models services simulator tests bench \
    -type f \( -name '*.h' -o -name '*.cpp' \) 2>/dev/null | sort)
if [ ${#files[@]} -eq 0 ]; then
    echo "no sources found"
    exit 1
fi
if "$clang_format" --dry-run --Werror "${files[@]}"; then
    echo "format ok (${#files[@]} files)"
else
    echo "run: clang-format -i <file> (see .clang-format)"
    exit 1
fi
