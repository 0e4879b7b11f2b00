// Legacy commands the contract's §11 adds: `device app start|stop|show-status` and
// `device sideload set-deployment-timeout|show-deployment-timeout`. Output formats are
// project-defined (docs/simulator.md, "Legacy corrections and additions").

#include "simulator/azsphere/commands.h"
#include "simulator/azsphere/session.h"
#include "simulator/core/bench.h"
#include "simulator/core/filelock.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QUuid>

using namespace Qt::Literals::StringLiterals;

namespace Az {

namespace {

// §9 has no figure for the app commands; they answer like the other device queries.
constexpr double AppSeconds = 1.0;
constexpr int DefaultDeploymentTimeoutSeconds = 60;
constexpr int ApplicationType = 10;

QString canonical(const QString &guid)
{
    const QUuid id = QUuid::fromString(guid);
    return id.isNull() ? guid.toLower() : id.toString(QUuid::WithoutBraces).toLower();
}

// An application runs unless it was deployed with -m or stopped; every boot starts it again.
QJsonObject appStatus(const Sim::InstalledImage &image)
{
    return QJsonObject {{u"componentId"_s, image.componentId},
        {u"state"_s, image.manualStart ? u"stopped"_s : u"running"_s}};
}

const QList<Column> AppColumns = {{u"componentId"_s, {}}, {u"state"_s, {}}};

// The applications the command acts on: the one -i names, else every application in install
// order. An -i that names no installed application fails with 14680076.
QList<qsizetype> targetApplications(const Context &ctx, const Sim::DeviceState &state)
{
    QList<qsizetype> indexes;
    if (ctx.args.has(u"--component-id"_s)) {
        const int i = state.indexOfComponent(canonical(ctx.args.value(u"--component-id"_s)));
        if (i < 0 || state.images.at(i).imageType != ApplicationType)
            fail(deviceMessage(14680076));
        indexes.append(i);
        return indexes;
    }
    for (qsizetype i = 0; i < state.images.size(); ++i) {
        if (state.images.at(i).imageType == ApplicationType)
            indexes.append(i);
    }
    return indexes;
}

void runApp(Context &ctx, std::optional<bool> start)
{
    Sim::Bench bench = openBench();
    DeviceSession session(ctx, bench);
    session.delay(AppSeconds);
    if (session.isLocked())
        fail(PermissionText);
    Sim::DeviceState &state = session.state();
    const QList<qsizetype> indexes = targetApplications(ctx, state);
    bool changed = false;
    QJsonArray json;
    QList<QJsonObject> rows;
    for (const qsizetype i : indexes) {
        Sim::InstalledImage &image = state.images[i];
        if (start && image.manualStart == *start) {
            image.manualStart = !*start;
            changed = true;
        }
        json.append(appStatus(image));
        rows.append(appStatus(image));
    }
    if (changed)
        session.save();
    printResult(ctx, json, AppColumns, rows);
}

// The CLI's own setting (not the device's): <bench>/cli-settings.json.
QString settingsFile(const QString &home)
{
    return QDir(home).filePath(u"cli-settings.json"_s);
}

QJsonObject readSettings(const QString &home)
{
    QFile f(settingsFile(home));
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(f.readAll()).object();
}

void printTimeout(const Context &ctx, int seconds)
{
    const QJsonObject o {{u"deploymentTimeout"_s, seconds}};
    printResult(ctx, o, {{u"deploymentTimeout"_s, {}}}, {o});
}

QString benchHomeOrFail()
{
    bool loaded = false;
    const Sim::Bench bench = openBench(&loaded);
    if (!loaded)
        fail(u"There is no simulator bench to keep the setting in; set AZSPHERE_SIM_HOME"_s);
    return bench.directory();
}

} // namespace

void runAppStart(Context &ctx)
{
    runApp(ctx, true);
}

void runAppStop(Context &ctx)
{
    runApp(ctx, false);
}

void runAppShowStatus(Context &ctx)
{
    runApp(ctx, std::nullopt);
}

void runSetDeploymentTimeout(Context &ctx)
{
    const int seconds = ctx.args.value(u"--value"_s).toInt();
    if (seconds < 1)
        usageError(*ctx.spec, u"argument --value/-v: must be a positive number of seconds"_s);
    const QString home = benchHomeOrFail();
    QString why;
    const Sim::FileLock lock
        = Sim::FileLock::acquire(QDir(home).filePath(u"cli-settings.lock"_s), &why);
    if (!lock.isLocked())
        fail(why);
    QJsonObject settings = readSettings(home);
    settings.insert(u"deploymentTimeout"_s, seconds);
    if (!Sim::writeFileAtomically(settingsFile(home), Sim::toSortedJson(settings), &why))
        fail(why);
    printTimeout(ctx, seconds);
}

void runShowDeploymentTimeout(Context &ctx)
{
    bool loaded = false;
    const Sim::Bench bench = openBench(&loaded);
    const QJsonObject settings = loaded ? readSettings(bench.directory()) : QJsonObject();
    printTimeout(
        ctx, settings.value(u"deploymentTimeout"_s).toInt(DefaultDeploymentTimeoutSeconds));
}

} // namespace Az
