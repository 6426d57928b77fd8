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
        if (total == 0)
            checks.append(make(QStringLiteral("clone-safe"), S::Pass,
                               tr("Nothing on the clone can act on production (%1).").arg(counts)));
        else
            checks.append(
                make(QStringLiteral("clone-safe"), S::Warn,
                     tr("Before cutover the clone has %1 that could act on production; disable them until "
                        "cutover.")
                         .arg(counts)));
    } else if (n.cloneSafetyError.isError()) {
        checks.append(
            make(QStringLiteral("clone-safe"), S::Warn, ApiErrorText::describe(n.cloneSafetyError)));
    } else {
        checks.append(unknown(QStringLiteral("clone-safe"), final || newUnusable));
    }
    return checks;
}
