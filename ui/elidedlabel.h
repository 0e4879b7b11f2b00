#pragma once

#include <QLabel>

namespace Station {

// A one-line label that never clips: when its text does not fit, it shows the text elided at
// the right, with the whole text as its tooltip. It may be narrower than its text (its layout
// decides), which a plain QLabel with an ignored size policy only cuts off. GUI thread.
class ElidedLabel final : public QLabel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ElidedLabel)

public:
    explicit ElidedLabel(QWidget *parent = nullptr);
    ~ElidedLabel() override;

    void setFullText(const QString &text);
    QString fullText() const { return m_fullText; }
    // Where the "…" goes (default: at the right; a path keeps both ends with ElideMiddle).
    void setElideMode(Qt::TextElideMode mode);

    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void elide();

    QString m_fullText;
    Qt::TextElideMode m_mode = Qt::ElideRight;
};

} // namespace Station
