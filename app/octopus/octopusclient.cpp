#include "octopusclient.h"

#include "networkworker.h"
#include "pagedfetchjob.h"

#include <QMutex>
#include <QThread>

namespace {

// One network thread for all clients: both servers' connections are served by one event loop (it is busy a
// third of an inventory at most), which saves the context switches of a thread per server on small machines.
// Started with the first client, joined when the last one goes.
struct NetworkThread
{
    QMutex mutex;
    QThread *thread = nullptr;
    int users = 0;
};

NetworkThread &networkThread()
{
    static NetworkThread shared;
    return shared;
}

QThread *acquireNetworkThread()
{
    NetworkThread &shared = networkThread();
    QMutexLocker lock(&shared.mutex);
    if (!shared.thread) {
        shared.thread = new QThread; // not parented: joined by the last client
        shared.thread->setObjectName(QStringLiteral("octopus-network"));
        shared.thread->start();
    }
    ++shared.users;
    return shared.thread;
}

void releaseNetworkThread()
{
    NetworkThread &shared = networkThread();
    QThread *last = nullptr;
    {
        QMutexLocker lock(&shared.mutex);
        if (--shared.users == 0)
            std::swap(last, shared.thread);
    }
    if (last) {
        last->quit();
        last->wait(); // joins a thread that has been told to stop; no request is waited for
        delete last;
    }
}

} // namespace

OctopusClient::OctopusClient(const ConnectionSettings &settings, QObject *parent)
    : QObject(parent)
    , m_settings(settings)
{
    qRegisterMetaType<ApiResult>();
    m_thread = acquireNetworkThread();
    m_worker = new NetworkWorker(m_settings);
    m_worker->moveToThread(m_thread);
    connect(m_worker, &NetworkWorker::finished, this, &OctopusClient::onWorkerFinished, Qt::QueuedConnection);
}

OctopusClient::~OctopusClient()
{
    cancelAll();
    // The worker is stopped and deleted on the network thread, now: the thread lives on for other clients.
    QMetaObject::invokeMethod(
        m_worker,
        [worker = m_worker] {
            worker->cancelAll();
            delete worker;
        },
        Qt::BlockingQueuedConnection);
    releaseNetworkThread();
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
    // Worst case on the network thread: every attempt runs to its deadline, plus backoff between them.
    const qint64 attempts = request.isIdempotent() ? std::max(1, m_settings.maxAttempts) : 1;
    const qint64 watchdog = attempts * (qint64(m_settings.requestDeadlineMs) + m_settings.retryMaxDelayMs +
                                        m_settings.maxRetryAfterSeconds * 1000LL) +
                            5000;
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
