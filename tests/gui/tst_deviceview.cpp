#include "models/steplistmodel.h"
#include "pagesrecord.h"
#include "services/records/recordquery.h"
#include "services/records/recordstore.h"
#include "ui/deviceviewwidget.h"
#include "ui/outputview.h"
#include "ui/theme.h"

#include <QClipboard>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyle>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextBlock>
#include <QTextLayout>

using namespace Qt::Literals::StringLiterals;
using namespace Station;

class tst_DeviceView : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void failedRun_data();
    void failedRun();
    void passedRunHasNoCausePanel();
    void selectAnotherStep();
    void history();
    void copyButtons();
    void fitsSmallScreen_data();
    void fitsSmallScreen();
    void search();
    void unknownRun();
    void live();
    void keystoreRemedyAgreesWithStation();
    void uartNotesAreNotErrors();

private:
    template <typename T> T *child(const QString &name) const
    {
        T *found = m_view->findChild<T *>(name);
        if (!found)
            qWarning("no child %s", qPrintable(name));
        return found;
    }
    QString text(const QString &labelName) const { return child<QLabel>(labelName)->text(); }
    // The header's values are read-only line edits (elided when they do not fit).
    QString field(const QString &name) const { return child<QLineEdit>(name)->text(); }
    QString deviceId() const { return field(u"deviceId"_s); }

    QTemporaryDir m_dir;
    QString m_record;
    RecordQuery m_query;
    // One failed run with header values as long as a real station's.
    RecordQuery m_longQuery;
    qint64 m_longRun = 0;
    DeviceViewWidget *m_view = nullptr;
};

void tst_DeviceView::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_record = m_dir.filePath(u"record.sqlite"_s);
    const Result<void> written = PagesRecord::writeKnownRecord(m_record);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    QVERIFY(m_query.open(m_record));

    // The station's look (fonts of at least 11 pt): widths as an operator gets them.
    Theme::apply();

    const QString longRecord = m_dir.filePath(u"long.sqlite"_s);
    RecordStore store;
    QVERIFY(store.open(longRecord));
    RunStart start;
    start.fixture = 12;
    start.fixtureLabel = u"Bench A-12"_s;
    start.connectionPath = u"/dev/ttyUSB11"_s;
    start.serialNumber = u"SN-2026-000123-A"_s;
    start.recipeName = u"Full line (simulator)"_s;
    start.recipeVersion = u"1.0.0"_s;
    start.station = u"Line 3 \u00b7 PC-07"_s;
    start.operatorName = u"M. Keller-Hofstetter"_s;
    start.started = QDateTime(PagesRecord::knownDay(), QTime(9, 7, 1), Qt::UTC);
    const Result<qint64> run = store.beginRun(start);
    QVERIFY(run);
    m_longRun = *run;
    RunDeviceInfo info;
    info.deviceId = PagesRecord::deviceIdOf(u'L');
    info.ipAddress = u"192.168.135.112"_s;
    info.osVersion = u"25.10"_s;
    info.manufacturingState = u"Module1Complete"_s;
    QVERIFY(store.updateRunDevice(m_longRun, info));
    QVERIFY(store.finishRun(m_longRun,
        RunOutcome::Fail,
        u"Load functional test app"_s,
        ErrorCode::ImageNotTrusted,
        Text::raw(u"Image not trusted by device"_s),
        start.started.addSecs(226)));
    store.close();
    QVERIFY(m_longQuery.open(longRecord));
}

void tst_DeviceView::init()
{
    m_view = new DeviceViewWidget;
    m_view->setTimeZone(QTimeZone::utc());
    m_view->setRecordQuery(&m_query);
    m_view->resize(1600, 1000);
    m_view->show();
}

void tst_DeviceView::cleanup()
{
    delete m_view;
    m_view = nullptr;
}

