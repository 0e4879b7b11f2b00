#pragma once

#include <QtGlobal>

// Simulated time: every delay of the simulator goes through simSleep(), scaled by the
// environment variable AZSPHERE_SIM_TIME_SCALE (1 = real time, 0 = instant; default 1).
// Part of the API sim-io uses.
namespace Sim {

// The scale factor, read once from the environment. Negative or unparsable values count as 1.
double timeScale();
// Overrides the scale for this process (tests of the library itself).
void setTimeScale(double scale);
// Extra factor for this process only: the `slow` fault multiplies every later delay by it.
void setSlowFactor(double factor);
double slowFactor();

// Milliseconds that `seconds` of simulated time take now (scale and slow factor applied).
qint64 scaledMs(double seconds);
// Sleeps `seconds` of simulated time; returns at once when the scaled time is zero.
void simSleep(double seconds);
// Sleeps forever (the `hang` fault). Never returns.
[[noreturn]] void sleepForever();
// Wall-clock milliseconds since the epoch.
qint64 nowMs();

} // namespace Sim
