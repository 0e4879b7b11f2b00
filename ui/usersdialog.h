#pragma once

#include "services/auth/accounts.h"

#include <QDialog>
#include <QFutureWatcher>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QTableWidget;

namespace Station {

class AccountService;

// Users… for admins (docs/roles.md): the station's users with their role, state and how they
// sign in (never a hash), and a form that adds a user or changes the one selected: name, role,
// active, a new password, a new badge with its PIN, unlock. Every change is an audit entry made
// by the AccountService. Accounts of the plant database are shown read-only. GUI thread.
class UsersDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(UsersDialog)

public:
    UsersDialog(AccountService &accounts, Auth::User admin, QWidget *parent = nullptr);
    ~UsersDialog() override;

    // The badge field takes a scan while this dialog is open (the window hands it on).
    void setBadge(const QString &badge);
    QTableWidget *table() const { return m_table; }
    QString statusText() const;
    // Saves the form (add or change); the outcome shows in the status line.
    void save();

private:
    void reload();
    void onSelected();
    void setAccountFieldsEnabled(bool enabled);
    void onSaved();

    AccountService &m_accounts;
    const Auth::User m_admin;
    QTableWidget *m_table = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_name = nullptr;
    QComboBox *m_role = nullptr;
    QCheckBox *m_active = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_badge = nullptr;
    QLineEdit *m_pin = nullptr;
    QCheckBox *m_unlock = nullptr;
    QLabel *m_status = nullptr;
    QList<UserRow> m_rows;
    QFutureWatcher<Result<QList<UserRow>>> m_list;
    QFutureWatcher<Result<void>> m_save;
};

} // namespace Station
