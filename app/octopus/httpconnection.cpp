#include "httpconnection.h"

#include <QMutex>
#include <QMutexLocker>
#include <QSslSocket>
#include <QTcpSocket>

#include <cstring>

namespace {

constexpr qsizetype kMaxHeadBytes = 64 * 1024; // status line and headers
constexpr qsizetype kMaxChunkLine = 4 * 1024;  // a chunk-size line (with extensions) or a trailer line
constexpr qint64 kReadSlice = 256 * 1024;      // largest single read while the body length is unknown
constexpr qint64 kHeadReadSlice = 4 * 1024;    // one read while the head is still coming

bool equalsIgnoringCase(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && qstrnicmp(a.data(), a.size(), b.data(), b.size()) == 0;
}

// "close", "keep-alive", "Keep-Alive, Upgrade": does the comma-separated token list contain `token`?
bool hasToken(QByteArrayView list, QByteArrayView token)
{
    qsizetype start = 0;
    while (start <= list.size()) {
        qsizetype comma = list.indexOf(',', start);
        if (comma < 0)
            comma = list.size();
        if (equalsIgnoringCase(list.sliced(start, comma - start).trimmed(), token))
            return true;
        start = comma + 1;
    }
    return false;
}

constexpr qsizetype kRecycleMinBytes = 64 * 1024;        // smaller bodies come cheaply from malloc
constexpr qsizetype kRecycleMaxBytes = 8 * 1024 * 1024;  // larger ones are rare: not worth holding
constexpr int kRecycleMaxBuffers = 16;                   // about what two servers have in flight and parsing
constexpr qsizetype kRecycleMaxTotal = 32 * 1024 * 1024; // held at most, whatever the sizes

struct RecycledBodies
{
    QMutex mutex;
    QList<QByteArray> buffers;
    qsizetype bytes = 0; // their capacities added up
};

RecycledBodies &recycledBodies()
{
    static RecycledBodies bodies;
    return bodies;
}

} // namespace

QByteArray BodyBufferPool::take(qsizetype size)
{
    if (size >= kRecycleMinBytes && size <= kRecycleMaxBytes) {
        RecycledBodies &bodies = recycledBodies();
        QMutexLocker lock(&bodies.mutex);
        // The smallest buffer that fits.
        qsizetype best = -1;
        for (qsizetype i = 0; i < bodies.buffers.size(); ++i) {
            const qsizetype capacity = bodies.buffers.at(i).capacity();
            if (capacity >= size && (best < 0 || capacity < bodies.buffers.at(best).capacity()))
                best = i;
        }
        if (best >= 0) {
            QByteArray buffer = bodies.buffers.takeAt(best);
            bodies.bytes -= buffer.capacity();
            lock.unlock();
            buffer.resize(size); // within its capacity: no allocation
            return buffer;
        }
    }
    QByteArray buffer;
    buffer.resize(size);
    return buffer;
}

void BodyBufferPool::recycle(QByteArray &&buffer)
{
    QByteArray taken = std::move(buffer);
    if (taken.capacity() < kRecycleMinBytes || taken.capacity() > kRecycleMaxBytes || !taken.isDetached())
        return;
    RecycledBodies &bodies = recycledBodies();
    QMutexLocker lock(&bodies.mutex);
    if (bodies.buffers.size() >= kRecycleMaxBuffers || bodies.bytes + taken.capacity() > kRecycleMaxTotal)
        return; // freed as `taken` goes, after the lock is released
    bodies.bytes += taken.capacity();
    bodies.buffers.append(std::move(taken));
}

QByteArray HttpConnection::Response::header(QByteArrayView name) const
{
    for (const auto &[key, value] : headers) {
        if (equalsIgnoringCase(key, name))
            return value;
    }
    return {};
}

HttpConnection::HttpConnection(const QUrl &origin, qint64 maxBodyBytes, QObject *parent)
    : QObject(parent)
    , m_origin(origin)
    , m_maxBodyBytes(maxBodyBytes)
    , m_tls(origin.scheme().compare(QLatin1String("https"), Qt::CaseInsensitive) == 0)
{
    m_activity.start();
}

