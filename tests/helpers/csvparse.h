#pragma once

// A CSV reader for the tests that read an export back (tst_csvexport, the soak). The station
// writes CSV and never reads it, so the reader lives with the tests.

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>

namespace Station::Tests {

// Parses CSV text (UTF-8, optional byte order mark; CRLF, LF or CR line ends; quoted fields with
// doubled quotes and line breaks). Lenient: a quote inside an unquoted field is kept as is, and
// an unterminated quoted field runs to the end of the data. An empty line is a record with one
// empty field; a final line end does not start another record.
inline QList<QStringList> parseCsv(const QByteArray &data)
{
    QByteArrayView bytes(data);
    if (bytes.startsWith("\xEF\xBB\xBF"))
        bytes = bytes.sliced(3);
    const QString text = QString::fromUtf8(bytes);

    QList<QStringList> records;
    QStringList record;
    QString field;
    bool quoted = false;     // inside a quoted field
    bool fieldStart = true;  // nothing of the current field read yet
    bool recordOpen = false; // something of the current record read
    const qsizetype size = text.size();
    for (qsizetype i = 0; i < size; ++i) {
        const QChar c = text.at(i);
        if (quoted) {
            if (c != u'"') {
                field += c;
            } else if (i + 1 < size && text.at(i + 1) == u'"') {
                field += u'"';
                ++i;
            } else {
                quoted = false;
            }
            continue;
        }
        if (c == u'\r' || c == u'\n') {
            if (c == u'\r' && i + 1 < size && text.at(i + 1) == u'\n')
                ++i;
            record << field;
            records << record;
            field.clear();
            record.clear();
            fieldStart = true;
            recordOpen = false;
            continue;
        }
        recordOpen = true;
        if (c == u',') {
            record << field;
            field.clear();
            fieldStart = true;
            continue;
        }
        if (c == u'"' && fieldStart)
            quoted = true;
        else
            field += c;
        fieldStart = false;
    }
    if (recordOpen) {
        record << field;
        records << record;
    }
    return records;
}

} // namespace Station::Tests
