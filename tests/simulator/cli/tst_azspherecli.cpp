// The azsphere stand-in's dialect (REFERENCE.md §1, §2, §11) and az's (`az sphere`): exact
// stdout/stderr texts, JSON, table, tsv and yaml rendering, argument forms, --query, device
// selection and usage errors, for every command. Rows whose behaviour is the same in both
// dialects run for both.

#include "simclitest.h"

#include <QStandardPaths>
#include <QTest>

using namespace SimTest;

class tst_AzsphereCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void outputs_data();
    void outputs();
    void listInstalledFull();
    void azListInstalledAll();
    void azMissingExtension();
    void queryMatchesJp();
    void imagePackageShow_data();
    void imagePackageShow();
    void emptyBench();

private:
    QString expand(QString text, const Bench &bench) const;
    Bench m_assetBench;
    Assets m_assets;
};

void tst_AzsphereCli::initTestCase()
{
    QVERIFY(QFile::exists(azsphereProgram()));
    QVERIFY(QFile::exists(azProgram()));
    QVERIFY(QFile::exists(sphereSimProgram()));
    QVERIFY(m_assets.make(m_assetBench));
}

// {ID1}/{ID2}: device IDs; {ID1U}: upper case; {D<n>}/{E<n>}/{S<n>}: runs of n dashes, equals
// signs or spaces.
QString tst_AzsphereCli::expand(QString text, const Bench &bench) const
{
    text.replace(QStringLiteral("{ID1U}"), bench.deviceId(1).toUpper());
    text.replace(QStringLiteral("{ID1}"), bench.deviceId(1));
    text.replace(QStringLiteral("{ID2}"), bench.deviceId(2));
    static const QRegularExpression run(QStringLiteral("\\{([DES])(\\d+)\\}"));
    for (;;) {
        const QRegularExpressionMatch m = run.match(text);
        if (!m.hasMatch())
            break;
        text.replace(m.capturedStart(),
            m.capturedLength(),
            QString(m.captured(2).toInt(),
                m.captured(1) == QLatin1String("D")       ? QLatin1Char('-')
                    : m.captured(1) == QLatin1String("E") ? QLatin1Char('=')
                                                          : QLatin1Char(' ')));
    }
    return text;
}

