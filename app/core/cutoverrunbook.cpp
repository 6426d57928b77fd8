#include "cutoverrunbook.h"

#include "ciintegrations.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>

namespace CutoverRunbook {

namespace {

QString tr(const char *text, const char *disambiguation = nullptr, int n = -1)
{
    return QCoreApplication::translate("CutoverRunbook", text, disambiguation, n);
}

QString portal(const QUrl &server, const QString &fragment)
{
    if (!server.isValid() || server.isEmpty())
        return {};
    return server.toString(QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo |
                           QUrl::StripTrailingSlash) +
           fragment;
}

QString serverText(const QUrl &url, const QString &fallback)
{
    if (!url.isValid() || url.host().isEmpty())
        return fallback;
    return url.port() > 0 ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : url.host();
}

Step makeStep(Phase phase, const QString &id, const QString &title, const QString &why, int minutes)
{
    Step step;
    step.phase = phase;
    step.id = id;
    step.title = title;
    step.why = why;
    step.plannedMinutes = minutes;
    return step;
}

} // namespace

QString phaseName(Phase phase)
{
    switch (phase) {
    case Phase::Before:
        return QStringLiteral("before");
    case Phase::Cutover:
        return QStringLiteral("cutover");
    case Phase::After:
        return QStringLiteral("after");
    case Phase::Rollback:
        return QStringLiteral("rollback");
    }
    return {};
}

std::optional<Phase> phaseFromName(const QString &name)
{
    for (Phase phase : {Phase::Before, Phase::Cutover, Phase::After, Phase::Rollback}) {
        if (phaseName(phase) == name)
            return phase;
    }
    return std::nullopt;
}

QString phaseTitle(Phase phase)
{
    switch (phase) {
    case Phase::Before:
        return tr("Before the window");
    case Phase::Cutover:
        return tr("Cutover");
    case Phase::After:
        return tr("After cutover");
    case Phase::Rollback:
        return tr("Rollback");
    }
    return {};
}

QString actionName(Action action)
{
    switch (action) {
    case Action::None:
        return QStringLiteral("none");
    case Action::MaintenanceOn:
        return QStringLiteral("maintenance-on");
    case Action::MaintenanceOff:
        return QStringLiteral("maintenance-off");
    case Action::DisableCloneItems:
        return QStringLiteral("disable-clone-items");
    case Action::ReenableCloneItems:
        return QStringLiteral("reenable-clone-items");
    case Action::QueueTentacleUpgrade:
        return QStringLiteral("queue-tentacle-upgrade");
    }
    return {};
}

QString gateTitle(const QString &gateId)
{
    if (gateId == QLatin1String(kGateOldMaintenance))
        return tr("The old server is in maintenance mode");
    if (gateId == QLatin1String(kGateOldQueueDrained))
        return tr("No task is queued, running or cancelling on the old server");
    if (gateId == QLatin1String(kGateNobodyTalking))
        return tr("Nobody is still talking to the old server");
    if (gateId == QLatin1String(kGateDnsNewServer))
        return tr("The DNS name answers with the new server");
    if (gateId == QLatin1String(kGateCloneItemsReenabled))
        return tr("What was disabled on the clone is enabled again");
    if (gateId == QLatin1String(kGateCiVerified))
        return tr("Every CI integration is verified on the new server");
    if (gateId == QLatin1String(kGateTentaclesVerified))
        return tr("Every re-pointed polling Tentacle is verified on the new server");
    if (gateId == QLatin1String(kGateTestPlanPassed))
        return tr("The test plan passed");
    return gateId;
}

QString gateStatusName(Gate::Status status)
{
    switch (status) {
    case Gate::Status::Pending:
        return QStringLiteral("pending");
    case Gate::Status::Pass:
        return QStringLiteral("pass");
    case Gate::Status::Fail:
        return QStringLiteral("fail");
    case Gate::Status::Manual:
        return QStringLiteral("manual");
    case Gate::Status::Overridden:
        return QStringLiteral("overridden");
    }
    return {};
}

QList<Step> generate(const Inputs &inputs)
{
    const PlanData &plan = inputs.plan;
    QList<Environment> environments = inputs.environments;
    if (environments.isEmpty()) {
        for (const CutoverSection::Environment &e : plan.cutover.environments)
            environments.append({e.id, e.name, e.spaceId});
    }
    const int pollingTentacles =
        inputs.pollingTentacles >= 0 ? inputs.pollingTentacles : plan.cutover.pollingTentacles;
    const QString oldName = serverText(plan.oldServer.url, tr("the old server"));
    const QString newName = serverText(plan.newServer.url, tr("the new server"));
    const bool keepName = plan.domain.choice == DomainDecision::Choice::KeepName;
    const bool newNameChosen = plan.domain.choice == DomainDecision::Choice::NewName;
    const QString publicHost = plan.domain.oldPublicUrl.host();
    QList<Step> steps;

    // --- before ---
    steps << makeStep(Phase::Before, QStringLiteral("before:announce"),
                      tr("Announce the window to everyone who deploys, with its start, its length and who "
                         "to call"),
                      tr("Deployments stop during the window; people must not start any"), 10);
    {
        Step freeze =
            makeStep(Phase::Before, QStringLiteral("before:change-freeze"),
                     tr("Freeze changes on %1: no process, variable or project edits from now").arg(oldName),
                     tr("Every change made on the old server after the clone is lost at cutover "
                        "(see the drift meter)"),
                     5);
        if (plan.drift.lastCheck)
            freeze.commands << tr("Drift at the last check: %1, %n change(s) since the clone", nullptr,
                                  plan.drift.lastCheck->changesSinceClone)
                                   .arg(plan.drift.lastCheck->state);
        freeze.commands << QStringLiteral("handover drift --old %1 --new %2")
                               .arg(plan.oldServer.url.toString(), plan.newServer.url.toString());
        steps << freeze;
    }
    {
        Step clone =
            makeStep(Phase::Before, QStringLiteral("before:disable-clone-items"),
                     tr("Disable on %1 the targets, workers, triggers and subscriptions that could act "
                        "on production")
                         .arg(newName),
                     tr("A clone works against the old server's targets (their certificates are "
                        "cloned); what is disabled is recorded and enabled again after cutover"),
                     5);
        clone.action = Action::DisableCloneItems;
        steps << clone;
    }
    {
        Step drain =
            makeStep(Phase::Before, QStringLiteral("before:drain"),
                     tr("Let running deployments and runbooks on %1 finish; queue nothing new").arg(oldName),
                     tr("A task still running when the old server goes read-only is cut off"), 15);
        drain.gateId = QLatin1String(kGateOldQueueDrained);
        drain.links << QUrl(portal(plan.oldServer.url, QStringLiteral("/app#/tasks")));
        steps << drain;
    }

    // --- cutover ---
    {
        Step maintenance =
            makeStep(Phase::Cutover, QStringLiteral("cutover:maintenance-on"),
                     tr("Put %1 into maintenance mode (read-only)").arg(oldName),
                     tr("Nothing changes on the old server from here; the new server takes over"), 2);
        maintenance.action = Action::MaintenanceOn;
        maintenance.gateId = QLatin1String(kGateOldMaintenance);
        maintenance.links << QUrl(
            portal(plan.oldServer.url, QStringLiteral("/app#/configuration/maintenance")));
        steps << maintenance;
    }
    if (keepName) {
        Step dns = makeStep(Phase::Cutover, QStringLiteral("cutover:dns"),
                            tr("Point the DNS name %1 at the new server")
                                .arg(publicHost.isEmpty() ? tr("(the old server's name)") : publicHost),
                            tr("The domain decision keeps the name: CI servers and Tentacles follow it"), 15);
        dns.gateId = QLatin1String(kGateDnsNewServer);
        if (!publicHost.isEmpty())
            dns.commands << QStringLiteral("nslookup %1").arg(publicHost)
                         << QStringLiteral("Resolve-DnsName %1").arg(publicHost);
        steps << dns;
    }
    QStringList repointed;
    for (auto it = plan.ciIntegrations.integrations.cbegin(); it != plan.ciIntegrations.integrations.cend();
         ++it) {
        if (it->decision == CiIntegrationRecord::Decision::Repoint)
            repointed << QStringLiteral("%1 (%2)").arg(it->system, it->location);
    }
    {
        Step ci =
            makeStep(Phase::Cutover, QStringLiteral("cutover:ci"),
                     keepName ? tr("Check that every CI integration reaches the new server through the name")
                              : tr("Point every CI integration at the new server"),
                     tr("Builds push packages and create releases: each must reach the new server"), 20);
        ci.gateId = QLatin1String(kGateCiVerified);
        for (const QString &row : std::as_const(repointed))
            ci.commands << row;
        if (!keepName) {
            QSet<QString> systems;
            for (const CiIntegrationRecord &r : plan.ciIntegrations.integrations) {
                if (r.decision == CiIntegrationRecord::Decision::Repoint && !systems.contains(r.system)) {
                    systems.insert(r.system);
                    const QString recipe = CiIntegrations::repointRecipe(r.system);
                    if (!recipe.isEmpty())
                        ci.commands << QStringLiteral("%1: %2").arg(r.system, recipe);
                }
            }
        }
        steps << ci;
    }
    if (newNameChosen) {
        Step tentacles = makeStep(Phase::Cutover, QStringLiteral("cutover:tentacles"),
                                  tr("Confirm every polling Tentacle answers the new server"),
                                  tr("Polling Tentacles dial a name: with a new name each was re-pointed in "
                                     "the Polling Tentacles step"),
                                  10);
        tentacles.gateId = QLatin1String(kGateTentaclesVerified);
        if (pollingTentacles >= 0)
            tentacles.commands << tr("%n polling Tentacle(s) on the old server", nullptr, pollingTentacles);
        steps << tentacles;
    }
    steps << [&] {
        Step quiet = makeStep(Phase::Cutover, QStringLiteral("cutover:callers-quiet"),
                              tr("Confirm nobody is still talking to %1").arg(oldName),
                              tr("A caller still using the old server would lose its work at cutover"), 10);
        quiet.gateId = QLatin1String(kGateNobodyTalking);
        return quiet;
    }();
    steps << [&] {
        Step tests =
            makeStep(Phase::Cutover, QStringLiteral("cutover:test-plan"),
                     tr("Run the test plan's checks on the new server"),
                     tr("Smoke deployments, history, sign-in and the scripts that call the API"), 30);
        tests.gateId = QLatin1String(kGateTestPlanPassed);
        tests.commands << tr("%n row(s) in the test plan", nullptr, int(plan.testPlan.rows.size()));
        return tests;
    }();
    steps << [&] {
        Step live =
            makeStep(Phase::Cutover, QStringLiteral("cutover:go-live"),
                     tr("Open %1 for deployments and tell everyone").arg(newName),
                     tr("From here people deploy on the new server: rolling back would lose that work"), 5);
        live.pointOfNoReturn = true;
        live.links << QUrl(portal(plan.newServer.url, QStringLiteral("/app#/")));
        return live;
    }();

    // --- after ---
    {
        Step reenable =
            makeStep(Phase::After, QStringLiteral("after:reenable-clone-items"),
                     tr("Enable again on %1 exactly what was disabled before cutover").arg(newName),
                     tr("The targets, workers, triggers and subscriptions recorded in the journal"), 5);
        reenable.action = Action::ReenableCloneItems;
        reenable.gateId = QLatin1String(kGateCloneItemsReenabled);
        steps << reenable;
    }
    if (newNameChosen || !plan.tentacles.machines.isEmpty()) {
        Step retire =
            makeStep(Phase::After, QStringLiteral("after:retire-old-from-tentacles"),
                     tr("Remove the old server from every re-pointed polling Tentacle"),
                     tr("Until then each Tentacle keeps polling both servers (the Polling Tentacles "
                        "step's after-cutover scripts)"),
                     30);
        retire.commands << QStringLiteral("handover tentacles --old %1 --new %2 --new-host %3 --scripts DIR")
                               .arg(plan.oldServer.url.toString(), plan.newServer.url.toString(),
                                    plan.domain.newPublicUrl.host().isEmpty()
                                        ? QStringLiteral("HOST")
                                        : plan.domain.newPublicUrl.host());
        retire.commands << tr("%n machine(s) marked re-pointed", nullptr,
                              int(plan.tentacles.machines.size()));
        steps << retire;
    }
    if (environments.isEmpty()) {
        Step upgrade =
            makeStep(Phase::After, QStringLiteral("after:upgrade"),
                     tr("Upgrade Tentacles a set at a time (they keep working with the new server)"),
                     tr("Newer servers talk to older Tentacles: upgrade in waves, development first"), 30);
        upgrade.links << QUrl(portal(plan.newServer.url, QStringLiteral("/app#/infrastructure/machines")));
        steps << upgrade;
    } else {
        for (const Environment &environment : std::as_const(environments)) {
            Step upgrade =
                makeStep(Phase::After, QStringLiteral("after:upgrade:") + environment.id,
                         tr("Upgrade the Tentacles of %1").arg(environment.name),
                         tr("A wave per environment, in the old server's order: development first"), 20);
            upgrade.action = Action::QueueTentacleUpgrade;
            upgrade.actionArgument = environment.id;
            upgrade.actionSpaceId = environment.spaceId;
            steps << upgrade;
        }
    }
    steps << makeStep(Phase::After, QStringLiteral("after:decommission-old"),
                      tr("Decommission %1 once the new server has run a normal week").arg(oldName),
                      tr("Keep its last database backup and master key until then"), 15);

    // --- rollback: what the forward steps changed, undone in reverse order ---
    if (!repointed.isEmpty() && !keepName) {
        Step back = makeStep(Phase::Rollback, QStringLiteral("rollback:ci-back"),
                             tr("Point the CI integrations back at %1").arg(oldName),
                             tr("Each integration repointed tonight"), 20);
        back.undoes = QStringLiteral("cutover:ci");
        back.commands = repointed;
        steps << back;
    }
    if (keepName) {
        Step back = makeStep(Phase::Rollback, QStringLiteral("rollback:dns-back"),
                             tr("Point the DNS name %1 back at the old server")
                                 .arg(publicHost.isEmpty() ? tr("(the old server's name)") : publicHost),
                             tr("Callers and Tentacles follow the name back"), 15);
        back.undoes = QStringLiteral("cutover:dns");
        steps << back;
    }
    if (newNameChosen && !plan.tentacles.machines.isEmpty()) {
        Step back = makeStep(Phase::Rollback, QStringLiteral("rollback:tentacles-keep-old"),
                             tr("Leave the old server's entry on the re-pointed Tentacles"),
                             tr("They still poll both servers until the after-cutover scripts run: do not "
                                "run them"),
                             2);
        back.undoes = QStringLiteral("after:retire-old-from-tentacles");
        steps << back;
    }
    {
        Step back = makeStep(Phase::Rollback, QStringLiteral("rollback:maintenance-off"),
                             tr("Take %1 out of maintenance mode").arg(oldName),
                             tr("The old server takes deployments again"), 2);
        back.action = Action::MaintenanceOff;
        back.undoes = QStringLiteral("cutover:maintenance-on");
        steps << back;
    }

    // The lead's steps in their places, then the lead's edits on every step.
    const CutoverSection &section = plan.cutover;
    for (const CutoverCustomStep &custom : section.customSteps) {
        Step step;
        step.id = custom.id;
        step.phase = phaseFromName(custom.phase).value_or(Phase::Before);
        step.title = custom.title;
        step.why = custom.why;
        step.owner = custom.owner;
        step.plannedMinutes = custom.plannedMinutes;
        step.custom = true;
        // After its anchor when the anchor is there (in the anchor's phase), else at the end of its phase.
        qsizetype at = -1;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            if (steps.at(i).id == custom.after) {
                at = i + 1;
                step.phase = steps.at(i).phase;
            }
        }
        if (at < 0) {
            at = 0;
            for (qsizetype i = 0; i < steps.size(); ++i) {
                if (int(steps.at(i).phase) <= int(step.phase))
                    at = i + 1;
            }
        }
        steps.insert(at, step);
    }
    for (Step &step : steps) {
        const auto edit = section.edits.constFind(step.id);
        if (edit == section.edits.constEnd())
            continue;
        if (!edit->owner.isEmpty())
            step.owner = edit->owner;
        if (edit->plannedMinutes >= 0)
            step.plannedMinutes = edit->plannedMinutes;
        step.notes = edit->notes;
    }
    return steps;
}

