#include "networkworker.h"

#include "httpconnection.h"
#include "octopuslogging.h"
#include "retrypolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QSslCertificate>
#include <QSslError>
#include <QThread>
#include <QTimer>
#include <QTimerEvent>

#include <climits>

namespace {

QString errorMessageFromBody(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    if (doc.isObject()) {
        const QJsonObject object = doc.object();
        QString message = object.value(QLatin1String("ErrorMessage")).toString();
        const QJsonArray errors = object.value(QLatin1String("Errors")).toArray();
        QStringList details;
        for (const QJsonValue &e : errors) {
            const QString text = e.toString();
            if (!text.isEmpty() && text != message)
                details.append(text);
        }
        if (!details.isEmpty())
            message +=
                (message.isEmpty() ? QString() : QStringLiteral(" ")) + details.join(QStringLiteral("; "));
        if (!message.isEmpty())
            return message;
    }
    // Not an Octopus error body (a proxy page, plain text): keep a short, single-line excerpt.
    QString text = QString::fromUtf8(body.left(300)).simplified();
    if (text.startsWith(QLatin1Char('<')))
        return {};
    return text;
}

bool mentionsMaintenance(const QString &message)
{
    return message.contains(QLatin1String("maintenance"), Qt::CaseInsensitive);
}

constexpr qsizetype kInlineParseBytes = 64 * 1024;

} // namespace

QThreadPool *NetworkWorker::parsePool()
{
    static QThreadPool *pool = [] {
        auto *p = new QThreadPool; // lives for the process; idle threads expire
        p->setMaxThreadCount(std::max(2, QThread::idealThreadCount()));
        p->setExpiryTimeout(5000);
        return p;
    }();
    return pool;
}

NetworkWorker::NetworkWorker(const ConnectionSettings &settings)
    : m_settings(settings)
    , m_guard(std::make_shared<Guard>())
{
    m_guard->worker = this;
    m_clock.start();
}

NetworkWorker::~NetworkWorker()
{
    {
        QMutexLocker lock(&m_guard->mutex); // parse tasks still running will not post to us any more
        m_guard->worker = nullptr;
    }
    cancelAll();
    closeIdleConnections();
}

void NetworkWorker::updateSettings(const ConnectionSettings &settings)
{
    const bool reconnect =
        settings.pinnedFingerprints != m_settings.pinnedFingerprints ||
        ConnectionSettings::originOf(settings.baseUrl) != ConnectionSettings::originOf(m_settings.baseUrl) ||
        settings.maxResponseBytes != m_settings.maxResponseBytes;
    m_settings = settings;
    if (reconnect) {
        // Connections accepted under the old pins (or to the old origin) must not be reused.
        closeIdleConnections();
    }
    pump();
}

void NetworkWorker::start(quint64 id, const ApiRequest &request)
{
    auto *call = new Call;
    call->id = id;
    call->request = request;
    m_calls.insert(id, call);
    (request.urgent ? m_urgentQueue : m_queue).append(id);
    pump();
}

void NetworkWorker::cancel(quint64 id)
{
    Call *call = m_calls.take(id);
    if (!call)
        return;
    dequeue(id);
    if (call->connection) {
        releaseConnection(call, false); // a response may still be on its way: never reuse
        --m_inFlight;
    }
    stopWatchdog(call);
    delete call->backoff;
    delete call;
    pump();
}

void NetworkWorker::cancelAll()
{
    const QList<quint64> ids = m_calls.keys();
    for (quint64 id : ids)
        cancel(id);
}

void NetworkWorker::dequeue(quint64 id)
{
    if (!m_urgentQueue.removeOne(id))
        m_queue.removeOne(id);
}

void NetworkWorker::pump()
{
    while (m_inFlight < std::max(1, m_settings.maxInFlight) &&
           (!m_urgentQueue.isEmpty() || !m_queue.isEmpty())) {
        Call *call = m_calls.value(m_urgentQueue.isEmpty() ? m_queue.takeFirst() : m_urgentQueue.takeFirst());
        if (call)
            dispatch(call);
    }
}

