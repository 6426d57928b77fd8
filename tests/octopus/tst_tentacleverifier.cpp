// TentacleVerifier and UpgradeLockJob against an in-process octosim pair: a re-pointed polling Tentacle
// answers the clone's health check (pending -> verified), one that was not stays unreached, cancel finishes
// once, status-only mode, workers, and the upgrade lock written with PUT.
#include "apijob.h"
#include "networkcontext.h"
#include "octosimfixture.h"
#include "tentacleverifier.h"
#include "upgradelockjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>
#include <QTimer>

Q_DECLARE_METATYPE(QList<TentacleVerifyResult>)

class TestTentacleVerifier : public QObject
{
    Q_OBJECT
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them
private:
    OctoSimFixture sim;
    std::unique_ptr<OctopusClient> newClient;

    ApiResult call(const ApiRequest &request)
    {
        ApiJob *job = newClient->send(request);
        QSignalSpy spy(job, &ApiJob::finished);
        if (!spy.wait(10000))
            return {};
        return spy.first().first().value<ApiResult>();
    }

    ApiResult get(const QString &path)
    {
        ApiRequest request;
        request.path = path;
        return call(request);
    }

    // Polling machines on the clone, in the default space: {id, isWorker}.
    QList<TentacleVerifyTarget> pollingOnClone()
    {
        QList<TentacleVerifyTarget> list;
        for (const QString &collection : {QStringLiteral("machines"), QStringLiteral("workers")}) {
            const ApiResult result = get(QStringLiteral("/api/Spaces-1/%1/all").arg(collection));
            for (const QJsonValue &value : result.json.array()) {
                const QJsonObject m = value.toObject();
                if (m.value(QLatin1String("Endpoint"))
                        .toObject()
                        .value(QLatin1String("CommunicationStyle")) == QLatin1String("TentacleActive"))
                    list.append({m.value(QLatin1String("Id")).toString(), QStringLiteral("Spaces-1"),
                                 collection == QLatin1String("workers"), QDateTime()});
            }
        }
        return list;
    }

    void repoint(const QStringList &ids)
    {
        ApiRequest request;
        request.method = "POST";
        request.path = QStringLiteral("/octosim/control/repoint");
        request.body =
            QJsonDocument(QJsonObject{{QStringLiteral("MachineIds"), QJsonArray::fromStringList(ids)}})
                .toJson(QJsonDocument::Compact);
        QVERIFY(call(request).ok());
    }

    QHash<QString, TentacleVerifyResult> runVerifier(const QList<TentacleVerifyTarget> &targets,
                                                     bool healthCheck, ApiError *error)
    {
        TentacleVerifier verifier(newClient.get());
        verifier.setPollIntervalMs(100);
        verifier.setRunHealthCheck(healthCheck);
        QSignalSpy finished(&verifier, &TentacleVerifier::finished);
        QSignalSpy checked(&verifier, &TentacleVerifier::machineChecked);
        verifier.start(targets);
        QHash<QString, TentacleVerifyResult> results;
        if (!finished.wait(20000))
            return results;
        if (finished.size() != 1)
            return {};
        *error = finished.first().at(1).value<ApiError>();
        for (const TentacleVerifyResult &r : finished.first().first().value<QList<TentacleVerifyResult>>())
            results.insert(r.id, r);
        if (checked.size() != targets.size())
            return {};
        return results;
    }

private Q_SLOTS:
    void initTestCase()
    {
        qRegisterMetaType<TentacleVerifyResult>();
        qRegisterMetaType<QList<TentacleVerifyResult>>();
        QVERIFY2(sim.start(), qPrintable(sim.error));
        newClient = std::make_unique<OctopusClient>(sim.settings(ServerRole::New), &networkContext);
    }
    void cleanupTestCase() { newClient.reset(); }

