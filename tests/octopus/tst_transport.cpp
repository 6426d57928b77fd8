// The REST client on a real network's terms: answers compressed on the wire, HTTP/2 where a TLS server
// offers it (nghttpd), requests through a real HTTP proxy (tinyproxy, for http and for https tunnels), the
// system and environment proxy settings, and a deadline for an answer that trickles in.

#include "certificateinfo.h"
#include "clienttestsupport.h"
#include "networkcontext.h"
#include "networkproxypolicy.h"
#include "octosimfixture.h"
#include "testcertificates.h"
#include "testpeer.h"
#include "tinyproxyfixture.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QScopeGuard>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <atomic>
#include <chrono>
#include <memory>
#include <thread>

namespace {

QJsonObject simStats(OctopusClient &client)
{
    auto stats = capture(client.get(QStringLiteral("/octosim/stats")));
    if (!QTest::qWaitFor([&] { return stats->has_value(); }, 5000) || !(*stats)->ok())
        return {};
    return (*stats)->json.object();
}

} // namespace

class TestTransport : public QObject
{
    Q_OBJECT
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them

private Q_SLOTS:
    void answersArriveCompressedAndDecoded()
    {
        OctoSimFixture sim;
        QVERIFY2(sim.start(), qPrintable(sim.error));
        OctopusClient client(sim.settings(ServerRole::Old), &networkContext);
        const qint64 before = simStats(client).value(QLatin1String("BytesSent")).toInteger(-1);
        QVERIFY(before >= 0);
        auto machines = capture(client.get(QStringLiteral("/api/Spaces-1/machines?skip=0&take=1000")));
        QTRY_VERIFY_WITH_TIMEOUT(machines->has_value(), 10000);
        QVERIFY2((*machines)->ok(), qPrintable((*machines)->error.message));
        const QJsonArray items = (*machines)->json.object().value(QLatin1String("Items")).toArray();
        QVERIFY(items.size() > 5); // decoded and parsed: the client saw the JSON, not gzip
        const qint64 decoded = (*machines)->bytes;
        const QJsonObject after = simStats(client);
        const qint64 onTheWire = after.value(QLatin1String("BytesSent")).toInteger() - before;
        QVERIFY2(after.value(QLatin1String("CompressedResponses")).toInteger() >= 1,
                 "the client did not ask for compression");
        // Heads included, the wire carried far less than the JSON the client read.
        QVERIFY2(
            onTheWire * 3 < decoded,
            qPrintable(QStringLiteral("%1 bytes on the wire for %2 decoded").arg(onTheWire).arg(decoded)));
    }

