// RunbookReportBuilder: every section in order, also for an empty plan; the content of a realistic plan
// (decisions, both servers, Tentacles with their commands, CI owners, the audit's counts, the test plan with
// its sign-off, the drift chart as an SVG that parses, the runbook by phase with its point of no return, the
// checklist and the journal of a run with an override and its reason, rollback beside the run); a note for
// each part that is missing, saying why; and never a key, though keys sit in the process's environment and
// in the session's credentials.
#include "runbookreportbuilder.h"
#include "sessioncredentials.h"

#include <QSvgRenderer>
#include <QTest>

using RunbookDocument::Block;
using RunbookDocument::Cell;
using RunbookDocument::Document;
using RunbookDocument::Section;

namespace {

const QString kOldKey = QStringLiteral("API-OLDKEYTESTVALUE0123456789AB");
const QString kNewKey = QStringLiteral("API-NEWKEYTESTVALUE0123456789CD");

const QDateTime kT0(QDate(2026, 11, 26), QTime(21, 0), Qt::UTC);

const Section *sectionOf(const Document &doc, const QString &id)
{
    for (const Section &s : doc.sections) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

// Every text a section holds, for searching.
QString textOf(const Section &s)
{
    QStringList parts{s.title};
    for (const Block &b : s.blocks) {
        parts << b.text << b.caption;
        for (const auto &[label, value] : b.fields)
            parts << label << value;
        parts << b.table.columns;
        for (const QList<Cell> &row : b.table.rows) {
            for (const Cell &c : row)
                parts << c.text;
        }
    }
    return parts.join(QLatin1Char('\n'));
}

QStringList notesOf(const Section &s)
{
    QStringList notes;
    for (const Block &b : s.blocks) {
        if (b.kind == Block::Kind::Note)
            notes << b.text;
    }
    return notes;
}

// The table row whose cells contain `text`.
QList<Cell> rowWith(const Section &s, const QString &text)
{
    for (const Block &b : s.blocks) {
        for (const QList<Cell> &row : b.table.rows) {
            for (const Cell &c : row) {
                if (c.text.contains(text))
                    return row;
            }
        }
    }
    return {};
}

TentacleMachine machine(const QString &id, const QString &name, bool windows, const QString &version)
{
    TentacleMachine m;
    m.id = id;
    m.name = name;
    m.spaceId = QStringLiteral("Spaces-1");
    m.spaceName = QStringLiteral("Default");
    m.communicationStyle = QStringLiteral("TentacleActive");
    m.tentacleVersion = version;
    m.operatingSystem = windows ? QStringLiteral("Microsoft Windows Server 2019") : QStringLiteral("Linux");
    m.shellName = windows ? QStringLiteral("PowerShell") : QStringLiteral("Bash");
    m.environments = {QStringLiteral("Production")};
    return m;
}

PlanData realisticPlan()
{
    PlanData plan;
    plan.oldServer.url = QUrl(QStringLiteral("https://octopus.acme.example"));
    plan.newServer.url = QUrl(QStringLiteral("https://octopus-clone.acme.example:8443"));
    plan.domain.choice = DomainDecision::Choice::NewName;
    plan.domain.oldPublicUrl = QUrl(QStringLiteral("https://octopus.acme.example"));
    plan.domain.newPublicUrl = QUrl(QStringLiteral("https://octopus-new.acme.example"));
    plan.domain.notes = QStringLiteral("DNS change CHG-4711 approved");

    TentacleMark verified;
    verified.spaceId = QStringLiteral("Spaces-1");
    verified.repointedAt = kT0.addSecs(-7200);
    verified.verification = TentacleMark::Verification::Verified;
    verified.checkedAt = kT0.addSecs(-3600);
    verified.healthStatus = QStringLiteral("Healthy");
    plan.tentacles.machines.insert(QStringLiteral("Machines-1"), verified);

    plan.ciIntegrations.lastRefreshAt = kT0.addDays(-1);
    plan.ciIntegrations.talkingToOld = 2;
    plan.ciIntegrations.notVerified = 1;
    CiIntegrationRecord jenkins;
    jenkins.system = QStringLiteral("Jenkins");
    jenkins.location = QStringLiteral("jenkins.acme.example");
    jenkins.decision = CiIntegrationRecord::Decision::Repoint;
    jenkins.owner = QStringLiteral("Grace Hopper");
    jenkins.status = CiIntegrationRecord::Status::Verified;
    jenkins.verifiedAt = kT0.addSecs(-600);
    jenkins.verifiedBy = QStringLiteral("build information of build 1042");
    plan.ciIntegrations.integrations.insert(QStringLiteral("jenkins:jenkins.acme.example"), jenkins);
    CiIntegrationRecord ado;
    ado.system = QStringLiteral("Azure DevOps");
    ado.location = QStringLiteral("acme-org");
    ado.decision = CiIntegrationRecord::Decision::Repoint;
    ado.owner = QStringLiteral("Linus Torvalds");
    plan.ciIntegrations.integrations.insert(QStringLiteral("azure-devops:acme-org"), ado);

    ScriptAuditScanSummary scan;
    scan.at = kT0.addDays(-2);
    scan.files = 27;
    scan.findingsByCategory = {{QStringLiteral("old-server-url"), 12}, {QStringLiteral("secret"), 1}};
    scan.mentionsOfOldServer = 12;
    scan.filesMentioningOldServer = 5;
    plan.scriptAudit.lastScan = scan;
    AuditMark mark;
    mark.findingKey = QStringLiteral("deploy.ps1:3:old-server-url:abcd");
    mark.kind = AuditMark::Kind::Fixed;
    plan.scriptAudit.marks << mark;

    TestPlanRow smoke;
    smoke.id = QStringLiteral("smoke:Octopus.IIS");
    smoke.kind = QStringLiteral("smoke");
    smoke.title = QStringLiteral("Deploy an IIS web site");
    smoke.owner = QStringLiteral("Ada Lovelace");
    smoke.status = TestPlanRow::Status::Passed;
    smoke.notes = QStringLiteral("Acme.Web 1.4.2 to Test");
    TestPlanRow history;
    history.id = QStringLiteral("history:logs");
    history.kind = QStringLiteral("history");
    history.title = QStringLiteral("Open old task logs");
    history.owner = QStringLiteral("Alan Turing");
    plan.testPlan.rows << smoke << history;
    plan.testPlan.generatedAt = kT0.addDays(-3);

    DriftSection::LastCheck check;
    check.at = kT0.addSecs(-900);
    check.cloneTime = kT0.addDays(-2);
    check.state = QStringLiteral("green");
    check.changesSinceClone = 4;
    check.changesOnClone = 1;
    plan.drift.lastCheck = check;
    return plan;
}

Drift::Report driftReport()
{
    Drift::Report r;
    r.cloneTime = kT0.addSecs(-6 * 3600);
    r.at = kT0;
    r.ageDays = 0.25;
    r.oldServer.changes = 9;
    r.oldServer.structuralChanges = 2;
    r.clone.changes = 3;
    Drift::ChangedObject object;
    object.id = QStringLiteral("deploymentprocess-Projects-3");
    object.kind = Drift::ObjectKind::DeploymentProcess;
    object.name = QStringLiteral("Deployment process of Acme.Web");
    object.changes = 2;
    object.lastChanged = kT0.addSecs(-1800);
    r.oldServer.objects << object;
    for (int h = 0; h < 6; ++h)
        r.timeline.append({r.cloneTime.addSecs(h * 3600), h % 3, h == 4 ? 3 : 0});
    return r;
}

RunbookReportBuilder::Input realisticInput()
{
    RunbookReportBuilder::Input in;
    in.plan = realisticPlan();
    in.planName = QStringLiteral("acme.handover");
    in.exportedAt = kT0;
    in.hasJournal = true;
    in.journalSha256 = QStringLiteral("ab12").repeated(16);
    in.oldServer.read = true;
    in.oldServer.version = QStringLiteral("2023.2.13280");
    in.oldServer.checks = {{QStringLiteral("old.reachable"), QStringLiteral("pass"),
                            QStringLiteral("Reachable; the API key is accepted.")}};
    in.newServer.read = true;
    in.newServer.version = QStringLiteral("2024.1.12345");
    in.newServer.checks = {{QStringLiteral("new.maintenance"), QStringLiteral("warn"),
                            QStringLiteral("Maintenance mode is on")}};
    in.pairChecks = {{QStringLiteral("version-match"), QStringLiteral("fail"),
                      QStringLiteral("The versions differ: 2023.2 and 2024.1")}};
    in.machines = QList<TentacleMachine>{
        machine(QStringLiteral("Machines-1"), QStringLiteral("web-01"), false, QStringLiteral("8.1.1942")),
        machine(QStringLiteral("Machines-2"), QStringLiteral("win-01"), true, QStringLiteral("6.3.417"))};
    in.tentacleOptions.newHost = QStringLiteral("octopus-new.acme.example");
    in.tentacleOptions.serverThumbprint = QStringLiteral("A1B2C3D4E5F60718293A4B5C6D7E8F9012345678");
    in.tentacleOptions.oldHost = QStringLiteral("octopus.acme.example");

    CiIntegrations::Integration row;
    row.id = QStringLiteral("jenkins:jenkins.acme.example");
    row.system = QStringLiteral("Jenkins");
    row.location = QStringLiteral("jenkins.acme.example");
    row.serviceAccount = QStringLiteral("svc-jenkins");
    row.lastSeenOld = kT0.addDays(-1);
    row.lastSeenNew = kT0.addSecs(-600);
    in.ciRows = QList<CiIntegrations::Integration>{row};
    in.drift = driftReport();

    // The live run: two ticks, a note, an override with its reason, an action and its result.
    auto entry = [](qint64 seq, const char *kind, const char *step, const char *by, int minutes,
                    const QString &text, const QString &detail = QString()) {
        return CutoverRunbook::Entry{seq,
                                     QLatin1String(kind),
                                     QLatin1String(step),
                                     QLatin1String(by),
                                     kT0.addSecs(minutes * 60),
                                     text,
                                     detail};
    };
    in.entries = {
        entry(1, "tick", "before:announce", "Ada Lovelace", 0, QStringLiteral("mail sent")),
        entry(2, "note", "before:announce", "Grace Hopper", 1, QStringLiteral("replies from two teams")),
        entry(3, "override", "cutover:maintenance-on", "Ada Lovelace", 7, QStringLiteral("freeze agreed"),
              QStringLiteral(
                  "{\"gate\":\"old-maintenance\",\"status\":\"fail\",\"evidence\":\"not in maintenance\"}")),
        entry(4, "action", "cutover:maintenance-on", "Ada Lovelace", 8, QStringLiteral("maintenance-on"),
              QStringLiteral("{\"action\":\"maintenance-on\",\"server\":\"old\",\"serverUrl\":\"https://"
                             "octopus.acme.example\"}")),
        entry(5, "result", "cutover:maintenance-on", "Ada Lovelace", 9,
              QStringLiteral("maintenance mode is on (read back)")),
        entry(6, "tick", "cutover:maintenance-on", "Ada Lovelace", 10, QString())};
    return in;
}

QByteArray markdownOf(const Document &doc)
{
    return RunbookDocument::toMarkdown(doc);
}

} // namespace

class TestRunbookReportBuilder : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everySectionInOrder_data()
    {
        QTest::addColumn<bool>("realistic");
        QTest::newRow("realistic plan") << true;
        QTest::newRow("empty plan") << false;
    }
    void everySectionInOrder()
    {
        QFETCH(bool, realistic);
        const Document doc =
            RunbookReportBuilder::build(realistic ? realisticInput() : RunbookReportBuilder::Input());
        QStringList ids;
        for (const Section &s : doc.sections) {
            ids << s.id;
            QVERIFY2(!s.title.isEmpty(), qPrintable(s.id));
            QVERIFY2(!s.blocks.isEmpty(), qPrintable(s.id)); // every part present, with a note when empty
        }
        QCOMPARE(
            ids,
            (QStringList{QStringLiteral("decisions"), QStringLiteral("servers"), QStringLiteral("tentacles"),
                         QStringLiteral("ci"), QStringLiteral("audit"), QStringLiteral("test-plan"),
                         QStringLiteral("drift"), QStringLiteral("runbook"), QStringLiteral("checklist"),
                         QStringLiteral("journal"), QStringLiteral("rollback"), QStringLiteral("sign-off")}));
        QCOMPARE(ids, RunbookReportBuilder::sectionIds());
        QVERIFY(!doc.title.isEmpty());
        QVERIFY(doc.exportedAt.isValid());
        QCOMPARE(doc.exportedAt.timeSpec(), Qt::UTC);
    }

