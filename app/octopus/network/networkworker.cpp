#include "networkworker.h"

#include "networkproxypolicy.h"
#include "octopuslogging.h"
#include "proxysetting.h"
#include "retrypolicy.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMutexLocker>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QSslConfiguration>
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

QSslCertificate leafCertificate(QNetworkReply *reply, const QList<QSslError> &errors = {})
{
    QSslCertificate leaf = reply->sslConfiguration().peerCertificate();
    if (leaf.isNull()) {
        for (const QSslError &error : errors) {
            if (!error.certificate().isNull())
                return error.certificate();
        }
    }
    return leaf;
}

constexpr qsizetype kInlineParseBytes = 64 * 1024;
// Spare bytes kept after every body: simdjson reads up to SIMDJSON_PADDING (64) bytes past the end of its
// input, so a page reader can parse the body where it lies instead of copying it first.
constexpr qsizetype kBodyPadding = 64;

QByteArray readBody(QNetworkReply *reply)
{
    QByteArray body;
    const qint64 available = reply->bytesAvailable();
    if (available > 0) {
        body.reserve(available + kBodyPadding);
        body.resize(available);
        const qint64 n = reply->read(body.data(), available);
        body.resize(std::max<qint64>(0, n));
    }
    while (!reply->atEnd()) { // a device that held back part of its buffer
        const QByteArray more = reply->readAll();
        if (more.isEmpty())
            break;
        body.append(more);
    }
    return body;
}

} // namespace

NetworkWorker::NetworkWorker(const ConnectionSettings &settings, QThreadPool *parsePool)
    : m_settings(settings)
    , m_parsePool(parsePool)
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
}

QNetworkAccessManager *NetworkWorker::nam()
{
    if (!m_nam) {
        // Created lazily so that it belongs to the network thread. It asks for gzip/deflate and decodes the
        // answers itself, keeps connections alive, and speaks HTTP/2 where a TLS server offers it.
        m_nam = new QNetworkAccessManager(this);
        m_nam->setAutoDeleteReplies(false);
        m_nam->setProxyFactory(new NetworkProxyPolicy(m_settings.proxy)); // owned by the manager
    }
    return m_nam;
}

