#include "inventoryjob.h"

#include "apijob.h"
#include "jsonpage.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"

#include <QJsonArray>

#include <QJsonObject>
#include <QRegularExpression>
#include <utility>

#include <memory>

namespace {

// A page's items travel in a shared_ptr: the QVariant that carries them is copied on its way to the GUI
// thread (into the job's result, the queued call, the page map), and copies of a QVariant holding a QList
// would share the list's data, so the last step could not take the items over without copying every one of
// them.
template<typename T>
using PageItems = std::shared_ptr<QList<T>>;

// Calls `read` for each item object of a page as the page reader reaches it (one pass over the page). Members
// whose values repeat from item to item are read with JsonItem::sharedString() and sharedStrings().
template<typename T, typename Read>
QVariant convert(const PagedFetchJob::ItemSource &items, Read read)
{
    auto out = std::make_shared<QList<T>>();
    items([&](const JsonItem &object) { out->append(read(object)); });
    return QVariant::fromValue(PageItems<T>(std::move(out)));
}

QVariant machines(const PagedFetchJob::ItemSource &items, bool workers)
{
    return convert<InventoryMachine>(items, [workers](const JsonItem &o) {
        const JsonItem endpoint = o.object("Endpoint");
        const JsonItem details = endpoint.object("TentacleVersionDetails");
        InventoryMachine m;
        m.id = o.string("Id");
        m.name = o.string("Name");
        m.spaceId = o.sharedString("SpaceId");
        m.isWorker = workers;
        m.isDisabled = o.boolean("IsDisabled");
        m.healthStatus = o.sharedString("HealthStatus");
        m.communicationStyle = endpoint.sharedString("CommunicationStyle");
        m.uri = endpoint.string("Uri");
        if (m.uri.isEmpty())
            m.uri = o.string("Uri");
        m.thumbprint = endpoint.string("Thumbprint");
        if (m.thumbprint.isEmpty())
            m.thumbprint = o.string("Thumbprint");
        m.tentacleVersion = details.sharedString("Version");
        m.upgradeSuggested = details.boolean("UpgradeSuggested");
        m.upgradeRequired = details.boolean("UpgradeRequired");
        m.upgradeLocked = details.boolean("UpgradeLocked");
        m.environmentIds = o.sharedStrings("EnvironmentIds");
        m.roles = o.sharedStrings("Roles");
        m.tenantIds = o.sharedStrings("TenantIds");
        m.workerPoolIds = o.sharedStrings("WorkerPoolIds");
        m.operatingSystem = o.sharedString("OperatingSystem");
        m.shellName = o.sharedString("ShellName");
        m.tenantedDeploymentParticipation = o.sharedString("TenantedDeploymentParticipation");
        m.tenantTags = o.sharedStrings("TenantTags");
        m.machinePolicyId = o.sharedString("MachinePolicyId");
        if (m.communicationStyle == QLatin1String("KubernetesTentacle")) {
            // No TentacleVersionDetails: the agent reports its chart and Tentacle versions here.
            const JsonItem agent = endpoint.object("KubernetesAgentDetails");
            m.communicationMode =
                endpoint.object("TentacleEndpointConfiguration").sharedString("CommunicationMode");
            m.agentVersion = agent.sharedString("AgentVersion");
            if (m.tentacleVersion.isEmpty())
                m.tentacleVersion = agent.sharedString("TentacleVersion");
            m.helmReleaseName = agent.string("HelmReleaseName");
            m.kubernetesNamespace = agent.string("KubernetesNamespace");
            if (m.thumbprint.isEmpty())
                m.thumbprint = endpoint.object("TentacleEndpointConfiguration").string("Thumbprint");
            if (m.uri.isEmpty())
                m.uri = endpoint.object("TentacleEndpointConfiguration").string("Uri");
        }
        return m;
    });
}

QVariant named(const PagedFetchJob::ItemSource &items)
{
    return convert<InventoryNamed>(items, [](const JsonItem &o) {
        return InventoryNamed{o.string("Id"), o.string("Name"), o.sharedString("SpaceId"),
                              o.boolean("IsDisabled")};
    });
}

template<typename T>
void appendAll(QList<T> *target, const QList<QVariant> &pages)
{
    // The pages were built on the parse pool and nobody else uses them: take their storage instead of
    // copying every item on the GUI thread (the first page becomes the list; the others are moved in, into
    // room reserved once).
    QList<QList<T> *> lists;
    qsizetype total = target->size();
    for (const QVariant &page : pages) {
        if (page.metaType() != QMetaType::fromType<PageItems<T>>())
            continue;
        if (QList<T> *items = static_cast<const PageItems<T> *>(page.constData())->get()) {
            lists.append(items);
            total += items->size();
        }
    }
    for (QList<T> *items : std::as_const(lists)) {
        if (target->isEmpty()) {
            *target = std::move(*items);
            target->reserve(total);
        } else {
            target->append(std::move(*items));
        }
        items->clear();
    }
}

} // namespace

