#!/usr/bin/env bash
# The repository explains itself: every link in the README, CONTRIBUTING.md and docs/ names a file
# inside the repository that exists (web addresses aside), and no page sends the reader to design
# papers kept outside it.
set -u
root=$(cd "$1" && pwd)
status=0
pages=("$root/README.md" "$root/CONTRIBUTING.md")
while IFS= read -r page; do pages+=("$page"); done < <(find "$root/docs" -name '*.md' | sort)
for page in "${pages[@]}"; do
    [ -f "$page" ] || { echo "missing page: ${page#"$root"/}"; status=1; continue; }
    dir=$(dirname "$page")
    while IFS= read -r target; do
        target=${target%%#*}
        target=${target%% *}
        case "$target" in ''|http://*|https://*|mailto:*) continue ;; esac
        resolved=$(realpath -m "$dir/$target")
        if [[ "$resolved" != "$root"/* ]]; then
            echo "${page#"$root"/}: links outside the repository: $target"
            status=1
        elif [ ! -e "$resolved" ]; then
            echo "${page#"$root"/}: links a file that does not exist: $target"
            status=1
        fi
    done < <(grep -oE '\]\([^)]+\)' "$page" | sed -E 's/^\]\((.*)\)$/\1/')
    hits=$(grep -nE '\.\./shared|\.\./brief|(DESIGN|STYLE|REFERENCE(-az)?)\.md' "$page" || true)
    if [ -n "$hits" ]; then
        echo "${page#"$root"/} points to documents outside the repository:"
        echo "$hits"
        status=1
    fi
done
[ $status -eq 0 ] && echo "docs ok (${#pages[@]} pages)"
exit $status