ApiError NetworkWorker::baseError(const Call *call) const
{
    ApiError error;
    error.server = m_settings.role;
    error.serverUrl = m_settings.baseUrl;
    error.method = call->request.method;
    error.path = call->request.path;
    return error;
}

QUrl NetworkWorker::resolve(const QString &path) const
{
    if (path.startsWith(QLatin1String("http://"), Qt::CaseInsensitive) ||
        path.startsWith(QLatin1String("https://"), Qt::CaseInsensitive))
        return QUrl(path);
    QString prefix = m_settings.baseUrl.path();
    while (prefix.endsWith(QLatin1Char('/')))
        prefix.chop(1);
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    QString pathPart = q < 0 ? path : path.left(q);
    if (!pathPart.startsWith(QLatin1Char('/')))
        pathPart.prepend(QLatin1Char('/'));
    // Links from the server already carry a virtual directory (e.g. /octopus/api/...).
    if (!prefix.isEmpty() && !pathPart.startsWith(prefix + QLatin1Char('/')))
        pathPart.prepend(prefix);
    QUrl url = m_settings.baseUrl;
    url.setUserInfo(QString());
    url.setPath(pathPart, QUrl::TolerantMode);
    url.setQuery(q < 0 ? QString() : path.mid(q + 1), QUrl::TolerantMode);
    url.setFragment(QString());
    return url;
}

HttpConnection *NetworkWorker::acquireConnection(bool reuse)
{
    if (reuse) {
        while (!m_idle.isEmpty()) {
            HttpConnection *connection = m_idle.takeLast(); // the most recently used: least likely stale
            if (connection->isIdle())
                return connection;
            connection->deleteLater();
        }
    }
    auto *connection = new HttpConnection(m_settings.baseUrl, m_settings.maxResponseBytes, this);
    connect(connection, &HttpConnection::finished, this,
            [this, connection] { onConnectionFinished(connection); });
    connect(connection, &HttpConnection::failed, this,
            [this, connection](HttpConnection::Failure failure, const QString &message) {
                onConnectionFailed(connection, int(failure), message);
            });
    connect(connection, &HttpConnection::sslErrors, this,
            [this, connection](const QList<QSslError> &errors) { onSslErrors(connection, errors); });
    connect(connection, &HttpConnection::requestSent, this, [this, connection] {
        if (Call *call = m_calls.value(connection->tag); call && call->connection == connection)
            call->sent = true;
    });
    connect(connection, &HttpConnection::closedWhileIdle, this, [this, connection] {
        m_idle.removeAll(connection);
        connection->deleteLater();
    });
    return connection;
}

void NetworkWorker::releaseConnection(Call *call, bool reusable)
{
    HttpConnection *connection = call->connection;
    call->connection = nullptr;
    if (!connection)
        return;
    connection->tag = 0;
    if (reusable && connection->isIdle() && m_idle.size() < std::max(1, m_settings.maxInFlight)) {
        m_idle.append(connection);
    } else {
        connection->close();
        connection->deleteLater(); // may be inside one of its signals
    }
}

void NetworkWorker::closeIdleConnections()
{
    for (HttpConnection *connection : std::as_const(m_idle)) {
        connection->close();
        connection->deleteLater();
    }
    m_idle.clear();
}

void NetworkWorker::dispatch(Call *call)
{
    ++call->attempt;
    call->url = resolve(call->request.path);
    call->method = call->request.method;
    call->redirects = 0;
    call->staleResend = false;
    call->abortReason = ApiError();
    if (ConnectionSettings::originOf(call->url) != ConnectionSettings::originOf(m_settings.baseUrl)) {
        ApiResult result;
        result.error = baseError(call);
        result.error.kind = ApiErrorKind::RedirectRefused;
        result.error.redirectTarget = call->url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        result.error.message = QStringLiteral("link to another origin");
        finish(call, result);
        return;
    }
    ++m_inFlight;
    call->attemptStartMs = m_clock.elapsed();
    sendOn(call);
}

