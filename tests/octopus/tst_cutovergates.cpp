// The cutover's server-side gates (CutoverGatesJob) against an in-process octosim pair over loopback: the
// old server's maintenance mode and task queue, callers still talking to it (drift activity and build
// information pushed in the window), where the public address answers (the new server's InstallationId, not
// the old one's), and whether what the cutover disabled on the clone is enabled again.
#include "cutoveractionjob.h"
#include "cutovergatesjob.h"
#include "networkcontext.h"
#include "octosimfixture.h"
#include "testpeer.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using Status = CutoverGate::Status;

class CutoverGatesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void gateIdsAreThePublicContract();
    void oldMaintenanceFollowsTheOldServer();
    void queueDrainedFailsWhileATaskIsActive();
    void nobodyTalkingFailsWhenAnIntegrationActs();
    void nobodyTalkingFailsOnBuildInformation();
    void dnsNewServerComparesInstallationIds();
    void thePublicAddressGetsNoApiKey();
    void cloneItemsReenabledFollowsTheRecordedList();
    void missingServersLeaveTheirGatesUnknown();

private:
    CutoverGatesJob::Result gates(OctopusClient *oldClient, OctopusClient *newClient,
                                  const CutoverGatesParameters &parameters = {});
    CutoverActionJob::Result act(OctopusClient *client, CutoverAction action,
                                 const std::function<void(CutoverActionJob &)> &setup = {});
    static Status status(const CutoverGatesJob::Result &result, const QString &id)
    {
        const CutoverGate *gate = result.gate(id);
        return gate ? gate->status : Status::Unknown;
    }
    static QString evidence(const CutoverGatesJob::Result &result, const QString &id)
    {
        const CutoverGate *gate = result.gate(id);
        return gate ? gate->evidence : QString();
    }
    NetworkContext m_network;
};

CutoverGatesJob::Result CutoverGatesTest::gates(OctopusClient *oldClient, OctopusClient *newClient,
                                                const CutoverGatesParameters &parameters)
{
    CutoverGatesJob job(oldClient, newClient, parameters);
    QSignalSpy finished(&job, &CutoverGatesJob::finished);
    job.start();
    if (!finished.wait(60000))
        return {};
    if (finished.count() != 1)
        return {};
    return finished.first().first().value<CutoverGatesJob::Result>();
}

CutoverActionJob::Result CutoverGatesTest::act(OctopusClient *client, CutoverAction action,
                                               const std::function<void(CutoverActionJob &)> &setup)
{
    CutoverActionJob job(client, action);
    if (setup)
        setup(job);
    QSignalSpy finished(&job, &CutoverActionJob::finished);
    job.start();
    if (!finished.wait(60000))
        return {};
    return finished.first().first().value<CutoverActionJob::Result>();
}

void CutoverGatesTest::gateIdsAreThePublicContract()
{
    QCOMPARE(CutoverGatesJob::gateIds(),
             QStringList({QStringLiteral("old-maintenance"), QStringLiteral("old-queue-drained"),
                          QStringLiteral("nobody-talking"), QStringLiteral("dns-new-server"),
                          QStringLiteral("clone-items-reenabled")}));
    CutoverGate gate;
    gate.id = QStringLiteral("old-maintenance");
    gate.status = Status::Fail;
    gate.evidence = QStringLiteral("seen");
    gate.checkedAt = QDateTime::currentDateTimeUtc();
    const QJsonObject json = gate.toJson();
    QCOMPARE(json.value(QLatin1String("status")).toString(), QStringLiteral("fail"));
    QVERIFY(json.value(QLatin1String("checkedAt")).toString().endsWith(QLatin1Char('Z')));
}

void CutoverGatesTest::oldMaintenanceFollowsTheOldServer()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient oldClient(sim.settings(ServerRole::Old), &m_network);
    OctopusClient newClient(sim.settings(ServerRole::New), &m_network);

    const CutoverGatesJob::Result before = gates(&oldClient, &newClient);
    QCOMPARE(before.gates.size(), 5);
    QCOMPARE(status(before, QStringLiteral("old-maintenance")), Status::Fail);

    QVERIFY(act(&oldClient, CutoverAction::MaintenanceOn).ok);
    const CutoverGatesJob::Result on = gates(&oldClient, &newClient);
    QCOMPARE(status(on, QStringLiteral("old-maintenance")), Status::Pass);
    QVERIFY(
        evidence(on, QStringLiteral("old-maintenance")).contains(oldClient.settings().baseUrl.toString()));
    QVERIFY(on.gate(QStringLiteral("old-maintenance"))->checkedAt.isValid());
    QCOMPARE(on.gate(QStringLiteral("old-maintenance"))->checkedAt.timeSpec(), Qt::UTC);

    QVERIFY(act(&oldClient, CutoverAction::MaintenanceOff).ok);
    QCOMPARE(status(gates(&oldClient, &newClient), QStringLiteral("old-maintenance")), Status::Fail);
}

