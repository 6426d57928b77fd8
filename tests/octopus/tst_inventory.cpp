// Inventory against octosim: both servers at once, counts that match the server's own counts, progress
// up to done == total, cancel, and a dead server ending the job early with a clear error.
#include "apijob.h"
#include "inventoryjob.h"
#include "networkcontext.h"
#include "octosimfixture.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>

class TestInventory : public QObject
{
    Q_OBJECT
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them
private Q_SLOTS:
    void bothServersAtOnceMatchTheirCounts()
    {
        OctoSimFixture sim;
        QVERIFY2(sim.start(), qPrintable(sim.error));
        OctopusClient oldClient(sim.settings(ServerRole::Old), &networkContext);
        OctopusClient newClient(sim.settings(ServerRole::New), &networkContext);
        auto *oldJob = new InventoryJob(&oldClient, this);
        auto *newJob = new InventoryJob(&newClient, this);
        QSignalSpy oldDone(oldJob, &InventoryJob::finished);
        QSignalSpy newDone(newJob, &InventoryJob::finished);
        QSignalSpy progress(oldJob, &InventoryJob::progress);
        oldJob->start();
        newJob->start();
        QTRY_VERIFY_WITH_TIMEOUT(oldDone.size() == 1 && newDone.size() == 1, 30000);
        for (QSignalSpy *spy : {&oldDone, &newDone}) {
            const InventorySnapshot snapshot = spy->first().first().value<InventorySnapshot>();
            QVERIFY2(snapshot.isComplete(),
                     snapshot.errors.isEmpty() ? "" : qPrintable(snapshot.errors.first().path));
            QVERIFY(!snapshot.version.isEmpty());
            QVERIFY(snapshot.takenAt.isValid());
            QVERIFY(!snapshot.spaces.isEmpty());
            const auto &server = snapshot.serverCounts;
            QVERIFY(!server.isEmpty());
            QCOMPARE(qint64(snapshot.spaces.size()), server.value(QStringLiteral("Global.Spaces")));
            QCOMPARE(qint64(snapshot.targets.size()),
                     server.value(QStringLiteral("Infrastructure.DeploymentTargets")));
            QCOMPARE(qint64(snapshot.workers.size()), server.value(QStringLiteral("Infrastructure.Workers")));
            QCOMPARE(qint64(snapshot.projects.size()), server.value(QStringLiteral("Project.Projects")));
            QCOMPARE(qint64(snapshot.tenants.size()), server.value(QStringLiteral("Infrastructure.Tenants")));
            QCOMPARE(qint64(snapshot.environments.size()),
                     server.value(QStringLiteral("Infrastructure.Environments")));
            QCOMPARE(qint64(snapshot.users.size()), server.value(QStringLiteral("Global.Users")));
            QVERIFY(!snapshot.buildInformation.isEmpty());
            QVERIFY(!snapshot.eventAgents.isEmpty());
            bool anyTentacle = false;
            for (const InventoryMachine &m : snapshot.targets)
                anyTentacle = anyTentacle || (m.communicationStyle.startsWith(QLatin1String("Tentacle")) &&
                                              !m.thumbprint.isEmpty());
            QVERIFY(anyTentacle);
            bool serviceWithKeys = false;
            for (const InventoryUser &u : snapshot.users)
                serviceWithKeys = serviceWithKeys || (u.isService && u.apiKeysKnown && !u.apiKeys.isEmpty());
            QVERIFY(serviceWithKeys);
            const QJsonObject json = snapshot.toJson();
            QCOMPARE(
                json.value(QLatin1String("counts")).toObject().value(QLatin1String("targets")).toInteger(),
                qint64(snapshot.targets.size()));
        }
        QVERIFY(progress.size() > 2);
        QCOMPARE(progress.last().at(0).toInt(), progress.last().at(1).toInt());
    }

    // The parts the CI evidence reads: the spaces (announced before their collections are asked for), the
    // users with the service accounts' keys and the build information; nothing else is asked for.
    void onlyThePartsAskedForAreRead()
    {
        OctoSimFixture sim;
        QVERIFY2(sim.start(), qPrintable(sim.error));
        OctopusClient client(sim.settings(ServerRole::Old), &networkContext);
        client.setPathRecording(true);
        auto *job = new InventoryJob(&client, this);
        job->setParts(InventoryJob::Users | InventoryJob::BuildInformation);
        job->setApiKeyScope(InventoryJob::ApiKeyScope::ServiceAccounts);
        QSignalSpy spaces(job, &InventoryJob::spacesRead);
        QSignalSpy done(job, &InventoryJob::finished);
        int pathsWhenSpacesRead = -1;
        connect(job, &InventoryJob::spacesRead, this,
                [&] { pathsWhenSpacesRead = int(client.recordedPaths().size()); });
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(done.size() == 1, 30000);
        const InventorySnapshot snapshot = done.first().first().value<InventorySnapshot>();
        QVERIFY(snapshot.isComplete());
        QCOMPARE(spaces.size(), 1);
        QCOMPARE(spaces.first().first().value<QList<InventorySpace>>().size(), snapshot.spaces.size());
        QVERIFY(!snapshot.spaces.isEmpty());
        QVERIFY(!snapshot.users.isEmpty());
        QVERIFY(!snapshot.buildInformation.isEmpty());
        QVERIFY(snapshot.targets.isEmpty() && snapshot.workers.isEmpty() && snapshot.projects.isEmpty());
        QVERIFY(snapshot.environments.isEmpty() && snapshot.tenants.isEmpty());
        QVERIFY(snapshot.eventAgents.isEmpty() && snapshot.serverCounts.isEmpty() &&
                snapshot.version.isEmpty());
        const QStringList paths = client.recordedPaths();
        // When the spaces were announced, no space's collection had been asked for yet.
        QVERIFY(pathsWhenSpacesRead > 0);
        for (const QString &path : paths.mid(0, pathsWhenSpacesRead))
            QVERIFY2(!path.contains(QLatin1String("/build-information")), qPrintable(path));
        for (const QString &path : paths) {
            const QString route = path.section(QLatin1Char('?'), 0, 0);
            QVERIFY2(route == QLatin1String("/api/spaces") || route == QLatin1String("/api/users") ||
                         (route.startsWith(QLatin1String("/api/users/")) &&
                          route.endsWith(QLatin1String("/apikeys"))) ||
                         route.endsWith(QLatin1String("/build-information")),
                     qPrintable(path));
        }
        for (const InventoryUser &u : snapshot.users)
            QCOMPARE(u.apiKeysKnown, u.isService);
    }

