// handover audit [PATH…] [--server URL] [--old-url URL]… [--new-swagger FILE] [--json|--csv|--md] [--jobs N]
//
// Finds scripts and pipelines that call the old Octopus server: hard-coded URLs, API keys, the retired
// octo CLI, REST routes the new server does not serve, client libraries. With --server it also reads the
// scripts stored on that (old) server (ServerScriptsJob; key from HANDOVER_API_KEY or the keychain).
// Exit codes: 0 when the scan ran (with or without findings), 2 on a usage error or an unreadable root,
// 3 when the server could not be read.

#include "cliverbs.h"

#include "apierrortext.h"
#include "apikeylookup.h"
#include "auditreportwriter.h"
#include "auditscanner.h"
#include "audittexts.h"
#include "keychainstore.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"
#include "scriptauditcontroller.h"
#include "serverscriptsjob.h"
#include "swaggercatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>
#include <memory>

namespace {

// QCommandLineParser names the binary in its usage line; the verb belongs there too.
QString helpText(const QCommandLineParser &parser)
{
    const QString text = parser.helpText();
    return QStringLiteral("Usage: handover audit [options] [PATH…]") +
           text.mid(text.indexOf(QLatin1Char('\n')));
}

int usageError(const QString &message, const QCommandLineParser &parser)
{
    QTextStream err(stderr);
    err << "handover audit: " << message << '\n' << helpText(parser);
    return 2;
}

} // namespace

