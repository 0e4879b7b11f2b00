#pragma once

#include "services/auth/accounts.h"

#include <QDialog>
#include <QFutureWatcher>

#include <optional>

class QLabel;
class QLineEdit;
class QPushButton;
class QTabWidget;

namespace Station {

class AccountService;

// Sign-in (docs/roles.md): by badge and PIN (the badge comes from the scanner: the window
// hands every scan to setBadge() while this dialog is open, so its Shift keys never change or end
// it) or by name and password. The check runs on the AccountService's thread; a refusal is
// shown in the dialog and the secret field is cleared. Also the first start's "create the
// first admin" (Mode::FirstAdmin). GUI thread.
class SignInDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SignInDialog)

public:
    enum class Mode { SignIn, FirstAdmin };
    SignInDialog(AccountService &accounts, Mode mode, QWidget *parent = nullptr);
    ~SignInDialog() override;

    Mode mode() const { return m_mode; }
    // A line under the introduction (e.g. that the plant's accounts have not arrived yet).
    void setNote(const QString &text);
    QString noteText() const;

    // A badge read by the scanner: the badge tab, the PIN next.
    void setBadge(const QString &badge);
    // Who signed in (or the admin created); empty until then.
    const std::optional<Auth::User> &user() const { return m_user; }
    bool isChecking() const { return m_watcher.isRunning(); }
    QString errorText() const;

    // For tests and the keyboard: the fields.
    QLineEdit *badgeField() const { return m_badge; }
    QLineEdit *pinField() const { return m_pin; }
    QLineEdit *loginField() const { return m_login; }
    QLineEdit *passwordField() const { return m_password; }
    QLineEdit *nameField() const { return m_name; }
    QLineEdit *repeatField() const { return m_repeat; }

public Q_SLOTS:
    void accept() override;

private:
    void showError(const QString &text);
    void fitContents();
    void onFinished();

    AccountService &m_accounts;
    const Mode m_mode;
    QTabWidget *m_tabs = nullptr;
    QLineEdit *m_badge = nullptr;
    QLineEdit *m_pin = nullptr;
    QLineEdit *m_login = nullptr;
    QLineEdit *m_password = nullptr;
    QLineEdit *m_name = nullptr;
    QLineEdit *m_repeat = nullptr;
    QLabel *m_note = nullptr;
    QLabel *m_error = nullptr;
    QPushButton *m_ok = nullptr;
    QFutureWatcher<Result<Auth::User>> m_watcher;
    std::optional<Auth::User> m_user;
};

} // namespace Station
