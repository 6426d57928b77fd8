#include "faultinjector.h"

#include "signalwatcher.h"

#include <QPointer>
#include <QTcpSocket>
#include <QTimer>

#include <zlib.h>

#include <memory>

namespace octosim {

namespace {

QByteArray reason(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 204:
        return "No Content";
    case 301:
        return "Moved Permanently";
    case 302:
        return "Found";
    case 307:
        return "Temporary Redirect";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 414:
        return "URI Too Long";
    case 418:
        return "I'm a teapot";
    case 429:
        return "Too Many Requests";
    case 500:
        return "Internal Server Error";
    case 502:
        return "Bad Gateway";
    case 503:
        return "Service Unavailable";
    case 504:
        return "Gateway Timeout";
    default:
        return "Status";
    }
}

void finish(QTcpSocket *socket, bool keepAlive)
{
    if (!keepAlive)
        socket->disconnectFromHost();
}

} // namespace

FaultInjector::FaultInjector(const QList<FaultSpec> &faults)
{
    for (const FaultSpec &fault : faults)
        m_rules.append({fault, QRegularExpression(fault.pathRegex)});
}

int FaultInjector::latencyFor(const QByteArray &target) const
{
    int total = 0;
    const QString text = QString::fromUtf8(target);
    for (const Rule &rule : m_rules) {
        if (rule.spec.kind == QLatin1String("latency") && rule.regex.match(text).hasMatch())
            total += rule.spec.argument.toInt();
    }
    return total;
}

const FaultSpec *FaultInjector::faultFor(const QByteArray &target) const
{
    const QString text = QString::fromUtf8(target);
    for (const Rule &rule : m_rules) {
        if (rule.spec.kind != QLatin1String("latency") && rule.regex.match(text).hasMatch())
            return &rule.spec;
    }
    return nullptr;
}

QByteArray FaultInjector::head(int status, const ApiReply &reply, qint64 contentLength, bool keepAlive)
{
    QByteArray out;
    out.reserve(256);
    out.append("HTTP/1.1 ")
        .append(QByteArray::number(status))
        .append(' ')
        .append(reason(status))
        .append("\r\n");
    out.append("Content-Type: ").append(reply.contentType).append("\r\n");
    out.append("Content-Length: ").append(QByteArray::number(contentLength)).append("\r\n");
    for (const auto &[name, value] : reply.headers)
        out.append(name).append(": ").append(value).append("\r\n");
    out.append(keepAlive ? "Connection: keep-alive\r\n" : "Connection: close\r\n");
    out.append("\r\n");
    return out;
}

QByteArray FaultInjector::contentEncodingFor(const QByteArray &acceptEncoding)
{
    bool gzip = false;
    bool deflate = false;
    for (const QByteArray &item : acceptEncoding.split(',')) {
        const QList<QByteArray> parts = item.split(';');
        const QByteArray coding = parts.first().trimmed().toLower();
        bool refused = false;
        for (qsizetype i = 1; i < parts.size(); ++i) {
            const QByteArray parameter = parts.at(i).trimmed().toLower();
            if (parameter.startsWith("q=") && parameter.mid(2).toDouble() <= 0.0)
                refused = true;
        }
        if (refused)
            continue;
        if (coding == "gzip" || coding == "x-gzip")
            gzip = true;
        else if (coding == "deflate")
            deflate = true;
    }
    return gzip ? QByteArray("gzip") : deflate ? QByteArray("deflate") : QByteArray();
}

