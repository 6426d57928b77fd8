// Every octosim fault kind, on each server: the client ends with a successful retry or a clear error,
// never a crash or a hang. The key never reaches a redirect target (its request log is checked).
#include "apierrortext.h"
#include "apijob.h"
#include "networkcontext.h"
#include "octosimfixture.h"
#include "pagedfetchjob.h"
#include "readinessmodel.h"
#include "testpeer.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

#include <optional>

Q_DECLARE_METATYPE(ServerRole)

class TestFaults : public QObject
{
    Q_OBJECT
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them
private Q_SLOTS:
    void everyFaultEndsInSuccessOrAClearError_data()
    {
        QTest::addColumn<ServerRole>("role");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("argument");
        QTest::addColumn<int>("expected"); // ApiErrorKind; None = the call succeeds
        struct Row
        {
            const char *kind;
            const char *argument;
            ApiErrorKind expected;
        };
        const Row rows[] = {
            {"latency", "150", ApiErrorKind::None},       {"status", "500", ApiErrorKind::ServerError},
            {"status", "503", ApiErrorKind::ServerError}, {"status", "502", ApiErrorKind::ServerError},
            {"status", "429", ApiErrorKind::RateLimited}, {"status", "401", ApiErrorKind::Unauthorized},
            {"status", "403", ApiErrorKind::Forbidden},   {"status", "404", ApiErrorKind::NotFound},
            {"reset", "", ApiErrorKind::Unreachable},     {"truncate", "", ApiErrorKind::Unreachable},
            {"badjson", "", ApiErrorKind::BadResponse},   {"slow", "20000", ApiErrorKind::None},
            {"huge", "64", ApiErrorKind::BadResponse},
        };
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            for (const Row &row : rows) {
                const QByteArray name =
                    QByteArray(role == ServerRole::Old ? "old " : "new ") + row.kind + ' ' + row.argument;
                QTest::newRow(name.constData()) << role << QString::fromLatin1(row.kind)
                                                << QString::fromLatin1(row.argument) << int(row.expected);
            }
        }
    }
    void everyFaultEndsInSuccessOrAClearError()
    {
        QFETCH(ServerRole, role);
        QFETCH(QString, kind);
        QFETCH(QString, argument);
        QFETCH(int, expected);
        octosim::Options options;
        const QString instance = role == ServerRole::Old ? QStringLiteral("old") : QStringLiteral("new");
        options.faults.append(
            OctoSimFixture::fault(instance, QStringLiteral("^/api/serverstatus$"), kind, argument));
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        ConnectionSettings settings = sim.settings(role);
        settings.maxResponseBytes = 16LL * 1024 * 1024;
        OctopusClient client(settings, &networkContext);
        // The other server is untouched by the fault: both answer at the same time.
        OctopusClient other(sim.settings(role == ServerRole::Old ? ServerRole::New : ServerRole::Old),
                            &networkContext);

        QElapsedTimer timer;
        timer.start();
        std::optional<ApiResult> result;
        std::optional<ApiResult> otherResult;
        int emissions = 0;
        ApiJob *job = client.get(QStringLiteral("/api/serverstatus"));
        QSignalSpy destroyed(job, &QObject::destroyed);
        connect(job, &ApiJob::finished, this, [&](const ApiResult &r) {
            result = r;
            ++emissions;
        });
        connect(other.get(QStringLiteral("/api/serverstatus")), &ApiJob::finished, this,
                [&](const ApiResult &r) { otherResult = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value() && otherResult.has_value(), 20000);
        QVERIFY(otherResult->ok());
        QCOMPARE(int(result->error.kind), expected);
        if (expected == int(ApiErrorKind::None)) {
            QVERIFY(result->json.isObject());
        } else {
            const QString text = ApiErrorText::describe(result->error);
            QVERIFY2(text.contains(settings.baseUrl.toString()), qPrintable(text));
            QVERIFY2(text.contains(QStringLiteral("/api/serverstatus")), qPrintable(text));
            QVERIFY2(text.contains(role == ServerRole::Old ? QStringLiteral("old server")
                                                           : QStringLiteral("new server")),
                     qPrintable(text));
        }
        // The job deletes itself after finishing; once it is gone it cannot emit again, so "once" is checked
        // over its whole life, retries and late answers included.
        QTRY_COMPARE(destroyed.size(), 1);
        QCOMPARE(emissions, 1);
        qInfo("%s: %s in %lld ms after %d attempt(s)", qPrintable(kind),
              qPrintable(ApiError::kindName(result->error.kind)), timer.elapsed(), result->attempts);
    }

    void aTransientFaultIsRetriedToSuccess()
    {
        // Latency beyond the transfer timeout on the first page only, then normal answers: the GET retries.
        octosim::Options options;
        options.faults.append(OctoSimFixture::fault(QStringLiteral("both"),
                                                    QStringLiteral("^/api/spaces/all"),
                                                    QStringLiteral("latency"), QStringLiteral("400")));
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        ConnectionSettings settings = sim.settings(ServerRole::Old);
        settings.transferTimeoutMs = 250;
        settings.connectTimeoutMs = 250;
        settings.maxAttempts = 2;
        OctopusClient client(settings, &networkContext);
        std::optional<ApiResult> result;
        connect(client.get(QStringLiteral("/api/spaces/all")), &ApiJob::finished, this,
                [&](const ApiResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QCOMPARE(result->error.kind, ApiErrorKind::Timeout);
        QCOMPARE(result->attempts, 2);
        // With a timeout above the latency, the same call succeeds.
        settings.transferTimeoutMs = settings.connectTimeoutMs = 2000;
        client.setSettings(settings);
        result.reset();
        connect(client.get(QStringLiteral("/api/spaces/all")), &ApiJob::finished, this,
                [&](const ApiResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QVERIFY(result->ok());
    }

    void slowTrickleHitsTheDeadline()
    {
        octosim::Options options;
        options.faults.append(OctoSimFixture::fault(QStringLiteral("new"), QStringLiteral("^/api$"),
                                                    QStringLiteral("slow"), QStringLiteral("200")));
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        ConnectionSettings settings = sim.settings(ServerRole::New);
        settings.requestDeadlineMs = 600;
        settings.maxAttempts = 1;
        OctopusClient client(settings, &networkContext);
        std::optional<ApiResult> result;
        connect(client.get(QStringLiteral("/api")), &ApiJob::finished, this,
                [&](const ApiResult &r) { result = r; });
        QTRY_VERIFY_WITH_TIMEOUT(result.has_value(), 5000);
        QCOMPARE(result->error.kind, ApiErrorKind::Timeout);
    }

    void redirectFaultNeverDeliversTheKey_data()
    {
        QTest::addColumn<ServerRole>("role");
        QTest::newRow("old") << ServerRole::Old;
        QTest::newRow("new") << ServerRole::New;
    }
    void redirectFaultNeverDeliversTheKey()
    {
        QFETCH(ServerRole, role);
        TestPeer collector; // the foreign target: records whatever reaches it
        QVERIFY(collector.listenPlain());
        octosim::Options options;
        const QString instance = role == ServerRole::Old ? QStringLiteral("old") : QStringLiteral("new");
        options.faults.append(OctoSimFixture::fault(instance, QStringLiteral("^/api/users/me"),
                                                    QStringLiteral("redirect"),
                                                    collector.url().toString() + QStringLiteral("/steal")));
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        OctopusClient client(sim.settings(role), &networkContext);
        ReadinessModel model(&client, role);
        model.setInterval(0);
        QSignalSpy refreshed(&model, &ReadinessModel::refreshed);
        model.start();
        QTRY_COMPARE_WITH_TIMEOUT(refreshed.size(), 1, 10000);
        QCOMPARE(model.facts().reachError.kind, ApiErrorKind::RedirectRefused);
        QCOMPARE(model.checks(true).first().status, ReadinessCheck::Status::Fail);
        QVERIFY(model.checks(true).first().message.contains(collector.url().toString()));
        // A wrongly followed redirect would leave before the readiness check finished; the probe sent now
        // arrives after it, so once the probe is answered it must be the only request the collector saw.
        QVERIFY(probe(collector, "/probe"));
        const QByteArray key = sim.endpoint(role).apiKey.toUtf8();
        for (const PeerRequest &request : std::as_const(collector.requests))
            QVERIFY(!request.raw.contains(key));
        QCOMPARE(collector.requests.size(), 1);
        QCOMPARE(collector.requests.first().target, QByteArray("/probe"));
    }

    void faultsOnPagesEndThePagedFetchCleanly_data()
    {
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("argument");
        QTest::newRow("reset") << QStringLiteral("reset") << QString();
        QTest::newRow("badjson") << QStringLiteral("badjson") << QString();
        QTest::newRow("status 500") << QStringLiteral("status") << QStringLiteral("500");
        QTest::newRow("truncate") << QStringLiteral("truncate") << QString();
    }
    void faultsOnPagesEndThePagedFetchCleanly()
    {
        QFETCH(QString, kind);
        QFETCH(QString, argument);
        octosim::Options options;
        options.faults.append(
            OctoSimFixture::fault(QStringLiteral("both"), QStringLiteral("skip=30"), kind, argument));
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        OctopusClient client(sim.settings(ServerRole::Old), &networkContext);
        PagedFetchJob *job = client.fetchAll(QStringLiteral("/api/Spaces-1/build-information"));
        job->setPageSize(30);
        QSignalSpy finished(job, &PagedFetchJob::finished);
        job->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 15000);
        const PagedResult result = finished.first().first().value<PagedResult>();
        QVERIFY(result.error.isError());
        QVERIFY(result.error.path.contains(QStringLiteral("skip=30")));
    }
};

QTEST_GUILESS_MAIN(TestFaults)
#include "tst_faults.moc"
