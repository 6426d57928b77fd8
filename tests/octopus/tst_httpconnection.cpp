// The HTTP/1.1 transport under OctopusClient, against raw loopback peers that write exact bytes: chunked and
// until-close bodies, answers that arrive a few bytes at a time, keep-alive reuse, a keep-alive connection
// the server has closed, HTTP/1.0, interim 1xx answers, malformed answers, and writes.
#include "apierrortext.h"
#include "apijob.h"
#include "clienttestsupport.h"
#include "octopusclient.h"
#include "testpeer.h"

#include <QJsonObject>
#include <QTest>

#include <memory>
#include <optional>

namespace {

const QString kKey = QStringLiteral("API-HTTPTESTKEY000000000000003");

ConnectionSettings settingsFor(const QUrl &url)
{
    return loopbackSettings(url, kKey, ServerRole::New);
}

// A 200 answer carrying `json` in chunked encoding.
QByteArray chunked(const QByteArray &json)
{
    QByteArray out =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    // Uneven chunks, one with an extension, then a trailer.
    const qsizetype cut1 = json.size() / 3;
    const qsizetype cut2 = 2 * json.size() / 3;
    const QByteArray parts[] = {json.left(cut1), json.mid(cut1, cut2 - cut1), json.mid(cut2)};
    bool first = true;
    for (const QByteArray &part : parts) {
        out += QByteArray::number(part.size(), 16).toUpper();
        if (first)
            out += ";name=value";
        first = false;
        out += "\r\n" + part + "\r\n";
    }
    out += "0\r\nX-Trailer: yes\r\n\r\n";
    return out;
}

} // namespace

