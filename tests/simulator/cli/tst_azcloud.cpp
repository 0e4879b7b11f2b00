// The az stand-in's cloud hand-off (`az sphere catalog|product|device-group ...`, `device
// claim|assign|show`) on the bench's simulated cloud: ARM resource JSON, exit 3 for a missing
// resource, the claim rules, a claim race, and the cloud shared with the legacy commands.

#include "simclitest.h"

#include <QTest>

using namespace SimTest;

namespace {

const QString Group = QStringLiteral("MyRG");
const QString Catalog = QStringLiteral("MyCatalog");
const QString DefaultCatalog = QStringLiteral("Sphere Station Factory");

// "sphere" + the words of `command`, {ID1}.. replaced by the bench's device IDs, {G} {C} by the
// resource group and catalog.
QStringList azArgs(const Bench &bench, const QString &command)
{
    QStringList args {QStringLiteral("sphere")};
    for (QString word : command.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        word = withDeviceIds(word, bench);
        word.replace(QStringLiteral("{G}"), Group);
        word.replace(QStringLiteral("{C}"), Catalog);
        args.append(word);
    }
    return args;
}

QString notFoundText(const QString &resource, const QString &group = Group)
{
    const QString text = QStringLiteral("The Resource 'Microsoft.AzureSphere/%1' under resource "
                                        "group '%2' was not found. For more details please go to "
                                        "https://aka.ms/ARMResourceNotFoundFix")
                             .arg(resource, group);
    return QStringLiteral("ERROR: (ResourceNotFound) ") + text
        + QStringLiteral("\nCode: ResourceNotFound\nMessage: ") + text + QLatin1Char('\n');
}

} // namespace

class tst_AzCloud : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void handOff();
    void sharedWithLegacy();
    void errors_data();
    void errors();
    void claimRace();

private:
    static RunResult az(const Bench &bench, const QString &command)
    {
        return bench.azCli(azArgs(bench, command));
    }
};