void tst_AzsphereCli::outputs_data()
{
    QTest::addColumn<QString>("tool"); // "azsphere" or "az"
    QTest::addColumn<int>("devices");
    QTest::addColumn<QStringList>("setup"); // sphere-sim commands, ';'-separated words
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("out");
    QTest::addColumn<QString>("err");

    const QString sdkTable = QStringLiteral(
        " ----------------\n Azure Sphere SDK\n ================\n 25.10.0.1\n ----------------\n");
    const QString sdkJson = QStringLiteral("{\n  \"Azure Sphere SDK\": \"25.10.0.1\"\n}\n");
    // row: the legacy dialect; azRow: az (args after "az"); both: the same behaviour in both
    // dialects (az gets "sphere" before the args; {ERR} in err reads "error: " / "ERROR: ").
    auto row = [](const char *name,
                   int devices,
                   QStringList setup,
                   QStringList args,
                   int exit,
                   QString out,
                   QString err) {
        QTest::newRow(name) << QStringLiteral("azsphere") << devices << setup << args << exit << out
                            << err.replace(QStringLiteral("{ERR}"), QStringLiteral("error: "));
    };
    auto azRow = [](const char *name,
                     int devices,
                     QStringList setup,
                     QStringList args,
                     int exit,
                     QString out,
                     QString err) {
        QTest::addRow("az: %s", name)
            << QStringLiteral("az") << devices << setup << args << exit << out
            << err.replace(QStringLiteral("{ERR}"), QStringLiteral("ERROR: "));
    };
    auto both = [&](const char *name,
                    int devices,
                    QStringList setup,
                    QStringList args,
                    int exit,
                    QString out,
                    QString err) {
        row(name, devices, setup, args, exit, out, err);
        azRow(name, devices, setup, QStringList {QStringLiteral("sphere")} + args, exit, out, err);
    };
    auto L = [](const char *s) { return QString::fromUtf8(s); };
    auto A = [](const char *s) {
        return QString::fromUtf8(s).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    };

    // show-version: the verified table, JSON, the other formats.
    row("show-version table", 1, {}, A("show-version"), 0, sdkTable, {});
    row("show-version json", 1, {}, A("show-version --output json"), 0, sdkJson, {});
    row("show-version jsonc", 1, {}, A("show-version -o jsonc"), 0, sdkJson, {});
    row("show-version yaml", 1, {}, A("show-version -o yaml"), 0, sdkJson, {});
    row("show-version yamlc", 1, {}, A("show-version -o yamlc"), 0, sdkJson, {});
    row("show-version tsv", 1, {}, A("show-version -o tsv"), 0, L("25.10.0.1\n"), {});
    row("show-version none", 1, {}, A("show-version -o none"), 0, {}, {});
    row("show-version --output=json", 1, {}, A("show-version --output=json"), 0, sdkJson, {});
    row("show-version -ojson", 1, {}, A("show-version -ojson"), 0, sdkJson, {});
    row("show-version -o=json", 1, {}, A("show-version -o=json"), 0, sdkJson, {});
    row("show-version --debug --verbose",
        1,
        {},
        A("show-version --debug --verbose"),
        0,
        sdkTable,
        {});
    row("show-version bench sdk",
        1,
        A("bench create --devices 1 --sdk-version 26.1.0.5"),
        A("show-version -o json"),
        0,
        L("{\n  \"Azure Sphere SDK\": \"26.1.0.5\"\n}\n"),
        {});

    // list-attached / show-attached / rescan-attached (§2.1).
    const QString listJson
        = L("[\n  {\n    \"ConnectionPath\": \"1211\",\n    \"DeviceId\": \"{ID1}\",\n"
            "    \"IpAddress\": \"192.168.35.2\",\n    \"IsResponsive\": true\n  },\n"
            "  {\n    \"ConnectionPath\": \"1212\",\n    \"DeviceId\": \"{ID2}\",\n"
            "    \"IpAddress\": \"192.168.35.3\",\n    \"IsResponsive\": true\n  }\n]\n");
    row("list-attached json", 2, {}, A("device list-attached -o json"), 0, listJson, {});
    row("list-attached table",
        2,
        {},
        A("device list-attached"),
        0,
        L(" {D128} {D12} {D14} {D12}\n DeviceId{S120} IpAddress    ConnectionPath IsResponsive\n"
          " {E169}\n {ID1} 192.168.35.2 1211           True\n {D128} {D12} {D14} {D12}\n"
          " {ID2} 192.168.35.3 1212           True\n {D128} {D12} {D14} {D12}\n"),
        {});
    row("list-attached tsv",
        2,
        {},
        A("device list-attached -o tsv"),
        0,
        L("{ID1}\t192.168.35.2\t1211\tTrue\n{ID2}\t192.168.35.3\t1212\tTrue\n"),
        {});
    row("list-attached sorted by IP",
        2,
        A("unplug --fixture 1;plug --fixture 1"),
        A("device list-attached -o json"),
        0,
        listJson,
        {});
    row("list-attached IP reuse",
        2,
        A("unplug --fixture 1;swap --fixture 2;plug --fixture 1"),
        A("device list-attached -o tsv"),
        0,
        L("") + seedDeviceId(QStringLiteral("sphere-station"), serialOf(3))
            + L("\t192.168.35.2\t1212\tTrue\n{ID1}\t192.168.35.3\t1211\tTrue\n"),
        {});
    row("list-attached none json",
        1,
        A("unplug --fixture 1"),
        A("device list-attached -o json"),
        0,
        L("[]\n"),
        {});
    row("list-attached none table",
        1,
        A("unplug --fixture 1"),
        A("device list-attached"),
        0,
        {},
        {});
    row("list-attached rejects --device",
        2,
        {},
        A("device list-attached --device 1211"),
        2,
        {},
        usageText(L("azsphere device list-attached"), L("unrecognized arguments: --device 1211")));
    const QString showJson1 = L("{\n  \"ConnectionPath\": \"1211\",\n  \"DeviceId\": \"{ID1}\",\n  "
                                "\"IpAddress\": \"192.168.35.2\"\n}\n");
    const QString showJson2 = L("{\n  \"ConnectionPath\": \"1212\",\n  \"DeviceId\": \"{ID2}\",\n  "
                                "\"IpAddress\": \"192.168.35.3\"\n}\n");
    row("show-attached by path",
        2,
        {},
        A("device show-attached --device 1211 -o json"),
        0,
        showJson1,
        pathWarning(L("192.168.35.2"), L("1211")));
    row("show-attached by path only-show-errors",
        2,
        {},
        A("device show-attached --only-show-errors -d 1211 -o json"),
        0,
        showJson1,
        {});
    row("show-attached by ID upper case",
        2,
        {},
        A("device show-attached -d {ID1U} -o json"),
        0,
        showJson1,
        {});
    row("show-attached by IP",
        2,
        {},
        A("device show-attached -d 192.168.35.3 -o json"),
        0,
        showJson2,
        {});
    row("show-attached --device=",
        2,
        {},
        A("device show-attached --device=192.168.35.3 --output=json"),
        0,
        showJson2,
        {});
    row("show-attached -d glued",
        2,
        {},
        A("device show-attached -d192.168.35.3 -ojson"),
        0,
        showJson2,
        {});
    row("show-attached args before",
        2,
        {},
        A("device show-attached -o json -d 192.168.35.3"),
        0,
        showJson2,
        {});
    row("show-attached table",
        2,
        {},
        A("device show-attached -d 192.168.35.2"),
        0,
        L(" {D128} {D12} {D14}\n DeviceId{S120} IpAddress    ConnectionPath\n"
          " {E156}\n {ID1} 192.168.35.2 1211\n {D128} {D12} {D14}\n"),
        {});
    row("show-attached lone device", 1, {}, A("device show-attached -o json"), 0, showJson1, {});
    row("show-attached multiple",
        2,
        {},
        A("device show-attached -o json"),
        1,
        {},
        L("error: Multiple devices are attached; use --device to specify one.\n"));
    both("show-attached unknown path",
        2,
        {},
        A("device show-attached -d 1299"),
        1,
        {},
        L("{ERR}Could not connect to the device; please ensure it is attached.\n"));
    both("show-attached unknown IP",
        2,
        {},
        A("device show-attached -d 192.168.35.9"),
        1,
        {},
        L("{ERR}Could not connect to the device; please ensure it is attached.\n"));
    both("show-attached unplugged",
        2,
        A("unplug --fixture 1"),
        A("device show-attached -d 1211"),
        1,
        {},
        L("{ERR}Could not connect to the device; please ensure it is attached.\n"));
    both("show-attached nothing attached",
        1,
        A("unplug --fixture 1"),
        A("device show-attached"),
        1,
        {},
        L("{ERR}Could not connect to the device; please ensure it is attached.\n"));
    row("rescan-attached json",
        2,
        {},
        A("device rescan-attached -o json"),
        0,
        L("{\n  \"Count\": 2\n}\n"),
        {});
    row("rescan-attached table",
        2,
        A("unplug --fixture 2"),
        A("device rescan-attached"),
        0,
        L(" -----\n Count\n =====\n 1\n -----\n"),
        {});

    // Device data commands.
    const QString warn2 = pathWarning(L("192.168.35.3"), L("1212"));
    row("manufacturing-state show json",
        2,
        {},
        A("device manufacturing-state show -d 1212 -o json"),
        0,
        L("{\n  \"manufacturingState\": \"Blank\"\n}\n"),
        warn2);
    row("manufacturing-state show table",
        2,
        {},
        A("device manufacturing-state show -d 192.168.35.3"),
        0,
        L(" ------------------\n ManufacturingState\n ==================\n Blank\n "
          "------------------\n"),
        {});
    both("manufacturing-state show Module1Complete",
        1,
        A("bench create --devices 1 --state Module1Complete"),
        A("device manufacturing-state show -o json"),
        0,
        L("{\n  \"manufacturingState\": \"Module1Complete\"\n}\n"),
        {});
    both("capability json",
        1,
        {},
        A("device capability show-attached -o json"),
        0,
        L("[\n  \"EnableRfTestMode\"\n]\n"),
        {});
    row("capability table",
        1,
        {},
        A("device capability show-attached"),
        0,
        L(" ------------------\n DeviceCapabilities\n ==================\n EnableRfTestMode\n "
          "------------------\n"),
        {});
    both("capability none",
        1,
        A("bench create --devices 1 --state Module1Complete"),
        A("device capability show-attached -o json"),
        0,
        L("[]\n"),
        {});
    row("capability none table",
        1,
        A("bench create --devices 1 --state Module1Complete"),
        A("device capability show-attached"),
        0,
        {},
        {});
    row("show-os-version json",
        1,
        {},
        A("device show-os-version -o json"),
        0,
        L("{\n  \"osversion\": \"24.03\"\n}\n"),
        {});
    row("show-os-version table",
        1,
        A("bench create --devices 1 --os 26.09"),
        A("device show-os-version"),
        0,
        L(" ---------\n Osversion\n =========\n 26.09\n ---------\n"),
        {});
    both("list-installed apps none json",
        1,
        {},
        A("device image list-installed -o json"),
        0,
        L("[]\n"),
        {});
    row("list-installed apps none table", 1, {}, A("device image list-installed"), 0, {}, {});
    both("wifi list none", 1, {}, A("device wifi list -o json"), 0, L("[]\n"), {});
    both("wifi show-status inactive",
        1,
        {},
        A("device wifi show-status -o json"),
        0,
        L("{\n  \"address\": \"{MAC1}\",\n  \"connectionState\": \"disconnected\",\n  \"mode\": "
          "\"station\",\n  \"wpa_state\": \"INACTIVE\"\n}\n"),
        {});
    both("wifi add json",
        1,
        {},
        A("device wifi add --ssid SIM-FACTORY-AP --psk simulated-psk-1234 --config-name line3 -o "
          "json"),
        0,
        L("{\n  \"configName\": \"line3\",\n  \"configState\": \"enabled\",\n  "
          "\"connectionState\": \"disconnected\",\n  \"id\": 0,\n"
          "  \"securityState\": \"psk\",\n  \"ssid\": \"SIM-FACTORY-AP\",\n  \"targetedScan\": "
          "false\n}\n"),
        {});
    row("wifi add table",
        1,
        {},
        A("device wifi add -s SIM-OPEN-AP --targeted-scan"),
        0,
        L(" -- ----------- ----------- --------------- ------------- ------------ ----------\n"
          " Id Ssid        ConfigState ConnectionState SecurityState TargetedScan ConfigName\n"
          " ================================================================================\n"
          " 0  SIM-OPEN-AP enabled     disconnected    open          True\n"
          " -- ----------- ----------- --------------- ------------- ------------ ----------\n"),
        {});

    // Usage errors (§1.3) and unknown commands.
    // --query and abbreviations in the legacy dialect (§11).
    row("query legacy json",
        2,
        {},
        A("device list-attached --query [].IpAddress -o json"),
        0,
        L("[\n  \"192.168.35.2\",\n  \"192.168.35.3\"\n]\n"),
        {});
    row("query legacy table wraps lists",
        2,
        {},
        A("device list-attached --query [].{ip:IpAddress,both:[ConnectionPath,IpAddress]}"),
        0,
        L(" ------------ ------------\n Both         Ip\n {E25}\n 1211         192.168.35.2\n"
          " 192.168.35.2\n ------------ ------------\n 1212         192.168.35.3\n 192.168.35.3\n"
          " ------------ ------------\n"),
        {});
    row("query legacy null prints nothing",
        1,
        {},
        A("device list-attached --query [0].nothing -o json"),
        0,
        {},
        {});
    row("query legacy invalid",
        1,
        {},
        A("device list-attached --query ["),
        2,
        {},
        usageText(L("azsphere device list-attached"),
            L("argument --query: invalid jmespath_type value: '['")));
    row("abbreviated --out", 1, {}, A("show-version --out json"), 0, sdkJson, {});
    row("abbreviated --outp=", 1, {}, A("show-version --outp=json"), 0, sdkJson, {});
    row("ambiguous --d",
        1,
        {},
        A("device show-attached --d 1211"),
        2,
        {},
        usageText(L("azsphere device show-attached"),
            L("ambiguous option: --d could match --device, --debug")));
    row("unrecognized positional",
        1,
        {},
        A("device show-attached extra"),
        2,
        {},
        usageText(L("azsphere device show-attached"), L("unrecognized arguments: extra")));
    row("invalid choice state",
        1,
        {},
        A("device manufacturing-state update --state Blank"),
        2,
        {},
        usageText(L("azsphere device manufacturing-state update"),
            L("argument --state/-s: invalid choice: 'Blank' (choose from 'DeviceComplete', "
              "'Module1Complete')")));
    row("invalid choice output",
        1,
        {},
        A("device show-attached -o xml"),
        2,
        {},
        usageText(L("azsphere device show-attached"),
            L("argument --output/-o: invalid choice: 'xml' (choose from 'json', 'jsonc', 'yaml', "
              "'yamlc', 'tsv', 'table', 'none')")));
    row("required state",
        1,
        {},
        A("device manufacturing-state update"),
        2,
        {},
        usageText(L("azsphere device manufacturing-state update"),
            L("the following arguments are required: --state/-s")));
    row("required image-package",
        1,
        {},
        A("device sideload deploy -d 1211"),
        2,
        {},
        usageText(L("azsphere device sideload deploy"),
            L("the following arguments are required: --image-package/-p")));
    row("required ssid",
        1,
        {},
        A("device wifi add"),
        2,
        {},
        usageText(
            L("azsphere device wifi add"), L("the following arguments are required: --ssid/-s")));
    row("required id",
        1,
        {},
        A("device wifi forget"),
        2,
        {},
        usageText(
            L("azsphere device wifi forget"), L("the following arguments are required: --id/-i")));
    row("required image-package show",
        1,
        {},
        A("image-package show"),
        2,
        {},
        usageText(L("azsphere image-package show"),
            L("the following arguments are required: --image-package")));
    row("image-package show has no -p",
        1,
        {},
        A("image-package show -p x --image-package y"),
        2,
        {},
        usageText(L("azsphere image-package show"), L("unrecognized arguments: -p x")));
    row("expected one argument",
        1,
        {},
        A("device show-attached -d"),
        2,
        {},
        usageText(
            L("azsphere device show-attached"), L("argument --device/-d: expected one argument")));
    row("invalid int",
        1,
        {},
        A("device wifi forget -i x"),
        2,
        {},
        usageText(L("azsphere device wifi forget"), L("argument --id/-i: invalid int value: 'x'")));
    row("flag with value",
        1,
        {},
        A("device image list-installed --full=yes"),
        2,
        {},
        usageText(L("azsphere device image list-installed"),
            L("argument --full/-f: ignored explicit argument 'yes'")));
    row("missing file deploy",
        1,
        {},
        A("device sideload deploy -p /nonexistent/x.imagepackage"),
        2,
        {},
        usageText(L("azsphere device sideload deploy"),
            L("argument --image-package/-p: the file '/nonexistent/x.imagepackage' does not exist "
              "or is not accessible.")));
    row("missing file deploy by path",
        1,
        {},
        A("device sideload deploy -d 1211 -p nothere"),
        2,
        {},
        pathWarning(L("192.168.35.2"), L("1211"))
            + usageText(L("azsphere device sideload deploy"),
                L("argument --image-package/-p: the file 'nothere' does not exist or is not "
                  "accessible.")));
    row("missing file show",
        1,
        {},
        A("image-package show --image-package nothere"),
        2,
        {},
        usageText(L("azsphere image-package show"),
            L("argument --image-package: the file 'nothere' does not exist or is not "
              "accessible.")));
    both("device before file check",
        1,
        A("unplug --fixture 1"),
        A("device sideload deploy -p nothere"),
        1,
        {},
        L("{ERR}Could not connect to the device; please ensure it is attached.\n"));
    row("unknown device command",
        1,
        {},
        A("device foo"),
        2,
        {},
        L("azsphere device: 'foo' is not in the 'azsphere device' command group. See 'azsphere "
          "device --help'.\n"));
    row("unknown top command",
        1,
        {},
        A("foo"),
        2,
        {},
        L("azsphere: 'foo' is not in the 'azsphere' command group. See 'azsphere --help'.\n"));
    row("unknown wifi command",
        1,
        {},
        A("device wifi connect"),
        2,
        {},
        L("azsphere device wifi: 'connect' is not in the 'azsphere device wifi' command group. See "
          "'azsphere device wifi --help'.\n"));
    row("help exit 0", 1, {}, A("device recover --help"), 0, L("{HELP}"), {});
    row("group help exit 0", 1, {}, A("device sideload"), 0, L("{HELP}"), {});

    // az (`az sphere`): JSON by default, knack's renderings, its own option names and texts.
    const QString trailer = L("\nExamples from AI knowledge base:\nhttps://aka.ms/cli_ref\nRead "
                              "more about the command in reference docs\n");
    const QString azList
        = L("[\n  {\n    \"deviceIdentifier\": \"{ID1}\",\n    \"ipAddress\": \"192.168.35.2\",\n"
            "    \"isResponsive\": true,\n    \"localConnectionId\": \"1211\"\n  },\n"
            "  {\n    \"deviceIdentifier\": \"{ID2}\",\n    \"ipAddress\": \"192.168.35.3\",\n"
            "    \"isResponsive\": true,\n    \"localConnectionId\": \"1212\"\n  }\n]\n");
    azRow("list-attached default json", 2, {}, A("sphere device list-attached"), 0, azList, {});
    azRow("list-attached jsonc", 2, {}, A("sphere device list-attached -o jsonc"), 0, azList, {});
    azRow("list-attached empty",
        1,
        A("unplug --fixture 1"),
        A("sphere device list-attached"),
        0,
        L("[]\n"),
        {});
    azRow("list-attached table",
        2,
        {},
        A("sphere device list-attached -o table"),
        0,
        L("DeviceIdentifier{S114}IpAddress     IsResponsive    LocalConnectionId\n"
          "{D128}  {D12}  {D14}  {D19}\n"
          "{ID1}  192.168.35.2  True            1211\n"
          "{ID2}  192.168.35.3  True            1212\n"),
        {});
    azRow("list-attached table empty",
        1,
        A("unplug --fixture 1"),
        A("sphere device list-attached -o table"),
        0,
        L("\n"),
        {});
    azRow("list-attached tsv",
        2,
        {},
        A("sphere device list-attached -o tsv"),
        0,
        L("{ID1}\t192.168.35.2\tTrue\t1211\n{ID2}\t192.168.35.3\tTrue\t1212\n"),
        {});
    azRow("list-attached yaml",
        1,
        {},
        A("sphere device list-attached -o yaml"),
        0,
        L("- deviceIdentifier: {ID1}\n  ipAddress: 192.168.35.2\n  isResponsive: true\n"
          "  localConnectionId: '1211'\n"),
        {});
    azRow("list-attached yamlc",
        1,
        A("unplug --fixture 1"),
        A("sphere device list-attached -o yamlc"),
        0,
        L("[]\n"),
        {});
    azRow("list-attached none", 2, {}, A("sphere device list-attached -o none"), 0, {}, {});
    azRow("show-attached json",
        2,
        {},
        A("sphere device show-attached -d 192.168.35.3"),
        0,
        L("{\n  \"deviceIdentifier\": \"{ID2}\",\n  \"ipAddress\": \"192.168.35.3\",\n"
          "  \"isResponsive\": true,\n  \"localConnectionId\": \"1212\"\n}\n"),
        {});
    azRow("show-attached by path warns",
        2,
        {},
        A("sphere device show-attached -d 1212 --query ipAddress -o tsv"),
        0,
        L("192.168.35.3\n"),
        pathWarning(L("192.168.35.3"), L("1212")));
    azRow("rescan-attached",
        2,
        {},
        A("sphere device rescan-attached"),
        0,
        L("{\n  \"count\": 2\n}\n"),
        {});
    azRow("rescan-attached table",
        2,
        {},
        A("sphere device rescan-attached -o table"),
        0,
        L("Count\n-------\n2\n"),
        {});
    azRow("show-os-version",
        1,
        {},
        A("sphere device show-os-version"),
        0,
        L("{\n  \"osVersion\": \"24.03\"\n}\n"),
        {});
    azRow("show-os-version yaml quotes",
        1,
        {},
        A("sphere device show-os-version -o yaml"),
        0,
        L("osVersion: '24.03'\n"),
        {});
    azRow("manufacturing-state show table",
        1,
        {},
        A("sphere device manufacturing-state show --output table"),
        0,
        L("ManufacturingState\n--------------------\nBlank\n"),
        {});
    azRow("capability table",
        1,
        {},
        A("sphere device capability show-attached -o table"),
        0,
        L("Result\n----------------\nEnableRfTestMode\n"),
        {});
    azRow("show-sdk-version",
        1,
        {},
        A("sphere show-sdk-version"),
        0,
        L("{\n  \"version\": \"25.10.0.1\"\n}\n"),
        {});
    azRow("no show-version",
        1,
        {},
        A("sphere show-version"),
        2,
        {},
        L("ERROR: 'show-version' is misspelled or not recognized by the system.\n") + trailer);
    const QString azVersion
        = L("{\n  \"azure-cli\": \"2.75.0\",\n  \"azure-cli-core\": \"2.75.0\",\n"
            "  \"azure-cli-telemetry\": \"1.1.0\",\n  \"extensions\": {\n"
            "    \"azure-sphere\": \"1.0.4\"\n  }\n}\n");
    azRow("version", 1, {}, A("version"), 0, azVersion, {});
    azRow("version -o json", 1, {}, A("version -o json"), 0, azVersion, {});
    azRow("version table",
        1,
        {},
        A("version -o table"),
        0,
        L("Azure-cli    Azure-cli-core    Azure-cli-telemetry\n"
          "-----------  ----------------  ---------------------\n"
          "2.75.0       2.75.0            1.1.0\n"),
        {});
    azRow("version query tsv",
        1,
        {},
        A("version --query \"azure-cli\" -o tsv"),
        0,
        L("2.75.0\n"),
        {});
    azRow("version yaml",
        1,
        {},
        A("version -o yaml"),
        0,
        L("azure-cli: 2.75.0\nazure-cli-core: 2.75.0\nazure-cli-telemetry: 1.1.0\nextensions:\n"
          "  azure-sphere: 1.0.4\n"),
        {});
    azRow("version bad output",
        1,
        {},
        A("version -o foo"),
        2,
        {},
        L("ERROR: az version: 'foo' is not a valid value for '--output'. Allowed values: json, "
          "jsonc, yaml, yamlc, table, tsv, none.\n")
            + trailer);
    azRow("version tsv", 1, {}, A("version -o tsv"), 0, L("2.75.0\t2.75.0\t1.1.0\t\n"), {});

    // az --query.
    azRow("query list",
        2,
        {},
        A("sphere device list-attached --query [].ipAddress"),
        0,
        L("[\n  \"192.168.35.2\",\n  \"192.168.35.3\"\n]\n"),
        {});
    azRow("query filter tsv",
        2,
        {},
        A("sphere device list-attached --query [?localConnectionId=='1212'].ipAddress|[0] -o tsv"),
        0,
        L("192.168.35.3\n"),
        {});
    azRow("query hash table",
        2,
        {},
        A("sphere device list-attached --query [].{ip:ipAddress,path:localConnectionId} -o table"),
        0,
        L("Ip            Path\n------------  ------\n192.168.35.2  1211\n192.168.35.3  1212\n"),
        {});
    azRow(
        "query length", 2, {}, A("sphere device list-attached --query length(@)"), 0, L("2\n"), {});
    azRow("query null prints nothing",
        2,
        {},
        A("sphere device list-attached --query [5]"),
        0,
        {},
        {});
    azRow("query invalid",
        1,
        {},
        A("sphere device list-attached --query ["),
        2,
        {},
        L("ERROR: argument --query: invalid jmespath_type value: '['\nTo learn more about --query, "
          "please visit: 'https://docs.microsoft.com/cli/azure/query-azure-cli'\n"));
    azRow("query type error",
        1,
        {},
        A("sphere device list-attached --query length(`1`)"),
        1,
        {},
        L("ERROR: Invalid jmespath query supplied for `--query`: In function length(), invalid "
          "type for value: 1, expected one of: ['string', 'array', 'object'], received: "
          "\"number\"\nTo learn more about --query, please visit: "
          "'https://docs.microsoft.com/cli/azure/query-azure-cli'\n"));

    // az argument forms and parser errors (§1.4, §1.5).
    azRow("--output=json",
        1,
        {},
        A("sphere show-sdk-version --output=json"),
        0,
        L("{\n  \"version\": \"25.10.0.1\"\n}\n"),
        {});
    azRow("-ojson", 1, {}, A("sphere show-sdk-version -otsv"), 0, L("25.10.0.1\n"), {});
    azRow("-o=tsv", 1, {}, A("sphere show-sdk-version -o=tsv"), 0, L("25.10.0.1\n"), {});
    azRow("--out tsv", 1, {}, A("sphere show-sdk-version --out tsv"), 0, L("25.10.0.1\n"), {});
    azRow("--outp=tsv", 1, {}, A("sphere show-sdk-version --outp=tsv"), 0, L("25.10.0.1\n"), {});
    azRow(
        "-o case-insensitive", 1, {}, A("sphere show-sdk-version -o TSV"), 0, L("25.10.0.1\n"), {});
    azRow("globals accepted",
        1,
        {},
        A("sphere show-sdk-version --only-show-errors --verbose --debug --subscription x -o tsv"),
        0,
        L("25.10.0.1\n"),
        {});
    azRow("ambiguous --d",
        1,
        {},
        A("sphere device show-attached --d 1211"),
        2,
        {},
        L("ERROR: ambiguous option: --d could match --device, --debug\n") + trailer);
    azRow("unrecognized",
        1,
        {},
        A("sphere device show-attached --foo"),
        2,
        {},
        L("ERROR: unrecognized arguments: --foo\n") + trailer);
    azRow("required image-package",
        1,
        {},
        A("sphere device sideload deploy"),
        2,
        {},
        L("ERROR: the following arguments are required: --image-package/-p\n") + trailer);
    azRow("invalid choice state",
        1,
        {},
        A("sphere device manufacturing-state update --state Blank"),
        2,
        {},
        L("ERROR: az sphere device manufacturing-state update: 'Blank' is not a valid value for "
          "'--state'. Allowed values: DeviceComplete, Module1Complete.\n")
            + trailer);
    azRow("invalid output",
        1,
        {},
        A("sphere device show-attached -o xml"),
        2,
        {},
        L("ERROR: az sphere device show-attached: 'xml' is not a valid value for '--output'. "
          "Allowed values: json, jsonc, yaml, yamlc, table, tsv, none.\n")
            + trailer);
    azRow("misspelled command",
        1,
        {},
        A("sphere device foo"),
        2,
        {},
        L("ERROR: 'foo' is misspelled or not recognized by the system.\n") + trailer);
    azRow("misspelled group",
        1,
        {},
        A("foo"),
        2,
        {},
        L("ERROR: 'foo' is misspelled or not recognized by the system.\n") + trailer);
    azRow("no wifi delete",
        1,
        {},
        A("sphere device wifi delete -i 0"),
        2,
        {},
        L("ERROR: 'delete' is misspelled or not recognized by the system.\n") + trailer);
    azRow("no --full",
        1,
        {},
        A("sphere device image list-installed --full"),
        2,
        {},
        L("ERROR: unrecognized arguments: --full\n") + trailer);
    azRow("no -f",
        1,
        {},
        A("sphere device image list-installed -f"),
        2,
        {},
        L("ERROR: unrecognized arguments: -f\n") + trailer);
    azRow("image-package show has no -p",
        1,
        {},
        A("sphere image-package show -p x"),
        2,
        {},
        L("ERROR: the following arguments are required: --image-package\n") + trailer);
    azRow("missing file show",
        1,
        {},
        A("sphere image-package show --image-package nothere"),
        2,
        {},
        L("ERROR: argument --image-package: the file 'nothere' does not exist or is not "
          "accessible.\n")
            + trailer);
    azRow("three-state --force true",
        1,
        {},
        A("sphere device sideload deploy --force true --manual-start false -p nothere"),
        2,
        {},
        L("ERROR: argument --image-package/-p: the file 'nothere' does not exist or is not "
          "accessible.\n")
            + trailer);
    azRow("three-state bad value",
        1,
        {},
        A("sphere device sideload deploy --force=maybe -p nothere"),
        2,
        {},
        L("ERROR: az sphere device sideload deploy: 'maybe' is not a valid value for '--force'. "
          "Allowed values: false, true.\n")
            + trailer);

    // az errors, warnings and exit codes 1 and 3.
    azRow("multiple devices",
        2,
        {},
        A("sphere device show-attached"),
        1,
        {},
        L("ERROR: Multiple devices are attached; use --device to specify one.\n"));
    azRow("action: stdout empty, WARNING lines",
        1,
        {},
        A("sphere device restart -o json"),
        0,
        {},
        L("WARNING: Restarting device.\nWARNING: Device restarted successfully.\n"));
    azRow("action: only-show-errors",
        1,
        {},
        A("sphere device restart --only-show-errors"),
        0,
        {},
        {});
    azRow("action: update by path",
        1,
        {},
        A("sphere device manufacturing-state update -d 1211 -s module1complete"),
        0,
        {},
        pathWarning(L("192.168.35.2"), L("1211")));
    azRow("device error",
        1,
        {},
        A("sphere device wifi forget -i 3"),
        1,
        {},
        L("ERROR: Network not found.\n"));
    azRow("missing cloud resource",
        1,
        {},
        A("sphere catalog show -g MyResourceGroup -c MyCatalog"),
        3,
        {},
        L("ERROR: (ResourceNotFound) The Resource 'Microsoft.AzureSphere/catalogs/MyCatalog' under "
          "resource group 'MyResourceGroup' was not found. For more details please go to "
          "https://aka.ms/ARMResourceNotFoundFix\nCode: ResourceNotFound\nMessage: The Resource "
          "'Microsoft.AzureSphere/catalogs/MyCatalog' under resource group 'MyResourceGroup' was "
          "not found. For more details please go to https://aka.ms/ARMResourceNotFoundFix\n"));
    azRow("help exit 0", 1, {}, A("sphere device recover --help"), 0, L("{HELP}"), {});
    azRow("group help exit 0", 1, {}, A("sphere device"), 0, L("{HELP}"), {});
}

