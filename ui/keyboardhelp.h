#pragma once

#include <QDialog>
#include <QKeySequence>
#include <QList>
#include <QString>

#include <functional>

class QAction;
class QWidget;

namespace Station {

// Keys as the station shows them: in tooltips ("Start every fixture (F5)"), on actions a page
// owns, and in the keyboard help. GUI thread.
namespace Keys {

// The key in the platform's words and the UI language ("Strg+O" in German).
QString text(const QKeySequence &key);
// "tip (key)": a tooltip that names its key.
QString withKey(const QString &tip, const QKeySequence &key);
// An action on `owner` with `key`, active while the focus is in owner or its children (a page's
// keys stay on the page), its tooltip naming the key; its data() is the tooltip without the key,
// for the keyboard help.
QAction *addPageAction(QWidget *owner,
    const QString &text,
    const QString &toolTip,
    const QKeySequence &key,
    std::function<void()> slot);

} // namespace Keys

// The keyboard help page: every key of the station and what it does, in two columns. GUI thread.
class KeyboardHelpDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(KeyboardHelpDialog)

public:
    struct Entry
    {
        QString keys;
        QString action;
    };

    KeyboardHelpDialog(const QList<Entry> &entries, QWidget *parent = nullptr);
    ~KeyboardHelpDialog() override;
};

} // namespace Station
