// The cutover runbook (app/core/cutoverrunbook.h): the steps generated from the plan (phases, gates, actions,
// the point of no return, rollback from what was changed, upgrade waves per environment), the lead's edits
// and steps kept across regenerations and through the plan file's JSON, the plan-side gates (manual where a
// step was skipped), overrides, and a run folded from journal entries (done, current step, elapsed,
// a rehearsal's timings as planned durations).
#include "cutoverrunbook.h"

#include <QJsonDocument>
#include <QTest>

using namespace CutoverRunbook;

namespace {

const QDateTime kNow = QDateTime(QDate(2026, 12, 4), QTime(22, 0), Qt::UTC);

PlanData basePlan(DomainDecision::Choice choice)
{
    PlanData plan;
    plan.oldServer.url = QUrl(QStringLiteral("https://octopus.acme.example"));
    plan.newServer.url = QUrl(QStringLiteral("https://octopus-new.acme.example"));
    plan.domain.choice = choice;
    plan.domain.oldPublicUrl = QUrl(QStringLiteral("https://deploy.acme.example"));
    if (choice == DomainDecision::Choice::NewName)
        plan.domain.newPublicUrl = QUrl(QStringLiteral("https://deploy-new.acme.example"));
    return plan;
}

const Step *find(const QList<Step> &steps, const QString &id)
{
    for (const Step &s : steps) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QStringList ids(const QList<Step> &steps)
{
    QStringList out;
    for (const Step &s : steps)
        out << s.id;
    return out;
}

Entry entry(qint64 sequence, const QString &kind, const QString &step, int minute, const QString &text = {})
{
    Entry e;
    e.sequence = sequence;
    e.kind = kind;
    e.stepId = step;
    e.by = QStringLiteral("dana");
    e.at = kNow.addSecs(minute * 60);
    e.text = text;
    return e;
}

} // namespace

class TestCutoverRunbook : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void phasesComeInOrderWithGatesAndActions();
    void keepingTheNameMovesDnsAndRollsItBack();
    void aNewNameWaitsForTentaclesAndKeepsTheirOldEntry();
    void upgradeWavesFollowTheEnvironments();
    void editsAndCustomStepsSurviveRegeneration();
    void sectionRoundTripsAndRefusesBadValues();
    void planGatesAreManualWhereAStepWasSkipped();
    void planGatesPassAndFailOnTheRecords();
    void overrideTurnsAFailIntoOverridden();
    void runFoldsTicksUnticksNotesAndOverrides();
    void rehearsalTimingsBecomePlannedDurations();
};

void TestCutoverRunbook::phasesComeInOrderWithGatesAndActions()
{
    const QList<Step> steps = generate({basePlan(DomainDecision::Choice::KeepName), {}, -1});
    int lastPhase = 0;
    for (const Step &s : steps) {
        QVERIFY2(int(s.phase) >= lastPhase, qPrintable(s.id)); // before, cutover, after, rollback
        lastPhase = int(s.phase);
        QVERIFY(!s.title.isEmpty() && !s.why.isEmpty());
        QVERIFY(s.id.startsWith(phaseName(s.phase) + QLatin1Char(':')));
        for (const QString &c : s.commands)
            QVERIFY2(!c.contains(QLatin1String("API-")), qPrintable(c));
    }
    const Step *maintenance = find(steps, QStringLiteral("cutover:maintenance-on"));
    QVERIFY(maintenance);
    QCOMPARE(maintenance->action, Action::MaintenanceOn);
    QCOMPARE(maintenance->gateId, QString::fromLatin1(kGateOldMaintenance));
    QCOMPARE(find(steps, QStringLiteral("before:drain"))->gateId, QString::fromLatin1(kGateOldQueueDrained));
    QCOMPARE(find(steps, QStringLiteral("before:disable-clone-items"))->action, Action::DisableCloneItems);
    QCOMPARE(find(steps, QStringLiteral("after:reenable-clone-items"))->action, Action::ReenableCloneItems);
    QCOMPARE(find(steps, QStringLiteral("after:reenable-clone-items"))->gateId,
             QString::fromLatin1(kGateCloneItemsReenabled));
    // Exactly one point of no return, in the cutover phase.
    int marks = 0;
    for (const Step &s : steps) {
        if (s.pointOfNoReturn) {
            ++marks;
            QCOMPARE(s.phase, Phase::Cutover);
        }
    }
    QCOMPARE(marks, 1);
    // Maintenance mode is undone by a rollback step that names what it undoes.
    const Step *off = find(steps, QStringLiteral("rollback:maintenance-off"));
    QVERIFY(off);
    QCOMPARE(off->action, Action::MaintenanceOff);
    QCOMPARE(off->undoes, QStringLiteral("cutover:maintenance-on"));
}

