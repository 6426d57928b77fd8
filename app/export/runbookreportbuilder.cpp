#include "runbookreportbuilder.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QJsonObject>
#include <QPainter>
#include <QPainterPath>
#include <QSvgGenerator>

#include <algorithm>

using RunbookDocument::Block;
using RunbookDocument::Cell;
using RunbookDocument::Section;
using RunbookDocument::Table;

namespace {

using Builder = RunbookReportBuilder;
using Check = Cell::Check;

// A time for people reading a printout: UTC, to the second; a dash when unknown.
QString utc(const QDateTime &at)
{
    return at.isValid() ? at.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss")) + QStringLiteral(" UTC")
                        : QStringLiteral("—");
}

QString orDash(const QString &text)
{
    return text.trimmed().isEmpty() ? QStringLiteral("—") : text;
}

QString urlText(const QUrl &url)
{
    return url.isEmpty() ? QString() : url.toString(QUrl::RemoveUserInfo);
}

Block table(const QStringList &columns, const QList<QList<Cell>> &rows, const QList<int> &widths = {})
{
    Table t;
    t.columns = columns;
    t.rows = rows;
    t.widths = widths;
    return Block::tableOf(t);
}

Section section(const char *id, const QString &title)
{
    Section s;
    s.id = QLatin1String(id);
    s.title = title;
    return s;
}

// Where Tentacles and users will reach the new server: the new public URL with a new name, the old one when
// the name is kept, the URL the plan reaches it by otherwise.
QUrl newTargetOf(const PlanData &plan)
{
    if (plan.domain.choice == DomainDecision::Choice::NewName && !plan.domain.newPublicUrl.isEmpty())
        return plan.domain.newPublicUrl;
    if (plan.domain.choice == DomainDecision::Choice::KeepName && !plan.domain.oldPublicUrl.isEmpty())
        return plan.domain.oldPublicUrl;
    return plan.newServer.url;
}

QString hostOrUrl(const QUrl &url)
{
    return url.host().isEmpty() ? url.toString() : url.host();
}

// --- decisions -------------------------------------------------------------------------------------------

Section decisionsSection(const Builder::Input &in)
{
    Section s = section("decisions", RunbookReportBuilder::tr("Decisions"));
    const DomainDecision &d = in.plan.domain;
    QString choice;
    switch (d.choice) {
    case DomainDecision::Choice::KeepName:
        choice =
            RunbookReportBuilder::tr("Keep the name (keep-name): DNS moves to the new server at cutover");
        break;
    case DomainDecision::Choice::NewName:
        choice = RunbookReportBuilder::tr(
            "New name (new-name): Tentacles and CI systems are re-pointed to the new URL");
        break;
    case DomainDecision::Choice::Undecided:
        choice = RunbookReportBuilder::tr("Not decided");
        break;
    }
    QList<QPair<QString, QString>> fields{
        {RunbookReportBuilder::tr("Domain name"), choice},
        {RunbookReportBuilder::tr("Old public URL"), orDash(urlText(d.oldPublicUrl))},
        {RunbookReportBuilder::tr("New public URL"),
         d.choice == DomainDecision::Choice::KeepName
             ? RunbookReportBuilder::tr("%1 (the same name)").arg(orDash(urlText(d.oldPublicUrl)))
             : orDash(urlText(d.newPublicUrl))},
        {RunbookReportBuilder::tr("Old server (reached at)"), orDash(urlText(in.plan.oldServer.url))},
        {RunbookReportBuilder::tr("New server (reached at)"), orDash(urlText(in.plan.newServer.url))},
        {RunbookReportBuilder::tr("Notes"), orDash(d.notes)}};
    s.blocks << Block::fieldList(fields);
    if (d.choice == DomainDecision::Choice::Undecided)
        s.blocks << Block::note(
            RunbookReportBuilder::tr("The domain name is not decided yet (Domain step): the commands in this "
                                     "runbook assume a new name."));
    return s;
}

// --- servers ---------------------------------------------------------------------------------------------

QString checkStatusText(const QString &status)
{
    if (status == QLatin1String("pass"))
        return RunbookReportBuilder::tr("pass");
    if (status == QLatin1String("warn"))
        return RunbookReportBuilder::tr("warning");
    if (status == QLatin1String("fail"))
        return RunbookReportBuilder::tr("FAIL");
    return RunbookReportBuilder::tr("not checked");
}

Section serversSection(const Builder::Input &in)
{
    Section s = section("servers", RunbookReportBuilder::tr("Servers"));
    const Builder::ServerStatus *status[2] = {&in.oldServer, &in.newServer};
    auto readText = [](const Builder::ServerStatus &st) {
        if (st.read)
            return RunbookReportBuilder::tr("read at %1").arg(utc(st.checkedAt));
        return st.error.isEmpty() ? RunbookReportBuilder::tr("not read")
                                  : RunbookReportBuilder::tr("could not be read");
    };
    s.blocks << table(
        {QString(), RunbookReportBuilder::tr("Old server"), RunbookReportBuilder::tr("New server")},
        {{RunbookReportBuilder::tr("URL"), Cell::code(orDash(urlText(in.plan.oldServer.url))),
          Cell::code(orDash(urlText(in.plan.newServer.url)))},
         {RunbookReportBuilder::tr("Version"), orDash(status[0]->version), orDash(status[1]->version)},
         {RunbookReportBuilder::tr("At export time"), readText(*status[0]), readText(*status[1])}},
        {2, 3, 3});
    for (int i = 0; i < 2; ++i) {
        const Builder::ServerStatus &st = *status[i];
        if (st.read)
            continue;
        const QString server = i == 0 ? RunbookReportBuilder::tr("old") : RunbookReportBuilder::tr("new");
        const QString url = urlText(i == 0 ? in.plan.oldServer.url : in.plan.newServer.url);
        s.blocks << Block::note(
            st.error.isEmpty()
                ? RunbookReportBuilder::tr(
                      "The %1 server %2 was not read at export time: its version and readiness are unknown.")
                      .arg(server, url)
                : RunbookReportBuilder::tr("The %1 server %2 could not be reached at export time: %3")
                      .arg(server, url, st.error));
    }
    QList<QList<Cell>> rows;
    for (const QList<Builder::Check> *checks : {&in.oldServer.checks, &in.newServer.checks, &in.pairChecks}) {
        for (const Builder::Check &c : *checks)
            rows.append({Cell::code(c.id), checkStatusText(c.status), c.message});
    }
    if (rows.isEmpty())
        s.blocks << Block::note(RunbookReportBuilder::tr("Readiness was not checked at export time."));
    else
        s.blocks << Block::heading(RunbookReportBuilder::tr("Readiness at export time"), 3)
                 << table({RunbookReportBuilder::tr("Check"), RunbookReportBuilder::tr("Status"),
                           RunbookReportBuilder::tr("Message")},
                          rows, {3, 1, 6});
    return s;
}

// --- tentacles -------------------------------------------------------------------------------------------

struct MarkText
{
    QString text;
    Check check = Check::Unchecked;
};

MarkText markText(const std::optional<TentacleMark> &mark)
{
    if (!mark)
        return {RunbookReportBuilder::tr("not re-pointed"), Check::Unchecked};
    switch (mark->verification) {
    case TentacleMark::Verification::Verified:
        return {RunbookReportBuilder::tr("verified %1").arg(utc(mark->checkedAt)), Check::Checked};
    case TentacleMark::Verification::Failed:
        return {RunbookReportBuilder::tr("health check failed %1 (%2)")
                    .arg(utc(mark->checkedAt), orDash(mark->healthStatus)),
                Check::Unchecked};
    case TentacleMark::Verification::Pending:
        break;
    }
    return {RunbookReportBuilder::tr("re-pointed %1, not verified").arg(utc(mark->repointedAt)),
            Check::Unchecked};
}

QString osTitle(TentacleCommands::Os os)
{
    switch (os) {
    case TentacleCommands::Os::Windows:
        return RunbookReportBuilder::tr("Windows (PowerShell)");
    case TentacleCommands::Os::Linux:
        return RunbookReportBuilder::tr("Linux (bash)");
    case TentacleCommands::Os::Unknown:
        break;
    }
    return RunbookReportBuilder::tr("unknown OS");
}

QString machineOsText(const TentacleMachine &m)
{
    if (m.isKubernetesAgent())
        return RunbookReportBuilder::tr("Kubernetes agent");
    const TentacleCommands::Os os = TentacleCommands::osFor(m);
    return os == TentacleCommands::Os::Unknown ? RunbookReportBuilder::tr("unknown")
                                               : TentacleCommands::osName(os);
}

struct MachineCommands
{
    // (caption, lines) for the re-point and for after cutover; notes where there is no command.
    QList<QPair<QString, QString>> repoint;
    QList<QPair<QString, QString>> after;
    QStringList notes;
};

MachineCommands commandsFor(const TentacleMachine &m, const TentacleCommands::Options &options)
{
    MachineCommands c;
    if (m.isKubernetesAgent()) {
        const QString repoint = TentacleCommands::helmRepointCommand(m, options);
        const QString after = TentacleCommands::helmCleanupCommand(m, options);
        if (!repoint.isEmpty())
            c.repoint.append({RunbookReportBuilder::tr("Helm"), repoint});
        if (!after.isEmpty())
            c.after.append({RunbookReportBuilder::tr("Helm"), after});
        if (const QString note = TentacleCommands::helmNote(m); !note.isEmpty())
            c.notes << note;
        return c;
    }
    for (const TentacleCommands::Os os : TentacleCommands::scriptOsesFor(m)) {
        c.repoint.append({osTitle(os), TentacleCommands::commandLines(m, os, options)});
        const QString after = TentacleCommands::cleanupLines(m, os, options);
        if (!after.isEmpty())
            c.after.append({osTitle(os), after});
    }
    if (const QString note = TentacleCommands::cleanupNote(m, options); !note.isEmpty())
        c.notes << note;
    return c;
}

Section tentaclesSection(const Builder::Input &in)
{
    Section s = section("tentacles", RunbookReportBuilder::tr("Polling Tentacles"));
    const PlanData &plan = in.plan;
    TentacleCommands::Options options = in.tentacleOptions;
    if (options.newHost.isEmpty()) {
        MigrationPlan live;
        live.replaceData(plan);
        options = TentacleCommands::optionsFor(live, options.serverThumbprint);
    }
    const bool keepName = plan.domain.choice == DomainDecision::Choice::KeepName;
    const auto &marks = plan.tentacles.machines;

    if (!in.machines) {
        s.blocks << Block::note(
            in.tentaclesNote.isEmpty()
                ? RunbookReportBuilder::tr(
                      "The polling Tentacles were not read: there is no inventory of the old "
                      "server at export time, so no commands are listed.")
                : RunbookReportBuilder::tr("The polling Tentacles were not read: %1").arg(in.tentaclesNote));
        if (marks.isEmpty()) {
            s.blocks << Block::note(RunbookReportBuilder::tr("No machine is marked re-pointed in the plan."));
            return s;
        }
        QList<QList<Cell>> rows;
        for (auto it = marks.cbegin(); it != marks.cend(); ++it) {
            const MarkText mark = markText(*it);
            rows.append({Cell::code(it.key()), it->spaceId, Cell(mark.text, mark.check)});
        }
        s.blocks << Block::heading(RunbookReportBuilder::tr("Marks in the plan"), 3)
                 << table({RunbookReportBuilder::tr("Machine"), RunbookReportBuilder::tr("Space"),
                           RunbookReportBuilder::tr("Status")},
                          rows, {3, 2, 4});
        return s;
    }

    const QList<TentacleMachine> &machines = *in.machines;
    int verified = 0;
    for (const TentacleMachine &m : machines)
        verified +=
            marks.contains(m.id) && marks.value(m.id).verification == TentacleMark::Verification::Verified;
    if (keepName)
        s.blocks << Block::paragraph(
            RunbookReportBuilder::tr(
                "No command is needed: the new server keeps the name %1. When DNS moves at cutover these %n "
                "polling Tentacle(s) follow it on their own; the new server's polling port %2 must be open.",
                nullptr, int(machines.size()))
                .arg(hostOrUrl(plan.domain.oldPublicUrl))
                .arg(options.pollingPort));
    else
        s.blocks << Block::paragraph(
            RunbookReportBuilder::tr(
                "%n polling Tentacle(s) must be re-pointed to %1:%2, each on its own machine; %3 verified by "
                "the "
                "new server so far. After cutover, each stops polling the old server with the second "
                "command.",
                nullptr, int(machines.size()))
                .arg(options.newHost)
                .arg(options.pollingPort)
                .arg(verified));
    if (machines.isEmpty()) {
        s.blocks << Block::note(RunbookReportBuilder::tr("The old server has no polling Tentacle."));
        return s;
    }

    QList<QList<Cell>> rows;
    for (const TentacleMachine &m : machines) {
        const MarkText mark =
            markText(marks.contains(m.id) ? std::optional(marks.value(m.id)) : std::nullopt);
        const QStringList where = m.isWorker() ? m.workerPools : m.environments;
        rows.append({Cell(m.name), Cell::code(m.id), TentacleMachine::kindName(m.kind),
                     where.join(QStringLiteral(", ")),
                     orDash(m.spaceName.isEmpty() ? m.spaceId : m.spaceName), machineOsText(m),
                     orDash(m.tentacleVersion), Cell(mark.text, mark.check)});
    }
    s.blocks << table({RunbookReportBuilder::tr("Machine"), RunbookReportBuilder::tr("Id"),
                       RunbookReportBuilder::tr("Kind"), RunbookReportBuilder::tr("Environments / pools"),
                       RunbookReportBuilder::tr("Space"), RunbookReportBuilder::tr("OS"),
                       RunbookReportBuilder::tr("Tentacle"), RunbookReportBuilder::tr("Status")},
                      rows, {3, 2, 2, 3, 2, 2, 2, 3});
    if (keepName)
        return s;

    if (machines.size() > in.compactTentaclesAbove) {
        // Thousands of machines: one table, one command line a row.
        QList<QList<Cell>> lines;
        for (const TentacleMachine &m : machines) {
            const MachineCommands c = commandsFor(m, options);
            for (const auto &[step, list] :
                 {std::pair{RunbookReportBuilder::tr("re-point"), &c.repoint},
                  std::pair{RunbookReportBuilder::tr("after cutover"), &c.after}}) {
                for (const auto &[caption, text] : *list) {
                    for (const QString &line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts))
                        lines.append({Cell(m.name), caption, step, Cell::code(line)});
                }
            }
            for (const QString &note : c.notes)
                lines.append({Cell(m.name), QString(), RunbookReportBuilder::tr("note"), note});
        }
        s.blocks << Block::heading(RunbookReportBuilder::tr("Commands, one line a row"), 3)
                 << table({RunbookReportBuilder::tr("Machine"), RunbookReportBuilder::tr("Shell"),
                           RunbookReportBuilder::tr("When"), RunbookReportBuilder::tr("Command")},
                          lines, {2, 1, 1, 8});
        return s;
    }
    for (const TentacleMachine &m : machines) {
        const MachineCommands c = commandsFor(m, options);
        s.blocks << Block::heading(QStringLiteral("%1 (%2)").arg(m.name, m.id), 3);
        for (const auto &[caption, text] : c.repoint)
            s.blocks << Block::commands(
                RunbookReportBuilder::tr("Re-point, %1: run on %2").arg(caption, m.name), text);
        for (const auto &[caption, text] : c.after)
            s.blocks << Block::commands(
                RunbookReportBuilder::tr("After cutover only, %1: stop polling the old server").arg(caption),
                text);
        for (const QString &note : c.notes)
            s.blocks << Block::note(note);
    }
    return s;
}

