#include "ui/outputview.h"

#include "ui/keyboardhelp.h"
#include "ui/pagelook.h"
#include "ui/theme.h"

#include <QAction>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSyntaxHighlighter>
#include <QTextBlock>
#include <QTextDocument>
#include <QToolButton>
#include <QVBoxLayout>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Highlighting every match of a one-letter search in 1 MiB of output would stall the GUI;
// beyond this many the count is still exact but only the current match is marked.
constexpr int MaxHighlights = 2000;
// A live pane keeps at most this many lines (a chatty tool must not eat the memory).
constexpr int MaxLiveLines = 50'000;

const QColor MatchColor = QColor::fromRgb(0xF0E442);   // Okabe-Ito yellow
const QColor CurrentColor = QColor::fromRgb(0xE69F00); // Okabe-Ito orange

// Marks the lines a technician looks for first: the tool's own error lines (azsphere's
// "error:", the RF tools' "ERROR:", a device's "ERR" reply and the UART session's failure notes,
// "! failed:", "! timed out", "! port error:") and its warnings. The session's other notes
// ("! opened /dev/ttyUSB0 at 115200 baud") are information and step back like warnings. UART
// lines come with their time (in the record) or without it (live).
class OutputHighlighter final : public QSyntaxHighlighter
{
public:
    using QSyntaxHighlighter::QSyntaxHighlighter;

protected:
    void highlightBlock(const QString &text) override
    {
        static const QRegularExpression error(
            uR"(^((\S+ )?! (failed|timed out|port error)|(\S+ )?< (ERR|FAIL)\b|error:|ERROR:|)"
            uR"(Error:|.*: error: ))"_s);
        static const QRegularExpression warning(uR"(^(WARNING:|warn:|(\S+ )?! ))"_s);
        if (error.match(text).hasMatch()) {
            QTextCharFormat format;
            format.setForeground(
                Theme::stateStyle(FixtureModel::TileState::Fail).accent.darker(110));
            format.setFontWeight(QFont::Bold);
            setFormat(0, int(text.size()), format);
        } else if (warning.match(text).hasMatch()) {
            QTextCharFormat format;
            format.setForeground(Theme::mutedTextColor());
            setFormat(0, int(text.size()), format);
        }
    }
};

} // namespace

OutputView::OutputView(const QString &title, QWidget *parent)
    : QWidget(parent)
    , m_titleText(title)
{
    m_title = new QLabel(this);
    PageLook::makeSectionTitle(m_title);

    m_search = new QLineEdit(this);
    m_search->setObjectName(u"search"_s);
    m_search->setPlaceholderText(tr("Find in output"));
    m_search->setClearButtonEnabled(true);
    m_search->setMaximumWidth(320);
    m_previous = new QToolButton(this);
    m_previous->setArrowType(Qt::UpArrow);
    const QKeySequence previousKey(Qt::SHIFT | Qt::Key_Return);
    m_previous->setToolTip(Keys::withKey(tr("Previous match"), previousKey));
    m_next = new QToolButton(this);
    m_next->setArrowType(Qt::DownArrow);
    m_next->setToolTip(Keys::withKey(tr("Next match"), QKeySequence(Qt::Key_Return)));
    m_matchLabel = new QLabel(this);
    m_matchLabel->setMinimumWidth(80);
    PageLook::makeFieldName(m_matchLabel);

    m_editor = new QPlainTextEdit(this);
    m_editor->setReadOnly(true);
    // Wrapped: an error line must be readable without scrolling sideways.
    m_editor->setLineWrapMode(QPlainTextEdit::WidgetWidth);
    m_editor->setWordWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    m_editor->setFont(Theme::monoFont(13));
    m_editor->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_editor->setPlaceholderText(tr("No output"));
    m_editor->setMaximumBlockCount(MaxLiveLines);
    m_editor->setMinimumHeight(QFontMetrics(Theme::monoFont(13)).lineSpacing() * 2 + 12);
    new OutputHighlighter(m_editor->document());

    auto *bar = new QHBoxLayout;
    bar->setContentsMargins(0, 0, 0, 0);
    bar->addWidget(m_title);
    bar->addStretch(1);
    bar->addWidget(m_matchLabel);
    bar->addWidget(m_search);
    bar->addWidget(m_previous);
    bar->addWidget(m_next);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    layout->addLayout(bar);
    layout->addWidget(m_editor, 1);

    connect(m_search, &QLineEdit::textChanged, this, [this] {
        updateMatches();
        if (!m_matches.isEmpty())
            moveToMatch(0);
    });
    connect(m_search, &QLineEdit::returnPressed, this, &OutputView::findNext);
    auto *previousAction = new QAction(tr("Previous match"), this);
    previousAction->setToolTip(m_previous->toolTip());
    previousAction->setShortcut(previousKey);
    previousAction->setShortcutContext(Qt::WidgetShortcut);
    m_search->addAction(previousAction);
    connect(previousAction, &QAction::triggered, this, &OutputView::findPrevious);
    connect(m_next, &QToolButton::clicked, this, &OutputView::findNext);
    connect(m_previous, &QToolButton::clicked, this, &OutputView::findPrevious);
    updateTitle();
    updateMatches();
}

