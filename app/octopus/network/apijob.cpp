#include "apijob.h"

#include "octopusclient.h"

#include <QTimerEvent>

ApiJob::ApiJob(OctopusClient *client, quint64 id, const ApiError &identity, int watchdogMs, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_id(id)
    , m_identity(identity)
{
    // A last line of defence: whatever happens on the network thread, the caller hears back.
    m_watchdogMs = watchdogMs;
    m_watchdogTimer = startTimer(watchdogMs);
}

void ApiJob::timerEvent(QTimerEvent *event)
{
    if (event->timerId() != m_watchdogTimer)
        return QObject::timerEvent(event);
    killTimer(m_watchdogTimer);
    m_watchdogTimer = 0;
    if (m_client)
        m_client->abandon(m_id);
    ApiResult result;
    result.error = m_identity;
    result.error.kind = ApiErrorKind::Timeout;
    result.error.message = QStringLiteral("no result within %1 s").arg(m_watchdogMs / 1000);
    complete(result);
}

ApiJob::~ApiJob()
{
    if (!m_finished && m_client)
        m_client->abandon(m_id);
}

void ApiJob::cancel()
{
    if (m_finished)
        return;
    if (m_client)
        m_client->abandon(m_id);
    ApiResult result;
    result.error = m_identity;
    result.error.kind = ApiErrorKind::Cancelled;
    complete(result);
}

void ApiJob::complete(const ApiResult &result)
{
    if (m_finished)
        return;
    m_finished = true;
    if (m_watchdogTimer) {
        killTimer(m_watchdogTimer);
        m_watchdogTimer = 0;
    }
    m_result = result;
    Q_EMIT finished(m_result);
    if (m_autoDelete)
        deleteLater();
}
