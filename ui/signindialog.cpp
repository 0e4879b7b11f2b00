#include "ui/signindialog.h"

#include "services/auth/credentials.h"
#include "services/station/accountservice.h"
#include "ui/theme.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

QLineEdit *field(QWidget *parent, const QString &name, bool secret)
{
    auto *edit = new QLineEdit(parent);
    edit->setObjectName(name);
    if (secret)
        edit->setEchoMode(QLineEdit::Password);
    edit->setMinimumWidth(280);
    return edit;
}

} // namespace

SignInDialog::SignInDialog(AccountService &accounts, Mode mode, QWidget *parent)
    : QDialog(parent)
    , m_accounts(accounts)
    , m_mode(mode)
{
    setObjectName(u"signInDialog"_s);
    // Wide enough for a badge and a sentence of German or Chinese on a line PC's screen.
    setMinimumWidth(fontMetrics().averageCharWidth() * 56);
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(this);
    intro->setWordWrap(true);
    intro->setTextFormat(Qt::PlainText);
    layout->addWidget(intro);
    m_note = new QLabel(this);
    m_note->setObjectName(u"signInNote"_s);
    m_note->setWordWrap(true);
    m_note->setTextFormat(Qt::PlainText);
    m_note->hide();
    layout->addWidget(m_note);

    if (mode == Mode::FirstAdmin) {
        setWindowTitle(tr("Create the first admin"));
        intro->setText(tr("This station has no users yet. Create the first admin: they add the "
                          "operators, technicians, quality staff and engineers."));
        auto *form = new QFormLayout;
        m_login = field(this, u"loginField"_s, false);
        m_name = field(this, u"nameField"_s, false);
        m_password = field(this, u"passwordField"_s, true);
        m_repeat = field(this, u"repeatField"_s, true);
        form->addRow(tr("Login"), m_login);
        form->addRow(tr("Full name"), m_name);
        form->addRow(tr("Password"), m_password);
        form->addRow(tr("Password again"), m_repeat);
        layout->addLayout(form);
    } else {
        setWindowTitle(tr("Sign in"));
        intro->setText(tr("Scan your badge and type your PIN, or sign in with your name and "
                          "password."));
        m_tabs = new QTabWidget(this);
        auto *badgePage = new QWidget(m_tabs);
        auto *badgeForm = new QFormLayout(badgePage);
        m_badge = field(badgePage, u"badgeField"_s, true);
        m_badge->setPlaceholderText(tr("Scan your badge"));
        m_pin = field(badgePage, u"pinField"_s, true);
        m_pin->setInputMethodHints(Qt::ImhDigitsOnly);
        m_pin->setMaxLength(Auth::MaxPinLength);
        badgeForm->addRow(tr("Badge"), m_badge);
        badgeForm->addRow(tr("PIN"), m_pin);
        m_tabs->addTab(badgePage, tr("Badge and PIN"));
        auto *passwordPage = new QWidget(m_tabs);
        auto *passwordForm = new QFormLayout(passwordPage);
        m_login = field(passwordPage, u"loginField"_s, false);
        m_password = field(passwordPage, u"passwordField"_s, true);
        passwordForm->addRow(tr("Name"), m_login);
        passwordForm->addRow(tr("Password"), m_password);
        m_tabs->addTab(passwordPage, tr("Name and password"));
        layout->addWidget(m_tabs);
        connect(m_tabs, &QTabWidget::currentChanged, this, [this](int index) {
            (index == 0 ? m_badge : m_login)->setFocus();
        });
    }

    m_error = new QLabel(this);
    m_error->setObjectName(u"signInError"_s);
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    QPalette alarm = m_error->palette();
    alarm.setColor(QPalette::WindowText, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    m_error->setPalette(alarm);
    m_error->hide();
    layout->addWidget(m_error);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setText(mode == Mode::FirstAdmin ? tr("Create") : tr("Sign in"));
    m_ok->setDefault(true);
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
    connect(
        &m_watcher, &QFutureWatcher<Result<Auth::User>>::finished, this, &SignInDialog::onFinished);
    if (mode == Mode::FirstAdmin)
        m_login->setFocus();
    else
        m_badge->setFocus();
}

SignInDialog::~SignInDialog()
{
    m_watcher.waitForFinished();
}

void SignInDialog::setNote(const QString &text)
{
    m_note->setText(text);
    m_note->setVisible(!text.isEmpty());
    fitContents();
}

QString SignInDialog::noteText() const
{
    return m_note->text();
}

void SignInDialog::setBadge(const QString &badge)
{
    if (!m_badge || isChecking())
        return;
    m_tabs->setCurrentIndex(0);
    m_badge->setText(badge);
    m_pin->clear();
    m_pin->setFocus();
    m_error->hide();
}

QString SignInDialog::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

void SignInDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
    fitContents();
}

void SignInDialog::fitContents()
{
    // A wrapped line shown later (the refusal, the note) must not squeeze the fields: the dialog
    // grows to hold it (a window manager would not do it for us).
    layout()->activate();
    const int width = std::max(this->width(), minimumSizeHint().width());
    const int height = layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width)
                                                     : sizeHint().height();
    if (height > this->height())
        resize(width, height);
}

void SignInDialog::accept()
{
    if (isChecking())
        return;
    m_error->hide();
    if (m_mode == Mode::FirstAdmin) {
        if (m_password->text() != m_repeat->text()) {
            showError(tr("The two passwords differ."));
            m_repeat->clear();
            m_repeat->setFocus();
            return;
        }
        if (const Text problem = Auth::passwordProblem(m_password->text()); !problem.isEmpty()) {
            showError(problem.translated());
            m_password->setFocus();
            return;
        }
        Auth::UserChange admin;
        admin.login = m_login->text().trimmed();
        admin.displayName = m_name->text().trimmed();
        admin.role = Auth::Role::Admin;
        admin.password = m_password->text();
        m_watcher.setFuture(m_accounts.createFirstAdmin(admin));
    } else if (m_tabs->currentIndex() == 0) {
        if (m_badge->text().isEmpty()) {
            showError(tr("Scan your badge first."));
            m_badge->setFocus();
            return;
        }
        m_watcher.setFuture(m_accounts.signInWithBadge(m_badge->text(), m_pin->text()));
    } else {
        m_watcher.setFuture(m_accounts.signInWithPassword(m_login->text(), m_password->text()));
    }
    m_ok->setEnabled(false);
}

void SignInDialog::onFinished()
{
    m_ok->setEnabled(true);
    const Result<Auth::User> result = m_watcher.result();
    if (!result) {
        showError(result.error().message.translated());
        QLineEdit *secret = m_mode == Mode::FirstAdmin ? m_login
            : m_tabs->currentIndex() == 0              ? m_pin
                                                       : m_password;
        if (m_mode == Mode::SignIn)
            secret->clear();
        secret->setFocus();
        return;
    }
    m_user = *result;
    QDialog::accept();
}

} // namespace Station