void TestCutoverRunbook::keepingTheNameMovesDnsAndRollsItBack()
{
    const QList<Step> steps = generate({basePlan(DomainDecision::Choice::KeepName), {}, -1});
    const Step *dns = find(steps, QStringLiteral("cutover:dns"));
    QVERIFY(dns);
    QCOMPARE(dns->gateId, QString::fromLatin1(kGateDnsNewServer));
    QVERIFY(dns->title.contains(QLatin1String("deploy.acme.example")));
    QVERIFY(dns->commands.contains(QStringLiteral("nslookup deploy.acme.example")));
    QVERIFY(find(steps, QStringLiteral("rollback:dns-back")));
    QVERIFY(!find(steps, QStringLiteral("cutover:tentacles"))); // the Tentacles follow the name
}

void TestCutoverRunbook::aNewNameWaitsForTentaclesAndKeepsTheirOldEntry()
{
    PlanData plan = basePlan(DomainDecision::Choice::NewName);
    TentacleMark mark;
    mark.spaceId = QStringLiteral("Spaces-1");
    plan.tentacles.machines.insert(QStringLiteral("Machines-12"), mark);
    CiIntegrationRecord jenkins;
    jenkins.system = QStringLiteral("Jenkins");
    jenkins.location = QStringLiteral("jenkins.corp.example");
    jenkins.decision = CiIntegrationRecord::Decision::Repoint;
    plan.ciIntegrations.integrations.insert(QStringLiteral("jenkins:jenkins.corp.example"), jenkins);
    const QList<Step> steps = generate({plan, {}, 42});
    QVERIFY(!find(steps, QStringLiteral("cutover:dns")));
    const Step *tentacles = find(steps, QStringLiteral("cutover:tentacles"));
    QVERIFY(tentacles);
    QCOMPARE(tentacles->gateId, QString::fromLatin1(kGateTentaclesVerified));
    QVERIFY(tentacles->commands.join(QLatin1Char('\n')).contains(QLatin1String("42")));
    const Step *retire = find(steps, QStringLiteral("after:retire-old-from-tentacles"));
    QVERIFY(retire);
    QVERIFY(retire->commands.first().contains(QLatin1String("--new-host deploy-new.acme.example")));
    QCOMPARE(find(steps, QStringLiteral("rollback:tentacles-keep-old"))->undoes, retire->id);
    // The repointed integration is named in the CI step and in its rollback.
    QVERIFY(find(steps, QStringLiteral("cutover:ci"))
                ->commands.contains(QStringLiteral("Jenkins (jenkins.corp.example)")));
    QVERIFY(find(steps, QStringLiteral("rollback:ci-back")));
}

void TestCutoverRunbook::upgradeWavesFollowTheEnvironments()
{
    const QList<Environment> environments = {
        {QStringLiteral("Environments-1"), QStringLiteral("Development"), QStringLiteral("Spaces-1")},
        {QStringLiteral("Environments-2"), QStringLiteral("Test"), QStringLiteral("Spaces-1")},
        {QStringLiteral("Environments-3"), QStringLiteral("Production"), QStringLiteral("Spaces-1")}};
    const QList<Step> steps = generate({basePlan(DomainDecision::Choice::KeepName), environments, -1});
    const QStringList all = ids(steps);
    const qsizetype dev = all.indexOf(QStringLiteral("after:upgrade:Environments-1"));
    const qsizetype prod = all.indexOf(QStringLiteral("after:upgrade:Environments-3"));
    QVERIFY(dev >= 0 && prod > dev);
    QCOMPARE(steps.at(prod).action, Action::QueueTentacleUpgrade);
    QCOMPARE(steps.at(prod).actionArgument, QStringLiteral("Environments-3"));
    QVERIFY(!all.contains(QStringLiteral("after:upgrade")));
    // The same waves from the plan's stored environments (the runbook offline).
    PlanData stored = basePlan(DomainDecision::Choice::KeepName);
    for (const Environment &e : environments)
        stored.cutover.environments.append({e.id, e.name, e.spaceId});
    QCOMPARE(ids(generate({stored, {}, -1})), all);
    QCOMPARE(generate({stored, {}, -1}).at(prod).actionSpaceId, QStringLiteral("Spaces-1"));
    CutoverSection back;
    QString error;
    QVERIFY(CutoverSection::fromJson(stored.cutover.toJson(), &back, &error));
    QCOMPARE(back.environments, stored.cutover.environments);
    // Without environments, one step for all.
    QVERIFY(ids(generate({basePlan(DomainDecision::Choice::KeepName), {}, -1}))
                .contains(QStringLiteral("after:upgrade")));
}

