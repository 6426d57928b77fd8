#include "drift.h"

#include <QCoreApplication>
#include <QHash>
#include <QSet>

#include <algorithm>
#include <array>

namespace Drift {

namespace {

struct KindEntry
{
    const char *prefix; // lower case, the id's text before its first '-'
    ObjectKind kind;
    const char *documentType;
};

constexpr auto kKinds = std::to_array<KindEntry>({
    {"deploymentprocess", ObjectKind::DeploymentProcess, "DeploymentProcesses"},
    {"runbookprocess", ObjectKind::RunbookProcess, "RunbookProcesses"},
    {"variableset", ObjectKind::Variables, "Variables"},
    {"variables", ObjectKind::Variables, "Variables"},
    {"actiontemplates", ObjectKind::StepTemplate, "ActionTemplates"},
    {"releases", ObjectKind::Release, "Releases"},
    {"deployments", ObjectKind::Deployment, "Deployments"},
    {"packages", ObjectKind::Package, "Packages"},
    {"machines", ObjectKind::Target, "Machines"},
    {"workers", ObjectKind::Worker, "Workers"},
    {"projects", ObjectKind::Project, "Projects"},
    {"runbooks", ObjectKind::Runbook, "Runbooks"},
    {"channels", ObjectKind::Channel, "Channels"},
    {"environments", ObjectKind::Environment, "Environments"},
    {"tenants", ObjectKind::Tenant, "Tenants"},
    {"libraryvariablesets", ObjectKind::LibraryVariableSet, "LibraryVariableSets"},
    {"lifecycles", ObjectKind::Lifecycle, "Lifecycles"},
    {"accounts", ObjectKind::Account, "Accounts"},
    {"certificates", ObjectKind::Certificate, "Certificates"},
    {"feeds", ObjectKind::Feed, "Feeds"},
    {"projecttriggers", ObjectKind::Trigger, "ProjectTriggers"},
    {"users", ObjectKind::User, "Users"},
    {"teams", ObjectKind::Team, "Teams"},
    {"servertasks", ObjectKind::Task, "ServerTasks"},
    {"buildinformation", ObjectKind::BuildInformation, "BuildInformation"},
});

QString prefixOf(const QString &documentId)
{
    const qsizetype dash = documentId.indexOf(QLatin1Char('-'));
    return dash > 0 ? documentId.left(dash) : documentId;
}

const KindEntry *entryFor(const QString &documentId)
{
    const QString prefix = prefixOf(documentId);
    for (const KindEntry &entry : kKinds) {
        if (prefix.compare(QLatin1String(entry.prefix), Qt::CaseInsensitive) == 0)
            return &entry;
    }
    return nullptr;
}

// Documents that give an event its context rather than being what it changed.
bool isContext(const QString &documentId)
{
    switch (kindOf(documentId)) {
    case ObjectKind::Project:
    case ObjectKind::Environment:
    case ObjectKind::Channel:
    case ObjectKind::Tenant:
    case ObjectKind::Task:
    case ObjectKind::Lifecycle:
        return true;
    case ObjectKind::Other: {
        const QString prefix = prefixOf(documentId);
        return prefix.compare(QLatin1String("Spaces"), Qt::CaseInsensitive) == 0 ||
               prefix.compare(QLatin1String("ProjectGroups"), Qt::CaseInsensitive) == 0;
    }
    default:
        return false;
    }
}

QString tr(const char *text, int n = -1)
{
    return QCoreApplication::translate("Drift", text, nullptr, n);
}

// A name for an object no message names, from what its id says for certain.
QString derivedName(ObjectKind kind, const QString &id, const QString &projectName)
{
    switch (kind) {
    case ObjectKind::DeploymentProcess:
        return projectName.isEmpty() ? QString() : tr("Deployment process of %1").arg(projectName);
    case ObjectKind::RunbookProcess:
        return {};
    case ObjectKind::Variables:
        return projectName.isEmpty() ? QString() : tr("Variables of %1").arg(projectName);
    case ObjectKind::Package:
        return id.mid(id.indexOf(QLatin1Char('-')) + 1); // packages-<PackageId>.<Version>
    default:
        return {};
    }
}

} // namespace

QString kindName(ObjectKind kind)
{
    switch (kind) {
    case ObjectKind::DeploymentProcess:
        return QStringLiteral("deploymentProcess");
    case ObjectKind::RunbookProcess:
        return QStringLiteral("runbookProcess");
    case ObjectKind::Variables:
        return QStringLiteral("variables");
    case ObjectKind::StepTemplate:
        return QStringLiteral("stepTemplate");
    case ObjectKind::Release:
        return QStringLiteral("release");
    case ObjectKind::Deployment:
        return QStringLiteral("deployment");
    case ObjectKind::Package:
        return QStringLiteral("package");
    case ObjectKind::Target:
        return QStringLiteral("target");
    case ObjectKind::Worker:
        return QStringLiteral("worker");
    case ObjectKind::Project:
        return QStringLiteral("project");
    case ObjectKind::Runbook:
        return QStringLiteral("runbook");
    case ObjectKind::Channel:
        return QStringLiteral("channel");
    case ObjectKind::Environment:
        return QStringLiteral("environment");
    case ObjectKind::Tenant:
        return QStringLiteral("tenant");
    case ObjectKind::LibraryVariableSet:
        return QStringLiteral("libraryVariableSet");
    case ObjectKind::Lifecycle:
        return QStringLiteral("lifecycle");
    case ObjectKind::Account:
        return QStringLiteral("account");
    case ObjectKind::Certificate:
        return QStringLiteral("certificate");
    case ObjectKind::Feed:
        return QStringLiteral("feed");
    case ObjectKind::Trigger:
        return QStringLiteral("trigger");
    case ObjectKind::User:
        return QStringLiteral("user");
    case ObjectKind::Team:
        return QStringLiteral("team");
    case ObjectKind::Task:
        return QStringLiteral("task");
    case ObjectKind::BuildInformation:
        return QStringLiteral("buildInformation");
    case ObjectKind::Other:
        break;
    }
    return QStringLiteral("other");
}

ObjectKind kindOf(const QString &documentId)
{
    const KindEntry *entry = entryFor(documentId);
    return entry ? entry->kind : ObjectKind::Other;
}

QString documentType(const QString &documentId)
{
    const KindEntry *entry = entryFor(documentId);
    return entry ? QString::fromLatin1(entry->documentType) : prefixOf(documentId);
}

QString projectOf(const QString &documentId)
{
    switch (kindOf(documentId)) {
    case ObjectKind::Project:
        return documentId;
    case ObjectKind::DeploymentProcess:
    case ObjectKind::Variables: {
        const QString owner = documentId.mid(documentId.indexOf(QLatin1Char('-')) + 1);
        return kindOf(owner) == ObjectKind::Project ? owner : QString();
    }
    default:
        return {};
    }
}

bool isChangeCategory(const QString &category)
{
    if (category.startsWith(QLatin1String("Login"), Qt::CaseInsensitive) ||
        category.startsWith(QLatin1String("Logout"), Qt::CaseInsensitive))
        return false;
    if (category.startsWith(QLatin1String("Machine"), Qt::CaseInsensitive)) {
        for (const char *observed : {"Healthy", "Unhealthy", "HasWarnings", "Unavailable", "Available"}) {
            if (category.endsWith(QLatin1String(observed), Qt::CaseInsensitive))
                return false;
        }
    }
    return !category.isEmpty();
}

QStringList changeCategories(const QStringList &serverCategories)
{
    QStringList out;
    for (const QString &category : serverCategories) {
        if (isChangeCategory(category))
            out.append(category);
    }
    return out;
}

QString primaryDocument(const AuditEvent &event)
{
    for (const QString &id : event.relatedDocumentIds) {
        if (!id.isEmpty() && !isContext(id))
            return id;
    }
    if (!event.relatedDocumentIds.isEmpty())
        return event.relatedDocumentIds.constFirst();
    return event.references.isEmpty() ? QString() : event.references.constFirst().documentId;
}

QString projectIdOf(const AuditEvent &event)
{
    for (const QString &id : event.relatedDocumentIds) {
        if (kindOf(id) == ObjectKind::Project)
            return id;
    }
    for (const QString &id : event.relatedDocumentIds) {
        if (const QString project = projectOf(id); !project.isEmpty())
            return project;
    }
    for (const AuditEvent::Reference &r : event.references) {
        if (kindOf(r.documentId) == ObjectKind::Project)
            return r.documentId;
    }
    return {};
}

bool isStructural(const AuditEvent &event)
{
    if (!isChangeCategory(event.category))
        return false;
    const ObjectKind kind = kindOf(primaryDocument(event));
    return kind == ObjectKind::DeploymentProcess || kind == ObjectKind::RunbookProcess ||
           kind == ObjectKind::Variables;
}

QString stateName(State state)
{
    switch (state) {
    case State::Green:
        return QStringLiteral("green");
    case State::Amber:
        return QStringLiteral("amber");
    case State::Red:
        return QStringLiteral("red");
    }
    return QStringLiteral("green");
}

QDateTime detectCloneTime(const QList<AuditEvent> &oldEvents, const QList<AuditEvent> &newEvents)
{
    QSet<QString> oldKeys;
    oldKeys.reserve(oldEvents.size());
    for (const AuditEvent &e : oldEvents)
        oldKeys.insert(e.recordKey());
    QDateTime newest;
    for (const AuditEvent &e : newEvents) {
        if ((!newest.isValid() || e.occurred > newest) && oldKeys.contains(e.recordKey()))
            newest = e.occurred;
    }
    return newest.isValid() ? newest.toUTC() : QDateTime();
}

SideSummary summarise(const QList<AuditEvent> &events, const QList<AuditEvent> &shared,
                      const QDateTime &since)
{
    QSet<QString> sharedKeys;
    sharedKeys.reserve(shared.size());
    for (const AuditEvent &e : shared)
        sharedKeys.insert(e.recordKey());
    SideSummary out;
    QSet<QString> seen; // an event read twice (a page that shifted while the server recorded more)
    for (const AuditEvent &e : events) {
        if ((since.isValid() && e.occurred < since) || !isChangeCategory(e.category))
            continue;
        const QString key = e.recordKey();
        if (sharedKeys.contains(key) || seen.contains(key))
            continue;
        seen.insert(key);
        out.events.append(e);
    }
    std::stable_sort(out.events.begin(), out.events.end(),
                     [](const AuditEvent &a, const AuditEvent &b) { return a.occurred > b.occurred; });
    QHash<QString, qsizetype> objectIndex;
    for (const AuditEvent &e : std::as_const(out.events)) {
        ++out.changes;
        const bool structural = isStructural(e);
        if (structural)
            ++out.structuralChanges;
        ++out.byCategory[e.category];
        ++out.bySpace[e.spaceId];
        const QString primary = primaryDocument(e);
        const QString type = primary.isEmpty() ? QStringLiteral("Other") : documentType(primary);
        ++out.byDocumentType[type];
        const QString projectId = projectIdOf(e);
        if (!projectId.isEmpty()) {
            ++out.byProject[projectId];
            if (const QString name = e.referenceText(projectId); !name.isEmpty())
                out.projectNames.insert(projectId, name);
        }
        if (primary.isEmpty())
            continue;
        auto it = objectIndex.constFind(primary.toLower());
        if (it == objectIndex.cend()) {
            ChangedObject object;
            object.id = primary;
            object.kind = kindOf(primary);
            object.documentType = type;
            object.spaceId = e.spaceId;
            object.projectId = projectId;
            object.lastChanged = e.occurred; // events are newest first: the first is the last change
            object.lastCategory = e.category;
            object.lastMessage = e.message;
            object.lastBy = e.username;
            out.objects.append(object);
            it = objectIndex.insert(primary.toLower(), out.objects.size() - 1);
        }
        ChangedObject &object = out.objects[*it];
        ++object.changes;
        if (structural)
            ++object.structuralChanges;
        if (object.name.isEmpty())
            object.name = e.referenceText(primary);
        if (object.projectId.isEmpty())
            object.projectId = projectId;
    }
    for (ChangedObject &object : out.objects) {
        object.projectName = out.projectNames.value(object.projectId);
        if (object.name.isEmpty())
            object.name = derivedName(object.kind, object.id, object.projectName);
    }
    return out;
}

QList<HourBucket> timeline(const QList<AuditEvent> &oldChanges, const QList<AuditEvent> &newChanges,
                           const QDateTime &from, const QDateTime &to, int maxBuckets)
{
    QList<HourBucket> out;
    if (!from.isValid() || !to.isValid() || to < from || maxBuckets <= 0)
        return out;
    constexpr qint64 kHour = 3600 * 1000;
    auto floorHour = [](qint64 ms) { return ms - ((ms % kHour) + kHour) % kHour; };
    qint64 first = floorHour(from.toMSecsSinceEpoch());
    const qint64 last = floorHour(to.toMSecsSinceEpoch());
    if ((last - first) / kHour + 1 > maxBuckets)
        first = last - qint64(maxBuckets - 1) * kHour;
    const qsizetype count = qsizetype((last - first) / kHour + 1);
    out.reserve(count);
    for (qsizetype i = 0; i < count; ++i)
        out.append({QDateTime::fromMSecsSinceEpoch(first + i * kHour, Qt::UTC), 0, 0});
    auto place = [&](const QList<AuditEvent> &events, bool old) {
        for (const AuditEvent &e : events) {
            const qint64 at = floorHour(e.occurred.toMSecsSinceEpoch());
            if (at < first || at > last)
                continue;
            HourBucket &bucket = out[qsizetype((at - first) / kHour)];
            ++(old ? bucket.oldChanges : bucket.newChanges);
        }
    };
    place(oldChanges, true);
    place(newChanges, false);
    return out;
}

State stateFor(double ageDays, int structuralChanges, const Budget &budget, StateReason *reason)
{
    StateReason why = StateReason::WithinBudget;
    State state = State::Green;
    if (ageDays >= budget.redAfterDays) {
        why = StateReason::AgeRed;
        state = State::Red;
    } else if (structuralChanges > budget.structuralThreshold) {
        why = StateReason::Structural;
        state = State::Red;
    } else if (ageDays >= budget.amberAfterDays) {
        why = StateReason::AgeAmber;
        state = State::Amber;
    }
    if (reason)
        *reason = why;
    return state;
}

Report compare(const QList<AuditEvent> &oldEvents, const QList<AuditEvent> &newEvents,
               const QDateTime &cloneTime, bool cloneTimeGiven, const Budget &budget, const QDateTime &now)
{
    Report report;
    report.cloneTime = cloneTime.toUTC();
    report.cloneTimeGiven = cloneTimeGiven;
    report.at = now.toUTC();
    report.budget = budget;
    report.oldServer = summarise(oldEvents, newEvents, cloneTime);
    report.clone = summarise(newEvents, oldEvents, cloneTime);
    report.timeline = timeline(report.oldServer.events, report.clone.events, cloneTime, now);
    report.ageDays = cloneTime.isValid() ? std::max<qint64>(0, cloneTime.msecsTo(now)) / 86400000.0 : 0;
    report.state = stateFor(report.ageDays, report.oldServer.structuralChanges, budget, &report.reason);
    return report;
}

QString stateText(const Report &report)
{
    const int days = int(report.ageDays);
    switch (report.reason) {
    case StateReason::WithinBudget:
        return tr("Within the budget: the clone is %n day(s) old, with %1 structural change(s) on the old "
                  "server since (red above %2).",
                  days)
            .arg(report.oldServer.structuralChanges)
            .arg(report.budget.structuralThreshold);
    case StateReason::AgeAmber:
        return tr("Amber: the clone is %n day(s) old (amber from %1, red from %2 days).", days)
            .arg(report.budget.amberAfterDays)
            .arg(report.budget.redAfterDays);
    case StateReason::AgeRed:
        return tr("Red: the clone is %n day(s) old (red from %1 days).", days)
            .arg(report.budget.redAfterDays);
    case StateReason::Structural:
        return tr("Red: %n process and variable edit(s) on the old server since the clone (red above %1).",
                  report.oldServer.structuralChanges)
            .arg(report.budget.structuralThreshold);
    }
    return {};
}

QString adviceText(const Report &report)
{
    switch (report.state) {
    case State::Green:
        return {};
    case State::Amber:
        return tr("The old server keeps changing: cut over soon, or plan a fresh clone before the drift "
                  "reaches the budget.");
    case State::Red:
        return tr("Past the budget: restart from a fresh clone of the old server (the changes made on this "
                  "clone, listed here, would have to be made again there), or treat this clone as a test "
                  "instance and take a fresh clone for the migration.");
    }
    return {};
}

} // namespace Drift
