#!/usr/bin/env bash
# Fails when a file under services/ or models/ includes a widget header, QtWidgets or ui/,
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