void tst_AzCloud::handOff()
{
    Bench bench;
    QVERIFY(bench.create(2, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));

    // The default catalog is the legacy default tenant; any resource group is accepted.
    RunResult r = bench.azCli({QStringLiteral("sphere"),
        QStringLiteral("catalog"),
        QStringLiteral("show"),
        QStringLiteral("-g"),
        QStringLiteral("AnyGroup"),
        QStringLiteral("-c"),
        DefaultCatalog});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(
        jsonOf(r).value(QStringLiteral("resourceGroup")).toString(), QStringLiteral("AnyGroup"));

    r = az(bench, QStringLiteral("catalog create -g {G} -n {C}"));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject catalog = jsonOf(r);
    const QString catalogId = catalog.value(QStringLiteral("id")).toString();
    QVERIFY(catalogId.startsWith(QStringLiteral("/subscriptions/")));
    QVERIFY(catalogId.endsWith(
        QStringLiteral("/resourceGroups/MyRG/providers/Microsoft.AzureSphere/catalogs/MyCatalog")));
    QCOMPARE(catalog.value(QStringLiteral("name")).toString(), Catalog);
    QCOMPARE(catalog.value(QStringLiteral("type")).toString(),
        QStringLiteral("Microsoft.AzureSphere/catalogs"));
    QCOMPARE(catalog.value(QStringLiteral("location")).toString(), QStringLiteral("global"));
    QCOMPARE(
        catalog.value(QStringLiteral("properties"))[QStringLiteral("tenantId")].toString().size(),
        36);
    // catalog show answers the same resource; the recorded group wins over the call's.
    QCOMPARE(jsonOf(az(bench, QStringLiteral("catalog show -g {G} -c mycatalog"))), catalog);
    QCOMPARE(jsonOf(az(bench, QStringLiteral("catalog show -g Other -c {C}"))), catalog);
    // --query on a cloud list.
    r = az(bench, QStringLiteral("catalog list --query [].name -o tsv"));
    QCOMPARE(r.out, DefaultCatalog + QStringLiteral("\nMyCatalog\n"));
    QCOMPARE(r.exitCode, 0);
    // With -g: the catalogs recorded in that group and those with none recorded.
    r = az(bench, QStringLiteral("catalog list -g Other --query [].name"));
    QCOMPARE(r.out, QStringLiteral("[\n  \"Sphere Station Factory\"\n]\n"));

    r = bench.azCli(azArgs(bench, QStringLiteral("product create -g {G} -c {C} -n Widget"))
        + QStringList {QStringLiteral("--description"), QStringLiteral("The widget")});
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject product = jsonOf(r);
    QCOMPARE(product.value(QStringLiteral("id")).toString(),
        catalogId + QStringLiteral("/products/Widget"));
    QCOMPARE(product.value(QStringLiteral("type")).toString(),
        QStringLiteral("Microsoft.AzureSphere/catalogs/products"));
    QCOMPARE(product.value(QStringLiteral("properties"))[QStringLiteral("description")].toString(),
        QStringLiteral("The widget"));
    QCOMPARE(jsonOf(az(bench, QStringLiteral("product show -g {G} -c {C} -p widget"))), product);
    r = az(bench, QStringLiteral("product list -g {G} -c {C} --query length(@)"));
    QCOMPARE(r.out, QStringLiteral("1\n"));

    r = az(bench,
        QStringLiteral("device-group create -g {G} -c {C} -p Widget -n Line3 -d line -f RetailEval "
                       "-a No3rdPartyAppUpdates -cd Enabled -r EU"));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    const QJsonObject group = jsonOf(r);
    QCOMPARE(group.value(QStringLiteral("id")).toString(),
        catalogId + QStringLiteral("/products/Widget/deviceGroups/Line3"));
    QCOMPARE(group.value(QStringLiteral("name")).toString(), QStringLiteral("Line3"));
    QCOMPARE(group.value(QStringLiteral("properties")).toObject(),
        QJsonObject({{QStringLiteral("allowCrashDumpsCollection"), QStringLiteral("Enabled")},
            {QStringLiteral("description"), QStringLiteral("line")},
            {QStringLiteral("hasDeployment"), false},
            {QStringLiteral("osFeedType"), QStringLiteral("RetailEval")},
            {QStringLiteral("provisioningState"), QStringLiteral("Succeeded")},
            {QStringLiteral("regionalDataBoundary"), QStringLiteral("EU")},
            {QStringLiteral("updatePolicy"), QStringLiteral("No3rdPartyAppUpdates")}}));
    QCOMPARE(
        jsonOf(az(bench, QStringLiteral("device-group show -g {G} -c {C} -p Widget -dg line3"))),
        group);
    // The five default groups, then Line3.
    r = az(
        bench, QStringLiteral("device-group list -g {G} -c {C} -p Widget --query [].name -o tsv"));
    QCOMPARE(r.out,
        QStringLiteral("Development\nField Test\nProduction\nProduction OS Evaluation\n"
                       "Field Test OS Evaluation\nLine3\n"));

    // Claim into a device group at once, by device ID.
    r = az(bench, QStringLiteral("device claim -g {G} -c {C} -d {ID1} -p Widget -dg Production"));
    QCOMPARE(r.err, QString());
    QCOMPARE(r.exitCode, 0);
    QJsonObject device = jsonOf(r);
    const QString production
        = catalogId + QStringLiteral("/products/Widget/deviceGroups/Production");
    QCOMPARE(device.value(QStringLiteral("id")).toString(),
        production + QStringLiteral("/devices/") + bench.deviceId(1));
    QCOMPARE(device.value(QStringLiteral("name")).toString(), bench.deviceId(1));
    QCOMPARE(device.value(QStringLiteral("type")).toString(),
        QStringLiteral("Microsoft.AzureSphere/catalogs/products/deviceGroups/devices"));
    QCOMPARE(device.value(QStringLiteral("properties"))[QStringLiteral("chipSku")].toString(),
        QStringLiteral("MT3620AN"));
    // Assign it to Line3, by connection path (with the §1.2 WARNING).
    r = az(bench,
        QStringLiteral("device assign -g {G} -c {C} --target-product Widget --target-device-group "
                       "Line3 -d 1211"));
    QCOMPARE(r.err, pathWarning(QStringLiteral("192.168.35.2"), QStringLiteral("1211")));
    QCOMPARE(r.exitCode, 0);
    device = jsonOf(r);
    QCOMPARE(device.value(QStringLiteral("id")).toString(),
        group.value(QStringLiteral("id")).toString() + QStringLiteral("/devices/")
            + bench.deviceId(1));
    QCOMPARE(jsonOf(az(bench, QStringLiteral("device show -g {G} -c {C} -d {ID1}"))), device);

    // Claim into the catalog only (-p/-dg default to .default), by IP address, then assign.
    r = az(bench, QStringLiteral("device claim -g {G} -c {C} -d 192.168.35.3 --query id -o tsv"));
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(r.out,
        catalogId + QStringLiteral("/products/.unassigned/deviceGroups/.unassigned/devices/")
            + bench.deviceId(2) + QLatin1Char('\n'));
    r = az(bench,
        QStringLiteral("device assign -g {G} -c {C} --target-product Widget --target-device-group "
                       "Production -d {ID2} --query id -o tsv"));
    QCOMPARE(
        r.out, production + QStringLiteral("/devices/") + bench.deviceId(2) + QLatin1Char('\n'));
    // The table drops id and type.
    r = az(bench, QStringLiteral("device show -g {G} -c {C} -d {ID2} -o table"));
    QCOMPARE(r.out.split(QLatin1Char('\n')).first().split(QLatin1Char(' '), Qt::SkipEmptyParts),
        QStringList({QStringLiteral("Name"), QStringLiteral("ResourceGroup")}));
}

