// The cutover's confirmed actions (CutoverActionJob) against an in-process octosim pair over loopback:
// maintenance mode switched on the old server and read back; refused on the new server without the rollback
// flag, with nothing sent; the clone's targets, workers, triggers and subscriptions disabled and exactly
// those enabled again (the clone as before, whole resources kept, the list through JSON); a Tentacle upgrade
// queued for one environment.
#include "cutoveractionjob.h"
#include "networkcontext.h"
#include "octosimfixture.h"
#include "pagedfetchjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

using Result = CutoverActionJob::Result;

class CutoverActionsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void maintenanceIsSwitchedOnTheOldServerAndReadBack();
    void maintenanceOnTheNewServerIsRefusedWithoutTheFlag();
    void cloneItemsAreRefusedOnTheOldServer();
    void disableThenReenableLeavesTheCloneAsBefore();
    void disabledListSurvivesJson_data();
    void disabledListSurvivesJson();
    void upgradeIsQueuedForOneEnvironment();
    void upgradeOnTheOldServerIsRefusedUnlessAllowed();
    void cancelFinishesOnce();

private:
    Result run(CutoverActionJob &job);
    QJsonObject getJson(OctopusClient &client, const QString &path);
    // Every target, worker, trigger and subscription of every space, by kind/space/id, as the server has it.
    QMap<QString, QJsonObject> cloneItems(OctopusClient &client);
    QJsonObject send(OctopusClient &client, const QByteArray &method, const QString &path,
                     const QJsonObject &body);
    NetworkContext m_network;
};

Result CutoverActionsTest::run(CutoverActionJob &job)
{
    QSignalSpy finished(&job, &CutoverActionJob::finished);
    job.start();
    if (!finished.wait(60000))
        return {};
    QTest::qWait(20); // a second finished() would be queued by now
    if (finished.count() != 1)
        return {};
    return finished.first().first().value<Result>();
}

QJsonObject CutoverActionsTest::getJson(OctopusClient &client, const QString &path)
{
    ApiJob *job = client.get(path);
    QSignalSpy finished(job, &ApiJob::finished);
    if (!finished.wait(20000))
        return {};
    return finished.first().first().value<ApiResult>().json.object();
}

QJsonObject CutoverActionsTest::send(OctopusClient &client, const QByteArray &method, const QString &path,
                                     const QJsonObject &body)
{
    ApiRequest request;
    request.method = method;
    request.path = path;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    ApiJob *job = client.send(request);
    QSignalSpy finished(job, &ApiJob::finished);
    if (!finished.wait(20000))
        return {};
    return finished.first().first().value<ApiResult>().json.object();
}

QMap<QString, QJsonObject> CutoverActionsTest::cloneItems(OctopusClient &client)
{
    QMap<QString, QJsonObject> items;
    QStringList spaces;
    for (const QJsonValue &space :
         getJson(client, QStringLiteral("/api/spaces?take=1000")).value(QLatin1String("Items")).toArray())
        spaces.append(space.toObject().value(QLatin1String("Id")).toString());
    for (const QString &space : std::as_const(spaces)) {
        for (const char *collection : {"machines", "workers", "projecttriggers", "subscriptions"}) {
            PagedFetchJob *job =
                client.fetchAll(QStringLiteral("/api/%1/%2").arg(space, QLatin1String(collection)));
            QSignalSpy finished(job, &PagedFetchJob::finished);
            job->start();
            if (!finished.wait(30000))
                return {};
            const PagedResult result = finished.first().first().value<PagedResult>();
            for (const QJsonArray &page : result.pages) {
                for (const QJsonValue &value : page) {
                    const QJsonObject o = value.toObject();
                    items.insert(
                        QStringLiteral("%1/%2/%3")
                            .arg(QLatin1String(collection), space, o.value(QLatin1String("Id")).toString()),
                        o);
                }
            }
        }
    }
    return items;
}

