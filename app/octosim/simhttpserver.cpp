#include "simhttpserver.h"

#include <QHttpServerRequest>
#include <QPointer>
#include <QTcpSocket>
#include <QTextStream>
#include <QTimer>

#include <cstdio>

namespace octosim {

namespace {

QByteArray methodName(QHttpServerRequest::Method method)
{
    switch (method) {
    case QHttpServerRequest::Method::Get:
        return "GET";
    case QHttpServerRequest::Method::Put:
        return "PUT";
    case QHttpServerRequest::Method::Delete:
        return "DELETE";
    case QHttpServerRequest::Method::Post:
        return "POST";
    case QHttpServerRequest::Method::Head:
        return "HEAD";
    case QHttpServerRequest::Method::Options:
        return "OPTIONS";
    case QHttpServerRequest::Method::Patch:
        return "PATCH";
    case QHttpServerRequest::Method::Connect:
        return "CONNECT";
    case QHttpServerRequest::Method::Trace:
        return "TRACE";
    default:
        return "UNKNOWN";
    }
}

} // namespace

SimHttpServer::SimHttpServer(InstanceState &state, const QList<FaultSpec> &faults, bool verbose,
                             QObject *parent)
    : QAbstractHttpServer(parent)
    , m_state(state)
    , m_router(state)
    , m_faults(faults)
    , m_verbose(verbose)
{}

QByteArray SimHttpServer::maskedTarget(const QByteArray &path, const QUrlQuery &query)
{
    QUrlQuery masked;
    for (const auto &[key, value] : query.queryItems(QUrl::FullyEncoded))
        masked.addQueryItem(key, key.compare(QLatin1String("apikey"), Qt::CaseInsensitive) == 0
                                     ? QStringLiteral("***")
                                     : value);
    const QByteArray q = masked.query(QUrl::FullyEncoded).toUtf8();
    return q.isEmpty() ? path : path + '?' + q;
}

bool SimHttpServer::handleRequest(const QHttpServerRequest &request, QTcpSocket *socket)
{
    InstanceState *state = &m_state;
    auto count = [state](const FaultInjector::Delivery &sent) {
        state->bytesSent += sent.bytes;
        ++state->responses;
        state->compressedResponses += sent.compressed ? 1 : 0;
    };
    ApiRequest api;
    api.method = methodName(request.method());
    const QUrl url = request.url();
    api.path = url.path(QUrl::FullyDecoded).toUtf8();
    api.query = request.query();
    api.rawQuery = url.query(QUrl::FullyEncoded).toUtf8();
    for (const auto &[name, value] : request.headers())
        api.headers.insert(name.toLower(), value);
    api.body = request.body();

    const bool headOnly = api.method == "HEAD";
    if (headOnly)
        api.method = "GET";
    const bool keepAlive = api.headers.value("connection").toLower() != "close";

    // Kestrel (the Octopus Server's web host) rejects a request line longer than MaxRequestLineSize, 8 KB
    // by default, with 414 and closes the connection (RequestRejectionReason.RequestLineTooLong).
    const QByteArray encodedQuery = url.query(QUrl::FullyEncoded).toUtf8();
    const qsizetype requestLine = api.method.size() + 1 + url.path(QUrl::FullyEncoded).toUtf8().size() +
                                  (encodedQuery.isEmpty() ? 0 : 1 + encodedQuery.size()) +
                                  qsizetype(sizeof(" HTTP/1.1\r\n") - 1);
    if (requestLine > kMaxRequestLineBytes) {
        if (m_verbose)
            QTextStream(stderr) << m_state.name << ' ' << api.method << " (request line of " << requestLine
                                << " bytes) 414\n";
        ApiReply tooLong;
        tooLong.status = 414;
        tooLong.contentType = "text/plain";
        count(FaultInjector::deliver(socket, tooLong, nullptr, false, headOnly, QByteArray()));
        return true;
    }

    // Faults match the path plus query; control endpoints are never faulted.
    const QByteArray target = api.rawQuery.isEmpty() ? api.path : api.path + '?' + api.rawQuery;
    const bool control = api.path.startsWith("/octosim");
    const int latency = control ? 0 : m_faults.latencyFor(target);
    const FaultSpec *fault = control ? nullptr : m_faults.faultFor(target);

    ApiReply reply = m_router.handle(api);
    reply.headers.append({"Octopus-Node", m_state.store.nodeName});
    if (m_verbose) {
        QTextStream err(stderr);
        err << m_state.name << ' ' << api.method << ' ' << maskedTarget(api.path, api.query) << ' '
            << reply.status;
        if (fault)
            err << " fault=" << fault->kind;
        if (latency)
            err << " latency=" << latency << "ms";
        err << '\n';
    }
    const QByteArray acceptEncoding = api.headers.value("accept-encoding");
    if (latency > 0) {
        QPointer<QTcpSocket> guard(socket);
        const FaultSpec faultCopy = fault ? *fault : FaultSpec();
        const bool hasFault = fault != nullptr;
        QTimer::singleShot(latency, socket,
                           [guard, reply, faultCopy, hasFault, keepAlive, headOnly, acceptEncoding, count] {
                               if (guard)
                                   count(FaultInjector::deliver(guard, reply, hasFault ? &faultCopy : nullptr,
                                                                       keepAlive, headOnly, acceptEncoding));
                           });
        return true;
    }
    count(FaultInjector::deliver(socket, reply, fault, keepAlive, headOnly, acceptEncoding));
    return true;
}

void SimHttpServer::missingHandler(const QHttpServerRequest &, QTcpSocket *socket)
{
    // handleRequest() answers everything; this is only reached if that ever changes.
    FaultInjector::deliver(socket, ApiRouter::error(404, "The resource you requested was not found."),
                           nullptr, true, false);
}

} // namespace octosim