    void documentFieldsNameThePlanAndTheJournal()
    {
        const Document doc = RunbookReportBuilder::build(realisticInput());
        QCOMPARE(doc.planName, QStringLiteral("acme.handover"));
        QCOMPARE(doc.exportedAt, kT0);
        QCOMPARE(doc.journalSha256, QStringLiteral("ab12").repeated(16));
        QVERIFY(doc.subtitle.contains(QLatin1String("octopus.acme.example")));
        QVERIFY(doc.subtitle.contains(QLatin1String("octopus-new.acme.example")));
        QVERIFY(doc.runningHeader.contains(QLatin1String("octopus-new.acme.example")));
        QVERIFY(doc.footerText().contains(QLatin1String("acme.handover")));
    }

    void decisionsAndServers()
    {
        const Document doc = RunbookReportBuilder::build(realisticInput());
        const QString decisions = textOf(*sectionOf(doc, QStringLiteral("decisions")));
        QVERIFY(decisions.contains(QLatin1String("new-name")));
        QVERIFY(decisions.contains(QLatin1String("https://octopus-new.acme.example")));
        QVERIFY(decisions.contains(QLatin1String("https://octopus.acme.example")));
        QVERIFY(decisions.contains(QLatin1String("CHG-4711")));
        const Section &servers = *sectionOf(doc, QStringLiteral("servers"));
        const QString text = textOf(servers);
        QVERIFY(text.contains(QLatin1String("2023.2.13280")));
        QVERIFY(text.contains(QLatin1String("2024.1.12345")));
        QVERIFY(text.contains(QLatin1String("The versions differ")));
        QCOMPARE(rowWith(servers, QStringLiteral("version-match")).value(1).text, QStringLiteral("FAIL"));
        QVERIFY(notesOf(servers).isEmpty()); // both read
    }