HttpConnection::~HttpConnection()
{
    close();
}

void HttpConnection::close()
{
    m_state = State::Closed;
    if (m_socket) {
        disconnect(m_socket, nullptr, this, nullptr);
        m_socket->abort();
        m_socket->deleteLater(); // may be inside one of its own signals
        m_socket = nullptr;
    }
}

QSslCertificate HttpConnection::peerCertificate() const
{
    auto *tls = qobject_cast<QSslSocket *>(m_socket);
    return tls ? tls->peerCertificate() : QSslCertificate();
}

void HttpConnection::ignoreSslErrors(const QList<QSslError> &errors)
{
    if (auto *tls = qobject_cast<QSslSocket *>(m_socket))
        tls->ignoreSslErrors(errors);
}

HttpConnection::Response HttpConnection::takeResponse()
{
    Response response = std::move(m_response);
    m_response = Response();
    return response;
}

void HttpConnection::send(const QByteArray &method, const QByteArray &head, const QByteArray &body)
{
    Q_ASSERT(m_state == State::Unconnected || m_state == State::Idle);
    ++m_requests;
    m_method = method;
    m_response = Response();
    m_bodyLength = -1;
    m_bodyReceived = 0;
    m_chunkRemaining = 0;
    m_responseBytes = 0;
    m_keepAlive = true;
    m_buffer.clear();
    m_bufferPos = 0;
    m_activity.restart();

    QByteArray request;
    request.reserve(head.size() + body.size() + 40);
    request.append(head);
    if (!body.isEmpty() || (method != "GET" && method != "HEAD"))
        request.append("Content-Length: ").append(QByteArray::number(body.size())).append("\r\n");
    request.append("\r\n").append(body);

    if (m_state == State::Idle) {
        m_state = State::Sending;
        m_socket->write(request);
        return;
    }
    m_pendingRequest = std::move(request);
    connectSocket();
}

void HttpConnection::connectSocket()
{
    m_state = State::Connecting;
    const QString host = m_origin.host();
    if (m_tls) {
        auto *socket = new QSslSocket(this);
        m_socket = socket;
        connect(socket, &QSslSocket::encrypted, this, &HttpConnection::onConnected);
        connect(socket, &QSslSocket::sslErrors, this, [this](const QList<QSslError> &errors) {
            m_activity.restart();
            Q_EMIT sslErrors(errors);
        });
        connect(socket, &QSslSocket::handshakeInterruptedOnError, this,
                [this](const QSslError &) { m_activity.restart(); });
        socket->connectToHostEncrypted(host, quint16(m_origin.port(443)));
    } else {
        m_socket = new QTcpSocket(this);
        connect(m_socket, &QTcpSocket::connected, this, &HttpConnection::onConnected);
        // Unbuffered: read() goes straight to the kernel, into the body's own buffer (a buffered QTcpSocket
        // copies every byte once more through its ring buffer).
        m_socket->connectToHost(host, quint16(m_origin.port(80)),
                                QIODevice::ReadWrite | QIODevice::Unbuffered);
    }
    connect(m_socket, &QTcpSocket::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QTcpSocket::bytesWritten, this, &HttpConnection::onBytesWritten);
    connect(m_socket, &QTcpSocket::errorOccurred, this, &HttpConnection::onSocketGone);
    connect(m_socket, &QTcpSocket::disconnected, this, &HttpConnection::onSocketGone);
}

void HttpConnection::onConnected()
{
    m_activity.restart();
    // Requests are single small writes followed by a wait: do not let Nagle hold them back.
    m_socket->setSocketOption(QAbstractSocket::LowDelayOption, 1);
    if (m_state != State::Connecting)
        return;
    m_state = State::Sending;
    m_socket->write(m_pendingRequest);
    m_pendingRequest.clear();
}

void HttpConnection::onBytesWritten()
{
    m_activity.restart();
    if (m_state == State::Sending && m_socket->bytesToWrite() == 0) {
        m_state = State::Head;
        Q_EMIT requestSent();
        if (m_socket)
            onReadyRead(); // an answer that arrived meanwhile
    }
}

