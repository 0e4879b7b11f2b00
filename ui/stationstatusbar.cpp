#include "ui/stationstatusbar.h"

#include "models/fixturemodel.h"
#include "ui/elidedlabel.h"
#include "ui/theme.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QStorageInfo>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

StationStatusBar::StationStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_backend(new QLabel(this))
    , m_record(new ElidedLabel(this))
    , m_freeSpace(new QLabel(this))
    , m_warning(new QLabel(this))
{
    setSizeGripEnabled(false);
    for (QLabel *label : {m_backend, static_cast<QLabel *>(m_record), m_freeSpace}) {
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(6, 0, 6, 0);
    }
    m_record->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path keeps its folder's start and the file name.
    m_record->setElideMode(Qt::ElideMiddle);
    addWidget(m_backend);
    addWidget(m_record, 1);
    m_warning->setObjectName(u"stationWarning"_s);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setContentsMargins(6, 0, 6, 0);
    QPalette alarm = m_warning->palette();
    alarm.setColor(QPalette::WindowText, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    m_warning->setPalette(alarm);
    m_warning->hide();
    addPermanentWidget(m_warning);
    addPermanentWidget(m_freeSpace);
    setBackend(QString());
    m_refresh.setInterval(FreeSpaceInterval);
    connect(&m_refresh, &QTimer::timeout, this, &StationStatusBar::refreshFreeSpace);
    m_refresh.start();
}

StationStatusBar::~StationStatusBar() = default;

void StationStatusBar::setBackend(const QString &text)
{
    // The back end is always named: a station that does not know what it talks to says so.
    const QString shown = text.isEmpty() ? tr("Back end: unknown") : text;
    m_backend->setText(shown);
    m_backend->setToolTip(shown);
}

void StationStatusBar::setRecordPath(const QString &path)
{
    m_recordPath = path;
    const QString text = tr("Record: %1").arg(QDir::toNativeSeparators(path));
    m_record->setFullText(text);
    refreshFreeSpace();
}

void StationStatusBar::setWarning(const QString &text)
{
    m_warning->setText(text);
    m_warning->setToolTip(text);
    m_warning->setVisible(!text.isEmpty());
}

QString StationStatusBar::warningText() const
{
    return m_warning->text();
}

QString StationStatusBar::backendText() const
{
    return m_backend->text();
}

QString StationStatusBar::recordText() const
{
    return m_record->fullText();
}

QString StationStatusBar::freeSpaceText() const
{
    return m_freeSpace->text();
}

void StationStatusBar::addTask(QWidget *task)
{
    m_tasks.append(task);
    insertWidget(0, task, 1);
    task->installEventFilter(this);
}

bool StationStatusBar::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::ShowToParent || event->type() == QEvent::HideToParent) {
        const bool busy = std::any_of(
            m_tasks.begin(), m_tasks.end(), [](const QWidget *task) { return !task->isHidden(); });
        m_backend->setVisible(!busy);
        m_record->setVisible(!busy);
    }
    return QStatusBar::eventFilter(watched, event);
}

void StationStatusBar::refreshFreeSpace()
{
    if (m_recordPath.isEmpty()) {
        m_freeSpace->clear();
        return;
    }
    QStorageInfo storage(QFileInfo(m_recordPath).absolutePath());
    storage.refresh();
    if (!storage.isValid() || !storage.isReady()) {
        m_freeBytes = -1;
        m_freeSpace->setText(tr("Free space: unknown"));
        return;
    }
    m_freeBytes = storage.bytesAvailable();
    const bool low = m_freeBytes < LowSpaceBytes;
    //: Status bar: free space on the record's disk, e.g. "Free: 41.2 GiB"
    m_freeSpace->setText(
        (low ? tr("Low disk space: %1 free") : tr("Free: %1"))
            .arg(QLocale().formattedDataSize(m_freeBytes, 1, QLocale::DataSizeIecFormat)));
    QPalette p = m_freeSpace->palette();
    p.setColor(QPalette::WindowText,
        low ? Theme::stateStyle(FixtureModel::TileState::Fail).accent : Theme::textColor());
    m_freeSpace->setPalette(p);
    QFont f = m_freeSpace->font();
    f.setBold(low);
    m_freeSpace->setFont(f);
}

} // namespace Station