void NetworkWorker::sendOn(Call *call)
{
    // Writes always get a fresh connection: a keep-alive connection the server has just closed would make a
    // POST fail, and a write is never sent twice.
    call->connection = acquireConnection(call->request.isIdempotent());
    call->connection->tag = call->id;
    call->sent = false;

    QByteArray target = call->url.path(QUrl::FullyEncoded).toUtf8();
    if (target.isEmpty())
        target = "/";
    if (call->url.hasQuery())
        target += '?' + call->url.query(QUrl::FullyEncoded).toUtf8();
    QByteArray head;
    head.reserve(256 + target.size());
    head.append(call->method).append(' ').append(target).append(" HTTP/1.1\r\nHost: ");
    head.append(call->url.host(QUrl::FullyEncoded).contains(QLatin1Char(':'))
                    ? '[' + call->url.host(QUrl::FullyEncoded).toUtf8() + ']'
                    : call->url.host(QUrl::FullyEncoded).toUtf8());
    if (call->url.port() > 0)
        head.append(':').append(QByteArray::number(call->url.port()));
    head.append("\r\nAccept: application/json\r\nUser-Agent: Handover/")
        .append(QCoreApplication::applicationVersion().toUtf8())
        .append("\r\n");
    // The key goes here and nowhere else: never in the URL, never in a log line.
    if (!m_settings.apiKey.isEmpty())
        head.append("X-Octopus-ApiKey: ").append(m_settings.apiKey.toUtf8()).append("\r\n");
    const QByteArray &body = call->method == call->request.method ? call->request.body : QByteArray();
    if (!body.isEmpty())
        head.append("Content-Type: application/json\r\n");
    qCDebug(lcOctopus) << call->method << call->url.path() << "attempt" << call->attempt;
    armWatchdog(call);
    call->connection->send(call->method, head, body);
}

void NetworkWorker::armWatchdog(Call *call)
{
    // One timer per call for three limits: connect (until the request left), silence (no byte for too long)
    // and the whole attempt. It fires at the earliest of them and re-arms if nothing expired.
    const qint64 now = m_clock.elapsed();
    const qint64 idle = call->connection ? call->connection->msSinceActivity() : 0;
    const qint64 silenceLimit = call->sent ? m_settings.transferTimeoutMs : m_settings.connectTimeoutMs;
    const qint64 silenceLeft = std::max<qint64>(1, silenceLimit) - idle;
    const qint64 deadlineLeft =
        std::max<qint64>(1, m_settings.requestDeadlineMs) - (now - call->attemptStartMs);
    stopWatchdog(call);
    call->watchdogTimer =
        startTimer(int(std::clamp<qint64>(std::min(silenceLeft, deadlineLeft), 1, INT_MAX)));
    if (call->watchdogTimer)
        m_watchdogs.insert(call->watchdogTimer, call->id);
}

void NetworkWorker::stopWatchdog(Call *call)
{
    if (!call->watchdogTimer)
        return;
    killTimer(call->watchdogTimer);
    m_watchdogs.remove(call->watchdogTimer);
    call->watchdogTimer = 0;
}

void NetworkWorker::timerEvent(QTimerEvent *event)
{
    const auto it = m_watchdogs.constFind(event->timerId());
    if (it == m_watchdogs.cend())
        return QObject::timerEvent(event);
    Call *call = m_calls.value(it.value());
    if (!call) { // cannot happen (a call's timer stops with it), but a stray timer must not fire again
        killTimer(event->timerId());
        m_watchdogs.erase(it);
        return;
    }
    stopWatchdog(call); // one shot; onWatchdog() re-arms when nothing expired
    onWatchdog(call);
}