// --- ci --------------------------------------------------------------------------------------------------

QString decisionText(CiIntegrationRecord::Decision decision)
{
    switch (decision) {
    case CiIntegrationRecord::Decision::Repoint:
        return RunbookReportBuilder::tr("repoint");
    case CiIntegrationRecord::Decision::Retire:
        return RunbookReportBuilder::tr("retire");
    case CiIntegrationRecord::Decision::NotNeeded:
        return RunbookReportBuilder::tr("not needed");
    case CiIntegrationRecord::Decision::Undecided:
        break;
    }
    return RunbookReportBuilder::tr("undecided");
}

Section ciSection(const Builder::Input &in)
{
    Section s = section("ci", RunbookReportBuilder::tr("CI integrations"));
    const CiIntegrationsSection &ci = in.plan.ciIntegrations;
    const bool haveRows = in.ciRows && !in.ciRows->isEmpty();
    if (!ci.lastRefreshAt.isValid() && ci.integrations.isEmpty() && !haveRows) {
        s.blocks << Block::note(
            RunbookReportBuilder::tr("CI integrations not analysed: the step was skipped."));
        return s;
    }
    if (ci.lastRefreshAt.isValid())
        s.blocks << Block::paragraph(
            RunbookReportBuilder::tr(
                "Evidence of the last %n day(s), read %1: %2 integration(s) talking to the "
                "old server, %3 not verified on the new server.",
                nullptr, ci.windowDays)
                .arg(utc(ci.lastRefreshAt))
                .arg(ci.talkingToOld)
                .arg(ci.notVerified));
    if (!in.ciRows)
        s.blocks << Block::note(RunbookReportBuilder::tr(
            "CI evidence was not read at export time: decisions and statuses are the "
            "plan's."));

    QList<QList<Cell>> rows;
    QStringList seen;
    auto add = [&](const QString &id, const QString &system, const QString &location, const QString &account,
                   const QDateTime &lastOld, const QDateTime &lastNew) {
        seen << id;
        const CiIntegrationRecord r = ci.integrations.value(id);
        QString status;
        Check check = Check::Unchecked;
        switch (r.status) {
        case CiIntegrationRecord::Status::Verified:
            status = RunbookReportBuilder::tr("verified %1").arg(utc(r.verifiedAt));
            if (!r.verifiedBy.isEmpty())
                status += QStringLiteral(": ") + r.verifiedBy;
            check = Check::Checked;
            break;
        case CiIntegrationRecord::Status::Repointed:
            status = RunbookReportBuilder::tr("repointed %1, not verified").arg(utc(r.repointedAt));
            break;
        case CiIntegrationRecord::Status::Pending:
            status = RunbookReportBuilder::tr("pending");
            break;
        }
        if (r.decision == CiIntegrationRecord::Decision::Retire ||
            r.decision == CiIntegrationRecord::Decision::NotNeeded) {
            check = Check::None;
        }
        rows.append({QStringLiteral("%1 · %2").arg(orDash(system.isEmpty() ? r.system : system),
                                                   orDash(location.isEmpty() ? r.location : location)),
                     orDash(account), orDash(r.owner), decisionText(r.decision), Cell(status, check),
                     QStringLiteral("%1 / %2").arg(utc(lastOld), utc(lastNew)), orDash(r.notes)});
    };
    if (in.ciRows) {
        for (const CiIntegrations::Integration &row : *in.ciRows)
            add(row.id, row.system, row.location, row.serviceAccount, row.lastSeenOld, row.lastSeenNew);
    }
    for (auto it = ci.integrations.cbegin(); it != ci.integrations.cend(); ++it) {
        if (!seen.contains(it.key()))
            add(it.key(), it->system, it->location, QString(), QDateTime(), QDateTime());
    }
    if (rows.isEmpty()) {
        s.blocks << Block::paragraph(RunbookReportBuilder::tr("No integration talks to the old server."));
        return s;
    }
    s.blocks << table({RunbookReportBuilder::tr("Integration"), RunbookReportBuilder::tr("Service account"),
                       RunbookReportBuilder::tr("Owner"), RunbookReportBuilder::tr("Decision"),
                       RunbookReportBuilder::tr("Status"), RunbookReportBuilder::tr("Last seen (old / new)"),
                       RunbookReportBuilder::tr("Notes")},
                      rows, {3, 2, 2, 1, 3, 3, 3});
    return s;
}

