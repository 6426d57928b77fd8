// handover plan --old URL --new URL --new-host HOST --out FILE [--force] [--timeout S]
//               [--trust-fingerprint FP]... [--proxy URL|none]
// Builds a plan file headless from both servers: every analysis of the wizard that needs no decision, run
// through the same controllers the wizard's steps use. The domain decision follows from HOST (keep-name when
// it is the old server's host, else new-name with the new public URL); the CI integrations refresh (counts
// and one undecided record per integration); the script audit of the scripts stored on the old server
// (counts only); the test plan generated from the old server's usage; the drift check. The Tentacles
// section stays empty (re-pointing is done on each machine); the number of polling Tentacles to re-point is
// printed. An analysis that fails is reported and left out; the others are still written. The file is
// written atomically (PlanFileStore) and never holds a key.
// Exit codes: 0 written with every analysis complete, 3 written with some analysis incomplete or a server
// unusable, 2 usage error, an existing file without --force, or the file could not be written.
#include "cliverbs.h"

#include "apierrortext.h"
#include "ciintegrationscontroller.h"
#include "cutovercontroller.h"
#include "domainconsequences.h"
#include "driftcontroller.h"
#include "inventoryjob.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"
#include "planfilestore.h"
#include "scriptauditcontroller.h"
#include "serverpairkeylookup.h"
#include "serversession.h"
#include "sessioncredentials.h"
#include "tentaclemachines.h"
#include "testplancontroller.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>

#include <algorithm>
#include <memory>

namespace {

// The verb's texts, in a context lupdate sees.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(PlanVerb)
};

// The domain decision HOST implies: the old server's own host (any case) keeps the name; another host is
// the new name, reached with the old server's scheme (and its port when that is not the scheme's default).
DomainDecision domainFor(const QUrl &oldUrl, const QString &newHost)
{
    DomainDecision domain;
    domain.oldPublicUrl = oldUrl;
    const QString host = newHost.startsWith(QLatin1Char('[')) && newHost.endsWith(QLatin1Char(']'))
                             ? newHost.mid(1, newHost.size() - 2)
                             : newHost;
    if (host.compare(oldUrl.host(), Qt::CaseInsensitive) == 0) {
        domain.choice = DomainDecision::Choice::KeepName;
        return domain;
    }
    domain.choice = DomainDecision::Choice::NewName;
    QUrl url;
    url.setScheme(oldUrl.scheme().isEmpty() ? QStringLiteral("https") : oldUrl.scheme().toLower());
    url.setHost(host);
    const int defaultPort = url.scheme() == QLatin1String("http") ? 80 : 443;
    if (oldUrl.port() > 0 && oldUrl.port() != defaultPort)
        url.setPort(oldUrl.port());
    domain.newPublicUrl = url;
    return domain;
}

// One analysis of the run: what it is called in messages, whether it finished and what went wrong (each
// line already names the server and the call).
struct Analysis
{
    explicit Analysis(const QString &name)
        : name(name)
    {}
    QString name; // translated, e.g. "the drift check"
    bool done = false;
    QStringList problems;
    QList<ApiError> errors; // for telling an unusable server
    bool complete() const { return done && problems.isEmpty(); }
};

void addErrors(Analysis &analysis, const QList<ApiError> &errors)
{
    for (const ApiError &error : errors) {
        if (error.kind == ApiErrorKind::Cancelled)
            continue;
        analysis.errors.append(error);
        analysis.problems.append(ApiErrorText::describe(error));
    }
}

} // namespace

