#include "usagejob.h"

#include "inventoryjob.h"
#include "inventorysnapshot.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"
#include "serverscriptsjob.h"

#include <QSet>
#include <QTimer>

#include <memory>

namespace {

// One item of a history page as the aggregation needs it: (project, environment, tenant) of a deployment,
// (runbook) of a runbook run, (feed type) of a feed, (id, name, space) and member count of a team.
struct UsageRow
{
    QString a;
    QString b;
    QString c;
    QDateTime created;
    int members = 0;
};
using UsageRows = std::shared_ptr<QList<UsageRow>>;

QString portalBase(const QUrl &server)
{
    return server.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo |
                           QUrl::StripTrailingSlash);
}

} // namespace

Q_DECLARE_METATYPE(UsageRows)

struct UsageJob::ScriptsPart
{
    QList<ProcessAction> actions;
    QList<StoredRunbook> runbooks;
    QList<StoredStepTemplate> stepTemplates;
};

UsageJob::UsageJob(OctopusClient *client, int windowDays, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_windowDays(qMax(1, windowDays))
{}

UsageJob::~UsageJob()
{
    m_finished = true;
    for (const QPointer<QObject> &job : std::as_const(m_running)) {
        if (auto *paged = qobject_cast<PagedFetchJob *>(job.data()))
            paged->cancel();
        else if (auto *inventory = qobject_cast<InventoryJob *>(job.data()))
            inventory->cancel();
        else if (auto *scripts = qobject_cast<ServerScriptsJob *>(job.data()))
            scripts->cancel();
    }
}

void UsageJob::start()
{
    if (!m_now.isValid())
        m_now = QDateTime::currentDateTimeUtc();
    m_now = m_now.toUTC();
    m_from = m_now.addDays(-m_windowDays);
    m_usage.windowDays = m_windowDays;
    m_usage.from = m_from;
    m_usage.to = m_now;
    if (!m_client) {
        QTimer::singleShot(0, this, &UsageJob::cancel);
        return;
    }
    m_usage.server = m_client->settings().baseUrl;

    m_inventory = new InventoryJob(m_client, this);
    m_inventory->setAutoDelete(false);
    m_inventory->setApiKeyScope(InventoryJob::ApiKeyScope::None);
    m_inventory->setParts(InventoryJob::ServerInfo | InventoryJob::Targets | InventoryJob::Environments |
                          InventoryJob::Projects | InventoryJob::Tenants | InventoryJob::ServerCounts);
    m_running.append(m_inventory);
    partStarted();
    connect(m_inventory, &InventoryJob::spacesRead, this, &UsageJob::onSpaces);
    connect(m_inventory, &InventoryJob::finished, this, [this](const InventorySnapshot &snapshot) {
        if (m_finished)
            return;
        m_snapshot = std::make_unique<InventorySnapshot>(snapshot);
        m_errors += snapshot.errors;
        for (const ApiError &e : snapshot.errors)
            m_usage.gaps << tr("%1 could not be read: %2").arg(e.path, e.message);
        for (const InventoryPermissionGap &gap : snapshot.permissionGaps)
            m_usage.gaps << gap.describe();
        m_inventoryDone = true;
        partDone();
    });

    m_scripts = new ServerScriptsJob(m_client, this);
    m_scripts->setReadVariables(false);
    m_scripts->setReadScripts(false);
    m_running.append(m_scripts);
    partStarted();
    connect(m_scripts, &ServerScriptsJob::finished, this, [this](const ServerScriptsJob::Result &result) {
        if (m_finished)
            return;
        m_scriptsPart = std::make_unique<ScriptsPart>();
        m_scriptsPart->actions = result.actions;
        m_scriptsPart->runbooks = result.runbooks;
        m_scriptsPart->stepTemplates = result.stepTemplates;
        m_errors += result.errors;
        for (const ApiError &e : result.errors)
            m_usage.gaps << tr("%1 could not be read: %2").arg(e.path, e.message);
        m_scriptsDone = true;
        partDone();
    });
    m_inventory->start();
    m_scripts->start();
}

void UsageJob::cancel()
{
    if (m_finished)
        return;
    m_cancelled = true;
    ApiError error;
    error.kind = ApiErrorKind::Cancelled;
    m_errors.append(error);
    finish();
}

void UsageJob::onSpaces(const QList<InventorySpace> &spaces)
{
    if (m_finished)
        return;
    for (const InventorySpace &space : spaces) {
        readDeployments(space.id, 0);
        readRunbookRuns(space.id, 0);
        readFeeds(space.id);
        readTeams(space.id);
    }
}

PagedFetchJob *UsageJob::page(const QString &path, qint64 skip)
{
    PagedFetchJob *job = m_client->fetchAll(path, this);
    job->setPageSize(m_pageSize);
    if (skip >= 0)
        job->setSinglePage(skip);
    m_running.append(job);
    partStarted();
    return job;
}

void UsageJob::readDeployments(const QString &spaceId, qint64 skip)
{
    PagedFetchJob *job = page(QStringLiteral("/api/%1/deployments").arg(spaceId), skip);
    job->setItemTransform([](const PagedFetchJob::ItemSource &items) {
        auto rows = std::make_shared<QList<UsageRow>>();
        items([&](const JsonItem &o) {
            rows->append({o.sharedString("ProjectId"), o.sharedString("EnvironmentId"),
                          o.sharedString("TenantId"), o.dateTime("Created")});
        });
        return QVariant::fromValue(UsageRows(rows));
    });
    connect(job, &PagedFetchJob::finished, this, [this, spaceId, skip](const PagedResult &result) {
        if (m_finished)
            return;
        if (!result.ok()) {
            record(result.error,
                   tr("Deployments of %1 could not be read: %2").arg(spaceId, result.error.message));
            partDone();
            return;
        }
        bool reachedPast = false;
        int read = 0;
        for (const QVariant &v : result.converted) {
            const UsageRows rows = v.value<UsageRows>();
            if (!rows)
                continue;
            for (const UsageRow &row : *rows) {
                ++read;
                if (row.created.isValid() && row.created < m_from) {
                    reachedPast = true;
                    continue;
                }
                m_deployments.append({row.a, row.b, row.c, row.created});
            }
        }
        // Newest first: the next page only while this one was full and still inside the window.
        if (!reachedPast && read > 0 && read >= m_pageSize && skip + read < result.totalResults)
            readDeployments(spaceId, skip + read);
        partDone();
    });
    job->start();
}

void UsageJob::readRunbookRuns(const QString &spaceId, qint64 skip)
{
    PagedFetchJob *job = page(QStringLiteral("/api/%1/runbookRuns").arg(spaceId), skip);
    job->setItemTransform([](const PagedFetchJob::ItemSource &items) {
        auto rows = std::make_shared<QList<UsageRow>>();
        items([&](const JsonItem &o) {
            rows->append({o.sharedString("RunbookId"), {}, {}, o.dateTime("Created")});
        });
        return QVariant::fromValue(UsageRows(rows));
    });
    connect(job, &PagedFetchJob::finished, this, [this, spaceId, skip](const PagedResult &result) {
        if (m_finished)
            return;
        if (!result.ok()) {
            if (result.error.kind == ApiErrorKind::NotFound) {
                m_runbookRunsMissing = true; // a server from before runbooks (2019.11)
            } else {
                m_runbookRunsMissing = true;
                record(result.error,
                       tr("Runbook runs of %1 could not be read: %2").arg(spaceId, result.error.message));
            }
            partDone();
            return;
        }
        bool reachedPast = false;
        int read = 0;
        for (const QVariant &v : result.converted) {
            const UsageRows rows = v.value<UsageRows>();
            if (!rows)
                continue;
            for (const UsageRow &row : *rows) {
                ++read;
                if (row.created.isValid() && row.created < m_from) {
                    reachedPast = true;
                    continue;
                }
                m_runbookRuns.append({row.a, row.created});
            }
        }
        if (!reachedPast && read > 0 && read >= m_pageSize && skip + read < result.totalResults)
            readRunbookRuns(spaceId, skip + read);
        partDone();
    });
    job->start();
}

void UsageJob::readFeeds(const QString &spaceId)
{
    PagedFetchJob *job = page(QStringLiteral("/api/%1/feeds").arg(spaceId), -1);
    job->setItemTransform([](const PagedFetchJob::ItemSource &items) {
        auto rows = std::make_shared<QList<UsageRow>>();
        items([&](const JsonItem &o) { rows->append({o.sharedString("FeedType"), {}, {}, {}}); });
        return QVariant::fromValue(UsageRows(rows));
    });
    connect(job, &PagedFetchJob::finished, this, [this, spaceId](const PagedResult &result) {
        if (m_finished)
            return;
        if (!result.ok()) {
            record(result.error, tr("Feeds of %1 could not be read: %2").arg(spaceId, result.error.message));
        } else {
            for (const QVariant &v : result.converted) {
                if (const UsageRows rows = v.value<UsageRows>()) {
                    for (const UsageRow &row : *rows)
                        ++m_usage.feedsByType[row.a.isEmpty() ? tr("unknown") : row.a];
                }
            }
        }
        partDone();
    });
    job->start();
}

void UsageJob::readTeams(const QString &spaceId)
{
    PagedFetchJob *job = page(QStringLiteral("/api/%1/teams").arg(spaceId), -1);
    job->setItemTransform([](const PagedFetchJob::ItemSource &items) {
        auto rows = std::make_shared<QList<UsageRow>>();
        items([&](const JsonItem &o) {
            UsageRow row{o.string("Id"), o.string("Name"), o.sharedString("SpaceId"), {}};
            row.members = int(o.strings("MemberUserIds").size());
            rows->append(row);
        });
        return QVariant::fromValue(UsageRows(rows));
    });
    connect(job, &PagedFetchJob::finished, this, [this, spaceId](const PagedResult &result) {
        if (m_finished)
            return;
        if (!result.ok()) {
            m_teamsMissing = true;
            if (result.error.kind != ApiErrorKind::NotFound)
                record(result.error,
                       tr("Teams of %1 could not be read: %2").arg(spaceId, result.error.message));
        } else {
            for (const QVariant &v : result.converted) {
                if (const UsageRows rows = v.value<UsageRows>()) {
                    for (const UsageRow &row : *rows) {
                        if (!row.a.isEmpty())
                            m_teams.insert(row.a, {row.a, row.b, row.c, row.members}); // system teams once
                    }
                }
            }
        }
        partDone();
    });
    job->start();
}

void UsageJob::record(const ApiError &error, const QString &gap)
{
    m_errors.append(error);
    m_usage.gaps << gap;
}

void UsageJob::partStarted()
{
    ++m_partsTotal;
    Q_EMIT progress(m_partsDone, m_partsTotal);
}

void UsageJob::partDone()
{
    ++m_partsDone;
    Q_EMIT progress(m_partsDone, m_partsTotal);
    if (m_partsDone == m_partsTotal && m_inventoryDone && m_scriptsDone)
        finish();
}

void UsageJob::assemble()
{
    if (!m_snapshot || !m_scriptsPart)
        return;
    const InventorySnapshot &snapshot = *m_snapshot;
    TestPlan::Usage &usage = m_usage;
    if (!snapshot.server.isEmpty())
        usage.server = snapshot.server;
    usage.version = snapshot.version;
    const QString base = portalBase(usage.server);

    QHash<QString, QString> spaceNames;
    for (const InventorySpace &s : snapshot.spaces)
        spaceNames.insert(s.id, s.name);
    QHash<QString, QString> environmentNames;
    for (const InventoryNamed &e : snapshot.environments)
        environmentNames.insert(e.id, e.name);
    QHash<QString, QString> tenantNames;
    for (const InventoryNamed &t : snapshot.tenants)
        tenantNames.insert(t.id, t.name);

    QHash<QString, int> projectIndex;
    for (const InventoryNamed &p : snapshot.projects) {
        TestPlan::ProjectUsage project;
        project.id = p.id;
        project.name = p.name;
        project.spaceId = p.spaceId;
        project.spaceName = spaceNames.value(p.spaceId, p.spaceId);
        project.disabled = p.isDisabled;
        project.web = QUrl(base + QStringLiteral("/app#/%1/projects/%2").arg(p.spaceId, p.id));
        projectIndex.insert(p.id, int(usage.projects.size()));
        usage.projects.append(project);
    }

    for (const Deployment &d : std::as_const(m_deployments)) {
        ++usage.deployments;
        if (const auto it = projectIndex.constFind(d.projectId); it != projectIndex.constEnd()) {
            TestPlan::ProjectUsage &p = usage.projects[it.value()];
            ++p.deployments;
            if (!p.lastDeployed.isValid() || d.created > p.lastDeployed)
                p.lastDeployed = d.created;
        }
        ++usage.deploymentsByEnvironment[environmentNames.value(d.environmentId, d.environmentId)];
        ++usage.deploymentsByTenant[d.tenantId.isEmpty() ? QString()
                                                         : tenantNames.value(d.tenantId, d.tenantId)];
    }

    for (const ProcessAction &a : std::as_const(m_scriptsPart->actions)) {
        if (a.runbook || a.disabled)
            continue;
        const auto it = projectIndex.constFind(a.projectId);
        if (it == projectIndex.constEnd())
            continue;
        TestPlan::ProjectUsage &p = usage.projects[it.value()];
        if (!a.actionType.isEmpty() && !p.actionTypes.contains(a.actionType))
            p.actionTypes << a.actionType;
        if (!a.stepTemplateId.isEmpty() && !p.stepTemplateIds.contains(a.stepTemplateId))
            p.stepTemplateIds << a.stepTemplateId;
    }
    for (const TestPlan::ProjectUsage &p : std::as_const(usage.projects)) {
        if (p.disabled)
            continue;
        for (const QString &type : p.actionTypes)
            usage.stepTypes[type] += p.deployments;
    }
    for (const StoredStepTemplate &t : std::as_const(m_scriptsPart->stepTemplates)) {
        TestPlan::StepTemplateUsage use;
        use.id = t.id;
        use.name = t.name;
        use.actionType = t.actionType;
        use.spaceId = t.spaceId;
        for (const TestPlan::ProjectUsage &p : std::as_const(usage.projects)) {
            if (!p.disabled && p.stepTemplateIds.contains(t.id)) {
                ++use.projects;
                use.deployments += p.deployments;
            }
        }
        usage.stepTemplates.append(use);
    }

    for (const InventoryMachine &m : snapshot.targets)
        ++usage.targetsByKind[m.communicationStyle.isEmpty() ? tr("unknown") : m.communicationStyle];

    usage.runbookRunsKnown = !m_runbookRunsMissing;
    QHash<QString, QPair<int, QDateTime>> runs;
    for (const RunbookRun &r : std::as_const(m_runbookRuns)) {
        auto &entry = runs[r.runbookId];
        ++entry.first;
        if (!entry.second.isValid() || r.created > entry.second)
            entry.second = r.created;
    }
    for (const StoredRunbook &r : std::as_const(m_scriptsPart->runbooks)) {
        TestPlan::RunbookUsage use;
        use.id = r.id;
        use.name = r.name;
        use.projectId = r.projectId;
        use.projectName = r.projectName;
        use.spaceId = r.spaceId;
        use.web = r.url;
        use.runs = usage.runbookRunsKnown ? runs.value(r.id).first : -1;
        use.lastRun = runs.value(r.id).second;
        usage.runbooks.append(use);
    }

    usage.teamsKnown = !m_teamsMissing && !m_teams.isEmpty();
    QList<Team> teams = m_teams.values();
    std::sort(teams.begin(), teams.end(), [](const Team &a, const Team &b) { return a.id < b.id; });
    for (const Team &t : std::as_const(teams))
        usage.teams.append({t.id, t.name, t.spaceId, t.members});

    // Counts: the server's own where it has them, else what was read.
    usage.countsFromServerStatus = !snapshot.serverCounts.isEmpty();
    if (usage.countsFromServerStatus) {
        usage.counts = snapshot.serverCounts;
    } else {
        usage.counts.insert(QStringLiteral("Global.Spaces"), snapshot.spaces.size());
        usage.counts.insert(QStringLiteral("Infrastructure.DeploymentTargets"), snapshot.targets.size());
        usage.counts.insert(QStringLiteral("Infrastructure.Environments"), snapshot.environments.size());
        usage.counts.insert(QStringLiteral("Infrastructure.Tenants"), snapshot.tenants.size());
        usage.counts.insert(QStringLiteral("Project.Projects"), snapshot.projects.size());
        usage.counts.insert(QStringLiteral("Project.Runbooks"), m_scriptsPart->runbooks.size());
        if (usage.teamsKnown)
            usage.counts.insert(QStringLiteral("Global.Teams"), usage.teams.size());
    }
    auto named = [](const QList<InventoryNamed> &list) {
        QList<TestPlan::CountedItem> items;
        for (const InventoryNamed &n : list)
            items.append({n.id, n.name});
        return items;
    };
    usage.items.insert(QStringLiteral("Project.Projects"), named(snapshot.projects));
    usage.items.insert(QStringLiteral("Infrastructure.Environments"), named(snapshot.environments));
    usage.items.insert(QStringLiteral("Infrastructure.Tenants"), named(snapshot.tenants));
    {
        QList<TestPlan::CountedItem> items;
        for (const InventoryMachine &m : snapshot.targets)
            items.append({m.id, m.name});
        usage.items.insert(QStringLiteral("Infrastructure.DeploymentTargets"), items);
    }
    {
        QList<TestPlan::CountedItem> items;
        for (const InventorySpace &s : snapshot.spaces)
            items.append({s.id, s.name});
        usage.items.insert(QStringLiteral("Global.Spaces"), items);
    }
    {
        QList<TestPlan::CountedItem> items;
        for (const StoredRunbook &r : std::as_const(m_scriptsPart->runbooks))
            items.append({r.id, r.name});
        usage.items.insert(QStringLiteral("Project.Runbooks"), items);
    }
}

void UsageJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (const QPointer<QObject> &job : std::as_const(m_running)) {
        if (auto *paged = qobject_cast<PagedFetchJob *>(job.data()))
            paged->cancel();
        else if (auto *inventory = qobject_cast<InventoryJob *>(job.data()); inventory && !m_inventoryDone)
            inventory->cancel();
        else if (auto *scripts = qobject_cast<ServerScriptsJob *>(job.data()); scripts && !m_scriptsDone)
            scripts->cancel();
    }
    if (!m_cancelled)
        assemble();
    Q_EMIT finished(m_usage, m_errors);
}
