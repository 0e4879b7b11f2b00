#pragma once

#include "services/azsphere/osversions.h"
#include "services/base/jsonreader.h"

#include <QByteArray>
#include <QJsonValue>
#include <QList>
#include <QSet>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>

// What the recipe loader knows of a step type: its descriptor. The recipe area holds only this
// interface; the descriptors themselves, one per step type with its typed parameters and its
// step class, are in the step registry (services/steps/steptypes.cpp). Any thread.
namespace Station {

// The typed parameters of one loaded step. Each step type derives its own, declared next to its
// step class (e.g. ConnectParams in services/steps/connectstep.h).
struct StepParams
{
    virtual ~StepParams() = default;
};

// One parameter as the recipe writes it: the loader refuses any other key, and the test of
// resources/recipes/recipe.schema.json compares these with the schema.
struct StepParamInfo
{
    QString name;
    bool required = false;   // required in every recipe (some are required only with others)
    QJsonValue defaultValue; // undefined: no default
};

// What the loader knows of one image package the recipe names.
struct PackageFacts
{
    QString path;      // absolute
    QString fieldPath; // where the recipe names it
    int imageType = 0;
    QString componentId; // lowercase GUID without braces
    QString imageId;
    bool developmentSigned = false;
};

enum class Signing {
    Refused,              // development-signed packages are refused
    RefusedUnlessAllowed, // refused; the step may allow them
    Allowed,              // the package is only read (delete-temporary, ready-to-ship)
};

struct LoadedFile
{
    QString path; // absolute
    QByteArray bytes;
};

// What the loader's checks across steps (the order rules) need to know about one step; the
// params reader fills in what its type knows.
struct StepFacts
{
    QString type {}; // empty when the step's type is invalid
    QString path;    // "steps[3]"
    QList<PackageFacts> sideloaded;
    QStringList deletedComponents;
    QString state; // finalize: target state; ready-to-ship: expected state
    QString osVersion;
    QStringList readyOs;
    QStringList readyImages;
    bool expectSideloaded = false;
};

// The loader's file checks and recipe-wide facts, for the params readers. Every check reports
// its problems with the field path it is given.
class StepLoader
{
public:
    virtual ~StepLoader() = default;

    virtual std::optional<LoadedFile> readFile(
        const QJsonValue &value, const QString &path, qint64 maxBytes)
        = 0;
    virtual std::optional<QString> readFolder(const QJsonValue &value, const QString &path) = 0;
    // requiredType < 0: any image type.
    virtual std::optional<PackageFacts> readPackage(
        const QJsonValue &value, const QString &path, int requiredType, Signing signing)
        = 0;
    // Reports a name the recipe's OS versions file does not list.
    virtual void checkOsVersionName(const QString &name, const QString &path) = 0;
    // Reports a recovery folder that does not hold exactly the images of that OS version.
    virtual void checkRecoveryFolder(
        const QString &folder, const QString &version, const QString &path)
        = 0;
    // The recipe's OS versions file, parsed (empty when it has none or it is invalid).
    virtual const OsVersions &osVersions() const = 0;
    virtual QString osVersionsFile() const = 0;
    virtual QString autoKeystore() const = 0;
    // The image IDs of the applications the steps before this one leave installed: sideloaded
    // and not deleted since (a later image of a component replaces the earlier one).
    virtual QStringList installedImageIds() const = 0;
};

// What the params reader of one step gets.
struct StepParamsInput
{
    const JsonReader::ObjectReader &params; // knows the parameter names of the descriptor
    StepLoader &loader;
    StepFacts &facts;
    // Set by a step that waits inside itself (StepTypeInfo::waitParam): how long, in seconds.
    std::optional<int> waitS;
};

// One step type.
struct StepTypeInfo
{
    QString type {};               // as the recipe names it: "connect", "os-update", ...
    int defaultTimeoutS = 60;      // per attempt, when the recipe gives no timeout_s
    bool changesDevice = false;    // installs, configures or fuses something on the device
    bool erasedByRecovery = false; // recovery (os-update) erases what it did: it must come after
    bool needsRfTools = false;
    QList<StepParamInfo> params {};
    // A step that waits inside itself for this parameter's time (StepParamsInput::waitS): its
    // default timeout is that time plus waitMarginS, and a timeout_s must be greater.
    QString waitParam {};
    int waitMarginS = 0;
    // Reads and checks the params; the result is kept only when no problem was reported.
    std::function<std::shared_ptr<const StepParams>(StepParamsInput &input)> read {};
    // Whether the loaded step takes the MAC address from the scanned label (empty: never).
    std::function<bool(const StepParams &params)> usesLabelMac {};

    QStringList paramNames() const;
};

// Every step type the station knows, in the order docs/recipe.md lists them. Defined by the step
// registry (services/steps/steptypes.cpp), which links into the same library.
const QList<StepTypeInfo> &stepTypes();
// The descriptor of a type, or nullptr.
const StepTypeInfo *findStepType(const QString &type);

} // namespace Station
