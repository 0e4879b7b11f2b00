#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QToolButton;

namespace Station {

// Raw tool output (stdout or stderr) in a monospace, read-only pane with a title, a line count
// and a search field: find next/previous, every match highlighted. Follows appended lines
// (live output) while the view is scrolled to the end. GUI thread.
class OutputView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutputView)

public:
    explicit OutputView(const QString &title, QWidget *parent = nullptr);
    ~OutputView() override;

    void setTitle(const QString &title);
    void setText(const QString &text);
    void appendLine(const QString &line);
    void clear();
    QString text() const;
    int lineCount() const;
    // What an empty pane says ("No output").
    void setPlaceholderText(const QString &text);

    void setSearchText(const QString &text);
    QString searchText() const;
    int matchCount() const { return int(m_matches.size()); }
    // 0-based index of the current match, -1 when none.
    int currentMatch() const { return m_current; }
    QPlainTextEdit *editor() const { return m_editor; }

public Q_SLOTS:
    void findNext();
    void findPrevious();

private:
    void updateMatches();
    void updateHighlights();
    void updateTitle();
    void moveToMatch(int match);

    QLabel *m_title = nullptr;
    QPlainTextEdit *m_editor = nullptr;
    QLineEdit *m_search = nullptr;
    QToolButton *m_previous = nullptr;
    QToolButton *m_next = nullptr;
    QLabel *m_matchLabel = nullptr;
    QString m_titleText;
    QList<QPair<int, int>> m_matches; // position, length
    int m_current = -1;
};

} // namespace Station
