#pragma once

// A tiny HTTP/1.1 peer on loopback for client tests: it records every request (method, path, headers) and
// answers through a handler. Used where octosim cannot play the part, e.g. as a redirect's foreign target
// whose request log must stay free of the API key, or to hold a response open.

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QSslSocket>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QTimer>
#include <QUrl>

#include <functional>
#include <memory>

struct PeerRequest
{
    QByteArray method;
    QByteArray target;                     // path and query
    QHash<QByteArray, QByteArray> headers; // lower-case names
    QByteArray raw;                        // request line and headers as received
};

struct PeerResponse
{
    enum class Action
    {
        Reply,
        Close,
        Hang
    };
    Action action = Action::Reply;
    int status = 200;
    QByteArray body;
    QList<QPair<QByteArray, QByteArray>> headers;
    qint64 declaredLength = -1; // Content-Length to claim (truncation tests); -1 = body size
    QByteArray raw;             // when set: written exactly as it is (status line, headers and body)
    bool closeAfterRaw = false; // close the connection once `raw` is written
    int dribble = 0;            // > 0: write `raw` in pieces of this many bytes, one per millisecond

    void addHeader(const QByteArray &name, const QByteArray &value)
    {
        headers.append(qMakePair(name, value));
    }
    static PeerResponse json(int status, const QByteArray &body)
    {
        PeerResponse r;
        r.status = status;
        r.body = body;
        r.addHeader("Content-Type", "application/json");
        return r;
    }
    static PeerResponse redirect(int status, const QByteArray &location)
    {
        PeerResponse r;
        r.status = status;
        r.addHeader("Location", location);
        return r;
    }
    static PeerResponse hang()
    {
        PeerResponse r;
        r.action = Action::Hang;
        return r;
    }
    static PeerResponse rawBytes(const QByteArray &bytes, bool closeAfter = false, int dribble = 0)
    {
        PeerResponse r;
        r.raw = bytes;
        r.closeAfterRaw = closeAfter;
        r.dribble = dribble;
        return r;
    }
    static PeerResponse close()
    {
        PeerResponse r;
        r.action = Action::Close;
        return r;
    }
};

class TestPeer : public QObject
{
public:
    using Handler = std::function<PeerResponse(const PeerRequest &)>;

    explicit TestPeer(Handler handler = {}, QObject *parent = nullptr)
        : QObject(parent)
        , m_handler(std::move(handler))
    {}

    bool listenPlain()
    {
        m_server = std::make_unique<QTcpServer>();
        return setup();
    }

    bool listenTls(const QByteArray &certificatePem, const QByteArray &keyPem)
    {
        auto server = std::make_unique<QSslServer>();
        QSslConfiguration config = QSslConfiguration::defaultConfiguration();
        config.setLocalCertificate(QSslCertificate(certificatePem, QSsl::Pem));
        config.setPrivateKey(QSslKey(keyPem, QSsl::Rsa, QSsl::Pem));
        config.setPeerVerifyMode(QSslSocket::VerifyNone);
        server->setSslConfiguration(config);
        m_server = std::move(server);
        m_tls = true;
        return setup();
    }

    QUrl url() const
    {
        return QUrl(QStringLiteral("%1://127.0.0.1:%2")
                        .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                        .arg(m_server->serverPort()));
    }
    quint16 port() const { return m_server->serverPort(); }
    void setHandler(Handler handler) { m_handler = std::move(handler); }

    QList<PeerRequest> requests;
    int connections = 0; // accepted so far
    int inFlight = 0;
    int maxInFlight = 0;

    // How many (Hang) requests wait for releaseHeld().
    int heldCount() const { return int(m_held.size()); }
    // Answers every held (Hang) request with this response.
    void releaseHeld(const PeerResponse &response)
    {
        const auto held = m_held;
        m_held.clear();
        for (const QPointer<QTcpSocket> &socket : held) {
            if (socket) {
                --inFlight;
                write(socket, response);
            }
        }
    }

private:
    bool setup()
    {
        connect(m_server.get(), &QTcpServer::pendingConnectionAvailable, this, [this] {
            while (QTcpSocket *socket = m_server->nextPendingConnection()) {
                ++connections;
                socket->setParent(this);
                connect(socket, &QTcpSocket::readyRead, this, [this, socket] { onReadyRead(socket); });
                connect(socket, &QTcpSocket::disconnected, socket, &QObject::deleteLater);
                if (socket->bytesAvailable() > 0)
                    onReadyRead(socket);
            }
        });
        return m_server->listen(QHostAddress::LocalHost, 0);
    }

