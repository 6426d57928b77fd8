#include "readinessrules.h"

#include "apierrortext.h"

#include <QCoreApplication>

namespace {

QString prefix(ServerRole role)
{
    return role == ServerRole::Old ? QStringLiteral("old.") : QStringLiteral("new.");
}

ReadinessCheck make(const QString &id, ReadinessCheck::Status status, const QString &message,
                    const QString &detail = QString())
{
    ReadinessCheck check;
    check.id = id;
    check.status = status;
    check.message = message;
    check.detail = detail;
    return check;
}

ReadinessCheck unknown(const QString &id, bool final, const QString &why = QString())
{
    if (!final)
        return make(id, ReadinessCheck::Status::Pending, ReadinessRules::tr("Checking…"));
    return make(id, ReadinessCheck::Status::Fail,
                why.isEmpty() ? ReadinessRules::tr("Not checked: the server could not be used.") : why);
}

using S = ReadinessCheck::Status;

} // namespace

QList<ReadinessRules::KeyNeed> ReadinessRules::keyNeeds()
{
    // Octopus Permission names (Swagger `Permission`), and what Handover reads or does with each.
    return {
        {QStringLiteral("MachineView"), tr("deployment targets and polling Tentacles")},
        {QStringLiteral("WorkerView"), tr("workers")},
        {QStringLiteral("TaskView"), tr("running and queued tasks")},
        {QStringLiteral("EventView"), tr("the audit log (who calls the API, drift)")},
        {QStringLiteral("UserView"), tr("users and their API-key metadata")},
        {QStringLiteral("TaskCreate"), tr("health checks that verify re-pointed Tentacles")},
        {QStringLiteral("MachineEdit"), tr("locking Tentacle upgrades")},
        {QStringLiteral("AdministerSystem"), tr("switching maintenance mode")},
    };
}

ReadinessCheck ReadinessRules::keyCheck(ServerRole role, const ServerFacts &f, bool final)
{
    const QString id = prefix(role) + QStringLiteral("key");
    if (!f.permissions.has_value()) {
        if (f.permissionsError.isError())
            return make(id, S::Warn,
                        tr("What the API key may see is not known: %1")
                            .arg(ApiErrorText::describe(f.permissionsError)));
        return unknown(id, final);
    }
    QStringList can;
    QStringList cannot;
    QStringList missing;
    for (const KeyNeed &need : keyNeeds()) {
        if (f.permissions->contains(need.permission)) {
            can.append(need.what);
        } else {
            cannot.append(tr("%1 (%2)").arg(need.what, need.permission));
            missing.append(need.permission);
        }
    }
    const QString who = f.keyUser.isEmpty() ? tr("The API key") : tr("The API key (user %1)").arg(f.keyUser);
    if (cannot.isEmpty())
        return make(id, S::Pass, tr("%1 may see and do everything Handover uses.").arg(who));
    return make(id, S::Warn,
                tr("%1 can see: %2. It cannot: %3.")
                    .arg(who, can.isEmpty() ? tr("nothing Handover uses") : can.join(QStringLiteral("; ")),
                         cannot.join(QStringLiteral("; "))),
                tr("Missing permissions: %1").arg(missing.join(QStringLiteral(", "))));
}

QStringList ReadinessRules::inheritedNodes(const ServerFacts &oldFacts, const ServerFacts &newFacts)
{
    QStringList inherited;
    if (!oldFacts.nodes || !newFacts.nodes)
        return inherited;
    for (const ServerFacts::Node &node : *newFacts.nodes) {
        if (!node.offline)
            continue;
        for (const ServerFacts::Node &old : *oldFacts.nodes) {
            if (old.name.compare(node.name, Qt::CaseInsensitive) == 0) {
                inherited.append(node.name);
                break;
            }
        }
    }
    return inherited;
}

QPair<int, int> ReadinessRules::majorMinor(const QString &version)
{
    const QStringList parts = version.split(QLatin1Char('.'));
    bool okMajor = false;
    bool okMinor = false;
    const int major = parts.value(0).toInt(&okMajor);
    QString minorText = parts.value(1);
    const qsizetype dash = minorText.indexOf(QLatin1Char('-'));
    if (dash >= 0)
        minorText.truncate(dash);
    const int minor = minorText.toInt(&okMinor);
    if (!okMajor || !okMinor)
        return {-1, -1};
    return {major, minor};
}

