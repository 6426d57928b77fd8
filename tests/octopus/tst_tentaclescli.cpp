// `bin/handover tentacles` as a user runs it (QProcess) against an in-process octosim pair, keys through
// the environment: the JSON contract, polling machines only (checked against octosim's own API), CSV,
// --scripts, usage errors, an unusable server, and that the keys appear in no output or file.
#include "octosimfixture.h"

#include <QDir>
#include <QDirIterator>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSet>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

} // namespace

class TestTentaclesCli : public QObject
{
    Q_OBJECT
private:
    OctoSimFixture sim;
    QNetworkAccessManager nam;

    Run handover(const QStringList &arguments, bool withKeys = true)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HANDOVER_OLD_API_KEY"));
        env.remove(QStringLiteral("HANDOVER_NEW_API_KEY"));
        if (withKeys) {
            env.insert(QStringLiteral("HANDOVER_OLD_API_KEY"), sim.endpoint(ServerRole::Old).apiKey);
            env.insert(QStringLiteral("HANDOVER_NEW_API_KEY"), sim.endpoint(ServerRole::New).apiKey);
        }
        // No keychain in tests: without a session bus the lookup falls through quickly.
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(HANDOVER_BIN_DIR "/handover"),
                      QStringList{QStringLiteral("tentacles")} + arguments);
        // octosim answers from this thread's event loop: wait with the loop running.
        if (!finished.wait(60000))
            process.kill();
        Run run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QJsonDocument api(ServerRole role, const QString &path)
    {
        QNetworkRequest request(QUrl(sim.endpoint(role).url.toString() + path));
        request.setRawHeader("X-Octopus-ApiKey", sim.endpoint(role).apiKey.toUtf8());
        QNetworkReply *reply = nam.get(request);
        QSignalSpy done(reply, &QNetworkReply::finished);
        if (!reply->isFinished())
            done.wait(10000);
        reply->deleteLater();
        return QJsonDocument::fromJson(reply->readAll());
    }

    // Polling machine ids on the old server, read through octosim's API.
    QSet<QString> pollingIdsFromApi()
    {
        QSet<QString> ids;
        for (const QJsonValue &space : api(ServerRole::Old, QStringLiteral("/api/spaces/all")).array()) {
            const QString spaceId = space.toObject().value(QLatin1String("Id")).toString();
            for (const QString &collection : {QStringLiteral("machines"), QStringLiteral("workers")}) {
                const QJsonArray machines =
                    api(ServerRole::Old, QStringLiteral("/api/%1/%2/all").arg(spaceId, collection)).array();
                for (const QJsonValue &machine : machines) {
                    const QJsonObject m = machine.toObject();
                    if (m.value(QLatin1String("Endpoint"))
                            .toObject()
                            .value(QLatin1String("CommunicationStyle")) == QLatin1String("TentacleActive"))
                        ids.insert(m.value(QLatin1String("Id")).toString());
                }
            }
        }
        return ids;
    }

    void verifyNoKey(const QByteArray &text)
    {
        QVERIFY(!text.contains(sim.endpoint(ServerRole::Old).apiKey.toUtf8()));
        QVERIFY(!text.contains(sim.endpoint(ServerRole::New).apiKey.toUtf8()));
        QVERIFY(!text.contains(sim.endpoint(ServerRole::Old).readOnlyApiKey.toUtf8()));
    }

    QStringList servers() const
    {
        return {QStringLiteral("--old"), sim.endpoint(ServerRole::Old).url.toString(),
                QStringLiteral("--new"), sim.endpoint(ServerRole::New).url.toString()};
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(sim.start(), qPrintable(sim.error)); }

    void jsonListsExactlyThePollingMachines()
    {
        const Run run = handover(servers() + QStringList{QStringLiteral("--new-host"),
                                                         QStringLiteral("octopus-new.example.com"),
                                                         QStringLiteral("--json")});
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run.out);
        verifyNoKey(run.err);
        QJsonParseError error;
        const QJsonDocument document = QJsonDocument::fromJson(run.out, &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(document.isObject());
        QCOMPARE(document.object().keys(), QStringList{QStringLiteral("targets")});
        const QJsonArray targets = document.object().value(QLatin1String("targets")).toArray();
        QSet<QString> ids;
        const QStringList expectedKeys{QStringLiteral("commands"), QStringLiteral("environments"),
                                       QStringLiteral("id"),       QStringLiteral("kind"),
                                       QStringLiteral("name"),     QStringLiteral("roles"),
                                       QStringLiteral("spaceId"),  QStringLiteral("tentacleVersion")};
        bool sawWorker = false;
        for (const QJsonValue &value : targets) {
            const QJsonObject t = value.toObject();
            QCOMPARE(t.keys(), expectedKeys);
            ids.insert(t.value(QLatin1String("id")).toString());
            const QString kind = t.value(QLatin1String("kind")).toString();
            QVERIFY(kind == QLatin1String("target") || kind == QLatin1String("worker"));
            sawWorker = sawWorker || kind == QLatin1String("worker");
            QVERIFY(t.value(QLatin1String("environments")).isArray());
            QVERIFY(t.value(QLatin1String("roles")).isArray());
            QVERIFY(t.value(QLatin1String("spaceId")).toString().startsWith(QLatin1String("Spaces-")));
            const QJsonObject commands = t.value(QLatin1String("commands")).toObject();
            QCOMPARE(commands.keys(), (QStringList{QStringLiteral("linux"), QStringLiteral("windows")}));
            const QString version = t.value(QLatin1String("tentacleVersion")).toString();
            const bool modern = version.startsWith(QLatin1String("8.1"));
            const QString windows = commands.value(QLatin1String("windows")).toString();
            const QString linux = commands.value(QLatin1String("linux")).toString();
            QVERIFY(windows.contains(QLatin1String("Tentacle.exe")));
            QVERIFY(linux.contains(QLatin1String("/opt/octopus/tentacle/Tentacle")));
            for (const QString &text : {windows, linux}) {
                QCOMPARE(text.contains(QLatin1String("--reuse-server-thumbprint")), modern);
                QCOMPARE(text.contains(QLatin1String("server-comms --instance")), !modern);
                QVERIFY(text.contains(QLatin1String("octopus-new.example.com")));
                QVERIFY(text.contains(QLatin1String("--restart")));
            }
        }
        QVERIFY(sawWorker);
        QVERIFY(!ids.isEmpty());
        QCOMPARE(ids, pollingIdsFromApi());
    }

    void csvHasOneRowPerPollingMachine()
    {
        const Run run =
            handover(servers() + QStringList{QStringLiteral("--new-host"), QStringLiteral("new.example.com"),
                                             QStringLiteral("--csv")});
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run.out);
        const QList<QByteArray> rows = run.out.trimmed().split('\n');
        QVERIFY(rows.first().startsWith("id,name,space,kind,os,tentacleVersion,method"));
        QCOMPARE(rows.size() - 1, pollingIdsFromApi().size());
    }

    void scriptsFolderGetsOneScriptPerMachine()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("scripts"));
        const Run run =
            handover(servers() + QStringList{QStringLiteral("--new-host"), QStringLiteral("new.example.com"),
                                             QStringLiteral("--scripts"), folder});
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run.out);
        verifyNoKey(run.err);
        const QSet<QString> expected = pollingIdsFromApi();
        QSet<QString> seen;
        QDirIterator it(folder, QDir::Files);
        while (it.hasNext()) {
            const QString path = it.next();
            const QString name = it.fileName();
            QVERIFY(name.endsWith(QLatin1String(".ps1")) || name.endsWith(QLatin1String(".sh")));
            seen.insert(name.section(QLatin1Char('_'), 0, 0));
            QFile file(path);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QByteArray text = file.readAll();
            verifyNoKey(text);
            QVERIFY(text.contains("new.example.com"));
            if (name.endsWith(QLatin1String(".sh")))
                QVERIFY(QFileInfo(path).isExecutable());
        }
        QCOMPARE(seen, expected);
    }

    void usageErrorsExitTwo_data()
    {
        QTest::addColumn<QStringList>("arguments");
        QTest::newRow("no new-host") << QStringList{};
        QTest::newRow("bad host") << QStringList{QStringLiteral("--new-host"), QStringLiteral("a b/c")};
        QTest::newRow("host with port")
            << QStringList{QStringLiteral("--new-host"), QStringLiteral("x.example.com:443")};
        QTest::newRow("json and csv")
            << QStringList{QStringLiteral("--new-host"), QStringLiteral("x.example.com"),
                           QStringLiteral("--json"), QStringLiteral("--csv")};
        QTest::newRow("bad port") << QStringList{QStringLiteral("--new-host"),
                                                 QStringLiteral("x.example.com"),
                                                 QStringLiteral("--polling-port"), QStringLiteral("0")};
        QTest::newRow("unknown option") << QStringList{QStringLiteral("--api-key"), QStringLiteral("API-X")};
    }
    void usageErrorsExitTwo()
    {
        QFETCH(QStringList, arguments);
        const Run run = handover(servers() + arguments);
        QCOMPARE(run.code, 2);
        QVERIFY(run.out.isEmpty());
        QVERIFY(run.err.contains("Usage: handover tentacles"));
    }

    void missingKeyExitsTwo()
    {
        const Run run = handover(
            servers() + QStringList{QStringLiteral("--new-host"), QStringLiteral("x.example.com")}, false);
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("HANDOVER_OLD_API_KEY") || run.err.contains("API key"));
    }

    void unreachableServerExitsThree()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        const Run run = handover({QStringLiteral("--old"), QStringLiteral("http://127.0.0.1:%1").arg(port),
                                  QStringLiteral("--new"), sim.endpoint(ServerRole::New).url.toString(),
                                  QStringLiteral("--new-host"), QStringLiteral("x.example.com"),
                                  QStringLiteral("--timeout"), QStringLiteral("3")});
        QCOMPARE(run.code, 3);
        QVERIFY(run.out.isEmpty());
        verifyNoKey(run.err);
    }
};

QTEST_MAIN(TestTentaclesCli)
#include "tst_tentaclescli.moc"
