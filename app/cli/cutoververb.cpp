// handover cutover --plan FILE (--steps | --tick ID | --gates | --status) [--json] [--rehearsal]
//                  [--by NAME] [--note TEXT] [--override REASON] [--timeout S] [--trust-fingerprint FP]...
//                  [--proxy URL|none]
// A thin view of CutoverController, the work behind the wizard's Cutover step: the runbook generated from the
// plan, the journal beside the plan (NAME.handover-journal), the gates. --tick exits 0 only once the tick
// committed to the journal; a step whose gate is a server gate has its gates evaluated first (both servers,
// keys from the environment or the keychain), a plan gate needs no server. A failing gate refuses the tick
// (exit 3) unless --override REASON records an override first. --rehearsal works in the newest rehearsal run
// (--tick starts one when the journal has none).
// Exit codes: 0 done (--gates: no gate fails), 3 a tick refused (gate failing, ticked already) or a gate
// failing, 2 usage error, a plan that cannot be loaded, a journal that cannot be opened.
#include "cliverbs.h"

#include "cutovercontroller.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"
#include "planfilestore.h"
#include "serverpairkeylookup.h"
#include "serversession.h"
#include "sessioncredentials.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

namespace {

// The verb's texts, in a context lupdate sees.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(CutoverVerb)
};

using CutoverRunbook::Gate;

// The gates CutoverGatesJob evaluates against the servers; the others follow from the plan alone.
bool isServerGate(const QString &gateId)
{
    for (const char *id : {CutoverRunbook::kGateOldMaintenance, CutoverRunbook::kGateOldQueueDrained,
                           CutoverRunbook::kGateNobodyTalking, CutoverRunbook::kGateDnsNewServer,
                           CutoverRunbook::kGateCloneItemsReenabled}) {
        if (gateId == QLatin1String(id))
            return true;
    }
    return false;
}

QJsonValue timeJson(const QDateTime &at)
{
    return at.isValid() ? QJsonValue(at.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue();
}

QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue() : QJsonValue(text);
}

// A gate still pending after an evaluation was not answered: it holds its step like a failing one.
Gate::Status reported(Gate::Status status)
{
    return status == Gate::Status::Pending ? Gate::Status::Fail : status;
}

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Indented);
}

void printSteps(const CutoverController &controller, bool asJson, QTextStream &out)
{
    const CutoverRunbook::RunState &state = controller.state();
    auto statusOf = [&](const CutoverRunbook::Step &s) {
        if (state.steps.value(s.id).done)
            return QStringLiteral("done");
        return s.id == state.currentStepId ? QStringLiteral("current") : QStringLiteral("pending");
    };
    if (asJson) {
        QJsonArray steps;
        for (const CutoverRunbook::Step &s : controller.steps())
            steps.append(QJsonObject{{QStringLiteral("id"), s.id},
                                     {QStringLiteral("title"), s.title},
                                     {QStringLiteral("phase"), CutoverRunbook::phaseName(s.phase)},
                                     {QStringLiteral("gate"), stringOrNull(s.gateId)},
                                     {QStringLiteral("status"), statusOf(s)},
                                     {QStringLiteral("owner"), s.owner},
                                     {QStringLiteral("plannedMinutes"), s.plannedMinutes},
                                     {QStringLiteral("action"), CutoverRunbook::actionName(s.action)},
                                     {QStringLiteral("pointOfNoReturn"), s.pointOfNoReturn}});
        out << json(QJsonObject{{QStringLiteral("steps"), steps}});
        return;
    }
    out << Texts::tr("Runbook of the run %1 (%2 of %3 done)")
               .arg(controller.run())
               .arg(state.done)
               .arg(state.total)
        << '\n';
    std::optional<CutoverRunbook::Phase> phase;
    for (const CutoverRunbook::Step &s : controller.steps()) {
        if (phase != s.phase) {
            phase = s.phase;
            out << '\n' << CutoverRunbook::phaseTitle(s.phase) << '\n';
        }
        const QString status = statusOf(s);
        const QString mark = status == QLatin1String("done")      ? QStringLiteral("[x]")
                             : status == QLatin1String("current") ? QStringLiteral("[>]")
                                                                  : QStringLiteral("[ ]");
        out << QStringLiteral("  %1 %2  %3").arg(mark, s.id.leftJustified(34), s.title);
        if (!s.gateId.isEmpty())
            out << QStringLiteral("  ") << Texts::tr("(gate: %1)").arg(s.gateId);
        if (s.pointOfNoReturn)
            out << QStringLiteral("  ") << Texts::tr("(point of no return)");
        out << '\n';
    }
}

