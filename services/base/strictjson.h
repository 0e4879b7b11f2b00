#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QList>
#include <QString>
#include <QStringList>

#include <tl/expected.hpp>

// Every JSON file the station reads by path (recipe, OS versions file) goes through here, so
// that each document has exactly one meaning. Plain functions; any thread.
namespace Station::StrictJson {

struct Problem
{
    QString path; // field path from the document root ("steps[7].params.state"); empty: the
                  // document as a whole
    QString reason;
};

// Parses `json` as QJsonDocument::fromJson does, and also refuses what that accepts silently: a
// key that appears more than once in one object (QJsonDocument keeps the last value). On
// failure, the problems: the syntax error alone ("not valid JSON: <error> at offset <n>"), or
// every repeated key, once each, in document order, at its field path ("the key "state"
// appears twice").
[[nodiscard]] tl::expected<QJsonDocument, QList<Problem>> parse(const QByteArray &json);

// The repeated keys of `json`, which must be valid JSON (a syntax error ends the scan).
QList<Problem> repeatedKeys(const QByteArray &json);

// "<path>: <reason>" per problem ("<reason>" alone for the document as a whole).
QStringList lines(const QList<Problem> &problems);

} // namespace Station::StrictJson