    void onReadyRead(QTcpSocket *socket)
    {
        QByteArray &buffer = m_buffers[socket];
        buffer += socket->readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                return;
            PeerRequest request;
            request.raw = buffer.left(end);
            const QList<QByteArray> lines = request.raw.split('\n');
            const QList<QByteArray> first = lines.value(0).trimmed().split(' ');
            request.method = first.value(0);
            request.target = first.value(1);
            for (qsizetype i = 1; i < lines.size(); ++i) {
                const QByteArray line = lines.at(i).trimmed();
                const qsizetype colon = line.indexOf(':');
                if (colon > 0)
                    request.headers.insert(line.left(colon).trimmed().toLower(),
                                           line.mid(colon + 1).trimmed());
            }
            const qsizetype length = request.headers.value("content-length", "0").toLongLong();
            if (buffer.size() < end + 4 + length)
                return;
            buffer.remove(0, end + 4 + length);
            requests.append(request);
            ++inFlight;
            maxInFlight = std::max(maxInFlight, inFlight);
            const PeerResponse response = m_handler ? m_handler(request) : PeerResponse::json(200, "{}");
            if (response.action == PeerResponse::Action::Hang) {
                m_held.append(socket);
                continue;
            }
            --inFlight;
            if (response.action == PeerResponse::Action::Close) {
                socket->abort();
                return;
            }
            write(socket, response);
        }
    }

    static QByteArray reason(int status)
    {
        switch (status) {
        case 200:
            return "OK";
        case 301:
            return "Moved Permanently";
        case 302:
            return "Found";
        case 307:
            return "Temporary Redirect";
        case 401:
            return "Unauthorized";
        case 403:
            return "Forbidden";
        case 404:
            return "Not Found";
        case 429:
            return "Too Many Requests";
        case 500:
            return "Internal Server Error";
        case 503:
            return "Service Unavailable";
        default:
            return "Status";
        }
    }

    void write(QTcpSocket *socket, const PeerResponse &response)
    {
        if (!response.raw.isEmpty()) {
            writeRaw(socket, response.raw, response.closeAfterRaw, response.dribble);
            return;
        }
        QByteArray out =
            "HTTP/1.1 " + QByteArray::number(response.status) + ' ' + reason(response.status) + "\r\n";
        for (const auto &header : response.headers)
            out += header.first + ": " + header.second + "\r\n";
        const qint64 length = response.declaredLength >= 0 ? response.declaredLength : response.body.size();
        out += "Content-Length: " + QByteArray::number(length) + "\r\n\r\n" + response.body;
        socket->write(out);
        if (response.declaredLength > response.body.size()) {
            socket->flush();
            socket->disconnectFromHost();
        }
    }

    void writeRaw(QTcpSocket *socket, const QByteArray &bytes, bool closeAfter, int dribble)
    {
        if (dribble <= 0 || bytes.size() <= dribble) {
            socket->write(bytes);
            if (closeAfter) {
                socket->flush();
                socket->disconnectFromHost();
            }
            return;
        }
        socket->write(bytes.left(dribble));
        socket->flush();
        QPointer<QTcpSocket> guard(socket);
        QTimer::singleShot(1, this, [this, guard, rest = bytes.mid(dribble), closeAfter, dribble] {
            if (guard)
                writeRaw(guard, rest, closeAfter, dribble);
        });
    }

    Handler m_handler;
    std::unique_ptr<QTcpServer> m_server;
    QHash<QTcpSocket *, QByteArray> m_buffers;
    QList<QPointer<QTcpSocket>> m_held;
    bool m_tls = false;
};

// Sends one GET for `target` to `peer` from a fresh access manager (no proxy, no key) and waits for its
// answer. Tests that must show a request never reaches a peer use it as the event to await: whatever the
// code under test sent to the peer before the probe left arrives ahead of it on loopback.
inline bool probe(TestPeer &peer, const QByteArray &target)
{
    QNetworkAccessManager manager;
    manager.setProxy(QNetworkProxy::NoProxy);
    QNetworkReply *reply =
        manager.get(QNetworkRequest(QUrl(peer.url().toString() + QString::fromLatin1(target))));
    const bool answered = QTest::qWaitFor([reply] { return reply->isFinished(); }, 5000);
    delete reply;
    return answered;
}