void CutoverActionsTest::maintenanceIsSwitchedOnTheOldServerAndReadBack()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient client(sim.settings(ServerRole::Old), &m_network);
    QCOMPARE(getJson(client, QStringLiteral("/api/maintenanceconfiguration"))
                 .value(QLatin1String("IsInMaintenanceMode"))
                 .toBool(true),
             false);

    CutoverActionJob on(&client, CutoverAction::MaintenanceOn);
    const Result onResult = run(on);
    QVERIFY(onResult.ok);
    QCOMPARE(onResult.maintenance, std::optional<bool>(true));
    QCOMPARE(onResult.server, std::optional<ServerRole>(ServerRole::Old));
    QCOMPARE(onResult.serverUrl, sim.endpoint(ServerRole::Old).url);
    QCOMPARE(onResult.calls.size(), 2);
    QCOMPARE(onResult.calls.at(0).method, QByteArray("PUT"));
    QCOMPARE(onResult.calls.at(0).path, QStringLiteral("/api/maintenanceconfiguration"));
    QCOMPARE(onResult.calls.at(0).status, 200);
    QCOMPARE(onResult.calls.at(1).method, QByteArray("GET"));
    QVERIFY(!onResult.maintenanceModifiedBy.isEmpty());
    QVERIFY(onResult.maintenanceModifiedOn.isValid());
    // The server says so to anyone who asks, not only to the job.
    QCOMPARE(getJson(client, QStringLiteral("/api/serverstatus")).value(QLatin1String("IsInMaintenanceMode")),
             QJsonValue(true));
    // No key in what the journal keeps.
    const QByteArray json = QJsonDocument(onResult.toJson()).toJson();
    QVERIFY(!json.contains(sim.endpoint(ServerRole::Old).apiKey.toUtf8()));

    CutoverActionJob off(&client, CutoverAction::MaintenanceOff);
    const Result offResult = run(off);
    QVERIFY(offResult.ok);
    QCOMPARE(offResult.maintenance, std::optional<bool>(false));
    QCOMPARE(getJson(client, QStringLiteral("/api/maintenanceconfiguration"))
                 .value(QLatin1String("IsInMaintenanceMode")),
             QJsonValue(false));
}

void CutoverActionsTest::maintenanceOnTheNewServerIsRefusedWithoutTheFlag()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient client(sim.settings(ServerRole::New), &m_network);
    client.setPathRecording(true);

    CutoverActionJob refused(&client, CutoverAction::MaintenanceOn);
    const Result result = run(refused);
    QVERIFY(!result.ok);
    QCOMPARE(result.refusal, CutoverActionJob::Refusal::NewServerNotAllowed);
    QVERIFY(!result.refusalText.isEmpty());
    QVERIFY(result.calls.isEmpty());
    QCOMPARE(client.recordedPaths(), QStringList());
    QCOMPARE(result.server, std::optional<ServerRole>(ServerRole::New));

    // The rollback step allows it explicitly.
    CutoverActionJob allowed(&client, CutoverAction::MaintenanceOn);
    allowed.setAllowNewServer(true);
    const Result allowedResult = run(allowed);
    QVERIFY(allowedResult.ok);
    QCOMPARE(allowedResult.maintenance, std::optional<bool>(true));
    QCOMPARE(client.recordedPaths().count(QStringLiteral("/api/maintenanceconfiguration")), 2);
}

void CutoverActionsTest::cloneItemsAreRefusedOnTheOldServer()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient client(sim.settings(ServerRole::Old), &m_network);
    client.setPathRecording(true);
    for (CutoverAction action : {CutoverAction::DisableCloneItems, CutoverAction::ReenableCloneItems}) {
        CutoverActionJob job(&client, action);
        job.setItems({{CutoverItem::Kind::Target, QStringLiteral("Spaces-1"), QStringLiteral("Machines-1"),
                       QStringLiteral("web-01")}});
        const Result result = run(job);
        QVERIFY(!result.ok);
        QCOMPARE(result.refusal, CutoverActionJob::Refusal::NotTheNewServer);
    }
    QCOMPARE(client.recordedPaths(), QStringList());
}