// --- audit -----------------------------------------------------------------------------------------------

Section auditSection(const Builder::Input &in)
{
    Section s = section("audit", RunbookReportBuilder::tr("Script audit"));
    const ScriptAuditSection &audit = in.plan.scriptAudit;
    if (!audit.lastScan) {
        s.blocks << Block::note(RunbookReportBuilder::tr("Scripts not audited: the step was skipped."));
        return s;
    }
    const ScriptAuditScanSummary &scan = *audit.lastScan;
    int findings = 0;
    for (const int n : scan.findingsByCategory)
        findings += n;
    int fixed = 0;
    int accepted = 0;
    for (const AuditMark &m : audit.marks)
        (m.kind == AuditMark::Kind::Fixed ? fixed : accepted) += 1;
    s.blocks << Block::fieldList(
        {{RunbookReportBuilder::tr("Scanned"), utc(scan.at)},
         {RunbookReportBuilder::tr("Files"), QString::number(scan.files)},
         {RunbookReportBuilder::tr("Findings"), QString::number(findings)},
         {RunbookReportBuilder::tr("Mentions of the old server"),
          RunbookReportBuilder::tr("%1 in %n file(s)", nullptr, scan.filesMentioningOldServer)
              .arg(scan.mentionsOfOldServer)},
         {RunbookReportBuilder::tr("Marked fixed"), QString::number(fixed)},
         {RunbookReportBuilder::tr("Marked accepted"), QString::number(accepted)}});
    QList<QList<Cell>> rows;
    for (auto it = scan.findingsByCategory.cbegin(); it != scan.findingsByCategory.cend(); ++it)
        rows.append({Cell::code(it.key()), QString::number(it.value())});
    if (!rows.isEmpty())
        s.blocks << table({RunbookReportBuilder::tr("Category"), RunbookReportBuilder::tr("Findings")}, rows,
                          {3, 1});
    s.blocks << Block::note(RunbookReportBuilder::tr(
        "Counts only: the findings themselves (files, snippets, keys) are in the script "
        "audit's own export, never in this runbook."));
    return s;
}