QList<Gate> planGates(const PlanData &plan, const QList<Step> &steps, const QDateTime &now)
{
    QList<Gate> gates;
    auto stepOf = [&](const char *gateId) {
        for (const Step &s : steps) {
            if (s.gateId == QLatin1String(gateId))
                return s.id;
        }
        return QString();
    };
    auto add = [&](const char *id, Gate::Status status, const QString &evidence) {
        const QString stepId = stepOf(id);
        if (stepId.isEmpty())
            return;
        Gate gate;
        gate.id = QLatin1String(id);
        gate.stepId = stepId;
        gate.title = gateTitle(gate.id);
        gate.status = status;
        gate.evidence = evidence;
        gate.checkedAt = now;
        gates << gate;
    };

    // CI integrations: verified is evidence from the new server (the CI step's refresh).
    {
        const CiIntegrationsSection &ci = plan.ciIntegrations;
        QStringList waiting;
        int toMove = 0;
        for (const CiIntegrationRecord &r : ci.integrations) {
            if (r.decision == CiIntegrationRecord::Decision::Retire ||
                r.decision == CiIntegrationRecord::Decision::NotNeeded)
                continue;
            ++toMove;
            if (r.status != CiIntegrationRecord::Status::Verified)
                waiting << QStringLiteral("%1 (%2)").arg(r.system, r.location);
        }
        if (!ci.lastRefreshAt.isValid())
            add(kGateCiVerified, Gate::Status::Manual,
                tr("CI integrations not analysed: this gate is manual"));
        else if (toMove == 0)
            add(kGateCiVerified, Gate::Status::Pass,
                tr("No integration to move (CI step refreshed %1)")
                    .arg(ci.lastRefreshAt.toString(Qt::ISODate)));
        else if (waiting.isEmpty())
            add(kGateCiVerified, Gate::Status::Pass,
                tr("%n integration(s) verified on the new server", nullptr, toMove));
        else
            add(kGateCiVerified, Gate::Status::Fail,
                tr("%n integration(s) not verified on the new server: %1", nullptr, int(waiting.size()))
                    .arg(waiting.mid(0, 5).join(QStringLiteral(", "))));
    }

    // Polling Tentacles: every machine marked re-pointed verified by the new server's health check.
    {
        const TentaclesSection &t = plan.tentacles;
        QStringList waiting;
        for (auto it = t.machines.cbegin(); it != t.machines.cend(); ++it) {
            if (it->verification != TentacleMark::Verification::Verified)
                waiting << it.key();
        }
        if (t.machines.isEmpty())
            add(kGateTentaclesVerified, Gate::Status::Manual,
                tr("Polling Tentacles step not done (no machine marked re-pointed): this gate is manual"));
        else if (waiting.isEmpty())
            add(kGateTentaclesVerified, Gate::Status::Pass,
                tr("%n re-pointed Tentacle(s) verified on the new server", nullptr, int(t.machines.size())));
        else
            add(kGateTentaclesVerified, Gate::Status::Fail,
                tr("%n Tentacle(s) not verified on the new server: %1", nullptr, int(waiting.size()))
                    .arg(waiting.mid(0, 5).join(QStringLiteral(", "))));
    }

    // The test plan: every row passed or skipped.
    {
        const TestPlanSection &tp = plan.testPlan;
        int open = 0;
        int failed = 0;
        for (const TestPlanRow &r : tp.rows) {
            open += r.status == TestPlanRow::Status::Untested;
            failed += r.status == TestPlanRow::Status::Failed;
        }
        if (tp.rows.isEmpty())
            add(kGateTestPlanPassed, Gate::Status::Manual,
                tr("Test plan not generated: this gate is manual"));
        else if (open == 0 && failed == 0)
            add(kGateTestPlanPassed, Gate::Status::Pass,
                tr("%n row(s) passed or skipped", nullptr, int(tp.rows.size())));
        else
            add(kGateTestPlanPassed, Gate::Status::Fail,
                tr("%1 failed, %2 untested of %n row(s)", nullptr, int(tp.rows.size()))
                    .arg(failed)
                    .arg(open));
    }
    return gates;
}

