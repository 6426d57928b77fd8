// computeDomainConsequences: the domain decision changes what must be done; only polling Tentacles count;
// listening, SSH and cloud targets are unaffected; groups per space and environment.
#include "domainconsequences.h"

#include <QTest>

namespace {

TentacleMachine make(const QString &id, const QString &style, bool worker = false,
                     const QString &space = QStringLiteral("Spaces-1"),
                     const QStringList &environments = {QStringLiteral("Production")})
{
    TentacleMachine m;
    m.id = id;
    m.name = id.toLower();
    m.spaceId = space;
    m.spaceName = space == QLatin1String("Spaces-1") ? QStringLiteral("Default") : QStringLiteral("Platform");
    m.kind = worker ? TentacleMachine::Kind::Worker : TentacleMachine::Kind::Target;
    m.communicationStyle = style;
    if (!worker)
        m.environments = environments;
    return m;
}

QList<TentacleMachine> fleet()
{
    return {
        make(QStringLiteral("Machines-1"), QStringLiteral("TentacleActive")),
        make(QStringLiteral("Machines-2"), QStringLiteral("TentacleActive"), false,
             QStringLiteral("Spaces-1"), {QStringLiteral("Production"), QStringLiteral("Staging")}),
        make(QStringLiteral("Machines-3"), QStringLiteral("TentaclePassive")),
        make(QStringLiteral("Machines-4"), QStringLiteral("Ssh")),
        make(QStringLiteral("Machines-5"), QStringLiteral("AzureWebApp")),
        make(QStringLiteral("Machines-6"), QStringLiteral("Kubernetes")),
        make(QStringLiteral("Machines-7"), QStringLiteral("None")),
        make(QStringLiteral("Machines-8"), QStringLiteral("OfflineDrop")),
        make(QStringLiteral("Machines-9"), QStringLiteral("TentacleActive"), false,
             QStringLiteral("Spaces-2"), {QStringLiteral("Test")}),
        make(QStringLiteral("Workers-1"), QStringLiteral("TentacleActive"), true),
        make(QStringLiteral("Workers-2"), QStringLiteral("TentaclePassive"), true),
        make(QStringLiteral("Workers-3"), QStringLiteral("Ssh"), true),
    };
}

DomainDecision decision(DomainDecision::Choice choice)
{
    DomainDecision d;
    d.choice = choice;
    d.oldPublicUrl = QUrl(QStringLiteral("https://octopus.example.com"));
    if (choice == DomainDecision::Choice::NewName)
        d.newPublicUrl = QUrl(QStringLiteral("https://octopus-new.example.com"));
    return d;
}

} // namespace