// --- test plan -------------------------------------------------------------------------------------------

QString testStatusText(TestPlanRow::Status status)
{
    switch (status) {
    case TestPlanRow::Status::Passed:
        return RunbookReportBuilder::tr("passed");
    case TestPlanRow::Status::Failed:
        return RunbookReportBuilder::tr("FAILED");
    case TestPlanRow::Status::Skipped:
        return RunbookReportBuilder::tr("skipped");
    case TestPlanRow::Status::Untested:
        break;
    }
    return RunbookReportBuilder::tr("untested");
}

Section testPlanSection(const Builder::Input &in)
{
    Section s = section("test-plan", RunbookReportBuilder::tr("Test plan"));
    const TestPlanSection &tp = in.plan.testPlan;
    if (tp.rows.isEmpty()) {
        s.blocks << Block::note(
            RunbookReportBuilder::tr("The test plan was not generated: the step was skipped."));
    } else {
        int passed = 0;
        int failed = 0;
        int untested = 0;
        for (const TestPlanRow &r : tp.rows) {
            passed += r.status == TestPlanRow::Status::Passed;
            failed += r.status == TestPlanRow::Status::Failed;
            untested += r.status == TestPlanRow::Status::Untested;
        }
        QString summary = RunbookReportBuilder::tr("%n test(s): ", nullptr, int(tp.rows.size())) +
                          RunbookReportBuilder::tr("%1 passed, %2 failed, %3 untested.")
                              .arg(passed)
                              .arg(failed)
                              .arg(untested);
        if (tp.generatedAt.isValid())
            summary +=
                QLatin1Char(' ') +
                RunbookReportBuilder::tr("Generated from the old server's usage at %1 (window %n day(s)).",
                                         nullptr, tp.windowDays)
                    .arg(utc(tp.generatedAt));
        s.blocks << Block::paragraph(summary);
        QList<QList<Cell>> rows;
        int n = 0;
        for (const TestPlanRow &r : tp.rows) {
            QString status = testStatusText(r.status);
            if (r.stale)
                status +=
                    QStringLiteral(" (") + RunbookReportBuilder::tr("no longer generated") + QLatin1Char(')');
            rows.append(
                {QString::number(++n), r.title, r.kind, orDash(r.owner),
                 Cell(status, r.status == TestPlanRow::Status::Passed ? Check::Checked : Check::Unchecked),
                 orDash(r.notes), utc(r.changedAt)});
        }
        s.blocks << table({QStringLiteral("#"), RunbookReportBuilder::tr("Test"),
                           RunbookReportBuilder::tr("Kind"), RunbookReportBuilder::tr("Owner"),
                           RunbookReportBuilder::tr("Status"), RunbookReportBuilder::tr("Notes"),
                           RunbookReportBuilder::tr("Changed")},
                          rows, {1, 6, 2, 2, 2, 4, 3});
        if (failed > 0 || untested > 0)
            s.blocks << Block::note(
                RunbookReportBuilder::tr(
                    "%1 test(s) failed and %2 not tested yet: the cutover's test-plan gate "
                    "fails until every test passed or was skipped.")
                    .arg(failed)
                    .arg(untested));
    }
    if (!tp.training.isEmpty()) {
        QList<QList<Cell>> rows;
        for (const TestPlanTrainingItem &t : tp.training)
            rows.append({Cell(t.text, t.done ? Check::Checked : Check::Unchecked), orDash(t.owner)});
        s.blocks << Block::heading(RunbookReportBuilder::tr("Training"), 3)
                 << table({RunbookReportBuilder::tr("Item"), RunbookReportBuilder::tr("Owner")}, rows,
                          {5, 2});
    }
    if (!in.comparisons.isEmpty()) {
        QList<QList<Cell>> rows;
        auto count = [](qint64 n) { return n < 0 ? RunbookReportBuilder::tr("n/a") : QString::number(n); };
        for (const TestPlan::CountComparison &c : in.comparisons)
            rows.append(
                {c.label, count(c.oldCount), count(c.newCount),
                 c.differs ? RunbookReportBuilder::tr("differs") +
                                 (c.explanation.isEmpty() ? QString() : QStringLiteral(": ") + c.explanation)
                           : RunbookReportBuilder::tr("same")});
        s.blocks << Block::heading(RunbookReportBuilder::tr("Counts on both servers"), 3)
                 << table({RunbookReportBuilder::tr("Resource"), RunbookReportBuilder::tr("Old server"),
                           RunbookReportBuilder::tr("New server"), RunbookReportBuilder::tr("Difference")},
                          rows, {3, 1, 1, 5});
    }
    s.blocks << Block::signOff(
        {{RunbookReportBuilder::tr("Test plan accepted by the test lead"), QString()},
         {RunbookReportBuilder::tr("Test plan accepted by the migration lead"), QString()}});
    return s;
}

// --- drift -----------------------------------------------------------------------------------------------

QString stateText(const QString &state)
{
    if (state == QLatin1String("green"))
        return RunbookReportBuilder::tr("green");
    if (state == QLatin1String("amber"))
        return RunbookReportBuilder::tr("AMBER");
    if (state == QLatin1String("red"))
        return RunbookReportBuilder::tr("RED");
    return orDash(state);
}