void CutoverActionsTest::disableThenReenableLeavesTheCloneAsBefore()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient client(sim.settings(ServerRole::New), &m_network);

    // One target disabled beforehand stays disabled: the cutover enables only what it disabled.
    QMap<QString, QJsonObject> before = cloneItems(client);
    QString keptDisabled;
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (it.key().startsWith(QLatin1String("machines/")) &&
            !it.value().value(QLatin1String("IsDisabled")).toBool()) {
            keptDisabled = it.key();
            break;
        }
    }
    QVERIFY(!keptDisabled.isEmpty());
    QJsonObject target = before.value(keptDisabled);
    target.insert(QStringLiteral("IsDisabled"), true);
    QCOMPARE(send(client, "PUT",
                  QStringLiteral("/api/%1/machines/%2")
                      .arg(target.value(QLatin1String("SpaceId")).toString(),
                           target.value(QLatin1String("Id")).toString()),
                  target)
                 .value(QLatin1String("IsDisabled")),
             QJsonValue(true));
    before = cloneItems(client);

    QMap<QString, int> enabledByKind;
    for (auto it = before.constBegin(); it != before.constEnd(); ++it) {
        if (!it.value().value(QLatin1String("IsDisabled")).toBool())
            ++enabledByKind[it.key().section(QLatin1Char('/'), 0, 0)];
    }
    for (const char *collection : {"machines", "workers", "projecttriggers", "subscriptions"})
        QVERIFY2(enabledByKind.value(QLatin1String(collection)) > 0, collection); // each kind is exercised

    CutoverActionJob disable(&client, CutoverAction::DisableCloneItems);
    const Result disabled = run(disable);
    QVERIFY(disabled.ok);
    QVERIFY(disabled.failed.isEmpty());
    int enabledBefore = 0;
    for (int n : std::as_const(enabledByKind))
        enabledBefore += n;
    QCOMPARE(int(disabled.items.size()), enabledBefore);

    // Everything is disabled now; each resource is otherwise as it was (the PUT carried it whole).
    const QMap<QString, QJsonObject> during = cloneItems(client);
    QCOMPARE(during.keys(), before.keys());
    for (auto it = during.constBegin(); it != during.constEnd(); ++it) {
        QVERIFY2(it.value().value(QLatin1String("IsDisabled")).toBool(), qPrintable(it.key()));
        QJsonObject was = before.value(it.key());
        QJsonObject now = it.value();
        for (QJsonObject *o : {&was, &now}) {
            o->remove(QStringLiteral("IsDisabled"));
            o->remove(QStringLiteral("LastModifiedBy"));
            o->remove(QStringLiteral("LastModifiedOn"));
        }
        QCOMPARE(now, was);
    }

    // The list goes to the journal and comes back from it.
    const QByteArray journal = QJsonDocument(disabled.toJson()).toJson(QJsonDocument::Compact);
    const Result reread = Result::fromJson(QJsonDocument::fromJson(journal).object());
    QCOMPARE(reread.items, disabled.items);
    QCOMPARE(reread.calls, disabled.calls);
    QCOMPARE(reread.action, CutoverAction::DisableCloneItems);
    QCOMPARE(reread.server, std::optional<ServerRole>(ServerRole::New));

    CutoverActionJob reenable(&client, CutoverAction::ReenableCloneItems);
    reenable.setItems(reread.items);
    const Result reenabled = run(reenable);
    QVERIFY(reenabled.ok);
    QVERIFY(reenabled.failed.isEmpty());
    QCOMPARE(reenabled.items, disabled.items);

    const QMap<QString, QJsonObject> after = cloneItems(client);
    QCOMPARE(after.keys(), before.keys());
    for (auto it = after.constBegin(); it != after.constEnd(); ++it)
        QCOMPARE(it.value().value(QLatin1String("IsDisabled")).toBool(),
                 before.value(it.key()).value(QLatin1String("IsDisabled")).toBool());
    QVERIFY(after.value(keptDisabled).value(QLatin1String("IsDisabled")).toBool());
}

void CutoverActionsTest::disabledListSurvivesJson_data()
{
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("spaceId");
    QTest::newRow("target") << int(CutoverItem::Kind::Target) << QStringLiteral("Spaces-1");
    QTest::newRow("worker") << int(CutoverItem::Kind::Worker) << QStringLiteral("Spaces-2");
    QTest::newRow("trigger") << int(CutoverItem::Kind::Trigger) << QStringLiteral("Spaces-1");
    QTest::newRow("subscription without a space") << int(CutoverItem::Kind::Subscription) << QString();
}

void CutoverActionsTest::disabledListSurvivesJson()
{
    QFETCH(int, kind);
    QFETCH(QString, spaceId);
    const CutoverItem item{CutoverItem::Kind(kind), spaceId, QStringLiteral("Items-7"),
                           QStringLiteral("Nightly \"build\" ü")};
    const QByteArray text =
        QJsonDocument(CutoverItem::listToJson({item, item})).toJson(QJsonDocument::Compact);
    int skipped = -1;
    const QList<CutoverItem> back =
        CutoverItem::listFromJson(QJsonDocument::fromJson(text).array(), &skipped);
    QCOMPARE(skipped, 0);
    QCOMPARE(back, QList<CutoverItem>({item, item}));
    QVERIFY(item.path().endsWith(QLatin1Char('/') + CutoverItem::collection(item.kind) +
                                 QStringLiteral("/Items-7")));
    // An entry the journal cannot read is left out, not guessed at.
    QJsonArray broken = QJsonDocument::fromJson(text).array();
    broken.append(QJsonObject{{QStringLiteral("kind"), QStringLiteral("tenant")},
                              {QStringLiteral("id"), QStringLiteral("Tenants-1")}});
    QCOMPARE(CutoverItem::listFromJson(broken, &skipped).size(), 2);
    QCOMPARE(skipped, 1);
}