    void tentaclesWithTheirCommandsAndMarks()
    {
        RunbookReportBuilder::Input in = realisticInput();
        Document doc = RunbookReportBuilder::build(in);
        const Section &t = *sectionOf(doc, QStringLiteral("tentacles"));
        const QList<Cell> web = rowWith(t, QStringLiteral("web-01"));
        QCOMPARE(web.last().check, Cell::Check::Checked); // verified in the plan
        QCOMPARE(rowWith(t, QStringLiteral("win-01")).last().check, Cell::Check::Unchecked);
        QCOMPARE(web.value(3).text, QStringLiteral("Production"));
        QCOMPARE(web.value(4).text, QStringLiteral("Default"));
        int repoint = 0;
        int after = 0;
        for (const Block &b : t.blocks) {
            if (b.kind != Block::Kind::Commands)
                continue;
            QVERIFY(b.text.contains(QLatin1String("octopus-new.acme.example")));
            if (b.text.contains(QLatin1String("clear-trusted-servers")))
                ++after;
            else
                ++repoint;
        }
        QCOMPARE(repoint, 2);
        QCOMPARE(after, 1);                                         // Tentacle 6.3 cannot: a note says why
        QVERIFY(textOf(t).contains(QLatin1String("server-comms"))); // the old Tentacle's re-point

        // Many machines: one table, a command line a row, fixed-width.
        in.compactTentaclesAbove = 1;
        doc = RunbookReportBuilder::build(in);
        const Section &compact = *sectionOf(doc, QStringLiteral("tentacles"));
        bool commandBlocks = false;
        for (const Block &b : compact.blocks)
            commandBlocks = commandBlocks || b.kind == Block::Kind::Commands;
        QVERIFY(!commandBlocks);
        const QList<Cell> line = rowWith(compact, QStringLiteral("poll-server"));
        QVERIFY(!line.isEmpty());
        QVERIFY(line.last().mono);
        QCOMPARE(line.first().text, QStringLiteral("web-01"));

        // The name is kept: no command, and the section says so.
        in.plan.domain.choice = DomainDecision::Choice::KeepName;
        doc = RunbookReportBuilder::build(in);
        const QString kept = textOf(*sectionOf(doc, QStringLiteral("tentacles")));
        QVERIFY(kept.contains(QLatin1String("No command is needed")));
        QVERIFY(!kept.contains(QLatin1String("poll-server")));
    }

