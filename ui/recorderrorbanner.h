#pragma once

#include <QFrame>

class QLabel;

namespace Station {

// The banner across the top of the window while the record cannot be written (disk full, file
// gone read-only). It cannot be dismissed: it stays until the station reports the record
// writable again, because no new run may start meanwhile. GUI thread.
class RecordErrorBanner final : public QFrame
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecordErrorBanner)

public:
    explicit RecordErrorBanner(QWidget *parent = nullptr);
    ~RecordErrorBanner() override;

    void showError(const QString &message);
    void clearError();
    bool isShowingError() const { return m_active; }
    QString text() const;

private:
    QLabel *m_icon = nullptr;
    QLabel *m_text = nullptr;
    bool m_active = false;
};

} // namespace Station