class TestDomainConsequences : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void domainChoiceDecidesWhoMustAct_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<int>("mustAct");
        QTest::addColumn<bool>("nameChanges");
        QTest::addColumn<QString>("newHost");
        QTest::newRow("keep-name") << int(DomainDecision::Choice::KeepName) << 0 << false
                                   << QStringLiteral("octopus.example.com");
        QTest::newRow("new-name") << int(DomainDecision::Choice::NewName) << 4 << true
                                  << QStringLiteral("octopus-new.example.com");
        QTest::newRow("undecided") << int(DomainDecision::Choice::Undecided) << 0 << false
                                   << QStringLiteral("octopus.example.com");
    }
    void domainChoiceDecidesWhoMustAct()
    {
        QFETCH(int, choice);
        QFETCH(int, mustAct);
        QFETCH(bool, nameChanges);
        QFETCH(QString, newHost);
        DomainConsequencesInput input;
        input.decision = decision(DomainDecision::Choice(choice));
        input.oldMachines = fleet();
        const DomainConsequences c = computeDomainConsequences(input);
        QCOMPARE(c.mustAct, mustAct);
        QCOMPARE(c.nameChanges, nameChanges);
        QCOMPARE(c.newHost, newHost);
        QCOMPARE(c.pollingPort, 10943);
        // The counts do not depend on the decision.
        QCOMPARE(c.pollingTargets, 3);
        QCOMPARE(c.pollingWorkers, 1);
        QCOMPARE(c.listeningTargets, 1);
        QCOMPARE(c.listeningWorkers, 1);
        QCOMPARE(c.otherMachines, 6);
    }

    void onlyPollingTentaclesCount_data()
    {
        QTest::addColumn<QString>("style");
        QTest::addColumn<int>("polling");
        QTest::newRow("polling") << QStringLiteral("TentacleActive") << 1;
        QTest::newRow("listening") << QStringLiteral("TentaclePassive") << 0;
        QTest::newRow("ssh") << QStringLiteral("Ssh") << 0;
        QTest::newRow("cloud region") << QStringLiteral("None") << 0;
        QTest::newRow("azure web app") << QStringLiteral("AzureWebApp") << 0;
        QTest::newRow("kubernetes") << QStringLiteral("Kubernetes") << 0;
        QTest::newRow("kubernetes agent") << QStringLiteral("KubernetesTentacle") << 0;
    }
    void onlyPollingTentaclesCount()
    {
        QFETCH(QString, style);
        QFETCH(int, polling);
        DomainConsequencesInput input;
        input.decision = decision(DomainDecision::Choice::NewName);
        input.oldMachines = {make(QStringLiteral("Machines-1"), style)};
        const DomainConsequences c = computeDomainConsequences(input);
        QCOMPARE(c.pollingTotal(), polling);
        QCOMPARE(c.mustAct, polling);
        QCOMPARE(c.groups.size(), polling);
    }

    void groupsPerSpaceAndEnvironment()
    {
        DomainConsequencesInput input;
        input.decision = decision(DomainDecision::Choice::NewName);
        input.oldMachines = fleet();
        const DomainConsequences c = computeDomainConsequences(input);
        QCOMPARE(c.groups.size(), 4);
        // Default: Production (2), Staging (1), workers (1); Platform: Test (1).
        QCOMPARE(c.groups.at(0).spaceName, QStringLiteral("Default"));
        QCOMPARE(c.groups.at(0).environment, QStringLiteral("Production"));
        QCOMPARE(c.groups.at(0).pollingTargets, 2);
        QCOMPARE(c.groups.at(1).environment, QStringLiteral("Staging"));
        QCOMPARE(c.groups.at(1).pollingTargets, 1);
        QCOMPARE(c.groups.at(2).environment, QString());
        QCOMPARE(c.groups.at(2).pollingWorkers, 1);
        QCOMPARE(c.groups.at(3).spaceName, QStringLiteral("Platform"));
        QCOMPARE(c.groups.at(3).pollingTargets, 1);
    }

    void machinesVerifiedAfterTheirMarkNeedNothing()
    {
        DomainConsequencesInput input;
        input.decision = decision(DomainDecision::Choice::NewName);
        input.oldMachines = fleet();
        const QDateTime repointed = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        TentacleMark fresh;
        fresh.repointedAt = repointed;
        fresh.verification = TentacleMark::Verification::Verified;
        fresh.checkedAt = repointed.addSecs(120);
        fresh.healthStatus = QStringLiteral("Healthy");
        input.marks.insert(QStringLiteral("Machines-1"), fresh);
        input.newMachines = fleet();
        QCOMPARE(computeDomainConsequences(input).pollingConnectedToNew, -1); // not known yet
        input.newInventoryKnown = true;
        const DomainConsequences c = computeDomainConsequences(input);
        QCOMPARE(c.pollingConnectedToNew, 1);
        QCOMPARE(c.mustAct, 3);
    }

    // The clone's HealthStatus is the old database's: Healthy on every polling machine the old server
    // reached. Only a health check after the re-point mark counts.
    void clonedHealthIsNotConnection()
    {
        DomainConsequencesInput input;
        input.decision = decision(DomainDecision::Choice::NewName);
        input.oldMachines = fleet();
        QList<TentacleMachine> onNew = fleet();
        for (TentacleMachine &m : onNew)
            m.healthStatus = QStringLiteral("Healthy");
        input.newMachines = onNew;
        input.newInventoryKnown = true;
        QCOMPARE(computeDomainConsequences(input).pollingConnectedToNew, 0);
        QCOMPARE(computeDomainConsequences(input).mustAct, 4);

        const QDateTime repointed = QDateTime(QDate(2026, 3, 1), QTime(10, 0), Qt::UTC);
        TentacleMark pending;
        pending.repointedAt = repointed;
        input.marks.insert(QStringLiteral("Machines-1"), pending);
        TentacleMark old; // verified before it was re-pointed again: not evidence of this re-point
        old.repointedAt = repointed;
        old.verification = TentacleMark::Verification::Verified;
        old.checkedAt = repointed.addDays(-1);
        input.marks.insert(QStringLiteral("Machines-2"), old);
        QCOMPARE(computeDomainConsequences(input).pollingConnectedToNew, 0);
    }

    void ciAndScriptCountsArePassedThrough()
    {
        DomainConsequencesInput input;
        input.decision = decision(DomainDecision::Choice::NewName);
        QVERIFY(!computeDomainConsequences(input).ciIntegrationsMentioningOldName.has_value());
        input.ciIntegrationsMentioningOldName = 3;
        input.scriptsMentioningOldName = 7;
        const DomainConsequences c = computeDomainConsequences(input);
        QCOMPARE(c.ciIntegrationsMentioningOldName.value_or(-1), 3);
        QCOMPARE(c.scriptsMentioningOldName.value_or(-1), 7);
    }

    void scriptCountsComeFromTheLastScriptAudit()
    {
        DomainConsequencesInput input;
        input.decision = decision(DomainDecision::Choice::NewName);
        ScriptAuditSection audit;
        input.setScriptAudit(audit); // never scanned: not analysed yet
        QVERIFY(!computeDomainConsequences(input).scriptsMentioningOldName.has_value());
        QVERIFY(!computeDomainConsequences(input).scriptFilesMentioningOldName.has_value());

        ScriptAuditScanSummary scan;
        scan.at = QDateTime(QDate(2026, 11, 26), QTime(12, 3), Qt::UTC);
        scan.files = 27;
        scan.mentionsOfOldServer = 9;
        scan.filesMentioningOldServer = 4;
        audit.lastScan = scan;
        input.setScriptAudit(audit);
        const DomainConsequences c = computeDomainConsequences(input);
        QCOMPARE(c.scriptsMentioningOldName.value_or(-1), 9);
        QCOMPARE(c.scriptFilesMentioningOldName.value_or(-1), 4);
        QCOMPARE(c.scriptAuditAt, scan.at);
        QVERIFY(!c.ciIntegrationsMentioningOldName.has_value()); // a later step

        scan.mentionsOfOldServer = 0; // a clean audit is a result too, not "not analysed"
        scan.filesMentioningOldServer = 0;
        audit.lastScan = scan;
        input.setScriptAudit(audit);
        QCOMPARE(computeDomainConsequences(input).scriptsMentioningOldName.value_or(-1), 0);
    }

    void newNameEqualToOldIsNotAChange()
    {
        DomainConsequencesInput input;
        input.decision = decision(DomainDecision::Choice::NewName);
        input.decision.newPublicUrl = QUrl(QStringLiteral("https://OCTOPUS.example.com/"));
        QVERIFY(!computeDomainConsequences(input).nameChanges);
    }
};

QTEST_GUILESS_MAIN(TestDomainConsequences)
#include "tst_domainconsequences.moc"