QList<Gate> gatesOf(const QList<Step> &steps, const QMap<QString, Gate> &evaluated,
                    const QMap<QString, QString> &overrideReasons)
{
    QList<Gate> gates;
    for (const Step &step : steps) {
        if (step.gateId.isEmpty())
            continue;
        Gate gate = evaluated.value(step.gateId);
        gate.id = step.gateId;
        gate.stepId = step.id;
        if (gate.title.isEmpty())
            gate.title = gateTitle(step.gateId);
        const QString reason = overrideReasons.value(step.id);
        if (!reason.isEmpty() && gate.status == Gate::Status::Fail) {
            gate.status = Gate::Status::Overridden;
            gate.evidence = tr("%1 (overridden: %2)").arg(gate.evidence, reason);
        }
        gates << gate;
    }
    return gates;
}

RunState fold(const QList<Step> &steps, const QList<Entry> &entries)
{
    RunState run;
    for (const Entry &e : entries) {
        if (!run.startedAt.isValid() || e.at < run.startedAt)
            run.startedAt = e.at;
        if (!run.lastAt.isValid() || e.at > run.lastAt)
            run.lastAt = e.at;
        StepState &state = run.steps[e.stepId];
        if (e.kind == QLatin1String("tick")) {
            state.done = true;
            state.by = e.by;
            state.doneAt = e.at;
            if (!e.text.isEmpty())
                state.notes << QStringLiteral("%1 %2: %3").arg(e.at.toString(Qt::ISODate), e.by, e.text);
        } else if (e.kind == QLatin1String("untick")) {
            state.done = false;
            state.by.clear();
            state.doneAt = QDateTime();
        } else if (e.kind == QLatin1String("note")) {
            state.notes << QStringLiteral("%1 %2: %3").arg(e.at.toString(Qt::ISODate), e.by, e.text);
        } else if (e.kind == QLatin1String("override")) {
            state.overrideReason = e.text;
        } else if (e.kind == QLatin1String("result")) {
            state.lastActionResult = e.text;
        }
    }
    for (const Step &step : steps) {
        if (step.phase == Phase::Rollback)
            continue;
        ++run.total;
        if (run.steps.value(step.id).done)
            ++run.done;
        else if (run.currentStepId.isEmpty())
            run.currentStepId = step.id;
    }
    return run;
}

