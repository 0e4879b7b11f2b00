#include "services/azsphere/toolprobe.h"

#include <QDateTime>
#include <QFileInfo>

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

template <typename T, typename Describe>
ToolProbe::Entry entry(const QString &name, const ToolReply<T> &reply, Describe describe)
{
    ToolProbe::Entry e;
    e.name = name;
    e.tool = reply.tool;
    e.ran = true;
    if (reply.isSuccess()) {
        e.understood = true;
        e.verdict = u"understood: "_s + describe(*reply.value);
    } else {
        const Error &error = reply.error();
        e.verdict
            = (error.code == ErrorCode::OutputUnparsable ? u"NOT understood: "_s : u"failed: "_s)
            + errorCodeName(error.code) + u": "_s + error.message.english();
        if (error.code == ErrorCode::OutputUnparsable && !error.detail.isEmpty())
            e.verdict += u" ("_s + error.detail.section(u'\n', 0, 0).left(200) + u')';
    }
    return e;
}

ToolProbe::Entry notRun(const QString &name, const QString &why)
{
    ToolProbe::Entry e;
    e.name = name;
    e.verdict = u"not run: "_s + why;
    return e;
}

QString fence(const QString &text)
{
    QString body = text;
    body.replace(u"```"_s, u"'''"_s);
    return u"```\n"_s + (body.endsWith(u'\n') || body.isEmpty() ? body : body + u'\n') + u"```\n"_s;
}

} // namespace

bool ToolProbe::Report::complete() const
{
    for (const Entry &e : entries) {
        if (e.ran ? !e.understood : !e.optional)
            return false;
    }
    return true;
}

int ToolProbe::Report::understoodCount() const
{
    int count = 0;
    for (const Entry &e : entries)
        count += e.understood ? 1 : 0;
    return count;
}

ToolProbe::Report ToolProbe::run(
    AzsphereClient &client, QString device, const QString &imagePackage)
{
    Report report;
    report.dialect = client.dialect();
    report.program = client.program();
    report.started = QDateTime::currentDateTimeUtc();
    QList<Entry> &out = report.entries;

    {
        auto reply = client.showVersion();
        if (reply.isSuccess())
            report.version = *reply.value;
        out << entry(client.dialect() == ToolDialect::Az ? u"version; sphere show-sdk-version"_s
                                                         : u"show-version"_s,
            reply,
            [](const QString &v) { return v; });
    }
    QList<AttachedDevice> attached;
    {
        auto reply = client.listAttached();
        if (reply.isSuccess())
            attached = *reply.value;
        out << entry(u"device list-attached"_s, reply, [](const QList<AttachedDevice> &list) {
            return u"%n device(s)"_s.replace(u"%n"_s, QString::number(list.size()));
        });
    }
    out << entry(u"device rescan-attached"_s, client.rescanAttached(), [](int count) {
        return u"%1 device(s)"_s.arg(count);
    });

    if (device.isEmpty() && attached.size() == 1) {
        const AttachedDevice &only = attached.first();
        device = !only.connectionPath.isEmpty() ? only.connectionPath
            : !only.ipAddress.isEmpty()         ? only.ipAddress
                                                : only.deviceId;
    }
    report.device = device;
    const QString noDevice = attached.size() > 1
        ? u"%1 devices are attached; name one with --device"_s.arg(attached.size())
        : u"no device is attached; attach one, or name it with --device"_s;

    struct DeviceCall
    {
        QString name;
        std::function<Entry(const QString &)> call;
    };
    const auto components = [](const QList<InstalledComponent> &list) {
        return u"%1 component(s)"_s.arg(list.size());
    };
    const QList<DeviceCall> calls {
        {u"device show-attached"_s,
            [&](const QString &name) {
                return entry(name, client.showAttached(device), [](const AttachedDevice &d) {
                    return u"device %1…, IP %2"_s.arg(d.deviceId.left(16), d.ipAddress);
                });
            }},
        {u"device image list-installed"_s,
            [&](const QString &name) {
                return entry(name, client.imageListInstalled(device, false), components);
            }},
        {u"device image list-installed --full"_s,
            [&](const QString &name) {
                return entry(name, client.imageListInstalled(device, true), components);
            }},
        {u"device manufacturing-state show"_s,
            [&](const QString &name) {
                return entry(name,
                    client.manufacturingStateShow(device),
                    [](ManufacturingState state) { return manufacturingStateName(state); });
            }},
        {u"device capability show-attached"_s,
            [&](const QString &name) {
                return entry(
                    name, client.capabilityShowAttached(device), [](const QStringList &names) {
                        return names.isEmpty() ? u"no capabilities"_s : names.join(u", "_s);
                    });
            }},
        {u"device wifi list"_s,
            [&](const QString &name) {
                return entry(name, client.wifiList(device), [](const QList<WifiNetwork> &list) {
                    return u"%1 network(s)"_s.arg(list.size());
                });
            }},
        {u"device wifi show-status"_s,
            [&](const QString &name) {
                return entry(name, client.wifiShowStatus(device), [](const WifiStatus &status) {
                    return status.connectionState.isEmpty() ? u"no connection state"_s
                                                            : status.connectionState;
                });
            }},
        {u"device show-os-version"_s,
            [&](const QString &name) {
                return entry(
                    name, client.showOsVersion(device), [](const QString &v) { return v; });
            }},
    };
    for (const DeviceCall &call : calls)
        out << (device.isEmpty() ? notRun(call.name, noDevice) : call.call(call.name));

    if (imagePackage.isEmpty()) {
        // The station reads packages itself (ImagePackage::read); the command is informative.
        out << notRun(u"image-package show"_s, u"no --image-package given"_s);
        out.last().optional = true;
    } else {
        out << entry(u"image-package show"_s,
            client.imagePackageShow(imagePackage),
            [](const ImagePackageInfo &info) {
                return u"component %1, signed %2"_s.arg(
                    info.componentId.toString(QUuid::WithoutBraces), info.thumbprint);
            });
    }
    return report;
}