Section driftSection(const Builder::Input &in)
{
    Section s = section("drift", RunbookReportBuilder::tr("Drift"));
    const DriftSection &plan = in.plan.drift;
    const QString budget =
        RunbookReportBuilder::tr(
            "amber after %1 day(s), red after %2, or above %3 process and variable edit(s) on "
            "the old server")
            .arg(plan.amberAfterDays)
            .arg(plan.redAfterDays)
            .arg(plan.structuralThreshold);
    if (in.drift) {
        const Drift::Report &r = *in.drift;
        s.blocks << Block::fieldList(
            {{RunbookReportBuilder::tr("State"), stateText(Drift::stateName(r.state))},
             {RunbookReportBuilder::tr("Read"), utc(r.at)},
             {RunbookReportBuilder::tr("Clone time"),
              RunbookReportBuilder::tr("%1 (%2)").arg(
                  utc(r.cloneTime), r.cloneTimeGiven ? RunbookReportBuilder::tr("given")
                                                     : RunbookReportBuilder::tr("detected"))},
             {RunbookReportBuilder::tr("Age of the clone"),
              RunbookReportBuilder::tr("%1 day(s)").arg(r.ageDays, 0, 'f', 1)},
             {RunbookReportBuilder::tr("Changes on the old server since the clone (the clone lacks them)"),
              QString::number(r.oldServer.changes)},
             {RunbookReportBuilder::tr("Changes on the clone (a fresh clone would lose them)"),
              QString::number(r.clone.changes)},
             {RunbookReportBuilder::tr("Process and variable edits on the old server"),
              QString::number(r.oldServer.structuralChanges)},
             {RunbookReportBuilder::tr("Budget"),
              RunbookReportBuilder::tr(
                  "amber after %1 day(s), red after %2, or above %3 process and variable edit(s) "
                  "on the old server")
                  .arg(r.budget.amberAfterDays)
                  .arg(r.budget.redAfterDays)
                  .arg(r.budget.structuralThreshold)}});
        s.blocks << Block::image(
            RunbookReportBuilder::driftChartSvg(r.timeline, QSizeF(170, 70)), QSizeF(170, 70),
            RunbookReportBuilder::tr(
                "Changes per hour since the clone: old server (red, the clone lacks them) "
                "and clone (blue, a fresh clone would lose them)."));
        s.blocks << Block::paragraph(Drift::stateText(r));
        if (const QString advice = Drift::adviceText(r); !advice.isEmpty())
            s.blocks << Block::note(advice);
        for (const auto &[title, side] :
             {std::pair{RunbookReportBuilder::tr("Most changed on the old server"), &r.oldServer},
              std::pair{RunbookReportBuilder::tr("Most changed on the clone"), &r.clone}}) {
            if (side->objects.isEmpty())
                continue;
            QList<QList<Cell>> rows;
            for (qsizetype i = 0; i < side->objects.size() && i < 10; ++i) {
                const Drift::ChangedObject &o = side->objects.at(i);
                rows.append({orDash(o.name), Cell::code(o.id), Drift::kindName(o.kind),
                             QString::number(o.changes), utc(o.lastChanged), orDash(o.lastBy)});
            }
            s.blocks << Block::heading(title, 3)
                     << table({RunbookReportBuilder::tr("Object"), RunbookReportBuilder::tr("Id"),
                               RunbookReportBuilder::tr("Kind"), RunbookReportBuilder::tr("Changes"),
                               RunbookReportBuilder::tr("Last changed"), RunbookReportBuilder::tr("By")},
                              rows, {3, 3, 2, 1, 3, 2});
        }
        return s;
    }
    if (plan.lastCheck) {
        const DriftSection::LastCheck &c = *plan.lastCheck;
        s.blocks << Block::fieldList(
            {{RunbookReportBuilder::tr("State"), stateText(c.state)},
             {RunbookReportBuilder::tr("Checked"), utc(c.at)},
             {RunbookReportBuilder::tr("Clone time"),
              RunbookReportBuilder::tr("%1 (%2)").arg(
                  utc(c.cloneTime), c.cloneTimeGiven ? RunbookReportBuilder::tr("given")
                                                     : RunbookReportBuilder::tr("detected"))},
             {RunbookReportBuilder::tr("Changes on the old server since the clone (the clone lacks them)"),
              QString::number(c.changesSinceClone)},
             {RunbookReportBuilder::tr("Changes on the clone (a fresh clone would lose them)"),
              QString::number(c.changesOnClone)},
             {RunbookReportBuilder::tr("Process and variable edits on the old server"),
              QString::number(c.structuralChanges)},
             {RunbookReportBuilder::tr("Budget"), budget}});
        s.blocks << Block::note(
            (in.driftNote.isEmpty()
                 ? RunbookReportBuilder::tr("Drift was not read at export time")
                 : RunbookReportBuilder::tr("Drift was not read at export time (%1)").arg(in.driftNote)) +
            QStringLiteral(": ") +
            RunbookReportBuilder::tr("these are the plan's counts of the last check, at %1; no chart.")
                .arg(utc(c.at)));
        return s;
    }
    s.blocks << Block::note(in.driftNote.isEmpty()
                                ? RunbookReportBuilder::tr("Drift not measured: the drift check never ran.")
                                : RunbookReportBuilder::tr("Drift not measured: %1").arg(in.driftNote));
    s.blocks << Block::fieldList({{RunbookReportBuilder::tr("Budget"), budget}});
    return s;
}

// --- the runbook, the checklist, the journal, rollback ---------------------------------------------------

QString minutes(int n)
{
    return RunbookReportBuilder::tr("%n min", nullptr, n);
}

Section runbookSection(const QList<CutoverRunbook::Step> &steps)
{
    Section s = section("runbook", RunbookReportBuilder::tr("Runbook"));
    if (steps.isEmpty()) {
        s.blocks << Block::note(RunbookReportBuilder::tr("The runbook has no step."));
        return s;
    }
    const QStringList columns{QStringLiteral("#"),
                              RunbookReportBuilder::tr("Step"),
                              RunbookReportBuilder::tr("Why"),
                              RunbookReportBuilder::tr("Owner"),
                              RunbookReportBuilder::tr("Planned"),
                              RunbookReportBuilder::tr("Gate")};
    const QList<int> widths{1, 8, 9, 4, 3, 5};
    int number = 0;
    for (const CutoverRunbook::Phase phase :
         {CutoverRunbook::Phase::Before, CutoverRunbook::Phase::Cutover, CutoverRunbook::Phase::After,
          CutoverRunbook::Phase::Rollback}) {
        QList<const CutoverRunbook::Step *> inPhase;
        int planned = 0;
        for (const CutoverRunbook::Step &step : steps) {
            if (step.phase == phase) {
                inPhase << &step;
                planned += step.plannedMinutes;
            }
        }
        s.blocks << Block::heading(CutoverRunbook::phaseTitle(phase), 2);
        if (inPhase.isEmpty()) {
            s.blocks << Block::note(RunbookReportBuilder::tr("No step in this phase."));
            continue;
        }
        s.blocks << Block::paragraph(RunbookReportBuilder::tr("%n step(s), ", nullptr, int(inPhase.size())) +
                                     RunbookReportBuilder::tr("planned %1.").arg(minutes(planned)));
        QList<QList<Cell>> rows;
        QList<const CutoverRunbook::Step *> withCommands;
        auto flush = [&] {
            if (!rows.isEmpty())
                s.blocks << table(columns, rows, widths);
            rows.clear();
        };
        for (const CutoverRunbook::Step *step : std::as_const(inPhase)) {
            QString why = step->why;
            if (!step->notes.isEmpty())
                why += QLatin1Char('\n') + RunbookReportBuilder::tr("Note: %1").arg(step->notes);
            if (!step->undoes.isEmpty())
                why += QLatin1Char('\n') + RunbookReportBuilder::tr("Undoes %1").arg(step->undoes);
            rows.append(
                {QString::number(++number), QStringLiteral("%1\n%2").arg(step->title, step->id), why,
                 orDash(step->owner), minutes(step->plannedMinutes),
                 step->gateId.isEmpty() ? QStringLiteral("—") : CutoverRunbook::gateTitle(step->gateId)});
            if (!step->commands.isEmpty() || !step->links.isEmpty())
                withCommands << step;
            if (step->pointOfNoReturn) {
                flush();
                s.blocks << Block::note(
                    RunbookReportBuilder::tr(
                        "POINT OF NO RETURN: after \"%1\" the new server is live; rolling back "
                        "past here loses the work done on it since.")
                        .arg(step->title));
            }
        }
        flush();
        for (const CutoverRunbook::Step *step : std::as_const(withCommands)) {
            QStringList lines = step->commands;
            for (const QUrl &link : step->links)
                lines << urlText(link);
            s.blocks << Block::commands(QStringLiteral("%1 (%2)").arg(step->title, step->id),
                                        lines.join(QLatin1Char('\n')));
        }
    }
    return s;
}