QByteArray FaultInjector::compress(const QByteArray &body, const QByteArray &encoding)
{
    z_stream stream = {};
    // windowBits 15 + 16: a gzip wrapper; 15 alone: the zlib wrapper that HTTP calls "deflate".
    const int windowBits = encoding == "gzip" ? 15 + 16 : 15;
    if (deflateInit2(&stream, Z_BEST_SPEED, Z_DEFLATED, windowBits, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        return {};
    QByteArray out(qsizetype(deflateBound(&stream, uLong(body.size()))), Qt::Uninitialized);
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(body.constData()));
    stream.avail_in = uInt(body.size());
    stream.next_out = reinterpret_cast<Bytef *>(out.data());
    stream.avail_out = uInt(out.size());
    const int result = deflate(&stream, Z_FINISH);
    const qsizetype written = qsizetype(stream.total_out);
    deflateEnd(&stream);
    if (result != Z_STREAM_END)
        return {};
    out.truncate(written);
    return out;
}

FaultInjector::Delivery FaultInjector::deliver(QTcpSocket *socket, ApiReply reply, const FaultSpec *fault,
                                               bool keepAlive, bool headOnly, const QByteArray &acceptEncoding)
{
    const QString kind = fault ? fault->kind : QString();
    if (kind == QLatin1String("reset")) {
        octosim::resetOnClose(socket->socketDescriptor()); // a TCP RST instead of a FIN
        socket->abort();
        return {};
    }
    if (kind == QLatin1String("status")) {
        const int status = fault->argument.section(QLatin1Char(':'), 0, 0).toInt();
        reply.status = status;
        reply.headers.clear();
        reply.contentType = "application/json; charset=utf-8";
        reply.body = "{\"ErrorMessage\":\"octosim fault: HTTP " + QByteArray::number(status) +
                     "\",\"Errors\":[\"octosim fault: HTTP " + QByteArray::number(status) + "\"]}";
        if (status == 429 || status == 503) {
            const QString retry = fault->argument.section(QLatin1Char(':'), 1, 1);
            reply.headers.append({"Retry-After", retry.isEmpty() ? QByteArray("1") : retry.toLatin1()});
        }
    } else if (kind == QLatin1String("redirect")) {
        reply.status = 302;
        reply.headers = {{"Location", fault->argument.toUtf8()}};
        reply.body = "{}";
    } else if (kind == QLatin1String("badjson")) {
        reply.body = reply.body.left(qMax<qsizetype>(1, reply.body.size() / 2)) + "\x01<octosim:badjson";
    }
    const QByteArray encoding =
        kind == QLatin1String("huge") || headOnly ? QByteArray() : contentEncodingFor(acceptEncoding);
    bool compressed = false;
    if (!encoding.isEmpty() && reply.body.size() >= kMinCompressBytes) {
        QByteArray packed = compress(reply.body, encoding);
        if (!packed.isEmpty()) {
            reply.body = std::move(packed);
            reply.headers.append({"Content-Encoding", encoding});
            compressed = true;
        }
    }
    if (kind != QLatin1String("huge"))
        reply.headers.append({QByteArray("Vary"), QByteArray("Accept-Encoding")});
    const qint64 length = reply.body.size();
    if (kind == QLatin1String("truncate")) {
        const QByteArray out = head(reply.status, reply, length, false) + reply.body.left(length / 2);
        socket->write(out);
        socket->flush();
        socket->disconnectFromHost();
        return {out.size(), compressed};
    }
    if (kind == QLatin1String("huge")) {
        // The real body followed by MB megabytes of JSON whitespace: still valid JSON, just enormous.
        const qint64 padding = qint64(fault->argument.toInt()) * 1024 * 1024;
        const QByteArray start = head(reply.status, reply, length + padding, keepAlive);
        socket->write(start);
        socket->write(reply.body);
        auto remaining = std::make_shared<qint64>(padding);
        const QByteArray chunk(256 * 1024, ' ');
        QPointer<QTcpSocket> guard(socket);
        auto pump = [guard, remaining, chunk, keepAlive]() {
            if (!guard)
                return;
            while (*remaining > 0 && guard->bytesToWrite() < 4 * chunk.size()) {
                const qint64 n = qMin<qint64>(*remaining, chunk.size());
                guard->write(chunk.constData(), n);
                *remaining -= n;
            }
            if (*remaining == 0) {
                *remaining = -1;
                finish(guard, keepAlive);
            }
        };
        auto connection = std::make_shared<QMetaObject::Connection>();
        *connection =
            QObject::connect(socket, &QTcpSocket::bytesWritten, socket, [pump, remaining, connection] {
                pump();
                if (*remaining < 0)
                    QObject::disconnect(*connection);
            });
        pump();
        return {start.size() + length + padding, false};
    }
    if (kind == QLatin1String("slow")) {
        const int bytesPerSecond = qMax(1, fault->argument.toInt());
        auto data = std::make_shared<QByteArray>(head(reply.status, reply, length, keepAlive) +
                                                 (headOnly ? QByteArray() : reply.body));
        auto offset = std::make_shared<qsizetype>(0);
        auto *timer = new QTimer(socket);
        const int perTick = qMax(1, bytesPerSecond / 10);
        QObject::connect(timer, &QTimer::timeout, socket, [socket, timer, data, offset, perTick, keepAlive] {
            const qsizetype n = qMin<qsizetype>(perTick, data->size() - *offset);
            socket->write(data->constData() + *offset, n);
            *offset += n;
            if (*offset >= data->size()) {
                timer->stop();
                timer->deleteLater();
                finish(socket, keepAlive);
            }
        });
        timer->start(100);
        return {data->size(), compressed};
    }
    QByteArray out = head(reply.status, reply, length, keepAlive);
    if (!headOnly) {
        if (reply.body.size() < 64 * 1024) {
            out.append(reply.body);
            socket->write(out);
        } else {
            socket->write(out);
            socket->write(reply.body);
        }
    } else {
        socket->write(out);
    }
    finish(socket, keepAlive);
    return {out.size() + (headOnly || reply.body.size() < 64 * 1024 ? 0 : reply.body.size()), compressed};
}

} // namespace octosim