void CutoverActionsTest::upgradeIsQueuedForOneEnvironment()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient client(sim.settings(ServerRole::New), &m_network);
    const QJsonArray environments =
        getJson(client, QStringLiteral("/api/Spaces-1/environments")).value(QLatin1String("Items")).toArray();
    QVERIFY(environments.size() >= 2);
    const QString environmentId = environments.at(1).toObject().value(QLatin1String("Id")).toString();

    CutoverActionJob job(&client, CutoverAction::QueueTentacleUpgrade);
    job.setEnvironment(QStringLiteral("Spaces-1"), environmentId);
    const Result result = run(job);
    QVERIFY(result.ok);
    QVERIFY(!result.taskId.isEmpty());
    QCOMPARE(result.taskName, QStringLiteral("Upgrade"));
    QCOMPARE(result.calls.size(), 1);
    QCOMPARE(result.calls.first().method, QByteArray("POST"));
    QCOMPARE(result.calls.first().path, QStringLiteral("/api/Spaces-1/tasks"));
    QCOMPARE(result.calls.first().status, 201);

    const QJsonArray tasks = getJson(client, QStringLiteral("/api/tasks?name=Upgrade&take=100"))
                                 .value(QLatin1String("Items"))
                                 .toArray();
    QJsonObject queued;
    for (const QJsonValue &task : tasks) {
        if (task.toObject().value(QLatin1String("Id")).toString() == result.taskId)
            queued = task.toObject();
    }
    QCOMPARE(queued.value(QLatin1String("Name")).toString(), QStringLiteral("Upgrade"));
    QCOMPARE(queued.value(QLatin1String("SpaceId")).toString(), QStringLiteral("Spaces-1"));
    QCOMPARE(
        queued.value(QLatin1String("Arguments")).toObject().value(QLatin1String("EnvironmentId")).toString(),
        environmentId);
}

void CutoverActionsTest::upgradeOnTheOldServerIsRefusedUnlessAllowed()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient client(sim.settings(ServerRole::Old), &m_network);
    client.setPathRecording(true);
    CutoverActionJob job(&client, CutoverAction::QueueTentacleUpgrade);
    job.setEnvironment(QStringLiteral("Spaces-1"), QStringLiteral("Environments-1"));
    const Result result = run(job);
    QCOMPARE(result.refusal, CutoverActionJob::Refusal::OldServerNotAllowed);
    QCOMPARE(client.recordedPaths(), QStringList());

    CutoverActionJob allowed(&client, CutoverAction::QueueTentacleUpgrade);
    allowed.setAllowOldServer(true);
    allowed.setEnvironment(QStringLiteral("Spaces-1"), QStringLiteral("Environments-1"));
    QVERIFY(run(allowed).ok);
    QCOMPARE(client.recordedPaths(), QStringList({QStringLiteral("/api/Spaces-1/tasks")}));
}

void CutoverActionsTest::cancelFinishesOnce()
{
    OctoSimFixture sim;
    octosim::Options options;
    options.faults = {OctoSimFixture::fault(QStringLiteral("new"), QStringLiteral("/api/spaces"),
                                            QStringLiteral("latency"), QStringLiteral("3000"))};
    QVERIFY2(sim.start(options), qPrintable(sim.error));
    OctopusClient client(sim.settings(ServerRole::New), &m_network);
    CutoverActionJob job(&client, CutoverAction::DisableCloneItems);
    QSignalSpy finished(&job, &CutoverActionJob::finished);
    job.start();
    QTRY_VERIFY(!client.recordedPaths().isEmpty() || client.requestCount() > 0);
    job.cancel();
    job.cancel();
    QCOMPARE(finished.count(), 1);
    const Result result = finished.first().first().value<Result>();
    QVERIFY(!result.ok);
    QCOMPARE(result.errors.last().kind, ApiErrorKind::Cancelled);
    QVERIFY(result.items.isEmpty());
    QTest::qWait(50);
    QCOMPARE(finished.count(), 1);
}

QTEST_GUILESS_MAIN(CutoverActionsTest)
#include "tst_cutoveractions.moc"