QMap<QString, int> elapsedMinutes(const QList<Step> &steps, const RunState &run)
{
    // In tick order: each step from the tick before it (or the run's start) to its own.
    QList<std::pair<QDateTime, QString>> ticks;
    for (const Step &step : steps) {
        const StepState state = run.steps.value(step.id);
        if (state.done && state.doneAt.isValid())
            ticks.append({state.doneAt, step.id});
    }
    std::sort(ticks.begin(), ticks.end());
    QMap<QString, int> minutes;
    QDateTime previous = run.startedAt;
    for (const auto &[at, id] : ticks) {
        const qint64 seconds = previous.isValid() ? previous.secsTo(at) : 0;
        minutes.insert(id, int(std::max<qint64>(1, (seconds + 59) / 60)));
        previous = at;
    }
    return minutes;
}

CutoverSection withTimingsOf(const CutoverSection &section, const QMap<QString, int> &minutes)
{
    CutoverSection result = section;
    for (auto it = minutes.cbegin(); it != minutes.cend(); ++it)
        result.edits[it.key()].plannedMinutes = it.value();
    return result;
}

bool setOwner(CutoverSection *section, const QString &stepId, const QString &owner)
{
    CutoverStepEdit &edit = section->edits[stepId];
    if (edit.owner == owner)
        return false;
    edit.owner = owner;
    return true;
}