QList<ReadinessCheck> ReadinessRules::serverChecks(ServerRole role, const ServerFacts &f, bool final)
{
    const QString p = prefix(role);
    QList<ReadinessCheck> checks;
    const bool unusable = f.reachable.has_value() && !*f.reachable;

    if (!f.reachable.has_value())
        checks.append(unknown(p + QStringLiteral("reachable"), final));
    else if (*f.reachable)
        checks.append(
            make(p + QStringLiteral("reachable"), S::Pass, tr("Reachable; the API key is accepted.")));
    else
        checks.append(make(p + QStringLiteral("reachable"), S::Fail, ApiErrorText::describe(f.reachError)));

    if (!f.version.isEmpty())
        checks.append(
            make(p + QStringLiteral("version"), S::Pass,
                 tr("%1 %2").arg(f.application.isEmpty() ? QStringLiteral("Octopus Deploy") : f.application,
                                 f.version)));
    else
        checks.append(unknown(p + QStringLiteral("version"), final || unusable));

    if (f.healthStatus.has_value()) {
        if (*f.healthStatus == 200)
            checks.append(
                make(p + QStringLiteral("health"), S::Pass, tr("Operating normally."), f.healthDescription));
        else
            checks.append(make(p + QStringLiteral("health"), S::Warn,
                               tr("Not operating normally (HTTP %1).").arg(*f.healthStatus),
                               f.healthDescription));
    } else if (f.healthError.isError()) {
        checks.append(make(p + QStringLiteral("health"), S::Warn, ApiErrorText::describe(f.healthError)));
    } else {
        checks.append(unknown(p + QStringLiteral("health"), final || unusable));
    }

    if (f.nodes.has_value()) {
        QStringList draining;
        QStringList offline;
        for (const ServerFacts::Node &node : *f.nodes) {
            if (node.draining)
                draining.append(node.name);
            if (node.offline)
                offline.append(node.name);
        }
        if (draining.isEmpty() && offline.isEmpty())
            checks.append(make(p + QStringLiteral("nodes"), S::Pass,
                               tr("%n node(s), none draining.", nullptr, int(f.nodes->size()))));
        else
            checks.append(
                make(p + QStringLiteral("nodes"), S::Warn,
                     tr("%1 node(s); draining: %2; offline: %3.")
                         .arg(f.nodes->size())
                         .arg(draining.isEmpty() ? tr("none") : draining.join(QStringLiteral(", ")),
                              offline.isEmpty() ? tr("none") : offline.join(QStringLiteral(", ")))));
    } else if (f.nodesError.isError()) {
        checks.append(make(p + QStringLiteral("nodes"), S::Warn, ApiErrorText::describe(f.nodesError)));
    } else {
        checks.append(unknown(p + QStringLiteral("nodes"), final || unusable));
    }

    if (f.maintenance.has_value()) {
        if (!*f.maintenance)
            checks.append(make(p + QStringLiteral("maintenance"), S::Pass, tr("Maintenance mode is off.")));
        else if (role == ServerRole::Old)
            checks.append(make(p + QStringLiteral("maintenance"), S::Pass,
                               tr("Maintenance mode is on: the old server is read-only.")));
        else
            checks.append(
                make(p + QStringLiteral("maintenance"), S::Warn,
                     tr("Maintenance mode is on: the new server refuses changes and deployments.")));
    } else if (f.statusError.isError()) {
        checks.append(
            make(p + QStringLiteral("maintenance"), S::Warn, ApiErrorText::describe(f.statusError)));
    } else {
        checks.append(unknown(p + QStringLiteral("maintenance"), final || unusable));
    }

    checks.append(keyCheck(role, f, final || unusable));

    if (f.queuedTasks.has_value() && f.runningTasks.has_value()) {
        checks.append(make(p + QStringLiteral("tasks"), S::Pass,
                           tr("%1 queued, %2 running.").arg(*f.queuedTasks).arg(*f.runningTasks)));
    } else if (f.tasksError.isError()) {
        checks.append(make(p + QStringLiteral("tasks"), S::Warn, ApiErrorText::describe(f.tasksError)));
    } else {
        checks.append(unknown(p + QStringLiteral("tasks"), final || unusable));
    }
    return checks;
}

