#pragma once

#include "apierror.h"
#include "testplan.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>

class InventoryJob;
class OctopusClient;
class PagedFetchJob;
class ServerScriptsJob;
struct InventorySnapshot;
struct InventorySpace;

// What one server is used for over a window (the test plan's usage, issue 14), read from the server:
//   - the inventory (server version, targets, environments, projects, tenants, /api/serverstatus/counts);
//   - per space, the deployments newest first (GET /api/{spaceId}/deployments, pages of setPageSize() items
//     one after the other, until a page reaches past the window's start: the collection has no time
//     filter), the runbook runs the same way (GET /api/{spaceId}/runbookRuns; 404 on older servers: runs
//     unknown), the feeds (GET /api/{spaceId}/feeds) and the teams (GET /api/{spaceId}/teams, system teams
//     included and counted once);
//   - the deployment processes' step types and step templates, the runbooks and the step templates through
//     ServerScriptsJob (neither variables nor scripts kept).
// Finishes exactly once, cancellable. What cannot be read is one line in Usage::gaps and an ApiError; the
// rest is still counted.
class UsageJob : public QObject
{
    Q_OBJECT
public:
    UsageJob(OctopusClient *client, int windowDays, QObject *parent = nullptr);
    ~UsageJob() override;

    // The window ends now unless set (tests, benchmarks).
    void setNow(const QDateTime &now) { m_now = now; }
    void setPageSize(int take) { m_pageSize = take; }

    void start();
    void cancel();
    bool isFinished() const { return m_finished; }
    const TestPlan::Usage &usage() const { return m_usage; }
    const QList<ApiError> &errors() const { return m_errors; }

Q_SIGNALS:
    // Parts of the reading done of the parts known so far.
    void progress(int done, int total);
    void finished(const TestPlan::Usage &usage, const QList<ApiError> &errors);

private:
    struct Deployment
    {
        QString projectId;
        QString environmentId;
        QString tenantId;
        QDateTime created;
    };
    struct RunbookRun
    {
        QString runbookId;
        QDateTime created;
    };
    struct Team
    {
        QString id;
        QString name;
        QString spaceId;
        int members = 0;
    };

    void onSpaces(const QList<InventorySpace> &spaces);
    void readDeployments(const QString &spaceId, qint64 skip);
    void readRunbookRuns(const QString &spaceId, qint64 skip);
    void readFeeds(const QString &spaceId);
    void readTeams(const QString &spaceId);
    PagedFetchJob *page(const QString &path, qint64 skip);
    void record(const ApiError &error, const QString &gap);
    void partStarted();
    void partDone();
    void assemble();
    void finish();

    QPointer<OctopusClient> m_client;
    int m_windowDays;
    int m_pageSize = 500;
    QDateTime m_now;
    QDateTime m_from;
    InventoryJob *m_inventory = nullptr;
    ServerScriptsJob *m_scripts = nullptr;
    QList<QPointer<QObject>> m_running;
    TestPlan::Usage m_usage;
    QList<ApiError> m_errors;
    QList<Deployment> m_deployments;
    QList<RunbookRun> m_runbookRuns;
    QHash<QString, Team> m_teams;
    int m_partsTotal = 0;
    int m_partsDone = 0;
    bool m_inventoryDone = false;
    bool m_scriptsDone = false;
    bool m_runbookRunsMissing = false;
    bool m_teamsMissing = false;
    bool m_finished = false;
    bool m_cancelled = false;
    // What the inventory and the scripts gave, kept until everything is in.
    std::unique_ptr<InventorySnapshot> m_snapshot;
    struct ScriptsPart;
    std::unique_ptr<ScriptsPart> m_scriptsPart;
};