void CutoverGatesTest::queueDrainedFailsWhileATaskIsActive()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient oldClient(sim.settings(ServerRole::Old), &m_network);

    QCOMPARE(status(gates(&oldClient, nullptr), QStringLiteral("old-queue-drained")), Status::Pass);

    // A task on the old server (octosim runs it: Queued, then Executing for two seconds, then Success).
    const CutoverActionJob::Result queued =
        act(&oldClient, CutoverAction::QueueTentacleUpgrade, [](CutoverActionJob &job) {
            job.setAllowOldServer(true);
            job.setEnvironment(QStringLiteral("Spaces-1"), QStringLiteral("Environments-1"));
        });
    QVERIFY(queued.ok);
    const CutoverGatesJob::Result busy = gates(&oldClient, nullptr);
    QCOMPARE(status(busy, QStringLiteral("old-queue-drained")), Status::Fail);
    QVERIFY2(evidence(busy, QStringLiteral("old-queue-drained")).contains(queued.taskId),
             qPrintable(evidence(busy, QStringLiteral("old-queue-drained"))));

    // Once the task has run, the queue is drained again.
    QTRY_COMPARE_WITH_TIMEOUT(status(gates(&oldClient, nullptr), QStringLiteral("old-queue-drained")),
                              Status::Pass, 15000);
}

void CutoverGatesTest::nobodyTalkingFailsWhenAnIntegrationActs()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient oldClient(sim.settings(ServerRole::Old), &m_network);
    CutoverGatesParameters parameters;
    parameters.quietMinutes = 1; // the generated history ends a minute before midnight UTC

    // Handover's own calls (maintenance mode just now) are not callers.
    QVERIFY(act(&oldClient, CutoverAction::MaintenanceOn).ok);
    const CutoverGatesJob::Result quiet = gates(&oldClient, nullptr, parameters);
    QCOMPARE(status(quiet, QStringLiteral("nobody-talking")), Status::Pass);

    QVERIFY(sim.server->driftOldInstance(6) > 0);
    const CutoverGatesJob::Result talking = gates(&oldClient, nullptr, parameters);
    QCOMPARE(status(talking, QStringLiteral("nobody-talking")), Status::Fail);
    QVERIFY(evidence(talking, QStringLiteral("nobody-talking")).contains(QLatin1String("called by")));
}

void CutoverGatesTest::nobodyTalkingFailsOnBuildInformation()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient oldClient(sim.settings(ServerRole::Old), &m_network);
    CutoverGatesParameters parameters;
    parameters.quietMinutes = 1;
    QCOMPARE(status(gates(&oldClient, nullptr, parameters), QStringLiteral("nobody-talking")), Status::Pass);

    // A CI server pushes build information (the plug-ins' body: PackageId, Version, OctopusBuildInformation).
    ApiRequest push;
    push.method = "POST";
    push.path = QStringLiteral("/api/Spaces-1/build-information");
    push.body =
        QJsonDocument(
            QJsonObject{{QStringLiteral("PackageId"), QStringLiteral("Acme.Cutover.Probe")},
                        {QStringLiteral("Version"), QStringLiteral("9.9.9")},
                        {QStringLiteral("OctopusBuildInformation"),
                         QJsonObject{{QStringLiteral("BuildEnvironment"), QStringLiteral("TeamCity")}}}})
            .toJson(QJsonDocument::Compact);
    ApiJob *job = oldClient.send(push);
    QSignalSpy pushed(job, &ApiJob::finished);
    QVERIFY(pushed.wait(20000));
    QVERIFY(pushed.first().first().value<ApiResult>().ok());

    const CutoverGatesJob::Result talking = gates(&oldClient, nullptr, parameters);
    QCOMPARE(status(talking, QStringLiteral("nobody-talking")), Status::Fail);
    QVERIFY2(
        evidence(talking, QStringLiteral("nobody-talking")).contains(QLatin1String("Acme.Cutover.Probe")),
        qPrintable(evidence(talking, QStringLiteral("nobody-talking"))));
}

