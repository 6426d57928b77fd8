// `handover check` and `handover inventory` as the command line runs them (in-process, stdout captured):
// exit codes 0/2/3, the JSON contract, keys from the environment only, --trust-fingerprint.
#include "certificateinfo.h"
#include "cliverbs.h"
#include "octosimfixture.h"
#include "tinyproxyfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTcpServer>
#include <QTemporaryFile>
#include <QTest>

#include <cstdio>
#include <unistd.h>

namespace {

class OutputCapture
{
public:
    OutputCapture()
    {
        std::fflush(stdout);
        std::fflush(stderr);
        m_out.open();
        m_err.open();
        m_savedOut = ::dup(1);
        m_savedErr = ::dup(2);
        ::dup2(m_out.handle(), 1);
        ::dup2(m_err.handle(), 2);
    }
    ~OutputCapture() { restore(); }
    void restore()
    {
        if (m_savedOut < 0)
            return;
        std::fflush(stdout);
        std::fflush(stderr);
        ::dup2(m_savedOut, 1);
        ::dup2(m_savedErr, 2);
        ::close(m_savedOut);
        ::close(m_savedErr);
        m_savedOut = m_savedErr = -1;
        m_out.seek(0);
        m_err.seek(0);
        out = m_out.readAll();
        err = m_err.readAll();
    }
    QByteArray out;
    QByteArray err;

private:
    QTemporaryFile m_out;
    QTemporaryFile m_err;
    int m_savedOut = -1;
    int m_savedErr = -1;
};

struct Run
{
    int code;
    QByteArray out;
    QByteArray err;
};

Run run(int (*verb)(const QStringList &), const QStringList &arguments)
{
    OutputCapture capture;
    const int code = verb(arguments);
    capture.restore();
    return {code, capture.out, capture.err};
}

void setKeys(const OctoSimFixture &sim)
{
    qputenv("HANDOVER_OLD_API_KEY", sim.endpoint(ServerRole::Old).apiKey.toUtf8());
    qputenv("HANDOVER_NEW_API_KEY", sim.endpoint(ServerRole::New).apiKey.toUtf8());
}

QStringList pairArguments(const OctoSimFixture &sim)
{
    return {QStringLiteral("--old"),     sim.endpoint(ServerRole::Old).url.toString(),
            QStringLiteral("--new"),     sim.endpoint(ServerRole::New).url.toString(),
            QStringLiteral("--timeout"), QStringLiteral("5")};
}

} // namespace

