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
#include <QVersionNumber>

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

    // Polling machine ids on the old server, read through octosim's API: polling Tentacles and Kubernetes
    // agents in polling mode. `unknownOs` gets those that report OperatingSystem "Unknown".
    QSet<QString> pollingIdsFromApi(QSet<QString> *unknownOs = nullptr)
    {
        QSet<QString> ids;
        for (const QJsonValue &space : api(ServerRole::Old, QStringLiteral("/api/spaces/all")).array()) {
            const QString spaceId = space.toObject().value(QLatin1String("Id")).toString();
            for (const QString &collection : {QStringLiteral("machines"), QStringLiteral("workers")}) {
                const QJsonArray machines =
                    api(ServerRole::Old, QStringLiteral("/api/%1/%2/all").arg(spaceId, collection)).array();
                for (const QJsonValue &machine : machines) {
                    const QJsonObject m = machine.toObject();
                    const QJsonObject endpoint = m.value(QLatin1String("Endpoint")).toObject();
                    const QString style = endpoint.value(QLatin1String("CommunicationStyle")).toString();
                    const bool agentPolls =
                        style == QLatin1String("KubernetesTentacle") &&
                        endpoint.value(QLatin1String("TentacleEndpointConfiguration"))
                                .toObject()
                                .value(QLatin1String("CommunicationMode")) == QLatin1String("Polling");
                    if (style != QLatin1String("TentacleActive") && !agentPolls)
                        continue;
                    ids.insert(m.value(QLatin1String("Id")).toString());
                    if (unknownOs && m.value(QLatin1String("OperatingSystem")) == QLatin1String("Unknown"))
                        unknownOs->insert(m.value(QLatin1String("Id")).toString());
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
        QSet<QString> unknownOs;
        const QStringList expectedKeys{QStringLiteral("cleanup"),      QStringLiteral("cleanupNote"),
                                       QStringLiteral("commands"),     QStringLiteral("communicationStyle"),
                                       QStringLiteral("environments"), QStringLiteral("id"),
                                       QStringLiteral("kind"),         QStringLiteral("name"),
                                       QStringLiteral("os"),           QStringLiteral("roles"),
                                       QStringLiteral("spaceId"),      QStringLiteral("tentacleVersion")};
        QStringList withKubernetes = QStringList(expectedKeys) << QStringLiteral("kubernetes");
        withKubernetes.sort();
        bool sawWorker = false;
        int helm = 0;
        int helmNull = 0;
        int cleanups = 0;
        int notes = 0;
        QSet<QString> unknownInJson;
        for (const QJsonValue &value : targets) {
            const QJsonObject t = value.toObject();
            const bool agent =
                t.value(QLatin1String("communicationStyle")) == QLatin1String("KubernetesTentacle");
            QCOMPARE(t.keys(), agent ? withKubernetes : expectedKeys);
            ids.insert(t.value(QLatin1String("id")).toString());
            sawWorker = sawWorker || t.value(QLatin1String("kind")) == QLatin1String("worker");
            const QString os = t.value(QLatin1String("os")).toString();
            QVERIFY2(os == QLatin1String("windows") || os == QLatin1String("linux") ||
                         os == QLatin1String("unknown"),
                     qPrintable(os));
            if (os == QLatin1String("unknown"))
                unknownInJson.insert(t.value(QLatin1String("id")).toString());
            const QString version = t.value(QLatin1String("tentacleVersion")).toString();
            // --reuse-server-thumbprint and clear-trusted-servers --keep: 8.1.1713 and later.
            const bool modern = QVersionNumber::fromString(version) >= QVersionNumber(8, 1, 1713);
            const QJsonValue note = t.value(QLatin1String("cleanupNote"));
            const QJsonValue cleanup = t.value(QLatin1String("cleanup"));
            QCOMPARE(cleanup.isNull(), !modern);
            QCOMPARE(note.isNull(), modern);
            cleanups += modern ? 1 : 0;
            notes += modern ? 0 : 1;
            if (!modern)
                QVERIFY(note.toString().contains(QLatin1String("8.1.1713")));
            if (agent) {
                const QJsonObject commands = t.value(QLatin1String("commands")).toObject();
                QCOMPARE(commands.keys(), QStringList{QStringLiteral("helm")});
                const QJsonObject kubernetes = t.value(QLatin1String("kubernetes")).toObject();
                if (!modern) {
                    QVERIFY(commands.value(QLatin1String("helm")).isNull());
                    ++helmNull;
                    continue;
                }
                ++helm;
                const QString command = commands.value(QLatin1String("helm")).toString();
                QVERIFY2(
                    command.startsWith(
                        QStringLiteral(
                            "helm upgrade '%1' oci://registry-1.docker.io/octopusdeploy/kubernetes-agent "
                            "--namespace '%2' --reuse-values --version '%3'")
                            .arg(kubernetes.value(QLatin1String("helmReleaseName")).toString(),
                                 kubernetes.value(QLatin1String("namespace")).toString(),
                                 kubernetes.value(QLatin1String("agentVersion")).toString())),
                    qPrintable(command));
                QVERIFY(command.contains(QLatin1String("'agent.serverCommsAddresses={https://127.0.0.1:10943/"
                                                       ",https://octopus-new.example.com:10943/}'")));
                QVERIFY(command.contains(
                    QLatin1String(" --set 'agent.serverUrl=https://octopus-new.example.com/' ")));
                QCOMPARE(cleanup.toObject().keys(), QStringList{QStringLiteral("helm")});
                QVERIFY(cleanup.toObject()
                            .value(QLatin1String("helm"))
                            .toString()
                            .contains(QLatin1String(
                                "'agent.serverCommsAddress=https://octopus-new.example.com:10943/' --set "
                                "'agent.serverCommsAddresses={}'")));
                continue;
            }
            if (modern) {
                const QJsonObject c = cleanup.toObject();
                QCOMPARE(c.keys(), (QStringList{QStringLiteral("linux"), QStringLiteral("windows")}));
                for (const QString &key : c.keys()) {
                    const QString text = c.value(key).toString();
                    QVERIFY2(text.contains(QLatin1String("clear-trusted-servers --instance 'Tentacle' --keep "
                                                         "'https://octopus-new.example.com:10943/'")),
                             qPrintable(text));
                    QVERIFY(text.contains(QLatin1String("--restart")));
                    QVERIFY(!text.contains(QLatin1String("remove-trust")));
                }
            }
            ids.insert(t.value(QLatin1String("id")).toString());
            const QString kind = t.value(QLatin1String("kind")).toString();
            QVERIFY(kind == QLatin1String("target") || kind == QLatin1String("worker"));
            sawWorker = sawWorker || kind == QLatin1String("worker");
            QVERIFY(t.value(QLatin1String("environments")).isArray());
            QVERIFY(t.value(QLatin1String("roles")).isArray());
            QVERIFY(t.value(QLatin1String("spaceId")).toString().startsWith(QLatin1String("Spaces-")));
            const QJsonObject commands = t.value(QLatin1String("commands")).toObject();
            QCOMPARE(commands.keys(), (QStringList{QStringLiteral("linux"), QStringLiteral("windows")}));
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
        QCOMPARE(ids, pollingIdsFromApi(&unknownOs));
        QCOMPARE(unknownInJson, unknownOs);
        // octosim's demo data has each kind the contract distinguishes.
        QVERIFY(!unknownOs.isEmpty());
        QVERIFY(helm > 0);
        QVERIFY(helmNull > 0);
        QVERIFY(cleanups > 0);
        QVERIFY(notes > 0);
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
        QVERIFY(rows.first().trimmed().endsWith(",command,cleanup,cleanupNote"));
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
        int afterCutover = 0;
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
            // A Kubernetes agent too old for the helm re-point gets its note instead of a command.
            QVERIFY2(text.contains("new.example.com") || text.contains("Upgrade the agent first"),
                     qPrintable(name));
            if (name.contains(QLatin1String(".after-cutover.")))
                ++afterCutover;
            if (name.endsWith(QLatin1String(".sh"))) {
                QVERIFY(QFileInfo(path).isExecutable());
                QProcess bash;
                bash.start(QStringLiteral("bash"), {QStringLiteral("-n"), path});
                QVERIFY(bash.waitForFinished(5000));
                QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
            }
        }
        QCOMPARE(seen, expected);
        QVERIFY(afterCutover > 0);
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