int runAudit(const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "AuditVerb",
        "Finds scripts and pipelines that call the Octopus API with a hard-coded URL, an API key, "
        "the retired octo CLI or endpoints the new server does not serve.\n"
        "Severities: breaking, must-change, deprecated, security, info. Exit status: 0 when the "
        "scan ran (with or without findings), 2 on a usage error or an unreadable PATH."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption oldUrl(QStringLiteral("old-url"),
                                    QCoreApplication::translate("AuditVerb",
                                                                "URL or host name of the old server "
                                                                "(repeatable)."),
                                    QStringLiteral("URL"));
    const QCommandLineOption newSwagger(
        QStringLiteral("new-swagger"),
        QCoreApplication::translate("AuditVerb", "The new server's /api/swagger.json, saved to a file."),
        QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"),
                                  QCoreApplication::translate("AuditVerb", "Print the findings as JSON."));
    const QCommandLineOption csv(QStringLiteral("csv"),
                                 QCoreApplication::translate("AuditVerb", "Print the findings as CSV."));
    const QCommandLineOption markdown(
        QStringLiteral("md"), QCoreApplication::translate("AuditVerb", "Print the findings as Markdown."));
    const QCommandLineOption jobs(QStringLiteral("jobs"),
                                  QCoreApplication::translate("AuditVerb", "Number of scanning threads "
                                                                           "(default: one per core)."),
                                  QStringLiteral("N"));
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QCoreApplication::translate("AuditVerb", "Show this help."));
    const QCommandLineOption server(
        QStringLiteral("server"),
        QCoreApplication::translate("AuditVerb",
                                    "Also audit the scripts stored on this (old) server: deployment and "
                                    "runbook processes, step templates, script modules and variables. The "
                                    "API key comes from HANDOVER_API_KEY, or from the keychain."),
        QStringLiteral("URL"));
    NetworkVerbOptions network;
    parser.addOptions({oldUrl, newSwagger, json, csv, markdown, jobs, server, help});
    parser.addOptions(network.options());
    parser.addPositionalArgument(QStringLiteral("PATH"),
                                 QCoreApplication::translate("AuditVerb", "Folders or files to scan."),
                                 QStringLiteral("PATH…"));

    if (!parser.parse(QStringList{QStringLiteral("handover audit")} + arguments))
        return usageError(parser.errorText(), parser);
    if (parser.isSet(help)) {
        QTextStream(stdout) << helpText(parser);
        return 0;
    }

    AuditScanner::Options options;
    options.roots = parser.positionalArguments();
    QUrl serverUrl;
    if (parser.isSet(server)) {
        serverUrl = QUrl::fromUserInput(parser.value(server));
        if (ConnectionSettings::normalisedUrl(serverUrl).isEmpty() || serverUrl.host().isEmpty())
            return usageError(
                QCoreApplication::translate("AuditVerb", "--server needs an http:// or https:// URL"),
                parser);
        if (const QString problem = network.read(parser); !problem.isEmpty())
            return usageError(problem, parser);
    }
    if (options.roots.isEmpty() && serverUrl.isEmpty())
        return usageError(QCoreApplication::translate("AuditVerb", "no PATH to scan and no --server"),
                          parser);
    const int formats = int(parser.isSet(json)) + int(parser.isSet(csv)) + int(parser.isSet(markdown));
    if (formats > 1)
        return usageError(QCoreApplication::translate("AuditVerb", "choose one of --json, --csv and --md"),
                          parser);
    if (parser.isSet(jobs)) {
        bool ok = false;
        options.jobs = parser.value(jobs).toInt(&ok);
        if (!ok || options.jobs < 1 || options.jobs > 256)
            return usageError(QCoreApplication::translate("AuditVerb", "--jobs needs a number from 1 to 256"),
                              parser);
    }
    options.oldUrls = parser.values(oldUrl);
    for (const QString &url : std::as_const(options.oldUrls)) {
        if (url.trimmed().isEmpty())
            return usageError(QCoreApplication::translate("AuditVerb", "--old-url needs a URL or host name"),
                              parser);
    }
    if (parser.isSet(newSwagger)) {
        QString error;
        auto catalog = SwaggerCatalog::fromFile(parser.value(newSwagger), &error);
        if (!catalog) {
            QTextStream(stderr) << "handover audit: "
                                << QCoreApplication::translate("AuditVerb",
                                                               "cannot read the swagger document %1: %2")
                                       .arg(parser.value(newSwagger), error)
                                << '\n';
            return 2;
        }
        options.catalog = std::make_shared<const SwaggerCatalog>(std::move(*catalog));
    }
    for (const QString &root : std::as_const(options.roots)) {
        const QFileInfo info(root);
        if (!info.exists() || !info.isReadable() || (info.isDir() && !info.isExecutable())) {
            QTextStream(stderr) << "handover audit: "
                                << QCoreApplication::translate("AuditVerb", "cannot read %1").arg(root)
                                << '\n';
            return 2;
        }
    }

    // The server being read is the old one: its own address counts as the old server's.
    if (!serverUrl.isEmpty() && !options.oldUrls.contains(serverUrl.toString()))
        options.oldUrls << serverUrl.toString();

    AuditScanner::Result result;
    if (!options.roots.isEmpty())
        result = AuditScanner::scan(options);

    QTextStream err(stderr);
    for (const AuditScanner::Note &note : result.notes)
        err << "handover audit: " << note.absolutePath << ": " << note.message << '\n';
    err.flush();

    int exitCode = 0;
    if (!serverUrl.isEmpty()) {
        KeychainStore keychain;
        ApiKeyLookup lookup(&keychain);
        NetworkContext threads; // outlives the client
        std::unique_ptr<OctopusClient> client;
        QObject::connect(
            &lookup, &ApiKeyLookup::finished, &lookup, [&](const QString &key, const QString &reason) {
                if (key.isEmpty()) {
                    err << "handover audit: "
                        << QCoreApplication::translate(
                               "AuditVerb", "no API key for %1: %2. Never pass a key as an argument.")
                               .arg(serverUrl.toString(), reason)
                        << '\n';
                    err.flush();
                    QCoreApplication::exit(2);
                    return;
                }
                ConnectionSettings settings = network.settingsFor(serverUrl, key, ServerRole::Old);
                client = std::make_unique<OctopusClient>(settings, &threads);
                auto *job = new ServerScriptsJob(client.get(), client.get());
                QObject::connect(
                    job, &ServerScriptsJob::finished, job, [&](const ServerScriptsJob::Result &scripts) {
                        bool unusable = false;
                        for (const ApiError &error : scripts.errors) {
                            err << "handover audit: "
                                << QCoreApplication::translate("AuditVerb", "warning: %1")
                                       .arg(ApiErrorText::describe(error))
                                << '\n';
                            unusable = unusable || error.kind == ApiErrorKind::Unreachable ||
                                       error.kind == ApiErrorKind::Tls ||
                                       error.kind == ApiErrorKind::TlsChanged ||
                                       error.kind == ApiErrorKind::Unauthorized ||
                                       error.path.startsWith(QLatin1String("/api/spaces"));
                        }
                        err.flush();
                        AuditRuleSet::Config config;
                        config.oldUrls = options.oldUrls;
                        config.catalog = options.catalog;
                        result.findings +=
                            auditTexts(ScriptAuditController::auditTextsOf(scripts.scripts), config);
                        sortAuditFindings(result.findings);
                        QCoreApplication::exit(unusable ? 3 : 0);
                    });
                job->start();
            });
        lookup.lookup(QStringLiteral("HANDOVER_API_KEY"), serverUrl);
        exitCode = QCoreApplication::exec();
        if (exitCode == 2)
            return 2;
    }

    AuditReportWriter writer(result.files, result.bytes, result.findings);
    AuditReportWriter::Format format = AuditReportWriter::Format::Text;
    if (parser.isSet(json))
        format = AuditReportWriter::Format::Json;
    else if (parser.isSet(csv))
        format = AuditReportWriter::Format::Csv;
    else if (parser.isSet(markdown))
        format = AuditReportWriter::Format::Markdown;
    const QByteArray output = writer.render(format);
    std::fwrite(output.constData(), 1, size_t(output.size()), stdout);
    std::fflush(stdout);
    return exitCode;
}