    // ServiceAccountType (users) and LastUsedTimeStamp (API keys) are missing on older servers, and
    // IsLastUsedTimestampKnown is false for keys older than the tracking: unknown, never "" or "never used".
    void fieldsOlderServersLackAreUnknown()
    {
        OctoSimFixture sim;
        QVERIFY2(sim.start(), qPrintable(sim.error));
        OctopusClient client(sim.settings(ServerRole::Old), &networkContext);
        auto *job = new InventoryJob(&client, this);
        QSignalSpy done(job, &InventoryJob::finished);
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(done.size() == 1, 30000);
        const InventorySnapshot snapshot = done.first().first().value<InventorySnapshot>();
        QVERIFY(snapshot.isComplete());
        // What the server said about every key, read directly.
        QHash<QString, QJsonObject> raw;
        for (const InventoryUser &u : snapshot.users) {
            if (!u.apiKeysKnown || u.apiKeys.isEmpty())
                continue;
            ApiJob *keys = client.get(QStringLiteral("/api/users/%1/apikeys?take=1000").arg(u.id));
            QSignalSpy answered(keys, &ApiJob::finished);
            QVERIFY(answered.wait(10000));
            for (const QJsonValue &k : answered.first()
                                           .first()
                                           .value<ApiResult>()
                                           .json.object()
                                           .value(QLatin1String("Items"))
                                           .toArray())
                raw.insert(k.toObject().value(QLatin1String("Id")).toString(), k.toObject());
        }
        int unknown = 0;
        int never = 0;
        const QJsonArray users = snapshot.toJson().value(QLatin1String("users")).toArray();
        for (const QJsonValue &value : users) {
            const QJsonObject user = value.toObject();
            // octosim, like servers before service-account types, sends no ServiceAccountType.
            QVERIFY2(user.value(QLatin1String("serviceAccountType")).isNull(),
                     qPrintable(user.value(QLatin1String("id")).toString()));
            for (const QJsonValue &k : user.value(QLatin1String("apiKeys")).toArray()) {
                const QJsonObject key = k.toObject();
                const QJsonObject server = raw.value(key.value(QLatin1String("id")).toString());
                QVERIFY(!server.isEmpty());
                const bool known = server.contains(QLatin1String("LastUsedTimeStamp")) &&
                                   server.value(QLatin1String("IsLastUsedTimestampKnown")).toBool(true);
                QCOMPARE(key.value(QLatin1String("lastUsedKnown")).toBool(!known), known);
                unknown += known ? 0 : 1;
                never += known && key.value(QLatin1String("lastUsed")).isNull() ? 1 : 0;
            }
        }
        QVERIFY(unknown > 0);
        QVERIFY(never > 0);
    }

    void cancelFinishesOnceWithCancelled()
    {
        octosim::Options options;
        options.faults.append(OctoSimFixture::fault(QStringLiteral("old"),
                                                    QStringLiteral("build-information"),
                                                    QStringLiteral("latency"), QStringLiteral("300")));
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        OctopusClient client(sim.settings(ServerRole::Old), &networkContext);
        auto *job = new InventoryJob(&client, this);
        QSignalSpy done(job, &InventoryJob::finished);
        QSignalSpy progress(job, &InventoryJob::progress);
        QSignalSpy destroyed(job, &QObject::destroyed);
        job->start();
        QTRY_VERIFY_WITH_TIMEOUT(progress.size() > 3, 10000);
        job->cancel();
        QCOMPARE(done.size(), 1);
        const InventorySnapshot snapshot = done.first().first().value<InventorySnapshot>();
        QVERIFY(!snapshot.isComplete());
        QCOMPARE(snapshot.errors.last().kind, ApiErrorKind::Cancelled);
        // The job deletes itself after finishing; once it is gone it cannot emit again, so "once" is checked
        // over its whole life. The delayed build-information answers then reach only abandoned requests.
        QTRY_COMPARE(destroyed.size(), 1);
        QCOMPARE(done.size(), 1);
    }

    void deadServerEndsTheJobEarly()
    {
        quint16 port = 0;
        {
            QTcpServer probe;
            QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
            port = probe.serverPort();
        }
        ConnectionSettings settings;
        settings.baseUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        settings.apiKey = QStringLiteral("API-NOPE");
        settings.retryBaseDelayMs = 5;
        settings.maxAttempts = 2;
        OctopusClient client(settings, &networkContext);
        auto *job = new InventoryJob(&client, this);
        QSignalSpy done(job, &InventoryJob::finished);
        job->start();
        QTRY_COMPARE_WITH_TIMEOUT(done.size(), 1, 10000);
        const InventorySnapshot snapshot = done.first().first().value<InventorySnapshot>();
        QVERIFY(!snapshot.isComplete());
        QCOMPARE(snapshot.errors.first().kind, ApiErrorKind::Unreachable);
    }
};

QTEST_GUILESS_MAIN(TestInventory)
#include "tst_inventory.moc"