    // A clone holds the HealthStatus its database had: the old server's polling Tentacles read Healthy there
    // although none has dialled the clone. Without a health check after the mark, that is not evidence.
    void clonedHealthIsNotEvidenceWithoutAHealthCheck()
    {
        const QList<TentacleVerifyTarget> polling = pollingOnClone();
        QVERIFY(polling.size() >= 4);
        QList<TentacleVerifyTarget> targets = polling.mid(2, 2);
        for (TentacleVerifyTarget &t : targets)
            t.repointedAt = QDateTime::currentDateTimeUtc();
        ApiError error;
        const auto results = runVerifier(targets, false, &error);
        QVERIFY(!error.isError());
        QCOMPARE(results.size(), 2);
        int clonedHealthy = 0;
        for (const TentacleVerifyResult &r : results) {
            clonedHealthy += r.healthStatus == QLatin1String("Healthy") ? 1 : 0;
            QVERIFY2(!r.verified, qPrintable(r.id));
            QVERIFY(r.stale);
            QVERIFY(!r.healthCheckedAt.isValid());
        }
        QVERIFY(clonedHealthy > 0); // the cloned value, which the old client took as verified
    }

    void repointedMachinesBecomeVerified()
    {
        const QList<TentacleVerifyTarget> polling = pollingOnClone();
        QVERIFY(polling.size() >= 4);
        ApiError error;
        const QStringList repointed{polling.at(0).id, polling.at(1).id};
        repoint(repointed);
        const auto results = runVerifier(polling, true, &error);
        QVERIFY(!error.isError());
        QCOMPARE(results.size(), polling.size());
        for (const TentacleVerifyTarget &target : polling) {
            const TentacleVerifyResult r = results.value(target.id);
            QVERIFY(r.checkedAt.isValid());
            QVERIFY(!r.error.isError());
            if (repointed.contains(target.id)) {
                QVERIFY2(r.verified, qPrintable(target.id));
                QVERIFY(!r.stale);
                QVERIFY(r.healthCheckedAt.isValid());
                QCOMPARE(r.healthStatus, QStringLiteral("Healthy"));
            } else {
                QVERIFY2(!r.verified, qPrintable(target.id));
                QCOMPARE(r.healthStatus, QStringLiteral("Unavailable"));
            }
        }
    }

    // Health checks skip disabled machines: one that was re-pointed but is disabled on the new server is
    // reported as such, never verified from its old status.
    void disabledMachineIsSkippedNotVerified()
    {
        const QList<TentacleVerifyTarget> polling = pollingOnClone();
        QVERIFY(polling.size() >= 5);
        TentacleVerifyTarget target = polling.at(4);
        target.repointedAt = QDateTime::currentDateTimeUtc();
        ApiRequest disable;
        disable.method = "PUT";
        disable.path =
            QStringLiteral("/api/Spaces-1/%1/%2")
                .arg(target.isWorker ? QStringLiteral("workers") : QStringLiteral("machines"), target.id);
        disable.body = "{\"IsDisabled\":true}";
        QVERIFY(call(disable).ok());
        repoint({target.id});
        ApiError error;
        const auto results = runVerifier({target}, true, &error);
        QVERIFY(!error.isError());
        const TentacleVerifyResult r = results.value(target.id);
        QVERIFY(r.disabled);
        QVERIFY(!r.verified);
        QVERIFY(!r.error.isError());
    }

    // "Verify all" on a big space: the ids go out in batches whose request line stays under Kestrel's 8 KB
    // (octosim answers longer ones 414 like Kestrel), instead of one URL that fails the whole space.
    void manyMachinesAreReadInBatchesUnderTheRequestLineLimit()
    {
        QList<TentacleVerifyTarget> targets;
        for (int i = 0; i < 700; ++i)
            targets.append({QStringLiteral("Machines-%1").arg(500000 + i), QStringLiteral("Spaces-1"), false,
                            QDateTime()});
        newClient->setPathRecording(true);
        ApiError error;
        const auto results = runVerifier(targets, false, &error);
        const QStringList paths = newClient->recordedPaths();
        newClient->setPathRecording(false);
        QVERIFY2(!error.isError(),
                 qPrintable(error.path.left(80) + QLatin1Char(' ') + QString::number(error.status)));
        QCOMPARE(results.size(), targets.size());
        for (const TentacleVerifyResult &r : results)
            QCOMPARE(r.error.kind, ApiErrorKind::NotFound);
        int reads = 0;
        for (const QString &path : paths) {
            if (!path.contains(QLatin1String("/machines/all")))
                continue;
            ++reads;
            QVERIFY2(path.toUtf8().size() < 6 * 1024, qPrintable(QString::number(path.size())));
        }
        QVERIFY(reads >= 2);
    }