bool setPlannedMinutes(CutoverSection *section, const QString &stepId, int minutes)
{
    CutoverStepEdit &edit = section->edits[stepId];
    if (edit.plannedMinutes == minutes || minutes < 0)
        return false;
    edit.plannedMinutes = minutes;
    return true;
}

bool setNotes(CutoverSection *section, const QString &stepId, const QString &notes)
{
    CutoverStepEdit &edit = section->edits[stepId];
    if (edit.notes == notes)
        return false;
    edit.notes = notes;
    return true;
}

QString addStep(CutoverSection *section, const QList<Step> &steps, const QString &afterStepId,
                const QString &title)
{
    int n = 1;
    QSet<QString> taken;
    for (const Step &s : steps)
        taken.insert(s.id);
    for (const CutoverCustomStep &s : section->customSteps)
        taken.insert(s.id);
    while (taken.contains(QStringLiteral("custom:%1").arg(n)))
        ++n;
    CutoverCustomStep step;
    step.id = QStringLiteral("custom:%1").arg(n);
    step.after = afterStepId;
    step.title = title;
    step.phase = QStringLiteral("before");
    for (const Step &s : steps) {
        if (s.id == afterStepId)
            step.phase = phaseName(s.phase);
    }
    section->customSteps.append(step);
    return step.id;
}

} // namespace CutoverRunbook
