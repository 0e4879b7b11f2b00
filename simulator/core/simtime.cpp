#include "simulator/core/simtime.h"

#include <QDateTime>
#include <QThread>

#include <cmath>
#include <cstdlib>
#include <unistd.h>

namespace Sim {

namespace {

double readScale()
{
    const char *text = std::getenv("AZSPHERE_SIM_TIME_SCALE");
    if (!text || !*text)
        return 1.0;
    char *end = nullptr;
    const double value = std::strtod(text, &end);
    if (end == text || *end != '\0' || !std::isfinite(value) || value < 0)
        return 1.0;
    return value;
}

double &scaleStorage()
{
    static double scale = readScale();
    return scale;
}

double g_slowFactor = 1.0;

} // namespace

double timeScale()
{
    return scaleStorage();
}

void setTimeScale(double scale)
{
    scaleStorage() = scale;
}

void setSlowFactor(double factor)
{
    g_slowFactor = factor > 0 ? factor : 1.0;
}

double slowFactor()
{
    return g_slowFactor;
}

qint64 scaledMs(double seconds)
{
    const double ms = seconds * 1000.0 * timeScale() * g_slowFactor;
    if (!(ms > 0))
        return 0;
    return qint64(std::llround(ms));
}

void simSleep(double seconds)
{
    const qint64 ms = scaledMs(seconds);
    if (ms > 0)
        QThread::msleep(quint64(ms));
}

void sleepForever()
{
    for (;;)
        ::pause();
}

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

} // namespace Sim