void printStatus(const CutoverController &controller, const QString &journalFile, bool asJson,
                 QTextStream &out)
{
    const CutoverRunbook::RunState &state = controller.state();
    QList<JournalEntry> ticks;
    for (const JournalEntry &e : controller.entries()) {
        if (e.kind == QLatin1String("tick"))
            ticks << e;
    }
    if (asJson) {
        QJsonArray steps;
        for (const CutoverRunbook::Step &s : controller.steps()) {
            const CutoverRunbook::StepState st = state.steps.value(s.id);
            steps.append(
                QJsonObject{{QStringLiteral("id"), s.id},
                            {QStringLiteral("title"), s.title},
                            {QStringLiteral("phase"), CutoverRunbook::phaseName(s.phase)},
                            {QStringLiteral("done"), st.done},
                            {QStringLiteral("current"), s.id == state.currentStepId},
                            {QStringLiteral("by"), stringOrNull(st.done ? st.by : QString())},
                            {QStringLiteral("at"), timeJson(st.done ? st.doneAt : QDateTime())},
                            {QStringLiteral("notes"), QJsonArray::fromStringList(st.notes)},
                            {QStringLiteral("override"), stringOrNull(st.overrideReason)},
                            {QStringLiteral("lastActionResult"), stringOrNull(st.lastActionResult)}});
        }
        QJsonArray tickArray;
        for (const JournalEntry &e : std::as_const(ticks))
            tickArray.append(QJsonObject{{QStringLiteral("stepId"), e.stepId},
                                         {QStringLiteral("by"), e.by},
                                         {QStringLiteral("at"), timeJson(e.at)},
                                         {QStringLiteral("note"), e.text}});
        out << json(QJsonObject{{QStringLiteral("run"), controller.run()},
                                {QStringLiteral("journal"), QDir::toNativeSeparators(journalFile)},
                                {QStringLiteral("sha256"), QString::fromLatin1(controller.journalSha256())},
                                {QStringLiteral("done"), state.done},
                                {QStringLiteral("total"), state.total},
                                {QStringLiteral("currentStepId"), stringOrNull(state.currentStepId)},
                                {QStringLiteral("steps"), steps},
                                {QStringLiteral("ticks"), tickArray}});
        return;
    }
    out << Texts::tr("Run %1: %2 of %3 steps done").arg(controller.run()).arg(state.done).arg(state.total)
        << '\n';
    if (controller.isJournalOpen())
        out << Texts::tr("Journal: %1 (SHA-256 %2)")
                   .arg(QDir::toNativeSeparators(journalFile),
                        QString::fromLatin1(controller.journalSha256()))
            << '\n';
    else
        out << Texts::tr("Journal: %1 (not created yet: the first tick creates it)")
                   .arg(QDir::toNativeSeparators(journalFile))
            << '\n';
    if (!state.currentStepId.isEmpty())
        out << Texts::tr("Current step: %1").arg(state.currentStepId) << '\n';
    for (const CutoverRunbook::Step &s : controller.steps()) {
        const CutoverRunbook::StepState st = state.steps.value(s.id);
        if (!st.done && st.notes.isEmpty() && st.overrideReason.isEmpty())
            continue;
        out << QStringLiteral("  %1 %2  %3")
                   .arg(st.done ? QStringLiteral("[x]") : QStringLiteral("[ ]"), s.id, s.title);
        if (st.done)
            out << QStringLiteral("  ")
                << Texts::tr("(%1, %2)").arg(st.by, st.doneAt.toUTC().toString(Qt::ISODateWithMs));
        out << '\n';
        if (!st.overrideReason.isEmpty())
            out << QStringLiteral("      ") << Texts::tr("gate overridden: %1").arg(st.overrideReason)
                << '\n';
        for (const QString &note : st.notes)
            out << QStringLiteral("      ") << note << '\n';
    }
}

bool printGates(const QList<Gate> &gates, bool asJson, QTextStream &out)
{
    bool anyFails = false;
    QJsonArray array;
    for (const Gate &g : gates) {
        const Gate::Status status = reported(g.status);
        anyFails = anyFails || status == Gate::Status::Fail;
        array.append(QJsonObject{{QStringLiteral("id"), g.id},
                                 {QStringLiteral("stepId"), g.stepId},
                                 {QStringLiteral("title"), g.title},
                                 {QStringLiteral("status"), CutoverRunbook::gateStatusName(status)},
                                 {QStringLiteral("evidence"), g.evidence},
                                 {QStringLiteral("checkedAt"), timeJson(g.checkedAt)}});
        if (!asJson)
            out << QStringLiteral("  %1 %2  %3\n      %4\n")
                       .arg(CutoverRunbook::gateStatusName(status).leftJustified(10), g.id.leftJustified(22),
                            g.title, g.evidence);
    }
    if (asJson)
        out << json(QJsonObject{{QStringLiteral("gates"), array}});
    return !anyFails;
}

} // namespace