    void ciIntegrationsWithOwnersDecisionsAndStatus()
    {
        const Document doc = RunbookReportBuilder::build(realisticInput());
        const Section &ci = *sectionOf(doc, QStringLiteral("ci"));
        const QList<Cell> jenkins = rowWith(ci, QStringLiteral("jenkins.acme.example"));
        QCOMPARE(jenkins.value(1).text, QStringLiteral("svc-jenkins"));
        QCOMPARE(jenkins.value(2).text, QStringLiteral("Grace Hopper"));
        QCOMPARE(jenkins.value(3).text, QStringLiteral("repoint"));
        QCOMPARE(jenkins.value(4).check, Cell::Check::Checked);
        QVERIFY(jenkins.value(4).text.contains(QLatin1String("build 1042")));
        // A record the refresh did not list is still there, from the plan.
        const QList<Cell> ado = rowWith(ci, QStringLiteral("acme-org"));
        QCOMPARE(ado.value(2).text, QStringLiteral("Linus Torvalds"));
        QCOMPARE(ado.value(4).check, Cell::Check::Unchecked);
    }

    void auditInCountsOnly()
    {
        RunbookReportBuilder::Input in = realisticInput();
        in.plan.scriptAudit.marks.first().note = kOldKey; // a careless note: never printed
        const Document doc = RunbookReportBuilder::build(in);
        const Section &audit = *sectionOf(doc, QStringLiteral("audit"));
        QCOMPARE(rowWith(audit, QStringLiteral("old-server-url")).value(1).text, QStringLiteral("12"));
        const QString text = textOf(audit);
        QVERIFY(text.contains(QLatin1String("27")));
        QVERIFY(!text.contains(QLatin1String("deploy.ps1")));
        QVERIFY(!text.contains(kOldKey));
    }

