// `bin/handover drift` as a user runs it (QProcess) against an in-process octosim pair (a fresh pair per
// test), keys through the environment: the JSON contract and exit codes, the clone time detected from both
// servers' events (or given), drift growing while the old instance changes (octosim's drift control and
// --drift-per-minute), the clone's own changes counted apart, the state crossing its thresholds, usage
// errors, and no key in any output.
#include "octosimfixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestDriftCli : public QObject
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
                      QStringList{QStringLiteral("drift")} + arguments);
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
                QStringLiteral("--new"), sim.endpoint(ServerRole::New).url.toString(),
                QStringLiteral("--json")};
    }

    void verifyNoKey(const Run &run)
    {
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            QVERIFY(!run.out.contains(sim.endpoint(role).apiKey.toUtf8()));
            QVERIFY(!run.err.contains(sim.endpoint(role).apiKey.toUtf8()));
        }
    }

    QNetworkReply *request(ServerRole role, const QString &path, bool post)
    {
        QNetworkRequest r(QUrl(sim.endpoint(role).url.toString() + path));
        r.setRawHeader("X-Octopus-ApiKey", sim.endpoint(role).apiKey.toUtf8());
        QNetworkReply *reply = post ? nam.post(r, QByteArray()) : nam.get(r);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        reply->deleteLater();
        return reply;
    }

    // Applies `count` drift changes on one instance (octosim's control: releases, deployments, process and
    // variable edits, packages, each with its event).
    bool drift(ServerRole role, int count)
    {
        QNetworkReply *reply = request(role, QStringLiteral("/octosim/drift?count=%1").arg(count), true);
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    QJsonObject newestEvent(ServerRole role)
    {
        QNetworkReply *reply = request(role, QStringLiteral("/api/events?take=1&includeSystem=true"), false);
        return QJsonDocument::fromJson(reply->readAll())
            .object()
            .value(QLatin1String("Items"))
            .toArray()
            .first()
            .toObject();
    }

    static int count(const QJsonObject &json, const char *key)
    {
        return json.value(QLatin1String(key)).toInt(-1);
    }

private Q_SLOTS:
    void init() { QVERIFY2(sim.start(), qPrintable(sim.error)); }
    void cleanup() { sim.server.reset(); }

    void freshCloneHasNoDriftAndItsCloneTimeIsDetected()
    {
        const QJsonObject newest = newestEvent(ServerRole::New);
        QVERIFY(!newest.isEmpty());
        const Run run = handover(servers());
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run);
        const QJsonObject json = run.json();
        for (const char *key : {"cloneTime", "cloneTimeSource", "changesSinceClone", "changesOnClone",
                                "byCategory", "state", "objects"})
            QVERIFY2(json.contains(QLatin1String(key)), key);
        QCOMPARE(json.value(QLatin1String("cloneTimeSource")).toString(), QStringLiteral("detected"));
        // The newest event both servers hold: the clone's newest, as nothing happened since.
        QCOMPARE(
            QDateTime::fromString(json.value(QLatin1String("cloneTime")).toString(), Qt::ISODateWithMs),
            QDateTime::fromString(newest.value(QLatin1String("Occurred")).toString(), Qt::ISODateWithMs));
        QCOMPARE(count(json, "changesSinceClone"), 0);
        QCOMPARE(count(json, "changesOnClone"), 0);
        QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("green"));
        QVERIFY(json.value(QLatin1String("objects")).toArray().isEmpty());
    }

    void driftGrowsWhileTheOldServerChangesAndTheClonesChangesCountApart()
    {
        const QDateTime cloneTime = QDateTime::fromString(
            newestEvent(ServerRole::Old).value(QLatin1String("Occurred")).toString(), Qt::ISODateWithMs);
        QVERIFY(drift(ServerRole::Old, 10));
        Run run = handover(servers());
        QVERIFY2(run.code == 0, run.err.constData());
        QJsonObject json = run.json();
        const int first = count(json, "changesSinceClone");
        QVERIFY2(first >= 10, run.out.constData()); // a deployment adds its release's event too
        QCOMPARE(count(json, "changesOnClone"), 0);
        QCOMPARE(QDateTime::fromString(json.value(QLatin1String("cloneTime")).toString(), Qt::ISODateWithMs),
                 cloneTime);
        int byCategory = 0;
        for (const QJsonValue &v : json.value(QLatin1String("byCategory")).toObject())
            byCategory += v.toInt();
        QCOMPARE(byCategory, first);
        // The objects by id (a clone keeps ids), newest first, with their kind and name.
        const QJsonArray objects = json.value(QLatin1String("objects")).toArray();
        QVERIFY(!objects.isEmpty());
        QString previous;
        for (const QJsonValue &v : objects) {
            const QJsonObject o = v.toObject();
            QVERIFY(!o.value(QLatin1String("id")).toString().isEmpty());
            QVERIFY(QStringList({QStringLiteral("release"), QStringLiteral("deployment"),
                                 QStringLiteral("deploymentProcess"), QStringLiteral("variables"),
                                 QStringLiteral("package"), QStringLiteral("buildInformation")})
                        .contains(o.value(QLatin1String("kind")).toString()));
            const QString changed = o.value(QLatin1String("lastChanged")).toString();
            QVERIFY(previous.isEmpty() || changed <= previous);
            previous = changed;
        }

        QVERIFY(drift(ServerRole::Old, 5));
        run = handover(servers());
        QVERIFY2(run.code == 0, run.err.constData());
        const int second = count(run.json(), "changesSinceClone");
        QVERIFY2(second >= first + 5, run.out.constData());

        // Changes made on the clone are counted apart and do not move the clone time.
        QVERIFY(drift(ServerRole::New, 3));
        run = handover(servers());
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run);
        json = run.json();
        QCOMPARE(count(json, "changesSinceClone"), second);
        QVERIFY2(count(json, "changesOnClone") >= 3, run.out.constData());
        QCOMPARE(json.value(QLatin1String("cloneTimeSource")).toString(), QStringLiteral("detected"));
        QCOMPARE(QDateTime::fromString(json.value(QLatin1String("cloneTime")).toString(), Qt::ISODateWithMs),
                 cloneTime);
        QVERIFY(!json.value(QLatin1String("onClone"))
                     .toObject()
                     .value(QLatin1String("objects"))
                     .toArray()
                     .isEmpty());
    }

    void stateCrossesItsThresholds()
    {
        QVERIFY(drift(ServerRole::Old, 20));
        Run run = handover(servers());
        QVERIFY2(run.code == 0, run.err.constData());
        const int structural = count(run.json(), "structuralChanges");
        QVERIFY2(structural > 0, run.out.constData());
        QCOMPARE(run.json().value(QLatin1String("state")).toString(), QStringLiteral("green"));

        // Process and variable edits above the threshold: red before the clone is old.
        run = handover(servers() + QStringList{QStringLiteral("--structural-threshold"),
                                               QString::number(structural - 1)});
        QCOMPARE(run.code, 3);
        QCOMPARE(run.json().value(QLatin1String("state")).toString(), QStringLiteral("red"));
        QVERIFY(!run.json().value(QLatin1String("advice")).toString().isEmpty());

        // A clone time given by the lead: amber at 4 days, red at 8; the inherited history is not drift.
        const QString fourDaysAgo = QDateTime::currentDateTimeUtc().addDays(-4).toString(Qt::ISODate);
        run = handover(servers() + QStringList{QStringLiteral("--since"), fourDaysAgo});
        QCOMPARE(run.code, 3);
        QJsonObject json = run.json();
        QCOMPARE(json.value(QLatin1String("cloneTimeSource")).toString(), QStringLiteral("given"));
        QCOMPARE(json.value(QLatin1String("state")).toString(), QStringLiteral("amber"));
        const int sinceGiven = count(json, "changesSinceClone");
        QVERIFY2(sinceGiven >= 20, run.out.constData());
        QCOMPARE(count(json, "changesOnClone"), 0);
        run = handover(servers() +
                       QStringList{QStringLiteral("--since"),
                                   QDateTime::currentDateTimeUtc().addDays(-8).toString(Qt::ISODate)});
        QCOMPARE(run.code, 3);
        QCOMPARE(run.json().value(QLatin1String("state")).toString(), QStringLiteral("red"));
        QCOMPARE(count(run.json(), "changesOnClone"), 0);
    }

    void driftPerMinuteKeepsTheOldServerChanging()
    {
        octosim::Options options;
        options.driftPerMinute = 1200; // one change every 50 ms
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        const int first = count(handover(servers()).json(), "changesSinceClone");
        QVERIFY(first >= 0);
        QTRY_VERIFY_WITH_TIMEOUT(count(handover(servers()).json(), "changesSinceClone") > first, 30000);
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no servers") << QStringList{};
        QTest::newRow("bad since") << QStringList{QStringLiteral("--since"), QStringLiteral("yesterday")};
        QTest::newRow("bad threshold") << QStringList{QStringLiteral("--red-days"), QStringLiteral("-1")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = handover(arguments.isEmpty() ? arguments : servers() + arguments);
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("Usage: handover drift"));
    }
};

QTEST_MAIN(TestDriftCli)
#include "tst_driftcli.moc"
