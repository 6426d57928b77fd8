#include "planstep.h"

#include <QSet>
#include <QTest>

// The one table of steps: every PlanStep once, unique names that --page and step: links resolve.
class TestPlanStep : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void tableHasEveryStepExactlyOnce();
    void namesAreUniqueAndStable();
    void namesResolveToTheirStep_data();
    void namesResolveToTheirStep();
    void unknownNamesResolveToNothing();
    void everyStepHasATitle();
};

void TestPlanStep::tableHasEveryStepExactlyOnce()
{
    QSet<int> seen;
    for (const PlanStepInfo &info : allSteps()) {
        QVERIFY2(!seen.contains(int(info.step)), info.name);
        seen.insert(int(info.step));
        QCOMPARE(planStepInfo(info.step).name, info.name);
    }
    const QList<PlanStep> every{PlanStep::Connect,        PlanStep::Domain,      PlanStep::Tentacles,
                                PlanStep::CiIntegrations, PlanStep::ScriptAudit, PlanStep::TestPlan,
                                PlanStep::Cutover};
    QCOMPARE(allSteps().size(), every.size());
    for (PlanStep step : every)
        QVERIFY(seen.contains(int(step)));
}

void TestPlanStep::namesAreUniqueAndStable()
{
    const QStringList names = planStepNames();
    QCOMPARE(QSet<QString>(names.begin(), names.end()).size(), names.size());
    // --page NAME and the step: links use these; they are part of the command line.
    QCOMPARE(names, (QStringList{QStringLiteral("connect"), QStringLiteral("domain"),
                                 QStringLiteral("tentacles"), QStringLiteral("ci"), QStringLiteral("audit"),
                                 QStringLiteral("testplan"), QStringLiteral("cutover")}));
}

void TestPlanStep::namesResolveToTheirStep_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("step");
    for (const PlanStepInfo &info : allSteps()) {
        QTest::addRow("%s", info.name) << QString::fromLatin1(info.name) << int(info.step);
        QTest::addRow("%s in capitals, padded", info.name)
            << QStringLiteral(" %1 ").arg(QString::fromLatin1(info.name).toUpper()) << int(info.step);
    }
}

void TestPlanStep::namesResolveToTheirStep()
{
    QFETCH(QString, name);
    QFETCH(int, step);
    const std::optional<PlanStep> resolved = planStepForName(name);
    QVERIFY(resolved);
    QCOMPARE(int(*resolved), step);
    QCOMPARE(planStepName(*resolved), name.trimmed().toLower());
}

void TestPlanStep::unknownNamesResolveToNothing()
{
    QVERIFY(!planStepForName(QStringLiteral("nowhere")));
    QVERIFY(!planStepForName(QString()));
    QVERIFY(!planStepForName(QStringLiteral("step:audit")));
}

void TestPlanStep::everyStepHasATitle()
{
    for (const PlanStepInfo &info : allSteps())
        QVERIFY2(!planStepTitle(info.step).isEmpty(), info.name);
}

QTEST_GUILESS_MAIN(TestPlanStep)
#include "tst_planstep.moc"