    void http2IsSpokenWhereTheServerOffersIt()
    {
        // Debian's nghttpd: an HTTP/2-only server over TLS, serving a folder.
        const QString nghttpd = QStandardPaths::findExecutable(
            QStringLiteral("nghttpd"), {QStringLiteral("/usr/sbin"), QStringLiteral("/usr/bin")});
        QVERIFY2(!nghttpd.isEmpty(), "nghttpd is not installed (dev.sh installs Debian's nghttp2-server)");
        QTemporaryDir dir;
        QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("docs")));
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile file(dir.filePath(name));
            return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
        };
        QVERIFY(
            write(QStringLiteral("docs/api"), R"({"Application":"Octopus Deploy","Version":"2023.1.9626"})"));
        QVERIFY(write(QStringLiteral("key.pem"), kTestKeyA));
        QVERIFY(write(QStringLiteral("cert.pem"), kTestCertificateA));
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        QProcess server;
        server.setProcessChannelMode(QProcess::MergedChannels);
        server.start(nghttpd,
                     {QStringLiteral("-a"), QStringLiteral("127.0.0.1"), QStringLiteral("-d"),
                      dir.filePath(QStringLiteral("docs")), QString::number(port),
                      dir.filePath(QStringLiteral("key.pem")), dir.filePath(QStringLiteral("cert.pem"))});
        QVERIFY2(server.waitForStarted(5000), qPrintable(server.errorString()));
        const auto stop = qScopeGuard([&] {
            server.terminate();
            if (!server.waitForFinished(3000))
                server.kill();
        });
        QTRY_VERIFY2_WITH_TIMEOUT(
            [&] {
                QTcpSocket socket;
                socket.connectToHost(QHostAddress::LocalHost, port);
                return socket.waitForConnected(200);
            }(),
            server.readAll().constData(), 10000);

        ConnectionSettings settings = loopbackSettings(QUrl(QStringLiteral("https://127.0.0.1:%1").arg(port)),
                                                       QStringLiteral("API-H2TEST"), ServerRole::New);
        settings.pinnedFingerprints.insert(
            CertificateInfo::fingerprintOf(QSslCertificate(QByteArray(kTestCertificateA), QSsl::Pem)));
        OctopusClient client(settings, &networkContext);
        auto root = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY_WITH_TIMEOUT(root->has_value(), 10000);
        QVERIFY2((*root)->ok(), qPrintable((*root)->error.message));
        QCOMPARE((*root)->json.object().value(QLatin1String("Application")).toString(),
                 QStringLiteral("Octopus Deploy"));
        QVERIFY((*root)->http2);
    }

    void clientGoesWithoutWaitingForTheNetworkThread()
    {
        // The network thread is busy with an answer (a transform that takes 400 ms stands in for a slow
        // digest) when its client goes: the GUI thread must not wait for it (editing a URL on the Connect page
        // deletes a client like this).
        TestPeer peer([](const PeerRequest &) { return PeerResponse::json(200, "{}"); });
        QVERIFY(peer.listenPlain());
        auto *client = new OctopusClient(
            loopbackSettings(peer.url(), QStringLiteral("API-STALLTEST"), ServerRole::Old), &networkContext);
        auto busy = std::make_shared<std::atomic<bool>>(false);
        ApiRequest request;
        request.path = QStringLiteral("/api");
        request.rawTransform = [busy](const QByteArray &) -> std::optional<QVariant> {
            busy->store(true);
            std::this_thread::sleep_for(std::chrono::milliseconds(400));
            return QVariant(true);
        };
        client->send(request);
        QTRY_VERIFY_WITH_TIMEOUT(busy->load(), 5000);
        QElapsedTimer clock;
        clock.start();
        delete client;
        const qint64 stall = clock.elapsed();
        QVERIFY2(stall < 50, qPrintable(QStringLiteral("the GUI thread waited %1 ms").arg(stall)));
        // A new client is served by the same thread once it is free again.
        OctopusClient next(loopbackSettings(peer.url(), QStringLiteral("API-STALLTEST"), ServerRole::Old),
                           &networkContext);
        auto root = capture(next.get(QStringLiteral("/api")));
        QTRY_VERIFY_WITH_TIMEOUT(root->has_value(), 5000);
        QVERIFY((*root)->ok());
    }

    void networkContextsShareNothing()
    {
        // Each client runs on the thread of the context it was handed, never on a global one: ending one
        // context (with a client that went mid-answer) leaves another context's client working.
        TestPeer peer([](const PeerRequest &) { return PeerResponse::json(200, "{}"); });
        QVERIFY(peer.listenPlain());
        const ConnectionSettings settings =
            loopbackSettings(peer.url(), QStringLiteral("API-CONTEXTTEST"), ServerRole::Old);
        const auto threadOf = [](OctopusClient *client, std::shared_ptr<std::atomic<bool>> hold = {}) {
            auto seen = std::make_shared<std::atomic<QThread *>>(nullptr);
            ApiRequest request;
            request.path = QStringLiteral("/api");
            request.rawTransform = [seen, hold](const QByteArray &) -> std::optional<QVariant> {
                seen->store(QThread::currentThread());
                while (hold && hold->load())
                    std::this_thread::yield();
                return QVariant(true);
            };
            client->send(request);
            return seen;
        };
        auto first = std::make_unique<NetworkContext>();
        NetworkContext second;
        QVERIFY(first->thread() != second.thread());
        auto *goes = new OctopusClient(settings, first.get());
        OctopusClient stays(settings, &second);
        auto hold = std::make_shared<std::atomic<bool>>(true);
        const auto firstThread = threadOf(goes, hold);
        const auto secondThread = threadOf(&stays);
        QTRY_VERIFY_WITH_TIMEOUT(firstThread->load() != nullptr && secondThread->load() != nullptr, 5000);
        QCOMPARE(firstThread->load(), first->thread());
        QCOMPARE(secondThread->load(), second.thread());
        delete goes; // mid-answer: its worker is deleted on its thread once the answer is done
        hold->store(false);
        first.reset(); // ends that thread (after the worker's deletion queued before it)
        auto root = capture(stays.get(QStringLiteral("/api")));
        QTRY_VERIFY_WITH_TIMEOUT(root->has_value(), 5000);
        QVERIFY2((*root)->ok(), qPrintable((*root)->error.message));
    }

    void explicitProxyCarriesEveryRequest_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::newRow("http") << false;
        QTest::newRow("https tunnel") << true;
    }
    void explicitProxyCarriesEveryRequest()
    {
        QFETCH(bool, tls);
        TinyProxyFixture proxy;
        QVERIFY2(proxy.start(), qPrintable(proxy.error));
        octosim::Options options;
        options.tls = tls;
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        ConnectionSettings settings = sim.settings(ServerRole::Old);
        settings.proxy = proxy.url();
        if (tls)
            settings.pinnedFingerprints.insert(sim.endpoint(ServerRole::Old).thumbprint);
        OctopusClient client(settings, &networkContext);
        auto root = capture(client.get(QStringLiteral("/api")));
        auto spaces = capture(client.get(QStringLiteral("/api/spaces/all")));
        QTRY_VERIFY_WITH_TIMEOUT(root->has_value() && spaces->has_value(), 15000);
        QVERIFY2((*root)->ok(), qPrintable((*root)->error.message));
        QVERIFY2((*spaces)->ok(), qPrintable((*spaces)->error.message));
        QVERIFY((*spaces)->json.isArray() && !(*spaces)->json.array().isEmpty());

        const QUrl server = sim.endpoint(ServerRole::Old).url;
        const QByteArray hostPort = server.host().toUtf8() + ':' + QByteArray::number(server.port());
        QByteArray log;
        if (tls) {
            // The proxy saw a tunnel to the server and nothing inside it: no path, no key.
            QTRY_VERIFY_WITH_TIMEOUT((log = proxy.log()).contains("CONNECT " + hostPort), 5000);
            QVERIFY2(!log.contains("/api"), log.constData());
        } else {
            QTRY_VERIFY_WITH_TIMEOUT(
                (log = proxy.log()).contains("GET http://" + hostPort + "/api/spaces/all"), 5000);
            QVERIFY2(log.contains("GET http://" + hostPort + "/api "), log.constData());
        }
        QVERIFY(!log.contains(settings.apiKey.toUtf8())); // tinyproxy logs request lines, never headers
    }

    void unreachableProxyIsReported()
    {
        OctoSimFixture sim;
        QVERIFY2(sim.start(), qPrintable(sim.error));
        quint16 closedPort = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            closedPort = probe.serverPort();
        }
        ConnectionSettings settings = sim.settings(ServerRole::New);
        settings.proxy = QStringLiteral("http://127.0.0.1:%1").arg(closedPort);
        settings.maxAttempts = 1;
        OctopusClient client(settings, &networkContext);
        auto root = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY_WITH_TIMEOUT(root->has_value(), 10000);
        QCOMPARE((*root)->error.kind, ApiErrorKind::Unreachable);
        QVERIFY2((*root)->error.message.contains(QLatin1String("proxy"), Qt::CaseInsensitive),
                 qPrintable((*root)->error.message));
    }

    void environmentProxyIsAskedForRemoteHostsOnly()
    {
        // Qt's system proxy factory (libproxy on Debian) reads the desktop's settings inside a desktop
        // session, else the environment: this test sets the environment and leaves no desktop to find.
        for (const char *desktop :
             {"XDG_CURRENT_DESKTOP", "DESKTOP_SESSION", "GNOME_DESKTOP_SESSION_ID", "KDE_FULL_SESSION"})
            qunsetenv(desktop);
        qputenv("https_proxy", "http://proxy.corp.example:3128");
        qputenv("http_proxy", "http://proxy.corp.example:3128");
        qputenv("no_proxy", "octopus-internal.corp.example");
        const auto first = [](const QString &setting, const char *url) {
            const QList<QNetworkProxy> proxies =
                NetworkProxyPolicy::proxiesFor(setting, QUrl(QLatin1String(url)));
            return proxies.isEmpty() ? QNetworkProxy(QNetworkProxy::DefaultProxy) : proxies.first();
        };
        const QNetworkProxy remote = first(QString(), "https://octopus.example.com/api");
        QCOMPARE(remote.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(remote.hostName(), QStringLiteral("proxy.corp.example"));
        QCOMPARE(remote.port(), quint16(3128));
        QCOMPARE(first(QString(), "http://octopus.example.com/api").type(), QNetworkProxy::HttpProxy);
        QCOMPARE(first(QString(), "https://octopus-internal.corp.example/api").type(),
                 QNetworkProxy::NoProxy);
        QCOMPARE(first(QString(), "http://127.0.0.1:8080/api").type(), QNetworkProxy::NoProxy);
        QCOMPARE(first(QString(), "http://localhost:8080/api").type(), QNetworkProxy::NoProxy);
        // "none" wins over the environment; an explicit proxy is used even for loopback.
        QCOMPARE(first(QStringLiteral("none"), "https://octopus.example.com/api").type(),
                 QNetworkProxy::NoProxy);
        const QNetworkProxy explicitProxy =
            first(QStringLiteral("http://10.1.2.3:8080"), "http://127.0.0.1:81/");
        QCOMPARE(explicitProxy.type(), QNetworkProxy::HttpProxy);
        QCOMPARE(explicitProxy.hostName(), QStringLiteral("10.1.2.3"));
        QCOMPARE(explicitProxy.port(), quint16(8080));
        qunsetenv("https_proxy");
        qunsetenv("http_proxy");
        qunsetenv("no_proxy");
    }

    void proxySettingsAreValidated_data()
    {
        QTest::addColumn<QString>("setting");
        QTest::addColumn<bool>("valid");
        QTest::addColumn<int>("type");
        QTest::newRow("system") << QString() << true << int(QNetworkProxy::DefaultProxy);
        QTest::newRow("none") << QStringLiteral("none") << true << int(QNetworkProxy::NoProxy);
        QTest::newRow("direct") << QStringLiteral("DIRECT") << true << int(QNetworkProxy::NoProxy);
        QTest::newRow("http") << QStringLiteral("http://proxy:3128") << true << int(QNetworkProxy::HttpProxy);
        QTest::newRow("socks5") << QStringLiteral("socks5://proxy:1080") << true
                                << int(QNetworkProxy::Socks5Proxy);
        QTest::newRow("credentials") << QStringLiteral("http://user:secret@proxy:3128") << false << 0;
        QTest::newRow("ftp") << QStringLiteral("ftp://proxy:21") << false << 0;
        QTest::newRow("no host") << QStringLiteral("http://:3128") << false << 0;
        QTest::newRow("path") << QStringLiteral("http://proxy:3128/x") << false << 0;
        QTest::newRow("garbage") << QStringLiteral("proxy 3128") << false << 0;
    }
    void proxySettingsAreValidated()
    {
        QFETCH(QString, setting);
        QFETCH(bool, valid);
        QFETCH(int, type);
        QNetworkProxy proxy;
        QString reason;
        QCOMPARE(NetworkProxyPolicy::parse(setting, &proxy, &reason), valid);
        if (valid)
            QCOMPARE(int(proxy.type()), type);
        else
            QVERIFY(!reason.isEmpty() && !reason.contains(QLatin1String("secret")));
    }

    void tricklingAnswerEndsAtTheDeadlineWithoutRetry()
    {
        // octosim sends 1,000 bytes a second (100 every 100 ms): never silent for the client's 1 s timeout,
        // and a compressed page of 1,000 machines does not arrive within the 4 s deadline.
        octosim::Options options;
        options.faults.append(OctoSimFixture::fault(QStringLiteral("old"), QStringLiteral("/machines"),
                                                    QStringLiteral("slow"), QStringLiteral("1000")));
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        ConnectionSettings settings = sim.settings(ServerRole::Old);
        settings.setTimeoutSeconds(1); // deadline: 4 s per attempt
        settings.maxAttempts = 4;
        OctopusClient client(settings, &networkContext);
        QElapsedTimer clock;
        clock.start();
        auto root = capture(client.get(QStringLiteral("/api/Spaces-1/machines?skip=0&take=1000")));
        QTRY_VERIFY_WITH_TIMEOUT(root->has_value(), 15000);
        QCOMPARE((*root)->error.kind, ApiErrorKind::Timeout);
        QVERIFY2((*root)->error.message.contains(QLatin1String("no complete answer within 4 s")),
                 qPrintable((*root)->error.message));
        QCOMPARE((*root)->attempts, 1); // no time left for another attempt
        QVERIFY2(clock.elapsed() >= 4000 && clock.elapsed() < 6000,
                 qPrintable(QString::number(clock.elapsed())));
    }
};

QTEST_GUILESS_MAIN(TestTransport)
#include "tst_transport.moc"