InventoryJob::InventoryJob(OctopusClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

InventoryJob::~InventoryJob()
{
    m_finished = true;
    const QHash<QObject *, QPointer<QObject>> running =
        std::exchange(m_running, {}); // cancel() may finish a job
    for (const QPointer<QObject> &job : running) {
        if (auto *paged = qobject_cast<PagedFetchJob *>(job.data()))
            paged->cancel();
        else if (auto *apiJob = qobject_cast<ApiJob *>(job.data()))
            apiJob->cancel();
    }
}

int InventoryJob::pagesDone() const
{
    return m_pagesDone;
}

int InventoryJob::pagesTotal() const
{
    return m_pagesTotal;
}

void InventoryJob::setProgress(QObject *job, int done, int total)
{
    const QPair<int, int> old = m_progress.value(job, {0, 0});
    m_pagesDone += done - old.first;
    m_pagesTotal += total - old.second;
    m_progress.insert(job, {done, total});
}

void InventoryJob::reportProgress()
{
    Q_EMIT progress(pagesDone(), pagesTotal());
}

namespace {

// "…Missing permission: UserView" (the server's 403 text) -> "UserView"; empty when it names none.
QString missingPermission(const QString &message)
{
    static const QRegularExpression pattern(QStringLiteral("Missing permission:?\\s*([A-Za-z]+)"));
    const QRegularExpressionMatch match = pattern.match(message);
    return match.hasMatch() ? match.captured(1) : QString();
}

} // namespace

void InventoryJob::recordError(const ApiError &error, bool optional)
{
    if (optional && error.kind == ApiErrorKind::NotFound)
        return;
    if (error.kind == ApiErrorKind::Forbidden) {
        // The key's reach: one summary per permission and kind of data, not one error per call.
        const QString path = error.path.section(QLatin1Char('?'), 0, 0);
        InventoryPermissionGap::Hidden hidden = InventoryPermissionGap::Hidden::Collection;
        if (path == QLatin1String("/api/spaces") || path == QLatin1String("/api/spaces/all"))
            hidden = InventoryPermissionGap::Hidden::Spaces;
        else if (path.startsWith(QLatin1String("/api/users/")) && path.endsWith(QLatin1String("/apikeys")))
            hidden = InventoryPermissionGap::Hidden::UserApiKeys;
        const QString permission = missingPermission(error.message);
        for (InventoryPermissionGap &gap : m_snapshot.permissionGaps) {
            if (gap.hidden == hidden && gap.permission == permission) {
                ++gap.count;
                return;
            }
        }
        InventoryPermissionGap gap;
        gap.hidden = hidden;
        gap.permission = permission;
        gap.count = 1;
        gap.first = error;
        m_snapshot.permissionGaps.append(gap);
        return;
    }
    m_snapshot.errors.append(error);
    switch (error.kind) {
    case ApiErrorKind::Unreachable:
    case ApiErrorKind::Tls:
    case ApiErrorKind::TlsChanged:
    case ApiErrorKind::Unauthorized:
    case ApiErrorKind::RedirectRefused:
    case ApiErrorKind::Cancelled:
        m_fatal = true; // nothing else will work either: stop now
        break;
    default:
        break;
    }
}

PagedFetchJob *InventoryJob::fetch(const QString &path, PagedFetchJob::ItemTransform transform,
                                   std::function<void(const QList<QVariant> &)> consume, bool optional)
{
    PagedFetchJob *job = m_client->fetchAll(path, this);
    job->setPageSize(m_pageSize);
    job->setItemTransform(std::move(transform));
    setProgress(job, 0, 1);
    m_running.insert(job, job);
    ++m_outstanding;
    connect(job, &PagedFetchJob::progress, this, [this, job](int done, int total) {
        setProgress(job, done, total);
        reportProgress();
    });
    connect(job, &PagedFetchJob::finished, this, [this, job, consume, optional](const PagedResult &result) {
        m_running.remove(job);
        m_snapshot.requests += result.requests;
        const int pages = std::max(m_progress.value(job).second, 1);
        setProgress(job, pages, pages);
        if (m_finished)
            return;
        if (result.ok())
            consume(result.converted);
        else
            recordError(result.error, optional);
        settle();
    });
    job->start();
    return job;
}

ApiJob *InventoryJob::get(const QString &path, std::function<void(const QJsonDocument &)> consume,
                          bool optional)
{
    ApiJob *job = m_client->get(path, this);
    setProgress(job, 0, 1);
    m_running.insert(job, job);
    ++m_outstanding;
    connect(job, &ApiJob::finished, this, [this, job, consume, optional](const ApiResult &result) {
        m_running.remove(job);
        ++m_snapshot.requests;
        setProgress(job, 1, 1);
        if (m_finished)
            return;
        if (result.ok())
            consume(result.json);
        else
            recordError(result.error, optional);
        settle();
    });
    return job;
}

void InventoryJob::start()
{
    if (!m_client) {
        ApiError error;
        error.kind = ApiErrorKind::Cancelled;
        m_snapshot.errors.append(error);
        finish();
        return;
    }
    m_snapshot.server = m_client->settings().baseUrl;
    m_snapshot.role = m_client->settings().role;
    m_snapshot.startedAt = QDateTime::currentDateTimeUtc();
    ++m_outstanding; // start guard

    if (m_parts & ServerInfo) {
        get(QStringLiteral("/api"), [this](const QJsonDocument &doc) {
            m_snapshot.version = doc.object().value(QLatin1String("Version")).toString();
            m_snapshot.installationId = doc.object().value(QLatin1String("InstallationId")).toString();
        });
    }
    fetch(
        QStringLiteral("/api/spaces"),
        [](const PagedFetchJob::ItemSource &items) {
            return convert<InventorySpace>(items, [](const JsonItem &o) {
                return InventorySpace{o.string("Id"), o.string("Name"), o.boolean("IsDefault")};
            });
        },
        [this](const QList<QVariant> &pages) {
            appendAll(&m_snapshot.spaces, pages);
            Q_EMIT spacesRead(m_snapshot.spaces);
            if (!m_finished) // a receiver may have cancelled
                onSpaces();
        });
    if (m_parts & Users) {
        fetch(
            QStringLiteral("/api/users"),
            [](const PagedFetchJob::ItemSource &items) {
                return convert<InventoryUser>(items, [](const JsonItem &o) {
                    InventoryUser u;
                    u.id = o.string("Id");
                    u.username = o.string("Username");
                    u.displayName = o.string("DisplayName");
                    u.isService = o.boolean("IsService");
                    u.isActive = o.boolean("IsActive", true);
                    u.serviceAccountType = o.sharedString("ServiceAccountType");
                    u.serviceAccountTypeKnown = !u.serviceAccountType.isEmpty(); // absent before it existed
                    return u;
                });
            },
            [this](const QList<QVariant> &pages) {
                appendAll(&m_snapshot.users, pages);
                onUsers();
            });
    }
    if (m_parts & EventAgents) {
        get(
            QStringLiteral("/api/events/agents"),
            [this](const QJsonDocument &doc) {
                const QJsonArray items =
                    doc.isArray() ? doc.array() : doc.object().value(QLatin1String("Items")).toArray();
                for (const QJsonValue &v : items) {
                    const QJsonObject o = v.toObject();
                    m_snapshot.eventAgents.append(InventoryEventAgent{
                        o.value(QLatin1String("Id")).toString(), o.value(QLatin1String("Name")).toString()});
                }
            },
            true);
    }
    if (m_parts & ServerCounts) {
        get(
            QStringLiteral("/api/serverstatus/counts"),
            [this](const QJsonDocument &doc) {
                const QJsonObject groups = doc.object();
                for (auto group = groups.begin(); group != groups.end(); ++group) {
                    const QJsonObject values = group.value().toObject();
                    for (auto it = values.begin(); it != values.end(); ++it) {
                        if (it.value().isDouble())
                            m_snapshot.serverCounts.insert(group.key() + QLatin1Char('.') + it.key(),
                                                           qint64(it.value().toDouble()));
                    }
                }
            },
            true);
    }
    settle(); // releases the start guard
}

void InventoryJob::onSpaces()
{
    QStringList prefixes;
    for (const InventorySpace &space : std::as_const(m_snapshot.spaces))
        prefixes.append(QStringLiteral("/api/") + space.id);
    for (const QString &prefix : std::as_const(prefixes)) {
        if (m_parts & Targets) {
            fetch(
                prefix + QStringLiteral("/machines"),
                [](const PagedFetchJob::ItemSource &items) { return machines(items, false); },
                [this](const QList<QVariant> &pages) { appendAll(&m_snapshot.targets, pages); });
        }
        if (m_parts & Workers) {
            fetch(
                prefix + QStringLiteral("/workers"),
                [](const PagedFetchJob::ItemSource &items) { return machines(items, true); },
                [this](const QList<QVariant> &pages) { appendAll(&m_snapshot.workers, pages); }, true);
        }
        if (m_parts & Environments) {
            fetch(prefix + QStringLiteral("/environments"), &named,
                  [this](const QList<QVariant> &pages) { appendAll(&m_snapshot.environments, pages); });
        }
        if (m_parts & Projects) {
            fetch(prefix + QStringLiteral("/projects"), &named,
                  [this](const QList<QVariant> &pages) { appendAll(&m_snapshot.projects, pages); });
        }
        if (m_parts & Tenants) {
            fetch(
                prefix + QStringLiteral("/tenants"), &named,
                [this](const QList<QVariant> &pages) { appendAll(&m_snapshot.tenants, pages); }, true);
        }
        if (m_parts & BuildInformation) {
            fetch(
                prefix + QStringLiteral("/build-information"),
                [](const PagedFetchJob::ItemSource &items) {
                    return convert<InventoryBuildInformation>(items, [](const JsonItem &o) {
                        InventoryBuildInformation b;
                        b.id = o.string("Id");
                        b.spaceId = o.sharedString("SpaceId");
                        b.packageId = o.sharedString("PackageId");
                        b.version = o.string("Version");
                        b.buildEnvironment = o.sharedString("BuildEnvironment");
                        b.buildNumber = o.string("BuildNumber");
                        b.buildUrl = o.string("BuildUrl");
                        b.vcsRoot = o.sharedString("VcsRoot");
                        b.created = o.dateTime("Created");
                        b.lastModifiedBy =
                            o.sharedString("LastModifiedBy"); // who pushed it (the CI's account)
                        return b;
                    });
                },
                [this](const QList<QVariant> &pages) { appendAll(&m_snapshot.buildInformation, pages); },
                true);
        }
    }
}

void InventoryJob::onUsers()
{
    if (m_apiKeyScope == ApiKeyScope::None)
        return;
    for (qsizetype i = 0; i < m_snapshot.users.size(); ++i) {
        const InventoryUser &user = m_snapshot.users.at(i);
        if (m_apiKeyScope == ApiKeyScope::ServiceAccounts && !user.isService)
            continue;
        const QString userId = user.id;
        fetch(
            QStringLiteral("/api/users/%1/apikeys").arg(userId),
            [](const PagedFetchJob::ItemSource &items) {
                return convert<InventoryApiKey>(items, [](const JsonItem &o) {
                    InventoryApiKey k;
                    k.id = o.string("Id");
                    k.purpose = o.string("Purpose");
                    k.created = o.dateTime("Created");
                    k.expires = o.dateTime("Expires");
                    k.lastUsed = o.dateTime("LastUsedTimeStamp");
                    // Absent on older servers; IsLastUsedTimestampKnown false for keys older than the
                    // tracking. Either way a null LastUsedTimeStamp does not mean "never used".
                    k.lastUsedKnown =
                        o.contains("LastUsedTimeStamp") && o.boolean("IsLastUsedTimestampKnown", true);
                    k.accessLevel = o.sharedString("AccessLevel");
                    return k;
                });
            },
            [this, userId](const QList<QVariant> &pages) {
                for (InventoryUser &u : m_snapshot.users) {
                    if (u.id == userId) {
                        appendAll(&u.apiKeys, pages);
                        u.apiKeysKnown = true;
                        break;
                    }
                }
            },
            true);
    }
}

void InventoryJob::settle()
{
    if (m_finished)
        return;
    --m_outstanding;
    reportProgress();
    if (m_fatal) {
        cancel();
        return;
    }
    if (m_outstanding == 0)
        finish();
}

void InventoryJob::cancel()
{
    if (m_finished)
        return;
    if (!m_fatal) {
        ApiError error;
        error.kind = ApiErrorKind::Cancelled;
        if (m_client) {
            error.server = m_client->settings().role;
            error.serverUrl = m_client->settings().baseUrl;
        }
        m_snapshot.errors.append(error);
    }
    m_finished = true; // ignore the cancelled jobs' answers
    const auto running = m_running;
    m_running.clear();
    for (const QPointer<QObject> &job : running) {
        if (auto *paged = qobject_cast<PagedFetchJob *>(job.data()))
            paged->cancel();
        else if (auto *apiJob = qobject_cast<ApiJob *>(job.data()))
            apiJob->cancel();
    }
    m_finished = false;
    finish();
}

void InventoryJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    m_snapshot.takenAt = QDateTime::currentDateTimeUtc();
    Q_EMIT finished(m_snapshot);
    if (m_autoDelete)
        deleteLater();
}
