#include "models/paretomodel.h"
#include "pagesrecord.h"
#include "services/records/recordquery.h"
#include "ui/paretochart.h"
#include "ui/rangeselector.h"
#include "ui/yieldpage.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QLocale>
#include <QTemporaryDir>
#include <QTest>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

namespace {

QDateTime at(int hour, int minute = 0)
{
    return QDateTime(PagesRecord::knownDay(), QTime(hour, minute), Qt::UTC);
}

} // namespace

class tst_YieldPage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void numbers_data();
    void numbers();
    void pareto();
    void paretoModel();
    void errorCodeWords_data();
    void errorCodeWords();
    void noRecord();
    void namesReadableOnSmallScreens_data();
    void namesReadableOnSmallScreens();

private:
    QString label(const YieldPage &page, const QString &name) const;

    QTemporaryDir m_dir;
    QString m_record;
    RecordQuery m_query;
};

void tst_YieldPage::initTestCase()
{
    // Numbers as an English-speaking line shows them ("40.0 %", "0.6").
    QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    QVERIFY(m_dir.isValid());
    m_record = m_dir.filePath(u"record.sqlite"_s);
    const Result<void> written = PagesRecord::writeKnownRecord(m_record);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QVERIFY(m_query.open(m_record));
}

QString tst_YieldPage::label(const YieldPage &page, const QString &name) const
{
    const auto *found = page.findChild<QLabel *>(name);
    return found ? found->text() : u"<no label %1>"_s.arg(name);
}

void tst_YieldPage::numbers_data()
{
    QTest::addColumn<RangeSelector::Preset>("preset");
    QTest::addColumn<QString>("started");
    QTest::addColumn<QString>("passed");
    QTest::addColumn<QString>("failed");
    QTest::addColumn<QString>("firstPass");

    // Runs 1-6 (see pagesrecord.h): devices A B C E G; A B E passed; C G failed; B and E passed
    // their first run: 2 of 5 = 40 %.
    QTest::newRow("early shift") << RangeSelector::Preset::Early << u"5"_s << u"3"_s << u"2"_s
                                 << u"40.0 %"_s;
    // Runs 7-8: device F failed, then its retest was aborted: no pass, nothing running.
    QTest::newRow("late shift") << RangeSelector::Preset::Late << u"1"_s << u"0"_s << u"1"_s
                                << u"0.0 %"_s;
    QTest::newRow("night, nothing")
        << RangeSelector::Preset::Night << u"0"_s << u"0"_s << u"0"_s << u"\u2014"_s;
}

void tst_YieldPage::numbers()
{
    QFETCH(RangeSelector::Preset, preset);
    QFETCH(QString, started);
    QFETCH(QString, passed);
    QFETCH(QString, failed);
    QFETCH(QString, firstPass);

    YieldPage page;
    page.setTimeZone(QTimeZone::utc());
    // Late in the evening: the early and late shifts are over.
    page.setClock([] { return at(23, 30); });
    page.setRecordQuery(&m_query);
    page.rangeSelector()->setPreset(preset);
    page.resize(1600, 900);
    page.show();

    QCOMPARE(label(page, u"devicesStarted"_s), started);
    QCOMPARE(label(page, u"devicesPassed"_s), passed);
    QCOMPARE(label(page, u"devicesFailed"_s), failed);
    QCOMPARE(label(page, u"firstPassYield"_s), firstPass);
    const YieldReport report = page.report();
    QCOMPARE(report.devicesStarted, started.toInt());
    // Devices per hour of production time (the runs' time), not of the shift's 8 hours.
    if (report.runs == 0) {
        QCOMPARE(report.hours, 0.0);
        QCOMPARE(label(page, u"devicesPerHour"_s), u"\u2014"_s);
    } else {
        QVERIFY2(report.hours > 0 && report.hours < 8.0, qPrintable(QString::number(report.hours)));
        QCOMPARE(label(page, u"devicesPerHour"_s),
            QLocale().toString(report.devicesStarted / report.hours, 'f', 1));
    }
    const auto *card = page.findChild<QWidget *>(u"devicesPerHourCard"_s);
    QVERIFY(card);
    QVERIFY(card->toolTip().contains(u"production time"_s));
}

