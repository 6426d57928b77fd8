// handover audit PATH… [--old-url URL]… [--new-swagger FILE] [--json|--csv|--md] [--jobs N]
//
// Finds scripts and pipelines that call the old Octopus server: hard-coded URLs, API keys, the retired
// octo CLI, REST routes the new server does not serve, client libraries. Exit codes: 0 when the scan ran
// (with or without findings), 2 on a usage error or an unreadable root.

#include "cliverbs.h"

#include "auditreportwriter.h"
#include "auditscanner.h"
#include "swaggercatalog.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <cstdio>

namespace {

// QCommandLineParser names the binary in its usage line; the verb belongs there too.
QString helpText(const QCommandLineParser &parser)
{
    const QString text = parser.helpText();
    return QStringLiteral("Usage: handover audit [options] PATH…") +
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
    parser.addOptions({oldUrl, newSwagger, json, csv, markdown, jobs, help});
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
    if (options.roots.isEmpty())
        return usageError(QCoreApplication::translate("AuditVerb", "no PATH to scan"), parser);
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

    const AuditScanner::Result result = AuditScanner::scan(options);

    QTextStream err(stderr);
    for (const AuditScanner::Note &note : result.notes)
        err << "handover audit: " << note.absolutePath << ": " << note.message << '\n';
    err.flush();

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
    return 0;
}
