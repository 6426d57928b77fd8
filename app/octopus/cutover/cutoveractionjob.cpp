#include "cutoveractionjob.h"

#include "apijob.h"
#include "cutoverjson.h"
#include "octopusclient.h"
#include "octopuslogging.h"
#include "pagedfetchjob.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTimer>
#include <QTimerEvent>

namespace {

const CutoverAction kActions[] = {CutoverAction::MaintenanceOn, CutoverAction::MaintenanceOff,
                                  CutoverAction::DisableCloneItems, CutoverAction::ReenableCloneItems,
                                  CutoverAction::QueueTentacleUpgrade};

const CutoverActionJob::Refusal kRefusals[] = {CutoverActionJob::Refusal::None,
                                               CutoverActionJob::Refusal::NoClient,
                                               CutoverActionJob::Refusal::NewServerNotAllowed,
                                               CutoverActionJob::Refusal::OldServerNotAllowed,
                                               CutoverActionJob::Refusal::NotTheNewServer,
                                               CutoverActionJob::Refusal::NoEnvironment};

ApiError localError(ApiErrorKind kind, const OctopusClient *client, const QString &message)
{
    ApiError error;
    error.kind = kind;
    if (client) {
        error.server = client->settings().role;
        error.serverUrl = client->settings().baseUrl;
    }
    error.message = message;
    return error;
}

} // namespace

// ---------------------------------------------------------------------------------------------------------
// Names and JSON

QString CutoverActionJob::actionName(CutoverAction action)
{
    switch (action) {
    case CutoverAction::MaintenanceOn:
        return QStringLiteral("maintenance-on");
    case CutoverAction::MaintenanceOff:
        return QStringLiteral("maintenance-off");
    case CutoverAction::DisableCloneItems:
        return QStringLiteral("disable-clone-items");
    case CutoverAction::ReenableCloneItems:
        return QStringLiteral("reenable-clone-items");
    case CutoverAction::QueueTentacleUpgrade:
        return QStringLiteral("queue-tentacle-upgrade");
    }
    return QString();
}

std::optional<CutoverAction> CutoverActionJob::actionFromName(const QString &name)
{
    for (CutoverAction action : kActions) {
        if (actionName(action) == name)
            return action;
    }
    return std::nullopt;
}

QString CutoverActionJob::refusalName(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None:
        return QString();
    case Refusal::NoClient:
        return QStringLiteral("no-client");
    case Refusal::NewServerNotAllowed:
        return QStringLiteral("new-server-not-allowed");
    case Refusal::OldServerNotAllowed:
        return QStringLiteral("old-server-not-allowed");
    case Refusal::NotTheNewServer:
        return QStringLiteral("not-the-new-server");
    case Refusal::NoEnvironment:
        return QStringLiteral("no-environment");
    }
    return QString();
}

QString CutoverActionJob::describeRefusal(Refusal refusal)
{
    switch (refusal) {
    case Refusal::None:
        return QString();
    case Refusal::NoClient:
        return tr("No server is connected for this action; nothing was sent.");
    case Refusal::NewServerNotAllowed:
        return tr("Maintenance mode is switched on the old server during the cutover; this is the new "
                  "server, and only the rollback step may switch it there. Nothing was sent.");
    case Refusal::OldServerNotAllowed:
        return tr("Tentacle upgrades are queued on the new server; this is the old server. Nothing was "
                  "sent.");
    case Refusal::NotTheNewServer:
        return tr("Only the new server's targets, workers, triggers and subscriptions are disabled or "
                  "enabled by the cutover; this is not the new server. Nothing was sent.");
    case Refusal::NoEnvironment:
        return tr("No environment was chosen for the Tentacle upgrade; nothing was sent.");
    }
    return QString();
}

