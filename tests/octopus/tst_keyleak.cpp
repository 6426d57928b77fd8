// Keys never reach a log line or an error text: every message Qt and Handover print during a full run
// (readiness, inventory, failures, redirects, with handover.octopus debug output switched on) is captured
// and searched for the keys.
#include "apierrortext.h"
#include "inventoryjob.h"
#include "networkcontext.h"
#include "octosimfixture.h"
#include "readinessmodel.h"
#include "testpeer.h"

#include <QLoggingCategory>
#include <QMutex>
#include <QSignalSpy>
#include <QTest>

namespace {

QMutex g_mutex;
QStringList g_messages;
QtMessageHandler g_previous = nullptr;

void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    {
        QMutexLocker lock(&g_mutex);
        g_messages.append(message);
    }
    if (g_previous && type != QtDebugMsg)
        g_previous(type, context, message);
}

} // namespace

class TestKeyLeak : public QObject
{
    Q_OBJECT
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them
private Q_SLOTS:
    void initTestCase()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("handover.*=true\nqt.network.*=true"));
        g_previous = qInstallMessageHandler(capture);
    }
    void cleanupTestCase() { qInstallMessageHandler(g_previous); }

    void keysNeverAppearInLogsOrErrors()
    {
        TestPeer collector;
        QVERIFY(collector.listenPlain());
        octosim::Options options;
        options.faults.append(OctoSimFixture::fault(QStringLiteral("old"),
                                                    QStringLiteral("^/api/Spaces-1/projects"),
                                                    QStringLiteral("redirect"), collector.url().toString()));
        options.faults.append(OctoSimFixture::fault(QStringLiteral("new"),
                                                    QStringLiteral("^/api/Spaces-1/tenants"),
                                                    QStringLiteral("status"), QStringLiteral("500")));
        OctoSimFixture sim;
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        const QStringList keys = {sim.endpoint(ServerRole::Old).apiKey, sim.endpoint(ServerRole::New).apiKey};

        OctopusClient oldClient(sim.settings(ServerRole::Old), &networkContext);
        OctopusClient newClient(sim.settings(ServerRole::New), &networkContext);
        ConnectionSettings wrong = sim.settings(ServerRole::New);
        wrong.apiKey = QStringLiteral("API-THISKEYISWRONG0000000000000");
        OctopusClient wrongClient(wrong, &networkContext);

        QStringList texts;
        ReadinessModel oldModel(&oldClient, ServerRole::Old);
        ReadinessModel wrongModel(&wrongClient, ServerRole::New);
        oldModel.setInterval(0);
        wrongModel.setInterval(0);
        QSignalSpy oldReady(&oldModel, &ReadinessModel::refreshed);
        QSignalSpy wrongReady(&wrongModel, &ReadinessModel::refreshed);
        oldModel.start();
        wrongModel.start();
        auto *oldInventory = new InventoryJob(&oldClient, this);
        auto *newInventory = new InventoryJob(&newClient, this);
        QSignalSpy oldDone(oldInventory, &InventoryJob::finished);
        QSignalSpy newDone(newInventory, &InventoryJob::finished);
        oldInventory->start();
        newInventory->start();
        QTRY_VERIFY_WITH_TIMEOUT(oldReady.size() && wrongReady.size() && oldDone.size() && newDone.size(),
                                 30000);

        for (const ReadinessCheck &check : oldModel.checks(true) + wrongModel.checks(true))
            texts << check.message << check.detail;
        for (QSignalSpy *spy : {&oldDone, &newDone}) {
            const InventorySnapshot snapshot = spy->first().first().value<InventorySnapshot>();
            QVERIFY(!snapshot.errors.isEmpty()); // the faults did bite
            for (const ApiError &error : snapshot.errors)
                texts << ApiErrorText::describe(error);
            texts << QString::fromUtf8(QJsonDocument(snapshot.toJson()).toJson());
        }
        texts << ApiErrorText::describe(wrongModel.facts().reachError);

        QMutexLocker lock(&g_mutex);
        QVERIFY2(g_messages.size() > 50,
                 qPrintable(QString::number(g_messages.size()))); // debug output was on
        for (const QString &key : keys + QStringList{wrong.apiKey}) {
            for (const QString &message : std::as_const(g_messages))
                QVERIFY2(!message.contains(key), qPrintable(message));
            for (const QString &text : std::as_const(texts))
                QVERIFY2(!text.contains(key), qPrintable(text));
        }
        for (const PeerRequest &request : std::as_const(collector.requests)) {
            for (const QString &key : keys)
                QVERIFY(!request.raw.contains(key.toUtf8()));
        }
    }
};

QTEST_GUILESS_MAIN(TestKeyLeak)
#include "tst_keyleak.moc"