void tst_AzsphereCli::outputs()
{
    QFETCH(QString, tool);
    QFETCH(int, devices);
    QFETCH(QStringList, setup);
    QFETCH(QStringList, args);
    QFETCH(int, exitCode);
    QFETCH(QString, out);
    QFETCH(QString, err);

    Bench bench;
    QVERIFY(bench.isValid());
    QVERIFY(bench.create(devices));
    for (const QString &command :
        setup.join(QLatin1Char(' ')).split(QLatin1Char(';'), Qt::SkipEmptyParts)) {
        const RunResult r = bench.sim(command.split(QLatin1Char(' '), Qt::SkipEmptyParts));
        QVERIFY2(r.exitCode == 0, qPrintable(r.err));
    }
    for (QString &a : args)
        a = expand(a, bench);
    const RunResult r
        = bench.run(tool == QLatin1String("az") ? azProgram() : azsphereProgram(), args);
    QVERIFY(r.finished);
    QCOMPARE(r.err, expand(err, bench));
    if (out == QLatin1String("{HELP}")) {
        QVERIFY(!r.out.isEmpty());
    } else {
        // The MAC is 02:5a plus the first four bytes of the device ID (§4.4).
        const QString id = bench.deviceId(1);
        const QString mac = QStringLiteral("02:5a:%1:%2:%3:%4")
                                .arg(id.mid(0, 2), id.mid(2, 2), id.mid(4, 2), id.mid(6, 2));
        QCOMPARE(r.out, expand(out, bench).replace(QStringLiteral("{MAC1}"), mac));
    }
    QCOMPARE(r.exitCode, exitCode);
    if (out.startsWith(QLatin1String("{\n")) || out.startsWith(QLatin1Char('['))) {
        bool ok = false;
        parseJson(r.out, &ok);
        QVERIFY(ok);
    }
}