void tst_AzCloud::sharedWithLegacy()
{
    // One cloud: a catalog is a tenant, and a claim made by either tool holds for both.
    Bench bench;
    QVERIFY(bench.create(2, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));
    RunResult r = bench.az({QStringLiteral("device"),
        QStringLiteral("claim"),
        QStringLiteral("--force"),
        QStringLiteral("-d"),
        bench.deviceId(1)});
    QCOMPARE(r.exitCode, 0);
    const QString tenantId = jsonOf(bench.az({QStringLiteral("tenant"),
                                        QStringLiteral("show-selected"),
                                        QStringLiteral("-o"),
                                        QStringLiteral("json")}))
                                 .value(QStringLiteral("id"))
                                 .toString();
    QStringList show = azArgs(bench, QStringLiteral("device show -g {G} -d {ID1} -c"));
    show << DefaultCatalog;
    r = bench.azCli(show);
    QCOMPARE(r.exitCode, 0);
    QCOMPARE(jsonOf(r).value(QStringLiteral("name")).toString(), bench.deviceId(1));
    QStringList catalogShow = azArgs(bench, QStringLiteral("catalog show -g {G} -c"));
    catalogShow << tenantId; // a catalog may also be named by its tenant ID
    QCOMPARE(jsonOf(bench.azCli(catalogShow))
                 .value(QStringLiteral("properties"))[QStringLiteral("tenantId")]
                 .toString(),
        tenantId);
    // az's claim sees the legacy claim, and the legacy claim sees az's.
    QCOMPARE(az(bench, QStringLiteral("catalog create -g {G} -n {C}")).exitCode, 0);
    r = az(bench, QStringLiteral("device claim -g {G} -c {C} -d {ID1}"));
    QCOMPARE(r.err,
        QStringLiteral("ERROR: Device '%1' has already been claimed into catalog '%2'.\n")
            .arg(bench.deviceId(1), DefaultCatalog));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(az(bench, QStringLiteral("device claim -g {G} -c {C} -d {ID2}")).exitCode, 0);
    r = bench.az({QStringLiteral("device"),
        QStringLiteral("claim"),
        QStringLiteral("--force"),
        QStringLiteral("-d"),
        bench.deviceId(2)});
    QVERIFY(r.err.contains(QStringLiteral("has already been claimed")));
    QCOMPARE(r.exitCode, 1);
}