Section checklistSection(const Builder::Input &in, const QList<CutoverRunbook::Step> &steps,
                         const CutoverRunbook::RunState &run, const QList<CutoverRunbook::Gate> &gates)
{
    Section s = section("checklist", RunbookReportBuilder::tr("Checklist"));
    if (!in.hasJournal)
        s.blocks << Block::note(
            in.journalNote.isEmpty()
                ? RunbookReportBuilder::tr(
                      "There is no cutover journal beside the plan: nothing has been ticked.")
                : RunbookReportBuilder::tr("No cutover journal: %1").arg(in.journalNote));
    s.blocks << Block::fieldList({{RunbookReportBuilder::tr("Run"), in.run},
                                  {RunbookReportBuilder::tr("Done"),
                                   RunbookReportBuilder::tr("%1 of %2 step(s)").arg(run.done).arg(run.total)},
                                  {RunbookReportBuilder::tr("Started"), utc(run.startedAt)},
                                  {RunbookReportBuilder::tr("Last entry"), utc(run.lastAt)},
                                  {RunbookReportBuilder::tr("Current step"), orDash(run.currentStepId)}});
    const QMap<QString, int> elapsed = CutoverRunbook::elapsedMinutes(steps, run);
    QMap<QString, const CutoverRunbook::Gate *> gateByStep;
    for (const CutoverRunbook::Gate &g : gates)
        gateByStep.insert(g.stepId, &g);
    QList<QList<Cell>> rows;
    for (const CutoverRunbook::Step &step : steps) {
        if (step.phase == CutoverRunbook::Phase::Rollback)
            continue;
        const CutoverRunbook::StepState st = run.steps.value(step.id);
        QString title = step.title;
        if (step.id == run.currentStepId)
            title += QLatin1Char('\n') + RunbookReportBuilder::tr("▶ current step");
        if (step.pointOfNoReturn)
            title += QLatin1Char('\n') + RunbookReportBuilder::tr("point of no return");
        QStringList notes = st.notes;
        if (!st.overrideReason.isEmpty())
            notes.prepend(RunbookReportBuilder::tr("Gate overridden: %1").arg(st.overrideReason));
        if (!st.lastActionResult.isEmpty())
            notes << RunbookReportBuilder::tr("Action: %1").arg(st.lastActionResult);
        QString gate = QStringLiteral("—");
        if (const CutoverRunbook::Gate *g = gateByStep.value(step.id)) {
            gate = QStringLiteral("%1: %2").arg(CutoverRunbook::gateStatusName(g->status), g->title);
            if (!g->evidence.isEmpty())
                gate += QStringLiteral(" (") + g->evidence + QLatin1Char(')');
        }
        const QString took =
            st.done && elapsed.contains(step.id) ? minutes(elapsed.value(step.id)) : QStringLiteral("—");
        rows.append({Cell(title, st.done ? Check::Checked : Check::Unchecked), Cell::code(step.id),
                     st.done ? orDash(st.by) : QStringLiteral("—"),
                     st.done ? utc(st.doneAt) : QStringLiteral("—"),
                     QStringLiteral("%1 / %2").arg(took, minutes(step.plannedMinutes)), gate,
                     notes.isEmpty() ? QStringLiteral("—") : notes.join(QLatin1Char('\n'))});
    }
    s.blocks << table({RunbookReportBuilder::tr("Step"), RunbookReportBuilder::tr("Id"),
                       RunbookReportBuilder::tr("By"), RunbookReportBuilder::tr("When"),
                       RunbookReportBuilder::tr("Elapsed / planned"), RunbookReportBuilder::tr("Gate"),
                       RunbookReportBuilder::tr("Notes")},
                      rows, {4, 3, 2, 3, 2, 4, 4});
    return s;
}

QString kindText(const QString &kind)
{
    if (kind == QLatin1String("tick"))
        return RunbookReportBuilder::tr("tick");
    if (kind == QLatin1String("untick"))
        return RunbookReportBuilder::tr("untick");
    if (kind == QLatin1String("note"))
        return RunbookReportBuilder::tr("note");
    if (kind == QLatin1String("override"))
        return RunbookReportBuilder::tr("OVERRIDE");
    if (kind == QLatin1String("action"))
        return RunbookReportBuilder::tr("action");
    if (kind == QLatin1String("result"))
        return RunbookReportBuilder::tr("result");
    return kind;
}

Section journalSection(const Builder::Input &in)
{
    Section s = section("journal", RunbookReportBuilder::tr("Journal"));
    if (!in.hasJournal) {
        s.blocks << Block::note(in.journalNote.isEmpty()
                                    ? RunbookReportBuilder::tr("There is no cutover journal beside the plan.")
                                    : RunbookReportBuilder::tr("No cutover journal: %1").arg(in.journalNote));
        return s;
    }
    s.blocks << Block::fieldList({{RunbookReportBuilder::tr("Run"), in.run},
                                  {RunbookReportBuilder::tr("Journal SHA-256"), orDash(in.journalSha256)}});
    if (in.entries.isEmpty()) {
        s.blocks << Block::note(RunbookReportBuilder::tr("The journal holds no entry for this run yet."));
        return s;
    }
    QList<QList<Cell>> rows;
    for (const CutoverRunbook::Entry &e : in.entries) {
        const QJsonObject detail = QJsonDocument::fromJson(e.detail.toUtf8()).object();
        QString what = e.text;
        if (e.kind == QLatin1String("override")) {
            what = RunbookReportBuilder::tr("Reason: %1").arg(e.text);
            const QString gate = detail.value(QLatin1String("gate")).toString();
            if (!gate.isEmpty())
                what +=
                    QLatin1Char('\n') + RunbookReportBuilder::tr("Gate %1 was %2: %3")
                                            .arg(gate, detail.value(QLatin1String("status")).toString(),
                                                 orDash(detail.value(QLatin1String("evidence")).toString()));
        } else if (e.kind == QLatin1String("action")) {
            const QString url = detail.value(QLatin1String("serverUrl")).toString();
            if (!url.isEmpty())
                what = RunbookReportBuilder::tr("%1 on %2").arg(e.text, url);
        }
        rows.append({QString::number(e.sequence), utc(e.at), orDash(e.by), kindText(e.kind),
                     e.stepId.isEmpty() ? QStringLiteral("—") : Cell::code(e.stepId), orDash(what)});
    }
    s.blocks << table({QStringLiteral("#"), RunbookReportBuilder::tr("When"), RunbookReportBuilder::tr("Who"),
                       RunbookReportBuilder::tr("Kind"), RunbookReportBuilder::tr("Step"),
                       RunbookReportBuilder::tr("What")},
                      rows, {1, 3, 2, 1, 3, 6});
    return s;
}

