#include "tentacleverifier.h"

#include "apijob.h"
#include "octopusclient.h"
#include "octopuslogging.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QSet>
#include <QTimer>
#include <QUrl>
#include <QUrlQuery>

struct TentacleVerifier::SpaceRun
{
    QString spaceId;
    QList<TentacleVerifyTarget> machines;
    QString taskId;
    QElapsedTimer started;
    QDateTime startedAt;       // UTC, client clock, when this run started (after every mark it was given)
    QDateTime healthStartedAt; // UTC, the health task's StartTime as the server reports it
    QTimer *timer = nullptr;
    int readsLeft = 0;
    bool done = false;
};

namespace {

bool isVerifiedHealth(const QString &health)
{
    return health == QLatin1String("Healthy") || health == QLatin1String("HasWarnings");
}

// The machines of one collection, in batches whose `ids=` value stays under maxChars once encoded.
QList<QList<TentacleVerifyTarget>> batches(const QList<TentacleVerifyTarget> &machines, bool workers,
                                           int maxChars)
{
    QList<QList<TentacleVerifyTarget>> result;
    int chars = 0;
    for (const TentacleVerifyTarget &machine : machines) {
        if (machine.isWorker != workers)
            continue;
        const int length = int(QUrl::toPercentEncoding(machine.id).size()) + 3; // "%2C" between ids
        if (result.isEmpty() || chars + length > maxChars) {
            result.append(QList<TentacleVerifyTarget>{});
            chars = 0;
        }
        result.last().append(machine);
        chars += length;
    }
    return result;
}

QString idsOf(const QList<TentacleVerifyTarget> &machines)
{
    QStringList ids;
    for (const TentacleVerifyTarget &machine : machines)
        ids.append(machine.id);
    return ids.join(QLatin1Char(','));
}

} // namespace

TentacleVerifier::TentacleVerifier(OctopusClient *client, QObject *parent)
    : QObject(parent)
    , m_client(client)
{}

