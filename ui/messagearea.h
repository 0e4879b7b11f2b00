#pragma once

#include <QDateTime>
#include <QFrame>
#include <QList>
#include <QString>

class QLabel;
class QPushButton;
class QVBoxLayout;

namespace Station {

class ElidedLabel;

// The Line page's non-modal message strip: refusals (no recipe, serial required, record
// unwritable, fixture empty), scan results and notes, newest first, each with its time. Nothing
// here asks for a click, so production never waits on a dialog. GUI thread.
class MessageArea final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(MessageArea)

public:
    enum class Severity { Info, Success, Warning, Error };
    Q_ENUM(Severity)

    struct Message
    {
        Severity severity = Severity::Info;
        QString text;
        QDateTime time; // local
    };

    // Rows shown at once; older messages stay in messages() for the record of the session.
    static constexpr int VisibleRows = 3;
    static constexpr int KeptMessages = 100;

    explicit MessageArea(QWidget *parent = nullptr);
    ~MessageArea() override;

    void post(Severity severity, const QString &text);
    void clear();
    // Newest first.
    const QList<Message> &messages() const { return m_messages; }
    QString latestText() const;

Q_SIGNALS:
    void posted(const Station::MessageArea::Message &message);

private:
    void refresh();

    QList<Message> m_messages;
    QList<QLabel *> m_icons;
    QList<ElidedLabel *> m_rows;
    QLabel *m_empty = nullptr;
    QPushButton *m_clear = nullptr;
};

} // namespace Station