void tst_AzsphereCli::listInstalledFull()
{
    Bench bench;
    QVERIFY(bench.create(1));
    const RunResult r = bench.az({QStringLiteral("device"),
        QStringLiteral("image"),
        QStringLiteral("list-installed"),
        QStringLiteral("--full"),
        QStringLiteral("-o"),
        QStringLiteral("json")});
    QCOMPARE(r.exitCode, 0);
    bool ok = false;
    const QJsonArray a = parseJson(r.out, &ok).array();
    QVERIFY(ok);
    QCOMPARE(a.size(), 17); // 16 OS components (24.03) and rftest_server
    const QJsonObject first = a.first().toObject();
    QCOMPARE(first.keys(),
        (QStringList {QStringLiteral("does_image_type_require_restart"),
            QStringLiteral("image_type"),
            QStringLiteral("images"),
            QStringLiteral("is_update_staged"),
            QStringLiteral("name"),
            QStringLiteral("uid")}));
    QCOMPARE(first.value(QStringLiteral("uid")).toString(),
        QStringLiteral("007e32d7-5d8c-44c6-a8d9-4a8f0fe39011"));
    QCOMPARE(first.value(QStringLiteral("name")).toString(), QStringLiteral("1BL"));
    QCOMPARE(first.value(QStringLiteral("image_type")).toInt(), 1);
    QCOMPARE(first.value(QStringLiteral("does_image_type_require_restart")).toBool(), true);
    const QJsonObject image = first.value(QStringLiteral("images")).toArray().first().toObject();
    QCOMPARE(image.value(QStringLiteral("uid")).toString(),
        QStringLiteral("a14098d6-870c-403a-9e01-f289852273a1"));
    QCOMPARE(image.value(QStringLiteral("length_in_bytes")).toInt(), 31132);
    QCOMPARE(image.value(QStringLiteral("replica_type")).toInt(), 0);
    QCOMPARE(a.last()[QStringLiteral("uid")].toString(),
        QStringLiteral("508eddf2-b8c3-4a99-93d9-a045d9a060eb"));
    QCOMPARE(a.last()[QStringLiteral("name")].toString(), QStringLiteral("rftest_server"));
    // The JSON is exactly the sorted-key, 2-space-indented form.
    QVERIFY(r.out.startsWith(QStringLiteral(
        "[\n  {\n    \"does_image_type_require_restart\": true,\n    \"image_type\": 1,\n    "
        "\"images\": [\n      {\n        \"length_in_bytes\": 31132,\n")));
    QVERIFY(r.out.endsWith(
        QStringLiteral("\"uid\": \"508eddf2-b8c3-4a99-93d9-a045d9a060eb\"\n  }\n]\n")));

    const RunResult table = bench.az({QStringLiteral("device"),
        QStringLiteral("image"),
        QStringLiteral("list-installed"),
        QStringLiteral("-f")});
    QCOMPARE(table.exitCode, 0);
    const QStringList lines = table.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.at(1),
        QStringLiteral(" Name                        ImageType                     ComponentId     "
                       "                     ImageId"));
    QCOMPARE(lines.at(3),
        QStringLiteral(
            " 1BL                         System software image type 1  "
            "007e32d7-5d8c-44c6-a8d9-4a8f0fe39011 a14098d6-870c-403a-9e01-f289852273a1"));
    // Dashes, header, equals, each row followed by dashes, the final "".
    QCOMPARE(lines.size(), 3 + 2 * 17 + 1);
}