void tst_DeviceView::failedRun_data()
{
    QTest::addColumn<qint64>("runId");
    QTest::addColumn<int>("failedSeq");
    QTest::addColumn<QString>("cause");
    QTest::addColumn<QString>("remedy");
    QTest::addColumn<QString>("commandLine");
    QTest::addColumn<QString>("stdOut");
    QTest::addColumn<QString>("stdErr");
    QTest::addColumn<QString>("code");

    QTest::newRow("functional test out of limits")
        << qint64(1) << 8 << u"VCC_3V3 = 3.12 V is outside the limits 3.2 to 3.4 V."_s
        << u"What to do: Set the device aside for repair."_s
        << u"uart /dev/ttyUSB0 script (9 actions)"_s << u"< VCC_3V3 3.12 V"_s << QString()
        << u"MeasurementOutOfLimits"_s;
    QTest::newRow("image not trusted")
        << qint64(4) << 7
        << u"SDK development thumbprint in the package: a development build, which factory "
           "devices refuse."_s
        << u"What to do: Use the production-signed package."_s
        << u"/opt/azurespheresdk/Tools_v2/azsphere device sideload deploy --image-package "
           "/srv/line/packages/FunctionalTest.imagepackage --device 1222"_s
        << u"Deploying '/srv/line/packages/FunctionalTest.imagepackage' to the attached device."_s
        << u"error: Could not deploy application to device: Image not trusted by device"_s
        << u"ImageNotTrusted"_s;
}

void tst_DeviceView::failedRun()
{
    QFETCH(qint64, runId);
    QFETCH(int, failedSeq);
    QFETCH(QString, cause);
    QFETCH(QString, remedy);
    QFETCH(QString, commandLine);
    QFETCH(QString, stdOut);
    QFETCH(QString, stdErr);
    QFETCH(QString, code);

    QSignalSpy shown(m_view, &DeviceViewWidget::runShown);
    QVERIFY(m_view->showRun(runId));
    QCOMPARE(shown.size(), 1);
    QCOMPARE(m_view->runId(), runId);
    const Result<RunDetail> detail = m_query.runDetail(runId);
    QVERIFY(detail);

    // The header: outcome, full device ID, serial.
    QCOMPARE(text(u"outcome"_s), u"FAIL"_s);
    QCOMPARE(deviceId(), detail->run.start.deviceId);
    QCOMPARE(deviceId().size(), 128);
    QCOMPARE(field(u"serial"_s), detail->run.start.serialNumber);
    QCOMPARE(field(u"recipe"_s), u"Full line 1.0.0"_s);

    // Why it failed, prominently, without opening anything.
    QVERIFY(child<QWidget>(u"causePanel"_s)->isVisible());
    QCOMPARE(text(u"causeText"_s), cause);
    QCOMPARE(text(u"remedyText"_s), remedy);
    QCOMPARE(text(u"causeCode"_s), code);
    QVERIFY(text(u"causeTitle"_s).contains(QString::number(failedSeq)));

    // The failed step is selected, with its exact command line and raw output.
    QCOMPARE(m_view->selectedStepSeq(), failedSeq);
    QCOMPARE(child<QPlainTextEdit>(u"commandLine"_s)->toPlainText(), commandLine);
    QVERIFY2(child<OutputView>(u"stdout"_s)->text().contains(stdOut),
        qPrintable(child<OutputView>(u"stdout"_s)->text()));
    if (stdErr.isEmpty())
        QVERIFY(!child<OutputView>(u"stderr"_s)->text().contains(u"error"_s));
    else
        QVERIFY(child<OutputView>(u"stderr"_s)->text().contains(stdErr));
    QCOMPARE(text(u"toolOutcome"_s), u"Failed with exit code 1"_s);

    auto *steps = child<QTableView>(u"steps"_s);
    QCOMPARE(steps->model()->rowCount(), failedSeq);
    QCOMPARE(steps->model()
                 ->data(steps->model()->index(failedSeq - 1, StepListModel::OutcomeColumn))
                 .toString(),
        u"Failed"_s);
}

void tst_DeviceView::passedRunHasNoCausePanel()
{
    QVERIFY(m_view->showRun(2));
    QCOMPARE(text(u"outcome"_s), u"PASS"_s);
    QVERIFY(child<QWidget>(u"causePanel"_s)->isHidden());
    // Nothing failed: the last step is shown.
    QCOMPARE(m_view->selectedStepSeq(), 14);
    QVERIFY(child<QPlainTextEdit>(u"commandLine"_s)->toPlainText().contains(u"show"_s));
}