void tst_AzCloud::errors_data()
{
    addCloudErrorColumns();

    const QString complete = QStringLiteral("DeviceComplete");
    const auto line = [](const QString &text) -> QString {
        return QStringLiteral("ERROR: ") + text + QLatin1Char('\n');
    };
    const QString trailer = QStringLiteral("\nExamples from AI knowledge base:\n"
                                           "https://aka.ms/cli_ref\n"
                                           "Read more about the command in reference docs\n");
    const QString claimed = QStringLiteral("device claim -g {G} -c {C} -d {ID1}");

    // Exit 3: a missing resource.
    QTest::newRow("catalog show, no such catalog")
        << complete << QStringList() << QStringLiteral("catalog show -g {G} -c Nope") << 3
        << notFoundText(QStringLiteral("catalogs/Nope"));
    QTest::newRow("product list, no such catalog")
        << complete << QStringList() << QStringLiteral("product list -g {G} -c Nope") << 3
        << notFoundText(QStringLiteral("catalogs/Nope"));
    QTest::newRow("product show, no such product")
        << complete << QStringList() << QStringLiteral("product show -g {G} -c {C} -p Gadget") << 3
        << notFoundText(QStringLiteral("catalogs/MyCatalog/products/Gadget"));
    QTest::newRow("device-group create, no such product")
        << complete << QStringList()
        << QStringLiteral("device-group create -g {G} -c {C} -p Gadget -n G1") << 3
        << notFoundText(QStringLiteral("catalogs/MyCatalog/products/Gadget"));
    QTest::newRow("device-group list, no such product")
        << complete << QStringList() << QStringLiteral("device-group list -g {G} -c {C} -p Gadget")
        << 3 << notFoundText(QStringLiteral("catalogs/MyCatalog/products/Gadget"));
    QTest::newRow("device-group show, no such group")
        << complete << QStringList()
        << QStringLiteral("device-group show -g {G} -c {C} -p Widget -dg Nope") << 3
        << notFoundText(QStringLiteral("catalogs/MyCatalog/products/Widget/deviceGroups/Nope"));
    QTest::newRow("claim into a missing group")
        << complete << QStringList()
        << QStringLiteral("device claim -g {G} -c {C} -d {ID1} -p Widget -dg Line9") << 3
        << notFoundText(QStringLiteral("catalogs/MyCatalog/products/Widget/deviceGroups/Line9"));
    QTest::newRow("claim into a missing catalog")
        << complete << QStringList() << QStringLiteral("device claim -g {G} -c Nope -d {ID1}") << 3
        << notFoundText(QStringLiteral("catalogs/Nope"));
    QTest::newRow("assign to a missing product")
        << complete << QStringList {claimed}
        << QStringLiteral("device assign -g {G} -c {C} --target-product Gadget "
                          "--target-device-group Production -d {ID1}")
        << 3 << notFoundText(QStringLiteral("catalogs/MyCatalog/products/Gadget"));
    QTest::newRow("assign an unclaimed device")
        << complete << QStringList()
        << QStringLiteral("device assign -g {G} -c {C} --target-product Widget "
                          "--target-device-group Production -d {ID1}")
        << 3 << notFoundText(QStringLiteral("catalogs/MyCatalog/devices/{ID1}"));
    QTest::newRow("device show, unclaimed")
        << complete << QStringList() << QStringLiteral("device show -g {G} -c {C} -d {ID2}") << 3
        << notFoundText(QStringLiteral("catalogs/MyCatalog/devices/{ID2}"));

    // Exit 1: the claim rules and other errors.
    QTest::newRow("claim twice")
        << complete << QStringList {claimed} << claimed << 1
        << line(
               QStringLiteral("Device '{ID1}' has already been claimed into catalog 'MyCatalog'."));
    QTest::newRow("claim twice, other product")
        << complete << QStringList {claimed}
        << QStringLiteral("device claim -g {G} -c {C} -d 192.168.35.2 -p Widget -dg Production")
        << 1
        << line(
               QStringLiteral("Device '{ID1}' has already been claimed into catalog 'MyCatalog'."));
    QTest::newRow("claim unfinalized")
        << QStringLiteral("Module1Complete") << QStringList() << claimed << 1
        << line(QStringLiteral(
               "Device '{ID1}' cannot be claimed: its manufacturing state is 'Module1Complete'; "
               "only finalized (DeviceComplete) devices can be claimed."));
    QTest::newRow("claim blank")
        << QStringLiteral("Blank") << QStringList()
        << QStringLiteral("device claim -g {G} -c {C} -d {ID2}") << 1
        << line(QStringLiteral("Device '{ID2}' cannot be claimed: its manufacturing state is "
                               "'Blank'; only finalized (DeviceComplete) devices can be claimed."));
    QTest::newRow("claim unknown device")
        << complete << QStringList() << QStringLiteral("device claim -g {G} -c {C} -d {ID3}") << 1
        << line(QStringLiteral(
               "Device '{ID3}' is not known: no device of the simulator's bench has this ID."));
    QTest::newRow("claim, product without group")
        << complete << QStringList()
        << QStringLiteral("device claim -g {G} -c {C} -d {ID1} -p Widget") << 1
        << line(QStringLiteral("usage error: --product and --device-group name a device group "
                               "together: give both, or leave both out (or '.default') to claim "
                               "into the catalog only."));
    QTest::newRow("claim, several attached, no -d")
        << complete << QStringList() << QStringLiteral("device claim -g {G} -c {C}") << 1
        << line(QStringLiteral("Multiple devices are attached; use --device to specify one."));
    QTest::newRow("catalog create, bad name")
        << complete << QStringList() << QStringLiteral("catalog create -g {G} -n my.catalog") << 1
        << line(QStringLiteral("The catalog name 'my.catalog' is not valid: it may contain only "
                               "alphanumeric characters, underscores, and hyphens, and must be "
                               "less than 30 characters."));
    QTest::newRow("catalog create, duplicate")
        << complete << QStringList() << QStringLiteral("catalog create -g Other -n mycatalog") << 1
        << line(QStringLiteral("A catalog with the name 'mycatalog' already exists."));
    QTest::newRow("product create, duplicate")
        << complete << QStringList() << QStringLiteral("product create -g {G} -c {C} -n widget")
        << 1 << line(QStringLiteral("A product with the name 'widget' already exists."));
    QTest::newRow("logged out") << QStringLiteral("logged-out") << QStringList()
                                << QStringLiteral("product list -g {G} -c {C}") << 1
                                << line(QStringLiteral("Please run 'az login' to setup account."));
    QTest::newRow("no bench") << QStringLiteral("none") << QStringList()
                              << QStringLiteral("catalog list") << 1
                              << line(
                                     QStringLiteral("Could not reach the simulated cloud: there is "
                                                    "no simulator bench (set AZSPHERE_SIM_HOME)."));

    // Exit 2: parser errors.
    QTest::newRow("catalog show without -c")
        << complete << QStringList() << QStringLiteral("catalog show -g {G}") << 2
        << line(QStringLiteral("the following arguments are required: --catalog/-c")) + trailer;
    QTest::newRow("claim has no --force")
        << complete << QStringList()
        << QStringLiteral("device claim -g {G} -c {C} -d {ID1} --force") << 2
        << line(QStringLiteral("unrecognized arguments: --force")) + trailer;
    QTest::newRow("device-group create, bad feed")
        << complete << QStringList()
        << QStringLiteral("device-group create -g {G} -c {C} -p Widget -n G1 -f Beta") << 2
        << line(QStringLiteral("az sphere device-group create: 'Beta' is not a valid value for "
                               "'--os-feed'. Allowed values: Retail, RetailEval."))
            + trailer;
}