class TestHttpConnection : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryFraming_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::addColumn<bool>("closeAfter");
        QTest::addColumn<int>("dribble");
        const QByteArray json = R"({"Version":"2024.1.2","Text":"line\nbreak \u00e9"})";
        const QByteArray withLength =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
            QByteArray::number(json.size()) + "\r\n\r\n" + json;
        const QByteArray untilClose =
            "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n" + json;
        const QByteArray interim = "HTTP/1.1 100 Continue\r\n\r\n" + withLength;
        const QByteArray http10 =
            "HTTP/1.0 200 OK\r\nContent-Length: " + QByteArray::number(json.size()) + "\r\n\r\n" + json;
        QTest::newRow("content-length") << withLength << false << 0;
        QTest::newRow("content-length, 3 bytes at a time") << withLength << false << 3;
        QTest::newRow("chunked") << chunked(json) << false << 0;
        QTest::newRow("chunked, 1 byte at a time") << chunked(json) << false << 1;
        QTest::newRow("until close") << untilClose << true << 0;
        QTest::newRow("until close, 5 bytes at a time") << untilClose << true << 5;
        QTest::newRow("100 continue first") << interim << false << 0;
        QTest::newRow("http/1.0") << http10 << true << 0;
    }
    void readsEveryFraming()
    {
        QFETCH(QByteArray, response);
        QFETCH(bool, closeAfter);
        QFETCH(int, dribble);
        TestPeer peer(
            [&](const PeerRequest &) { return PeerResponse::rawBytes(response, closeAfter, dribble); });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->has_value());
        QVERIFY2((*captured)->ok(), qPrintable(ApiErrorText::describe((*captured)->error)));
        const QJsonObject object = (*captured)->json.object();
        QCOMPARE(object.value(QLatin1String("Version")).toString(), QStringLiteral("2024.1.2"));
        QCOMPARE(object.value(QLatin1String("Text")).toString(), QStringLiteral("line\nbreak \u00e9"));
        QCOMPARE((*captured)->attempts, 1);
    }

    void keepAliveConnectionsAreReused()
    {
        TestPeer peer([](const PeerRequest &) { return PeerResponse::json(200, R"({"ok":true})"); });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        for (int i = 0; i < 5; ++i) {
            auto captured = capture(client.get(QStringLiteral("/api/%1").arg(i)));
            QTRY_VERIFY(captured->has_value());
            QVERIFY((*captured)->ok());
        }
        QCOMPARE(peer.requests.size(), 5);
        QCOMPARE(peer.connections, 1); // one after the other: the same connection every time
    }

    void connectionCloseIsNotReused()
    {
        TestPeer peer([](const PeerRequest &) {
            PeerResponse r = PeerResponse::json(200, "{}");
            r.addHeader("Connection", "close");
            return r;
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        for (int i = 0; i < 3; ++i) {
            auto captured = capture(client.get(QStringLiteral("/api")));
            QTRY_VERIFY(captured->has_value());
            QVERIFY2((*captured)->ok(), qPrintable(ApiErrorText::describe((*captured)->error)));
        }
        QCOMPARE(peer.connections, 3);
    }

    void aKeepAliveConnectionThatDiesUnderARequestIsReplacedQuietly()
    {
        // The second GET goes out on the first one's idle connection, and the server drops that connection
        // without an answer (its keep-alive timer ran out as the request arrived). The same GET goes out once
        // more on a new connection, within the same attempt.
        int served = 0;
        TestPeer peer([&](const PeerRequest &) {
            ++served;
            return served == 2 ? PeerResponse::close() : PeerResponse::json(200, R"({"ok":true})");
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        auto first = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(first->has_value());
        QVERIFY((*first)->ok());
        auto second = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(second->has_value());
        QVERIFY2((*second)->ok(), qPrintable(ApiErrorText::describe((*second)->error)));
        QCOMPARE((*second)->attempts, 1);
        QCOMPARE(peer.requests.size(), 3);
        QCOMPARE(peer.connections, 2);
    }

    void aKeepAliveConnectionClosedWhileIdleIsDropped()
    {
        // The peer closes the connection right after each answer without saying so in a header.
        int served = 0;
        TestPeer peer([&](const PeerRequest &) {
            ++served;
            const QByteArray body = R"({"n":)" + QByteArray::number(served) + "}";
            return PeerResponse::rawBytes(
                "HTTP/1.1 200 OK\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body,
                true);
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        for (int i = 1; i <= 3; ++i) {
            auto captured = capture(client.get(QStringLiteral("/api")));
            QTRY_VERIFY(captured->has_value());
            QVERIFY2((*captured)->ok(), qPrintable(ApiErrorText::describe((*captured)->error)));
            QCOMPARE((*captured)->json.object().value(QLatin1String("n")).toInt(), i);
            QCOMPARE((*captured)->attempts, 1);
            QTest::qWait(50); // let the close arrive while the connection is idle
        }
        QCOMPARE(peer.requests.size(), 3);
    }

    void malformedAnswersAreBadResponses_data()
    {
        QTest::addColumn<QByteArray>("response");
        QTest::newRow("not http") << QByteArray("SSH-2.0-OpenSSH_9.2\r\n\r\n");
        QTest::newRow("bad status") << QByteArray("HTTP/1.1 abc OK\r\nContent-Length: 0\r\n\r\n");
        QTest::newRow("bad chunk size")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n");
        QTest::newRow("bad content-length") << QByteArray("HTTP/1.1 200 OK\r\nContent-Length: -5\r\n\r\n{}");
        QTest::newRow("unknown transfer encoding")
            << QByteArray("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\n{}");
    }
    void malformedAnswersAreBadResponses()
    {
        QFETCH(QByteArray, response);
        TestPeer peer([&](const PeerRequest &) { return PeerResponse::rawBytes(response); });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        auto captured = capture(client.get(QStringLiteral("/api/tasks")));
        QTRY_VERIFY(captured->has_value());
        QCOMPARE((*captured)->error.kind, ApiErrorKind::BadResponse);
        const QString text = ApiErrorText::describe((*captured)->error);
        QVERIFY2(text.contains(QStringLiteral("/api/tasks")) && text.contains(QStringLiteral("new server")),
                 qPrintable(text));
    }

    void aChunkedBodyOverTheLimitIsRefused()
    {
        ConnectionSettings settings;
        TestPeer peer([](const PeerRequest &) {
            QByteArray out = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
            const QByteArray chunk(4096, 'x');
            for (int i = 0; i < 64; ++i)
                out += "1000\r\n" + chunk + "\r\n";
            return PeerResponse::rawBytes(out + "0\r\n\r\n");
        });
        QVERIFY(peer.listenPlain());
        settings = settingsFor(peer.url());
        settings.maxResponseBytes = 100 * 1024;
        OctopusClient client(settings);
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->has_value());
        QCOMPARE((*captured)->error.kind, ApiErrorKind::BadResponse);
        QVERIFY((*captured)->error.message.contains(QStringLiteral("larger than")));
    }

    void writesCarryTheirBodyOnAFreshConnection()
    {
        QByteArray received;
        TestPeer peer([&](const PeerRequest &request) {
            if (request.method == "POST")
                received = request.headers.value("content-length");
            return PeerResponse::json(201, R"({"Id":"ServerTasks-1"})");
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        auto first = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(first->has_value());
        ApiRequest post;
        post.method = "POST";
        post.path = QStringLiteral("/api/tasks");
        post.body = R"({"Name":"Health"})";
        auto second = capture(client.send(post));
        QTRY_VERIFY(second->has_value());
        QVERIFY((*second)->ok());
        QCOMPARE((*second)->status, 201);
        QCOMPARE(received, QByteArray::number(post.body.size()));
        QCOMPARE(peer.requests.last().headers.value("x-octopus-apikey"), kKey.toUtf8());
        QCOMPARE(peer.connections, 2); // the POST did not ride on the GET's idle connection
    }

    void aSeeOtherRedirectBecomesAGet()
    {
        TestPeer peer([](const PeerRequest &request) {
            if (request.target == "/api/tasks")
                return PeerResponse::redirect(303, "/api/tasks/ServerTasks-9");
            return PeerResponse::json(200, R"({"Id":"ServerTasks-9"})");
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        ApiRequest post;
        post.method = "POST";
        post.path = QStringLiteral("/api/tasks");
        post.body = "{}";
        auto captured = capture(client.send(post));
        QTRY_VERIFY(captured->has_value());
        QVERIFY2((*captured)->ok(), qPrintable(ApiErrorText::describe((*captured)->error)));
        QCOMPARE(peer.requests.size(), 2);
        QCOMPARE(peer.requests.last().method, QByteArray("GET"));
        QCOMPARE(peer.requests.last().target, QByteArray("/api/tasks/ServerTasks-9"));
    }

    void endlessRedirectsStop()
    {
        TestPeer peer(
            [](const PeerRequest &request) { return PeerResponse::redirect(302, request.target + "x"); });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()));
        auto captured = capture(client.get(QStringLiteral("/api/a")));
        QTRY_VERIFY(captured->has_value());
        QCOMPARE((*captured)->error.kind, ApiErrorKind::BadResponse);
        QVERIFY((*captured)->error.message.contains(QStringLiteral("redirects")));
        QCOMPARE(peer.requests.size(), 6); // the first request and five redirects
    }
};

QTEST_GUILESS_MAIN(TestHttpConnection)
#include "tst_httpconnection.moc"