    void workersAreCheckedThroughTheirOwnCollection()
    {
        QList<TentacleVerifyTarget> workers;
        for (const TentacleVerifyTarget &t : pollingOnClone()) {
            if (t.isWorker)
                workers.append(t);
        }
        if (workers.isEmpty())
            QSKIP("no polling worker in the default space of this data set");
        repoint({workers.first().id});
        ApiError error;
        const auto results = runVerifier({workers.first()}, true, &error);
        QVERIFY(!error.isError());
        QVERIFY(results.value(workers.first().id).verified);
    }

    void unknownMachineIsReportedNotFound()
    {
        ApiError error;
        const auto results =
            runVerifier({{QStringLiteral("Machines-999999"), QStringLiteral("Spaces-1"), false, QDateTime()}},
                        false, &error);
        QCOMPARE(results.size(), 1);
        QCOMPARE(results.begin()->error.kind, ApiErrorKind::NotFound);
        QVERIFY(!results.begin()->verified);
    }

    void cancelFinishesOnceWithCancelled()
    {
        TentacleVerifier verifier(newClient.get());
        verifier.setPollIntervalMs(100);
        QSignalSpy finished(&verifier, &TentacleVerifier::finished);
        newClient->setPathRecording(true);
        verifier.start(pollingOnClone());
        QVERIFY(verifier.isRunning());
        // Cancel once the health-check task has been asked for, so there is a task to abandon.
        QTRY_VERIFY(newClient->recordedPaths().join(QLatin1Char(' ')).contains(QLatin1String("/tasks")));
        newClient->setPathRecording(false);
        verifier.cancel();
        QCOMPARE(finished.size(), 1);
        QCOMPARE(finished.first().at(1).value<ApiError>().kind, ApiErrorKind::Cancelled);
        QVERIFY(!verifier.isRunning());
        verifier.cancel();
        // A poll left armed by the cancelled run would fire within one poll interval and then need one round
        // trip. A timer armed now for two intervals fires after it, and a request sent then is answered
        // after the stray poll's answer, so a second emission would have happened by then.
        QTimer later;
        later.setSingleShot(true);
        QSignalSpy fired(&later, &QTimer::timeout);
        later.start(2 * 100);
        QVERIFY(fired.wait(5000));
        ApiJob *followUp = newClient->get(QStringLiteral("/api"));
        QSignalSpy followUpDone(followUp, &ApiJob::finished);
        QVERIFY(followUpDone.wait(5000));
        QCOMPARE(finished.size(), 1);
    }

    void emptyListFinishesAtOnce()
    {
        TentacleVerifier verifier(newClient.get());
        QSignalSpy finished(&verifier, &TentacleVerifier::finished);
        verifier.start({});
        QVERIFY(finished.wait(2000));
        QCOMPARE(finished.size(), 1);
    }

    void upgradeLockIsWrittenWithPut()
    {
        const QList<TentacleVerifyTarget> polling = pollingOnClone();
        QVERIFY(!polling.isEmpty());
        const TentacleVerifyTarget target = polling.first();
        UpgradeLockJob job(newClient.get(), {{target.id, target.spaceId, target.isWorker}}, true);
        QSignalSpy finished(&job, &UpgradeLockJob::finished);
        job.start();
        QVERIFY(finished.wait(10000));
        QCOMPARE(finished.first().first().toStringList(), QStringList{target.id});
        QVERIFY(finished.first().at(1).value<QList<ApiError>>().isEmpty());
        const ApiResult after = get(
            QStringLiteral("/api/Spaces-1/%1/%2")
                .arg(target.isWorker ? QStringLiteral("workers") : QStringLiteral("machines"), target.id));
        QVERIFY(after.ok());
        const QJsonObject details = after.json.object()
                                        .value(QLatin1String("Endpoint"))
                                        .toObject()
                                        .value(QLatin1String("TentacleVersionDetails"))
                                        .toObject();
        QCOMPARE(details.value(QLatin1String("UpgradeLocked")).toBool(), true);
        // The rest of the machine is unchanged.
        QCOMPARE(after.json.object().value(QLatin1String("Id")).toString(), target.id);
        QVERIFY(!details.value(QLatin1String("Version")).toString().isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTentacleVerifier)
#include "tst_tentacleverifier.moc"