void tst_DeviceView::selectAnotherStep()
{
    QVERIFY(m_view->showRun(1));
    m_view->selectStep(3);
    QCOMPARE(m_view->selectedStepSeq(), 3);
    QVERIFY(child<QPlainTextEdit>(u"commandLine"_s)
                ->toPlainText()
                .endsWith(u"device recover --images /srv/line/os/26.09 --device 1211"_s));
    QVERIFY(child<OutputView>(u"stdout"_s)->text().contains(u"Device recovered successfully."_s));
    // Not the failing step: its note shows below the title; the panel keeps the run's cause.
    QVERIFY(text(u"stepCause"_s).contains(u"OS 25.10 -&gt; 26.09"_s)); // rich text
    QCOMPARE(text(u"causeText"_s), u"VCC_3V3 = 3.12 V is outside the limits 3.2 to 3.4 V."_s);
}

void tst_DeviceView::history()
{
    QVERIFY(m_view->showRun(1));
    auto *history = child<QTableView>(u"history"_s);
    QCOMPARE(history->model()->rowCount(), 2);
    // Device A's other run (the retest that passed) is one click away.
    QSignalSpy shown(m_view, &DeviceViewWidget::runShown);
    int other = -1;
    for (int row = 0; row < 2; ++row) {
        if (history->model()->data(history->model()->index(row, 0), Qt::UserRole + 1).toLongLong()
            == 2)
            other = row;
    }
    QVERIFY(other >= 0);
    const QRect cell = history->visualRect(history->model()->index(other, 0));
    QTest::mouseClick(history->viewport(), Qt::LeftButton, {}, cell.center());
    QCOMPARE(shown.size(), 1);
    QCOMPARE(m_view->runId(), 2);
    QCOMPARE(text(u"outcome"_s), u"PASS"_s);
}

void tst_DeviceView::copyButtons()
{
    QVERIFY(m_view->showRun(4));
    QClipboard *clipboard = QGuiApplication::clipboard();
    child<QPushButton>(u"copyDeviceId"_s)->click();
    QCOMPARE(clipboard->text(), PagesRecord::deviceIdOf(u'C'));
    child<QPushButton>(u"copyCommand"_s)->click();
    QVERIFY(clipboard->text().contains(u"sideload deploy"_s));
}

void tst_DeviceView::fitsSmallScreen_data()
{
    QTest::addColumn<bool>("longValues");
    QTest::newRow("known record, run 1") << false;
    // As long as a station's header gets: a simulator recipe, a long label and station name.
    QTest::newRow("station-length values") << true;
}

void tst_DeviceView::fitsSmallScreen()
{
    QFETCH(bool, longValues);
    const QString id = PagesRecord::deviceIdOf(longValues ? u'L' : u'A');
    if (longValues) {
        m_view->setRecordQuery(&m_longQuery);
        QVERIFY(m_view->showRun(m_longRun));
    } else {
        QVERIFY(m_view->showRun(1));
    }
    // New texts reach the view's layout through posted layout requests, one level at a time.
    for (int level = 0; level < 4; ++level)
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
    auto *field = child<QLineEdit>(u"deviceId"_s);
    QCOMPARE(field->text(), id);
    QCOMPARE(field->toolTip(), id);
    QCOMPARE(id.size(), 128);

    // The station window's device tab at 1280x800: the page sits in a scroll area (no frame)
    // on a document-mode tab widget, and is taller than the room below the tool bar, so the
    // area's vertical scroll bar takes its width; two frame widths of slack for the tab pane.
    const int margins = m_view->style()->pixelMetric(QStyle::PM_ScrollBarExtent)
        + 2 * m_view->style()->pixelMetric(QStyle::PM_DefaultFrameWidth);
    const int room = 1280 - margins;
    const int minimum = m_view->minimumSizeHint().width();
    QVERIFY2(minimum <= room, qPrintable(u"minimum width %1 > %2"_s.arg(minimum).arg(room)));

    // The ID does not set the width: its field gives way (showing the ID elided in the middle)
    // to a fraction of the ID, yet holds all of it to select and copy.
    const int idWidth = field->fontMetrics().horizontalAdvance(id);
    QVERIFY2(field->minimumSizeHint().width() < idWidth / 2,
        qPrintable(QString::number(field->minimumSizeHint().width())));
    QVERIFY(field->isReadOnly());
    field->selectAll();
    QCOMPARE(field->selectedText(), id);
    field->copy();
    QCOMPARE(QGuiApplication::clipboard()->text(), id);

    // With room (a full HD screen) it is shown whole, and so is every header value.
    m_view->resize(1920 - margins, 1000);
    QTRY_VERIFY2(field->width() >= idWidth, qPrintable(QString::number(field->width())));
    for (const char *name : {"serial", "fixture", "recipe"}) {
        const auto *value = child<QLineEdit>(QString::fromLatin1(name));
        QVERIFY2(value->width() >= value->fontMetrics().horizontalAdvance(value->text()), name);
    }
}

