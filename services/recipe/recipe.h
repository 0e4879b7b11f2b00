#pragma once

#include <QList>
#include <QMap>
#include <QMetaType>
#include <QRegularExpression>
#include <QString>

#include <chrono>
#include <memory>

namespace Station {

struct StepParams; // services/recipe/steptype.h

// One validated recipe step. `params` holds the step type's typed parameters (the struct its
// step class declares, e.g. ConnectParams), already validated by the loader, with every file
// reference resolved to an absolute path (and its SHA-256 checked when the recipe gave one).
struct RecipeStep
{
    QString type; // "connect", "details", "os-update", "keystore", "sideload", ...
    QString name; // display name; defaults to the type
    std::chrono::milliseconds timeout {0};
    int retries = 0; // extra attempts after a failed one
    std::shared_ptr<const StepParams> params;
};

// A loaded, validated recipe. Produced only by the loader (services/recipe/recipeloader.h).
struct Recipe
{
    QString path; // absolute path of the recipe file
    QString name;
    QString version;
    QString description;
    QString sha256;             // of the recipe file's bytes, lowercase hex
    bool requireSerial = false; // a scanned serial number is required before start
    // A scanned label must match this whole (label_pattern, as written); empty: any label.
    QRegularExpression labelPattern;
    QString labelExample; // a label of the expected form, shown when one is refused
    QList<RecipeStep> steps;
    // For cloud configuration (cloud.product, cloud.device_group): the Azure Sphere product and
    // device group the hand-off CSV names for the devices this recipe passes; both empty when
    // the recipe has no "cloud" object.
    QString cloudProduct;
    QString cloudDeviceGroup;
    int format = 0;         // recipe format version the file declared
    QString osVersionsFile; // absolute path of the OS versions file (mt3620an.json), or empty
    QString autoKeystore;   // keystore package sideloaded when an image is not trusted, or empty
    // Every file the recipe references (absolute path, including each package of an os-update
    // folder) -> lowercase hex SHA-256 of its bytes when the recipe was loaded. Steps may hash a
    // file again just before use and refuse it when it changed since.
    QMap<QString, QString> fileSha256;

    QString finalStateName; // set by the loader: the finalize step's state, or empty

    // The final manufacturing state the recipe sets, or empty when it has no finalize step.
    QString finalState() const { return finalStateName; }
    // True when the recipe moves devices to DeviceComplete (permanent).
    bool isPermanent() const { return finalState() == QLatin1String("DeviceComplete"); }
    // True when a step of the recipe changes what is installed, configured or fused on the
    // device (StepTypeInfo::changesDevice).
    bool changesDevice() const;
    // True when a step of the recipe uses the RF tools (StepTypeInfo::needsRfTools).
    bool needsRfTools() const;
    // True when a step of the recipe takes the MAC address from the scanned label.
    bool usesLabelMac() const;
    // Whether a scanned label has the form label_pattern asks for (always, without one).
    bool acceptsLabel(const QString &label) const
    {
        if (labelPattern.pattern().isEmpty())
            return true;
        // Anchored: "SPH-\\d{2}-\\d{5}" takes neither "XSPH-24-00001" nor "SPH-24-000012".
        const QRegularExpression whole(QRegularExpression::anchoredPattern(labelPattern.pattern()),
            labelPattern.patternOptions());
        return whole.match(label).hasMatch();
    }
};

} // namespace Station

Q_DECLARE_METATYPE(Station::Recipe)