TentacleVerifier::~TentacleVerifier()
{
    for (const QPointer<ApiJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
    qDeleteAll(m_runs);
}

ApiJob *TentacleVerifier::track(ApiJob *job)
{
    m_jobs.removeAll(nullptr);
    m_jobs.append(job);
    return job;
}

void TentacleVerifier::start(const QList<TentacleVerifyTarget> &machines)
{
    if (m_running)
        return;
    qDeleteAll(m_runs);
    m_runs.clear();
    m_results.clear();
    m_firstError = {};
    m_total = int(machines.size());
    m_running = true;
    ++m_generation;
    QMap<QString, SpaceRun *> bySpace;
    for (const TentacleVerifyTarget &machine : machines) {
        SpaceRun *&run = bySpace[machine.spaceId];
        if (!run) {
            run = new SpaceRun;
            run->spaceId = machine.spaceId;
            m_runs.append(run);
        }
        run->machines.append(machine);
    }
    m_spacesLeft = int(m_runs.size());
    Q_EMIT progress(0, m_total);
    if (m_runs.isEmpty() || !m_client) {
        QTimer::singleShot(0, this, [this] { finish({}); });
        return;
    }
    for (SpaceRun *run : std::as_const(m_runs))
        startSpace(run);
}

void TentacleVerifier::startSpace(SpaceRun *run)
{
    run->started.start();
    run->startedAt = QDateTime::currentDateTimeUtc();
    if (!m_runHealthCheck) {
        readStatus(run, false);
        return;
    }
    QJsonArray ids;
    for (const TentacleVerifyTarget &machine : std::as_const(run->machines))
        ids.append(machine.id);
    const QJsonObject body{
        {QStringLiteral("Name"), QStringLiteral("Health")},
        {QStringLiteral("Description"), QStringLiteral("Handover: check re-pointed polling Tentacles")},
        {QStringLiteral("SpaceId"), run->spaceId},
        {QStringLiteral("Arguments"), QJsonObject{{QStringLiteral("MachineIds"), ids}}}};
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/api/%1/tasks").arg(run->spaceId);
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    ApiJob *job = track(m_client->send(request));
    connect(job, &ApiJob::finished, this, [this, run](const ApiResult &result) {
        if (!m_running)
            return;
        if (!result.ok()) {
            failSpace(run, result.error);
            return;
        }
        run->taskId = result.json.object().value(QLatin1String("Id")).toString();
        qCInfo(lcOctopus) << "health task" << run->taskId << "queued for" << run->machines.size()
                          << "machines in" << run->spaceId;
        pollTask(run);
    });
}

void TentacleVerifier::pollTask(SpaceRun *run)
{
    ApiJob *job = track(m_client->get(QStringLiteral("/api/tasks/%1").arg(run->taskId)));
    connect(job, &ApiJob::finished, this, [this, run](const ApiResult &result) {
        if (!m_running)
            return;
        if (!result.ok()) {
            failSpace(run, result.error);
            return;
        }
        const QJsonObject task = result.json.object();
        if (task.value(QLatin1String("IsCompleted")).toBool()) {
            const QString state = task.value(QLatin1String("State")).toString();
            // A cancelled or timed-out health task may not have reached every machine.
            const bool ran = state != QLatin1String("Canceled") && state != QLatin1String("TimedOut");
            run->healthStartedAt =
                QDateTime::fromString(task.value(QLatin1String("StartTime")).toString(), Qt::ISODateWithMs)
                    .toUTC();
            if (!run->healthStartedAt.isValid())
                run->healthStartedAt = run->startedAt;
            readStatus(run, ran);
            return;
        }
        if (run->started.elapsed() > m_taskTimeoutMs) {
            // Read what the server knows now rather than waiting forever; it is not fresh evidence.
            readStatus(run, false);
            return;
        }
        const int generation = m_generation;
        QTimer::singleShot(m_pollIntervalMs, this, [this, run, generation] {
            if (m_running && generation == m_generation)
                pollTask(run);
        });
    });
}

void TentacleVerifier::readStatus(SpaceRun *run, bool fresh)
{
    run->readsLeft = 0;
    for (bool workers : {false, true}) {
        const QString collection = workers ? QStringLiteral("workers") : QStringLiteral("machines");
        for (const QList<TentacleVerifyTarget> &batch : batches(run->machines, workers, kMaxIdsQueryChars)) {
            ++run->readsLeft;
            QUrlQuery query;
            query.addQueryItem(QStringLiteral("ids"), idsOf(batch));
            const QString path = QStringLiteral("/api/%1/%2/all?%3")
                                     .arg(run->spaceId, collection, query.toString(QUrl::FullyEncoded));
            ApiJob *job = track(m_client->get(path));
            connect(
                job, &ApiJob::finished, this, [this, run, batch, collection, fresh](const ApiResult &result) {
                    if (!m_running || run->done)
                        return;
                    if (!result.ok()) {
                        failSpace(run, result.error);
                        return;
                    }
                    QHash<QString, QJsonObject> found;
                    for (const QJsonValue &value : result.json.array()) {
                        const QJsonObject machine = value.toObject();
                        found.insert(machine.value(QLatin1String("Id")).toString(), machine);
                    }
                    const QDateTime now = QDateTime::currentDateTimeUtc();
                    for (const TentacleVerifyTarget &machine : batch) {
                        TentacleVerifyResult r;
                        r.id = machine.id;
                        r.spaceId = machine.spaceId;
                        r.checkedAt = now;
                        if (const auto it = found.constFind(machine.id); it != found.constEnd()) {
                            r.healthStatus = it->value(QLatin1String("HealthStatus")).toString();
                            r.disabled = it->value(QLatin1String("IsDisabled")).toBool();
                            // Fresh only when the health task this run queued completed, and this run started
                            // after the machine was marked re-pointed (both on this client's clock).
                            r.stale = !fresh ||
                                      (machine.repointedAt.isValid() && run->startedAt < machine.repointedAt);
                            if (!r.stale && !r.disabled)
                                r.healthCheckedAt = run->healthStartedAt;
                            r.verified = !r.stale && !r.disabled && isVerifiedHealth(r.healthStatus);
                        } else {
                            r.error.kind = ApiErrorKind::NotFound;
                            r.error.method = "GET";
                            r.error.path =
                                QStringLiteral("/api/%1/%2/%3").arg(machine.spaceId, collection, machine.id);
                            r.error.status = 404;
                        }
                        record(r);
                    }
                    if (--run->readsLeft == 0)
                        spaceDone(run);
                });
        }
    }
    if (run->readsLeft == 0)
        spaceDone(run);
}

void TentacleVerifier::failSpace(SpaceRun *run, const ApiError &error)
{
    if (run->done)
        return;
    if (!m_firstError.isError())
        m_firstError = error;
    QSet<QString> answered;
    for (const TentacleVerifyResult &r : std::as_const(m_results))
        answered.insert(r.id);
    for (const TentacleVerifyTarget &machine : std::as_const(run->machines)) {
        if (answered.contains(machine.id))
            continue;
        TentacleVerifyResult r;
        r.id = machine.id;
        r.spaceId = machine.spaceId;
        r.checkedAt = QDateTime::currentDateTimeUtc();
        r.error = error;
        record(r);
    }
    spaceDone(run);
}

void TentacleVerifier::record(const TentacleVerifyResult &result)
{
    m_results.append(result);
    Q_EMIT machineChecked(result);
    Q_EMIT progress(int(m_results.size()), m_total);
}

void TentacleVerifier::spaceDone(SpaceRun *run)
{
    if (run->done)
        return;
    run->done = true;
    if (--m_spacesLeft == 0)
        finish(m_firstError);
}

void TentacleVerifier::cancel()
{
    if (!m_running)
        return;
    ApiError error;
    error.kind = ApiErrorKind::Cancelled;
    finish(error);
}

void TentacleVerifier::finish(const ApiError &error)
{
    if (!m_running)
        return;
    m_running = false;
    const QList<QPointer<ApiJob>> jobs = m_jobs;
    m_jobs.clear();
    for (const QPointer<ApiJob> &job : jobs) {
        if (job)
            job->cancel();
    }
    Q_EMIT finished(m_results, error);
}
