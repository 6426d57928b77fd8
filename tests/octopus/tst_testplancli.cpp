// `bin/handover testplan` as a user runs it (QProcess) against an in-process octosim pair (a fresh pair per
// test), keys through the environment: the JSON contract (rows with id, title, why, owner, status), the
// deployments of the window counted as the old server lists them (read here straight from the server), a
// difference planted on the old server found by the counts comparison, the CSV and Markdown forms, usage
// errors, and no key in any output.
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
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

} // namespace

class TestTestPlanCli : public QObject
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
                      QStringList{QStringLiteral("testplan")} + arguments);
        // octosim answers from this thread's event loop: wait with the loop running.
        if (!finished.wait(60000))
            process.kill();
        Run run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QStringList servers(const QString &format = QStringLiteral("--json")) const
    {
        return {QStringLiteral("--old"), sim.endpoint(ServerRole::Old).url.toString(),
                QStringLiteral("--new"), sim.endpoint(ServerRole::New).url.toString(), format};
    }

    void verifyNoKey(const Run &run)
    {
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            QVERIFY(!run.out.contains(sim.endpoint(role).apiKey.toUtf8()));
            QVERIFY(!run.err.contains(sim.endpoint(role).apiKey.toUtf8()));
        }
    }

    QByteArray get(const QString &path)
    {
        QNetworkRequest r(QUrl(sim.endpoint(ServerRole::Old).url.toString() + path));
        r.setRawHeader("X-Octopus-ApiKey", sim.endpoint(ServerRole::Old).apiKey.toUtf8());
        QNetworkReply *reply = nam.get(r);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(20000);
        reply->deleteLater();
        return reply->readAll();
    }

    bool driftOld(int count)
    {
        QNetworkRequest r(QUrl(sim.endpoint(ServerRole::Old).url.toString() +
                               QStringLiteral("/octosim/drift?count=%1").arg(count)));
        r.setRawHeader("X-Octopus-ApiKey", sim.endpoint(ServerRole::Old).apiKey.toUtf8());
        QNetworkReply *reply = nam.post(r, QByteArray());
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(20000);
        reply->deleteLater();
        return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 200;
    }

    // Deployments the old server lists (every space) created at or after `from`.
    int deploymentsSince(const QDateTime &from)
    {
        int n = 0;
        for (const QJsonValue &space :
             QJsonDocument::fromJson(get(QStringLiteral("/api/spaces/all"))).array()) {
            const QString sid = space.toObject().value(QLatin1String("Id")).toString();
            const QJsonArray items =
                QJsonDocument::fromJson(get(QStringLiteral("/api/%1/deployments?take=1000000").arg(sid)))
                    .object()
                    .value(QLatin1String("Items"))
                    .toArray();
            for (const QJsonValue &d : items) {
                const QDateTime created = QDateTime::fromString(
                    d.toObject().value(QLatin1String("Created")).toString(), Qt::ISODateWithMs);
                n += created >= from ? 1 : 0;
            }
        }
        return n;
    }