QJsonObject CutoverActionJob::Result::toJson() const
{
    QJsonObject o;
    o.insert(QStringLiteral("action"), actionName(action));
    o.insert(QStringLiteral("server"), CutoverJson::roleName(server));
    o.insert(QStringLiteral("serverUrl"), serverUrl.toString());
    o.insert(QStringLiteral("ok"), ok);
    if (refusal != Refusal::None) {
        o.insert(QStringLiteral("refusal"), refusalName(refusal));
        o.insert(QStringLiteral("refusalText"), refusalText);
    }
    o.insert(QStringLiteral("startedAt"), CutoverJson::time(startedAt));
    o.insert(QStringLiteral("finishedAt"), CutoverJson::time(finishedAt));
    QJsonArray callsJson;
    for (const Call &c : calls)
        callsJson.append(QJsonObject{{QStringLiteral("method"), QString::fromLatin1(c.method)},
                                     {QStringLiteral("path"), c.path},
                                     {QStringLiteral("status"), c.status},
                                     {QStringLiteral("ok"), c.ok}});
    o.insert(QStringLiteral("calls"), callsJson);
    if (maintenance.has_value()) {
        o.insert(QStringLiteral("maintenance"), *maintenance);
        o.insert(QStringLiteral("maintenanceModifiedBy"), maintenanceModifiedBy);
        o.insert(QStringLiteral("maintenanceModifiedOn"), CutoverJson::time(maintenanceModifiedOn));
    }
    if (action == CutoverAction::DisableCloneItems || action == CutoverAction::ReenableCloneItems) {
        o.insert(QStringLiteral("items"), CutoverItem::listToJson(items));
        o.insert(QStringLiteral("failed"), CutoverItem::listToJson(failed));
    }
    if (action == CutoverAction::QueueTentacleUpgrade) {
        o.insert(QStringLiteral("spaceId"), spaceId);
        o.insert(QStringLiteral("environmentId"), environmentId);
        o.insert(QStringLiteral("taskId"), taskId);
        o.insert(QStringLiteral("taskName"), taskName);
        o.insert(QStringLiteral("taskState"), taskState);
    }
    QJsonArray errorsJson;
    for (const ApiError &e : errors)
        errorsJson.append(CutoverJson::apiError(e));
    o.insert(QStringLiteral("errors"), errorsJson);
    return o;
}

CutoverActionJob::Result CutoverActionJob::Result::fromJson(const QJsonObject &o)
{
    Result r;
    r.action =
        actionFromName(o.value(QLatin1String("action")).toString()).value_or(CutoverAction::MaintenanceOn);
    r.server = CutoverJson::roleFromName(o.value(QLatin1String("server")).toString());
    r.serverUrl = QUrl(o.value(QLatin1String("serverUrl")).toString());
    r.ok = o.value(QLatin1String("ok")).toBool();
    const QString refusal = o.value(QLatin1String("refusal")).toString();
    for (Refusal candidate : kRefusals) {
        if (!refusal.isEmpty() && refusalName(candidate) == refusal)
            r.refusal = candidate;
    }
    r.refusalText = o.value(QLatin1String("refusalText")).toString();
    r.startedAt = CutoverJson::timeFrom(o.value(QLatin1String("startedAt")));
    r.finishedAt = CutoverJson::timeFrom(o.value(QLatin1String("finishedAt")));
    for (const QJsonValue &value : o.value(QLatin1String("calls")).toArray()) {
        const QJsonObject c = value.toObject();
        r.calls.append({c.value(QLatin1String("method")).toString().toLatin1(),
                        c.value(QLatin1String("path")).toString(), c.value(QLatin1String("status")).toInt(),
                        c.value(QLatin1String("ok")).toBool()});
    }
    if (o.contains(QLatin1String("maintenance"))) {
        r.maintenance = o.value(QLatin1String("maintenance")).toBool();
        r.maintenanceModifiedBy = o.value(QLatin1String("maintenanceModifiedBy")).toString();
        r.maintenanceModifiedOn = CutoverJson::timeFrom(o.value(QLatin1String("maintenanceModifiedOn")));
    }
    r.items = CutoverItem::listFromJson(o.value(QLatin1String("items")).toArray());
    r.failed = CutoverItem::listFromJson(o.value(QLatin1String("failed")).toArray());
    r.spaceId = o.value(QLatin1String("spaceId")).toString();
    r.environmentId = o.value(QLatin1String("environmentId")).toString();
    r.taskId = o.value(QLatin1String("taskId")).toString();
    r.taskName = o.value(QLatin1String("taskName")).toString();
    r.taskState = o.value(QLatin1String("taskState")).toString();
    for (const QJsonValue &value : o.value(QLatin1String("errors")).toArray())
        r.errors.append(CutoverJson::apiErrorFrom(value.toObject()));
    return r;
}