void tst_AzsphereCli::azListInstalledAll()
{
    // az: --all replaces --full/-f; the JSON is the legacy one.
    Bench bench;
    QVERIFY(bench.create(1));
    const RunResult all = bench.azCli({QStringLiteral("sphere"),
        QStringLiteral("device"),
        QStringLiteral("image"),
        QStringLiteral("list-installed"),
        QStringLiteral("--all")});
    QCOMPARE(all.exitCode, 0);
    QCOMPARE(all.err, QString());
    const RunResult legacy = bench.az({QStringLiteral("device"),
        QStringLiteral("image"),
        QStringLiteral("list-installed"),
        QStringLiteral("--full"),
        QStringLiteral("-o"),
        QStringLiteral("json")});
    QCOMPARE(all.out, legacy.out);
    QCOMPARE(parseJson(all.out).array().size(), 17);
    const RunResult apps = bench.azCli({QStringLiteral("sphere"),
        QStringLiteral("device"),
        QStringLiteral("image"),
        QStringLiteral("list-installed"),
        QStringLiteral("--query"),
        QStringLiteral("length(@)")});
    QCOMPARE(apps.out, QStringLiteral("0\n"));
    const RunResult table = bench.azCli({QStringLiteral("sphere"),
        QStringLiteral("device"),
        QStringLiteral("image"),
        QStringLiteral("list-installed"),
        QStringLiteral("--all"),
        QStringLiteral("-o"),
        QStringLiteral("table")});
    // knack's table keeps the scalar keys (sorted, first letter upper-cased), drops `images`.
    const QStringList lines = table.out.split(QLatin1Char('\n'));
    QCOMPARE(lines.at(0),
        QStringLiteral("Does_image_type_require_restart    Image_type    Is_update_staged    Name"
                       "                         Uid"));
    QCOMPARE(lines.size(), 2 + 17 + 1);
}