void CutoverGatesTest::dnsNewServerComparesInstallationIds()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient oldClient(sim.settings(ServerRole::Old), &m_network);
    OctopusClient newClient(sim.settings(ServerRole::New), &m_network);

    CutoverGatesParameters parameters;
    const CutoverGatesJob::Result none = gates(&oldClient, &newClient, parameters);
    QCOMPARE(status(none, QStringLiteral("dns-new-server")), Status::Unknown);

    const auto installationId = [this](OctopusClient &client) {
        ApiJob *job = client.get(QStringLiteral("/api"));
        QSignalSpy finished(job, &ApiJob::finished);
        return finished.wait(20000) ? finished.first()
                                          .first()
                                          .value<ApiResult>()
                                          .json.object()
                                          .value(QLatin1String("InstallationId"))
                                          .toString()
                                    : QString();
    };
    const QString oldId = installationId(oldClient);
    const QString newId = installationId(newClient);
    QVERIFY(!oldId.isEmpty() && !newId.isEmpty() && oldId != newId);

    parameters.publicUrl = sim.endpoint(ServerRole::New).url;
    const CutoverGatesJob::Result atNew = gates(&oldClient, &newClient, parameters);
    QCOMPARE(status(atNew, QStringLiteral("dns-new-server")), Status::Pass);
    QVERIFY(evidence(atNew, QStringLiteral("dns-new-server")).contains(newId));
    QVERIFY(evidence(atNew, QStringLiteral("dns-new-server")).contains(oldId));

    parameters.publicUrl = sim.endpoint(ServerRole::Old).url;
    const CutoverGatesJob::Result atOld = gates(&oldClient, &newClient, parameters);
    QCOMPARE(status(atOld, QStringLiteral("dns-new-server")), Status::Fail);
    QVERIFY(evidence(atOld, QStringLiteral("dns-new-server")).contains(oldId));

    // Nothing answers there.
    parameters.publicUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    QCOMPARE(status(gates(&oldClient, &newClient, parameters), QStringLiteral("dns-new-server")),
             Status::Fail);
}

void CutoverGatesTest::thePublicAddressGetsNoApiKey()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient oldClient(sim.settings(ServerRole::Old), &m_network);
    OctopusClient newClient(sim.settings(ServerRole::New), &m_network);
    ApiJob *root = newClient.get(QStringLiteral("/api"));
    QSignalSpy answered(root, &ApiJob::finished);
    QVERIFY(answered.wait(20000));
    const QByteArray newRoot =
        answered.first().first().value<ApiResult>().json.toJson(QJsonDocument::Compact);

    // Another host in front of the new server (a load balancer, a reverse proxy) answers the DNS name.
    TestPeer front([newRoot](const PeerRequest &) { return PeerResponse::json(200, newRoot); });
    QVERIFY(front.listenPlain());
    CutoverGatesParameters parameters;
    parameters.publicUrl = front.url();
    const CutoverGatesJob::Result result = gates(&oldClient, &newClient, parameters);
    QCOMPARE(status(result, QStringLiteral("dns-new-server")), Status::Pass);
    QCOMPARE(front.requests.size(), 1);
    QCOMPARE(front.requests.first().target, QByteArray("/api"));
    QVERIFY(!front.requests.first().headers.contains("x-octopus-apikey"));
    QVERIFY(!front.requests.first().raw.contains(sim.endpoint(ServerRole::New).apiKey.toUtf8()));
}

void CutoverGatesTest::cloneItemsReenabledFollowsTheRecordedList()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient oldClient(sim.settings(ServerRole::Old), &m_network);
    OctopusClient newClient(sim.settings(ServerRole::New), &m_network);

    QCOMPARE(status(gates(&oldClient, &newClient), QStringLiteral("clone-items-reenabled")), Status::Pass);

    const CutoverActionJob::Result disabled = act(&newClient, CutoverAction::DisableCloneItems);
    QVERIFY(disabled.ok);
    QVERIFY(!disabled.items.isEmpty());
    CutoverGatesParameters parameters;
    parameters.disabledItems = disabled.items;
    const CutoverGatesJob::Result stillDisabled = gates(&oldClient, &newClient, parameters);
    QCOMPARE(status(stillDisabled, QStringLiteral("clone-items-reenabled")), Status::Fail);
    QVERIFY(
        evidence(stillDisabled, QStringLiteral("clone-items-reenabled")).contains(disabled.items.first().id));

    const CutoverActionJob::Result reenabled =
        act(&newClient, CutoverAction::ReenableCloneItems,
            [&disabled](CutoverActionJob &job) { job.setItems(disabled.items); });
    QVERIFY(reenabled.ok);
    QCOMPARE(status(gates(&oldClient, &newClient, parameters), QStringLiteral("clone-items-reenabled")),
             Status::Pass);
}

void CutoverGatesTest::missingServersLeaveTheirGatesUnknown()
{
    CutoverGatesParameters parameters;
    parameters.publicUrl = QUrl(QStringLiteral("http://127.0.0.1:1"));
    parameters.disabledItems = {{CutoverItem::Kind::Worker, QStringLiteral("Spaces-1"),
                                 QStringLiteral("Workers-1"), QStringLiteral("w1")}};
    const CutoverGatesJob::Result result = gates(nullptr, nullptr, parameters);
    QCOMPARE(result.gates.size(), 5);
    for (const CutoverGate &gate : result.gates) {
        QCOMPARE(gate.status, Status::Unknown);
        QVERIFY(!gate.evidence.isEmpty());
        QVERIFY(gate.checkedAt.isValid());
    }
    QVERIFY(!result.allPass());
}

QTEST_GUILESS_MAIN(CutoverGatesTest)
#include "tst_cutovergates.moc"
