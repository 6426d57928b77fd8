// Drift (app/core/drift.h): what each document id names, which categories are changes, which edits are
// structural, clone-time detection from two event lists, the per-side summaries with their named objects,
// the hourly timeline and the state against the budget.
#include "drift.h"

#include <QTest>

namespace {

const QDateTime kClone = QDateTime(QDate(2026, 11, 20), QTime(10, 0), Qt::UTC);

AuditEvent change(const QString &id, qint64 minutesAfterClone, const QString &category,
                  const QStringList &related, const QString &message = QString(),
                  const QList<AuditEvent::Reference> &references = {})
{
    AuditEvent e;
    e.id = id;
    e.occurred = kClone.addSecs(minutesAfterClone * 60);
    e.category = category;
    e.spaceId = QStringLiteral("Spaces-1");
    e.username = QStringLiteral("jenkins");
    e.relatedDocumentIds = related;
    e.message = message;
    e.references = references;
    return e;
}

} // namespace

class TestDrift : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void documentIdsNameTheirKind_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<QString>("kind");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("project");
        QTest::newRow("process") << "deploymentprocess-Projects-3"
                                 << "deploymentProcess"
                                 << "DeploymentProcesses"
                                 << "Projects-3";
        QTest::newRow("variables") << "variableset-Projects-3"
                                   << "variables"
                                   << "Variables"
                                   << "Projects-3";
        QTest::newRow("library variables") << "variableset-LibraryVariableSets-2"
                                           << "variables"
                                           << "Variables"
                                           << "";
        QTest::newRow("step template") << "ActionTemplates-7"
                                       << "stepTemplate"
                                       << "ActionTemplates"
                                       << "";
        QTest::newRow("release") << "Releases-12"
                                 << "release"
                                 << "Releases"
                                 << "";
        QTest::newRow("deployment") << "Deployments-9"
                                    << "deployment"
                                    << "Deployments"
                                    << "";
        QTest::newRow("package") << "packages-Acme.Web.1.2.3"
                                 << "package"
                                 << "Packages"
                                 << "";
        QTest::newRow("target") << "Machines-40"
                                << "target"
                                << "Machines"
                                << "";
        QTest::newRow("project") << "Projects-3"
                                 << "project"
                                 << "Projects"
                                 << "Projects-3";
        QTest::newRow("unknown") << "Widgets-1"
                                 << "other"
                                 << "Widgets"
                                 << "";
    }
    void documentIdsNameTheirKind()
    {
        QFETCH(QString, id);
        QFETCH(QString, kind);
        QFETCH(QString, type);
        QFETCH(QString, project);
        QCOMPARE(Drift::kindName(Drift::kindOf(id)), kind);
        QCOMPARE(Drift::documentType(id), type);
        QCOMPARE(Drift::projectOf(id), project);
    }

    void observationsAreNotChanges()
    {
        QVERIFY(Drift::isChangeCategory(QStringLiteral("Modified")));
        QVERIFY(Drift::isChangeCategory(QStringLiteral("DeploymentQueued")));
        QVERIFY(Drift::isChangeCategory(QStringLiteral("SomethingNewer"))); // unknown: counted
        QVERIFY(!Drift::isChangeCategory(QStringLiteral("LoginSucceeded")));
        QVERIFY(!Drift::isChangeCategory(QStringLiteral("LoginFailed")));
        QVERIFY(!Drift::isChangeCategory(QStringLiteral("MachineHealthy")));
        QVERIFY(!Drift::isChangeCategory(QStringLiteral("MachineUnavailable")));
        QVERIFY(Drift::isChangeCategory(QStringLiteral("MachineAdded")));
        QCOMPARE(Drift::changeCategories({QStringLiteral("Created"), QStringLiteral("LoginSucceeded"),
                                          QStringLiteral("Modified")}),
                 QStringList({QStringLiteral("Created"), QStringLiteral("Modified")}));
    }

    void processAndVariableEditsAreStructural()
    {
        QVERIFY(Drift::isStructural(
            change(QStringLiteral("Events-1"), 1, QStringLiteral("Modified"),
                   {QStringLiteral("deploymentprocess-Projects-1"), QStringLiteral("Projects-1")})));
        QVERIFY(Drift::isStructural(
            change(QStringLiteral("Events-2"), 1, QStringLiteral("Modified"),
                   {QStringLiteral("variableset-Projects-1"), QStringLiteral("Projects-1")})));
        QVERIFY(!Drift::isStructural(change(QStringLiteral("Events-3"), 1, QStringLiteral("Created"),
                                            {QStringLiteral("Releases-1"), QStringLiteral("Projects-1")})));
        // The primary document skips the context (project, environment) for what the event changed.
        const AuditEvent deployment =
            change(QStringLiteral("Events-4"), 1, QStringLiteral("DeploymentQueued"),
                   {QStringLiteral("Projects-1"), QStringLiteral("Deployments-5"),
                    QStringLiteral("Environments-1")});
        QCOMPARE(Drift::primaryDocument(deployment), QStringLiteral("Deployments-5"));
        QCOMPARE(Drift::projectIdOf(deployment), QStringLiteral("Projects-1"));
    }

    void cloneTimeIsTheNewestEventBothHoldIdentically()
    {
        const AuditEvent shared1 = change(QStringLiteral("Events-10"), -60, QStringLiteral("Created"), {});
        const AuditEvent shared2 = change(QStringLiteral("Events-11"), 0, QStringLiteral("Created"), {});
        const AuditEvent oldOnly = change(QStringLiteral("Events-12"), 5, QStringLiteral("Modified"), {});
        // The clone numbers on from the same counter: the same id, another time, is not the same record.
        const AuditEvent cloneOnly = change(QStringLiteral("Events-12"), 7, QStringLiteral("Modified"), {});
        QCOMPARE(Drift::detectCloneTime({oldOnly, shared2, shared1}, {cloneOnly, shared2, shared1}),
                 shared2.occurred);
        QVERIFY(!Drift::detectCloneTime({oldOnly}, {cloneOnly}).isValid());
    }

    void changesAreCountedPerSideWithTheirObjects()
    {
        const QList<AuditEvent::Reference> billing{{QStringLiteral("Projects-1"), QStringLiteral("Billing")}};
        const AuditEvent inherited = change(QStringLiteral("Events-1"), 0, QStringLiteral("Created"),
                                            {QStringLiteral("Releases-1"), QStringLiteral("Projects-1")});
        const QList<AuditEvent> oldEvents{
            change(QStringLiteral("Events-5"), 30, QStringLiteral("Modified"),
                   {QStringLiteral("variableset-Projects-1"), QStringLiteral("Projects-1")},
                   QStringLiteral("Variables for project Billing were changed"),
                   {{QStringLiteral("Projects-1"), QStringLiteral("Billing")}}),
            change(QStringLiteral("Events-4"), 20, QStringLiteral("LoginSucceeded"),
                   {QStringLiteral("Users-1")}),
            change(QStringLiteral("Events-3"), 10, QStringLiteral("Modified"),
                   {QStringLiteral("variableset-Projects-1"), QStringLiteral("Projects-1")},
                   QStringLiteral("Variables for project Billing were changed"), billing),
            change(QStringLiteral("Events-2"), 5, QStringLiteral("Created"),
                   {QStringLiteral("Machines-7"), QStringLiteral("Environments-1")},
                   QStringLiteral("Deployment target web-01 was added"),
                   {{QStringLiteral("Machines-7"), QStringLiteral("web-01")}}),
            inherited,
        };
        const QList<AuditEvent> newEvents{
            change(QStringLiteral("Events-2"), 8, QStringLiteral("Modified"),
                   {QStringLiteral("deploymentprocess-Projects-1"), QStringLiteral("Projects-1")},
                   QStringLiteral("Deployment process for project Billing was changed"), billing),
            inherited,
        };
        const QDateTime now = kClone.addSecs(3600 * 2 + 60);
        const Drift::Report r = Drift::compare(oldEvents, newEvents, kClone, false, {}, now);
        QCOMPARE(r.oldServer.changes, 3); // the login and the inherited release are not drift
        QCOMPARE(r.oldServer.structuralChanges, 2);
        QCOMPARE(r.oldServer.byCategory.value(QStringLiteral("Modified")), 2);
        QCOMPARE(r.oldServer.byCategory.value(QStringLiteral("Created")), 1);
        QCOMPARE(r.oldServer.byDocumentType.value(QStringLiteral("Variables")), 2);
        QCOMPARE(r.oldServer.byProject.value(QStringLiteral("Projects-1")), 2);
        QCOMPARE(r.oldServer.objects.size(), 2);
        QCOMPARE(r.oldServer.objects.at(0).id, QStringLiteral("variableset-Projects-1")); // newest first
        QCOMPARE(r.oldServer.objects.at(0).changes, 2);
        QCOMPARE(r.oldServer.objects.at(0).projectName, QStringLiteral("Billing"));
        QCOMPARE(r.oldServer.objects.at(0).name, QStringLiteral("Variables of Billing"));
        QCOMPARE(r.oldServer.objects.at(1).name, QStringLiteral("web-01"));
        QCOMPARE(Drift::kindName(r.oldServer.objects.at(1).kind), QStringLiteral("target"));
        QCOMPARE(r.clone.changes, 1);
        QCOMPARE(r.clone.objects.at(0).id, QStringLiteral("deploymentprocess-Projects-1"));
        // Hours 10:00, 11:00 and 12:00.
        QCOMPARE(r.timeline.size(), 3);
        QCOMPARE(r.timeline.at(0).oldChanges, 3);
        QCOMPARE(r.timeline.at(0).newChanges, 1);
        QCOMPARE(r.timeline.at(2).oldChanges, 0);
        QCOMPARE(r.state, Drift::State::Green);
    }

    void stateFollowsTheBudget_data()
    {
        QTest::addColumn<double>("ageDays");
        QTest::addColumn<int>("structural");
        QTest::addColumn<int>("state");
        QTest::newRow("fresh") << 0.5 << 0 << int(Drift::State::Green);
        QTest::newRow("just under amber") << 2.99 << 20 << int(Drift::State::Green);
        QTest::newRow("amber at 3 days") << 3.0 << 0 << int(Drift::State::Amber);
        QTest::newRow("red at 7 days") << 7.0 << 0 << int(Drift::State::Red);
        QTest::newRow("red early on structural edits") << 1.0 << 21 << int(Drift::State::Red);
    }
    void stateFollowsTheBudget()
    {
        QFETCH(double, ageDays);
        QFETCH(int, structural);
        QFETCH(int, state);
        QCOMPARE(int(Drift::stateFor(ageDays, structural, Drift::Budget{})), state);
    }

    void adviceOnlyPastGreen()
    {
        Drift::Report r = Drift::compare({}, {}, kClone, true, {}, kClone.addDays(8));
        QCOMPARE(r.state, Drift::State::Red);
        QVERIFY(Drift::adviceText(r).contains(QLatin1String("fresh clone")));
        r = Drift::compare({}, {}, kClone, true, {}, kClone.addSecs(60));
        QVERIFY(Drift::adviceText(r).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestDrift)
#include "tst_drift.moc"
