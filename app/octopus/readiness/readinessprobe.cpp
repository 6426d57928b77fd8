#include "readinessprobe.h"

#include "apijob.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"

#include <QJsonArray>
#include <QJsonObject>

ReadinessProbe::ReadinessProbe(OctopusClient *client, ServerRole role, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_role(role)
{}

ApiJob *ReadinessProbe::get(const QString &path, const QList<int> &accepted)
{
    ApiRequest request;
    request.path = path;
    request.acceptedStatuses = accepted;
    ApiJob *job = m_client->send(request, this);
    track(job);
    return job;
}

void ReadinessProbe::track(QObject *job)
{
    ++m_outstanding;
    m_jobs.append(job);
}

void ReadinessProbe::done()
{
    Q_EMIT changed();
    if (--m_outstanding > 0)
        return;
    m_running = false;
    m_facts.complete = true;
    m_facts.checkedAt = QDateTime::currentDateTimeUtc();
    if (!m_facts.reachable.has_value())
        m_facts.reachable = m_rootOk && m_authOk;
    Q_EMIT finished();
}

void ReadinessProbe::cancel()
{
    const auto jobs = m_jobs;
    m_jobs.clear();
    for (const QPointer<QObject> &job : jobs) {
        if (auto *apiJob = qobject_cast<ApiJob *>(job.data())) {
            disconnect(apiJob, nullptr, this, nullptr);
            apiJob->cancel();
        } else if (auto *paged = qobject_cast<PagedFetchJob *>(job.data())) {
            disconnect(paged, nullptr, this, nullptr);
            paged->cancel();
        }
    }
    m_outstanding = 0;
    m_running = false;
}

void ReadinessProbe::start()
{
    cancel();
    m_facts = ServerFacts();
    m_running = true;
    m_rootOk = m_authOk = false;
    m_authAnswered = 0;
    m_outstanding = 1; // held until every call has been started

    auto reachAnswered = [this](const ApiResult &result, bool root) {
        if (result.ok()) {
            (root ? m_rootOk : m_authOk) = true;
        } else if (!m_facts.reachError.isError() || root) {
            m_facts.reachError = result.error;
        }
        if (++m_authAnswered == 2) {
            m_facts.reachable = m_rootOk && m_authOk;
            if (*m_facts.reachable)
                m_facts.reachError = ApiError();
        }
    };

    connect(get(QStringLiteral("/api")), &ApiJob::finished, this,
            [this, reachAnswered](const ApiResult &result) {
                reachAnswered(result, true);
                if (result.ok()) {
                    const QJsonObject root = result.json.object();
                    m_facts.application = root.value(QLatin1String("Application")).toString();
                    m_facts.version = root.value(QLatin1String("Version")).toString();
                    m_facts.installationId = root.value(QLatin1String("InstallationId")).toString();
                }
                done();
            });
    connect(get(QStringLiteral("/api/users/me")), &ApiJob::finished, this,
            [this, reachAnswered](const ApiResult &result) {
                reachAnswered(result, false);
                if (result.ok()) {
                    const QJsonObject me = result.json.object();
                    m_facts.keyUser = me.value(QLatin1String("Username")).toString();
                    readPermissions(me.value(QLatin1String("Id")).toString());
                } else {
                    m_facts.permissionsError = result.error;
                }
                done();
            });
    connect(get(QStringLiteral("/api/serverstatus")), &ApiJob::finished, this,
            [this](const ApiResult &result) {
                if (result.ok()) {
                    const QJsonObject status = result.json.object();
                    m_facts.maintenance = status.value(QLatin1String("IsInMaintenanceMode")).toBool();
                    if (status.contains(QLatin1String("IsPotentialClone")))
                        m_facts.potentialClone = status.value(QLatin1String("IsPotentialClone")).toBool();
                } else {
                    m_facts.statusError = result.error;
                }
                done();
            });
    connect(get(QStringLiteral("/api/serverstatus/health"), {418}), &ApiJob::finished, this,
            [this](const ApiResult &result) {
                if (result.ok()) {
                    m_facts.healthStatus = result.status;
                    m_facts.healthDescription =
                        result.json.object().value(QLatin1String("Description")).toString();
                } else {
                    m_facts.healthError = result.error;
                }
                done();
            });
    connect(get(QStringLiteral("/api/configuration/certificates/certificate-global")), &ApiJob::finished,
            this, [this](const ApiResult &result) {
                if (result.ok()) {
                    m_facts.thumbprint = result.json.object().value(QLatin1String("Thumbprint")).toString();
                    done();
                    return;
                }
                if (result.error.kind != ApiErrorKind::NotFound) {
                    m_facts.thumbprintError = result.error;
                    done();
                    return;
                }
                // Servers before 3.11 only have the legacy route.
                connect(get(QStringLiteral("/api/certificates/certificate-global")), &ApiJob::finished, this,
                        [this](const ApiResult &legacy) {
                            if (legacy.ok())
                                m_facts.thumbprint =
                                    legacy.json.object().value(QLatin1String("Thumbprint")).toString();
                            else
                                m_facts.thumbprintError = legacy.error;
                            done();
                        });
                done();
            });

    // IsOffline and LastSeen are only in the cluster summary (OctopusServerClusterSummaryResource.Nodes of
    // OctopusServerNodeSummaryResource); /api/octopusservernodes and /all list OctopusServerNodeResource,
    // which has neither.
    connect(get(QStringLiteral("/api/octopusservernodes/summary")), &ApiJob::finished, this,
            [this](const ApiResult &result) {
                if (result.ok()) {
                    QList<ServerFacts::Node> list;
                    for (const QJsonValue &value :
                         result.json.object().value(QLatin1String("Nodes")).toArray()) {
                        const QJsonObject node = value.toObject();
                        ServerFacts::Node n;
                        n.id = node.value(QLatin1String("Id")).toString();
                        n.name = node.value(QLatin1String("Name")).toString();
                        n.draining = node.value(QLatin1String("IsInMaintenanceMode")).toBool();
                        n.offline = node.value(QLatin1String("IsOffline")).toBool();
                        n.lastSeen = QDateTime::fromString(node.value(QLatin1String("LastSeen")).toString(),
                                                           Qt::ISODateWithMs)
                                         .toUTC();
                        list.append(n);
                    }
                    m_facts.nodes = list;
                } else {
                    m_facts.nodesError = result.error;
                }
                done();
            });

    PagedFetchJob *spaces = m_client->fetchAll(QStringLiteral("/api/spaces"), this);
    spaces->setPreferAll(true);
    track(spaces);
    connect(spaces, &PagedFetchJob::finished, this, [this](const PagedResult &result) {
        QStringList prefixes;
        if (result.ok()) {
            for (const QJsonArray &page : result.pages) {
                for (const QJsonValue &value : page)
                    prefixes.append(QStringLiteral("/api/") +
                                    value.toObject().value(QLatin1String("Id")).toString());
            }
            onSpaces(prefixes);
        } else if (result.error.kind == ApiErrorKind::NotFound) {
            onSpaces({QStringLiteral("/api")}); // before spaces (2019.1): the legacy routes
        } else {
            m_facts.tasksError = result.error;
            if (m_role == ServerRole::New)
                m_facts.cloneSafetyError = result.error;
        }
        done();
    });
    spaces->start();
    done(); // releases the start guard
}

void ReadinessProbe::readPermissions(const QString &userId)
{
    // The key's reach: its user's permissions (UserPermissionSetResource). SystemPermissions is a list of
    // names; SpacePermissions maps names to the spaces (and scopes) they hold in.
    connect(get(QStringLiteral("/api/users/%1/permissions").arg(userId)), &ApiJob::finished, this,
            [this](const ApiResult &result) {
                if (result.ok()) {
                    const QJsonObject set = result.json.object();
                    QStringList names;
                    for (const QJsonValue &name : set.value(QLatin1String("SystemPermissions")).toArray())
                        names.append(name.toString());
                    const QJsonObject space = set.value(QLatin1String("SpacePermissions")).toObject();
                    for (auto it = space.constBegin(); it != space.constEnd(); ++it) {
                        if (!it.value().toArray().isEmpty())
                            names.append(it.key());
                    }
                    names.removeDuplicates();
                    names.sort();
                    m_facts.permissions = names;
                } else {
                    m_facts.permissionsError = result.error;
                }
                done();
            });
}

void ReadinessProbe::onSpaces(const QStringList &spacePrefixes)
{
    QStringList ids;
    for (const QString &p : spacePrefixes) {
        if (p != QLatin1String("/api"))
            ids.append(p.mid(5));
    }
    const QString spacesQuery =
        ids.isEmpty() ? QString() : QStringLiteral("&spaces=") + ids.join(QLatin1Char(','));
    auto taskCount = [this, spacesQuery](const QString &state, std::optional<qint64> *target) {
        connect(
            get(QStringLiteral("/api/tasks?states=%1&take=1&includeSystem=true%2").arg(state, spacesQuery)),
            &ApiJob::finished, this, [this, target](const ApiResult &result) {
                if (result.ok())
                    *target = qint64(result.json.object().value(QLatin1String("TotalResults")).toDouble());
                else
                    m_facts.tasksError = result.error;
                done();
            });
    };
    taskCount(QStringLiteral("Queued"), &m_facts.queuedTasks);
    // A task being cancelled still runs (and holds its node) until it stops.
    taskCount(QStringLiteral("Executing,Cancelling"), &m_facts.runningTasks);
    if (m_role == ServerRole::New)
        startCloneSafety(spacePrefixes);
}

void ReadinessProbe::countTotal(const QString &path, std::optional<qint64> *target, qint64 *accumulator,
                                int *remaining)
{
    connect(
        get(path), &ApiJob::finished, this, [this, target, accumulator, remaining](const ApiResult &result) {
            if (result.ok())
                *accumulator += qint64(result.json.object().value(QLatin1String("TotalResults")).toDouble());
            else if (!m_facts.cloneSafetyError.isError())
                m_facts.cloneSafetyError = result.error;
            if (--*remaining == 0 && !m_facts.cloneSafetyError.isError())
                *target = *accumulator;
            done();
        });
}

void ReadinessProbe::startCloneSafety(const QStringList &spacePrefixes)
{
    m_targets = m_workers = m_triggers = m_subscriptions = 0;
    const int n = int(spacePrefixes.size());
    m_targetsLeft = m_workersLeft = m_triggersLeft = m_subscriptionsLeft = n;
    if (n == 0) {
        m_facts.enabledTargets = m_facts.enabledWorkers = m_facts.enabledTriggers =
            m_facts.enabledSubscriptions = 0;
        return;
    }
    for (const QString &space : spacePrefixes) {
        countTotal(space + QStringLiteral("/machines?isDisabled=false&take=1"), &m_facts.enabledTargets,
                   &m_targets, &m_targetsLeft);
        countTotal(space + QStringLiteral("/workers?isDisabled=false&take=1"), &m_facts.enabledWorkers,
                   &m_workers, &m_workersLeft);
        // Triggers and subscriptions have no isDisabled filter: read them (they are few) and count.
        auto countEnabled = [this](const QString &path, std::optional<qint64> *target, qint64 *accumulator,
                                   int *remaining) {
            PagedFetchJob *job = m_client->fetchAll(path, this);
            track(job);
            connect(job, &PagedFetchJob::finished, this,
                    [this, target, accumulator, remaining](const PagedResult &result) {
                        if (result.ok()) {
                            for (const QJsonArray &page : result.pages) {
                                for (const QJsonValue &value : page) {
                                    if (!value.toObject().value(QLatin1String("IsDisabled")).toBool())
                                        ++*accumulator;
                                }
                            }
                        } else if (result.error.kind != ApiErrorKind::NotFound &&
                                   !m_facts.cloneSafetyError.isError()) {
                            m_facts.cloneSafetyError = result.error;
                        }
                        if (--*remaining == 0 && !m_facts.cloneSafetyError.isError())
                            *target = *accumulator;
                        done();
                    });
            job->start();
        };
        countEnabled(space + QStringLiteral("/projecttriggers"), &m_facts.enabledTriggers, &m_triggers,
                     &m_triggersLeft);
        countEnabled(space + QStringLiteral("/subscriptions"), &m_facts.enabledSubscriptions,
                     &m_subscriptions, &m_subscriptionsLeft);
    }
}
