#include "ui/keyboardhelp.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QWidget>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace Keys {

QString text(const QKeySequence &key)
{
    return key.toString(QKeySequence::NativeText);
}

QString withKey(const QString &tip, const QKeySequence &key)
{
    if (key.isEmpty())
        return tip;
    //: A tooltip with its key: "Start every fixture that holds an idle device (F5)"
    return KeyboardHelpDialog::tr("%1 (%2)").arg(tip, text(key));
}

QAction *addPageAction(QWidget *owner,
    const QString &text,
    const QString &toolTip,
    const QKeySequence &key,
    std::function<void()> slot)
{
    auto *action = new QAction(text, owner);
    action->setShortcut(key);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    action->setToolTip(withKey(toolTip, key));
    action->setData(toolTip); // what the keyboard help says it does
    QObject::connect(action, &QAction::triggered, owner, std::move(slot));
    owner->addAction(action);
    return action;
}

} // namespace Keys

KeyboardHelpDialog::KeyboardHelpDialog(const QList<Entry> &entries, QWidget *parent)
    : QDialog(parent)
{
    setObjectName(u"keyboardHelp"_s);
    setWindowTitle(tr("Keys"));
    auto *intro = new QLabel(tr("The station's keys. A barcode scanner works wherever the focus "
                                "is: what it reads goes to the label of the next fixture."),
        this);
    intro->setWordWrap(true);

    auto *table = new QTableWidget(int(entries.size()), 2, this);
    table->setObjectName(u"keys"_s);
    table->setHorizontalHeaderLabels({tr("Key"), tr("What it does")});
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionMode(QAbstractItemView::NoSelection);
    table->setFocusPolicy(Qt::NoFocus);
    table->setShowGrid(false);
    table->setWordWrap(false);
    table->horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    table->horizontalHeader()->setStretchLastSection(true);
    QFont bold = table->font();
    bold.setBold(true);
    for (qsizetype row = 0; row < entries.size(); ++row) {
        auto *key = new QTableWidgetItem(entries.at(row).keys);
        key->setFont(bold);
        table->setItem(int(row), 0, key);
        table->setItem(int(row), 1, new QTableWidgetItem(entries.at(row).action));
    }
    table->resizeColumnsToContents();
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(table, 1);
    layout->addWidget(buttons);

    // As wide as the table's text, as tall as its rows (up to the screen).
    const int width = table->horizontalHeader()->length() + 2 * table->frameWidth() + 40;
    const int height = table->horizontalHeader()->height() + table->verticalHeader()->length()
        + 2 * table->frameWidth();
    table->setMinimumSize(std::min(width, 1100), std::min(height, 520));
}

KeyboardHelpDialog::~KeyboardHelpDialog() = default;

} // namespace Station
