// `bin/handover ci` as a user runs it (QProcess) against an in-process octosim pair, keys through the
// environment: the JSON contract, the systems octosim's CI activity comes from, that a fresh clone's
// inherited history is not evidence of the new server, that a build pushed to the new server the way the
// Jenkins plug-in pushes it moves that integration to "both", CSV, usage errors, and no key in any output.
#include "octosimfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestCiCli : public QObject
{
    Q_OBJECT
private:
    OctoSimFixture sim;
    QNetworkAccessManager nam;

    Run handover(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HANDOVER_OLD_API_KEY"), sim.endpoint(ServerRole::Old).apiKey);
        env.insert(QStringLiteral("HANDOVER_NEW_API_KEY"), sim.endpoint(ServerRole::New).apiKey);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(HANDOVER_BIN_DIR "/handover"),
                      QStringList{QStringLiteral("ci")} + arguments);
        // octosim answers from this thread's event loop: wait with the loop running.
        if (!finished.wait(60000))
            process.kill();
        Run run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QStringList servers() const
    {
        return {QStringLiteral("--old"), sim.endpoint(ServerRole::Old).url.toString(),
                QStringLiteral("--new"), sim.endpoint(ServerRole::New).url.toString()};
    }

    QJsonArray integrations(const Run &run)
    {
        return QJsonDocument::fromJson(run.out).object().value(QLatin1String("integrations")).toArray();
    }

    void verifyNoKey(const QByteArray &text)
    {
        QVERIFY(!text.contains(sim.endpoint(ServerRole::Old).apiKey.toUtf8()));
        QVERIFY(!text.contains(sim.endpoint(ServerRole::New).apiKey.toUtf8()));
    }

    int post(ServerRole role, const QString &path, const QByteArray &body, const QByteArray &userAgent)
    {
        QNetworkRequest request(QUrl(sim.endpoint(role).url.toString() + path));
        request.setRawHeader("X-Octopus-ApiKey", sim.endpoint(role).apiKey.toUtf8());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        request.setHeader(QNetworkRequest::UserAgentHeader, QString::fromLatin1(userAgent));
        QNetworkReply *reply = nam.post(request, body);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    }

    static QJsonObject row(const QJsonArray &rows, const QString &system)
    {
        for (const QJsonValue &value : rows) {
            if (value.toObject().value(QLatin1String("system")).toString() == system)
                return value.toObject();
        }
        return {};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(sim.start(), qPrintable(sim.error)); }

    void jsonGroupsTheOldServersCallersAndAFreshCloneHasNone()
    {
        const Run run = handover(servers() + QStringList{QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run.out);
        verifyNoKey(run.err);
        const QJsonArray rows = integrations(run);
        QVERIFY(rows.size() >= 5);
        QSet<QString> systems;
        QSet<QString> ids;
        for (const QJsonValue &value : rows) {
            const QJsonObject o = value.toObject();
            for (const char *field : {"id", "system", "location", "serviceAccount", "apiKeyPurpose",
                                      "lastSeenOld", "lastSeenNew", "status", "evidence"})
                QVERIFY2(o.contains(QLatin1String(field)), field);
            systems.insert(o.value(QLatin1String("system")).toString());
            ids.insert(o.value(QLatin1String("id")).toString());
            // The clone holds the old server's history, which is no evidence that anything calls the new one.
            QCOMPARE(o.value(QLatin1String("status")).toString(), QStringLiteral("old-only"));
            QVERIFY(o.value(QLatin1String("lastSeenNew")).isNull());
            QVERIFY(!o.value(QLatin1String("evidence")).toArray().isEmpty());
            for (const QJsonValue &e : o.value(QLatin1String("evidence")).toArray()) {
                const QJsonObject evidence = e.toObject();
                for (const char *field : {"kind", "detail", "time", "server"})
                    QVERIFY2(evidence.contains(QLatin1String(field)), field);
                QCOMPARE(evidence.value(QLatin1String("server")).toString(), QStringLiteral("old"));
            }
        }
        QCOMPARE(ids.size(), rows.size()); // ids are unique
        for (const QString &system :
             {QStringLiteral("Jenkins"), QStringLiteral("TeamCity"), QStringLiteral("Azure DevOps"),
              QStringLiteral("GitHub Actions"), QStringLiteral("Bamboo")})
            QVERIFY2(systems.contains(system), qPrintable(system));
        // The Jenkins row carries the account and key its events name.
        const QJsonObject jenkins = row(rows, QStringLiteral("Jenkins"));
        QCOMPARE(jenkins.value(QLatin1String("serviceAccount")).toString(), QStringLiteral("jenkins"));
        QCOMPARE(jenkins.value(QLatin1String("apiKeyPurpose")).toString(),
                 QStringLiteral("Jenkins deploy pipeline"));
        QVERIFY(!jenkins.value(QLatin1String("location")).toString().isEmpty());
    }

    void buildPushedToTheNewServerIsSeenThere()
    {
        Run run = handover(servers() + QStringList{QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject jenkins = row(integrations(run), QStringLiteral("Jenkins"));
        const QString location = jenkins.value(QLatin1String("location")).toString();
        QVERIFY(!location.isEmpty());
        // What the Jenkins plug-in sends: the build details nested in OctopusBuildInformation.
        const QByteArray body =
            QStringLiteral("{\"PackageId\":\"Acme.Handover.Test\",\"Version\":\"9.9.%1\","
                           "\"OctopusBuildInformation\":{\"BuildEnvironment\":\"Jenkins\","
                           "\"BuildNumber\":\"77\",\"BuildUrl\":\"https://%2/job/handover/77/\","
                           "\"VcsType\":\"Git\",\"Commits\":[]}}")
                .arg(QDateTime::currentMSecsSinceEpoch() % 100000)
                .arg(location)
                .toUtf8();
        QCOMPARE(post(ServerRole::New, QStringLiteral("/api/Spaces-1/build-information"), body,
                      "OctopusClient-dotnet/11.6.3644 (Linux 5.15; x64) Jenkins octo"),
                 201);
        run = handover(servers() + QStringList{QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        const QJsonObject moved = row(integrations(run), QStringLiteral("Jenkins"));
        QCOMPARE(moved.value(QLatin1String("location")).toString(), location);
        QCOMPARE(moved.value(QLatin1String("status")).toString(), QStringLiteral("both"));
        QVERIFY(!moved.value(QLatin1String("lastSeenNew")).isNull());
        bool newEvidence = false;
        for (const QJsonValue &e : moved.value(QLatin1String("evidence")).toArray())
            newEvidence |= e.toObject().value(QLatin1String("server")).toString() == QLatin1String("new");
        QVERIFY(newEvidence);
    }

    void csvHasAHeaderAndOneLinePerIntegration()
    {
        const Run json = handover(servers() + QStringList{QStringLiteral("--json")});
        const Run csv = handover(servers() + QStringList{QStringLiteral("--csv")});
        QVERIFY2(csv.code == 0, csv.err.constData());
        const QList<QByteArray> lines = csv.out.trimmed().split('\n');
        QVERIFY(lines.first().startsWith(
            "id,system,location,serviceAccount,apiKeyPurpose,lastSeenOld,lastSeenNew,"
            "status"));
        QCOMPARE(lines.size() - 1, integrations(json).size());
        verifyNoKey(csv.out);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no servers") << QStringList{QStringLiteral("--json")};
        QTest::newRow("bad since") << QStringList{
            QStringLiteral("--old"),   QStringLiteral("https://a.example"),
            QStringLiteral("--new"),   QStringLiteral("https://b.example"),
            QStringLiteral("--since"), QStringLiteral("last tuesday")};
        QTest::newRow("json and csv")
            << QStringList{QStringLiteral("--old"),  QStringLiteral("https://a.example"),
                           QStringLiteral("--new"),  QStringLiteral("https://b.example"),
                           QStringLiteral("--json"), QStringLiteral("--csv")};
    }

    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = handover(arguments);
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("Usage: handover ci"));
    }
};

QTEST_GUILESS_MAIN(TestCiCli)
#include "tst_cicli.moc"