Section rollbackSection(const QList<CutoverRunbook::Step> &steps, const CutoverRunbook::RunState &run)
{
    Section s = section("rollback", RunbookReportBuilder::tr("Rollback"));
    QString pointOfNoReturn;
    QMap<QString, const CutoverRunbook::Step *> byId;
    for (const CutoverRunbook::Step &step : steps) {
        byId.insert(step.id, &step);
        if (step.pointOfNoReturn)
            pointOfNoReturn = step.title;
    }
    if (!pointOfNoReturn.isEmpty())
        s.blocks << Block::note(RunbookReportBuilder::tr("Past the point of no return (\"%1\") a rollback "
                                                         "loses the work done on the new server since.")
                                    .arg(pointOfNoReturn));
    QList<QList<Cell>> rows;
    QList<const CutoverRunbook::Step *> withCommands;
    for (const CutoverRunbook::Step &step : steps) {
        if (step.phase != CutoverRunbook::Phase::Rollback)
            continue;
        QString undoes = QStringLiteral("—");
        QString live = QStringLiteral("—");
        if (!step.undoes.isEmpty()) {
            const CutoverRunbook::Step *undone = byId.value(step.undoes);
            undoes = undone ? QStringLiteral("%1\n%2").arg(undone->title, step.undoes) : step.undoes;
            const CutoverRunbook::StepState st = run.steps.value(step.undoes);
            live = st.done
                       ? RunbookReportBuilder::tr("done %1 by %2: to undo").arg(utc(st.doneAt), orDash(st.by))
                       : RunbookReportBuilder::tr("not done: nothing to undo");
        }
        rows.append({Cell(step.title, run.steps.value(step.id).done ? Check::Checked : Check::Unchecked),
                     undoes, live, orDash(step.owner), minutes(step.plannedMinutes)});
        if (!step.commands.isEmpty() || !step.links.isEmpty())
            withCommands << &step;
    }
    if (rows.isEmpty()) {
        s.blocks << Block::note(RunbookReportBuilder::tr("The runbook has no rollback step."));
        return s;
    }
    s.blocks << table({RunbookReportBuilder::tr("Rollback step"), RunbookReportBuilder::tr("Undoes"),
                       RunbookReportBuilder::tr("In this run"), RunbookReportBuilder::tr("Owner"),
                       RunbookReportBuilder::tr("Planned")},
                      rows, {8, 8, 6, 4, 3});
    for (const CutoverRunbook::Step *step : std::as_const(withCommands)) {
        QStringList lines = step->commands;
        for (const QUrl &link : step->links)
            lines << urlText(link);
        s.blocks << Block::commands(QStringLiteral("%1 (%2)").arg(step->title, step->id),
                                    lines.join(QLatin1Char('\n')));
    }
    return s;
}

Section signOffSection(const Builder::Input &in)
{
    Section s = section("sign-off", RunbookReportBuilder::tr("Sign-off"));
    s.blocks << Block::paragraph(
        RunbookReportBuilder::tr(
            "By signing, each confirms the decisions and the runbook above for the cutover "
            "of %1 to %2.")
            .arg(hostOrUrl(in.plan.oldServer.url), hostOrUrl(newTargetOf(in.plan))));
    QStringList roles = in.signOffRoles;
    if (roles.isEmpty())
        roles = {RunbookReportBuilder::tr("Migration lead"), RunbookReportBuilder::tr("Change board"),
                 RunbookReportBuilder::tr("Night shift owner"), RunbookReportBuilder::tr("Test lead")};
    QList<QPair<QString, QString>> lines;
    for (const QString &role : std::as_const(roles))
        lines.append({role, QString()});
    s.blocks << Block::signOff(lines);
    return s;
}

// --- the drift chart -------------------------------------------------------------------------------------

QString svgText(qreal x, qreal y, const QString &text, const char *anchor = "start", int size = 11,
                const QString &extra = QString())
{
    return QStringLiteral("<text x=\"%1\" y=\"%2\" text-anchor=\"%3\" font-size=\"%4\"%5>%6</text>\n")
        .arg(x, 0, 'f', 1)
        .arg(y, 0, 'f', 1)
        .arg(QLatin1String(anchor))
        .arg(size)
        .arg(extra, text.toHtmlEscaped());
}

} // namespace

QStringList RunbookReportBuilder::sectionIds()
{
    return {QStringLiteral("decisions"), QStringLiteral("servers"),  QStringLiteral("tentacles"),
            QStringLiteral("ci"),        QStringLiteral("audit"),    QStringLiteral("test-plan"),
            QStringLiteral("drift"),     QStringLiteral("runbook"),  QStringLiteral("checklist"),
            QStringLiteral("journal"),   QStringLiteral("rollback"), QStringLiteral("sign-off")};
}

