#include "ui/usersdialog.h"

#include "services/station/accountservice.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Station {

UsersDialog::UsersDialog(AccountService &accounts, Auth::User admin, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_admin(std::move(admin))
{
    setObjectName(u"usersDialog"_s);
    setWindowTitle(tr("Users"));
    m_table = new QTableWidget(0, 5, this);
    m_table->setObjectName(u"usersTable"_s);
    m_table->setHorizontalHeaderLabels(
        {tr("Login"), tr("Name"), tr("Role"), tr("State"), tr("Signs in with")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &UsersDialog::onSelected);

    auto *form = new QFormLayout;
    m_login = new QLineEdit(this);
    m_login->setObjectName(u"userLogin"_s);
    m_name = new QLineEdit(this);
    m_name->setObjectName(u"userName"_s);
    m_role = new QComboBox(this);
    m_role->setObjectName(u"userRole"_s);
    for (const Auth::Role role : Auth::allRoles())
        m_role->addItem(Auth::roleTitle(role).translated(), Auth::roleName(role));
    m_active = new QCheckBox(tr("May sign in"), this);
    m_active->setChecked(true);
    m_password = new QLineEdit(this);
    m_password->setObjectName(u"userPassword"_s);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Unchanged when empty"));
    m_badge = new QLineEdit(this);
    m_badge->setObjectName(u"userBadge"_s);
    m_badge->setEchoMode(QLineEdit::Password);
    m_badge->setPlaceholderText(tr("Scan the badge; unchanged when empty"));
    m_pin = new QLineEdit(this);
    m_pin->setObjectName(u"userPin"_s);
    m_pin->setEchoMode(QLineEdit::Password);
    m_unlock = new QCheckBox(tr("Unlock after wrong attempts"), this);
    m_unlock->setObjectName(u"userUnlock"_s);
    form->addRow(tr("Login"), m_login);
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Role"), m_role);
    form->addRow(QString(), m_active);
    form->addRow(tr("New password"), m_password);
    form->addRow(tr("New badge"), m_badge);
    form->addRow(tr("Its PIN"), m_pin);
    form->addRow(QString(), m_unlock);

    m_status = new QLabel(this);
    m_status->setObjectName(u"usersStatus"_s);
    m_status->setWordWrap(true);
    m_status->setTextFormat(Qt::PlainText);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton *saveButton = buttons->addButton(tr("Save user"), QDialogButtonBox::ApplyRole);
    QPushButton *newButton = buttons->addButton(tr("New user"), QDialogButtonBox::ResetRole);
    connect(saveButton, &QPushButton::clicked, this, &UsersDialog::save);
    connect(newButton, &QPushButton::clicked, this, [this] {
        m_table->clearSelection();
        for (QLineEdit *edit : {m_login, m_name, m_password, m_badge, m_pin})
            edit->clear();
        m_login->setEnabled(true);
        setAccountFieldsEnabled(true);
        m_status->clear();
        m_login->setFocus();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addLayout(form);
    layout->addWidget(m_status);
    layout->addWidget(buttons);
    resize(720, 560);

    connect(&m_list, &QFutureWatcher<Result<QList<UserRow>>>::finished, this, [this] {
        const Result<QList<UserRow>> rows = m_list.result();
        if (!rows) {
            m_status->setText(rows.error().message.translated());
            return;
        }
        m_rows = *rows;
        m_table->setRowCount(int(m_rows.size()));
        for (int i = 0; i < m_rows.size(); ++i) {
            const UserRow &row = m_rows.at(i);
            QStringList ways;
            if (!row.passwordHash.isEmpty())
                ways << tr("password");
            if (!row.badgeKey.isEmpty())
                ways << tr("badge and PIN");
            QString state = row.active ? tr("active") : tr("deactivated");
            if (row.lockedUntil.isValid() && row.lockedUntil > QDateTime::currentDateTimeUtc())
                state = tr("locked until %1 UTC").arg(row.lockedUntil.toString(u"HH:mm"_s));
            if (row.origin == u"plant"_s)
                state += tr(" (plant)");
            const auto role = Auth::roleFromName(row.role);
            const QStringList cells {row.login,
                row.displayName,
                role ? Auth::roleTitle(*role).translated() : row.role,
                state,
                ways.join(u", "_s)};
            for (int c = 0; c < cells.size(); ++c)
                m_table->setItem(i, c, new QTableWidgetItem(cells.at(c)));
        }
        m_table->resizeColumnsToContents();
    });
    connect(&m_save, &QFutureWatcher<Result<void>>::finished, this, &UsersDialog::onSaved);
    reload();
}

UsersDialog::~UsersDialog()
{
    m_list.waitForFinished();
    m_save.waitForFinished();
}

void UsersDialog::reload()
{
    m_list.setFuture(m_accounts.users());
}

QString UsersDialog::statusText() const
{
    return m_status->text();
}

void UsersDialog::setBadge(const QString &badge)
{
    m_badge->setText(badge);
    m_pin->clear();
    m_pin->setFocus();
}

void UsersDialog::onSelected()
{
    const QList<QTableWidgetItem *> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return;
    const int row = selected.first()->row();
    if (row < 0 || row >= m_rows.size())
        return;
    const UserRow &user = m_rows.at(row);
    m_login->setText(user.login);
    m_login->setEnabled(false);
    m_name->setText(user.displayName);
    m_role->setCurrentIndex(std::max(0, m_role->findData(user.role)));
    m_active->setChecked(user.active);
    for (QLineEdit *edit : {m_password, m_badge, m_pin})
        edit->clear();
    m_unlock->setChecked(false);
    // A plant account is changed in the plant database; here only its lock-out can end.
    const bool plant = user.origin == u"plant"_s;
    setAccountFieldsEnabled(!plant);
    if (plant) {
        m_status->setText(tr("%1 is an account of the plant database: change it there. At this "
                             "station only its lock-out can be ended (Unlock, then Save user).")
                              .arg(user.login));
    } else {
        m_status->clear();
    }
}

void UsersDialog::setAccountFieldsEnabled(bool enabled)
{
    for (QWidget *field :
        std::initializer_list<QWidget *> {m_name, m_role, m_active, m_password, m_badge, m_pin})
        field->setEnabled(enabled);
}

void UsersDialog::save()
{
    if (m_save.isRunning())
        return;
    Auth::UserChange change;
    change.login = m_login->text().trimmed();
    change.displayName = m_name->text().trimmed();
    change.role
        = Auth::roleFromName(m_role->currentData().toString()).value_or(Auth::Role::Operator);
    change.active = m_active->isChecked();
    change.password = m_password->text();
    change.badge = m_badge->text();
    change.pin = m_pin->text();
    change.unlock = m_unlock->isChecked();
    m_status->setText(tr("Saving %1…").arg(change.login));
    m_save.setFuture(m_accounts.saveUser(m_admin, change));
}

void UsersDialog::onSaved()
{
    const Result<void> saved = m_save.result();
    if (!saved) {
        m_status->setText(saved.error().message.translated());
        return;
    }
    m_status->setText(tr("Saved %1.").arg(m_login->text().trimmed()));
    for (QLineEdit *edit : {m_password, m_badge, m_pin})
        edit->clear();
    reload();
}

} // namespace Station