class TestCheckCli : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        qunsetenv("HANDOVER_OLD_API_KEY");
        qunsetenv("HANDOVER_NEW_API_KEY");
        qunsetenv("HANDOVER_API_KEY");
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString u = QStringLiteral("http://127.0.0.1:1");
        QTest::newRow("nothing") << QStringList();
        QTest::newRow("only old") << QStringList{QStringLiteral("--old"), u};
        QTest::newRow("api key argument does not exist") << QStringList{
            QStringLiteral("--old"), u, QStringLiteral("--new"), u, QStringLiteral("--api-key"),
            QStringLiteral("API-X")};
        QTest::newRow("bad fingerprint") << QStringList{
            QStringLiteral("--old"), u, QStringLiteral("--new"), u, QStringLiteral("--trust-fingerprint"),
            QStringLiteral("abc")};
        QTest::newRow("bad timeout") << QStringList{QStringLiteral("--old"),     u,
                                                    QStringLiteral("--new"),     u,
                                                    QStringLiteral("--timeout"), QStringLiteral("0")};
        QTest::newRow("bad proxy") << QStringList{QStringLiteral("--old"),   u,
                                                  QStringLiteral("--new"),   u,
                                                  QStringLiteral("--proxy"), QStringLiteral("ftp://p:21")};
        QTest::newRow("not http") << QStringList{QStringLiteral("--old"), QStringLiteral("ftp://x"),
                                                 QStringLiteral("--new"), u};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const Run r = run(&runCheck, arguments);
        QCOMPARE(r.code, 2);
        QVERIFY(r.err.contains("Usage") || r.err.contains("handover check"));
    }

    void missingKeyExitsTwoAndNamesTheVariable()
    {
        OctoSimFixture sim;
        QVERIFY(sim.start());
        qputenv("HANDOVER_OLD_API_KEY", sim.endpoint(ServerRole::Old).apiKey.toUtf8());
        const Run r = run(&runCheck, pairArguments(sim));
        QCOMPARE(r.code, 2);
        QVERIFY2(r.err.contains("HANDOVER_NEW_API_KEY"), r.err.constData());
    }

    void healthyPairPrintsTheJsonContract()
    {
        OctoSimFixture sim;
        QVERIFY(sim.start());
        setKeys(sim);
        const Run r = run(&runCheck, pairArguments(sim) << QStringLiteral("--json"));
        QVERIFY2(r.code == 0, r.out.constData());
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        for (const char *role : {"old", "new"}) {
            const QJsonObject server = doc.value(QLatin1String(role)).toObject();
            QVERIFY(!server.value(QLatin1String("version")).toString().isEmpty());
            QVERIFY(!server.value(QLatin1String("installationId")).toString().isEmpty());
            QVERIFY(server.value(QLatin1String("reachable")).toBool());
        }
        const QJsonArray checks = doc.value(QLatin1String("checks")).toArray();
        QCOMPARE(checks.size(), 18);
        for (const QJsonValue &value : checks) {
            const QJsonObject check = value.toObject();
            QVERIFY(!check.value(QLatin1String("id")).toString().isEmpty());
            QVERIFY(QStringList({QStringLiteral("pass"), QStringLiteral("warn"), QStringLiteral("fail")})
                        .contains(check.value(QLatin1String("status")).toString()));
            QVERIFY(check.contains(QLatin1String("message")));
        }
        const QByteArray key = sim.endpoint(ServerRole::Old).apiKey.toUtf8();
        QVERIFY(!r.out.contains(key) && !r.err.contains(key));
    }

    void checkGoesThroughTheProxyGiven()
    {
        TinyProxyFixture proxy;
        QVERIFY2(proxy.start(), qPrintable(proxy.error));
        OctoSimFixture sim;
        QVERIFY(sim.start());
        setKeys(sim);
        const Run r = run(&runCheck, pairArguments(sim) << QStringLiteral("--proxy") << proxy.url());
        QVERIFY2(r.code == 0, r.out.constData());
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            const QUrl url = sim.endpoint(role).url;
            const QByteArray request = "GET http://" + url.host().toUtf8() + ':' +
                                       QByteArray::number(url.port()) + "/api/serverstatus/health";
            QTRY_VERIFY2(proxy.log().contains(request), proxy.log().constData());
        }
        const QByteArray key = sim.endpoint(ServerRole::Old).apiKey.toUtf8();
        QVERIFY(!r.out.contains(key) && !r.err.contains(key) && !proxy.log().contains(key));
    }

    void tricklingServerEndsWithinTheTimeoutBound()
    {
        // Every answer of the old server trickles in at 64 bytes a second: without a deadline `check` would
        // wait minutes. A call ends within 4 x --timeout, retries included.
        octosim::Options options;
        options.faults.append(OctoSimFixture::fault(QStringLiteral("old"), QStringLiteral("/api.*"),
                                                    QStringLiteral("slow"), QStringLiteral("64")));
        OctoSimFixture sim;
        QVERIFY(sim.start(options));
        setKeys(sim);
        QStringList arguments = pairArguments(sim);
        arguments.last() = QStringLiteral("2"); // --timeout 2
        QElapsedTimer clock;
        clock.start();
        const Run r = run(&runCheck, arguments << QStringLiteral("--json"));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(r.code, 3);
        // 4 x --timeout, plus slack for starting the simulator and the verb.
        QVERIFY2(elapsed < 4 * 2000 + 4000, qPrintable(QString::number(elapsed)));
        const QJsonObject old =
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("old")).toObject();
        QVERIFY(!old.value(QLatin1String("reachable")).toBool());
        QVERIFY2(old.value(QLatin1String("error")).toObject().value(QLatin1String("kind")).toString() ==
                     QLatin1String("timeout"),
                 r.out.constData());
    }

    void unresetCloneExitsThree()
    {
        octosim::Options options;
        options.unresetClone = true;
        OctoSimFixture sim;
        QVERIFY(sim.start(options));
        setKeys(sim);
        const Run r = run(&runCheck, pairArguments(sim));
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.contains("FAIL   installation-id-differs"), r.out.constData());
    }

    void unreachableServerExitsThreeNamingItsUrl()
    {
        OctoSimFixture sim;
        QVERIFY(sim.start());
        setKeys(sim);
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        const QString dead = QStringLiteral("http://127.0.0.1:%1").arg(port);
        QStringList arguments = pairArguments(sim);
        arguments[1] = dead;
        const Run r = run(&runCheck, arguments << QStringLiteral("--json"));
        QCOMPARE(r.code, 3);
        const QJsonObject old =
            QJsonDocument::fromJson(r.out).object().value(QLatin1String("old")).toObject();
        QVERIFY(!old.value(QLatin1String("reachable")).toBool());
        QVERIFY2(old.value(QLatin1String("error"))
                     .toObject()
                     .value(QLatin1String("message"))
                     .toString()
                     .contains(dead),
                 r.out.constData());
    }

    void trustFingerprintLetsASelfSignedServerThrough_data()
    {
        QTest::addColumn<bool>("trust");
        QTest::newRow("with --trust-fingerprint") << true;
        QTest::newRow("without") << false;
    }
    void trustFingerprintLetsASelfSignedServerThrough()
    {
        QFETCH(bool, trust);
        octosim::Options options;
        options.tls = true;
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        setKeys(sim);
        QStringList arguments = pairArguments(sim);
        if (trust) {
            // One in display form, lower case with colons; the other as plain hex.
            arguments
                << QStringLiteral("--trust-fingerprint")
                << CertificateInfo::displayFingerprint(sim.endpoint(ServerRole::Old).thumbprint).toLower()
                << QStringLiteral("--trust-fingerprint") << sim.endpoint(ServerRole::New).thumbprint;
        }
        const Run r = run(&runCheck, arguments);
        if (trust) {
            QVERIFY2(r.code == 0, r.out.constData());
        } else {
            QCOMPARE(r.code, 3);
            QVERIFY2(r.out.contains("--trust-fingerprint"), r.out.constData());
        }
    }

    void inventoryVerbPrintsASnapshot()
    {
        OctoSimFixture sim;
        QVERIFY(sim.start());
        qputenv("HANDOVER_API_KEY", sim.endpoint(ServerRole::New).apiKey.toUtf8());
        const Run r =
            run(&runInventory, {QStringLiteral("--server"), sim.endpoint(ServerRole::New).url.toString(),
                                QStringLiteral("--json")});
        QCOMPARE(r.code, 0);
        const QJsonObject doc = QJsonDocument::fromJson(r.out).object();
        QVERIFY(doc.value(QLatin1String("counts")).toObject().value(QLatin1String("targets")).toInt() > 0);
        QVERIFY(doc.value(QLatin1String("errors")).toArray().isEmpty());
        QVERIFY(!r.out.contains(sim.endpoint(ServerRole::New).apiKey.toUtf8()));
        qunsetenv("HANDOVER_API_KEY");
        const Run missing =
            run(&runInventory, {QStringLiteral("--server"), sim.endpoint(ServerRole::New).url.toString()});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("HANDOVER_API_KEY"));
    }

    // A read-only key: one summarised warning per missing permission, with what it hides, instead of one
    // 403 error per user; exit 0 (the rest of the inventory is there).
    void inventoryWithAReadOnlyKeySummarisesWhatItCannotSee()
    {
        OctoSimFixture sim;
        QVERIFY(sim.start());
        qputenv("HANDOVER_API_KEY", sim.endpoint(ServerRole::Old).readOnlyApiKey.toUtf8());
        const Run r =
            run(&runInventory, {QStringLiteral("--server"), sim.endpoint(ServerRole::Old).url.toString()});
        qunsetenv("HANDOVER_API_KEY");
        QVERIFY2(r.code == 0, r.out.constData());
        QCOMPARE(r.out.count("error:"), 0);
        QCOMPARE(r.out.count("warning:"), 1);
        QVERIFY2(r.out.contains("lacks UserView: API-key metadata of "), r.out.constData());
        QVERIFY2(r.out.contains(" is hidden (GET /api/users/"), r.out.constData());
        QVERIFY(!r.out.contains(sim.endpoint(ServerRole::Old).readOnlyApiKey.toUtf8()));

        qputenv("HANDOVER_API_KEY", sim.endpoint(ServerRole::Old).readOnlyApiKey.toUtf8());
        const Run json =
            run(&runInventory, {QStringLiteral("--server"), sim.endpoint(ServerRole::Old).url.toString(),
                                QStringLiteral("--json")});
        qunsetenv("HANDOVER_API_KEY");
        const QJsonObject doc = QJsonDocument::fromJson(json.out).object();
        QVERIFY(doc.value(QLatin1String("errors")).toArray().isEmpty());
        const QJsonArray gaps = doc.value(QLatin1String("permissionGaps")).toArray();
        QCOMPARE(gaps.size(), 1);
        const QJsonObject gap = gaps.first().toObject();
        QCOMPARE(gap.value(QLatin1String("permission")).toString(), QStringLiteral("UserView"));
        QCOMPARE(gap.value(QLatin1String("hidden")).toString(), QStringLiteral("userApiKeys"));
        // Every user but the key's own: its own keys it may read.
        QCOMPARE(gap.value(QLatin1String("count")).toInt(),
                 doc.value(QLatin1String("counts")).toObject().value(QLatin1String("users")).toInt() - 1);
    }

    // A 403 on /api/spaces: the key cannot list spaces, said as such, not an empty inventory passed as whole.
    void inventoryWhereSpacesAreForbiddenSaysSo()
    {
        octosim::Options options;
        options.faults.append(OctoSimFixture::fault(QStringLiteral("old"), QStringLiteral("^/api/spaces"),
                                                    QStringLiteral("status"), QStringLiteral("403")));
        OctoSimFixture sim;
        QVERIFY(sim.start(options));
        qputenv("HANDOVER_API_KEY", sim.endpoint(ServerRole::Old).apiKey.toUtf8());
        const Run r =
            run(&runInventory, {QStringLiteral("--server"), sim.endpoint(ServerRole::Old).url.toString()});
        qunsetenv("HANDOVER_API_KEY");
        QCOMPARE(r.code, 3);
        QVERIFY2(r.out.contains("cannot list spaces"), r.out.constData());
        QVERIFY2(r.out.contains("/api/spaces"), r.out.constData());
        QVERIFY2(r.out.contains(sim.endpoint(ServerRole::Old).url.toString().toUtf8()), r.out.constData());
    }
};

QTEST_GUILESS_MAIN(TestCheckCli)
#include "tst_checkcli.moc"