qint64 HttpConnection::appendFromSocket(QByteArray &into, qint64 want)
{
    const qsizetype old = into.size();
    into.resize(old + want);
    const qint64 got = m_socket->read(into.data() + old, want);
    into.resize(old + std::max<qint64>(0, got));
    return got;
}

void HttpConnection::onReadyRead()
{
    if (!m_socket)
        return;
    m_activity.restart();
    // Reads until the socket has nothing more for now (read() returns 0) or is gone (read() returns -1: an
    // unbuffered socket reports the end of the connection only that way).
    for (;;) {
        qint64 got = 0;
        switch (m_state) {
        case State::Sending:
            // The answer came before bytesWritten() told us the request left (a fast server): the request
            // was evidently sent.
            m_state = State::Head;
            Q_EMIT requestSent();
            if (!m_socket)
                return;
            continue;
        case State::ChunkData:
            if (m_bufferPos >= m_buffer.size()) {
                // Nothing of the chunk is buffered: read it straight into the body.
                const qint64 want = std::min(m_chunkRemaining, kReadSlice);
                if (m_response.body.size() + want > m_maxBodyBytes) {
                    fail(Failure::TooLarge, QString());
                    return;
                }
                got = appendFromSocket(m_response.body, want);
                if (got <= 0)
                    break;
                m_responseBytes += got;
                m_chunkRemaining -= got;
                if (m_chunkRemaining == 0)
                    m_state = State::ChunkEnd;
                continue;
            }
            [[fallthrough]];
        case State::Head:
        case State::ChunkSize:
        case State::ChunkEnd:
        case State::Trailers:
        case State::BodyUntilClose: {
            // Framing: gather into the buffer and parse from it. The head is read in small steps, so that
            // most of a body still goes straight into its own buffer.
            const qint64 want = m_state == State::Head ? kHeadReadSlice : kReadSlice;
            got = appendFromSocket(m_buffer, want);
            if (got <= 0)
                break;
            m_responseBytes += got;
            if (m_state == State::Head && !parseHead())
                return;
            if (m_state != State::Head && !consumeBuffer()) // the framing states read on from the buffer
                return;
            if (m_state == State::Idle || m_state == State::Closed)
                return;
            continue;
        }
        case State::BodyLength: {
            // The common case: straight from the socket into the body, sized once from Content-Length.
            got = m_socket->read(m_response.body.data() + m_bodyReceived, m_bodyLength - m_bodyReceived);
            if (got <= 0)
                break;
            m_responseBytes += got;
            m_bodyReceived += got;
            if (m_bodyReceived == m_bodyLength) {
                complete();
                return;
            }
            continue;
        }
        case State::Idle: {
            // Nothing is expected on an idle keep-alive connection: either the server closed it, or it sent
            // bytes nobody asked for and the connection is out of step. Either way it is done.
            char scratch;
            got = m_socket->read(&scratch, 1);
            if (got == 0)
                return;
            close();
            Q_EMIT closedWhileIdle();
            return;
        }
        case State::Unconnected:
        case State::Connecting:
        case State::Closed:
            return;
        }
        if (got < 0)
            onSocketGone();
        return;
    }
}

