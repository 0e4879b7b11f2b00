#include "services/azsphere/readycheck.h"

#include "services/base/tr.h"

using namespace Qt::Literals::StringLiterals;

namespace Station {

namespace {

// Python's repr() of a str, as the script prints its list of OS names.
QString pythonRepr(const QString &text)
{
    QString escaped = text;
    escaped.replace(u"\\"_s, u"\\\\"_s);
    if (text.contains(u'\'') && !text.contains(u'"'))
        return u'"' + escaped + u'"';
    escaped.replace(u"'"_s, u"\\'"_s);
    return u'\'' + escaped + u'\'';
}

QString pythonList(const QStringList &items)
{
    QStringList quoted;
    for (const QString &item : items)
        quoted.append(pythonRepr(item));
    return u'[' + quoted.join(u", "_s) + u']';
}

class Printer
{
public:
    explicit Printer(QStringList &lines)
        : m_lines(lines)
    { }
    void info(const QString &line) { m_lines.append(line); }
    // Python's logging format for non-INFO records: [%(asctime)s.%(msecs)03d][%(levelname)s]
    void warning(const QDateTime &when, const QString &text)
    {
        m_lines.append(
            u"[%1][WARNING] %2"_s.arg(when.toString(u"yyyy-MM-dd HH:mm:ss.zzz"_s), text));
    }

private:
    QStringList &m_lines;
};

bool checkManufacturingState(const ReadyCheckInput &input, Printer &out)
{
    const QString expected = manufacturingStateName(input.expectedState);
    const QString actual = manufacturingStateName(input.deviceState);
    out.info(u"Checking device is in manufacturing state %1..."_s.arg(expected));
    if (actual != expected) {
        out.info(
            u"FAIL: Device manufacturing state is %1, expected state %2"_s.arg(actual, expected));
        return false;
    }
    out.info(u"PASS: Device manufacturing state is %1"_s.arg(actual));
    return true;
}

bool checkNoCapabilities(const ReadyCheckInput &input, Printer &out)
{
    out.info(u"Checking capabilities..."_s);
    if (!input.capabilities.isEmpty()) {
        out.info(u"FAIL: Device contains capabilities:"_s);
        QStringList numbers;
        for (const QString &name : input.capabilities) {
            const std::optional<int> number = capabilityNumber(name);
            numbers.append(number ? QString::number(*number) : name);
        }
        out.info(numbers.join(u','));
        return false;
    }
    out.info(u"PASS: No capabilties on device"_s); // sic: the script's spelling
    return true;
}

bool checkOsVersion(const ReadyCheckInput &input, Printer &out, QString &osVersion)
{
    out.info(u"Checking OS version..."_s);

    const QStringList possible = input.osVersions.names();
    QStringList unrecognised;
    for (const QString &name : input.expectedOsVersions) {
        if (!possible.contains(name))
            unrecognised.append(name);
    }
    const QDateTime when = input.now.isValid() ? input.now : QDateTime::currentDateTime();
    if (unrecognised.size() > 1)
        out.warning(when,
            u"Requested OS versions '%1' are not recognised as possible OS versions; "
            "options are: %2"_s.arg(unrecognised.join(u", "_s), pythonList(possible)));
    else if (unrecognised.size() == 1)
        out.warning(when,
            u"Requested OS version '%1' is not recognised as a possible OS version; "
            "options are: %2"_s.arg(unrecognised.first(), pythonList(possible)));

    osVersion = input.osVersions.identify(input.components);
    bool success = input.expectedOsVersions.contains(osVersion);

    // Special system components (the RF test server) must be gone before shipping.
    const QString rfTestServer = QString::fromLatin1(RfTestServerComponentId);
    for (const InstalledComponent &component : input.components) {
        if (component.componentId.compare(rfTestServer, Qt::CaseInsensitive) == 0) {
            out.info(u"OS component '%1' should not be present on the device"_s.arg(rfTestServer));
            success = false;
            break;
        }
    }

    if (success)
        out.info(u"PASS: OS '%1' is an expected version"_s.arg(osVersion));
    else
        out.info(u"FAIL: OS version '%1' is not an expected version"_s.arg(osVersion));
    return success;
}

bool checkInstalledImages(const ReadyCheckInput &input, Printer &out)
{
    out.info(u"Checking installed images..."_s);
    bool success = true;
    QStringList expected;
    for (const QString &imageId : input.expectedImageIds)
        expected.append(imageId.toLower());

    for (const InstalledComponent &component : input.components) {
        if (component.imageType != ApplicationImageType)
            continue;
        const QString imageId = component.imageId.toLower();
        if (expected.removeOne(imageId))
            continue;
        out.info(
            u"Image ID: %1 (Component ID: %2, %3) not expected to be present on the device"_s.arg(
                imageId, component.componentId.toLower(), component.name));
        success = false;
    }
    for (const QString &missing : std::as_const(expected)) {
        out.info(u"Expected image ID %1 is not on the device"_s.arg(missing));
        success = false;
    }

    if (success)
        out.info(u"PASS: Installed images matches expected images"_s);
    else
        out.info(u"FAIL: Installed images do not match expected images"_s);
    return success;
}

bool checkNoWifiNetworks(const ReadyCheckInput &input, Printer &out)
{
    out.info(u"Checking wifi networks..."_s);
    if (!input.wifiNetworks.isEmpty()) {
        out.info(u"FAIL: Device contains configured networks:"_s);
        for (const WifiNetwork &network : input.wifiNetworks)
            out.info(u"%1: %2"_s.arg(network.id).arg(network.ssid));
        return false;
    }
    out.info(u"PASS: Device has no wifi networks configured"_s);
    return true;
}

ReadyVerdict verdict(bool passed)
{
    return passed ? ReadyVerdict::Passed : ReadyVerdict::Failed;
}

} // namespace

ReadyCheckReport ReadyCheck::evaluate(const ReadyCheckInput &input)
{
    ReadyCheckReport report;
    Printer out(report.lines);
    bool ready = true;
    const auto record = [&](ReadyCheckKind kind, ReadyVerdict result) {
        report.checks.append(ReadyCheckItem {kind, result});
        if (result == ReadyVerdict::Failed)
            ready = false;
    };

    // A failed state check does not stop the others.
    record(ReadyCheckKind::ManufacturingState, verdict(checkManufacturingState(input, out)));

    if (input.deviceState == ManufacturingState::Blank) {
        // Blank devices always have the RF test capability, so the check would always fail.
        out.info(u"Checking capabilities..."_s);
        out.info(u"SKIPPED: Capability check skipped for devices in Blank manufacturing state."_s);
        record(ReadyCheckKind::Capabilities, ReadyVerdict::Skipped);
    } else {
        record(ReadyCheckKind::Capabilities, verdict(checkNoCapabilities(input, out)));
    }

    if (input.deviceState == ManufacturingState::DeviceComplete) {
        // The endpoints behind these checks are locked in DeviceComplete.
        out.info(u"Checking OS version..."_s);
        out.info(u"SKIPPED: Device OS cannot be checked when device is in DeviceComplete state."_s);
        record(ReadyCheckKind::OsVersion, ReadyVerdict::Skipped);
        out.info(u"Checking installed images..."_s);
        out.info(u"SKIPPED: Installed images list cannot be checked when device is in "
                 "DeviceComplete state."_s);
        record(ReadyCheckKind::InstalledImages, ReadyVerdict::Skipped);
        out.info(u"Checking wifi networks..."_s);
        out.info(u"SKIPPED: Wifi network list cannot be checked when device is in DeviceComplete "
                 "state."_s);
        record(ReadyCheckKind::Wifi, ReadyVerdict::Skipped);
    } else {
        record(ReadyCheckKind::OsVersion, verdict(checkOsVersion(input, out, report.osVersion)));
        record(ReadyCheckKind::InstalledImages, verdict(checkInstalledImages(input, out)));
        record(ReadyCheckKind::Wifi, verdict(checkNoWifiNetworks(input, out)));
    }

    out.info(u"------------------"_s);
    out.info(ready ? u"PASS"_s : u"FAIL: Device ready check not successful."_s);
    report.passed = ready;
    return report;
}

Error ReadyCheckReport::failure() const
{
    QStringList failed;
    for (const QString &line : lines) {
        if (line.startsWith("FAIL: "_L1) && line != "FAIL: Device ready check not successful."_L1)
            failed.append(line.mid(6));
    }
    return Error::make(ErrorCode::ReadyCheckFailed,
        Tr::tr("The device is not ready to ship: %1").arg(failed.join(u"; "_s)),
        text(),
        Tr::tr("Fix what the checks name (rerun the steps that set it up), then "
               "check again; set the device aside if it repeats."));
}

QString ReadyCheck::checkName(ReadyCheckKind kind)
{
    switch (kind) {
    case ReadyCheckKind::ManufacturingState:
        return u"manufacturing-state"_s;
    case ReadyCheckKind::Capabilities:
        return u"capabilities"_s;
    case ReadyCheckKind::OsVersion:
        return u"os-version"_s;
    case ReadyCheckKind::InstalledImages:
        return u"installed-images"_s;
    case ReadyCheckKind::Wifi:
        return u"wifi-networks"_s;
    }
    return {};
}

QString ReadyCheck::verdictName(ReadyVerdict verdict)
{
    switch (verdict) {
    case ReadyVerdict::Passed:
        return u"PASS"_s;
    case ReadyVerdict::Failed:
        return u"FAIL"_s;
    case ReadyVerdict::Skipped:
        return u"SKIPPED"_s;
    }
    return {};
}

} // namespace Station