int runCutover(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption planOption(QStringLiteral("plan"), Texts::tr("The plan file (.handover)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption stepsOption(QStringLiteral("steps"), Texts::tr("List the runbook's steps."));
    const QCommandLineOption tickOption(
        QStringLiteral("tick"), Texts::tr("Tick the step ID done in the journal."), QStringLiteral("ID"));
    const QCommandLineOption gatesOption(QStringLiteral("gates"), Texts::tr("Evaluate every gate now."));
    const QCommandLineOption statusOption(QStringLiteral("status"),
                                          Texts::tr("Show the run's state from the journal."));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Texts::tr("Print JSON."));
    const QCommandLineOption byOption(QStringLiteral("by"), Texts::tr("Who ticks (default: the OS user)."),
                                      QStringLiteral("NAME"));
    const QCommandLineOption noteOption(QStringLiteral("note"), Texts::tr("A note kept with the tick."),
                                        QStringLiteral("TEXT"));
    const QCommandLineOption overrideOption(
        QStringLiteral("override"),
        Texts::tr("Tick even though the step's gate fails, for this written reason."),
        QStringLiteral("REASON"));
    const QCommandLineOption rehearsalOption(
        QStringLiteral("rehearsal"),
        Texts::tr("Work in the newest rehearsal run (--tick starts one when there is none)."));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        Texts::tr("Show this help."));
    parser.addOptions({planOption, stepsOption, tickOption, gatesOption, statusOption, jsonOption, byOption,
                       noteOption, overrideOption, rehearsalOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);
    const QString usage =
        Texts::tr("Usage: handover cutover --plan FILE (--steps | --tick ID | --gates | --status) "
                  "[--json] [--rehearsal]\n"
                  "       [--by NAME] [--note TEXT] [--override REASON] [--timeout SECONDS]\n"
                  "       [--trust-fingerprint SHA256]... [--proxy URL|none]\n"
                  "API keys (for the server gates) come from HANDOVER_OLD_API_KEY and "
                  "HANDOVER_NEW_API_KEY, or from the\n"
                  "keychain.\n"
                  "Exit codes: 0 done (--gates: no gate fails), 3 a tick refused or a gate "
                  "failing, 2 usage error, a plan\n"
                  "that cannot be loaded or a journal that cannot be opened.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover cutover")} + arguments)) {
        err << "handover cutover: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage << parser.helpText().section(QLatin1Char('\n'), 2);
        return 0;
    }
    auto usageError = [&](const QString &message) {
        err << "handover cutover: " << message << '\n' << usage;
        return 2;
    };
    auto fail = [&](int code, const QString &message) {
        err << "handover cutover: " << message << '\n';
        err.flush();
        return code;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(Texts::tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    int modes = 0;
    for (const QCommandLineOption *mode : {&stepsOption, &tickOption, &gatesOption, &statusOption})
        modes += parser.isSet(*mode) ? 1 : 0;
    if (modes != 1)
        return usageError(Texts::tr("give exactly one of --steps, --tick, --gates and --status"));
    const bool ticking = parser.isSet(tickOption);
    if (!ticking) {
        for (const QCommandLineOption *option : {&byOption, &noteOption, &overrideOption}) {
            if (parser.isSet(*option))
                return usageError(Texts::tr("--%1 goes with --tick only").arg(option->names().constFirst()));
        }
    }
    if (parser.isSet(jsonOption) && ticking)
        return usageError(Texts::tr("--json goes with --steps, --gates or --status"));
    const QString stepId = parser.value(tickOption).trimmed();
    if (ticking && stepId.isEmpty())
        return usageError(Texts::tr("--tick needs a step id (--steps lists them)"));
    if (parser.isSet(overrideOption) && parser.value(overrideOption).trimmed().size() < 3)
        return usageError(Texts::tr("--override needs a written reason"));
    const QString planPath = parser.value(planOption).trimmed();
    if (!parser.isSet(planOption) || planPath.isEmpty())
        return usageError(Texts::tr("--plan needs the plan file"));
    if (const QString problem = network.read(parser); !problem.isEmpty())
        return usageError(problem);

    const PlanLoadResult loaded = PlanFileStore::load(planPath);
    if (!loaded.ok())
        return fail(2, loaded.error.toDisplayString());

    // stderr carries this verb's messages; the controllers' progress lines are for the wizard's log.
    QLoggingCategory::setFilterRules(QStringLiteral("handover.controllers.debug=false\n"
                                                    "handover.controllers.info=false"));

    MigrationPlan plan;
    plan.replaceData(loaded.plan);
    if (parser.isSet(QStringLiteral("proxy"))) {
        plan.setServerProxy(ServerRole::Old, network.proxySetting());
        plan.setServerProxy(ServerRole::New, network.proxySetting());
    }
    const QUrl oldUrl = plan.serverUrl(ServerRole::Old);
    const QUrl newUrl = plan.serverUrl(ServerRole::New);

    NetworkContext threads; // the network thread of this run; outlives the session
    SessionCredentials credentials;
    ServerSession session(&plan, &credentials, &threads);
    CutoverController controller(&plan, &session);
    if (parser.isSet(byOption))
        controller.setOperatorName(parser.value(byOption));
    // The journal is created by the first tick; listing steps, gates or the status reads it only when it
    // exists (a missing journal is an empty run).
    const QString journalFile = CutoverJournal::pathForPlan(planPath);
    if ((ticking || QFileInfo::exists(journalFile)) && !controller.openJournalFor(planPath))
        return fail(2, controller.journalError().text());

    const CutoverRunbook::Step *step = ticking ? controller.step(stepId) : nullptr;
    if (ticking && !step)
        return fail(2, Texts::tr("there is no step '%1' in the runbook of %2 (--steps lists them)")
                           .arg(stepId, QDir::toNativeSeparators(planPath)));

    if (parser.isSet(rehearsalOption)) {
        const QStringList rehearsals = controller.rehearsals();
        if (!rehearsals.isEmpty()) {
            controller.setRun(rehearsals.constLast());
        } else if (ticking) {
            if (controller.startRehearsal().isEmpty())
                return fail(2, controller.journalError().text());
        } else {
            return fail(2, Texts::tr("the journal %1 holds no rehearsal; --tick ID --rehearsal starts one")
                               .arg(QDir::toNativeSeparators(journalFile)));
        }
    }

    const bool asJson = parser.isSet(jsonOption);
    if (parser.isSet(stepsOption)) {
        printSteps(controller, asJson, out);
        return 0;
    }
    if (parser.isSet(statusOption)) {
        printStatus(controller, journalFile, asJson, out);
        return 0;
    }
    if (ticking && controller.state().steps.value(stepId).done)
        return fail(3, Texts::tr("'%1' (%2) is ticked already in the run %3")
                           .arg(step->title, stepId, controller.run()));

    // The gates evaluated (or not needed): the tick, or the list of gates.
    auto conclude = [&]() -> int {
        if (!ticking) {
            const bool ok = printGates(controller.gates(), asJson, out);
            out.flush();
            return ok ? 0 : 3;
        }
        if (const std::optional<Gate> gate = controller.gateOf(stepId);
            gate && (gate->status == Gate::Status::Fail || gate->status == Gate::Status::Pending)) {
            const QString evidence = gate->evidence.isEmpty() ? Texts::tr("not checked") : gate->evidence;
            if (!parser.isSet(overrideOption))
                return fail(
                    3, Texts::tr("the gate %1 (\"%2\") fails: %3. Tick it once it passes, or give --override "
                                 "REASON.")
                           .arg(gate->id, gate->title, evidence));
            QString error;
            if (!controller.overrideGate(stepId, parser.value(overrideOption), &error))
                return fail(3, error);
            err << Texts::tr("handover cutover: the gate %1 fails (%2); overridden: %3")
                       .arg(gate->id, evidence, parser.value(overrideOption).trimmed())
                << '\n';
        }
        QString error;
        if (!controller.tick(stepId, parser.value(noteOption), &error))
            return fail(3, error);
        out << Texts::tr("Ticked %1 (%2) in the run %3 by %4")
                   .arg(stepId, step->title, controller.run(), controller.operatorName())
            << '\n';
        out.flush();
        return 0;
    };

    if (ticking && !isServerGate(step->gateId))
        return conclude(); // no gate, or one the plan answers: no server needed

    // The server gates: both servers, keys from the environment or the keychain, evaluated with the event
    // loop running.
    QObject::connect(&controller, &CutoverController::evaluatingChanged, &controller, [&](bool evaluating) {
        if (!evaluating)
            QCoreApplication::exit(conclude());
    });
    ServerPairKeyLookup keys(QStringLiteral("handover cutover"), oldUrl, newUrl, err);
    auto start = [&](const QString &oldKey, const QString &newKey) {
        credentials.setApiKey(ServerRole::Old, oldKey);
        credentials.setApiKey(ServerRole::New, newKey);
        // --timeout and --trust-fingerprint on top of the clients the session makes from the plan.
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            if (OctopusClient *client = session.client(role)) {
                ConnectionSettings settings = client->settings();
                const QString proxy = settings.proxy; // the plan's, or --proxy's set on the plan above
                network.applyTo(&settings);
                settings.proxy = proxy;
                client->setSettings(settings);
            }
        }
        controller.evaluateGates();
    };
    // Started from the event loop, so that an answer that comes at once still ends it.
    QTimer::singleShot(0, &controller, [&] { keys.start(start); });
    const int code = QCoreApplication::exec();
    out.flush();
    err.flush();
    return code;
}