void tst_AzsphereCli::azMissingExtension()
{
    Bench bench;
    QVERIFY(bench.create(1));
    bench.setEnvironmentVariable(
        QStringLiteral("AZSPHERE_SIM_AZ_NO_EXTENSION"), QStringLiteral("1"));
    const QString text = QStringLiteral(
        "ERROR: 'sphere' is misspelled or not recognized by the system.\n\nExamples from AI "
        "knowledge base:\nhttps://aka.ms/cli_ref\nRead more about the command in reference docs\n");
    for (const QStringList &args :
        {QStringList {
             QStringLiteral("sphere"), QStringLiteral("device"), QStringLiteral("list-attached")},
            QStringList {QStringLiteral("sphere"), QStringLiteral("show-sdk-version")},
            QStringList {QStringLiteral("sphere")}}) {
        const RunResult r = bench.azCli(args);
        QCOMPARE(r.exitCode, 2);
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, text);
    }
    // With dynamic install off, as the station runs az, real az 2.45.0 adds a hint line.
    bench.setEnvironmentVariable(
        QStringLiteral("AZURE_EXTENSION_USE_DYNAMIC_INSTALL"), QStringLiteral("no"));
    const RunResult hinted = bench.azCli(
        {QStringLiteral("sphere"), QStringLiteral("device"), QStringLiteral("list-attached")});
    QCOMPARE(hinted.exitCode, 2);
    QCOMPARE(hinted.err,
        QStringLiteral("ERROR: 'sphere' is misspelled or not recognized by the system.\nIf the "
                       "command is from an extension, please make sure the corresponding "
                       "extension is installed. To learn more about extensions, please visit "
                       "'https://docs.microsoft.com/cli/azure/azure-cli-extensions-overview'\n\n"
                       "Examples from AI knowledge base:\nhttps://aka.ms/cli_ref\nRead more about "
                       "the command in reference docs\n"));
    const RunResult version = bench.azCli({QStringLiteral("version")});
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(parseJson(version.out).object().value(QStringLiteral("extensions")).toObject(),
        QJsonObject());
}

