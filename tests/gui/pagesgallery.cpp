// pagesgallery: fills a record with a realistic early shift and writes screenshots of the
// technician's and quality staff's pages at 1920x1080, so their design can be checked by eye
// and shown in the README. Runs on the offscreen platform:
//   QT_QPA_PLATFORM=offscreen build/tests/pagesgallery /tmp/pagesgallery [--lang de]
//       [--size 1280x800]
#include "models/capabilitymodel.h"
#include "pagesrecord.h"
#include "services/records/recordquery.h"
#include "ui/analyticspage.h"
#include "ui/deviceviewwidget.h"
#include "ui/rangeselector.h"
#include "ui/recordspage.h"
#include "ui/settingsdialog.h"
#include "ui/theme.h"
#include "ui/translation.h"
#include "ui/yieldpage.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QEventLoop>
#include <QFileInfo>
#include <QPixmap>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTimer>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;

namespace {

QSize ScreenSize(1920, 1080);

bool save(QWidget *widget, const QString &folder, const QString &name, QSize size = ScreenSize)
{
    // The pages must fit the station's smallest screen (1280x800) without scrolling sideways.
    // (New texts reach the layouts through posted layout requests.)
    QApplication::processEvents();
    const QSize minimum = widget->minimumSizeHint();
    std::printf("%s: minimum %dx%d\n", qPrintable(name), minimum.width(), minimum.height());
    widget->resize(size);
    widget->show();
    QApplication::processEvents();
    const QString path = QDir(folder).filePath(name);
    if (!widget->grab().save(path)) {
        std::fprintf(stderr, "cannot write %s\n", qPrintable(path));
        return false;
    }
    std::printf("%s\n", qPrintable(path));
    return true;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(u"Screenshots of the device view and the quality pages."_s);
    parser.addHelpOption();
    parser.addPositionalArgument(u"folder"_s, u"Where the PNG files go."_s);
    QCommandLineOption language(u"lang"_s, u"UI language (de, zh_CN)."_s, u"language"_s);
    parser.addOption(language);
    QCommandLineOption size(u"size"_s, u"Screen size, default 1920x1080."_s, u"WxH"_s);
    parser.addOption(size);
    parser.process(app);
    if (parser.positionalArguments().size() != 1)
        parser.showHelp(2);
    const QString folder = parser.positionalArguments().constFirst();
    if (parser.isSet(size)) {
        const QStringList parts = parser.value(size).split(u'x');
        ScreenSize = QSize(parts.value(0).toInt(), parts.value(1).toInt());
        if (ScreenSize.isEmpty())
            parser.showHelp(2);
    }
    if (!QDir().mkpath(folder)) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(folder));
        return 1;
    }
    Station::Theme::apply();
    if (parser.isSet(language)) {
        if (auto ok = Station::installTranslations(parser.value(language)); !ok)
            std::fprintf(stderr, "%s\n", qPrintable(ok.error().message));
    }

    // The record takes a few thousand synchronous commits: on tmpfs, where fsync costs nothing,
    // that is seconds instead of a minute.
    const QString shm = u"/dev/shm"_s;
    QTemporaryDir dir(QFileInfo(shm).isWritable() ? shm + u"/pagesgallery-XXXXXX"_s
                                                  : QDir::tempPath() + u"/pagesgallery-XXXXXX"_s);
    if (!dir.isValid())
        return 1;
    const QString recordPath = dir.filePath(u"record.sqlite"_s);
    const QDate day(2025, 3, 11);
    const QDateTime now(day, QTime(13, 20), Qt::UTC);
    const auto shift = PagesRecord::writeShiftRecord(recordPath, day, now, 8);
    if (!shift) {
        std::fprintf(stderr, "record: %s\n", qPrintable(shift.error().message));
        return 1;
    }
    std::printf("%d runs in the record\n", shift->runs);

    Station::RecordQuery query;
    if (auto ok = query.open(recordPath); !ok) {
        std::fprintf(stderr, "record: %s\n", qPrintable(ok.error().message));
        return 1;
    }

    bool ok = true;
    const auto clock = [now] { return now; };
    QList<Station::FixtureConfig> fixtures;
    for (int i = 1; i <= 8; ++i)
        fixtures.append({i, u"A%1"_s.arg(i), QString::number(1200 + i * 11), {}, {}});
    {
        Station::RecordsPage page;
        page.setTimeZone(QTimeZone::utc());
        page.setClock(clock);
        page.setFixtures(fixtures);
        page.setRecord(&query, recordPath);
        ok = save(&page, folder, u"records.png"_s) && ok;
        page.setOutcomeFilter({Station::RunOutcome::Fail});
        ok = save(&page, folder, u"records-failed.png"_s) && ok;
    }
    {
        Station::YieldPage page;
        page.setTimeZone(QTimeZone::utc());
        page.setClock(clock);
        page.setRecordQuery(&query);
        ok = save(&page, folder, u"yield.png"_s) && ok;
    }
    {
        // The analytics read on a thread of their own: wait for the report (at most a minute).
        Station::AnalyticsPage page;
        page.setTimeZone(QTimeZone::utc());
        page.setClock(clock);
        page.setRecordPath(recordPath);
        QEventLoop loop;
        QObject::connect(&page, &Station::AnalyticsPage::reportShown, &loop, &QEventLoop::quit);
        QTimer::singleShot(60'000, &loop, &QEventLoop::quit);
        page.refresh();
        loop.exec();
        const int row = page.capabilityModel()->rowOf(u"VCC_3V3"_s, u"V"_s);
        if (row >= 0)
            page.selectMeasurement(row);
        ok = save(&page, folder, u"analytics.png"_s) && ok;
    }
    {
        Station::DeviceViewWidget view;
        view.setTimeZone(QTimeZone::utc());
        view.setRecordQuery(&query);
        view.showRun(shift->failedUart);
        ok = save(&view, folder, u"device-failed.png"_s) && ok;
        view.showRun(shift->failedSideload);
        ok = save(&view, folder, u"device-failed-sideload.png"_s) && ok;

        // A device being recovered right now, followed live.
        const auto running = query.runDetail(shift->running);
        if (running) {
            const int fixture = running->run.start.fixture;
            const auto steps = PagesRecord::fullLineSteps();
            Station::StepResult live;
            live.seq = int(running->steps.size()) + 1;
            live.type = steps.value(live.seq - 1).first;
            live.name = steps.value(live.seq - 1).second;
            live.outcome = Station::StepOutcome::Running;
            live.started = now.addSecs(-95);
            live.attempts = 1;
            view.showLive(fixture, shift->running);
            view.onStepStarted(fixture, live);
            const QStringList lines = {
                u"Starting device recovery. Please note that this may take up to 10 minutes."_s,
                u"Board found. Sending recovery bootloader."_s,
                u"Erasing flash."_s,
                u"Sending 16 images. (5558148 bytes to send)"_s,
                u"Sent 1 of 16 images. (5527016 of 5558148 bytes remaining)"_s,
                u"Sent 2 of 16 images. (5411124 of 5558148 bytes remaining)"_s,
                u"Sent 3 of 16 images. (4987552 of 5558148 bytes remaining)"_s,
            };
            for (const QString &line : lines)
                view.onOutputLine(fixture, line);
            ok = save(&view, folder, u"device-running.png"_s) && ok;
        }
    }
    {
        // A dialog at a dialog's size, not full screen.
        const QSize dialogSize(1200, 760);
        Station::StationConfig config;
        config.backend = Station::Backend::Real;
        config.azspherePath = u"/opt/azurespheresdk/Tools_v2/azsphere"_s;
        config.rfSettingsToolPath = u"/opt/rftools/RfSettingsTool"_s;
        config.rfToolCliPath = u"/opt/rftools/RfToolCli"_s;
        config.stationName = u"LINE2-ST04"_s;
        config.operatorName = u"M. Keller"_s;
        config.recipeFolder = u"/srv/line/recipes"_s;
        config.recordFile = u"/srv/line/record/line2-st04.sqlite"_s;
        config.stepTimeouts.insert(u"os-update"_s, std::chrono::minutes(15));
        config.stepTimeouts.insert(u"wifi-verify"_s, std::chrono::seconds(90));
        for (int i = 1; i <= 8; ++i) {
            config.fixtures.append({i,
                u"A%1"_s.arg(i),
                QString::number(1200 + i * 11),
                u"192.168.35.%1"_s.arg(i + 1),
                u"/dev/ttyUSB%1"_s.arg(i - 1)});
        }
        Station::SettingsDialog dialog;
        dialog.setConfig(config);
        auto *tabs = dialog.findChild<QTabWidget *>(u"tabs"_s);
        tabs->setCurrentIndex(2);
        ok = save(&dialog, folder, u"settings.png"_s, dialogSize) && ok;
        tabs->setCurrentIndex(1);
        ok = save(&dialog, folder, u"settings-tools.png"_s, dialogSize) && ok;
        // A mistake the dialog catches before saving: two fixtures on one USB port.
        config.fixtures[3].connectionPath = config.fixtures[2].connectionPath;
        dialog.setConfig(config);
        tabs->setCurrentIndex(2);
        ok = save(&dialog, folder, u"settings-problems.png"_s, dialogSize) && ok;
    }
    return ok ? 0 : 1;
}