    void testPlanRowsWithSignOff()
    {
        const Document doc = RunbookReportBuilder::build(realisticInput());
        const Section &tp = *sectionOf(doc, QStringLiteral("test-plan"));
        const QList<Cell> smoke = rowWith(tp, QStringLiteral("Deploy an IIS web site"));
        QCOMPARE(smoke.value(3).text, QStringLiteral("Ada Lovelace"));
        QCOMPARE(smoke.value(4).check, Cell::Check::Checked);
        QCOMPARE(smoke.value(5).text, QStringLiteral("Acme.Web 1.4.2 to Test"));
        const QList<Cell> logs = rowWith(tp, QStringLiteral("Open old task logs"));
        QCOMPARE(logs.value(3).text, QStringLiteral("Alan Turing"));
        QCOMPARE(logs.value(4).check, Cell::Check::Unchecked);
        bool signOff = false;
        for (const Block &b : tp.blocks)
            signOff = signOff || (b.kind == Block::Kind::SignOff && !b.fields.isEmpty());
        QVERIFY(signOff);
        QVERIFY(!notesOf(tp).isEmpty()); // one untested: the gate fails, and the section says so
        QVERIFY(markdownOf(doc).contains("☑ passed"));
    }

    void driftChartIsAnSvgThatParses()
    {
        const Document doc = RunbookReportBuilder::build(realisticInput());
        const Section &drift = *sectionOf(doc, QStringLiteral("drift"));
        const Block *image = nullptr;
        for (const Block &b : drift.blocks) {
            if (b.kind == Block::Kind::Image)
                image = &b;
        }
        QVERIFY(image);
        QVERIFY(image->size.width() > 0 && image->size.height() > 0);
        QVERIFY(!image->caption.isEmpty());
        QSvgRenderer renderer(image->svg);
        QVERIFY(renderer.isValid());
        QVERIFY(image->svg.contains("Hour (UTC)"));
        QVERIFY(image->svg.contains("<path")); // the lines
        const QString text = textOf(drift);
        QVERIFY(text.contains(QLatin1String("Deployment process of Acme.Web")));
        QCOMPARE(rowWith(drift, QStringLiteral("deploymentprocess-Projects-3")).value(3).text,
                 QStringLiteral("2"));

        // An empty timeline is still a drawing.
        QVERIFY(QSvgRenderer(RunbookReportBuilder::driftChartSvg({}, QSizeF(170, 70))).isValid());

        // Without a report: the plan's last check, with a note and no chart.
        RunbookReportBuilder::Input in = realisticInput();
        in.drift.reset();
        in.driftNote = QStringLiteral("the old server did not answer");
        const Document withoutReport = RunbookReportBuilder::build(in);
        const Section &fromPlan = *sectionOf(withoutReport, QStringLiteral("drift"));
        for (const Block &b : fromPlan.blocks)
            QVERIFY(b.kind != Block::Kind::Image);
        QVERIFY(notesOf(fromPlan).join(QString()).contains(QLatin1String("the old server did not answer")));
        QVERIFY(textOf(fromPlan).contains(QLatin1String("green")));
    }