QList<ReadinessCheck> ReadinessRules::pairChecks(const ServerFacts &o, const ServerFacts &n, bool final)
{
    QList<ReadinessCheck> checks;
    const bool eitherUnusable =
        (o.reachable.has_value() && !*o.reachable) || (n.reachable.has_value() && !*n.reachable);
    const bool decided = final || eitherUnusable;

    if (!o.version.isEmpty() && !n.version.isEmpty()) {
        const auto a = majorMinor(o.version);
        const auto b = majorMinor(n.version);
        if (a.first >= 0 && a == b)
            checks.append(make(QStringLiteral("version-match"), S::Pass,
                               tr("Both servers run %1.%2 (old %3, new %4).")
                                   .arg(a.first)
                                   .arg(a.second)
                                   .arg(o.version, n.version)));
        else
            checks.append(
                make(QStringLiteral("version-match"), S::Warn,
                     tr("The old server runs %1 and the new one %2: run both side by side only on the same "
                        "major.minor version, or Calamari is upgraded and downgraded on shared targets.")
                         .arg(o.version, n.version)));
    } else {
        checks.append(unknown(QStringLiteral("version-match"), decided));
    }

    if (!o.installationId.isEmpty() && !n.installationId.isEmpty()) {
        if (o.installationId.compare(n.installationId, Qt::CaseInsensitive) == 0)
            checks.append(
                make(QStringLiteral("installation-id-differs"), S::Fail,
                     tr("Both servers report InstallationId %1: the clone was not reset, so both report as "
                        "one installation. Update the Installation ID on the clone.")
                         .arg(n.installationId)));
        else
            checks.append(make(QStringLiteral("installation-id-differs"), S::Pass,
                               tr("The clone has its own InstallationId.")));
    } else {
        checks.append(unknown(QStringLiteral("installation-id-differs"), decided));
    }

    if (o.thumbprint.has_value() && n.thumbprint.has_value()) {
        if (o.thumbprint->compare(*n.thumbprint, Qt::CaseInsensitive) == 0)
            checks.append(
                make(QStringLiteral("certificate-thumbprint-same"), S::Pass,
                     tr("Both servers present certificate thumbprint %1, as expected of a database clone: "
                        "listening Tentacles already trust the new server.")
                         .arg(*o.thumbprint)));
        else
            checks.append(make(
                QStringLiteral("certificate-thumbprint-same"), S::Warn,
                tr("The server certificate thumbprints differ (old %1, new %2): Tentacles will not trust "
                   "the new server until their trust is updated.")
                    .arg(*o.thumbprint, *n.thumbprint)));
    } else if (o.thumbprintError.isError() || n.thumbprintError.isError()) {
        checks.append(make(
            QStringLiteral("certificate-thumbprint-same"), S::Warn,
            ApiErrorText::describe(o.thumbprintError.isError() ? o.thumbprintError : n.thumbprintError)));
    } else {
        checks.append(unknown(QStringLiteral("certificate-thumbprint-same"), decided));
    }

    const bool newUnusable = n.reachable.has_value() && !*n.reachable;
    // A database clone inherits the old server's OctopusServerNode rows: they show on the clone as offline
    // nodes with the old server's names.
    const QStringList inherited = inheritedNodes(o, n);
    const QString nodeAdvice =
        inherited.isEmpty()
            ? QString()
            : tr("The clone still lists the old server's node(s) %1 (offline, the same names): a database "
                 "clone "
                 "inherits them. Delete them on the clone (Configuration > Nodes, or DELETE "
                 "/api/octopusservernodes/{id}), as the clone guide does by deleting the OctopusServerNode "
                 "and OctopusServerNodeStatus rows, so that the clone's node list and task capacity are its "
                 "own.")
                  .arg(inherited.join(QStringLiteral(", ")));
    if (n.enabledTargets && n.enabledWorkers && n.enabledTriggers && n.enabledSubscriptions) {
        const qint64 total =
            *n.enabledTargets + *n.enabledWorkers + *n.enabledTriggers + *n.enabledSubscriptions;
        const QString counts =
            tr("%1 enabled targets, %2 enabled workers, %3 enabled project triggers, %4 enabled "
               "subscriptions")
                .arg(*n.enabledTargets)
                .arg(*n.enabledWorkers)
                .arg(*n.enabledTriggers)
                .arg(*n.enabledSubscriptions);
        QString message;
        if (total == 0)
            message = tr("Nothing on the clone can act on production (%1).").arg(counts);
        else
            message = tr("Before cutover the clone has %1 that could act on production; disable them until "
                         "cutover.")
                          .arg(counts);
        if (!inherited.isEmpty())
            message += QLatin1Char(' ') + nodeAdvice;
        checks.append(make(QStringLiteral("clone-safe"),
                           total == 0 && inherited.isEmpty() ? S::Pass : S::Warn, message));
    } else if (n.cloneSafetyError.isError()) {
        QString message = ApiErrorText::describe(n.cloneSafetyError);
        if (!inherited.isEmpty())
            message += QLatin1Char(' ') + nodeAdvice;
        checks.append(make(QStringLiteral("clone-safe"), S::Warn, message));
    } else {
        checks.append(unknown(QStringLiteral("clone-safe"), final || newUnusable));
    }
    return checks;
}