void tst_DeviceView::search()
{
    QVERIFY(m_view->showRun(1));
    auto *out = child<OutputView>(u"stdout"_s);
    out->setSearchText(u"gpio"_s);
    QCOMPARE(out->matchCount(), 3); // > GPIO SET 8 1, > GPIO GET 8, < GPIO 8 1
    QCOMPARE(out->currentMatch(), 0);
    out->findNext();
    QCOMPARE(out->currentMatch(), 1);
    out->findPrevious();
    out->findPrevious();
    QCOMPARE(out->currentMatch(), 2); // wraps around
    QCOMPARE(out->editor()->textCursor().selectedText().toLower(), u"gpio"_s);
    out->setSearchText(u"no such text"_s);
    QCOMPARE(out->matchCount(), 0);
    QCOMPARE(out->currentMatch(), -1);
}

void tst_DeviceView::unknownRun()
{
    QVERIFY(!m_view->showRun(999));
    QVERIFY(!m_view->errorString().isEmpty());
    QCOMPARE(deviceId(), m_view->errorString());
    QCOMPARE(m_view->runId(), 0);
    DeviceViewWidget noRecord;
    QVERIFY(!noRecord.showRun(1));
}

void tst_DeviceView::live()
{
    // Fixture 3 is being recovered; nothing of its run is in the record yet.
    m_view->showLive(3, 0);
    QCOMPARE(m_view->liveFixture(), 3);
    QCOMPARE(text(u"outcome"_s), u"RUNNING"_s);

    StepResult step;
    step.seq = 1;
    step.name = u"Wait for device"_s;
    step.type = u"connect"_s;
    step.outcome = StepOutcome::Running;
    m_view->onStepStarted(3, step);
    m_view->onOutputLine(3, u"Starting device recovery."_s);
    m_view->onOutputLine(4, u"line of another fixture"_s);
    m_view->onOutputLine(3, u"Board found. Sending recovery bootloader."_s);
    QCOMPARE(m_view->selectedStepSeq(), 1);
    auto *out = child<OutputView>(u"stdout"_s);
    QCOMPARE(
        out->text(), u"Starting device recovery.\nBoard found. Sending recovery bootloader."_s);

    step.outcome = StepOutcome::Passed;
    step.started = QDateTime::currentDateTimeUtc();
    step.finished = step.started.addSecs(3);
    CommandRecord command;
    command.commandLine = u"azsphere device show-attached --device 1243 --output json"_s;
    command.stdOut = u"{\"DeviceId\": \"abc\"}"_s;
    step.commands = {command};
    step.data.insert(u"deviceId"_s, PagesRecord::deviceIdOf(u'Z'));
    m_view->onStepFinished(4, step); // another fixture: ignored
    QCOMPARE(child<QTableView>(u"steps"_s)->model()->rowCount(), 1);
    m_view->onStepFinished(3, step);
    QCOMPARE(child<QPlainTextEdit>(u"commandLine"_s)->toPlainText(), command.commandLine);
    QCOMPARE(out->text(), command.stdOut);
    QCOMPARE(deviceId(), PagesRecord::deviceIdOf(u'Z'));

    // The next step starts: the view follows it.
    StepResult next;
    next.seq = 2;
    next.name = u"Record device details"_s;
    next.outcome = StepOutcome::Running;
    m_view->appendStepResult(next);
    QCOMPARE(m_view->selectedStepSeq(), 2);
    QCOMPARE(child<QTableView>(u"steps"_s)->model()->rowCount(), 2);

    // Looking at an earlier step stops following; new output waits for the running step.
    m_view->selectStep(1);
    auto *steps = child<QTableView>(u"steps"_s);
    steps->setCurrentIndex(steps->model()->index(0, 0));
    m_view->appendOutputLine(u"new line"_s);
    QCOMPARE(m_view->selectedStepSeq(), 1);
    QCOMPARE(out->text(), command.stdOut);
    steps->setCurrentIndex(steps->model()->index(1, 0));
    QCOMPARE(out->text(), u"new line"_s);

    // The run ends: the view reads it from the record.
    FixtureSnapshot snapshot;
    snapshot.fixture = 3;
    snapshot.runId = 4;
    m_view->onRunFinished(3, snapshot);
    QCOMPARE(m_view->liveFixture(), 0);
    QCOMPARE(m_view->runId(), 4);
    QCOMPARE(text(u"outcome"_s), u"FAIL"_s);
}

