#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;
class QPushButton;

namespace Station {

class ElidedLabel;

// Shown while a recipe loads (RecipeLoadTask): which recipe, the file being read and hashed, a
// progress bar in percent of the bytes of every file the recipe names, and Cancel. Hidden
// otherwise. GUI thread.
class RecipeLoadBar final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RecipeLoadBar)

public:
    explicit RecipeLoadBar(QWidget *parent = nullptr);
    ~RecipeLoadBar() override;

    // Shows the bar for the recipe file `path`, at 0 %.
    void begin(const QString &path);
    void setProgress(qint64 bytesDone, qint64 bytesTotal, const QString &currentFile);
    // Hides the bar.
    void end();

    // 0..100; what the bar shows.
    int percent() const;
    QString text() const;
    QPushButton *cancelButton() const { return m_cancel; }

Q_SIGNALS:
    void cancelRequested();

private:
    ElidedLabel *m_label = nullptr;
    QProgressBar *m_bar = nullptr;
    QPushButton *m_cancel = nullptr;
    QString m_recipeName;
};

} // namespace Station