    void runbookByPhaseWithThePointOfNoReturn()
    {
        const Document doc = RunbookReportBuilder::build(realisticInput());
        const Section &runbook = *sectionOf(doc, QStringLiteral("runbook"));
        QStringList headings;
        for (const Block &b : runbook.blocks) {
            if (b.kind == Block::Kind::Heading)
                headings << b.text;
        }
        QCOMPARE(headings, (QStringList{CutoverRunbook::phaseTitle(CutoverRunbook::Phase::Before),
                                        CutoverRunbook::phaseTitle(CutoverRunbook::Phase::Cutover),
                                        CutoverRunbook::phaseTitle(CutoverRunbook::Phase::After),
                                        CutoverRunbook::phaseTitle(CutoverRunbook::Phase::Rollback)}));
        // The point of no return closes a table, right after its step.
        bool marked = false;
        for (qsizetype i = 0; i < runbook.blocks.size(); ++i) {
            const Block &b = runbook.blocks.at(i);
            if (b.kind == Block::Kind::Note && b.text.contains(QLatin1String("POINT OF NO RETURN"))) {
                marked = true;
                QVERIFY(i > 0);
                const Block &before = runbook.blocks.at(i - 1);
                QCOMPARE(before.kind, Block::Kind::Table);
                QVERIFY(before.table.rows.last().value(1).text.contains(QLatin1String("cutover:go-live")));
            }
        }
        QVERIFY(marked);
        const QList<Cell> maintenance = rowWith(runbook, QStringLiteral("cutover:maintenance-on"));
        QCOMPARE(maintenance.value(5).text, CutoverRunbook::gateTitle(QStringLiteral("old-maintenance")));
        QVERIFY(textOf(runbook).contains(QLatin1String("https://octopus-clone.acme.example:8443/app#/")));
    }

    void checklistAndJournalFromTheRunsEntries()
    {
        const Document doc = RunbookReportBuilder::build(realisticInput());
        const Section &checklist = *sectionOf(doc, QStringLiteral("checklist"));
        const QList<Cell> announce = rowWith(checklist, QStringLiteral("before:announce"));
        QCOMPARE(announce.value(0).check, Cell::Check::Checked);
        QCOMPARE(announce.value(2).text, QStringLiteral("Ada Lovelace"));
        QCOMPARE(announce.value(3).text, QStringLiteral("2026-11-26 21:00:00 UTC"));
        QVERIFY(announce.value(6).text.contains(QLatin1String("replies from two teams")));
        const QList<Cell> maintenance = rowWith(checklist, QStringLiteral("cutover:maintenance-on"));
        QCOMPARE(maintenance.value(0).check, Cell::Check::Checked);
        QVERIFY(
            maintenance.value(4).text.startsWith(QLatin1String("10 min /"))); // elapsed since the last tick
        QVERIFY(maintenance.value(6).text.contains(QLatin1String("Gate overridden: freeze agreed")));
        QVERIFY(maintenance.value(5).text.startsWith(QLatin1String("overridden")));
        const QList<Cell> freeze = rowWith(checklist, QStringLiteral("before:change-freeze"));
        QCOMPARE(freeze.value(0).check, Cell::Check::Unchecked);
        QVERIFY(freeze.value(0).text.contains(QLatin1String("current step")));

        const Section &journal = *sectionOf(doc, QStringLiteral("journal"));
        const QList<Cell> override = rowWith(journal, QStringLiteral("freeze agreed"));
        QCOMPARE(override.value(0).text, QStringLiteral("3"));
        QCOMPARE(override.value(3).text, QStringLiteral("OVERRIDE"));
        QVERIFY(override.value(5).text.contains(QLatin1String("not in maintenance")));
        QVERIFY(textOf(journal).contains(QLatin1String("maintenance-on on https://octopus.acme.example")));
        int entries = 0;
        for (const Block &b : journal.blocks)
            entries += b.kind == Block::Kind::Table ? int(b.table.rows.size()) : 0;
        QCOMPARE(entries, 6);

        const Section &rollback = *sectionOf(doc, QStringLiteral("rollback"));
        const QList<Cell> off = rowWith(rollback, QStringLiteral("cutover:maintenance-on")); // what it undoes
        QVERIFY(off.value(2).text.contains(QLatin1String("to undo")));
        QVERIFY(off.value(2).text.contains(QLatin1String("Ada Lovelace")));
    }