void tst_DeviceView::keystoreRemedyAgreesWithStation()
{
    // A sideload that stayed untrusted after the station sideloaded the recipe's keystore by
    // itself (stephelpers deploy()): the catalogue says "sideload the trusted keystore".
    const QString path = m_dir.filePath(u"keystore.sqlite"_s);
    RecordStore store;
    QVERIFY(store.open(path));
    RunStart start;
    start.fixture = 1;
    start.started = QDateTime(PagesRecord::knownDay(), QTime(9, 0), Qt::UTC);
    start.deviceId = PagesRecord::deviceIdOf(u'K');
    const Result<qint64> run = store.beginRun(start);
    QVERIFY(run);
    StepResult step;
    step.seq = 1;
    step.name = u"Load product app"_s;
    step.type = u"sideload"_s;
    step.outcome = StepOutcome::Failed;
    step.started = start.started;
    step.finished = start.started.addSecs(30);
    step.attempts = 1;
    step.errorCode = ErrorCode::ImageNotTrusted;
    step.cause = Text::raw(u"Production thumbprint: the device's trusted keystore is older than "
                           "the signing key."_s);
    step.remedy = Text::raw(u"Sideload the trusted keystore package (or recover to a newer OS), "
                            "then retry."_s);
    step.note = Text::raw(u"trusted keystore sideloaded automatically"_s);
    step.data.insert(u"autoKeystore"_s, u"/srv/recipes/assets/keystore-2026.imagepackage"_s);
    QVERIFY(store.commitStep(*run, step));
    QVERIFY(store.finishRun(
        *run, RunOutcome::Fail, step.name, ErrorCode::ImageNotTrusted, step.cause, step.finished));
    store.close();
    RecordQuery query;
    QVERIFY(query.open(path));
    m_view->setRecordQuery(&query);
    QVERIFY(m_view->showRun(*run));
    const QString remedy = text(u"remedyText"_s);
    QVERIFY2(remedy.contains(u"already sideloaded the trusted keystore keystore-2026"_s),
        qPrintable(remedy));
    QVERIFY(!remedy.contains(u"Sideload the trusted keystore package"_s));
    m_view->setRecordQuery(&m_query);
}

void tst_DeviceView::uartNotesAreNotErrors()
{
    OutputView view(u"Output"_s);
    view.setText(u"2026-11-24T06:00:01.000Z ! opened /dev/ttyUSB0 at 115200 baud\n"
                 "2026-11-24T06:00:01.100Z > VERSION\n"
                 "2026-11-24T06:00:01.200Z < ERR unknown command\n"
                 "2026-11-24T06:00:03.200Z ! timed out after 2000 ms waiting for ^OK\n"
                 "! opened /dev/ttyUSB1 at 115200 baud\n"
                 "! failed: The device did not answer"_s);
    auto *editor = view.findChild<QPlainTextEdit *>();
    QVERIFY(editor);
    const QColor fail = Theme::stateStyle(FixtureModel::TileState::Fail).accent.darker(110);
    auto colorOf = [editor](int block) {
        const QList<QTextLayout::FormatRange> formats
            = editor->document()->findBlockByNumber(block).layout()->formats();
        return formats.isEmpty() ? QColor() : formats.constFirst().format.foreground().color();
    };
    QVERIFY(colorOf(0) != fail);    // informational note
    QVERIFY(!colorOf(1).isValid()); // sent
    QCOMPARE(colorOf(2), fail);     // the device's error reply
    QCOMPARE(colorOf(3), fail);     // a timeout
    QVERIFY(colorOf(4) != fail);    // a live note
    QCOMPARE(colorOf(5), fail);     // a live failure
}

QTEST_MAIN(tst_DeviceView)
#include "tst_deviceview.moc"