void TestCutoverRunbook::editsAndCustomStepsSurviveRegeneration()
{
    PlanData plan = basePlan(DomainDecision::Choice::KeepName);
    const QList<Step> first = generate({plan, {}, -1});
    QVERIFY(setOwner(&plan.cutover, QStringLiteral("cutover:dns"), QStringLiteral("Sam (network)")));
    QVERIFY(!setOwner(&plan.cutover, QStringLiteral("cutover:dns"), QStringLiteral("Sam (network)")));
    QVERIFY(setPlannedMinutes(&plan.cutover, QStringLiteral("cutover:dns"), 25));
    QVERIFY(setNotes(&plan.cutover, QStringLiteral("before:announce"), QStringLiteral("#ops channel")));
    const QString added = addStep(&plan.cutover, first, QStringLiteral("cutover:maintenance-on"),
                                  QStringLiteral("Screenshot the dashboard"));
    QCOMPARE(added, QStringLiteral("custom:1"));
    // The plan changes (a CI integration appears): the edits stay, the lead's step keeps its place.
    CiIntegrationRecord ci;
    ci.system = QStringLiteral("GitHub Actions");
    ci.location = QStringLiteral("contoso/platform");
    ci.decision = CiIntegrationRecord::Decision::Repoint;
    plan.ciIntegrations.integrations.insert(QStringLiteral("github:contoso/platform"), ci);
    const QList<Step> second = generate({plan, {}, -1});
    const Step *dns = find(second, QStringLiteral("cutover:dns"));
    QCOMPARE(dns->owner, QStringLiteral("Sam (network)"));
    QCOMPARE(dns->plannedMinutes, 25);
    QCOMPARE(find(second, QStringLiteral("before:announce"))->notes, QStringLiteral("#ops channel"));
    const QStringList order = ids(second);
    QCOMPARE(order.indexOf(added), order.indexOf(QStringLiteral("cutover:maintenance-on")) + 1);
    QCOMPARE(find(second, added)->phase, Phase::Cutover);
    QVERIFY(find(second, added)->custom);
    // A custom step whose anchor is gone closes its phase.
    plan.cutover.customSteps.first().after = QStringLiteral("cutover:gone");
    const QList<Step> third = generate({plan, {}, -1});
    const qsizetype at = ids(third).indexOf(added);
    QCOMPARE(third.at(at).phase, Phase::Cutover);
    QCOMPARE(third.at(at + 1).phase, Phase::After);
}

void TestCutoverRunbook::sectionRoundTripsAndRefusesBadValues()
{
    CutoverSection section;
    section.quietMinutes = 30;
    setOwner(&section, QStringLiteral("cutover:ci"), QStringLiteral("Ola"));
    addStep(&section, {}, QString(), QStringLiteral("Call the vendor"));
    section.extra.insert(QStringLiteral("fromNewerWriter"), 1);
    CutoverSection back;
    QString error;
    QVERIFY2(CutoverSection::fromJson(section.toJson(), &back, &error), qPrintable(error));
    QCOMPARE(back, section);
    for (const char *bad :
         {R"({"quietMinutes": 0})", R"({"edits": []})", R"({"edits": {"x": {"plannedMinutes": -3}}})",
          R"({"customSteps": [{"id": "custom:1", "phase": "later"}]})",
          R"({"customSteps": [{"phase": "before"}]})"}) {
        QString why;
        QVERIFY2(!CutoverSection::fromJson(QJsonDocument::fromJson(bad).object(), &back, &why), bad);
        QVERIFY(!why.isEmpty());
    }
    // The empty placeholder of plans before 1.5 is dropped on load; one with content stays.
    QJsonObject old = PlanData().toJson();
    old.remove(QStringLiteral("cutover"));
    old.insert(QStringLiteral("cutoverJournal"), QJsonObject());
    PlanData loaded;
    PlanError planError;
    QVERIFY(PlanData::fromJson(old, &loaded, &planError));
    QVERIFY(!loaded.extra.contains(QStringLiteral("cutoverJournal")));
    QCOMPARE(loaded.cutover, CutoverSection());
    old.insert(QStringLiteral("cutoverJournal"), QJsonObject{{QStringLiteral("entries"), 3}});
    QVERIFY(PlanData::fromJson(old, &loaded, &planError));
    QVERIFY(loaded.extra.contains(QStringLiteral("cutoverJournal")));
}

