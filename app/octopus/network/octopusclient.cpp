#include "octopusclient.h"

#include "networkcontext.h"
#include "networkworker.h"
#include "pagedfetchjob.h"

OctopusClient::OctopusClient(const ConnectionSettings &settings, NetworkContext *network, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
    , m_network(network)
{
    Q_ASSERT(network);
    qRegisterMetaType<ApiResult>();
    m_worker = new NetworkWorker(m_settings, network->parsePool());
    m_worker->moveToThread(network->thread());
    connect(m_worker, &NetworkWorker::finished, this, &OctopusClient::onWorkerFinished, Qt::QueuedConnection);
}

OctopusClient::~OctopusClient()
{
    cancelAll();
    // The worker is stopped and deleted on the network thread, after what was already queued for it; this
    // thread does not wait for that. Its answers still on their way find no receiver and are dropped.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->cancelAll();
            delete worker;
        },
        Qt::QueuedConnection);
}

void OctopusClient::setSettings(const ConnectionSettings &settings)
{
    m_settings = settings;
    pushSettings();
}

void OctopusClient::setApiKey(const QString &apiKey)
{
    m_settings.apiKey = apiKey;
    pushSettings();
}

void OctopusClient::setBaseUrl(const QUrl &url)
{
    m_settings.baseUrl = url;
    pushSettings();
}

void OctopusClient::pinFingerprint(const QString &sha256)
{
    const QString normalised = CertificateInfo::normaliseFingerprint(sha256);
    if (normalised.isEmpty())
        return;
    m_settings.pinnedFingerprints.insert(normalised);
    pushSettings();
}

void OctopusClient::clearPinnedFingerprints()
{
    m_settings.pinnedFingerprints.clear();
    pushSettings();
}

void OctopusClient::pushSettings()
{
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, settings = m_settings] { worker->updateSettings(settings); },
        Qt::QueuedConnection);
    Q_EMIT settingsChanged();
}

ApiJob *OctopusClient::send(const ApiRequest &request, QObject *parent)
{
    const quint64 id = m_nextId++;
    ApiError identity;
    identity.server = m_settings.role;
    identity.serverUrl = m_settings.baseUrl;
    identity.method = request.method;
    identity.path = request.path;
    // The network thread ends every call within its deadline, retries included; this is a second line.
    const qint64 watchdog = qint64(m_settings.requestDeadlineMs) + 5000;
    auto *job = new ApiJob(this, id, identity, int(std::min<qint64>(watchdog, INT_MAX)), parent);
    m_jobs.insert(id, job);
    ++m_requests;
    if (m_recordPaths)
        m_recordedPaths.append(request.path);
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id, request] { worker->start(id, request); }, Qt::QueuedConnection);
    return job;
}

ApiJob *OctopusClient::get(const QString &path, QObject *parent)
{
    ApiRequest request;
    request.path = path;
    return send(request, parent);
}

PagedFetchJob *OctopusClient::fetchAll(const QString &path, QObject *parent)
{
    auto *job = new PagedFetchJob(this, path, parent);
    return job;
}

void OctopusClient::cancelAll()
{
    const QList<QPointer<ApiJob>> jobs = m_jobs.values();
    for (const QPointer<ApiJob> &job : jobs) {
        if (job)
            job->cancel();
    }
    m_jobs.clear();
}

void OctopusClient::abandon(quint64 id)
{
    if (!m_jobs.remove(id))
        return;
    QMetaObject::invokeMethod(
        m_worker, [worker = m_worker, id] { worker->cancel(id); }, Qt::QueuedConnection);
}

void OctopusClient::onWorkerFinished(quint64 id, const ApiResult &result)
{
    const QPointer<ApiJob> job = m_jobs.take(id);
    if (!job)
        return;
    m_bytes += result.bytes;
    m_requests += std::max(0, result.attempts - 1); // retries are requests too
    job->complete(result);
}
