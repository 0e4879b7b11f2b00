#include "services/station/recordwriter.h"

#include "services/base/logging.h"
#include "services/station/fixtureworker.h"

#include <QTimer>

using namespace Qt::Literals::StringLiterals;

namespace Station {

RecordWriter::RecordWriter(const QString &recordPath, bool syncEveryWrite, QObject *parent)
    : QObject(parent)
    , m_recordPath(recordPath)
    , m_syncEveryWrite(syncEveryWrite)
{ }

RecordWriter::~RecordWriter()
{
    closeRecord();
}

bool RecordWriter::ensureRecord()
{
    if (m_record && m_record->isOpen())
        return true;
    if (!m_record) {
        m_record = std::make_unique<RecordStore>();
        m_record->setSyncEveryWrite(m_syncEveryWrite);
    }
    if (Result<> opened = m_record->open(m_recordPath); !opened) {
        Logging::station().error(u"the record events' connection did not open: %1 (%2)"_s.arg(
            opened.error().message, opened.error().detail));
        return false;
    }
    return true;
}

void RecordWriter::write(const RecordEvent &event, RecordSync sync)
{
    if (m_hook)
        m_hook(event.kind);
    if (!ensureRecord()) {
        Logging::station().error(
            u"event %1 not recorded: the record is not open"_s.arg(event.kind));
        return;
    }
    if (Result<> logged = m_record->logEvent(event, sync); !logged) {
        Logging::station().error(
            u"event %1 not recorded: %2"_s.arg(event.kind, logged.error().message));
    }
    if (m_record->hasPending()) {
        if (!m_retry) {
            m_retry = new QTimer(this);
            m_retry->setInterval(FixtureWorker::RecordRetryInterval);
            connect(m_retry, &QTimer::timeout, this, &RecordWriter::retry);
        }
        m_retry->start();
    }
}

void RecordWriter::retry()
{
    if (!m_record || !m_record->hasPending()) {
        if (m_retry)
            m_retry->stop();
        return;
    }
    if (m_record->retryPending()) {
        m_retry->stop();
        Logging::station().warn(u"record writable again; pending events written"_s);
    }
}

void RecordWriter::closeRecord()
{
    if (m_retry)
        m_retry->stop();
    if (!m_record)
        return;
    if (m_record->hasPending() && !m_record->retryPending()) {
        Logging::station().critical(
            u"closing the record with %1 unwritten event(s)"_s.arg(m_record->pendingCount()));
    }
    m_record.reset();
}

} // namespace Station