void tst_YieldPage::pareto()
{
    YieldPage page;
    page.setTimeZone(QTimeZone::utc());
    page.setClock([] { return at(23, 30); });
    page.setRecordQuery(&m_query);
    page.rangeSelector()->setPreset(RangeSelector::Preset::Early);
    page.resize(1600, 900);
    page.show();

    const ParetoModel *steps = page.stepPareto();
    QCOMPARE(steps->rowCount(), 2);
    QCOMPARE(steps->name(0), u"Functional test"_s);
    QCOMPARE(steps->data(steps->index(0, ParetoModel::CountColumn)).toInt(), 2);
    QCOMPARE(steps->name(1), u"Load functional test app"_s);
    QCOMPARE(steps->data(steps->index(1, ParetoModel::CumulativeColumn)).toString(), u"100.0 %"_s);
    const ParetoModel *errors = page.errorPareto();
    QCOMPARE(errors->rowCount(), 2);
    QCOMPARE(errors->name(0), u"Measurement out of limits"_s);
    QCOMPARE(errors->data(errors->index(0, ParetoModel::ShareColumn)).toString(), u"66.7 %"_s);
    QCOMPARE(errors->data(errors->index(0, ParetoModel::DetailColumn)).toString(),
        u"VCC_3V3 = 3.12 V is outside the limits 3.2 to 3.4 V."_s);

    // The charts draw the same, most frequent first.
    const auto charts = page.findChildren<ParetoChart *>();
    QCOMPARE(charts.size(), 2);
    QStringList drawn;
    for (const ParetoChart *chart : charts)
        drawn << chart->categories().value(0);
    QVERIFY(drawn.contains(u"Functional test"_s));
    QVERIFY(drawn.contains(u"Measurement out of limits"_s));
    for (const ParetoChart *chart : charts)
        QCOMPARE(chart->counts(), (QList<int> {2, 1}));

    // A range without failures empties the charts.
    page.rangeSelector()->setPreset(RangeSelector::Preset::Night);
    QCOMPARE(steps->rowCount(), 0);
    for (const ParetoChart *chart : charts)
        QVERIFY(chart->categories().isEmpty());
}

void tst_YieldPage::paretoModel()
{
    ParetoModel model(ParetoModel::Kind::Step);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QList<ParetoEntry> entries;
    for (int i = 0; i < 11; ++i)
        entries.append({u"step %1"_s.arg(i, 2, 10, QLatin1Char('0')), {}, 1 + (i * 7) % 5});
    model.setEntries(entries);
    QCOMPARE(model.rowCount(), 11);
    int previous = INT_MAX;
    for (int row = 0; row < model.rowCount(); ++row) {
        const int count = model.data(model.index(row, 0), ParetoModel::CountRole).toInt();
        QVERIFY(count <= previous);
        previous = count;
    }
    QCOMPARE(model.cumulativeShare(model.rowCount() - 1), 1.0);

    // More kinds than bars: the tail is folded into one "Other" bar with the right count.
    ParetoChart chart(&model);
    QCOMPARE(chart.categories().size(), ParetoChart::MaxBars);
    QVERIFY(chart.categories().last().startsWith(u"Other"_s));
    int sum = 0;
    for (int count : chart.counts())
        sum += count;
    QCOMPARE(sum, model.total());
}

void tst_YieldPage::errorCodeWords_data()
{
    QTest::addColumn<QString>("code");
    QTest::addColumn<QString>("words");
    QTest::newRow("plain") << u"MeasurementOutOfLimits"_s << u"Measurement out of limits"_s;
    QTest::newRow("acronym") << u"RfCheckFailed"_s << u"RF check failed"_s;
    QTest::newRow("uart") << u"UartTimeout"_s << u"UART timeout"_s;
    QTest::newRow("wifi") << u"WifiNotConnected"_s << u"Wi-Fi not connected"_s;
    QTest::newRow("one word") << u"Cancelled"_s << u"Cancelled"_s;
}

void tst_YieldPage::errorCodeWords()
{
    QFETCH(QString, code);
    QFETCH(QString, words);
    QCOMPARE(ParetoModel::errorCodeWords(code), words);
}

void tst_YieldPage::noRecord()
{
    YieldPage page;
    page.refresh();
    QCOMPARE(label(page, u"devicesStarted"_s), u"0"_s);
    QCOMPARE(label(page, u"firstPassYield"_s), u"\u2014"_s);
    RecordQuery closed;
    page.setRecordQuery(&closed);
    QCOMPARE(page.report().runs, 0);
}

void tst_YieldPage::namesReadableOnSmallScreens_data()
{
    QTest::addColumn<QSize>("size");
    QTest::newRow("1280x800") << QSize(1280, 800 - 120);
    // 1280x800 at QT_SCALE_FACTOR=1.5: 853x533 device-independent pixels.
    QTest::newRow("1280x800 at 150 %") << QSize(853, 533 - 80);
}

void tst_YieldPage::namesReadableOnSmallScreens()
{
    QFETCH(QSize, size);
    YieldPage page;
    page.setTimeZone(QTimeZone::utc());
    page.setClock([] { return at(23, 30); });
    page.setRecordQuery(&m_query);
    page.rangeSelector()->setPreset(RangeSelector::Preset::All);
    page.resize(size);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    const QList<ParetoChart *> charts = page.findChildren<ParetoChart *>();
    QCOMPARE(charts.size(), 2);
    for (const ParetoChart *chart : charts) {
        const QStringList labels = chart->axisLabels();
        const QStringList names = chart->categories();
        QCOMPARE(labels.size(), names.size());
        for (qsizetype i = 0; i < labels.size(); ++i) {
            // Whole, or elided after its first words: never a bare "…". (The axis lists the
            // bars bottom up.)
            const QString &label = labels.at(i);
            const QString visible = QString(label).remove(u'\u2026').trimmed();
            QVERIFY2(
                label == names.at(names.size() - 1 - i) || visible.size() >= 8, qPrintable(label));
        }
        // QtCharts draws them as given: each fits the room its axis has.
        QVERIFY(chart->width() > 0);
        QVERIFY(ParetoChart::labelWidthFor(chart->width()) < chart->width() / 2);
    }
}

QTEST_MAIN(tst_YieldPage)
#include "tst_yieldpage.moc"