// ---------------------------------------------------------------------------------------------------------
// The job

CutoverActionJob::CutoverActionJob(OctopusClient *client, CutoverAction action, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_action(action)
{
    m_result.action = action;
    if (client) {
        m_result.server = client->settings().role;
        m_result.serverUrl = client->settings().baseUrl;
    }
}

CutoverActionJob::~CutoverActionJob()
{
    m_finished = true; // no signal from a destructor
    stopRunning();
}

void CutoverActionJob::stopRunning()
{
    const auto running = m_running;
    m_running.clear();
    for (const QPointer<QObject> &job : running) {
        if (auto *apiJob = qobject_cast<ApiJob *>(job.data())) {
            disconnect(apiJob, nullptr, this, nullptr);
            apiJob->cancel();
        } else if (auto *paged = qobject_cast<PagedFetchJob *>(job.data())) {
            disconnect(paged, nullptr, this, nullptr);
            paged->cancel();
        }
    }
}

void CutoverActionJob::setEnvironment(const QString &spaceId, const QString &environmentId)
{
    m_spaceId = spaceId;
    m_environmentId = environmentId;
}

void CutoverActionJob::start()
{
    if (m_started)
        return;
    m_started = true;
    m_result.startedAt = QDateTime::currentDateTimeUtc();
    // Decided now, sent from the event loop: finished() never fires inside start().
    QTimer::singleShot(0, this, [this] {
        if (m_finished)
            return;
        if (!m_client) {
            refuse(Refusal::NoClient);
            return;
        }
        const std::optional<ServerRole> role = m_client->settings().role;
        switch (m_action) {
        case CutoverAction::MaintenanceOn:
        case CutoverAction::MaintenanceOff:
            if (role == ServerRole::New && !m_allowNewServer) {
                refuse(Refusal::NewServerNotAllowed);
                return;
            }
            break;
        case CutoverAction::DisableCloneItems:
        case CutoverAction::ReenableCloneItems:
            if (role != ServerRole::New) {
                refuse(Refusal::NotTheNewServer);
                return;
            }
            break;
        case CutoverAction::QueueTentacleUpgrade:
            if (role == ServerRole::Old && !m_allowOldServer) {
                refuse(Refusal::OldServerNotAllowed);
                return;
            }
            if (m_environmentId.isEmpty()) {
                refuse(Refusal::NoEnvironment);
                return;
            }
            break;
        }
        if (m_timeoutMs > 0)
            m_timer = startTimer(m_timeoutMs);
        switch (m_action) {
        case CutoverAction::MaintenanceOn:
            setMaintenance(true);
            break;
        case CutoverAction::MaintenanceOff:
            setMaintenance(false);
            break;
        case CutoverAction::DisableCloneItems:
            listCloneItems();
            break;
        case CutoverAction::ReenableCloneItems:
            changeItems(m_items, false);
            break;
        case CutoverAction::QueueTentacleUpgrade:
            queueUpgrade();
            break;
        }
    });
}

void CutoverActionJob::cancel()
{
    if (m_finished)
        return;
    stopRunning();
    m_result.errors.append(localError(ApiErrorKind::Cancelled, m_client, QStringLiteral("cancelled")));
    m_result.ok = false;
    finish();
}

void CutoverActionJob::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_timer)
        return QObject::timerEvent(event);
    killTimer(m_timer);
    m_timer = 0;
    if (m_finished)
        return;
    stopRunning();
    m_result.errors.append(
        localError(ApiErrorKind::Timeout, m_client, QStringLiteral("the cutover action's deadline passed")));
    m_result.ok = false;
    finish();
}

void CutoverActionJob::refuse(Refusal refusal)
{
    m_result.refusal = refusal;
    m_result.refusalText = describeRefusal(refusal);
    m_result.ok = false;
    qCInfo(lcOctopus) << "cutover action" << actionName(m_action) << "refused:" << refusalName(refusal);
    finish();
}

void CutoverActionJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_timer) {
        killTimer(m_timer);
        m_timer = 0;
    }
    stopRunning(); // what is still under way after a failure
    m_result.finishedAt = QDateTime::currentDateTimeUtc();
    Q_EMIT finished(m_result);
}

void CutoverActionJob::fail(const ApiError &error)
{
    m_result.errors.append(error);
    m_result.ok = false;
    finish();
}

void CutoverActionJob::call(const ApiRequest &request, Handler handler)
{
    if (m_finished || !m_client)
        return;
    ApiJob *job = m_client->send(request, this);
    m_running.append(job);
    connect(job, &ApiJob::finished, this,
            [this, job, method = request.method, path = request.path,
             handler = std::move(handler)](const ApiResult &result) {
                m_running.removeAll(job);
                if (m_finished)
                    return;
                m_result.calls.append({method, path, result.status, result.ok()});
                handler(result);
            });
}

void CutoverActionJob::fetch(const QString &path, std::function<void(const PagedResult &)> handler)
{
    if (m_finished || !m_client)
        return;
    PagedFetchJob *job = m_client->fetchAll(path, this);
    m_running.append(job);
    connect(job, &PagedFetchJob::finished, this,
            [this, job, path, handler = std::move(handler)](const PagedResult &result) {
                m_running.removeAll(job);
                if (m_finished)
                    return;
                // One entry for the whole collection (its pages are several calls).
                m_result.calls.append({"GET", path, result.ok() ? 200 : result.error.status, result.ok()});
                handler(result);
            });
    job->start();
}

// ---------------------------------------------------------------------------------------------------------
// Maintenance mode

void CutoverActionJob::setMaintenance(bool on)
{
    // MaintenanceConfigurationResource {Id, IsInMaintenanceMode, LastModifiedBy, LastModifiedOn, Links}; the
    // PUT takes IsInMaintenanceMode (both Swaggers: PUT /maintenanceconfiguration, 200 or 400).
    ApiRequest put;
    put.method = "PUT";
    put.path = QStringLiteral("/api/maintenanceconfiguration");
    put.body = QJsonDocument(QJsonObject{{QStringLiteral("Id"), QStringLiteral("maintenance")},
                                         {QStringLiteral("IsInMaintenanceMode"), on}})
                   .toJson(QJsonDocument::Compact);
    call(put, [this, on](const ApiResult &result) {
        if (!result.ok()) {
            fail(result.error);
            return;
        }
        qCInfo(lcOctopus) << "maintenance mode" << on << "sent to" << m_result.serverUrl.toString();
        ApiRequest get;
        get.path = QStringLiteral("/api/maintenanceconfiguration");
        call(get, [this, on](const ApiResult &readBack) {
            if (!readBack.ok()) {
                fail(readBack.error);
                return;
            }
            const QJsonObject o = readBack.json.object();
            const QJsonValue state = o.value(QLatin1String("IsInMaintenanceMode"));
            if (state.isBool())
                m_result.maintenance = state.toBool();
            m_result.maintenanceModifiedBy = o.value(QLatin1String("LastModifiedBy")).toString();
            m_result.maintenanceModifiedOn =
                QDateTime::fromString(o.value(QLatin1String("LastModifiedOn")).toString(), Qt::ISODateWithMs)
                    .toUTC();
            m_result.ok = m_result.maintenance == on;
            if (!state.isBool()) {
                ApiError error = readBack.error;
                error.kind = ApiErrorKind::BadResponse;
                error.serverUrl = m_result.serverUrl;
                error.server = m_result.server;
                error.method = "GET";
                error.path = QStringLiteral("/api/maintenanceconfiguration");
                error.status = readBack.status;
                error.message = QStringLiteral("IsInMaintenanceMode missing from the answer");
                m_result.errors.append(error);
            }
            finish();
        });
    });
}

// ---------------------------------------------------------------------------------------------------------
// Disabling and re-enabling the clone's items