int runPlan(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption oldOption(QStringLiteral("old"), Texts::tr("URL of the old server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption newOption(QStringLiteral("new"), Texts::tr("URL of the new (cloned) server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption hostOption(
        QStringLiteral("new-host"),
        Texts::tr("Host name the new server will be reached by (the old server's host keeps the name)."),
        QStringLiteral("HOST"));
    const QCommandLineOption outOption(QStringLiteral("out"), Texts::tr("The plan file to write."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption forceOption(QStringLiteral("force"), Texts::tr("Replace FILE when it exists."));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        Texts::tr("Show this help."));
    parser.addOptions({oldOption, newOption, hostOption, outOption, forceOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);
    const QString usage = Texts::tr(
        "Usage: handover plan --old URL --new URL --new-host HOST --out FILE [--force]\n"
        "       [--timeout SECONDS] [--trust-fingerprint SHA256]... [--proxy URL|none]\n"
        "API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.\n"
        "Exit codes: 0 written with every analysis complete, 3 written with some analysis incomplete or a\n"
        "server unusable, 2 usage error or the file not written.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover plan")} + arguments)) {
        err << "handover plan: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage << parser.helpText().section(QLatin1Char('\n'), 2);
        return 0;
    }
    auto usageError = [&](const QString &message) {
        err << "handover plan: " << message << '\n' << usage;
        return 2;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(Texts::tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const QUrl oldUrl = QUrl::fromUserInput(parser.value(oldOption));
    const QUrl newUrl = QUrl::fromUserInput(parser.value(newOption));
    for (const auto &[name, url, set] :
         {std::tuple{QStringLiteral("--old"), oldUrl, parser.isSet(oldOption)},
          std::tuple{QStringLiteral("--new"), newUrl, parser.isSet(newOption)}}) {
        if (!set || ConnectionSettings::normalisedUrl(url).isEmpty() || url.host().isEmpty())
            return usageError(Texts::tr("%1 needs an http:// or https:// URL").arg(name));
    }
    const QString newHost = NetworkVerbOptions::parseHost(parser.value(hostOption));
    if (!parser.isSet(hostOption) || newHost.isEmpty())
        return usageError(Texts::tr("--new-host needs a host name or IP address (without a port)"));
    const QString path = parser.value(outOption).trimmed();
    if (!parser.isSet(outOption) || path.isEmpty())
        return usageError(Texts::tr("--out needs the plan file to write"));
    if (const QString problem = network.read(parser); !problem.isEmpty())
        return usageError(problem);
    const QFileInfo target(path);
    if (target.isDir()) {
        err << Texts::tr("handover plan: cannot write %1: it is a folder").arg(QDir::toNativeSeparators(path))
            << '\n';
        return 2;
    }
    if (!target.absoluteDir().exists()) {
        err << Texts::tr("handover plan: cannot write %1: the folder %2 does not exist")
                   .arg(QDir::toNativeSeparators(path), QDir::toNativeSeparators(target.absolutePath()))
            << '\n';
        return 2;
    }
    if (target.exists() && !parser.isSet(forceOption)) {
        err << (PlanFileStore::load(path).ok() ? Texts::tr("handover plan: %1 is a plan already; it was left "
                                                           "as it is. Give --force to replace "
                                                           "it.")
                                               : Texts::tr("handover plan: %1 exists (it is not a plan); it "
                                                           "was left as it is. Give --force to "
                                                           "replace it."))
                   .arg(QDir::toNativeSeparators(path))
            << '\n';
        return 2;
    }

    // stderr carries this verb's messages; the controllers' progress lines are for the wizard's log
    // (QT_LOGGING_RULES still shows them).
    QLoggingCategory::setFilterRules(QStringLiteral("handover.controllers.debug=false\n"
                                                    "handover.controllers.info=false"));

    // The plan the controllers work on, as the wizard's pages would have set it before its steps run.
    MigrationPlan plan;
    plan.setServerUrl(ServerRole::Old, oldUrl);
    plan.setServerUrl(ServerRole::New, newUrl);
    plan.setServerProxy(ServerRole::Old, network.proxySetting());
    plan.setServerProxy(ServerRole::New, network.proxySetting());
    plan.setDomain(domainFor(oldUrl, newHost));

    // Started once the arguments are known to be good: a usage error starts no thread.
    NetworkContext threads; // the network thread and parse pool of this run; outlives the session
    SessionCredentials credentials;
    std::unique_ptr<ServerSession> session;
    std::unique_ptr<CiIntegrationsController> ci;
    std::unique_ptr<DriftController> drift;
    std::unique_ptr<ScriptAuditController> audit;
    std::unique_ptr<TestPlanController> testPlan;
    Analysis ciRun{Texts::tr("the CI integrations refresh")};
    Analysis auditRun{Texts::tr("the script audit of the old server's scripts")};
    Analysis driftRun{Texts::tr("the drift check")};
    Analysis usageRun{Texts::tr("the test plan")};
    Analysis inventoryRun{Texts::tr("the old server's Tentacle inventory")};
    int pollingToRepoint = 0;
    bool stopped = false;

    auto finish = [&] {
        if (stopped || !usageRun.done || !driftRun.done || !inventoryRun.done)
            return;
        stopped = true;
        // What did not succeed is left out: the plan holds only what was read completely.
        PlanData data = plan.data();
        if (!ciRun.complete())
            data.ciIntegrations = CiIntegrationsSection();
        if (!auditRun.complete())
            data.scriptAudit = ScriptAuditSection();
        if (!usageRun.complete())
            data.testPlan = TestPlanSection();
        if (!driftRun.complete())
            data.drift = DriftSection();
        data.tentacles = TentaclesSection(); // re-pointing is done on each machine, later

        int exitCode = 0;
        QList<const Analysis *> incomplete;
        for (const Analysis *analysis : {&ciRun, &auditRun, &usageRun, &driftRun, &inventoryRun}) {
            if (analysis->complete())
                continue;
            incomplete.append(analysis);
            exitCode = 3;
            err << Texts::tr("handover plan: %1 is incomplete and was left out of the plan:")
                       .arg(analysis->name)
                << '\n';
            constexpr int shown = 5;
            for (int i = 0; i < analysis->problems.size() && i < shown; ++i)
                err << QStringLiteral("  ") << analysis->problems.at(i) << '\n';
            if (analysis->problems.size() > shown)
                err << QStringLiteral("  ")
                    << Texts::tr("… and %n more problem(s)", nullptr, int(analysis->problems.size()) - shown)
                    << '\n';
        }
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            for (const Analysis *analysis : std::as_const(incomplete)) {
                const auto unusable = std::find_if(
                    analysis->errors.cbegin(), analysis->errors.cend(), [role](const ApiError &e) {
                        return e.server == role && NetworkVerbOptions::serverUnusable(e);
                    });
                if (unusable == analysis->errors.cend())
                    continue;
                err << Texts::tr("handover plan: the %1 server is unusable: %2")
                           .arg(role == ServerRole::Old ? Texts::tr("old") : Texts::tr("new"),
                                ApiErrorText::describe(*unusable))
                    << '\n';
                break;
            }
        }
        err.flush();

        if (const PlanError error = PlanFileStore::save(data, path)) {
            err << Texts::tr("handover plan: %1").arg(error.toDisplayString()) << '\n';
            err.flush();
            QCoreApplication::exit(2);
            return;
        }

        out << Texts::tr("Plan written to %1")
                   .arg(QDir::toNativeSeparators(QFileInfo(path).absoluteFilePath()))
            << '\n';
        out << QStringLiteral("  ")
            << Texts::tr("Servers: old %1, new %2").arg(oldUrl.toString(), newUrl.toString()) << '\n';
        out << QStringLiteral("  ")
            << (data.domain.choice == DomainDecision::Choice::KeepName
                    ? Texts::tr("Domain: the new server keeps the name %1").arg(oldUrl.host())
                    : Texts::tr("Domain: new name, %1").arg(data.domain.newPublicUrl.toString()))
            << '\n';
        out << QStringLiteral("  ")
            << (inventoryRun.complete()
                    ? Texts::tr("Polling Tentacles to re-point: %n (the Tentacles step records "
                                "them as they are done)",
                                nullptr, pollingToRepoint)
                    : Texts::tr("Polling Tentacles to re-point: unknown"))
            << '\n';
        if (ciRun.complete())
            out << QStringLiteral("  ")
                << Texts::tr("CI integrations: %n talking to the old server, ", nullptr,
                             data.ciIntegrations.talkingToOld)
                << Texts::tr("%n not verified on the new server, ", nullptr, data.ciIntegrations.notVerified)
                << Texts::tr("%n record(s), decisions open", nullptr,
                             int(data.ciIntegrations.integrations.size()))
                << '\n';
        if (auditRun.complete() && data.scriptAudit.lastScan) {
            const ScriptAuditScanSummary &scan = *data.scriptAudit.lastScan;
            int findings = 0;
            for (const int n : scan.findingsByCategory)
                findings += n;
            out << QStringLiteral("  ")
                << Texts::tr("Script audit: %n script(s) on the old server, ", nullptr,
                             audit->serverScriptCount())
                << Texts::tr("%n finding(s), ", nullptr, findings)
                << Texts::tr("%n naming the old server", nullptr, scan.mentionsOfOldServer) << '\n';
        }
        if (usageRun.complete())
            out << QStringLiteral("  ")
                << Texts::tr("Test plan: %n test(s) from the last %1 day(s) of the old server's usage",
                             nullptr, int(data.testPlan.rows.size()))
                       .arg(data.testPlan.windowDays)
                << '\n';
        if (driftRun.complete() && data.drift.lastCheck)
            out << QStringLiteral("  ")
                << Texts::tr("Drift: %1, %2 change(s) on the old server and %3 on the clone since %4")
                       .arg(data.drift.lastCheck->state)
                       .arg(data.drift.lastCheck->changesSinceClone)
                       .arg(data.drift.lastCheck->changesOnClone)
                       .arg(data.drift.lastCheck->cloneTime.toString(Qt::ISODate))
                << '\n';
        if (!incomplete.isEmpty()) {
            QStringList names;
            for (const Analysis *analysis : std::as_const(incomplete))
                names << analysis->name;
            out << QStringLiteral("  ")
                << Texts::tr("Left out (see the errors): %1").arg(names.join(QStringLiteral(", "))) << '\n';
        }
        out.flush();
        QCoreApplication::exit(exitCode);
    };

    // The test plan comes last: its rows take in the CI integrations and the API scripts the audit found.
    auto generateTestPlan = [&] {
        if (stopped || !ciRun.done || !auditRun.done || testPlan)
            return;
        if (!ciRun.complete()) { // its rows would come from incomplete evidence
            CiIntegrationsSection empty;
            plan.setCiIntegrations(empty);
        }
        testPlan = std::make_unique<TestPlanController>(&plan, session.get(), drift.get(),
                                                        auditRun.complete() ? audit.get() : nullptr);
        QObject::connect(testPlan.get(), &TestPlanController::readingChanged, testPlan.get(),
                         [&](bool reading) {
                             if (reading || usageRun.done)
                                 return;
                             usageRun.done = true;
                             addErrors(usageRun, testPlan->lastErrors());
                             if (const QStringList gaps = testPlan->gaps(); !gaps.isEmpty())
                                 usageRun.problems = gaps; // the same calls, said as what is missing
                             finish();
                         });
        testPlan->generate();
        if (!testPlan->isReading() && !usageRun.done) {
            usageRun.done = true;
            usageRun.problems << Texts::tr("the servers cannot be reached");
            finish();
        }
    };

    auto start = [&](const QString &oldKey, const QString &newKey) {
        credentials.setApiKey(ServerRole::Old, oldKey);
        credentials.setApiKey(ServerRole::New, newKey);
        session = std::make_unique<ServerSession>(&plan, &credentials, &threads);
        // --timeout and --trust-fingerprint, on the clients the session made from the plan.
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            OctopusClient *client = session->client(role);
            client->setSettings(network.settingsFor(plan.serverUrl(role), credentials.apiKey(role), role));
        }

        ci = std::make_unique<CiIntegrationsController>(&plan, session.get());
        QObject::connect(ci.get(), &CiIntegrationsController::refreshingChanged, ci.get(),
                         [&](bool refreshing) {
                             if (refreshing || ciRun.done)
                                 return;
                             ciRun.done = true;
                             addErrors(ciRun, ci->lastErrors());
                             if (ciRun.complete()) {
                                 // One record per integration found, its decision left to the lead.
                                 CiIntegrationsSection section = plan.ciIntegrations();
                                 for (const CiIntegrations::Integration &row : ci->integrations())
                                     section.integrations.insert(row.id, ci->record(row.id));
                                 plan.setCiIntegrations(section);
                             }
                             generateTestPlan();
                         });

        drift = std::make_unique<DriftController>(&plan, session.get());
        QObject::connect(drift.get(), &DriftController::refreshingChanged, drift.get(), [&](bool refreshing) {
            if (refreshing || driftRun.done)
                return;
            driftRun.done = true;
            addErrors(driftRun, drift->lastErrors());
            if (driftRun.problems.isEmpty() && !drift->hasReport())
                driftRun.problems << Texts::tr(
                    "the clone time could not be detected: the new server holds no event "
                    "the old server holds identically");
            finish();
        });

        // The script audit judges routes against the new server's live API description: fetched first.
        audit = std::make_unique<ScriptAuditController>(&plan, session.get());
        QObject::connect(audit.get(), &ScriptAuditController::scanFinished, audit.get(),
                         [&](const AuditScanner::Result &result) {
                             if (auditRun.done)
                                 return;
                             auditRun.done = true;
                             auditRun.problems += audit->serverErrors();
                             if (result.cancelled)
                                 auditRun.problems << Texts::tr("the scan was cancelled");
                             generateTestPlan();
                         });
        QObject::connect(audit.get(), &ScriptAuditController::scanFailed, audit.get(),
                         [&](const QString &message) {
                             if (auditRun.done)
                                 return;
                             auditRun.done = true;
                             auditRun.problems << message;
                             generateTestPlan();
                         });
        QObject::connect(audit.get(), &ScriptAuditController::liveSwaggerChanged, audit.get(), [&] {
            using State = ScriptAuditController::LiveSwaggerState;
            const State state = audit->liveSwaggerState();
            if (state == State::Fetching || audit->isScanning() || auditRun.done)
                return;
            if (state != State::Ready)
                auditRun.problems << audit->liveError(); // routes are not judged: the audit is incomplete
            if (!audit->startScan()) {
                auditRun.done = true;
                auditRun.problems << Texts::tr("the old server's scripts cannot be read");
                generateTestPlan();
            }
        });

        // The polling Tentacles the domain decision asks to re-point, from the old server's inventory.
        auto *inventory = new InventoryJob(session->client(ServerRole::Old), session.get());
        inventory->setApiKeyScope(InventoryJob::ApiKeyScope::None);
        inventory->setParts(InventoryJob::Targets | InventoryJob::Workers | InventoryJob::Environments |
                            InventoryJob::Tenants);
        QObject::connect(inventory, &InventoryJob::finished, inventory,
                         [&, inventory](const InventorySnapshot &s) {
                             inventory->deleteLater();
                             inventoryRun.done = true;
                             addErrors(inventoryRun, s.errors);
                             for (const InventoryPermissionGap &gap : s.permissionGaps)
                                 inventoryRun.problems << gap.describe();
                             DomainConsequencesInput input;
                             input.decision = plan.domain();
                             input.oldMachines = tentacleMachinesFrom(s);
                             pollingToRepoint = computeDomainConsequences(input).mustAct;
                             // The cutover runbook's after-cutover steps: a Tentacle upgrade wave per
                             // environment in the server's order, and the polling Tentacles.
                             CutoverSection cutover = plan.cutover();
                             if (CutoverController::adoptInventory(&cutover, s))
                                 plan.setCutover(cutover);
                             finish();
                         });

        ci->refresh();
        drift->refresh();
        audit->fetchLiveSwagger();
        inventory->start();
    };

    ServerPairKeyLookup keys(QStringLiteral("handover plan"), oldUrl, newUrl, err);
    keys.start(start);
    const int code = QCoreApplication::exec();
    stopped = true;
    testPlan.reset();
    audit.reset();
    drift.reset();
    ci.reset();
    session.reset();
    out.flush();
    err.flush();
    return code;
}
