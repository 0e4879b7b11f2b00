#!/usr/bin/env bash
# Fails when a file under services/ or models/ includes a widget header, QtWidgets or ui/, when a
# services/ area includes an area it may not (the table below),
# or when services/ includes models/. Linking alone does not catch <QtWidgets/QWidget>.
set -u
root=$1
status=0
widgets='#[[:space:]]*include[[:space:]]*[<"](QtWidgets|QWidget|QDialog|QMessageBox|QApplication|QMainWindow|QLabel|QPushButton|QAbstractItemView|QStyledItemDelegate|ui/)'
for layer in services models; do
    [ -d "$root/$layer" ] || continue
    hits=$(grep -rnE "$widgets" "$root/$layer" --include='*.h' --include='*.cpp' || true)
    if [ -n "$hits" ]; then
        echo "$layer/ must not include widgets or ui/:"
        echo "$hits"
        status=1
    fi
done
if [ -d "$root/services" ]; then
    hits=$(grep -rnE '#[[:space:]]*include[[:space:]]*"models/' "$root/services" --include='*.h' --include='*.cpp' || true)
    if [ -n "$hits" ]; then
        echo "services/ must not include models/:"
        echo "$hits"
        status=1
    fi
fi
# services/ by area: each area includes only itself and the areas named here (from the bottom up,
# as docs/architecture.md draws them). The record and the recipe know nothing of steps or station.
declare -A allowed=(
    [base]=""
    [process]="base"
    [config]="base azsphere"
    [run]="base process"
    [hardware]="base process run"
    [azsphere]="base process"
    [rf]="base process azsphere"
    [recipe]="base process azsphere hardware"
    [records]="base process run"
    [auth]="base process run records"
    [plant]="base process config run records auth"
    [steps]="base process config run hardware azsphere rf recipe"
    [station]="base process config run hardware azsphere rf recipe records auth plant steps"
)
if [ -d "$root/services" ]; then
    for dir in "$root"/services/*/; do
        area=$(basename "$dir")
        if [ -z "${allowed[$area]+set}" ]; then
            echo "services/$area/ is not an area the layering rule knows: add it to check_layering.sh"
            status=1
            continue
        fi
        while IFS= read -r hit; do
            [ -n "$hit" ] || continue
            used=$(sed -E 's/.*#[[:space:]]*include[[:space:]]*"services\/([a-z_]+)\/.*/\1/' <<<"$hit")
            if [ "$used" != "$area" ] && ! [[ " ${allowed[$area]} " == *" $used "* ]]; then
                echo "services/$area/ must not include services/$used/: $hit"
                status=1
            fi
        done < <(grep -rnE '#[[:space:]]*include[[:space:]]*"services/' "$dir" --include='*.h' --include='*.cpp' || true)
    done
    loose=$(find "$root/services" -maxdepth 1 -name '*.h' -o -maxdepth 1 -name '*.cpp')
    if [ -n "$loose" ]; then
        echo "every services/ source belongs to an area folder:"
        echo "$loose"
        status=1
    fi
fi
# The simulator is a black-box peer: it shares no code with the station.
if [ -d "$root/simulator" ]; then
    hits=$(grep -rnE '#[[:space:]]*include[[:space:]]*"(services|models|ui|app)/' "$root/simulator" || true)
    if [ -n "$hits" ]; then
        echo "simulator/ must not include station code:"
        echo "$hits"
        status=1
    fi
fi
[ $status -eq 0 ] && echo "layering ok"
exit $status