void NetworkWorker::onWatchdog(Call *call)
{
    if (!call->connection)
        return;
    const qint64 now = m_clock.elapsed();
    const qint64 idle = call->connection->msSinceActivity();
    const qint64 silenceLimit =
        std::max<qint64>(1, call->sent ? m_settings.transferTimeoutMs : m_settings.connectTimeoutMs);
    ApiError error = baseError(call);
    error.kind = ApiErrorKind::Timeout;
    if (now - call->attemptStartMs >= std::max(1, m_settings.requestDeadlineMs)) {
        error.message =
            QStringLiteral("no complete answer within %1 s").arg(m_settings.requestDeadlineMs / 1000.0);
    } else if (idle >= silenceLimit) {
        error.message = call->connection->responseStarted()
                            ? QStringLiteral("no data for %1 s").arg(silenceLimit / 1000.0)
                            : QStringLiteral("no answer within %1 s").arg(silenceLimit / 1000.0);
    } else {
        armWatchdog(call); // there was activity meanwhile
        return;
    }
    failCall(call, error);
}

void NetworkWorker::onSslErrors(HttpConnection *connection, const QList<QSslError> &errors)
{
    Call *call = m_calls.value(connection->tag);
    QSslCertificate leaf = connection->peerCertificate();
    if (leaf.isNull()) {
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull()) {
                leaf = error.certificate();
                break;
            }
        }
    }
    const QString fingerprint = CertificateInfo::fingerprintOf(leaf);
    if (!fingerprint.isEmpty() && m_settings.pinnedFingerprints.contains(fingerprint)) {
        // The user (or --trust-fingerprint) trusted exactly this certificate: ignore exactly these errors.
        connection->ignoreSslErrors(errors);
        return;
    }
    if (!call)
        return; // nobody is waiting: the handshake fails by itself
    ApiError error = baseError(call);
    error.certificate = CertificateInfo::fromCertificate(leaf);
    for (const QSslError &e : errors)
        error.certificate.sslErrors.append(e.errorString());
    if (!m_settings.pinnedFingerprints.isEmpty()) {
        error.kind = ApiErrorKind::TlsChanged;
        error.pinnedFingerprint = *m_settings.pinnedFingerprints.cbegin();
    } else {
        error.kind = ApiErrorKind::Tls;
    }
    error.message = error.certificate.sslErrors.join(QStringLiteral("; "));
    call->abortReason = error; // the handshake now fails; onConnectionFailed() reports this
}

NetworkWorker::Call *NetworkWorker::callUsing(HttpConnection *connection)
{
    Call *call = m_calls.value(connection->tag);
    if (call && call->connection == connection)
        return call;
    // Nobody waits for this connection any more (cancelled meanwhile): it goes.
    m_idle.removeAll(connection);
    connection->deleteLater();
    return nullptr;
}

void NetworkWorker::onConnectionFailed(HttpConnection *connection, int failure, const QString &message)
{
    Call *call = callUsing(connection);
    if (!call)
        return;
    const auto kind = HttpConnection::Failure(failure);
    if (kind == HttpConnection::Failure::Broken && connection->wasReused() &&
        !connection->responseStarted() && call->request.isIdempotent() && !call->staleResend) {
        // The server had closed this keep-alive connection before our request reached it: send the same
        // request once more on a fresh connection, within the same attempt.
        call->staleResend = true;
        releaseConnection(call, false);
        qCDebug(lcOctopus) << "resending" << call->method << call->url.path() << "on a fresh connection";
        sendOn(call);
        return;
    }
    ApiError error = call->abortReason.isError() ? call->abortReason : baseError(call);
    if (!call->abortReason.isError()) {
        switch (kind) {
        case HttpConnection::Failure::Connect:
        case HttpConnection::Failure::Broken:
            error.kind = ApiErrorKind::Unreachable;
            error.message = message;
            break;
        case HttpConnection::Failure::Tls:
            error.kind = ApiErrorKind::Tls;
            error.certificate = CertificateInfo::fromCertificate(connection->peerCertificate());
            error.message = message;
            break;
        case HttpConnection::Failure::Malformed:
            error.kind = ApiErrorKind::BadResponse;
            error.message = message;
            break;
        case HttpConnection::Failure::TooLarge:
            error.kind = ApiErrorKind::BadResponse;
            error.message =
                QStringLiteral("the response is larger than %1 MB").arg(m_settings.maxResponseBytes >> 20);
            break;
        }
    }
    failCall(call, error);
}

