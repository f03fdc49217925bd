#!/usr/bin/env bash
# Fails, naming the files, when clang-format would change any C++ source of the project.
set -euo pipefail
cd "$1"
mapfile -t files < <(find app broker ui tests -name '*.cpp' -o -name '*.h' | grep -v '/corpus/' | sort)
bad=()
for f in "${files[@]}"; do
    clang-format --dry-run --Werror "$f" > /dev/null 2>&1 || bad+=("$f")
done
if [ ${#bad[@]} -gt 0 ]; then
    echo "clang-format would change: ${bad[*]}"
    exit 1
fi
echo "${#files[@]} files formatted"