void CutoverActionJob::listCloneItems()
{
    fetch(QStringLiteral("/api/spaces"), [this](const PagedResult &result) {
        if (result.ok()) {
            QStringList ids;
            for (const QJsonArray &page : result.pages) {
                for (const QJsonValue &value : page)
                    ids.append(value.toObject().value(QLatin1String("Id")).toString());
            }
            onSpaces(ids);
        } else if (result.error.kind == ApiErrorKind::NotFound) {
            onSpaces({QString()}); // before spaces (2019.1): the legacy routes
        } else {
            fail(result.error);
        }
    });
}

void CutoverActionJob::onSpaces(const QStringList &spaceIds)
{
    using Kind = CutoverItem::Kind;
    m_candidates.clear();
    m_listsLeft = int(spaceIds.size()) * 4;
    if (m_listsLeft == 0) {
        m_result.ok = true;
        finish();
        return;
    }
    for (const QString &spaceId : spaceIds) {
        const QString prefix = spaceId.isEmpty() ? QStringLiteral("/api") : QStringLiteral("/api/") + spaceId;
        for (Kind kind : {Kind::Target, Kind::Worker, Kind::Trigger, Kind::Subscription}) {
            // Targets and workers filter on the server (isDisabled, in the root document's link templates);
            // triggers and subscriptions have no such filter. Every item is checked here either way.
            QString path = prefix + QLatin1Char('/') + CutoverItem::collection(kind);
            if (kind == Kind::Target || kind == Kind::Worker)
                path += QStringLiteral("?isDisabled=false");
            fetch(path, [this, kind, spaceId](const PagedResult &result) {
                // A server without the collection (404) has nothing of that kind to disable.
                if (!result.ok() && result.error.kind != ApiErrorKind::NotFound) {
                    fail(result.error);
                    return;
                }
                for (const QJsonArray &page : result.pages) {
                    for (const QJsonValue &value : page) {
                        const QJsonObject o = value.toObject();
                        if (o.value(QLatin1String("IsDisabled")).toBool())
                            continue;
                        CutoverItem item;
                        item.kind = kind;
                        item.spaceId = o.value(QLatin1String("SpaceId")).toString(spaceId);
                        if (item.spaceId.isEmpty())
                            item.spaceId = spaceId;
                        item.id = o.value(QLatin1String("Id")).toString();
                        item.name = o.value(QLatin1String("Name")).toString();
                        if (!item.id.isEmpty())
                            m_candidates.append(item);
                    }
                }
                if (--m_listsLeft == 0)
                    changeItems(m_candidates, true);
            });
        }
    }
}

void CutoverActionJob::changeItems(const QList<CutoverItem> &items, bool disable)
{
    m_disable = disable;
    m_queue = items;
    m_order = items;
    m_total = int(items.size());
    m_done = 0;
    m_inFlight = 0;
    Q_EMIT progress(0, m_total);
    pumpItems();
}

void CutoverActionJob::pumpItems()
{
    if (m_finished)
        return;
    if (m_queue.isEmpty() && m_inFlight == 0) {
        // In the order they were listed (or recorded), whatever order the answers came in.
        auto inOrder = [this](const QList<CutoverItem> &answered) {
            QList<CutoverItem> ordered;
            for (const CutoverItem &item : std::as_const(m_order)) {
                if (answered.contains(item))
                    ordered.append(item);
            }
            return ordered;
        };
        m_result.items = inOrder(m_result.items);
        m_result.failed = inOrder(m_result.failed);
        m_result.ok = m_result.failed.isEmpty() && m_result.errors.isEmpty();
        qCInfo(lcOctopus) << (m_disable ? "disabled" : "re-enabled") << m_result.items.size() << "of"
                          << m_total << "clone items on" << m_result.serverUrl.toString();
        finish();
        return;
    }
    while (!m_queue.isEmpty() && m_inFlight < m_parallelism) {
        ++m_inFlight;
        changeItem(m_queue.takeFirst());
    }
}

