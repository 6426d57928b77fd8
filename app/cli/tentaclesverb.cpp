// handover tentacles --old URL --new URL --new-host HOST [--json|--csv] [--scripts DIR]
//                    [--polling-port N] [--instance NAME] [--timeout S] [--trust-fingerprint FP]...
// Lists the old server's polling Tentacles (targets and workers, every space) with the commands that make
// each one poll the new server; --scripts writes one script per machine. Reads the new server's
// certificate-global thumbprint for the server-comms form. Never writes or prints an API key.
// Exit codes: 0 ok, 3 a server was unusable (or the inventory incomplete), 2 usage error.
#include "cliverbs.h"

#include "apierrortext.h"
#include "apijob.h"
#include "inventoryjob.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"
#include "serverpairkeylookup.h"
#include "tentaclecommands.h"
#include "tentaclemachines.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <memory>

namespace {

bool fatal(const ApiError &error)
{
    return NetworkVerbOptions::serverUnusable(error) || error.kind == ApiErrorKind::Forbidden;
}

} // namespace

int runTentacles(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption oldOption(QStringLiteral("old"),
                                       QCoreApplication::translate("TentaclesVerb", "URL of the old server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption newOption(
        QStringLiteral("new"),
        QCoreApplication::translate("TentaclesVerb", "URL of the new (cloned) server."),
        QStringLiteral("URL"));
    const QCommandLineOption hostOption(
        QStringLiteral("new-host"),
        QCoreApplication::translate("TentaclesVerb",
                                    "Host name the polling Tentacles must dial from now on."),
        QStringLiteral("HOST"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("TentaclesVerb", "Print JSON."));
    const QCommandLineOption csvOption(QStringLiteral("csv"),
                                       QCoreApplication::translate("TentaclesVerb", "Print CSV."));
    const QCommandLineOption scriptsOption(
        QStringLiteral("scripts"),
        QCoreApplication::translate("TentaclesVerb",
                                    "Write one re-point script per machine into this folder."),
        QStringLiteral("DIR"));
    const QCommandLineOption portOption(
        QStringLiteral("polling-port"),
        QCoreApplication::translate("TentaclesVerb", "The new server's polling port (default 10943)."),
        QStringLiteral("PORT"));
    const QCommandLineOption instanceOption(
        QStringLiteral("instance"),
        QCoreApplication::translate("TentaclesVerb",
                                    "Tentacle instance name on the machines (default Tentacle)."),
        QStringLiteral("NAME"));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("TentaclesVerb", "Show this help."));
    parser.addOptions(
        {oldOption, newOption, hostOption, jsonOption, csvOption, scriptsOption, portOption, instanceOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);
    const QString usage = QCoreApplication::translate(
        "TentaclesVerb",
        "Usage: handover tentacles --old URL --new URL --new-host HOST [--json|--csv] [--scripts DIR]\n"
        "       [--polling-port PORT] [--instance NAME] [--timeout SECONDS] [--trust-fingerprint SHA256]...\n"
        "API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.\n"
        "Exit codes: 0 listed, 3 a server was unusable or the inventory incomplete, 2 usage error.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover tentacles")} + arguments)) {
        err << "handover tentacles: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage << parser.helpText().section(QLatin1Char('\n'), 2);
        return 0;
    }
    auto usageError = [&](const QString &message) {
        err << "handover tentacles: " << message << '\n' << usage;
        return 2;
    };
    if (!parser.positionalArguments().isEmpty())
        return usageError(QCoreApplication::translate("TentaclesVerb", "unexpected argument '%1'")
                              .arg(parser.positionalArguments().first()));
    const QUrl oldUrl = QUrl::fromUserInput(parser.value(oldOption));
    const QUrl newUrl = QUrl::fromUserInput(parser.value(newOption));
    for (const auto &[name, url, set] :
         {std::tuple{QStringLiteral("--old"), oldUrl, parser.isSet(oldOption)},
          std::tuple{QStringLiteral("--new"), newUrl, parser.isSet(newOption)}}) {
        if (!set || ConnectionSettings::normalisedUrl(url).isEmpty() || url.host().isEmpty())
            return usageError(
                QCoreApplication::translate("TentaclesVerb", "%1 needs an http:// or https:// URL")
                    .arg(name));
    }
    const QString newHost = NetworkVerbOptions::parseHost(parser.value(hostOption));
    if (!parser.isSet(hostOption) || newHost.isEmpty())
        return usageError(QCoreApplication::translate(
            "TentaclesVerb", "--new-host needs a host name or IP address (the port goes in --polling-port)"));
    if (parser.isSet(jsonOption) && parser.isSet(csvOption))
        return usageError(
            QCoreApplication::translate("TentaclesVerb", "--json and --csv cannot be combined"));
    TentacleCommands::Options options;
    options.newHost = newHost;
    options.newServerUrl =
        QUrl(QStringLiteral("https://%1/")
                 .arg(newHost.contains(QLatin1Char(':')) && !newHost.startsWith(QLatin1Char('['))
                          ? QLatin1Char('[') + newHost + QLatin1Char(']')
                          : newHost));
    options.oldHost = oldUrl.host();
    if (parser.isSet(portOption)) {
        bool ok = false;
        const int port = parser.value(portOption).toInt(&ok);
        if (!ok || port < 1 || port > 65535)
            return usageError(
                QCoreApplication::translate("TentaclesVerb", "--polling-port needs a port number"));
        options.pollingPort = port;
    }
    if (parser.isSet(instanceOption)) {
        options.instanceName = parser.value(instanceOption).trimmed();
        if (options.instanceName.isEmpty())
            return usageError(QCoreApplication::translate("TentaclesVerb", "--instance needs a name"));
    }
    if (const QString problem = network.read(parser); !problem.isEmpty())
        return usageError(problem);
    const QString scriptsDir = parser.value(scriptsOption);
    if (parser.isSet(scriptsOption) && scriptsDir.trimmed().isEmpty())
        return usageError(QCoreApplication::translate("TentaclesVerb", "--scripts needs a folder"));
    const bool json = parser.isSet(jsonOption);
    const bool csv = parser.isSet(csvOption);

    QString oldKey;
    QString newKey;
    int exitCode = 0;
    // Started once the arguments are known to be good: a usage error starts no thread.
    NetworkContext threads; // the network thread and parse pool of this run; outlives its clients
    std::unique_ptr<OctopusClient> oldClient;
    std::unique_ptr<OctopusClient> newClient;
    InventorySnapshot snapshot;
    bool inventoryDone = false;
    bool thumbprintDone = false;
    bool stopped = false; // the event loop has ended: late (cancelled) answers are ignored

    auto report = [&] {
        if (stopped || !inventoryDone || !thumbprintDone)
            return;
        stopped = true;
        for (const ApiError &error : snapshot.errors) {
            if (fatal(error)) {
                err << QCoreApplication::translate("TentaclesVerb",
                                                   "handover tentacles: the old server is unusable: %1")
                           .arg(ApiErrorText::describe(error))
                    << '\n';
                err.flush();
                QCoreApplication::exit(3);
                return;
            }
        }
        const QList<TentacleMachine> machines = pollingMachinesFrom(snapshot);
        if (json) {
            QJsonArray list;
            // Per machine: "commands" re-point it (windows/linux, or helm for a Kubernetes agent), "cleanup"
            // is the after-cutover step in the same shape (null where the Tentacle cannot do it) and
            // "cleanupNote" says why it is null (null when there is a cleanup). "os" is windows, linux or
            // unknown (never health-checked: both forms are given, pick by the machine's shell).
            auto orNull = [](const QString &text) {
                return text.isEmpty() ? QJsonValue() : QJsonValue(text);
            };
            for (const TentacleMachine &m : machines) {
                QJsonObject commands;
                QJsonValue cleanup;
                if (m.isKubernetesAgent()) {
                    commands.insert(QStringLiteral("helm"),
                                    orNull(TentacleCommands::helmRepointCommand(m, options)));
                    const QString helmCleanup = TentacleCommands::helmCleanupCommand(m, options);
                    if (!helmCleanup.isEmpty())
                        cleanup = QJsonObject{{QStringLiteral("helm"), helmCleanup}};
                } else {
                    commands = QJsonObject{
                        {QStringLiteral("windows"),
                         TentacleCommands::commandLines(m, TentacleCommands::Os::Windows, options)},
                        {QStringLiteral("linux"),
                         TentacleCommands::commandLines(m, TentacleCommands::Os::Linux, options)}};
                    if (TentacleCommands::supportsClearTrustedServers(m.tentacleVersion))
                        cleanup = QJsonObject{
                            {QStringLiteral("windows"),
                             TentacleCommands::cleanupLines(m, TentacleCommands::Os::Windows, options)},
                            {QStringLiteral("linux"),
                             TentacleCommands::cleanupLines(m, TentacleCommands::Os::Linux, options)}};
                }
                QJsonObject entry{
                    {QStringLiteral("id"), m.id},
                    {QStringLiteral("name"), m.name},
                    {QStringLiteral("spaceId"), m.spaceId},
                    {QStringLiteral("kind"), TentacleMachine::kindName(m.kind)},
                    {QStringLiteral("communicationStyle"), m.communicationStyle},
                    {QStringLiteral("os"), TentacleCommands::osName(TentacleCommands::osFor(m))},
                    {QStringLiteral("tentacleVersion"), m.tentacleVersion},
                    {QStringLiteral("environments"), QJsonArray::fromStringList(m.environments)},
                    {QStringLiteral("roles"), QJsonArray::fromStringList(m.roles)},
                    {QStringLiteral("commands"), commands},
                    {QStringLiteral("cleanup"), cleanup},
                    {QStringLiteral("cleanupNote"), orNull(TentacleCommands::cleanupNote(m, options))}};
                if (m.isKubernetesAgent())
                    entry.insert(QStringLiteral("kubernetes"),
                                 QJsonObject{{QStringLiteral("helmReleaseName"), m.helmReleaseName},
                                             {QStringLiteral("namespace"), m.kubernetesNamespace},
                                             {QStringLiteral("agentVersion"), m.agentVersion}});
                list.append(entry);
            }
            out << QJsonDocument(QJsonObject{{QStringLiteral("targets"), list}})
                       .toJson(QJsonDocument::Indented);
        } else if (csv) {
            out << TentacleCommands::csv(machines, options);
        } else {
            out << QCoreApplication::translate("TentaclesVerb",
                                               "%1 polling Tentacles on %2 must poll %3:%4\n")
                       .arg(machines.size())
                       .arg(oldUrl.toString(QUrl::RemoveUserInfo), newHost)
                       .arg(options.pollingPort);
            for (const TentacleMachine &m : machines) {
                const TentacleCommands::Os os = TentacleCommands::osFor(m);
                out << QStringLiteral("\n%1  %2  %3  %4  %5\n")
                           .arg(m.id, TentacleMachine::kindName(m.kind),
                                m.isKubernetesAgent() ? QStringLiteral("kubernetes")
                                                      : TentacleCommands::osName(os),
                                m.tentacleVersion.isEmpty() ? QStringLiteral("?") : m.tentacleVersion,
                                TentacleCommands::commentSafe(m.name));
                QStringList lines;
                QStringList after;
                if (m.isKubernetesAgent()) {
                    lines << TentacleCommands::helmRepointCommand(m, options);
                    after << TentacleCommands::helmCleanupCommand(m, options);
                } else {
                    for (const TentacleCommands::Os each : TentacleCommands::scriptOsesFor(m)) {
                        const QString prefix = os == TentacleCommands::Os::Unknown
                                                   ? TentacleCommands::osName(each) + QStringLiteral(": ")
                                                   : QString();
                        for (const QString &line :
                             TentacleCommands::commandLines(m, each, options).split(QLatin1Char('\n')))
                            lines << prefix + line;
                        const QString cleanup = TentacleCommands::cleanupLines(m, each, options);
                        if (!cleanup.isEmpty()) {
                            for (const QString &line : cleanup.split(QLatin1Char('\n')))
                                after << prefix + line;
                        }
                    }
                }
                lines.removeAll(QString());
                after.removeAll(QString());
                for (const QString &line : std::as_const(lines))
                    out << QStringLiteral("    ") << line << '\n';
                out << QStringLiteral("  ") << QCoreApplication::translate("TentaclesVerb", "after cutover:")
                    << '\n';
                for (const QString &line : std::as_const(after))
                    out << QStringLiteral("    ") << line << '\n';
                const QString note = TentacleCommands::cleanupNote(m, options);
                if (!note.isEmpty())
                    out << QStringLiteral("    # ") << TentacleCommands::commentSafe(note) << '\n';
                const QString helmNote = TentacleCommands::helmNote(m);
                if (!helmNote.isEmpty() && helmNote != note)
                    out << QStringLiteral("    # ") << TentacleCommands::commentSafe(helmNote) << '\n';
            }
        }
        out.flush();
        if (!scriptsDir.isEmpty()) {
            QDir dir;
            if (!dir.mkpath(scriptsDir)) {
                err << QCoreApplication::translate("TentaclesVerb",
                                                   "handover tentacles: cannot create the folder %1")
                           .arg(scriptsDir)
                    << '\n';
                exitCode = 2;
            }
            int written = 0;
            // Per machine: the re-point script and, apart, the after-cutover one (both shells when the OS
            // is unknown; helm scripts for Kubernetes agents).
            QList<TentacleCommands::Script> scripts;
            for (const TentacleMachine &m : machines)
                scripts << TentacleCommands::scriptsFor(m, options);
            for (const TentacleCommands::Script &script : std::as_const(scripts)) {
                if (exitCode != 0)
                    break;
                QSaveFile file(QDir(scriptsDir).filePath(script.fileName));
                if (!file.open(QIODevice::WriteOnly) || file.write(script.text.toUtf8()) < 0 ||
                    !file.commit()) {
                    err << QCoreApplication::translate("TentaclesVerb",
                                                       "handover tentacles: cannot write %1: %2")
                               .arg(file.fileName(), file.errorString())
                        << '\n';
                    exitCode = 2;
                    break;
                }
                if (script.os == TentacleCommands::Os::Linux)
                    QFile::setPermissions(file.fileName(), QFile::permissions(file.fileName()) |
                                                               QFile::ExeOwner | QFile::ExeGroup |
                                                               QFile::ExeOther);
                ++written;
            }
            if (exitCode == 0)
                err << QCoreApplication::translate("TentaclesVerb", "Wrote %1 scripts to %2")
                           .arg(written)
                           .arg(QDir(scriptsDir).absolutePath())
                    << '\n';
        }
        if (exitCode == 0 && !snapshot.isComplete()) {
            for (const ApiError &error : snapshot.errors)
                err << QCoreApplication::translate("TentaclesVerb",
                                                   "handover tentacles: incomplete inventory: %1")
                           .arg(ApiErrorText::describe(error))
                    << '\n';
            exitCode = 3;
        }
        err.flush();
        QCoreApplication::exit(exitCode);
    };

    auto start = [&] {
        oldClient =
            std::make_unique<OctopusClient>(network.settingsFor(oldUrl, oldKey, ServerRole::Old), &threads);
        newClient =
            std::make_unique<OctopusClient>(network.settingsFor(newUrl, newKey, ServerRole::New), &threads);
        auto *job = new InventoryJob(oldClient.get(), oldClient.get());
        job->setApiKeyScope(InventoryJob::ApiKeyScope::None);
        QObject::connect(job, &InventoryJob::finished, job, [&](const InventorySnapshot &result) {
            snapshot = result;
            inventoryDone = true;
            report();
        });
        job->start();
        ApiJob *certificate =
            newClient->get(QStringLiteral("/api/configuration/certificates/certificate-global"));
        QObject::connect(certificate, &ApiJob::finished, certificate, [&](const ApiResult &result) {
            if (stopped)
                return;
            if (!result.ok() && fatal(result.error)) {
                stopped = true;
                err << QCoreApplication::translate("TentaclesVerb",
                                                   "handover tentacles: the new server is unusable: %1")
                           .arg(ApiErrorText::describe(result.error))
                    << '\n';
                err.flush();
                QCoreApplication::exit(3);
                return;
            }
            if (result.ok())
                options.serverThumbprint = result.json.object().value(QLatin1String("Thumbprint")).toString();
            thumbprintDone = true;
            report();
        });
    };

    ServerPairKeyLookup keys(QStringLiteral("handover tentacles"), oldUrl, newUrl, err);
    keys.start([&](const QString &oldApiKey, const QString &newApiKey) {
        oldKey = oldApiKey;
        newKey = newApiKey;
        start();
    });
    const int code = QCoreApplication::exec();
    stopped = true;
    newClient.reset();
    oldClient.reset();
    out.flush();
    err.flush();
    return code;
}