private Q_SLOTS:
    void init() { QVERIFY2(sim.start(), qPrintable(sim.error)); }
    void cleanup() { sim.server.reset(); }

    void jsonRowsFollowTheContract()
    {
        const QDateTime before = QDateTime::currentDateTimeUtc();
        const Run run = handover(servers());
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run);
        const QJsonObject json = run.json();
        const QJsonArray rows = json.value(QLatin1String("rows")).toArray();
        QVERIFY(rows.size() >= 5);
        QSet<QString> ids;
        bool smoke = false;
        for (const QJsonValue &value : rows) {
            const QJsonObject row = value.toObject();
            for (const char *key : {"id", "title", "why", "owner", "status"})
                QVERIFY2(row.value(QLatin1String(key)).isString(), key);
            QCOMPARE(row.value(QLatin1String("status")).toString(), QStringLiteral("untested"));
            QVERIFY(!row.value(QLatin1String("title")).toString().isEmpty());
            const QString id = row.value(QLatin1String("id")).toString();
            QVERIFY2(!ids.contains(id), qPrintable(id));
            ids.insert(id);
            smoke = smoke || id.startsWith(QLatin1String("smoke:"));
        }
        QVERIFY(smoke);
        // A fresh clone: every count the same on both servers.
        const QJsonArray comparisons = json.value(QLatin1String("comparisons")).toArray();
        QVERIFY(comparisons.size() >= 5);
        for (const QJsonValue &c : comparisons)
            QVERIFY2(!c.toObject().value(QLatin1String("differs")).toBool(),
                     qPrintable(c.toObject().value(QLatin1String("key")).toString()));
        // The deployments of the window, as the server lists them.
        const int listed = deploymentsSince(before.addDays(-90));
        QVERIFY(listed > 0);
        QCOMPARE(json.value(QLatin1String("usage")).toObject().value(QLatin1String("deployments")).toInt(),
                 listed);
        // The step templates the projects' processes run (Octopus.Action.Template.Id), with their use.
        int usedTemplates = 0;
        for (const QJsonValue &t :
             json.value(QLatin1String("usage")).toObject().value(QLatin1String("stepTemplates")).toArray()) {
            const QJsonObject use = t.toObject();
            QVERIFY(use.value(QLatin1String("id")).toString().startsWith(QLatin1String("ActionTemplates-")));
            if (use.value(QLatin1String("projects")).toInt() > 0) {
                ++usedTemplates;
                QVERIFY(use.value(QLatin1String("deployments")).toInt() >= 0);
            }
        }
        QVERIFY(usedTemplates >= 2);
        // A shorter window counts fewer (or as many) deployments.
        const Run week = handover(servers() << QStringLiteral("--days") << QStringLiteral("7"));
        QVERIFY2(week.code == 0, week.err.constData());
        const int weekCount = week.json()
                                  .value(QLatin1String("usage"))
                                  .toObject()
                                  .value(QLatin1String("deployments"))
                                  .toInt(-1);
        QVERIFY(weekCount >= 0 && weekCount <= listed);
        QCOMPARE(weekCount, deploymentsSince(QDateTime::currentDateTimeUtc().addDays(-7)));
    }

    void plantedDifferenceIsFound()
    {
        QVERIFY(driftOld(25));
        const Run run = handover(servers());
        QVERIFY2(run.code == 0, run.err.constData());
        QStringList differing;
        for (const QJsonValue &value : run.json().value(QLatin1String("comparisons")).toArray()) {
            const QJsonObject c = value.toObject();
            if (!c.value(QLatin1String("differs")).toBool())
                continue;
            differing << c.value(QLatin1String("key")).toString();
            QVERIFY(c.value(QLatin1String("old")).toInteger() > c.value(QLatin1String("new")).toInteger());
        }
        QVERIFY2(differing.contains(QStringLiteral("Project.Deployments")) ||
                     differing.contains(QStringLiteral("Project.Releases")),
                 qPrintable(differing.join(QLatin1Char(','))));
    }

    void csvAndMarkdown()
    {
        const Run csv = handover(servers(QStringLiteral("--csv")));
        QVERIFY2(csv.code == 0, csv.err.constData());
        verifyNoKey(csv);
        QVERIFY(csv.out.startsWith(
            "id,kind,title,why,evidence,evidenceUrl,owner,status,notes,changedAt,stale\r\n"));
        QVERIFY(csv.out.contains("smoke:"));
        const Run md = handover(servers(QStringLiteral("--md")));
        QVERIFY2(md.code == 0, md.err.constData());
        QVERIFY(md.out.startsWith("# Test plan"));
        QVERIFY(md.out.contains("- [ ] Smoke deployment"));
        QVERIFY(md.out.contains("## Counts on both servers"));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no --new") << QStringList{QStringLiteral("--old"),
                                                 QStringLiteral("http://127.0.0.1:1")};
        QTest::newRow("two formats") << QStringList{QStringLiteral("--old"),  QStringLiteral("http://a"),
                                                    QStringLiteral("--new"),  QStringLiteral("http://b"),
                                                    QStringLiteral("--json"), QStringLiteral("--md")};
        QTest::newRow("days 0") << QStringList{QStringLiteral("--old"),  QStringLiteral("http://a"),
                                               QStringLiteral("--new"),  QStringLiteral("http://b"),
                                               QStringLiteral("--days"), QStringLiteral("0")};
        QTest::newRow("stray argument") << QStringList{QStringLiteral("extra")};
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = handover(arguments);
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("Usage: handover testplan"));
        QVERIFY(run.out.isEmpty());
    }
};

QTEST_MAIN(TestTestPlanCli)
#include "tst_testplancli.moc"