void tst_AzsphereCli::queryMatchesJp()
{
    // Every expression gives what the JMESPath reference CLI `jp` gives on the same document.
    const QString jp = QStandardPaths::findExecutable(QStringLiteral("jp"));
    if (jp.isEmpty())
        QSKIP("jp (the JMESPath CLI) is not installed");
    Bench bench;
    QVERIFY(bench.create(2));
    const QStringList command = {QStringLiteral("sphere"),
        QStringLiteral("device"),
        QStringLiteral("image"),
        QStringLiteral("list-installed"),
        QStringLiteral("--all"),
        QStringLiteral("-d"),
        QStringLiteral("192.168.35.2")};
    const RunResult document = bench.azCli(command);
    QCOMPARE(document.exitCode, 0);
    const QStringList expressions = {
        QStringLiteral("[0].name"),
        QStringLiteral("[-1].uid"),
        QStringLiteral("[*].name"),
        QStringLiteral("[].images[].uid"),
        QStringLiteral("[].images[0].length_in_bytes"),
        QStringLiteral("[0].images[*]"),
        QStringLiteral("[*].images[].uid | [0:2]"),
        QStringLiteral("[?image_type==`10`].name"),
        QStringLiteral("[?name=='1BL'].uid | [0]"),
        QStringLiteral("[?image_type > `5` && image_type < `9`].name"),
        QStringLiteral("[?image_type >= `7` || name == '1BL'].[name, image_type]"),
        QStringLiteral("[?!does_image_type_require_restart].name"),
        QStringLiteral("[?image_type != `1`] | length(@)"),
        QStringLiteral("length(@)"),
        QStringLiteral("[?contains(name, 'kernel')].name"),
        QStringLiteral("[?starts_with(name, 'nw')].name"),
        QStringLiteral("[?ends_with(name, 'server')].uid"),
        QStringLiteral("[].{n: name, t: image_type, first: images[0].uid}"),
        QStringLiteral("[0].[name, uid]"),
        QStringLiteral("[0:3].name"),
        QStringLiteral("[::2].name"),
        QStringLiteral("[-2:].name"),
        QStringLiteral("[::-3].image_type"),
        QStringLiteral("[5:1:-2].name"),
        QStringLiteral("[].[name, images[0].uid][]"),
        QStringLiteral("[?name=='nope']"),
        QStringLiteral("nope"),
        QStringLiteral("[0].nope"),
        QStringLiteral("[0].\"name\""),
        QStringLiteral("'literal'"),
        QStringLiteral("`{\"a\": [1, 2]}`.a[1]"),
        QStringLiteral("[].name | sort(@) | [0]"),
        QStringLiteral("sort_by(@, &name)[0].name"),
        QStringLiteral("max_by(@, &image_type).name"),
        QStringLiteral("min_by(@, &image_type).name"),
        QStringLiteral("[].image_type | max(@)"),
        QStringLiteral("[].image_type | sum(@)"),
        QStringLiteral("[0].keys(@) | sort(@)"),
        QStringLiteral("[?image_type == `1` || image_type == `10`].name | join(', ', @)"),
        QStringLiteral("[0].images[0].[uid, length_in_bytes] | reverse(@)"),
        QStringLiteral("[?is_update_staged].name"),
        QStringLiteral("[].images[?length_in_bytes > `100000`][].uid"),
        QStringLiteral("not_null([0].nope, [0].name)"),
        QStringLiteral("[0].type(name)"),
        QStringLiteral("map(&name, [0:2])"),
    };
    for (const QString &expression : expressions) {
        QProcess process;
        process.start(jp, {expression});
        QVERIFY(process.waitForStarted());
        process.write(document.out.toUtf8());
        process.closeWriteChannel();
        QVERIFY(process.waitForFinished(30000));
        QVERIFY2(process.exitCode() == 0, qPrintable(expression));
        bool ok = false;
        const QJsonValue expected = parseJson(
            QStringLiteral("[%1]").arg(QString::fromUtf8(process.readAllStandardOutput())), &ok)
                                        .array()
                                        .first();
        QVERIFY2(ok, qPrintable(expression));

        const RunResult r
            = bench.azCli(command + QStringList {QStringLiteral("--query"), expression});
        QVERIFY2(r.exitCode == 0, qPrintable(expression + QLatin1Char(' ') + r.err));
        // A null result prints nothing (knack).
        const QJsonValue actual = r.out.isEmpty()
            ? QJsonValue()
            : parseJson(QStringLiteral("[%1]").arg(r.out)).array().first();
        QVERIFY2(actual == expected,
            qPrintable(expression + QStringLiteral(": ") + r.out + QStringLiteral(" vs jp ")
                + QString::fromUtf8(QJsonDocument(QJsonArray {expected}).toJson())));
    }
}

