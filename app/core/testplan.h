#pragma once

#include "migrationplan.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>
#include <QUrl>

// The test plan of a migration (issue 14), as pure functions over plain values: what the old server is used
// for over a window (the usage), the prioritised rows generated from it, their merge with the lead's edits,
// the comparison of both servers' counts, and the version gap between them. Qt Core only; the reading is
// UsageJob's (app/octopus/inventory), the rows live in the plan's TestPlanSection.
namespace TestPlan {

// --- usage -----------------------------------------------------------------------------------------------

struct ProjectUsage
{
    QString id;
    QString name;
    QString spaceId;
    QString spaceName;
    int deployments = 0; // in the window
    int failedDeployments = 0;
    QDateTime lastDeployed;
    QStringList actionTypes;     // the deployment process's step types (ActionType), in process order
    QStringList stepTemplateIds; // the step templates its process uses (Octopus.Action.Template.Id)
    QUrl web;                    // the project in the old server's portal
    bool disabled = false;
};

struct StepTemplateUsage
{
    QString id;
    QString name;
    QString actionType;
    QString spaceId;
    int projects = 0;    // projects whose process uses it
    int deployments = 0; // their deployments in the window
};

struct RunbookUsage
{
    QString id;
    QString name;
    QString projectId;
    QString projectName;
    QString spaceId;
    int runs = 0; // in the window (-1: the server does not list runbook runs)
    QDateTime lastRun;
    QUrl web;
};

struct TeamUsage
{
    QString id;
    QString name;
    QString spaceId; // empty: a system team
    int members = 0;
};

// A resource that exists by id on a server: what the counts comparison names when they differ.
struct CountedItem
{
    QString id;
    QString name;
};

struct Usage
{
    QUrl server;
    QString version;
    QDateTime from; // the window, UTC
    QDateTime to;
    int windowDays = 90;
    int deployments = 0; // in the window, every space
    QList<ProjectUsage> projects;
    QMap<QString, int> deploymentsByEnvironment; // environment name -> deployments in the window
    QMap<QString, int> deploymentsByTenant;      // tenant name ("" untenanted) -> deployments
    QMap<QString, int> stepTypes;                // ActionType -> deployments of projects using it
    QList<StepTemplateUsage> stepTemplates;
    QMap<QString, int> targetsByKind; // CommunicationStyle -> targets
    QList<RunbookUsage> runbooks;
    bool runbookRunsKnown = false;
    QMap<QString, int> feedsByType; // FeedType -> feeds
    QList<TeamUsage> teams;
    bool teamsKnown = false;
    // Counts per resource type ("Project.Deployments", "Infrastructure.DeploymentTargets", ...): from
    // /api/serverstatus/counts when the server has it, else collection totals.
    QMap<QString, qint64> counts;
    bool countsFromServerStatus = false;
    QMap<QString, QList<CountedItem>> items; // by count key: what was read of that type, by id
    QStringList gaps;                        // what could not be read, one line each