QString ToolProbe::Report::markdown() const
{
    QString text;
    text += u"# Sphere Station tool probe\n\n"_s;
    text += u"- Tool: %1 (`%2`)%3\n"_s.arg(toolDialectCommand(dialect),
        program,
        simulated ? u", the station's SIMULATOR, not Microsoft's tool"_s : QString());
    text += u"- Version: %1\n"_s.arg(version.isEmpty() ? u"(not read)"_s : version);
    text += u"- Device: %1\n"_s.arg(device.isEmpty() ? u"(none)"_s : u"`%1`"_s.arg(device));
    text += u"- Probed: %1 UTC\n"_s.arg(started.toString(Qt::ISODate));
    text += u"- Result: %1 of %2 commands understood; %3\n\n"_s.arg(understoodCount())
                .arg(entries.size())
                .arg(complete() ? u"the station understands this tool"_s
                                : u"INCOMPLETE or NOT UNDERSTOOD: see below"_s);
    text += u"| # | command | as run | exit | verdict |\n|---|---|---|---|---|\n"_s;
    int n = 0;
    for (const Entry &e : entries) {
        QString verdict = e.verdict;
        verdict.replace(u'|', u'/').replace(u'\n', u' ');
        const QString asRun = e.ran
            ? u"`%1 %2`"_s.arg(QFileInfo(e.tool.program).fileName(), e.tool.arguments.join(u' '))
            : u"-"_s;
        text += u"| %1 | %2 | %3 | %4 | %5 |\n"_s.arg(++n).arg(
            e.name, asRun, e.ran ? QString::number(e.tool.exitCode) : u"-"_s, verdict);
    }
    n = 0;
    for (const Entry &e : entries) {
        text += u"\n## %1. %2\n\n"_s.arg(++n).arg(e.name);
        text += e.verdict + u"\n\n"_s;
        if (!e.ran)
            continue;
        text += u"Command line: `%1`  \nOutcome: %2, exit code %3, %4 ms\n\n"_s.arg(
            e.tool.commandLine,
            toolOutcomeName(e.tool.outcome),
            QString::number(e.tool.exitCode),
            QString::number(e.tool.started.msecsTo(e.tool.finished)));
        text += u"stdout:\n\n"_s + fence(e.tool.stdOutText());
        text += u"\nstderr:\n\n"_s + fence(e.tool.stdErrText());
    }
    return text;
}

} // namespace Station
