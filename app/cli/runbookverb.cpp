// handover runbook --plan FILE --format pdf|html|md --out FILE [--paper a4|letter] [--timeout S]
//                  [--trust-fingerprint FP]... [--proxy URL|none]
// The printable runbook of the plan FILE, through RunbookExportController (the work behind the wizard's
// "Export runbook"): the decisions, both servers at export time, the polling Tentacles with their commands,
// the CI integrations, the script audit's counts, the test plan, drift with its chart, the runbook by phase,
// the checklist and the journal of the live run (NAME.handover-journal beside the plan, read only: when
// there is none, none is created), rollback and sign-off lines. Both servers are read when their keys are
// found (HANDOVER_OLD_API_KEY / HANDOVER_NEW_API_KEY, else the keychain; never an argument); without a key
// that server's parts come from the plan alone, with a note. The file is written atomically.
// Exit codes: 0 written; 3 written, but a server whose key was found could not be read (each named on
// stderr, and a note in the document); 4 not written (the old file, if any, is kept); 2 usage error, or a
// plan that is missing or cannot be loaded.
#include "cliverbs.h"

#include "apikeylookup.h"
#include "cutovercontroller.h"
#include "cutoverjournal.h"
#include "keychainstore.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"
#include "planfilestore.h"
#include "runbookexportcontroller.h"
#include "serversession.h"
#include "sessioncredentials.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QTextStream>
#include <QTimer>

namespace {

// The verb's texts, in a context lupdate sees.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(RunbookVerb)
};

} // namespace