    QJsonObject toJson() const;
};

// Sorted the way the plan uses them: most deployments first, then name.
QList<ProjectUsage> mostDeployed(const QList<ProjectUsage> &projects);

// --- deployment technologies -----------------------------------------------------------------------------

// The step types that deploy something (a technology the new server must prove once); manual
// interventions, e-mails, health checks and the like are not technologies.
bool isDeploymentTechnology(const QString &actionType);
// "Octopus.IIS" -> "IIS web site" (translated); an unknown type is its own name.
QString technologyName(const QString &actionType);
// The technologies in use (ActionTypes of every enabled project's process), sorted by deployments.
QStringList technologiesInUse(const Usage &usage);

// --- the generated plan ----------------------------------------------------------------------------------

// A script the audit found calling the API (one per script or file): its place, its routes, a link.
struct ApiScript
{
    QString key;      // stable: the file or the location
    QString location; // "Default › Web Shop › Deployment process › Step 'Notify' › script", or a path
    QStringList routes;
    QUrl url;
};

struct Inputs
{
    Usage usage;
    QString newServerName; // for the texts: the new server's URL or name
    QList<ApiScript> apiScripts;
    QMap<QString, CiIntegrationRecord> ciIntegrations; // the plan's CI integrations (decisions)
    int runbooksInPlan = 5;                            // the most-run runbooks that get a row
    int teamsInPlan = 5;                               // the largest teams that get a sign-in row
};

// The rows the evidence asks for, in priority order, with stable ids:
//   smoke:<ActionType>, history:logs, history:artifacts, sign-in:admin, sign-in:<teamId>,
//   api-script:<key>, ci:<integration id>, runbook:<runbookId>.
// Rows carry no owner or status (see merge()).
QList<TestPlanRow> generate(const Inputs &inputs);

// Today's generated rows merged into the lead's: the lead's rows keep their order, owner, status, notes and
// changed time; a generated row keeps its place and takes today's title, why and evidence; a new generated
// row goes after the generated row that precedes it in priority order; a row no longer generated is dropped
// unless the lead touched it (then it stays, marked stale); the lead's own rows always stay.
QList<TestPlanRow> merge(const QList<TestPlanRow> &existing, const QList<TestPlanRow> &generated,
                         const QDateTime &now);

// The lead's edits. Each sets changedAt to `now` and returns false when nothing changed (unknown id, or
// the same value).
bool setOwner(TestPlanSection *section, const QString &id, const QString &owner, const QDateTime &now);
bool setStatus(TestPlanSection *section, const QString &id, TestPlanRow::Status status, const QDateTime &now);
bool setNotes(TestPlanSection *section, const QString &id, const QString &notes, const QDateTime &now);
bool editRow(TestPlanSection *section, const QString &id, const QString &title, const QString &why,
             const QDateTime &now); // the lead's own rows only
// Adds a row of the lead's ("custom:<n>") after `afterId` (empty: at the end); returns its id.
QString addRow(TestPlanSection *section, const QString &title, const QString &why, const QString &afterId,
               const QDateTime &now);
bool removeRow(TestPlanSection *section, const QString &id); // the lead's own rows, and stale rows
bool moveRow(TestPlanSection *section, const QString &id, int toIndex);
QString addTrainingItem(TestPlanSection *section, const QString &text, const QString &owner);
bool removeTrainingItem(TestPlanSection *section, const QString &id);

// --- counts comparison -----------------------------------------------------------------------------------

struct CountComparison
{
    QString key;          // "Project.Deployments"
    QString label;        // "Deployments" (translated)
    qint64 oldCount = -1; // -1: that server has no such count
    qint64 newCount = -1;
    bool differs = false;
    QString explanation; // why they differ, where the ids or the drift tell; empty when equal
    QStringList onlyOld; // "Projects-12 'Web Shop'"
    QStringList onlyNew;
};

// One row per resource type either server counts. A difference is explained by the ids read on both
// servers (what exists on one only) and by `drift` (key -> one line from the drift meter, e.g. "3 new
// deployments on the old server since the clone") where given.
QList<CountComparison> compareCounts(const Usage &oldServer, const Usage &newServer,
                                     const QMap<QString, QString> &drift = {});
QString countLabel(const QString &key);

// --- training: the version gap ---------------------------------------------------------------------------

struct VersionChange
{
    QString version; // "2019.1"
    QString change;  // what changed in behaviour (translated)
};

// Octopus versions as YYYY.N.build: -1, 0 or 1; an unreadable version compares equal.
int compareVersions(const QString &a, const QString &b);
// The releases after `oldVersion` up to and including `newVersion` that changed behaviour people rely on.
QList<VersionChange> versionGap(const QString &oldVersion, const QString &newVersion);
// Octopus's release comparison page for the two versions.
QUrl compareVersionsUrl(const QString &oldVersion, const QString &newVersion);

} // namespace TestPlan
