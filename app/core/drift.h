#pragma once

#include "auditevent.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

// Drift, both ways, from the audit events of the old server and its clone (pure; Qt Core only).
//
// A database clone keeps the old server's events with their ids and times. The clone time is the newest
// event the clone holds that the old server holds identically (AuditEvent::sameRecord), or a time the lead
// gives. Since then, every change the old server recorded is drift the clone lacks; every change the clone
// recorded (tests, fixes) is work a fresh clone would lose. Events both servers hold identically are
// neither. Which events are changes: every category but the server's own observations (logins and logouts,
// machine health and availability reports); see isChangeCategory().
namespace Drift {

enum class ObjectKind
{
    DeploymentProcess,
    RunbookProcess,
    Variables,
    StepTemplate,
    Release,
    Deployment,
    Package,
    Target,
    Worker,
    Project,
    Runbook,
    Channel,
    Environment,
    Tenant,
    LibraryVariableSet,
    Lifecycle,
    Account,
    Certificate,
    Feed,
    Trigger,
    User,
    Team,
    Task,
    BuildInformation,
    Other
};

// "deploymentProcess", "runbookProcess", "variables", "stepTemplate", "release", "deployment", "package",
// "target", "worker", "project", "runbook", "channel", "environment", "tenant", "libraryVariableSet",
// "lifecycle", "account", "certificate", "feed", "trigger", "user", "team", "task", "buildInformation",
// "other".
QString kindName(ObjectKind kind);
// What an Octopus document id names, from its prefix: "Releases-12", "deploymentprocess-Projects-3",
// "variableset-LibraryVariableSets-2", "ActionTemplates-7", "packages-Acme.Web.1.2.3", "Machines-40", ...
ObjectKind kindOf(const QString &documentId);
// The document type as Octopus names collections: "Releases", "DeploymentProcesses", "Variables",
// "ActionTemplates", "Packages", "Machines", ...; the id's own prefix for a kind this file does not know.
QString documentType(const QString &documentId);
// The project a document belongs to when its id says so ("deploymentprocess-Projects-3" -> "Projects-3").
QString projectOf(const QString &documentId);

// False for what the server records about itself rather than a change of its data: logins and logouts, and
// machine health and availability reports. Every other category counts, also ones this file does not know.
bool isChangeCategory(const QString &category);
// The categories of `serverCategories` (from /api/events/categories) that are changes, to ask the server
// for only those (eventCategories=…).
QStringList changeCategories(const QStringList &serverCategories);

// The document an event is about: the first related document that is not only context (a project, space,
// environment, channel, tenant, task or lifecycle), else the first related or referenced document.
QString primaryDocument(const AuditEvent &event);
// The project of an event (a related Projects-… id, or the project a process or variable set belongs to).
QString projectIdOf(const AuditEvent &event);
// Process and variable edits: the event changes a deployment or runbook process or a variable set.
bool isStructural(const AuditEvent &event);

// One object named by the changes (ids are the same on both servers: the clone has this very object).
struct ChangedObject
{
    QString id;
    ObjectKind kind = ObjectKind::Other;
    QString documentType;
    QString name; // the text that names it in an event's message; empty when no message names it
    QString spaceId;
    QString projectId;
    QString projectName;
    int changes = 0;
    int structuralChanges = 0;
    QDateTime lastChanged; // UTC
    QString lastCategory;
    QString lastMessage;
    QString lastBy;
    bool operator==(const ChangedObject &) const = default;
};

// One server's changes since the clone time.
struct SideSummary
{
    int changes = 0;
    int structuralChanges = 0;
    QMap<QString, int> byCategory;
    QMap<QString, int> byDocumentType;
    QMap<QString, int> bySpace;   // space id ("" for server-wide events)
    QMap<QString, int> byProject; // project id (events without one are not counted here)
    QMap<QString, QString> projectNames;
    QList<ChangedObject> objects; // newest change first
    QList<AuditEvent> events;     // the changes themselves, newest first
    bool operator==(const SideSummary &) const = default;
};

// The lead's budget: amber once the clone is `amberAfterDays` old, red at `redAfterDays`, and red earlier
// when the old server's structural changes since the clone exceed `structuralThreshold`.
struct Budget
{
    int amberAfterDays = 3;
    int redAfterDays = 7;
    int structuralThreshold = 20;
    bool operator==(const Budget &) const = default;
};

enum class State
{
    Green,
    Amber,
    Red
};
QString stateName(State state); // "green", "amber", "red"

enum class StateReason
{
    WithinBudget,
    AgeAmber,
    AgeRed,
    Structural
};

// Changes per hour on both servers, from the clone time's hour to `now`'s.
struct HourBucket
{
    QDateTime hour; // UTC, the start of the hour
    int oldChanges = 0;
    int newChanges = 0;
    bool operator==(const HourBucket &) const = default;
};

struct Report
{
    QDateTime cloneTime; // UTC
    bool cloneTimeGiven = false;
    QDateTime at; // UTC, when the report was made
    Budget budget;
    SideSummary oldServer; // changed on the old server since the clone: the clone lacks them
    SideSummary clone;     // changed on the clone since: a fresh clone would lose them
    QList<HourBucket> timeline;
    State state = State::Green;
    StateReason reason = StateReason::WithinBudget;
    double ageDays = 0;
};

// The newest event of `newEvents` that `oldEvents` holds identically, or an invalid time.
QDateTime detectCloneTime(const QList<AuditEvent> &oldEvents, const QList<AuditEvent> &newEvents);

// The changes among `events` that occurred at or after `since` and are not in `shared` (records the other
// server holds identically), counted and grouped by object.
SideSummary summarise(const QList<AuditEvent> &events, const QList<AuditEvent> &shared,
                      const QDateTime &since);

// Hour buckets from `from`'s hour to `to`'s (at most `maxBuckets`, the latest ones).
QList<HourBucket> timeline(const QList<AuditEvent> &oldChanges, const QList<AuditEvent> &newChanges,
                           const QDateTime &from, const QDateTime &to, int maxBuckets = 24 * 60);

State stateFor(double ageDays, int structuralChanges, const Budget &budget, StateReason *reason = nullptr);

// Everything: both servers' events since `cloneTime` (as read; events before it, non-changes and records
// both hold identically are left out here), the state against the budget at `now`.
Report compare(const QList<AuditEvent> &oldEvents, const QList<AuditEvent> &newEvents,
               const QDateTime &cloneTime, bool cloneTimeGiven, const Budget &budget, const QDateTime &now);

// Translated text for people: why the state is what it is, and past the budget the clone guide's advice
// (restart from a fresh clone, or keep this clone as a test instance).
QString stateText(const Report &report);
QString adviceText(const Report &report); // empty while green

} // namespace Drift
