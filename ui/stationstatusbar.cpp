#include "ui/stationstatusbar.h"

#include "models/fixturemodel.h"
#include "services/plant/relay.h"
#include "ui/elidedlabel.h"
#include "ui/theme.h"

#include <QDir>
#include <QEvent>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QStorageInfo>
#include <QToolButton>

#include <algorithm>

using namespace Qt::Literals::StringLiterals;

namespace Station {

StationStatusBar::StationStatusBar(QWidget *parent)
    : QStatusBar(parent)
    , m_backend(new ElidedLabel(this))
    , m_record(new ElidedLabel(this))
    , m_freeSpace(new QLabel(this))
    , m_warning(new QLabel(this))
{
    setSizeGripEnabled(false);
    for (QLabel *label :
        {static_cast<QLabel *>(m_backend), static_cast<QLabel *>(m_record), m_freeSpace}) {
        label->setTextFormat(Qt::PlainText);
        label->setContentsMargins(6, 0, 6, 0);
    }
    m_record->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // A long path keeps its folder's start and the file name.
    m_record->setElideMode(Qt::ElideMiddle);
    // A long tool path gives way (elided, whole in the tool tip) to the delivery and free space.
    m_backend->setElideMode(Qt::ElideMiddle);
    addWidget(m_backend, 2);
    addWidget(m_record, 1);
    m_warning->setObjectName(u"stationWarning"_s);
    m_warning->setTextFormat(Qt::PlainText);
    m_warning->setContentsMargins(6, 0, 6, 0);
    QPalette alarm = m_warning->palette();
    alarm.setColor(QPalette::WindowText, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    m_warning->setPalette(alarm);
    m_warning->hide();
    addPermanentWidget(m_warning);
    m_delivery = new QToolButton(this);
    m_delivery->setObjectName(u"plantDelivery"_s);
    m_delivery->setAutoRaise(true);
    m_delivery->hide();
    connect(m_delivery, &QToolButton::clicked, this, &StationStatusBar::deliveryClicked);
    addPermanentWidget(m_delivery);
    addPermanentWidget(m_freeSpace);
    setBackend(QString());
    m_refresh.setInterval(FreeSpaceInterval);
    connect(&m_refresh, &QTimer::timeout, this, &StationStatusBar::refreshFreeSpace);
    m_refresh.start();
}

StationStatusBar::~StationStatusBar() = default;

QString StationStatusBar::deliveryText(const Plant::DeliveryStatus &status)
{
    using State = Plant::DeliveryStatus::State;
    QString waiting;
    if (status.runsWaiting > 0 || status.itemsWaiting > 0) {
        const qint64 age = status.oldestWaiting.isValid()
            ? std::max<qint64>(0, status.oldestWaiting.secsTo(QDateTime::currentDateTimeUtc()))
            : 0;
        const QString ageText = age < 120 ? tr("%n s", nullptr, int(age))
            : age < 7200                  ? tr("%n min", nullptr, int(age / 60))
                                          : tr("%n h", nullptr, int(age / 3600));
        //: %1: "12 runs waiting", %2: the oldest one's age ("3 min")
        waiting = tr("%1, oldest %2")
                      .arg(status.runsWaiting > 0
                              ? tr("%n run(s) waiting", nullptr, status.runsWaiting)
                              : tr("%n record(s) waiting", nullptr, status.itemsWaiting),
                          ageText);
    }
    QString text;
    switch (status.state) {
    case State::Starting:
        text = tr("Plant: connecting");
        break;
    case State::UpToDate:
        text = waiting.isEmpty() ? tr("Plant: up to date") : tr("Plant: %1").arg(waiting);
        break;
    case State::Sending:
        text = waiting.isEmpty() ? tr("Plant: delivering")
                                 : tr("Plant: delivering, %1").arg(waiting);
        break;
    case State::Offline: {
        QString cause;
        switch (status.failure) {
        case Plant::Failure::Unreachable:
            cause = tr("cannot reach the server");
            break;
        case Plant::Failure::AuthenticationFailed:
            cause = tr("login refused");
            break;
        case Plant::Failure::DriverMissing:
            cause = tr("PostgreSQL driver missing");
            break;
        case Plant::Failure::BadConnectionString:
            cause = tr("connection setting wrong");
            break;
        default:
            cause = tr("server error");
            break;
        }
        text = waiting.isEmpty() ? tr("Plant: offline (%1)").arg(cause)
                                 : tr("Plant: offline (%1) · %2").arg(cause, waiting);
        break;
    }
    case State::Paused:
        text = waiting.isEmpty() ? tr("Plant: PAUSED, see details")
                                 : tr("Plant: PAUSED · %1").arg(waiting);
        break;
    case State::RecordError:
        text = tr("Plant: cannot read the record");
        break;
    }
    if (status.deadLetters > 0)
        text += u" · "_s + tr("%n refused", nullptr, status.deadLetters);
    if (status.clockSkewLarge)
        text += u" · "_s + tr("clock off by %n s", nullptr, int(status.clockSkewMs / 1000));
    return text;
}

void StationStatusBar::setDelivery(const Plant::DeliveryStatus &status)
{
    using State = Plant::DeliveryStatus::State;
    const QString text = deliveryText(status);
    m_delivery->setText(text);
    QStringList tip {text};
    if (!status.message.isEmpty())
        tip.append(status.message); // the relay's words (English, like the log)
    if (!status.stationId.isEmpty())
        tip.append(tr("Delivers as station %1.").arg(status.stationId));
    tip.append(tr("Click for the rows the plant refused and to retry them."));
    m_delivery->setToolTip(tip.join(u'\n'));
    const bool alarm = status.state == State::Paused || status.state == State::RecordError
        || status.deadLetters > 0 || status.clockSkewLarge;
    QPalette palette = this->palette();
    if (alarm)
        palette.setColor(
            QPalette::ButtonText, Theme::stateStyle(FixtureModel::TileState::Fail).accent);
    m_delivery->setPalette(palette);
    m_delivery->show();
}

QString StationStatusBar::deliveryText() const
{
    return m_delivery->isVisible() || !m_delivery->text().isEmpty() ? m_delivery->text()
                                                                    : QString();
}

void StationStatusBar::setBackend(const QString &text)
{
    // The back end is always named: a station that does not know what it talks to says so.
    const QString shown = text.isEmpty() ? tr("Back end: unknown") : text;
    m_backend->setFullText(shown);
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
    return m_backend->fullText();
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