bool HttpConnection::parseHead()
{
    for (;;) {
        const qsizetype end = m_buffer.indexOf("\r\n\r\n", m_bufferPos);
        if (end < 0) {
            if (m_buffer.size() - m_bufferPos > kMaxHeadBytes) {
                fail(Failure::Malformed, QStringLiteral("the response headers are larger than 64 KB"));
                return false;
            }
            return false;
        }
        const QByteArrayView head(m_buffer.constData() + m_bufferPos, end - m_bufferPos);
        m_bufferPos = end + 4;
        qsizetype lineEnd = head.indexOf("\r\n");
        const QByteArrayView statusLine = lineEnd < 0 ? head : head.first(lineEnd);
        // HTTP/1.x SP 3DIGIT [SP reason]
        if (statusLine.size() < 12 || !statusLine.startsWith("HTTP/1.") || statusLine.at(8) != ' ') {
            fail(Failure::Malformed, QStringLiteral("not an HTTP/1.x response"));
            return false;
        }
        bool ok = false;
        const int status = statusLine.sliced(9, 3).toInt(&ok);
        if (!ok || status < 100 || status > 999) {
            fail(Failure::Malformed, QStringLiteral("not an HTTP/1.x response"));
            return false;
        }
        const bool http10 = statusLine.at(7) == '0';
        Response response;
        response.status = status;
        qsizetype pos = lineEnd < 0 ? head.size() : lineEnd + 2;
        while (pos < head.size()) {
            qsizetype next = head.indexOf("\r\n", pos);
            if (next < 0)
                next = head.size();
            const QByteArrayView line = head.sliced(pos, next - pos);
            pos = next + 2;
            const qsizetype colon = line.indexOf(':');
            if (colon <= 0)
                continue; // tolerate a stray line
            response.headers.append(
                {line.first(colon).trimmed().toByteArray(), line.sliced(colon + 1).trimmed().toByteArray()});
        }
        if (status >= 100 && status < 200)
            continue; // 100 Continue and friends: the real answer follows

        const QByteArray connection = response.header("Connection");
        m_keepAlive = http10 ? hasToken(connection, "keep-alive") : !hasToken(connection, "close");
        const QByteArray transferEncoding = response.header("Transfer-Encoding");
        const QByteArray contentLength = response.header("Content-Length");
        m_response = std::move(response);

        if (m_method == "HEAD" || status == 204 || status == 304) {
            m_bodyLength = 0;
        } else if (!transferEncoding.isEmpty() && !equalsIgnoringCase(transferEncoding, "identity")) {
            if (!hasToken(transferEncoding, "chunked")) {
                fail(Failure::Malformed, QStringLiteral("unsupported transfer encoding %1")
                                             .arg(QString::fromLatin1(transferEncoding)));
                return false;
            }
            m_state = State::ChunkSize;
            return true; // the caller reads the rest of the buffer in the new state
        } else if (!contentLength.isEmpty()) {
            m_bodyLength = contentLength.toLongLong(&ok);
            if (!ok || m_bodyLength < 0) {
                fail(Failure::Malformed, QStringLiteral("invalid Content-Length"));
                return false;
            }
        } else {
            m_keepAlive = false; // the body ends when the server closes the connection
            m_state = State::BodyUntilClose;
            return true;
        }

        if (m_bodyLength > m_maxBodyBytes) {
            fail(Failure::TooLarge, QString());
            return false;
        }
        m_response.body = BodyBufferPool::take(m_bodyLength);
        m_bodyReceived = 0;
        const qint64 leftover = std::min<qint64>(m_buffer.size() - m_bufferPos, m_bodyLength);
        if (leftover > 0) {
            std::memcpy(m_response.body.data(), m_buffer.constData() + m_bufferPos, size_t(leftover));
            m_bodyReceived = leftover;
        }
        m_buffer.clear();
        m_bufferPos = 0;
        if (m_bodyReceived == m_bodyLength) {
            complete();
            return false;
        }
        m_state = State::BodyLength;
        return true;
    }
}

bool HttpConnection::appendBody(const char *data, qint64 size)
{
    if (m_response.body.size() + size > m_maxBodyBytes) {
        fail(Failure::TooLarge, QString());
        return false;
    }
    m_response.body.append(data, size);
    return true;
}