void NetworkWorker::failCall(Call *call, ApiError error)
{
    releaseConnection(call, false);
    ApiResult result;
    result.error = std::move(error);
    result.status = result.error.status;
    conclude(call, std::move(result), QByteArray());
}

void NetworkWorker::onConnectionFinished(HttpConnection *connection)
{
    Call *call = callUsing(connection);
    if (!call)
        return;
    HttpConnection::Response response = connection->takeResponse();
    releaseConnection(call, true);

    const int status = response.status;
    const bool redirect = status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    const QByteArray location = response.header("Location");
    if (redirect && !location.isEmpty()) {
        const QUrl from = call->url;
        const QUrl to = from.resolved(QUrl::fromEncoded(location));
        if (ConnectionSettings::originOf(to) != ConnectionSettings::originOf(m_settings.baseUrl)) {
            ApiError error = baseError(call);
            error.kind = ApiErrorKind::RedirectRefused;
            error.status = status;
            error.redirectTarget =
                to.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
            error.message = from.scheme() == QLatin1String("https") && to.scheme() == QLatin1String("http")
                                ? QStringLiteral("https to http")
                                : QStringLiteral("another origin");
            failCall(call, error);
            return;
        }
        if (++call->redirects > 5) {
            ApiError error = baseError(call);
            error.kind = ApiErrorKind::BadResponse;
            error.status = status;
            error.message = QStringLiteral("too many redirects");
            failCall(call, error);
            return;
        }
        // Same scheme, host and port: the key may follow.
        call->url = to.adjusted(QUrl::RemoveFragment);
        if (status == 303 && call->method != "HEAD")
            call->method = "GET";
        sendOn(call);
        return;
    }

    ApiResult result = classify(call, status, response.header("Retry-After"), response.body);
    QByteArray body = result.error.isError() ? QByteArray() : std::move(response.body);
    conclude(call, std::move(result), std::move(body));
}

void NetworkWorker::conclude(Call *call, ApiResult result, QByteArray body)
{
    stopWatchdog(call);
    --m_inFlight;

    if (!result.error.isError()) {
        if (body.size() < kInlineParseBytes) {
            parseBody(&result, body, call->request);
            BodyBufferPool::recycle(std::move(body));
        } else {
            // A large answer is parsed on the pool, so this thread keeps reading the other replies meanwhile.
            // One pool for every client: parsing threads do not multiply with servers. The result is posted
            // back only while this worker lives (checked under the lock its destructor takes).
            parsePool()->start([guard = m_guard, id = call->id, body = std::move(body),
                                request = call->request, result = std::move(result)]() mutable {
                parseBody(&result, body, request);
                // Nothing refers to the body any more: the next answer is read into it.
                BodyBufferPool::recycle(std::move(body));
                QMutexLocker lock(&guard->mutex);
                if (NetworkWorker *worker = guard->worker) {
                    QMetaObject::invokeMethod(
                        worker,
                        [worker, id, result = std::move(result)]() mutable {
                            worker->onParsed(id, std::move(result));
                        },
                        Qt::QueuedConnection);
                }
            });
            pump();
            return;
        }
    }

    const RetryPolicy policy(m_settings.maxAttempts, m_settings.retryBaseDelayMs, m_settings.retryMaxDelayMs,
                             m_settings.maxRetryAfterSeconds);
    if (result.error.isError() &&
        policy.shouldRetry(call->request.isIdempotent(), result.error, call->attempt)) {
        const int delay = policy.delayMs(call->attempt, result.error.retryAfterSeconds);
        qCDebug(lcOctopus) << "retrying" << call->request.method << result.error.path << "after" << delay
                           << "ms (" << ApiError::kindName(result.error.kind) << result.error.status << ")";
        call->backoff = new QTimer(this);
        call->backoff->setSingleShot(true);
        connect(call->backoff, &QTimer::timeout, this, [this, id = call->id] {
            Call *waiting = m_calls.value(id);
            if (!waiting)
                return;
            waiting->backoff->deleteLater();
            waiting->backoff = nullptr;
            m_urgentQueue.prepend(id); // a retry goes first
            pump();
        });
        call->backoff->start(delay);
        pump();
        return;
    }
    finish(call, std::move(result));
    pump();
}