void NetworkWorker::updateSettings(const ConnectionSettings &settings)
{
    const bool proxyChanged = settings.proxy != m_settings.proxy;
    const bool reconnect =
        proxyChanged || settings.pinnedFingerprints != m_settings.pinnedFingerprints ||
        ConnectionSettings::originOf(settings.baseUrl) != ConnectionSettings::originOf(m_settings.baseUrl);
    m_settings = settings;
    if (m_nam && reconnect) {
        // Connections accepted under the old pins (or to the old origin, or through the old proxy) must not
        // be reused.
        m_nam->clearConnectionCache();
        if (proxyChanged)
            m_nam->setProxyFactory(new NetworkProxyPolicy(m_settings.proxy));
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
    if (call->reply) {
        releaseReply(call);
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

void NetworkWorker::dispatch(Call *call)
{
    ++call->attempt;
    const QUrl url = resolve(call->request.path);
    if (ConnectionSettings::originOf(url) != ConnectionSettings::originOf(m_settings.baseUrl)) {
        ApiResult result;
        result.error = baseError(call);
        result.error.kind = ApiErrorKind::RedirectRefused;
        result.error.redirectTarget = url.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        result.error.message = QStringLiteral("link to another origin");
        finish(call, result);
        return;
    }

    QNetworkRequest request(url);
    request.setRawHeader("Accept", "application/json");
    request.setHeader(QNetworkRequest::UserAgentHeader,
                      QStringLiteral("Handover/%1").arg(QCoreApplication::applicationVersion()));
    // The key goes here and nowhere else: never in the URL, never in a log line. Redirects are verified
    // below before the request (with this header) follows them.
    if (!m_settings.apiKey.isEmpty())
        request.setRawHeader("X-Octopus-ApiKey", m_settings.apiKey.toUtf8());
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute,
                         QNetworkRequest::UserVerifiedRedirectPolicy);
    request.setMaximumRedirectsAllowed(5);
    if (!call->request.body.isEmpty())
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    // Qt refuses a compressed answer that decodes to more than 40 times its size once it passes this
    // threshold (a decompression bomb). Real pages of repetitive JSON can pass Qt's default of 10 MB, so the
    // check starts at 64 MB; the decoded size is capped at maxResponseBytes below either way.
    request.setDecompressedSafetyCheckThreshold(64LL * 1024 * 1024);

    QNetworkReply *reply = call->request.method == "GET"
                               ? nam()->get(request)
                               : nam()->sendCustomRequest(request, call->request.method, call->request.body);
    call->reply = reply;
    call->url = url;
    call->abortReason = ApiError();
    call->bytes = 0;
    call->sent = false;
    call->answered = false;
    call->lastActivityMs = m_clock.elapsed();
    if (call->attempt == 1)
        call->firstAttemptMs = call->lastActivityMs;
    ++m_inFlight;
    qCDebug(lcOctopus) << call->request.method << url.path() << "attempt" << call->attempt;
    armWatchdog(call);

    connect(reply, &QNetworkReply::requestSent, this, [this, call] {
        call->sent = true;
        call->lastActivityMs = m_clock.elapsed();
    });
    connect(reply, &QNetworkReply::metaDataChanged, this, [this, call] {
        call->sent = call->answered = true;
        call->lastActivityMs = m_clock.elapsed();
    });
    connect(reply, &QNetworkReply::uploadProgress, this,
            [this, call] { call->lastActivityMs = m_clock.elapsed(); });
    // Qt counts decoded bytes here: the limit holds for a compressed answer too (a decompression bomb).
    connect(reply, &QNetworkReply::downloadProgress, this, [this, call](qint64 received, qint64 total) {
        call->lastActivityMs = m_clock.elapsed();
        call->bytes = received;
        if (received > m_settings.maxResponseBytes || total > m_settings.maxResponseBytes) {
            abortWith(call, tooLarge(call));
        }
    });
    connect(reply, &QNetworkReply::redirected, this, [this, call](const QUrl &target) {
        const QUrl from = call->url;
        const QUrl to = from.resolved(target);
        if (ConnectionSettings::originOf(to) == ConnectionSettings::originOf(m_settings.baseUrl)) {
            // Same scheme, host and port: the key may follow.
            call->url = to;
            call->lastActivityMs = m_clock.elapsed();
            Q_EMIT call->reply->redirectAllowed();
            return;
        }
        ApiError error = baseError(call);
        error.kind = ApiErrorKind::RedirectRefused;
        error.status = call->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        error.redirectTarget = to.adjusted(QUrl::RemoveUserInfo | QUrl::RemoveQuery | QUrl::RemoveFragment);
        error.message = from.scheme() == QLatin1String("https") && to.scheme() == QLatin1String("http")
                            ? QStringLiteral("https to http")
                            : QStringLiteral("another origin");
        abortWith(call, error);
    });
    connect(reply, &QNetworkReply::sslErrors, this, [this, call](const QList<QSslError> &errors) {
        QNetworkReply *r = call->reply;
        const QSslCertificate leaf = leafCertificate(r, errors);
        const QString fingerprint = CertificateInfo::fingerprintOf(leaf);
        if (!fingerprint.isEmpty() && m_settings.pinnedFingerprints.contains(fingerprint)) {
            // The user (or --trust-fingerprint) trusted exactly this certificate: ignore exactly these
            // errors.
            r->ignoreSslErrors(errors);
            return;
        }
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
        abortWith(call, error);
    });
    connect(reply, &QNetworkReply::finished, this, [this, call] { onReplyFinished(call); });
}

ApiError NetworkWorker::tooLarge(const Call *call) const
{
    ApiError error = baseError(call);
    error.kind = ApiErrorKind::BadResponse;
    error.status = call->reply ? call->reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() : 0;
    error.message =
        QStringLiteral("the response is larger than %1 MB").arg(m_settings.maxResponseBytes >> 20);
    return error;
}

void NetworkWorker::armWatchdog(Call *call)
{
    // One timer per call for three limits: connect (until the request left), silence (no byte for too long)
    // and the whole call, retries included. It fires at the earliest of them and re-arms if nothing expired.
    const qint64 now = m_clock.elapsed();
    const qint64 idle = now - call->lastActivityMs;
    const qint64 silenceLimit = call->sent ? m_settings.transferTimeoutMs : m_settings.connectTimeoutMs;
    const qint64 silenceLeft = std::max<qint64>(1, silenceLimit) - idle;
    const qint64 deadlineLeft =
        std::max<qint64>(1, m_settings.requestDeadlineMs) - (now - call->firstAttemptMs);
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
    if (!call->reply)
        return;
    const qint64 now = m_clock.elapsed();
    const qint64 idle = now - call->lastActivityMs;
    const qint64 silenceLimit =
        std::max<qint64>(1, call->sent ? m_settings.transferTimeoutMs : m_settings.connectTimeoutMs);
    ApiError error = baseError(call);
    error.kind = ApiErrorKind::Timeout;
    if (now - call->firstAttemptMs >= std::max(1, m_settings.requestDeadlineMs)) {
        // Still arriving at the deadline (a trickle), or still failing: the call ends here.
        error.message =
            QStringLiteral("no complete answer within %1 s").arg(m_settings.requestDeadlineMs / 1000.0);
    } else if (idle >= silenceLimit) {
        error.message = call->answered || call->bytes > 0
                            ? QStringLiteral("no data for %1 s").arg(silenceLimit / 1000.0)
                            : QStringLiteral("no answer within %1 s").arg(silenceLimit / 1000.0);
    } else {
        armWatchdog(call); // there was activity meanwhile
        return;
    }
    abortWith(call, error);
}

void NetworkWorker::abortWith(Call *call, ApiError error)
{
    if (!call->reply || call->abortReason.isError())
        return;
    call->abortReason = std::move(error);
    call->reply->abort(); // emits finished(), handled by onReplyFinished
}

void NetworkWorker::releaseReply(Call *call)
{
    stopWatchdog(call);
    if (QNetworkReply *reply = call->reply) {
        call->reply = nullptr;
        disconnect(reply, nullptr, this, nullptr);
        if (reply->isRunning())
            reply->abort();
        reply->deleteLater();
    }
}

void NetworkWorker::onReplyFinished(Call *call)
{
    if (!m_calls.contains(call->id) || !call->reply)
        return;
    QByteArray body;
    ApiResult result = classify(call, call->reply, &body);
    releaseReply(call);
    conclude(call, std::move(result), std::move(body));
}

void NetworkWorker::conclude(Call *call, ApiResult result, QByteArray body)
{
    stopWatchdog(call);
    --m_inFlight;

    if (!result.error.isError()) {
        if (body.size() < kInlineParseBytes) {
            parseBody(&result, body, call->request);
        } else {
            // A large answer is parsed on the pool, so this thread keeps reading the other replies meanwhile.
            // One pool for every client: parsing threads do not multiply with servers. The result is posted
            // back only while this worker lives (checked under the lock its destructor takes).
            m_parsePool->start([guard = m_guard, id = call->id, body = std::move(body),
                                request = call->request, result = std::move(result)]() mutable {
                parseBody(&result, body, request);
                body = QByteArray();
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
    const int delay = policy.delayMs(call->attempt, result.error.retryAfterSeconds);
    // A retry starts only if it can still finish within the call's deadline.
    const bool inTime = m_clock.elapsed() - call->firstAttemptMs + delay < m_settings.requestDeadlineMs;
    if (result.error.isError() && inTime &&
        policy.shouldRetry(call->request.isIdempotent(), result.error, call->attempt)) {
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
    releaseReply(call);
    delete call->backoff;
    delete call;
    if (result.error.isError()) {
        qCDebug(lcOctopus) << "failed" << result.error.method << result.error.path
                           << ApiError::kindName(result.error.kind) << result.error.status;
    }
    Q_EMIT finished(id, result);
}

ApiResult NetworkWorker::classify(Call *call, QNetworkReply *reply, QByteArray *pendingBody)
{
    ApiResult result;
    result.error = baseError(call);
    if (call->abortReason.isError()) {
        result.error = call->abortReason;
        result.status = call->abortReason.status;
        return result;
    }
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    result.status = status;
    result.http2 = reply->attribute(QNetworkRequest::Http2WasUsedAttribute).toBool();
    result.error.status = status;
    QByteArray body = readBody(reply);
    result.bytes = body.size();

    if (reply->error() == QNetworkReply::TooManyRedirectsError) {
        result.error.kind = ApiErrorKind::BadResponse;
        result.error.message = QStringLiteral("too many redirects");
        return result;
    }
    if (status == 0) {
        switch (reply->error()) {
        case QNetworkReply::SslHandshakeFailedError:
            result.error.kind = ApiErrorKind::Tls;
            result.error.certificate = CertificateInfo::fromCertificate(leafCertificate(reply));
            break;
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            result.error.kind = ApiErrorKind::Timeout;
            break;
        default:
            result.error.kind = ApiErrorKind::Unreachable;
            break;
        }
        result.error.message = reply->errorString();
        // Through an explicit proxy, a refused or unknown host is the proxy's (the server's would be the
        // proxy's HTTP answer or a failed tunnel, reported as a proxy error).
        ProxySetting proxy;
        QString invalid;
        const bool viaExplicitProxy =
            ProxySetting::parse(m_settings.proxy, &proxy, &invalid) &&
            (proxy.kind == ProxySetting::Kind::Http || proxy.kind == ProxySetting::Kind::Socks5);
        const bool proxyError = reply->error() >= QNetworkReply::ProxyConnectionRefusedError &&
                                reply->error() <= QNetworkReply::UnknownProxyError;
        if (proxyError || (viaExplicitProxy && (reply->error() == QNetworkReply::ConnectionRefusedError ||
                                                reply->error() == QNetworkReply::HostNotFoundError))) {
            result.error.message =
                QStringLiteral("proxy %1: %2")
                    .arg(m_settings.proxy.isEmpty() ? QStringLiteral("(system settings)") : m_settings.proxy,
                         reply->errorString());
        }
        return result;
    }

    const bool success = (status >= 200 && status < 300) || call->request.acceptedStatuses.contains(status);
    if (success) {
        const QNetworkReply::NetworkError networkError = reply->error();
        const bool transportError =
            networkError != QNetworkReply::NoError && networkError < 200; // not an HTTP-level code
        if (transportError) {
            result.error.kind = ApiErrorKind::Unreachable;
            result.error.message =
                QStringLiteral("the connection broke before the whole response arrived (%1)")
                    .arg(reply->errorString());
            return result;
        }
        const QVariant lengthHeader = reply->header(QNetworkRequest::ContentLengthHeader);
        if (lengthHeader.isValid() && lengthHeader.toLongLong() > body.size() &&
            reply->rawHeader("Content-Encoding").isEmpty()) {
            result.error.kind = ApiErrorKind::Unreachable;
            result.error.message = QStringLiteral("the response was cut short (%1 of %2 bytes)")
                                       .arg(body.size())
                                       .arg(lengthHeader.toLongLong());
            return result;
        }
        result.error.kind = ApiErrorKind::None; // keeps server, method and path for a parse failure
        *pendingBody = std::move(body);         // parsed by parseBody(), inline or on the parse pool
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
        result.error.retryAfterSeconds = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"));
    } else if (status >= 500) {
        if (status == 503 && mentionsMaintenance(result.error.message)) {
            result.error.kind = ApiErrorKind::MaintenanceMode;
        } else {
            result.error.kind = ApiErrorKind::ServerError;
            result.error.retryAfterSeconds = RetryPolicy::parseRetryAfter(reply->rawHeader("Retry-After"));
        }
    } else {
        result.error.kind = ApiErrorKind::ClientError;
    }
    return result;
}
