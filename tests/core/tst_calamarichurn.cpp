// findCalamariChurn: only deployments made after the clone count (shared history is ignored), both servers
// must have deployed to the same space and environment, and the targets there are the evidence.
#include "calamarichurn.h"

#include <QTest>

namespace {

DeploymentRecord deployment(const QString &id, const QString &environment, int minutesAgo,
                            const QString &space = QStringLiteral("Spaces-1"))
{
    return {id, space, environment, QDateTime::currentDateTimeUtc().addSecs(-60 * minutesAgo)};
}

TentacleMachine target(const QString &id, const QString &style, const QString &environmentId,
                       bool worker = false)
{
    TentacleMachine m;
    m.id = id;
    m.name = id.toLower();
    m.spaceId = QStringLiteral("Spaces-1");
    m.communicationStyle = style;
    m.kind = worker ? TentacleMachine::Kind::Worker : TentacleMachine::Kind::Target;
    if (!worker) {
        m.environmentIds = {environmentId};
        m.environments = {environmentId == QLatin1String("Environments-1") ? QStringLiteral("Production")
                                                                           : QStringLiteral("Test")};
    }
    return m;
}

} // namespace

class TestCalamariChurn : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void bothServersDeployingToOneEnvironmentIsChurn_data()
    {
        QTest::addColumn<bool>("oldDeploys");
        QTest::addColumn<bool>("newDeploys");
        QTest::addColumn<bool>("churn");
        QTest::newRow("both") << true << true << true;
        QTest::newRow("old only") << true << false << false;
        QTest::newRow("new only") << false << true << false;
        QTest::newRow("neither") << false << false << false;
    }
    void bothServersDeployingToOneEnvironmentIsChurn()
    {
        QFETCH(bool, oldDeploys);
        QFETCH(bool, newDeploys);
        QFETCH(bool, churn);
        // Shared history: the same deployment on both servers (copied by the clone).
        const DeploymentRecord shared =
            deployment(QStringLiteral("Deployments-1"), QStringLiteral("Environments-1"), 600);
        QList<DeploymentRecord> oldList{shared};
        QList<DeploymentRecord> newList{shared};
        // After the clone both servers number on from the same sequence: equal ids, different deployments.
        if (oldDeploys)
            oldList << deployment(QStringLiteral("Deployments-2"), QStringLiteral("Environments-1"), 30);
        if (newDeploys)
            newList << deployment(QStringLiteral("Deployments-2"), QStringLiteral("Environments-1"), 10);
        const QList<TentacleMachine> machines{
            target(QStringLiteral("Machines-1"), QStringLiteral("TentaclePassive"),
                   QStringLiteral("Environments-1")),
            target(QStringLiteral("Machines-2"), QStringLiteral("TentacleActive"),
                   QStringLiteral("Environments-1")),
            target(QStringLiteral("Machines-3"), QStringLiteral("Ssh"), QStringLiteral("Environments-1")),
            target(QStringLiteral("Machines-4"), QStringLiteral("AzureWebApp"),
                   QStringLiteral("Environments-1")),
            target(QStringLiteral("Machines-5"), QStringLiteral("TentaclePassive"),
                   QStringLiteral("Environments-2")),
            target(QStringLiteral("Workers-1"), QStringLiteral("TentaclePassive"), QString(), true)};
        const QList<CalamariChurnGroup> groups = findCalamariChurn(oldList, newList, machines);
        QCOMPARE(groups.size(), churn ? 1 : 0);
        if (!churn)
            return;
        const CalamariChurnGroup &g = groups.first();
        QCOMPARE(g.environmentId, QStringLiteral("Environments-1"));
        QCOMPARE(g.environmentName, QStringLiteral("Production"));
        QCOMPARE(g.oldDeployments, 1);
        QCOMPARE(g.newDeployments, 1);
        QVERIFY(g.lastOld < g.lastNew);
        QCOMPARE(g.machineIds, (QStringList{QStringLiteral("Machines-1"), QStringLiteral("Machines-2"),
                                            QStringLiteral("Machines-3")}));
    }

    void differentEnvironmentsAreNotChurn()
    {
        const QList<CalamariChurnGroup> groups = findCalamariChurn(
            {deployment(QStringLiteral("Deployments-2"), QStringLiteral("Environments-1"), 5)},
            {deployment(QStringLiteral("Deployments-2"), QStringLiteral("Environments-2"), 5)}, {});
        QVERIFY(groups.isEmpty());
    }

    void deploymentsBeforeTheWindowAreIgnored()
    {
        const QDateTime since = QDateTime::currentDateTimeUtc().addDays(-1);
        const QList<CalamariChurnGroup> groups = findCalamariChurn(
            {deployment(QStringLiteral("Deployments-2"), QStringLiteral("Environments-1"), 60 * 48)},
            {deployment(QStringLiteral("Deployments-2"), QStringLiteral("Environments-1"), 5)}, {}, since);
        QVERIFY(groups.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestCalamariChurn)
#include "tst_calamarichurn.moc"