void tst_AzCloud::errors()
{
    QFETCH(QString, state);
    QFETCH(QStringList, setup);
    QFETCH(QString, command);
    QFETCH(int, exitCode);
    QFETCH(QString, err);
    Bench bench;
    if (state != QStringLiteral("none")) {
        const bool loggedOut = state == QStringLiteral("logged-out");
        QVERIFY(bench.create(
            2, {QStringLiteral("--state"), loggedOut ? QStringLiteral("DeviceComplete") : state}));
        QCOMPARE(az(bench, QStringLiteral("catalog create -g {G} -n {C}")).exitCode, 0);
        QCOMPARE(az(bench, QStringLiteral("product create -g {G} -c {C} -n Widget")).exitCode, 0);
        if (loggedOut)
            bench.setEnvironmentVariable(
                QStringLiteral("AZSPHERE_SIM_AZ_LOGGED_OUT"), QStringLiteral("1"));
    }
    for (const QString &step : setup)
        QCOMPARE(az(bench, step).exitCode, 0);
    const RunResult r = az(bench, command);
    QCOMPARE(r.err, withDeviceIds(err, bench));
    QCOMPARE(r.out, QString());
    QCOMPARE(r.exitCode, exitCode);
}

void tst_AzCloud::claimRace()
{
    // Two `az sphere device claim` of one device at the same moment: exactly one wins.
    Bench bench(QStringLiteral("0.01"));
    QVERIFY(bench.create(1, {QStringLiteral("--state"), QStringLiteral("DeviceComplete")}));
    QCOMPARE(az(bench, QStringLiteral("catalog create -g {G} -n {C}")).exitCode, 0);
    QObject owner;
    const QStringList args = azArgs(bench, QStringLiteral("device claim -g {G} -c {C} -d {ID1}"));
    QProcess *winner = nullptr;
    QProcess *loser = nullptr;
    runRace(bench, azProgram(), args, &owner, &winner, &loser);
    if (QTest::currentTestFailed())
        return;
    QCOMPARE(parseJson(QString::fromUtf8(winner->readAllStandardOutput()))
                 .object()
                 .value(QStringLiteral("name"))
                 .toString(),
        bench.deviceId(1));
    QCOMPARE(QString::fromUtf8(loser->readAllStandardError()),
        QStringLiteral("ERROR: Device '%1' has already been claimed into catalog 'MyCatalog'.\n")
            .arg(bench.deviceId(1)));
    QCOMPARE(QString::fromUtf8(loser->readAllStandardOutput()), QString());
    // The cloud holds the device once.
    const QJsonArray tenants
        = parseJson(bench.sim({QStringLiteral("cloud"), QStringLiteral("show")}).out)
              .object()
              .value(QStringLiteral("tenants"))
              .toArray();
    int held = 0;
    for (const QJsonValue &t : tenants)
        held += int(t[QStringLiteral("devices")].toArray().size());
    QCOMPARE(held, 1);
}

QTEST_GUILESS_MAIN(tst_AzCloud)
#include "tst_azcloud.moc"
