// gridgallery: fills a FixtureModel with realistic fake snapshots and writes screenshots of the
// fixture grid at the screen sizes and fixture counts the station is used with, so the tile
// design can be checked by eye. Runs on the offscreen platform:
//   QT_QPA_PLATFORM=offscreen build/tests/gridgallery /tmp/gridgallery [--lang de]
// (Chinese needs a CJK font installed, e.g. fonts-noto-cjk, to render.)
#include "models/fixturemodel.h"
#include "ui/fixturegridwidget.h"
#include "ui/theme.h"
#include "ui/translation.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QPixmap>

#include <cstdio>

using namespace Qt::Literals::StringLiterals;
using Station::FixtureSnapshot;
using Station::Presence;
using Station::RunOutcome;
using Station::StartBlock;
using Station::Text;

namespace {

const QDateTime Now(QDate(2024, 5, 6), QTime(10, 30, 0), Qt::UTC);

// The steps of resources/recipes/full.json as the operator sees them.
const QStringList Steps = {
    u"Connect"_s,
    u"Device details"_s,
    u"Update OS (recover)"_s,
    u"Check keystore"_s,
    u"Sideload test app"_s,
    u"UART functional test"_s,
    u"RF check"_s,
    u"Wi-Fi test"_s,
    u"Remove test app"_s,
    u"Clear Wi-Fi networks"_s,
    u"Sideload production app"_s,
    u"Ready-to-ship checks"_s,
    u"Finalize (DeviceComplete)"_s,
};

QString deviceId(int fixture)
{
    QString id;
    quint32 x = 0x9E3779B9u * quint32(fixture) + 0x7F4A7C15u;
    while (id.size() < 128) {
        x ^= x << 13;
        x ^= x >> 17;
        x ^= x << 5;
        id += u"%1"_s.arg(x, 8, 16, QLatin1Char('0'));
    }
    return id.left(128);
}

enum class Kind { Running, Pass, Fail, Empty, NoResponse, Ready, Aborted, Interrupted };

// A plausible floor: mostly running and passed devices, a few needing a hand.
Kind kindFor(int fixture, int count)
{
    if (count <= 4) {
        static const Kind four[] = {Kind::Running, Kind::Pass, Kind::Fail, Kind::Empty};
        return four[(fixture - 1) % 4];
    }
    static const Kind mix[] = {Kind::Running,
        Kind::Pass,
        Kind::Fail,
        Kind::Empty,
        Kind::NoResponse,
        Kind::Ready,
        Kind::Aborted,
        Kind::Interrupted,
        Kind::Running,
        Kind::Running,
        Kind::Pass,
        Kind::Running,
        Kind::Pass,
        Kind::Running,
        Kind::Ready,
        Kind::Pass};
    return mix[(fixture - 1) % 16];
}

FixtureSnapshot snapshotFor(int fixture, int count)
{
    FixtureSnapshot s;
    s.fixture = fixture;
    if (fixture % 3 != 0)
        s.label = u"Bench %1-%2"_s.arg(QChar(u'A' + (fixture - 1) / 16))
                      .arg((fixture - 1) % 16 + 1, 2, 10, QLatin1Char('0'));
    s.presence = Presence::Present;
    s.deviceId = deviceId(fixture);
    if (fixture % 4 == 1)
        s.serialNumber = u"SPH-24-%1"_s.arg(10400 + fixture);
    s.runId = fixture;
    s.stepCount = int(Steps.size());
    s.started = Now.addSecs(-(60 + fixture * 37 % 600));
    s.startBlock = StartBlock::None; // as the controller's start rules say for an idle device

    switch (kindFor(fixture, count)) {
    case Kind::Running: {
        s.running = true;
        s.startBlock = StartBlock::Running;
        s.verdict = RunOutcome::Running;
        s.stepIndex = fixture == 1 ? 3 : 1 + (fixture * 5) % 13;
        s.stepName = Steps.at(s.stepIndex - 1);
        break;
    }
    case Kind::Pass:
        s.verdict = RunOutcome::Pass;
        s.stepIndex = 13;
        s.stepName = Steps.last();
        s.finished = s.started.addSecs(412);
        break;
    case Kind::Fail:
        s.verdict = RunOutcome::Fail;
        s.stepIndex = 4;
        s.stepName = Steps.at(3);
        s.failedStep = Steps.at(3);
        s.errorCode = Station::ErrorCode::ImageNotTrusted;
        s.cause
            = Text::raw(u"The device's trusted keystore is older than the image's signing key"_s);
        s.finished = s.started.addSecs(131);
        break;
    case Kind::Empty:
        s = FixtureSnapshot {};
        s.fixture = fixture;
        s.presence = Presence::Empty;
        s.startBlock = StartBlock::Empty;
        break;
    case Kind::NoResponse:
        s.presence = Presence::Unresponsive;
        s.startBlock = StartBlock::Unresponsive;
        s.runId = 0;
        s.stepCount = 0;
        s.started = {};
        break;
    case Kind::Ready:
        s.runId = 0;
        s.stepCount = 0;
        s.started = {};
        break;
    case Kind::Aborted:
        s.verdict = RunOutcome::Aborted;
        s.stepIndex = 7;
        s.stepName = Steps.at(6);
        s.failedStep = Steps.at(6);
        s.cause = Text::raw(u"Stopped by the operator"_s);
        s.finished = s.started.addSecs(200);
        break;
    case Kind::Interrupted:
        s.verdict = RunOutcome::Interrupted;
        s.stepIndex = 9;
        s.stepName = Steps.at(8);
        s.failedStep = Steps.at(8);
        s.cause
            = Text::raw(u"The station stopped during this run; the device's state is unknown"_s);
        s.finished = s.started.addSecs(301);
        break;
    }
    return s;
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    Station::Theme::apply();

    QCommandLineParser parser;
    parser.addHelpOption();
    parser.addPositionalArgument(u"outdir"_s, u"Directory for the PNG files"_s);
    const QCommandLineOption langOption(u"lang"_s,
        u"Translate the tiles (de, zh_CN); file names get the language as suffix"_s,
        u"language"_s);
    parser.addOption(langOption);
    parser.process(app);
    const QString lang = parser.value(langOption);
    if (!lang.isEmpty()) {
        const auto locale = Station::installTranslations(lang);
        if (!locale) {
            std::fprintf(stderr, "%s\n", qPrintable(locale.error().message));
            return 1;
        }
    }
    const QString suffix = lang.isEmpty() ? QString() : u"-"_s + lang;
    const QStringList args = parser.positionalArguments();
    const QDir out(args.isEmpty() ? u"/tmp/gridgallery"_s : args.first());
    if (!QDir().mkpath(out.absolutePath())) {
        std::fprintf(stderr, "cannot create %s\n", qPrintable(out.absolutePath()));
        return 1;
    }

    const QList<QSize> screens = {QSize(1280, 800), QSize(1920, 1080)};
    const QList<int> counts = {1, 4, 8, 32, 64};
    int written = 0;
    for (const QSize &screen : screens) {
        for (int count : counts) {
            Station::FixtureModel model;
            model.setClock([] { return Now; });
            QList<FixtureSnapshot> rows;
            for (int fixture = 1; fixture <= count; ++fixture)
                rows.append(snapshotFor(fixture, count));
            model.resetFixtures(rows);

            Station::FixtureGridWidget grid;
            grid.setModel(&model);
            grid.resize(screen);
            grid.show();
            grid.selectFixture(count >= 2 ? 2 : 1);
            QCoreApplication::processEvents();

            const QString file = out.filePath(u"grid-%1x%2-%3%4.png"_s.arg(screen.width())
                                                  .arg(screen.height())
                                                  .arg(count)
                                                  .arg(suffix));
            if (!grid.grab().save(file)) {
                std::fprintf(stderr, "cannot write %s\n", qPrintable(file));
                return 1;
            }
            std::printf("%s  (%d columns, tile %dx%d)\n",
                qPrintable(file),
                grid.columnCount(),
                grid.tileRect(1).width(),
                grid.tileRect(1).height());
            ++written;
        }
    }
    return written > 0 ? 0 : 1;
}
