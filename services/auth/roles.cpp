#include "services/auth/roles.h"

#include "services/base/tr.h"

using namespace Qt::Literals::StringLiterals;

namespace Station::Auth {

QList<Role> allRoles()
{
    return {Role::Operator, Role::Technician, Role::Quality, Role::Engineer, Role::Admin};
}

QList<Permission> allPermissions()
{
    return {Permission::StartStop,
        Permission::Rerun,
        Permission::LoadRecipe,
        Permission::ApproveRecipe,
        Permission::ChangeSettings,
        Permission::Export,
        Permission::ManageUsers};
}

QString roleName(Role role)
{
    switch (role) {
    case Role::Operator:
        return u"operator"_s;
    case Role::Technician:
        return u"technician"_s;
    case Role::Quality:
        return u"quality"_s;
    case Role::Engineer:
        return u"engineer"_s;
    case Role::Admin:
        return u"admin"_s;
    }
    return {};
}

std::optional<Role> roleFromName(const QString &name)
{
    for (const Role role : allRoles()) {
        if (name.compare(roleName(role), Qt::CaseInsensitive) == 0)
            return role;
    }
    return std::nullopt;
}

Text roleTitle(Role role)
{
    switch (role) {
    case Role::Operator:
        return Tr::tr("Operator", "role");
    case Role::Technician:
        return Tr::tr("Technician", "role");
    case Role::Quality:
        return Tr::tr("Quality", "role");
    case Role::Engineer:
        return Tr::tr("Engineer", "role");
    case Role::Admin:
        return Tr::tr("Admin", "role");
    }
    return {};
}

QString permissionName(Permission permission)
{
    switch (permission) {
    case Permission::StartStop:
        return u"start-stop"_s;
    case Permission::Rerun:
        return u"rerun"_s;
    case Permission::LoadRecipe:
        return u"load-recipe"_s;
    case Permission::ApproveRecipe:
        return u"approve-recipe"_s;
    case Permission::ChangeSettings:
        return u"change-settings"_s;
    case Permission::Export:
        return u"export"_s;
    case Permission::ManageUsers:
        return u"manage-users"_s;
    }
    return {};
}

Text permissionTitle(Permission permission)
{
    switch (permission) {
    case Permission::StartStop:
        return Tr::tr("Starting and stopping fixtures");
    case Permission::Rerun:
        return Tr::tr("Running a device again that failed or passed this recipe");
    case Permission::LoadRecipe:
        return Tr::tr("Loading a recipe");
    case Permission::ApproveRecipe:
        return Tr::tr("Approving a recipe that makes devices permanent");
    case Permission::ChangeSettings:
        return Tr::tr("Changing the settings and the fixture map");
    case Permission::Export:
        return Tr::tr("Exporting the record");
    case Permission::ManageUsers:
        return Tr::tr("Managing users");
    }
    return {};
}

// The matrix (docs/roles.md). Operators run the line; technicians also rerun devices and load
// recipes; quality exports; engineers do all of that, approve recipes that make devices
// permanent and change the station; admins also manage users.
bool allows(Role role, Permission permission)
{
    switch (permission) {
    case Permission::StartStop:
        return role != Role::Quality;
    case Permission::Rerun:
    case Permission::LoadRecipe:
        return role == Role::Technician || role == Role::Engineer || role == Role::Admin;
    case Permission::Export:
        return role == Role::Quality || role == Role::Engineer || role == Role::Admin;
    // Approval happens where a recipe is loaded, so whoever approves also loads recipes.
    case Permission::ApproveRecipe:
    case Permission::ChangeSettings:
        return role == Role::Engineer || role == Role::Admin;
    case Permission::ManageUsers:
        return role == Role::Admin;
    }
    return false;
}

QList<Role> rolesAllowed(Permission permission)
{
    QList<Role> roles;
    for (const Role role : allRoles()) {
        if (allows(role, permission))
            roles.append(role);
    }
    return roles;
}

Text refusal(Permission permission, std::optional<Role> current)
{
    // Nested Texts: the record keeps the English, a window shows its own language.
    Text list;
    for (const Role role : rolesAllowed(permission))
        list = list.isEmpty() ? roleTitle(role)
                              : Tr::tr("%1, %2", "list").arg(list, roleTitle(role));
    if (!current)
        return Tr::tr("Sign in first. %1 needs one of the roles %2.")
            .arg(permissionTitle(permission), list);
    return Tr::tr("%1 needs one of the roles %2; you are signed in as %3.")
        .arg(permissionTitle(permission), list, roleTitle(*current));
}

} // namespace Station::Auth