bool HttpConnection::consumeBuffer()
{
    for (;;) {
        const char *data = m_buffer.constData() + m_bufferPos;
        const qsizetype available = m_buffer.size() - m_bufferPos;
        switch (m_state) {
        case State::BodyUntilClose:
            if (available > 0 && !appendBody(data, available))
                return false;
            m_buffer.clear();
            m_bufferPos = 0;
            return true;
        case State::ChunkSize:
        case State::Trailers: {
            const qsizetype lineEnd = QByteArrayView(data, available).indexOf("\r\n");
            if (lineEnd < 0) {
                if (available > kMaxChunkLine) {
                    fail(Failure::Malformed, QStringLiteral("invalid chunked encoding"));
                    return false;
                }
                // Keep the partial line, drop what was consumed.
                m_buffer.remove(0, m_bufferPos);
                m_bufferPos = 0;
                return true;
            }
            const QByteArrayView line(data, lineEnd);
            m_bufferPos += lineEnd + 2;
            if (m_state == State::Trailers) {
                if (line.isEmpty()) {
                    complete();
                    return false;
                }
                continue; // trailer fields are not used
            }
            const qsizetype semicolon = line.indexOf(';');
            bool ok = false;
            const qint64 size = (semicolon < 0 ? line : line.first(semicolon)).trimmed().toLongLong(&ok, 16);
            if (!ok || size < 0) {
                fail(Failure::Malformed, QStringLiteral("invalid chunked encoding"));
                return false;
            }
            if (size == 0) {
                m_state = State::Trailers;
            } else {
                m_chunkRemaining = size;
                m_state = State::ChunkData;
            }
            continue;
        }
        case State::ChunkData: {
            const qint64 take = std::min<qint64>(available, m_chunkRemaining);
            if (take > 0 && !appendBody(data, take))
                return false;
            m_bufferPos += take;
            m_chunkRemaining -= take;
            if (m_chunkRemaining > 0) {
                m_buffer.clear();
                m_bufferPos = 0;
                return true;
            }
            m_state = State::ChunkEnd;
            continue;
        }
        case State::ChunkEnd:
            if (available < 2) {
                m_buffer.remove(0, m_bufferPos);
                m_bufferPos = 0;
                return true;
            }
            if (data[0] != '\r' || data[1] != '\n') {
                fail(Failure::Malformed, QStringLiteral("invalid chunked encoding"));
                return false;
            }
            m_bufferPos += 2;
            m_state = State::ChunkSize;
            continue;
        default:
            return true;
        }
    }
}

void HttpConnection::complete()
{
    m_buffer.clear();
    m_bufferPos = 0;
    if (m_keepAlive && m_socket && m_socket->state() == QAbstractSocket::ConnectedState) {
        m_state = State::Idle;
    } else {
        close();
    }
    Q_EMIT finished();
}

void HttpConnection::fail(Failure failure, const QString &message)
{
    close();
    Q_EMIT failed(failure, message);
}

void HttpConnection::onSocketGone()
{
    if (!m_socket || m_state == State::Closed)
        return;
    // Whatever arrived before the close still counts (a body that ends with the connection).
    if (m_state != State::Idle && m_socket->state() == QAbstractSocket::ConnectedState &&
        m_socket->bytesAvailable() > 0) {
        onReadyRead();
        if (!m_socket || m_state == State::Closed)
            return;
    }
    const QAbstractSocket::SocketError error = m_socket->error();
    const QString reason = m_socket->errorString();
    switch (m_state) {
    case State::Idle:
        close();
        Q_EMIT closedWhileIdle();
        return;
    case State::BodyUntilClose:
        if (error == QAbstractSocket::RemoteHostClosedError) { // the end of the body
            complete();
            return;
        }
        break;
    case State::Connecting:
    case State::Unconnected:
        if (m_tls && (error == QAbstractSocket::SslHandshakeFailedError ||
                      error == QAbstractSocket::SslInternalError ||
                      error == QAbstractSocket::SslInvalidUserDataError)) {
            fail(Failure::Tls, reason);
        } else {
            fail(Failure::Connect, reason);
        }
        return;
    default:
        break;
    }
    if (m_state == State::BodyLength) {
        fail(Failure::Broken, QStringLiteral("the response was cut short (%1 of %2 bytes)")
                                  .arg(m_bodyReceived)
                                  .arg(m_bodyLength));
        return;
    }
    fail(Failure::Broken,
         QStringLiteral("the connection broke before the whole response arrived (%1)").arg(reason));
}
