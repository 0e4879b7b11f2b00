#pragma once

#include "services/azsphere/azsphereclient.h"

#include <QList>
#include <QString>

namespace Station {

// The conformance probe (`sphere-station probe-tool`): runs every read-only factory command of
// the configured Azure Sphere tool against one attached device, and says for each whether the
// station's parser understood the reply. A plant runs it once per SDK or extension version,
// before production (docs/tools.md). Touches nothing on the device: no recover, sideload,
// Wi-Fi change or manufacturing-state update is ever sent.
class ToolProbe
{
public:
    struct Entry
    {
        QString name;     // "device image list-installed --full"
        ToolResult tool;  // the call as it ran (command line, exit code, stdout, stderr)
        bool ran = false; // false: not run (reason in verdict), e.g. no device to name
        bool understood = false;
        bool optional = false; // not running it does not make the probe incomplete
        QString verdict;       // "understood: 16 components" or why not
    };

    struct Report
    {
        ToolDialect dialect = ToolDialect::Azsphere;
        QString program;
        bool simulated = false; // the simulator's stand-in, not Microsoft's tool
        QString version;        // as showVersion() read it, or empty
        QString device;         // the --device value used, or empty
        QDateTime started;
        QList<Entry> entries;

        int understoodCount() const;
        // Every command that ran was understood, and every command that is not optional ran.
        bool complete() const;
        // Markdown: a summary table, then each command with its exit code and raw output.
        QString markdown() const;
    };

    // `device`: what --device gets (connection path, IP address or device ID); empty: the one
    // device list-attached shows (none or several: the device commands are not run).
    // `imagePackage`: a package for `image-package show`; empty: that command is not run.
    static Report run(AzsphereClient &client, QString device, const QString &imagePackage = {});
};

} // namespace Station