QByteArray RunbookReportBuilder::driftChartSvg(const QList<Drift::HourBucket> &timeline, const QSizeF &sizeMm)
{
    // 4 user units a millimetre.
    const int width = qMax(200, int(sizeMm.width() * 4));
    const int height = qMax(120, int(sizeMm.height() * 4));
    const QRectF plot(56, 16, width - 56 - 16, height - 16 - 64);
    const QColor oldColour(0xcf, 0x22, 0x2e);
    const QColor cloneColour(0x2f, 0x81, 0xf7);
    int peak = 0;
    for (const Drift::HourBucket &b : timeline)
        peak = qMax(peak, qMax(b.oldChanges, b.newChanges));
    const int top = qMax(4, peak + peak / 5 + 1);
    const int ticks = 4;

    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QSvgGenerator svg;
        svg.setOutputDevice(&buffer);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(RunbookReportBuilder::tr("Drift since the clone"));
        svg.setDescription(RunbookReportBuilder::tr("Changes per hour on the old server and on the clone"));
        QPainter p(&svg);
        p.setRenderHint(QPainter::Antialiasing);
        p.fillRect(QRectF(0, 0, width, height), Qt::white);
        p.setPen(QPen(QColor(0xd0, 0xd7, 0xde), 0.8));
        for (int i = 0; i <= ticks; ++i) {
            const qreal y = plot.bottom() - plot.height() * i / ticks;
            p.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y));
        }
        p.setPen(QPen(QColor(0x57, 0x60, 0x6a), 1.2));
        p.drawLine(plot.bottomLeft(), plot.bottomRight());
        p.drawLine(plot.bottomLeft(), plot.topLeft());
        const qsizetype n = timeline.size();
        auto pointAt = [&](qsizetype i, int value) {
            const qreal x = n <= 1 ? plot.center().x() : plot.left() + plot.width() * qreal(i) / qreal(n - 1);
            return QPointF(x, plot.bottom() - plot.height() * qreal(value) / qreal(top));
        };
        for (const auto &[colour, isOld] : {std::pair{oldColour, true}, std::pair{cloneColour, false}}) {
            if (n == 0)
                break;
            QPainterPath path;
            for (qsizetype i = 0; i < n; ++i) {
                const QPointF point =
                    pointAt(i, isOld ? timeline.at(i).oldChanges : timeline.at(i).newChanges);
                if (i == 0)
                    path.moveTo(point);
                else
                    path.lineTo(point);
            }
            p.setPen(QPen(colour, 2));
            p.setBrush(Qt::NoBrush);
            if (n == 1)
                p.drawEllipse(path.currentPosition(), 2.5, 2.5);
            else
                p.drawPath(path);
        }
        // The legend's swatches (its words are text elements below).
        const qreal legendY = height - 14;
        p.setPen(QPen(oldColour, 3));
        p.drawLine(QPointF(plot.left(), legendY), QPointF(plot.left() + 18, legendY));
        p.setPen(QPen(cloneColour, 3));
        p.drawLine(QPointF(plot.left() + plot.width() / 2, legendY),
                   QPointF(plot.left() + plot.width() / 2 + 18, legendY));
    }
    // The words as SVG text elements: painting text needs a font database (a QGuiApplication), which the
    // command line does not have; a text element is rendered by whatever shows the drawing.
    QString text;
    for (int i = 0; i <= ticks; ++i) {
        const qreal y = plot.bottom() - plot.height() * i / ticks;
        text += svgText(plot.left() - 6, y + 4, QString::number(qRound(qreal(top) * i / ticks)), "end");
    }
    text += svgText(14, plot.center().y(), RunbookReportBuilder::tr("Changes per hour"), "middle", 11,
                    QStringLiteral(" transform=\"rotate(-90 14 %1)\"").arg(plot.center().y(), 0, 'f', 1));
    const QString format = QStringLiteral("dd MMM HH:mm");
    const qsizetype n = timeline.size();
    if (n == 0) {
        text += svgText(plot.center().x(), plot.center().y(),
                        RunbookReportBuilder::tr("No change since the clone"), "middle", 12);
    } else {
        QList<qsizetype> labelled{0};
        if (n > 2)
            labelled << n / 2;
        if (n > 1)
            labelled << n - 1;
        for (const qsizetype i : std::as_const(labelled)) {
            const qreal x = n <= 1 ? plot.center().x() : plot.left() + plot.width() * qreal(i) / qreal(n - 1);
            const char *anchor = n > 1 && i == 0 ? "start" : (n > 1 && i == n - 1 ? "end" : "middle");
            text += svgText(x, plot.bottom() + 16, timeline.at(i).hour.toUTC().toString(format), anchor);
        }
    }
    text += svgText(plot.center().x(), plot.bottom() + 32, RunbookReportBuilder::tr("Hour (UTC)"), "middle");
    text += svgText(plot.left() + 24, height - 10,
                    RunbookReportBuilder::tr("Old server (the clone lacks these)"));
    text += svgText(plot.left() + plot.width() / 2 + 24, height - 10,
                    RunbookReportBuilder::tr("Clone (a fresh clone would lose these)"));

    QByteArray bytes = buffer.data();
    const qsizetype end = bytes.lastIndexOf("</svg>");
    const QByteArray group =
        "<g font-family=\"DejaVu Sans, sans-serif\" fill=\"#24292f\" stroke=\"none\">\n" + text.toUtf8() +
        "</g>\n";
    if (end >= 0)
        bytes.insert(end, group);
    return bytes;
}

RunbookDocument::Document RunbookReportBuilder::build(const Input &input)
{
    Input in = input;
    if (!in.exportedAt.isValid())
        in.exportedAt = QDateTime::currentDateTimeUtc();
    if (in.steps.isEmpty()) {
        CutoverRunbook::Inputs inputs;
        inputs.plan = in.plan;
        in.steps = CutoverRunbook::generate(inputs);
    }
    const CutoverRunbook::RunState run = CutoverRunbook::fold(in.steps, in.entries);
    QList<CutoverRunbook::Gate> gates = in.gates;
    if (gates.isEmpty()) {
        QMap<QString, CutoverRunbook::Gate> evaluated;
        for (const CutoverRunbook::Gate &g : CutoverRunbook::planGates(in.plan, in.steps, in.exportedAt))
            evaluated.insert(g.id, g);
        QMap<QString, QString> overrides;
        for (auto it = run.steps.cbegin(); it != run.steps.cend(); ++it) {
            if (!it->overrideReason.isEmpty())
                overrides.insert(it.key(), it->overrideReason);
        }
        // A server gate overridden in the journal was failing (or not checked) when the lead went on.
        for (const CutoverRunbook::Step &step : std::as_const(in.steps)) {
            if (step.gateId.isEmpty() || evaluated.contains(step.gateId) || !overrides.contains(step.id))
                continue;
            CutoverRunbook::Gate failed;
            failed.id = step.gateId;
            failed.stepId = step.id;
            failed.title = CutoverRunbook::gateTitle(step.gateId);
            failed.status = CutoverRunbook::Gate::Status::Fail;
            failed.evidence = RunbookReportBuilder::tr("not checked at export time");
            evaluated.insert(failed.id, failed);
        }
        gates = CutoverRunbook::gatesOf(in.steps, evaluated, overrides);
    }

    RunbookDocument::Document doc;
    const QString oldName = hostOrUrl(in.plan.oldServer.url);
    const QString newName = hostOrUrl(newTargetOf(in.plan));
    doc.title = RunbookReportBuilder::tr("Migration runbook");
    doc.subtitle = RunbookReportBuilder::tr("%1 → %2").arg(orDash(urlText(in.plan.oldServer.url)),
                                                           orDash(urlText(newTargetOf(in.plan))));
    doc.runningHeader =
        RunbookReportBuilder::tr("Migration runbook: %1 → %2").arg(orDash(oldName), orDash(newName));
    doc.planName = in.planName;
    doc.exportedAt = in.exportedAt.toUTC();
    doc.journalSha256 = in.hasJournal ? in.journalSha256 : QString();
    doc.sections = {decisionsSection(in),
                    serversSection(in),
                    tentaclesSection(in),
                    ciSection(in),
                    auditSection(in),
                    testPlanSection(in),
                    driftSection(in),
                    runbookSection(in.steps),
                    checklistSection(in, in.steps, run, gates),
                    journalSection(in),
                    rollbackSection(in.steps, run),
                    signOffSection(in)};
    return doc;
}