void TestCutoverRunbook::planGatesAreManualWhereAStepWasSkipped()
{
    const PlanData plan = basePlan(DomainDecision::Choice::NewName);
    const QList<Step> steps = generate({plan, {}, -1});
    const QList<Gate> gates = planGates(plan, steps, kNow);
    QCOMPARE(gates.size(), 3);
    for (const Gate &g : gates) {
        QCOMPARE(g.status, Gate::Status::Manual);
        QVERIFY(g.evidence.contains(QLatin1String("manual")));
        QCOMPARE(g.checkedAt, kNow);
        QVERIFY(find(steps, g.stepId));
    }
    QVERIFY(gates.at(0).evidence.startsWith(QLatin1String("CI integrations not analysed")));
}

void TestCutoverRunbook::planGatesPassAndFailOnTheRecords()
{
    PlanData plan = basePlan(DomainDecision::Choice::NewName);
    plan.ciIntegrations.lastRefreshAt = kNow.addSecs(-600);
    CiIntegrationRecord moved;
    moved.system = QStringLiteral("Jenkins");
    moved.location = QStringLiteral("a");
    moved.decision = CiIntegrationRecord::Decision::Repoint;
    moved.status = CiIntegrationRecord::Status::Verified;
    CiIntegrationRecord waiting = moved;
    waiting.location = QStringLiteral("b");
    waiting.status = CiIntegrationRecord::Status::Repointed;
    CiIntegrationRecord retired = waiting;
    retired.location = QStringLiteral("c");
    retired.decision = CiIntegrationRecord::Decision::Retire;
    plan.ciIntegrations.integrations = {{QStringLiteral("a"), moved}, {QStringLiteral("c"), retired}};
    TentacleMark verified;
    verified.verification = TentacleMark::Verification::Verified;
    plan.tentacles.machines.insert(QStringLiteral("Machines-1"), verified);
    TestPlanRow passed;
    passed.id = QStringLiteral("smoke:Octopus.Script");
    passed.status = TestPlanRow::Status::Passed;
    TestPlanRow skipped = passed;
    skipped.id = QStringLiteral("history:logs");
    skipped.status = TestPlanRow::Status::Skipped;
    plan.testPlan.rows = {passed, skipped};
    auto statusOf = [](const QList<Gate> &gates, const char *id) {
        for (const Gate &g : gates) {
            if (g.id == QLatin1String(id))
                return g.status;
        }
        return Gate::Status::Pending;
    };
    QList<Gate> gates = planGates(plan, generate({plan, {}, -1}), kNow);
    QCOMPARE(statusOf(gates, kGateCiVerified), Gate::Status::Pass); // the retired one does not count
    QCOMPARE(statusOf(gates, kGateTentaclesVerified), Gate::Status::Pass);
    QCOMPARE(statusOf(gates, kGateTestPlanPassed), Gate::Status::Pass);

    plan.ciIntegrations.integrations.insert(QStringLiteral("b"), waiting);
    plan.tentacles.machines.insert(QStringLiteral("Machines-2"), TentacleMark());
    plan.testPlan.rows[1].status = TestPlanRow::Status::Failed;
    gates = planGates(plan, generate({plan, {}, -1}), kNow);
    QCOMPARE(statusOf(gates, kGateCiVerified), Gate::Status::Fail);
    QCOMPARE(statusOf(gates, kGateTentaclesVerified), Gate::Status::Fail);
    QCOMPARE(statusOf(gates, kGateTestPlanPassed), Gate::Status::Fail);
    for (const Gate &g : gates) {
        if (g.id == QLatin1String(kGateCiVerified))
            QVERIFY(g.evidence.contains(QLatin1String("Jenkins (b)")));
        if (g.id == QLatin1String(kGateTentaclesVerified))
            QVERIFY(g.evidence.contains(QLatin1String("Machines-2")));
    }
}

