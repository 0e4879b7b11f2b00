#pragma once

#include <QString>
#include <QStringList>

namespace Station {

// What one run has learned so far. Owned by the FixtureWorker, updated by the steps.
struct RunFacts
{
    QString deviceId; // recorded at `details`: the device this run is about
    QString ipAddress;
    QString connectionPath;
    bool deviceLocated = false; // `connect` found the device: ipAddress/connectionPath are its own
    QString osVersion;
    QString manufacturingState;
    QString serialNumber;
    // The label was scanned for another device: it is taken off this run (never bound to it).
    bool labelRefused = false;
    bool everyStepPassed = true;    // every earlier step of this run passed (or was skipped)
    bool readyToShipPassed = false; // the ready-to-ship checks passed in THIS run
    QStringList sideloadedImageIds;
    QStringList sideloadedComponentIds;
    QString labelMacAddress;        // scanned from the device label, for rf-calibrate's "label"
    bool autoKeystoreUsed = false;  // the automatic keystore fallback runs at most once per run
    bool deviceInfoChanged = false; // set by a step that learned device facts for the run row
};

} // namespace Station
