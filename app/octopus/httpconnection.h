#pragma once

#include <QByteArray>
#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QPair>
#include <QSslCertificate>
#include <QSslError>
#include <QUrl>

class QTcpSocket;

// Response bodies of the last few large answers, kept for the next ones: a body read into memory that is
// already mapped costs no page faults (fresh 1 MB buffers cost about 250 each, and a full inventory reads
// 137 MB). At most 16 buffers of 64 KB to 8 MB each, 32 MB in all, are held (after a large inventory about
// 16 MB stay for the next one). Thread-safe: bodies are filled on network threads and handed back by the
// parsing pool.
class BodyBufferPool
{
public:
    // A buffer of exactly `size` bytes (contents undefined), from the pool when one is large enough.
    static QByteArray take(qsizetype size);
    // Keeps `buffer`'s storage for later (when it is large, not shared, and the pool has room).
    static void recycle(QByteArray &&buffer);
};

// One HTTP/1.1 connection to one origin (plain or TLS), kept alive between requests. It lives on the client's
// network thread and reads the socket straight into the response body, sized by Content-Length (or chunked,
// or until the server closes). This replaces QNetworkAccessManager, whose extra HTTP thread, per-chunk copies
// and cross-thread signals cost more CPU than the whole JSON parse of an inventory.
//
// A deliberately small subset of HTTP/1.1, what a REST client of one server needs: one request at a time
// (no pipelining), identity encoding only (no Accept-Encoding is sent), no upgrades, no proxy
// authentication. Policy (redirects, TLS trust, timeouts, retries) belongs to NetworkWorker; this class only
// reports what happened.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    enum class Failure
    {
        Connect,   // could not connect (refused, DNS, unreachable)
        Tls,       // the TLS handshake failed (the certificate was not accepted)
        Broken,    // the connection closed or reset before the whole response arrived
        Malformed, // not an HTTP/1.x response
        TooLarge,  // the body is larger than the limit
    };
    Q_ENUM(Failure)

    struct Response
    {
        int status = 0;
        QList<QPair<QByteArray, QByteArray>> headers; // as received
        QByteArray body;
        QByteArray header(QByteArrayView name) const; // first value, name case-insensitive
    };

    HttpConnection(const QUrl &origin, qint64 maxBodyBytes, QObject *parent = nullptr);
    ~HttpConnection() override;

    // `head` is the request line and its header lines, each ending in CRLF, without the closing blank line.
    // The connection must be new or idle.
    void send(const QByteArray &method, const QByteArray &head, const QByteArray &body);
    // Stops everything: the socket is aborted and no signal follows.
    void close();

    bool isIdle() const { return m_state == State::Idle; }
    bool wasReused() const { return m_requests > 1; }
    bool responseStarted() const { return m_responseBytes > 0; }
    qint64 msSinceActivity() const { return m_activity.elapsed(); }
    QSslCertificate peerCertificate() const;
    // Only from a slot connected to sslErrors(): accepts exactly these errors for this handshake.
    void ignoreSslErrors(const QList<QSslError> &errors);
    Response takeResponse();

    // Which call is using the connection (NetworkWorker's id), 0 when none.
    quint64 tag = 0;

Q_SIGNALS:
    void requestSent();
    void sslErrors(const QList<QSslError> &errors);
    void finished(); // a whole response is ready: takeResponse()
    void failed(HttpConnection::Failure failure, const QString &message);
    void closedWhileIdle();

private:
    enum class State
    {
        Unconnected,
        Connecting,
        Sending,
        Head,
        BodyLength,
        ChunkSize,
        ChunkData,
        ChunkEnd,
        Trailers,
        BodyUntilClose,
        Idle,
        Closed,
    };

    void connectSocket();
    void onConnected();
    void onReadyRead();
    void onBytesWritten();
    void onSocketGone();
    qint64 appendFromSocket(QByteArray &into, qint64 want); // read() into the end of `into`; its result
    bool parseHead();     // true: a body state follows; false: waiting for more, complete, or failed
    bool consumeBuffer(); // chunked and until-close bodies from m_buffer; false on failure
    bool appendBody(const char *data, qint64 size);
    void complete();
    void fail(Failure failure, const QString &message);

    QUrl m_origin;
    qint64 m_maxBodyBytes;
    QTcpSocket *m_socket = nullptr;
    bool m_tls = false;
    State m_state = State::Unconnected;
    QByteArray m_method;
    QByteArray m_pendingRequest; // written once connected (and encrypted)
    QByteArray m_buffer;         // head and chunked framing not yet consumed
    qsizetype m_bufferPos = 0;
    Response m_response;
    qint64 m_bodyLength = -1; // Content-Length, -1 when not given
    qint64 m_bodyReceived = 0;
    qint64 m_chunkRemaining = 0;
    qint64 m_responseBytes = 0;
    bool m_keepAlive = true;
    int m_requests = 0;
    QElapsedTimer m_activity;
};
