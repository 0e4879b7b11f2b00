#include "services/hardware/ftdienumerator.h"

#include <QRegularExpression>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using Station::FtdiEnumerator;
using Station::FtdiInterface;

class tst_FtdiEnumerator : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void locationId_data();
    void locationId();
    void enumerationReturns_data();
    void enumerationReturns();
};

void tst_FtdiEnumerator::locationId_data()
{
    QTest::addColumn<int>("bus");
    QTest::addColumn<QList<int>>("ports");
    QTest::addColumn<QString>("locationId");
    QTest::addColumn<QString>("portPath");

    // The shapes of REFERENCE §1.2's examples: 1243, 223, 12113, 1213413.
    QTest::newRow("bus 1, ports 2.4.3") << 1 << QList<int> {2, 4, 3} << u"1243"_s << u"1-2.4.3"_s;
    QTest::newRow("bus 2, ports 2.3") << 2 << QList<int> {2, 3} << u"223"_s << u"2-2.3"_s;
    QTest::newRow("bus 1, ports 2.1.1.3")
        << 1 << QList<int> {2, 1, 1, 3} << u"12113"_s << u"1-2.1.1.3"_s;
    QTest::newRow("bus 1, ports 2.1.3.4.1.3")
        << 1 << QList<int> {2, 1, 3, 4, 1, 3} << u"1213413"_s << u"1-2.1.3.4.1.3"_s;
    QTest::newRow("root port") << 3 << QList<int> {1} << u"31"_s << u"3-1"_s;
    QTest::newRow("no port chain") << 4 << QList<int>() << u"4"_s << u"4"_s;
    // Two digits are written as they are (see the ambiguity note in the header).
    QTest::newRow("port 12") << 1 << QList<int> {12} << u"112"_s << u"1-12"_s;
}

void tst_FtdiEnumerator::locationId()
{
    QFETCH(int, bus);
    QFETCH(QList<int>, ports);
    QFETCH(QString, locationId);
    QFETCH(QString, portPath);
    QCOMPARE(FtdiEnumerator::locationId(bus, ports), locationId);
    QCOMPARE(FtdiEnumerator::portPath(bus, ports), portPath);
}

void tst_FtdiEnumerator::enumerationReturns_data()
{
    QTest::addColumn<bool>("readStrings");
    QTest::addColumn<QList<quint16>>("extraProductIds");
    QTest::newRow("defaults") << true << QList<quint16>();
    QTest::newRow("no strings") << false << QList<quint16>();
    QTest::newRow("extra product") << true << QList<quint16> {0x6015, 0xfff0};
}

void tst_FtdiEnumerator::enumerationReturns()
{
    QFETCH(bool, readStrings);
    QFETCH(QList<quint16>, extraProductIds);

    // Works with or without USB hardware and permissions: a list (often empty here), or an
    // Io error that says so. It must never crash or hang.
    FtdiEnumerator::Options options;
    options.readStrings = readStrings;
    options.extraProductIds = extraProductIds;
    const auto result = FtdiEnumerator::enumerate(options);
    if (!result) {
        QCOMPARE(result.error().code, Station::ErrorCode::Io);
        QVERIFY(!result.error().message.isEmpty());
        QVERIFY(!result.error().detail.isEmpty());
        qInfo("no USB here: %s", qPrintable(result.error().detail));
        return;
    }
    const QRegularExpression digits(u"^[0-9]+$"_s);
    QStringList paths;
    for (const FtdiInterface &entry : *result) {
        QVERIFY(digits.match(entry.locationId).hasMatch());
        QCOMPARE(entry.locationId, FtdiEnumerator::locationId(entry.busNumber, entry.portNumbers));
        QCOMPARE(entry.portPath, FtdiEnumerator::portPath(entry.busNumber, entry.portNumbers));
        QCOMPARE(entry.vendorId, FtdiEnumerator::FtdiVendorId);
        QVERIFY(!paths.contains(entry.portPath));
        paths.append(entry.portPath);
        if (!readStrings)
            QVERIFY(!entry.stringsRead);
        else if (!entry.stringsRead)
            QVERIFY(!entry.stringsError.isEmpty());
    }
    qInfo("%d FTDI device(s) found", int(result->size()));
}

QTEST_GUILESS_MAIN(tst_FtdiEnumerator)

#include "tst_ftdienumerator.moc"
