#pragma once

#include "services/base/text.h"

#include <QList>
#include <QString>

#include <optional>

// Roles and what each may do (issue #15). The matrix is docs/roles.md; allows() is its only
// copy in code, and tests/services/auth/tst_roles.cpp checks the two against each other.
namespace Station::Auth {

enum class Role { Operator, Technician, Quality, Engineer, Admin };

enum class Permission {
    StartStop,      // start and stop fixtures
    Rerun,          // run again a device that failed, or one that passed, the loaded recipe
    LoadRecipe,     // load a recipe
    ApproveRecipe,  // approve a recipe that makes devices permanent (DeviceComplete)
    ChangeSettings, // the station configuration and the fixture map
    Export,         // CSV export and the cloud hand-off
    ManageUsers,    // add, change, lock and unlock users
};

QList<Role> allRoles();
QList<Permission> allPermissions();

// The stable English name ("operator", …), as stored in the record and the plant.
QString roleName(Role role);
std::optional<Role> roleFromName(const QString &name);
// For people: "Operator", "Technician" … translated where shown.
Text roleTitle(Role role);
// "start and stop fixtures" …, for refusals.
Text permissionTitle(Permission permission);
// The stable name of a permission ("start-stop", …), for the audit trail and docs.
QString permissionName(Permission permission);

bool allows(Role role, Permission permission);
QList<Role> rolesAllowed(Permission permission);

// Why `permission` is refused: "Loading a recipe needs one of the roles Technician, Engineer,
// Admin; you are signed in as Operator." or, with nobody signed in, "Sign in first: …".
Text refusal(Permission permission, std::optional<Role> current);

} // namespace Station::Auth
