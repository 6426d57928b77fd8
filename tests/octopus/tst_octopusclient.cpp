// OctopusClient against raw loopback peers: statuses, retries, timeouts, redirects, cancel, limits, paging.
#include "apierrortext.h"
#include "apijob.h"
#include "networkcontext.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"
#include "testpeer.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

namespace {

const QString kKey = QStringLiteral("API-TESTKEY0000000000000000001");

ConnectionSettings settingsFor(const QUrl &url)
{
    ConnectionSettings settings;
    settings.baseUrl = url;
    settings.apiKey = kKey;
    settings.role = ServerRole::Old;
    settings.connectTimeoutMs = 2000;
    settings.transferTimeoutMs = 2000;
    settings.requestDeadlineMs = 10000;
    settings.retryBaseDelayMs = 10;
    settings.retryMaxDelayMs = 50;
    return settings;
}

struct Capture
{
    std::optional<ApiResult> result;
    int emissions = 0;
};

std::shared_ptr<Capture> capture(ApiJob *job)
{
    auto captured = std::make_shared<Capture>();
    QObject::connect(job, &ApiJob::finished, job, [captured](const ApiResult &result) {
        captured->result = result;
        ++captured->emissions;
    });
    return captured;
}

QByteArray collectionPage(int total, int skip, int take, bool withTotals, const QByteArray &target)
{
    // Like the real server, Links echo the filters of the request.
    QUrl next(QString::fromLatin1(target));
    QUrlQuery nextQuery(next);
    nextQuery.removeAllQueryItems(QStringLiteral("skip"));
    nextQuery.removeAllQueryItems(QStringLiteral("take"));
    nextQuery.addQueryItem(QStringLiteral("skip"), QString::number(skip + take));
    nextQuery.addQueryItem(QStringLiteral("take"), QString::number(take));
    next.setQuery(nextQuery);
    QJsonArray items;
    for (int i = skip; i < std::min(total, skip + take); ++i)
        items.append(QJsonObject{{QStringLiteral("Id"), QStringLiteral("Machines-%1").arg(i)}});
    QJsonObject links;
    if (skip + take < total)
        links.insert(QStringLiteral("Page.Next"), next.toString());
    QJsonObject page{{QStringLiteral("ItemType"), QStringLiteral("Machine")},
                     {QStringLiteral("Items"), items},
                     {QStringLiteral("Links"), links},
                     {QStringLiteral("UnknownFutureField"), true}};
    if (withTotals) {
        page.insert(QStringLiteral("TotalResults"), total);
        page.insert(QStringLiteral("ItemsPerPage"), take);
    }
    return QJsonDocument(page).toJson(QJsonDocument::Compact);
}

} // namespace

class TestOctopusClient : public QObject
{
    Q_OBJECT
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them
private Q_SLOTS:
    void keyTravelsOnlyInTheHeader()
    {
        TestPeer peer;
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api/users/me")));
        QTRY_VERIFY(captured->result.has_value());
        QVERIFY2(captured->result->ok(), qPrintable(ApiErrorText::describe(captured->result->error)));
        QCOMPARE(peer.requests.size(), 1);
        const PeerRequest &request = peer.requests.first();
        QCOMPARE(request.headers.value("x-octopus-apikey"), kKey.toUtf8());
        QVERIFY(!request.target.contains(kKey.toUtf8()));
        QVERIFY(!request.target.toLower().contains("apikey"));
        QCOMPARE(request.target, QByteArray("/api/users/me"));
    }