OutputView::~OutputView() = default;

void OutputView::setTitle(const QString &title)
{
    m_titleText = title;
    updateTitle();
}

void OutputView::setText(const QString &text)
{
    QString shown = text;
    if (shown.endsWith(u'\n'))
        shown.chop(1);
    m_editor->setPlainText(shown);
    updateTitle();
    updateMatches();
}

void OutputView::appendLine(const QString &line)
{
    QScrollBar *bar = m_editor->verticalScrollBar();
    const bool atEnd = bar->value() >= bar->maximum() - 2;
    m_editor->appendPlainText(line);
    if (atEnd)
        bar->setValue(bar->maximum());
    updateTitle();
    if (!m_search->text().isEmpty())
        updateMatches();
}

void OutputView::clear()
{
    m_editor->clear();
    updateTitle();
    updateMatches();
}

QString OutputView::text() const
{
    return m_editor->toPlainText();
}

int OutputView::lineCount() const
{
    return m_editor->document()->isEmpty() ? 0 : m_editor->document()->blockCount();
}

void OutputView::setPlaceholderText(const QString &text)
{
    m_editor->setPlaceholderText(text);
}

void OutputView::setSearchText(const QString &text)
{
    m_search->setText(text);
}

QString OutputView::searchText() const
{
    return m_search->text();
}

void OutputView::findNext()
{
    if (m_matches.isEmpty())
        return;
    moveToMatch((m_current + 1) % int(m_matches.size()));
}

void OutputView::findPrevious()
{
    if (m_matches.isEmpty())
        return;
    moveToMatch(m_current <= 0 ? int(m_matches.size()) - 1 : m_current - 1);
}

void OutputView::updateMatches()
{
    m_matches.clear();
    m_current = -1;
    const QString needle = m_search->text();
    if (!needle.isEmpty()) {
        const QString haystack = m_editor->toPlainText();
        qsizetype from = 0;
        while ((from = haystack.indexOf(needle, from, Qt::CaseInsensitive)) >= 0) {
            m_matches.append({int(from), int(needle.size())});
            from += needle.size();
        }
    }
    const bool any = !m_matches.isEmpty();
    m_next->setEnabled(any);
    m_previous->setEnabled(any);
    updateHighlights();
}

void OutputView::updateHighlights()
{
    QList<QTextEdit::ExtraSelection> selections;
    const int count = int(m_matches.size());
    for (int i = 0; i < count; ++i) {
        if (i >= MaxHighlights && i != m_current)
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(m_editor->document());
        selection.cursor.setPosition(m_matches.at(i).first);
        selection.cursor.setPosition(
            m_matches.at(i).first + m_matches.at(i).second, QTextCursor::KeepAnchor);
        selection.format.setBackground(i == m_current ? CurrentColor : MatchColor);
        selection.format.setForeground(Theme::textColor());
        selections << selection;
    }
    m_editor->setExtraSelections(selections);

    if (m_search->text().isEmpty())
        m_matchLabel->clear();
    else if (count == 0)
        m_matchLabel->setText(tr("No match"));
    else if (m_current < 0)
        m_matchLabel->setText(tr("%n match(es)", nullptr, count));
    else
        //: Search position: "3 of 12"
        m_matchLabel->setText(tr("%1 of %2").arg(m_current + 1).arg(count));
}

void OutputView::updateTitle()
{
    const int lines = lineCount();
    if (lines == 0)
        m_title->setText(m_titleText);
    else if (lines == 1)
        m_title->setText(tr("%1 \u00b7 1 line").arg(m_titleText));
    else
        m_title->setText(tr("%1 \u00b7 %2 lines").arg(m_titleText).arg(lines));
}

void OutputView::moveToMatch(int match)
{
    if (match < 0 || match >= m_matches.size())
        return;
    m_current = match;
    QTextCursor cursor(m_editor->document());
    cursor.setPosition(m_matches.at(match).first);
    cursor.setPosition(
        m_matches.at(match).first + m_matches.at(match).second, QTextCursor::KeepAnchor);
    m_editor->setTextCursor(cursor);
    m_editor->ensureCursorVisible();
    updateHighlights();
}

} // namespace Station