void TestCutoverRunbook::overrideTurnsAFailIntoOverridden()
{
    const QList<Step> steps = generate({basePlan(DomainDecision::Choice::KeepName), {}, -1});
    Gate failed;
    failed.id = QLatin1String(kGateOldQueueDrained);
    failed.status = Gate::Status::Fail;
    failed.evidence = QStringLiteral("2 tasks running");
    Gate passed;
    passed.id = QLatin1String(kGateOldMaintenance);
    passed.status = Gate::Status::Pass;
    const QMap<QString, Gate> evaluated = {{failed.id, failed}, {passed.id, passed}};
    const QMap<QString, QString> reasons = {
        {QStringLiteral("before:drain"), QStringLiteral("nightly job, harmless")},
        {QStringLiteral("cutover:maintenance-on"), QStringLiteral("n/a")}};
    const QList<Gate> gates = gatesOf(steps, evaluated, reasons);
    for (const Gate &g : gates) {
        if (g.stepId == QLatin1String("before:drain")) {
            QCOMPARE(g.status, Gate::Status::Overridden);
            QVERIFY(g.evidence.contains(QLatin1String("nightly job, harmless")));
        } else if (g.stepId == QLatin1String("cutover:maintenance-on")) {
            QCOMPARE(g.status, Gate::Status::Pass); // an override changes only a failing gate
        } else {
            QCOMPARE(g.status, Gate::Status::Pending);
        }
        QVERIFY(!g.title.isEmpty());
    }
}

void TestCutoverRunbook::runFoldsTicksUnticksNotesAndOverrides()
{
    const QList<Step> steps = generate({basePlan(DomainDecision::Choice::KeepName), {}, -1});
    const QList<Entry> entries = {
        entry(1, QStringLiteral("tick"), QStringLiteral("before:announce"), 0),
        entry(2, QStringLiteral("tick"), QStringLiteral("before:change-freeze"), 4),
        entry(3, QStringLiteral("untick"), QStringLiteral("before:change-freeze"), 5),
        entry(4, QStringLiteral("note"), QStringLiteral("before:change-freeze"), 6,
              QStringLiteral("waiting for Ola")),
        entry(5, QStringLiteral("override"), QStringLiteral("before:drain"), 7,
              QStringLiteral("nightly job"))};
    const RunState run = fold(steps, entries);
    QVERIFY(run.steps.value(QStringLiteral("before:announce")).done);
    QCOMPARE(run.steps.value(QStringLiteral("before:announce")).by, QStringLiteral("dana"));
    QVERIFY(!run.steps.value(QStringLiteral("before:change-freeze")).done);
    QCOMPARE(run.steps.value(QStringLiteral("before:change-freeze")).notes.size(), 1);
    QVERIFY(run.steps.value(QStringLiteral("before:change-freeze"))
                .notes.first()
                .endsWith(QLatin1String("dana: waiting for Ola")));
    QCOMPARE(run.steps.value(QStringLiteral("before:drain")).overrideReason, QStringLiteral("nightly job"));
    QCOMPARE(run.currentStepId, QStringLiteral("before:change-freeze"));
    QCOMPARE(run.done, 1);
    int outsideRollback = 0;
    for (const Step &s : steps)
        outsideRollback += s.phase != Phase::Rollback;
    QCOMPARE(run.total, outsideRollback);
    QCOMPARE(run.startedAt, kNow);
}

void TestCutoverRunbook::rehearsalTimingsBecomePlannedDurations()
{
    const QList<Step> steps = generate({basePlan(DomainDecision::Choice::KeepName), {}, -1});
    QList<Entry> entries = {
        entry(1, QStringLiteral("note"), QString(), 0, QStringLiteral("rehearsal starts")),
        entry(2, QStringLiteral("tick"), QStringLiteral("before:announce"), 3),
        entry(3, QStringLiteral("tick"), QStringLiteral("before:change-freeze"), 11)};
    entries[2].at = entries[2].at.addSecs(20); // 8 min 20 s after the previous tick: 9 minutes
    const RunState run = fold(steps, entries);
    const QMap<QString, int> minutes = elapsedMinutes(steps, run);
    QCOMPARE(minutes.value(QStringLiteral("before:announce")), 3);
    QCOMPARE(minutes.value(QStringLiteral("before:change-freeze")), 9);
    QVERIFY(!minutes.contains(QStringLiteral("before:drain")));
    CutoverSection section;
    setOwner(&section, QStringLiteral("before:announce"), QStringLiteral("Dana"));
    const CutoverSection timed = withTimingsOf(section, minutes);
    PlanData plan = basePlan(DomainDecision::Choice::KeepName);
    plan.cutover = timed;
    const QList<Step> planned = generate({plan, {}, -1});
    QCOMPARE(find(planned, QStringLiteral("before:announce"))->plannedMinutes, 3);
    QCOMPARE(find(planned, QStringLiteral("before:announce"))->owner, QStringLiteral("Dana"));
    QCOMPARE(find(planned, QStringLiteral("before:change-freeze"))->plannedMinutes, 9);
    QCOMPARE(find(planned, QStringLiteral("before:drain"))->plannedMinutes, 15); // as generated
}

QTEST_GUILESS_MAIN(TestCutoverRunbook)
#include "tst_cutoverrunbook.moc"