    void notesSayWhyAPartIsMissing()
    {
        RunbookReportBuilder::Input in;
        in.plan.oldServer.url = QUrl(QStringLiteral("https://octopus.acme.example"));
        in.plan.newServer.url = QUrl(QStringLiteral("https://octopus-new.acme.example"));
        in.oldServer.error = QStringLiteral("connection refused");
        in.journalNote = QStringLiteral("the plan has not been saved yet");
        const Document doc = RunbookReportBuilder::build(in);
        auto notes = [&](const char *id) {
            return notesOf(*sectionOf(doc, QLatin1String(id))).join(QLatin1Char('\n'));
        };
        QVERIFY2(notes("servers").contains(
                     QLatin1String("could not be reached at export time: connection refused")),
                 qPrintable(notes("servers")));
        QVERIFY(notes("servers").contains(QLatin1String("not read at export time")));
        QVERIFY(notes("decisions").contains(QLatin1String("not decided")));
        QVERIFY(notes("tentacles").contains(QLatin1String("not read")));
        QCOMPARE(notes("ci"), QStringLiteral("CI integrations not analysed: the step was skipped."));
        QVERIFY(notes("audit").contains(QLatin1String("skipped")));
        QVERIFY(notes("test-plan").contains(QLatin1String("not generated")));
        QVERIFY(notes("drift").contains(QLatin1String("never ran")));
        QVERIFY(notes("checklist").contains(QLatin1String("the plan has not been saved yet")));
        QVERIFY(notes("journal").contains(QLatin1String("the plan has not been saved yet")));
        QVERIFY(doc.journalSha256.isEmpty());
    }

    void neverAKey()
    {
        // Keys where a careless builder might look: the environment and the session's credentials.
        qputenv("HANDOVER_OLD_API_KEY", kOldKey.toUtf8());
        qputenv("HANDOVER_NEW_API_KEY", kNewKey.toUtf8());
        SessionCredentials credentials;
        credentials.setApiKey(ServerRole::Old, kOldKey);
        credentials.setApiKey(ServerRole::New, kNewKey);
        for (const bool realistic : {true, false}) {
            const Document doc =
                RunbookReportBuilder::build(realistic ? realisticInput() : RunbookReportBuilder::Input());
            const QByteArray markdown = markdownOf(doc);
            const QByteArray html = RunbookDocument::toHtml(doc);
            QVERIFY(!markdown.isEmpty());
            for (const QString &key : {kOldKey, kNewKey}) {
                QVERIFY(!markdown.contains(key.toUtf8()));
                QVERIFY(!html.contains(key.toUtf8()));
                for (const Section &s : doc.sections) {
                    QVERIFY(!textOf(s).contains(key));
                    for (const Block &b : s.blocks)
                        QVERIFY(!b.svg.contains(key.toUtf8()));
                }
            }
        }
        qunsetenv("HANDOVER_OLD_API_KEY");
        qunsetenv("HANDOVER_NEW_API_KEY");
    }
};

QTEST_GUILESS_MAIN(TestRunbookReportBuilder)
#include "tst_runbookreportbuilder.moc"