int runRunbook(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption planOption(QStringLiteral("plan"), Texts::tr("The plan file (.handover)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption formatOption(QStringLiteral("format"), Texts::tr("pdf, html or md."),
                                          QStringLiteral("FORMAT"));
    const QCommandLineOption outOption(QStringLiteral("out"), Texts::tr("The file to write."),
                                       QStringLiteral("FILE"));
    const QCommandLineOption paperOption(QStringLiteral("paper"), Texts::tr("a4 (default) or letter."),
                                         QStringLiteral("PAPER"));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        Texts::tr("Show this help."));
    parser.addOptions({planOption, formatOption, outOption, paperOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);
    const QString usage =
        Texts::tr("Usage: handover runbook --plan FILE --format pdf|html|md --out FILE "
                  "[--paper a4|letter]\n"
                  "       [--timeout SECONDS] [--trust-fingerprint SHA256]... [--proxy URL|none]\n"
                  "API keys (to read both servers at export time) come from HANDOVER_OLD_API_KEY and "
                  "HANDOVER_NEW_API_KEY,\n"
                  "or from the keychain; without them the runbook is made from the plan and its "
                  "journal alone.\n"
                  "Exit codes: 0 written, 3 written but a server could not be read, 4 not written, "
                  "2 usage error or a\n"
                  "plan that is missing or cannot be loaded.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover runbook")} + arguments)) {
        err << "handover runbook: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage << parser.helpText().section(QLatin1Char('\n'), 2);
        return 0;
    }
    auto usageError = [&](const QString &message) {
        err << "handover runbook: " << message << '\n' << usage;
        return 2;
    };
    auto fail = [&](int code, const QString &message) {
        err << "handover runbook: " << message << '\n';
        err.flush();
        return code;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(Texts::tr("unexpected argument '%1'").arg(parser.positionalArguments().first()));
    const QString planPath = parser.value(planOption).trimmed();
    if (!parser.isSet(planOption) || planPath.isEmpty())
        return usageError(Texts::tr("--plan needs the plan file"));
    const std::optional<RunbookDocument::Format> format =
        RunbookDocument::formatFromName(parser.value(formatOption));
    if (!parser.isSet(formatOption) || !format)
        return usageError(Texts::tr("--format needs pdf, html or md"));
    const std::optional<RunbookDocument::Paper> paper =
        parser.isSet(paperOption) ? RunbookDocument::paperFromName(parser.value(paperOption))
                                  : std::optional(RunbookDocument::Paper::A4);
    if (!paper)
        return usageError(Texts::tr("--paper needs a4 or letter"));
    const QString outPath = parser.value(outOption).trimmed();
    if (!parser.isSet(outOption) || outPath.isEmpty())
        return usageError(Texts::tr("--out needs the file to write"));
    if (const QString problem = network.read(parser); !problem.isEmpty())
        return usageError(problem);

    const PlanLoadResult loaded = PlanFileStore::load(planPath);
    if (!loaded.ok())
        return fail(2, loaded.error.toDisplayString());

    // stderr carries this verb's messages; the controllers' progress lines are for the wizard's log.
    QLoggingCategory::setFilterRules(QStringLiteral("handover.controllers.debug=false\n"
                                                    "handover.controllers.info=false\n"
                                                    "handover.controllers.warning=false"));

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
    CutoverController cutover(&plan, &session);
    // The journal is read, never created: opening a missing one would make an empty file beside the plan.
    if (QFileInfo::exists(CutoverJournal::pathForPlan(planPath)) && !cutover.openJournalFor(planPath))
        err << Texts::tr("handover runbook: warning: %1; the runbook says so in its checklist and journal")
                   .arg(cutover.journalError().text())
            << '\n';
    RunbookExportController controller(&plan, &session);
    controller.setSources(nullptr, nullptr, nullptr, nullptr, &cutover);
    controller.setPlanFileName(planPath);

    bool keys[2] = {false, false};
    auto write = [&]() -> int {
        int code = 0;
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            const QString name = role == ServerRole::Old ? Texts::tr("old") : Texts::tr("new");
            const QUrl url = role == ServerRole::Old ? oldUrl : newUrl;
            if (!keys[role == ServerRole::Old ? 0 : 1])
                continue;
            if (!controller.serverRead(role)) {
                code = 3;
                err << Texts::tr(
                           "handover runbook: warning: the %1 server %2 could not be read; the runbook notes "
                           "it")
                           .arg(name, url.toString())
                    << '\n';
            }
            for (const QString &problem : controller.serverErrors(role))
                err << QStringLiteral("  ") << problem << '\n';
        }
        QString error;
        if (!controller.exportTo(outPath, *format, *paper, &error))
            return fail(4, Texts::tr("cannot write %1: %2").arg(QDir::toNativeSeparators(outPath), error));
        out << Texts::tr("Runbook written to %1")
                   .arg(QDir::toNativeSeparators(QFileInfo(outPath).absoluteFilePath()))
            << '\n';
        out.flush();
        err.flush();
        return code;
    };

    // Keys from the environment or the keychain; a server without one is left out (the plan stands in).
    KeychainStore keychain;
    ApiKeyLookup oldLookup(&keychain);
    ApiKeyLookup newLookup(&keychain);
    int answered = 0;
    auto onKey = [&](ServerRole role, const QString &key, const QString &reason) {
        credentials.setApiKey(role, key);
        if (key.isEmpty())
            err << Texts::tr(
                       "handover runbook: no API key for the %1 server %2 (%3): that part of the runbook "
                       "comes "
                       "from the plan alone. Never pass a key as an argument.")
                       .arg(role == ServerRole::Old ? Texts::tr("old") : Texts::tr("new"),
                            (role == ServerRole::Old ? oldUrl : newUrl).toString(), reason)
                << '\n';
        keys[role == ServerRole::Old ? 0 : 1] = !key.isEmpty();
        if (++answered < 2)
            return;
        if (!keys[0] && !keys[1]) {
            QCoreApplication::exit(write());
            return;
        }
        // --timeout and --trust-fingerprint on top of the clients the session makes from the plan.
        for (ServerRole r : {ServerRole::Old, ServerRole::New}) {
            if (OctopusClient *client = session.client(r)) {
                ConnectionSettings settings = client->settings();
                const QString proxy = settings.proxy; // the plan's, or --proxy's set on the plan above
                network.applyTo(&settings);
                settings.proxy = proxy;
                client->setSettings(settings);
            }
        }
        controller.refresh();
    };
    QObject::connect(&controller, &RunbookExportController::refreshed, &controller,
                     [&] { QCoreApplication::exit(write()); });
    QObject::connect(&oldLookup, &ApiKeyLookup::finished, &oldLookup,
                     [&](const QString &key, const QString &reason) { onKey(ServerRole::Old, key, reason); });
    QObject::connect(&newLookup, &ApiKeyLookup::finished, &newLookup,
                     [&](const QString &key, const QString &reason) { onKey(ServerRole::New, key, reason); });
    // Started from the event loop, so that an answer that comes at once still ends it.
    QTimer::singleShot(0, &controller, [&] {
        oldLookup.lookup(QStringLiteral("HANDOVER_OLD_API_KEY"), oldUrl);
        newLookup.lookup(QStringLiteral("HANDOVER_NEW_API_KEY"), newUrl);
    });
    const int code = QCoreApplication::exec();
    out.flush();
    err.flush();
    return code;
}