void NetworkWorker::onParsed(quint64 id, ApiResult result)
{
    Call *call = m_calls.value(id);
    if (!call)
        return; // cancelled while parsing
    finish(call, std::move(result));
    pump();
}

void NetworkWorker::parseBody(ApiResult *result, const QByteArray &body, const ApiRequest &request)
{
    if (request.rawTransform) {
        if (std::optional<QVariant> digested = request.rawTransform(body)) {
            result->transformed = std::move(*digested);
            return;
        }
    }
    if (request.expectJson && !body.trimmed().isEmpty()) {
        QJsonParseError parseError;
        result->json = QJsonDocument::fromJson(body, &parseError);
        if (parseError.error != QJsonParseError::NoError) {
            result->error.kind = ApiErrorKind::BadResponse;
            result->error.message = QStringLiteral("not valid JSON: %1 at byte %2")
                                        .arg(parseError.errorString())
                                        .arg(parseError.offset);
            result->json = QJsonDocument();
            return;
        }
    }
    if (request.transform)
        result->transformed = request.transform(result->json);
    if (!request.keepJson)
        result->json = QJsonDocument();
}

void NetworkWorker::finish(Call *call, ApiResult result)
{
    result.attempts = call->attempt;
    m_calls.remove(call->id);
    dequeue(call->id);
    const quint64 id = call->id;
    stopWatchdog(call);
    releaseConnection(call, false);
    delete call->backoff;
    delete call;
    if (result.error.isError()) {
        qCDebug(lcOctopus) << "failed" << result.error.method << result.error.path
                           << ApiError::kindName(result.error.kind) << result.error.status;
    }
    Q_EMIT finished(id, result);
}

ApiResult NetworkWorker::classify(Call *call, int status, const QByteArray &retryAfter,
                                  const QByteArray &body)
{
    ApiResult result;
    result.error = baseError(call);
    result.status = status;
    result.error.status = status;
    result.bytes = body.size();

    const bool success = (status >= 200 && status < 300) || call->request.acceptedStatuses.contains(status);
    if (success) {
        result.error.kind = ApiErrorKind::None; // keeps server, method and path for a parse failure
        return result;
    }

    result.error.message = errorMessageFromBody(body);
    if (status >= 300 && status < 400) {
        result.error.kind = ApiErrorKind::BadResponse;
        if (result.error.message.isEmpty())
            result.error.message = QStringLiteral("unexpected redirect status");
    } else if (status == 401) {
        result.error.kind = ApiErrorKind::Unauthorized;
    } else if (status == 403) {
        result.error.kind = mentionsMaintenance(result.error.message) ? ApiErrorKind::MaintenanceMode
                                                                      : ApiErrorKind::Forbidden;
    } else if (status == 404) {
        result.error.kind = ApiErrorKind::NotFound;
    } else if (status == 429) {
        result.error.kind = ApiErrorKind::RateLimited;
        result.error.retryAfterSeconds = RetryPolicy::parseRetryAfter(retryAfter);
    } else if (status >= 500) {
        if (status == 503 && mentionsMaintenance(result.error.message)) {
            result.error.kind = ApiErrorKind::MaintenanceMode;
        } else {
            result.error.kind = ApiErrorKind::ServerError;
            result.error.retryAfterSeconds = RetryPolicy::parseRetryAfter(retryAfter);
        }
    } else {
        result.error.kind = ApiErrorKind::ClientError;
    }
    return result;
}