    void parsesJsonAndToleratesUnknownFields()
    {
        TestPeer peer([](const PeerRequest &) {
            return PeerResponse::json(200,
                                      R"({"Version":"2023.1.9626","InstallationId":"x","NewThing":{"a":1}})");
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->result.has_value());
        QVERIFY(captured->result->ok());
        QCOMPARE(captured->result->json.object().value(QLatin1String("Version")).toString(),
                 QStringLiteral("2023.1.9626"));
        QCOMPARE(captured->emissions, 1);
    }

    void httpFailuresBecomeErrorKinds_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QByteArray>("method");
        QTest::addColumn<int>("kind");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("401 unauthorized") << 401 << QByteArray(R"({"ErrorMessage":"You must be logged in"})")
                                          << QByteArray("GET") << int(ApiErrorKind::Unauthorized) << 1;
        QTest::newRow("403 forbidden") << 403 << QByteArray(R"({"ErrorMessage":"Missing permission"})")
                                       << QByteArray("GET") << int(ApiErrorKind::Forbidden) << 1;
        QTest::newRow("403 maintenance")
            << 403 << QByteArray(R"({"ErrorMessage":"The server is in maintenance mode"})")
            << QByteArray("POST") << int(ApiErrorKind::MaintenanceMode) << 1;
        QTest::newRow("503 maintenance")
            << 503 << QByteArray(R"({"ErrorMessage":"Octopus Server is in Maintenance Mode"})")
            << QByteArray("PUT") << int(ApiErrorKind::MaintenanceMode) << 1;
        QTest::newRow("404 not found") << 404 << QByteArray(R"({"ErrorMessage":"Not found"})")
                                       << QByteArray("GET") << int(ApiErrorKind::NotFound) << 1;
        QTest::newRow("400 client error")
            << 400 << QByteArray(R"({"ErrorMessage":"Bad","Errors":["Name is required"]})")
            << QByteArray("POST") << int(ApiErrorKind::ClientError) << 1;
        QTest::newRow("500 GET retried") << 500 << QByteArray(R"({"ErrorMessage":"boom"})")
                                         << QByteArray("GET") << int(ApiErrorKind::ServerError) << 4;
        QTest::newRow("500 POST never retried") << 500 << QByteArray(R"({"ErrorMessage":"boom"})")
                                                << QByteArray("POST") << int(ApiErrorKind::ServerError) << 1;
        QTest::newRow("429 GET retried")
            << 429 << QByteArray() << QByteArray("GET") << int(ApiErrorKind::RateLimited) << 4;
        QTest::newRow("429 DELETE never retried")
            << 429 << QByteArray() << QByteArray("DELETE") << int(ApiErrorKind::RateLimited) << 1;
        QTest::newRow("200 not json") << 200 << QByteArray("{\"Items\":[1,2") << QByteArray("GET")
                                      << int(ApiErrorKind::BadResponse) << 1;
    }
    void httpFailuresBecomeErrorKinds()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QByteArray, method);
        QFETCH(int, kind);
        QFETCH(int, expectedRequests);
        TestPeer peer([&](const PeerRequest &) { return PeerResponse::json(status, body); });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        ApiRequest request;
        request.method = method;
        request.path = QStringLiteral("/api/Spaces-1/machines");
        if (method != "GET")
            request.body = "{}";
        auto captured = capture(client.send(request));
        QTRY_VERIFY(captured->result.has_value());
        const ApiError &error = captured->result->error;
        QCOMPARE(int(error.kind), kind);
        QCOMPARE(peer.requests.size(), expectedRequests);
        QCOMPARE(error.method, method);
        QCOMPARE(error.path, QStringLiteral("/api/Spaces-1/machines"));
        const QString text = ApiErrorText::describe(error);
        QVERIFY2(text.contains(QStringLiteral("old server")), qPrintable(text));
        QVERIFY2(text.contains(peer.url().toString()), qPrintable(text));
        QVERIFY2(text.contains(QStringLiteral("/api/Spaces-1/machines")), qPrintable(text));
        if (kind == int(ApiErrorKind::ClientError))
            QVERIFY2(text.contains(QStringLiteral("Name is required")), qPrintable(text));
        QCOMPARE(captured->emissions, 1);
    }

    void unreachableServerIsReportedAfterRetries()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        OctopusClient client(settingsFor(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port))),
                             &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->result.has_value());
        QCOMPARE(captured->result->error.kind, ApiErrorKind::Unreachable);
        QCOMPARE(captured->result->attempts, 4);
    }

    void getRetriesServerErrorsThenSucceeds()
    {
        int calls = 0;
        TestPeer peer([&](const PeerRequest &) {
            return ++calls < 3 ? PeerResponse::json(502, "") : PeerResponse::json(200, R"({"ok":true})");
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->result.has_value());
        QVERIFY(captured->result->ok());
        QCOMPARE(captured->result->attempts, 3);
    }

    void retryAfterIsHonoured()
    {
        int calls = 0;
        TestPeer peer([&](const PeerRequest &) {
            if (++calls == 1) {
                PeerResponse r = PeerResponse::json(429, R"({"ErrorMessage":"slow down"})");
                r.addHeader("Retry-After", "1");
                return r;
            }
            return PeerResponse::json(200, "{}");
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        QElapsedTimer timer;
        timer.start();
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY_WITH_TIMEOUT(captured->result.has_value(), 10000);
        QVERIFY(captured->result->ok());
        QVERIFY2(timer.elapsed() >= 950, qPrintable(QString::number(timer.elapsed())));
    }

    void silentServerTimesOut()
    {
        TestPeer peer([](const PeerRequest &) { return PeerResponse::hang(); });
        QVERIFY(peer.listenPlain());
        ConnectionSettings settings = settingsFor(peer.url());
        settings.transferTimeoutMs = 300;
        settings.maxAttempts = 2;
        OctopusClient client(settings, &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api/tasks")));
        QTRY_VERIFY_WITH_TIMEOUT(captured->result.has_value(), 5000);
        QCOMPARE(captured->result->error.kind, ApiErrorKind::Timeout);
        QCOMPARE(peer.requests.size(), 2);
        QVERIFY(ApiErrorText::describe(captured->result->error).contains(QStringLiteral("/api/tasks")));
    }

    void truncatedResponseIsRetriedThenReported()
    {
        TestPeer peer([](const PeerRequest &) {
            PeerResponse r = PeerResponse::json(200, R"({"Items":[)");
            r.declaredLength = 5000;
            return r;
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api/Spaces-1/projects")));
        QTRY_VERIFY(captured->result.has_value());
        QCOMPARE(captured->result->error.kind, ApiErrorKind::Unreachable);
        QCOMPARE(peer.requests.size(), 4);
    }

    void oversizedResponseIsRefused()
    {
        TestPeer peer(
            [](const PeerRequest &) { return PeerResponse::json(200, QByteArray(300 * 1024, ' ') + "{}"); });
        QVERIFY(peer.listenPlain());
        ConnectionSettings settings = settingsFor(peer.url());
        settings.maxResponseBytes = 100 * 1024;
        OctopusClient client(settings, &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api/events")));
        QTRY_VERIFY(captured->result.has_value());
        QCOMPARE(captured->result->error.kind, ApiErrorKind::BadResponse);
    }

    void compressedAnswerIsLimitedByItsDecodedSize()
    {
        // 32 MB of JSON whitespace deflate to about 32 KB: the limit applies to what it decodes to.
        const QByteArray deflated =
            qCompress(QByteArray(32 * 1024 * 1024, ' ') + "{}", 9).mid(4); // zlib stream
        TestPeer peer([&](const PeerRequest &) {
            PeerResponse response = PeerResponse::json(200, deflated);
            response.addHeader("Content-Encoding", "deflate");
            return response;
        });
        QVERIFY(peer.listenPlain());
        ConnectionSettings settings = settingsFor(peer.url());
        settings.maxResponseBytes = 1024 * 1024;
        OctopusClient client(settings, &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api/events")));
        QTRY_VERIFY(captured->result.has_value());
        QCOMPARE(captured->result->error.kind, ApiErrorKind::BadResponse);
        QVERIFY2(captured->result->error.message.contains(QLatin1String("larger than 1 MB")),
                 qPrintable(captured->result->error.message));
        QVERIFY(peer.requests.first().headers.value("accept-encoding").contains("gzip"));
    }

    void sameOriginRedirectIsFollowedWithKey()
    {
        TestPeer peer([](const PeerRequest &request) {
            if (request.target == "/api")
                return PeerResponse::redirect(302, "/api/");
            return PeerResponse::json(200, R"({"Version":"2023.1.1"})");
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api")));
        QTRY_VERIFY(captured->result.has_value());
        QVERIFY2(captured->result->ok(), qPrintable(ApiErrorText::describe(captured->result->error)));
        QVERIFY(peer.requests.size() >= 2);
        QCOMPARE(peer.requests.last().target, QByteArray("/api/"));
        QCOMPARE(peer.requests.last().headers.value("x-octopus-apikey"), kKey.toUtf8());
    }

    void redirectToAnotherOriginIsRefusedAndTheKeyNeverArrives_data()
    {
        QTest::addColumn<int>("status");
        QTest::newRow("301") << 301;
        QTest::newRow("302") << 302;
        QTest::newRow("307") << 307;
    }
    void redirectToAnotherOriginIsRefusedAndTheKeyNeverArrives()
    {
        QFETCH(int, status);
        TestPeer foreign; // another port on the same host: another origin
        QVERIFY(foreign.listenPlain());
        const QByteArray location = foreign.url().toString().toUtf8() + "/collect";
        TestPeer peer([&](const PeerRequest &) { return PeerResponse::redirect(status, location); });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        auto captured = capture(client.get(QStringLiteral("/api/users/me")));
        QTRY_VERIFY(captured->result.has_value());
        QCOMPARE(captured->result->error.kind, ApiErrorKind::RedirectRefused);
        QCOMPARE(captured->result->attempts, 1);
        const QString text = ApiErrorText::describe(captured->result->error);
        QVERIFY2(text.contains(foreign.url().toString()), qPrintable(text));
        // A wrongly followed redirect leaves while the 3xx is handled, before the job finishes; a probe sent
        // now arrives after it. So once the probe is answered, the probe must be all the target ever saw.
        QVERIFY(probe(foreign, "/probe"));
        for (const PeerRequest &request : std::as_const(foreign.requests))
            QVERIFY(!request.raw.contains(kKey.toUtf8()));
        QCOMPARE(foreign.requests.size(), 1);
        QCOMPARE(foreign.requests.first().target, QByteArray("/probe"));
    }

    void cancelFinishesOnceWithCancelled()
    {
        TestPeer peer([](const PeerRequest &) { return PeerResponse::hang(); });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        ApiJob *job = client.get(QStringLiteral("/api/events"));
        auto captured = capture(job);
        QTRY_COMPARE(peer.requests.size(), 1);
        job->cancel();
        QVERIFY(captured->result.has_value());
        QCOMPARE(captured->result->error.kind, ApiErrorKind::Cancelled);
        // The late answer to the cancelled request is written before the follow-up request is even sent, so
        // by the time the follow-up's answer is back the late one has reached the client too.
        peer.setHandler([](const PeerRequest &) { return PeerResponse::json(200, "{}"); });
        peer.releaseHeld(PeerResponse::json(200, "{}"));
        auto followUp = capture(client.get(QStringLiteral("/api/after")));
        QTRY_VERIFY(followUp->result.has_value());
        QVERIFY(followUp->result->ok());
        QCOMPARE(captured->emissions, 1);
    }

    void clientDestructionFinishesOutstandingJobs()
    {
        TestPeer peer([](const PeerRequest &) { return PeerResponse::hang(); });
        QVERIFY(peer.listenPlain());
        auto client = std::make_unique<OctopusClient>(settingsFor(peer.url()), &networkContext);
        auto captured = capture(client->get(QStringLiteral("/api")));
        QTRY_COMPARE(peer.requests.size(), 1);
        client.reset();
        QVERIFY(captured->result.has_value());
        QCOMPARE(captured->result->error.kind, ApiErrorKind::Cancelled);
    }

    void inFlightRequestsAreLimited_data()
    {
        QTest::addColumn<int>("limit");
        QTest::newRow("1") << 1;
        QTest::newRow("3") << 3;
        QTest::newRow("6") << 6;
    }
    void inFlightRequestsAreLimited()
    {
        QFETCH(int, limit);
        // Every request is held until the test releases it, and the peer notes how many jobs had finished at
        // the client when each request arrived. Request n may only leave once n - limit + 1 jobs have
        // finished, so the check needs no quiet period: a request sent too early shows in its own arrival
        // record.
        QList<std::shared_ptr<Capture>> captures;
        QList<int> finishedAtArrival;
        const auto finishedCount = [&captures] {
            return int(std::count_if(captures.begin(), captures.end(),
                                     [](auto &c) { return c->result.has_value(); }));
        };
        TestPeer peer([&](const PeerRequest &) {
            finishedAtArrival.append(finishedCount());
            return PeerResponse::hang();
        });
        QVERIFY(peer.listenPlain());
        ConnectionSettings settings = settingsFor(peer.url());
        settings.maxInFlight = limit;
        OctopusClient client(settings, &networkContext);
        for (int i = 0; i < 10; ++i)
            captures.append(capture(client.get(QStringLiteral("/api/projects/%1").arg(i))));
        QTRY_COMPARE(peer.requests.size(), limit);
        int released = 0;
        while (released < 10) {
            // The next request is sent once an answer is in: wait until it reached the peer, or the release
            // below would find nothing held.
            QTRY_VERIFY(peer.heldCount() > 0);
            released += peer.heldCount();
            peer.releaseHeld(PeerResponse::json(200, "{}"));
            // Every answer released so far is in before the next round (under load they arrive one by one).
            QTRY_COMPARE(finishedCount(), released);
            QVERIFY(peer.maxInFlight <= limit);
        }
        QCOMPARE(peer.maxInFlight, limit);
        QCOMPARE(finishedAtArrival.size(), 10);
        for (int n = 0; n < finishedAtArrival.size(); ++n)
            QVERIFY2(n - finishedAtArrival.at(n) < limit,
                     qPrintable(QStringLiteral("request %1 arrived with %2 finished")
                                    .arg(n)
                                    .arg(finishedAtArrival.at(n))));
    }

    void urgentRequestsGoBeforeTheWaitingOnes()
    {
        // One slot, held by the first request; three ordinary requests wait, then two urgent ones arrive (the
        // later pages of a collection under way). When the slot frees, the urgent ones go first, in their
        // order.
        TestPeer peer([](const PeerRequest &request) {
            return request.target == "/api/held" ? PeerResponse::hang() : PeerResponse::json(200, "{}");
        });
        QVERIFY(peer.listenPlain());
        ConnectionSettings settings = settingsFor(peer.url());
        settings.maxInFlight = 1;
        OctopusClient client(settings, &networkContext);
        QList<std::shared_ptr<Capture>> captures;
        captures.append(capture(client.get(QStringLiteral("/api/held"))));
        QTRY_COMPARE(peer.requests.size(), 1);
        for (const char *path : {"/api/a", "/api/b", "/api/c"})
            captures.append(capture(client.get(QString::fromLatin1(path))));
        for (const char *path : {"/api/urgent1", "/api/urgent2"}) {
            ApiRequest request;
            request.path = QString::fromLatin1(path);
            request.urgent = true;
            captures.append(capture(client.send(request)));
        }
        // No quiet period needed here: a waiting request sent while the slot is held would arrive before the
        // ones the release lets go, and the order check below would see it.
        QCOMPARE(peer.requests.size(), 1);
        peer.releaseHeld(PeerResponse::json(200, "{}"));
        QTRY_COMPARE(peer.requests.size(), 6);
        QList<QByteArray> order;
        for (const PeerRequest &request : std::as_const(peer.requests))
            order.append(request.target);
        const QList<QByteArray> expected{"/api/held", "/api/urgent1", "/api/urgent2",
                                         "/api/a",    "/api/b",       "/api/c"};
        QCOMPARE(order, expected);
        QTRY_VERIFY(
            std::all_of(captures.begin(), captures.end(), [](auto &c) { return c->result.has_value(); }));
    }

    void pagedFetchReadsWholeCollections_data()
    {
        QTest::addColumn<int>("total");
        QTest::addColumn<int>("serverCap"); // the server's largest page, whatever take says
        QTest::addColumn<bool>("withTotals");
        QTest::addColumn<int>("expectedRequests");
        QTest::newRow("empty") << 0 << 1000 << true << 1;
        QTest::newRow("one page") << 999 << 1000 << true << 1;
        QTest::newRow("three pages in parallel") << 2500 << 1000 << true << 3;
        QTest::newRow("server caps take at 30") << 200 << 30 << true << 7;
        QTest::newRow("links only") << 95 << 30 << false << 4;
    }
    void pagedFetchReadsWholeCollections()
    {
        QFETCH(int, total);
        QFETCH(int, serverCap);
        QFETCH(bool, withTotals);
        QFETCH(int, expectedRequests);
        TestPeer peer([&](const PeerRequest &request) {
            const QUrl url(QString::fromLatin1(request.target));
            const QUrlQuery query(url);
            const int skip = query.queryItemValue(QStringLiteral("skip")).toInt();
            const int take = std::min(serverCap, query.queryItemValue(QStringLiteral("take")).toInt());
            return PeerResponse::json(200, collectionPage(total, skip, take, withTotals, request.target));
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        PagedFetchJob *job = client.fetchAll(QStringLiteral("/api/Spaces-1/machines?isDisabled=false"));
        QSignalSpy progress(job, &PagedFetchJob::progress);
        QSignalSpy finished(job, &PagedFetchJob::finished);
        job->start();
        QTRY_COMPARE(finished.size(), 1);
        const PagedResult result = finished.first().first().value<PagedResult>();
        QVERIFY2(result.ok(), qPrintable(ApiErrorText::describe(result.error)));
        QCOMPARE(result.itemCount, total);
        QCOMPARE(peer.requests.size(), expectedRequests);
        QCOMPARE(progress.last().at(0).toInt(), expectedRequests);
        QCOMPARE(progress.last().at(1).toInt(), expectedRequests);
        int index = 0;
        for (const QJsonArray &page : result.pages) {
            for (const QJsonValue &item : page)
                QCOMPARE(item.toObject().value(QLatin1String("Id")).toString(),
                         QStringLiteral("Machines-%1").arg(index++));
        }
        QCOMPARE(index, total);
        for (const PeerRequest &request : std::as_const(peer.requests))
            QVERIFY(request.target.contains("isDisabled=false"));
    }

    void pagedFetchPrefersAllAndFallsBackToPaging()
    {
        TestPeer peer([](const PeerRequest &request) {
            if (request.target.startsWith("/api/Spaces-1/environments/all"))
                return PeerResponse::json(404, R"({"ErrorMessage":"no such route"})");
            return PeerResponse::json(200, collectionPage(3, 0, 1000, true, "/api/Spaces-1/environments"));
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        PagedFetchJob *job = client.fetchAll(QStringLiteral("/api/Spaces-1/environments"));
        job->setPreferAll(true);
        QSignalSpy finished(job, &PagedFetchJob::finished);
        job->start();
        QTRY_COMPARE(finished.size(), 1);
        const PagedResult result = finished.first().first().value<PagedResult>();
        QVERIFY(result.ok());
        QCOMPARE(result.itemCount, 3);
        QCOMPARE(peer.requests.size(), 2);
    }

    void pagedFetchStopsAtTheFirstError()
    {
        TestPeer peer([](const PeerRequest &request) {
            if (request.target.contains("skip=1000"))
                return PeerResponse::json(403, R"({"ErrorMessage":"no"})");
            return PeerResponse::json(200, collectionPage(3000, 0, 1000, true, "/api/x"));
        });
        QVERIFY(peer.listenPlain());
        OctopusClient client(settingsFor(peer.url()), &networkContext);
        PagedFetchJob *job = client.fetchAll(QStringLiteral("/api/x"));
        QSignalSpy finished(job, &PagedFetchJob::finished);
        QSignalSpy destroyed(job, &QObject::destroyed);
        job->start();
        QTRY_COMPARE(finished.size(), 1);
        QCOMPARE(finished.first().first().value<PagedResult>().error.kind, ApiErrorKind::Forbidden);
        // The job deletes itself after finishing; once it is gone it cannot emit again, so "once" is
        // checked over its whole life.
        QTRY_COMPARE(destroyed.size(), 1);
        QCOMPARE(finished.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TestOctopusClient)
#include "tst_octopusclient.moc"