void tst_AzsphereCli::imagePackageShow_data()
{
    QTest::addColumn<QString>("package");
    QTest::addColumn<QString>("format");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("expected"); // {CID}, {IID}, {T}: from the asset manifest

    QTest::newRow("product table")
        << QStringLiteral("apps/ProductApp.imagepackage") << QString() << 0
        << QStringLiteral("  Section: Identity\n"
                          "    Image Type:           Application\n"
                          "    Component ID:         {CID}\n"
                          "    Image ID:             {IID}\n"
                          "  Section: Signature\n"
                          "    Signing Type:         ECDsa256\n"
                          "    Cert:                 e7da166741ccfabee1623ca315d0b208df11e1f8\n"
                          "  Section: Debug\n"
                          "    Image Name:           ProductApp\n"
                          "    Built On (UTC):       {T}\n"
                          "    Built On (Local):     {T}\n"
                          "  Section: ABI Depends\n"
                          "    Depends on:           ApplicationRuntime, version 5\n");
    QTest::newRow("functional test table")
        << QStringLiteral("apps/FunctionalTestApp.imagepackage") << QString() << 0
        << QStringLiteral("  Section: Identity\n"
                          "    Image Type:           Application\n"
                          "    Component ID:         {CID}\n"
                          "    Image ID:             {IID}\n"
                          "  Section: Signature\n"
                          "    Signing Type:         ECDsa256\n"
                          "    Cert:                 e7da166741ccfabee1623ca315d0b208df11e1f8\n"
                          "  Section: Debug\n"
                          "    Image Name:           FunctionalTestApp\n"
                          "    Built On (UTC):       {T}\n"
                          "    Built On (Local):     {T}\n"
                          "  Section: Temporary Image\n"
                          "    Remove image at boot: True\n"
                          "    Under development:    False\n"
                          "  Section: ABI Depends\n"
                          "    Depends on:           ApplicationRuntime, version 5\n");
    QTest::newRow("dev json")
        << QStringLiteral("apps/ProductApp-dev.imagepackage") << QStringLiteral("json") << 0
        << QStringLiteral("{\n"
                          "  \"ABIDepends\": [\n    {\n      \"Name\": \"ApplicationRuntime\",\n   "
                          "   \"Version\": 5\n    }\n  ],\n"
                          "  \"Debug\": {\n    \"BuildDateUtc\": \"{ISO}\",\n    \"ImageName\": "
                          "\"ProductApp\"\n  },\n"
                          "  \"Identity\": {\n    \"ComponentId\": \"{CID}\",\n    \"ImageId\": "
                          "\"{IID}\",\n    \"ImageType\": \"Applications\"\n  },\n"
                          "  \"Signature\": {\n    \"CertThumbprint\": "
                          "\"a8d5cc6958f48710140d7a26160fc1cfc31f5df0\",\n    \"SigningType\": "
                          "\"ECDsa256\"\n  }\n"
                          "}\n");
    QTest::newRow("keystore json type")
        << QStringLiteral("keystore/TrustedKeystore-v2.imagepackage") << QStringLiteral("json") << 0
        << QStringLiteral("{KEYSTORE}");
    QTest::newRow("board config table")
        << QStringLiteral("boardconfig/lan-w5500-isu0-int5.imagepackage") << QString() << 0
        << QStringLiteral("{BOARD}");
    QTest::newRow("not a package")
        << QStringLiteral("wifi.json") << QString() << 1
        << QStringLiteral("error: '{PATH}' is not a valid image package.\n");
}

void tst_AzsphereCli::imagePackageShow()
{
    QFETCH(QString, package);
    QFETCH(QString, format);
    QFETCH(int, exitCode);
    QFETCH(QString, expected);

    Bench bench; // no bench needed: image-package show is local
    const QString path = m_assets.path(package);
    QStringList args {QStringLiteral("image-package"),
        QStringLiteral("show"),
        QStringLiteral("--image-package"),
        path};
    if (!format.isEmpty())
        args << QStringLiteral("--output") << format;
    const RunResult r = bench.az(args);
    QCOMPARE(r.exitCode, exitCode);
    if (exitCode != 0) {
        QCOMPARE(r.out, QString());
        QCOMPARE(r.err, QString(expected).replace(QStringLiteral("{PATH}"), path));
        return;
    }
    QCOMPARE(r.err, QString());
    const QJsonObject m = m_assets.package(package);
    if (expected == QLatin1String("{KEYSTORE}")) {
        const QJsonObject id
            = parseJson(r.out).object().value(QStringLiteral("Identity")).toObject();
        QCOMPARE(
            id.value(QStringLiteral("ImageType")).toString(), QStringLiteral("TrustedKeystore"));
        QCOMPARE(id.value(QStringLiteral("ComponentId")).toString(),
            QStringLiteral("6ce93845-da18-4620-b1d1-0e13a8189494"));
        QCOMPARE(id.value(QStringLiteral("ImageId")).toString(),
            QStringLiteral("9c551086-6fdc-40a0-9a10-24845766627f"));
        return;
    }
    if (expected == QLatin1String("{BOARD}")) {
        QVERIFY(r.out.contains(QStringLiteral("    Image Type:           CustomerBoardConfig\n")));
        QVERIFY(r.out.contains(QStringLiteral("    Image Name:           lan-w5500-isu0-int5\n")));
        QVERIFY(!r.out.contains(QStringLiteral("Section: ABI Depends")));
        return;
    }
    // The build time is the asset's: read it from the JSON form to build the classic dates.
    const RunResult json = bench.az({QStringLiteral("image-package"),
        QStringLiteral("show"),
        QStringLiteral("--image-package"),
        path,
        QStringLiteral("-o"),
        QStringLiteral("json")});
    const QString iso = parseJson(json.out)
                            .object()
                            .value(QStringLiteral("Debug"))[QStringLiteral("BuildDateUtc")]
                            .toString();
    const QDateTime built = QDateTime::fromString(iso, Qt::ISODate);
    QVERIFY(built.isValid());
    expected.replace(QStringLiteral("{CID}"), m.value(QStringLiteral("componentId")).toString());
    expected.replace(QStringLiteral("{IID}"), m.value(QStringLiteral("imageId")).toString());
    expected.replace(QStringLiteral("{ISO}"), iso);
    expected.replace(
        QStringLiteral("{T}"), built.toUTC().toString(QStringLiteral("M/d/yy h:mm:ss AP")));
    QCOMPARE(r.out, expected);
}

void tst_AzsphereCli::emptyBench()
{
    // A bench directory without a bench: nothing is attached.
    Bench bench;
    const RunResult list = bench.az({QStringLiteral("device"),
        QStringLiteral("list-attached"),
        QStringLiteral("-o"),
        QStringLiteral("json")});
    QCOMPARE(list.exitCode, 0);
    QCOMPARE(list.out, QStringLiteral("[]\n"));
    const RunResult show = bench.az({QStringLiteral("device"), QStringLiteral("show-attached")});
    QCOMPARE(show.exitCode, 1);
    QCOMPARE(show.err,
        QStringLiteral("error: Could not connect to the device; please ensure it is attached.\n"));
    const RunResult version
        = bench.az({QStringLiteral("show-version"), QStringLiteral("-o"), QStringLiteral("json")});
    QCOMPARE(version.out, QStringLiteral("{\n  \"Azure Sphere SDK\": \"25.10.0.1\"\n}\n"));
}

QTEST_GUILESS_MAIN(tst_AzsphereCli)
#include "tst_azspherecli.moc"