void CutoverActionJob::changeItem(const CutoverItem &item)
{
    const bool disable = m_disable;
    auto settle = [this](const CutoverItem &changed, bool ok, const ApiError &error) {
        if (ok) {
            m_result.items.append(changed);
        } else {
            m_result.failed.append(changed);
            if (error.isError())
                m_result.errors.append(error);
        }
        --m_inFlight;
        ++m_done;
        Q_EMIT progress(m_done, m_total);
        pumpItems();
    };
    ApiRequest get;
    get.path = item.path();
    call(get, [this, item, disable, settle](const ApiResult &result) {
        if (!result.ok()) {
            settle(item, false, result.error);
            return;
        }
        QJsonObject resource = result.json.object();
        const bool disabled = resource.value(QLatin1String("IsDisabled")).toBool();
        if (disabled == disable) {
            // Already as wanted: a disable leaves it out (this job did not change it); a re-enable counts it.
            if (disable) {
                --m_inFlight;
                ++m_done;
                Q_EMIT progress(m_done, m_total);
                pumpItems();
            } else {
                settle(item, true, ApiError());
            }
            return;
        }
        // The whole resource back, one field changed: fields Handover does not know are kept.
        resource.insert(QStringLiteral("IsDisabled"), disable);
        ApiRequest put;
        put.method = "PUT";
        put.path = item.path();
        put.body = QJsonDocument(resource).toJson(QJsonDocument::Compact);
        call(put, [item, disable, settle](const ApiResult &written) {
            if (!written.ok()) {
                settle(item, false, written.error);
                return;
            }
            const QJsonValue readBack = written.json.object().value(QLatin1String("IsDisabled"));
            if (readBack.isBool() && readBack.toBool() != disable) {
                ApiError error = written.error;
                error.kind = ApiErrorKind::BadResponse;
                error.method = "PUT";
                error.path = item.path();
                error.status = written.status;
                error.message =
                    QStringLiteral("the server answered IsDisabled %1")
                        .arg(readBack.toBool() ? QStringLiteral("true") : QStringLiteral("false"));
                settle(item, false, error);
                return;
            }
            settle(item, true, ApiError());
        });
    });
}

// ---------------------------------------------------------------------------------------------------------
// Tentacle upgrades

void CutoverActionJob::queueUpgrade()
{
    m_result.spaceId = m_spaceId;
    m_result.environmentId = m_environmentId;
    // TaskResource {Name, Description, SpaceId, Arguments}; the Upgrade task's arguments name an environment
    // (OctopusClients and the TypeScript client: EnvironmentId). Both Swaggers: POST /{baseSpaceId}/tasks
    // answers 201.
    QJsonObject body{
        {QStringLiteral("Name"), QStringLiteral("Upgrade")},
        {QStringLiteral("Description"),
         QStringLiteral("Upgrade Tentacles in %1 (Handover cutover)").arg(m_environmentId)},
        {QStringLiteral("Arguments"), QJsonObject{{QStringLiteral("EnvironmentId"), m_environmentId}}}};
    if (!m_spaceId.isEmpty())
        body.insert(QStringLiteral("SpaceId"), m_spaceId);
    ApiRequest post;
    post.method = "POST";
    post.path =
        m_spaceId.isEmpty() ? QStringLiteral("/api/tasks") : QStringLiteral("/api/%1/tasks").arg(m_spaceId);
    post.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    call(post, [this](const ApiResult &result) {
        if (!result.ok()) {
            fail(result.error);
            return;
        }
        const QJsonObject task = result.json.object();
        m_result.taskId = task.value(QLatin1String("Id")).toString();
        m_result.taskName = task.value(QLatin1String("Name")).toString();
        m_result.taskState = task.value(QLatin1String("State")).toString();
        m_result.ok = !m_result.taskId.isEmpty();
        if (!m_result.ok) {
            ApiError error;
            error.kind = ApiErrorKind::BadResponse;
            error.server = m_result.server;
            error.serverUrl = m_result.serverUrl;
            error.method = "POST";
            error.path = QStringLiteral("/api/%1/tasks").arg(m_spaceId);
            error.status = result.status;
            error.message = QStringLiteral("the answer names no task");
            m_result.errors.append(error);
        }
        qCInfo(lcOctopus) << "queued Upgrade" << m_result.taskId << "for" << m_environmentId;
        finish();
    });
}
