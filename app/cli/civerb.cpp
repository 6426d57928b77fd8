// handover ci --old URL --new URL [--since ISO-TIME] [--json|--csv] [--timeout S] [--trust-fingerprint FP]...
// Everything that talks to the old server, from evidence on both servers since --since (default 30 days
// ago): build information pushed by CI plug-ins, API-key use of service accounts, and audit events made
// with API keys or by service accounts. Grouped into integrations, one row per system and place.
// Exit codes: 0 listed, 3 a server was unusable or its evidence incomplete, 2 usage error.
#include "cliverbs.h"

#include "apierrortext.h"
#include "auditreportwriter.h"
#include "cievidence.h"
#include "ciintegrations.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"
#include "serverpairkeylookup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <memory>

namespace {

// The verb's texts, in a context lupdate sees.
struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(CiVerb)
};

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QString evidenceKindName(CiIntegrations::Evidence::Kind kind)
{
    switch (kind) {
    case CiIntegrations::Evidence::Kind::BuildInformation:
        return QStringLiteral("buildInformation");
    case CiIntegrations::Evidence::Kind::Event:
        return QStringLiteral("event");
    case CiIntegrations::Evidence::Kind::EventAgent:
        return QStringLiteral("eventAgent");
    case CiIntegrations::Evidence::Kind::ApiKey:
        return QStringLiteral("apiKey");
    case CiIntegrations::Evidence::Kind::Manual:
        return QStringLiteral("manual");
    }
    return {};
}

QString serverName(ServerRole role)
{
    return role == ServerRole::Old ? QStringLiteral("old") : QStringLiteral("new");
}

bool fatal(const ApiError &error)
{
    return NetworkVerbOptions::serverUnusable(error);
}

// One server's evidence: its inventory (build information, service accounts and their keys), then its
// events over the window, once the spaces are known.
struct ServerEvidence
{
    ServerRole role = ServerRole::Old;
    std::unique_ptr<OctopusClient> client;
    CiEvidence::ServerRecords records;
    QList<ApiError> errors;
    bool done = false;
};

} // namespace

int runCi(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption oldOption(QStringLiteral("old"), Texts::tr("URL of the old server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption newOption(QStringLiteral("new"), Texts::tr("URL of the new (cloned) server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption sinceOption(
        QStringLiteral("since"), Texts::tr("Evidence since this time (ISO 8601; default: 30 days ago)."),
        QStringLiteral("ISO-TIME"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Texts::tr("Print JSON."));
    const QCommandLineOption csvOption(QStringLiteral("csv"), Texts::tr("Print CSV."));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        Texts::tr("Show this help."));
    parser.addOptions({oldOption, newOption, sinceOption, jsonOption, csvOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);
    const QString usage = Texts::tr(
        "Usage: handover ci --old URL --new URL [--since ISO-TIME] [--json|--csv] [--timeout SECONDS]\n"
        "       [--trust-fingerprint SHA256]... [--proxy URL|none]\n"
        "API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.\n"
        "Exit codes: 0 listed, 3 a server was unusable or its evidence incomplete, 2 usage error.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover ci")} + arguments)) {
        err << "handover ci: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage << parser.helpText().section(QLatin1Char('\n'), 2);
        return 0;
    }
    auto usageError = [&](const QString &message) {
        err << "handover ci: " << message << '\n' << usage;
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
    QDateTime since = QDateTime::currentDateTimeUtc().addDays(-30);
    if (parser.isSet(sinceOption)) {
        since = QDateTime::fromString(parser.value(sinceOption).trimmed(), Qt::ISODateWithMs);
        if (!since.isValid())
            since = QDateTime::fromString(parser.value(sinceOption).trimmed(), Qt::ISODate);
        if (!since.isValid())
            return usageError(Texts::tr("--since needs an ISO 8601 time, e.g. 2026-11-01T00:00:00Z"));
        since = since.toUTC();
    }
    if (parser.isSet(jsonOption) && parser.isSet(csvOption))
        return usageError(Texts::tr("--json and --csv cannot be combined"));
    if (const QString problem = network.read(parser); !problem.isEmpty())
        return usageError(problem);
    const bool json = parser.isSet(jsonOption);
    const bool csv = parser.isSet(csvOption);

    // Started once the arguments are known to be good: a usage error starts no thread.
    NetworkContext threads; // the network thread and parse pool of this run; outlives its clients
    ServerEvidence servers[2];
    servers[0].role = ServerRole::Old;
    servers[1].role = ServerRole::New;
    bool stopped = false;

    auto report = [&] {
        if (stopped || !servers[0].done || !servers[1].done)
            return;
        stopped = true;
        int exitCode = 0;
        for (const ServerEvidence &server : servers) {
            for (const ApiError &error : server.errors) {
                if (fatal(error)) {
                    err << Texts::tr("handover ci: the %1 server is unusable: %2")
                               .arg(server.role == ServerRole::Old ? Texts::tr("old") : Texts::tr("new"),
                                    ApiErrorText::describe(error))
                        << '\n';
                    err.flush();
                    QCoreApplication::exit(3);
                    return;
                }
            }
        }
        const QList<CiIntegrations::Integration> rows =
            CiIntegrations::group(CiEvidence::evidenceFrom(servers[0].records, servers[1].records, since));
        if (json) {
            QJsonArray list;
            for (const CiIntegrations::Integration &row : rows) {
                QJsonArray evidence;
                for (const CiIntegrations::Evidence &e : row.evidence) {
                    evidence.append(QJsonObject{{QStringLiteral("kind"), evidenceKindName(e.kind)},
                                                {QStringLiteral("detail"), e.detail},
                                                {QStringLiteral("time"), timeJson(e.time)},
                                                {QStringLiteral("server"), serverName(e.server)}});
                }
                list.append(QJsonObject{
                    {QStringLiteral("id"), row.id},
                    {QStringLiteral("system"), row.system},
                    {QStringLiteral("location"), row.location},
                    {QStringLiteral("serviceAccount"), row.serviceAccount},
                    {QStringLiteral("apiKeyPurpose"), row.apiKeyPurpose},
                    {QStringLiteral("lastSeenOld"), timeJson(row.lastSeenOld)},
                    {QStringLiteral("lastSeenNew"), timeJson(row.lastSeenNew)},
                    {QStringLiteral("status"), row.status()},
                    {QStringLiteral("evidence"), evidence},
                });
            }
            out << QJsonDocument(QJsonObject{{QStringLiteral("integrations"), list}})
                       .toJson(QJsonDocument::Indented);
        } else if (csv) {
            out << "id,system,location,serviceAccount,apiKeyPurpose,lastSeenOld,lastSeenNew,status,"
                   "evidence\r\n";
            for (const CiIntegrations::Integration &row : rows) {
                const QStringList fields{row.id,
                                         row.system,
                                         row.location,
                                         row.serviceAccount,
                                         row.apiKeyPurpose,
                                         timeJson(row.lastSeenOld).toString(),
                                         timeJson(row.lastSeenNew).toString(),
                                         row.status(),
                                         QString::number(row.evidence.size())};
                QStringList quoted;
                for (const QString &field : fields)
                    quoted.append(AuditReportWriter::csvField(field));
                out << quoted.join(QLatin1Char(',')) << "\r\n";
            }
        } else {
            out << Texts::tr("%1 integrations talked to %2 since %3\n")
                       .arg(rows.size())
                       .arg(oldUrl.toString(QUrl::RemoveUserInfo), since.toString(Qt::ISODate));
            for (const CiIntegrations::Integration &row : rows) {
                out << QStringLiteral("\n%1 at %2  [%3]\n").arg(row.system, row.location, row.status());
                out << QStringLiteral("    ")
                    << Texts::tr("account %1, key '%2'; last seen on the old server %3, on the new server %4")
                           .arg(row.serviceAccount.isEmpty() ? Texts::tr("unknown") : row.serviceAccount,
                                row.apiKeyPurpose.isEmpty() ? Texts::tr("unknown") : row.apiKeyPurpose,
                                row.lastSeenOld.isValid() ? row.lastSeenOld.toString(Qt::ISODate)
                                                          : Texts::tr("never"),
                                row.lastSeenNew.isValid() ? row.lastSeenNew.toString(Qt::ISODate)
                                                          : Texts::tr("never"))
                    << '\n';
            }
        }
        out.flush();
        for (const ServerEvidence &server : servers) {
            for (const ApiError &error : server.errors) {
                err << Texts::tr("handover ci: incomplete evidence from the %1 server: %2")
                           .arg(server.role == ServerRole::Old ? Texts::tr("old") : Texts::tr("new"),
                                ApiErrorText::describe(error))
                    << '\n';
                exitCode = 3;
            }
        }
        err.flush();
        QCoreApplication::exit(exitCode);
    };

    auto collect = [&](ServerEvidence &server, const QUrl &url, const QString &key) {
        server.client = std::make_unique<OctopusClient>(network.settingsFor(url, key, server.role), &threads);
        auto *job = new CiRecordsJob(server.client.get(), since, server.client.get());
        QObject::connect(job, &CiRecordsJob::finished, job,
                         [&](const CiEvidence::ServerRecords &records, const QList<ApiError> &errors) {
                             if (stopped)
                                 return;
                             server.records = records;
                             server.errors = errors;
                             server.done = true;
                             report();
                         });
        job->start();
    };

    ServerPairKeyLookup keys(QStringLiteral("handover ci"), oldUrl, newUrl, err);
    keys.start([&](const QString &oldApiKey, const QString &newApiKey) {
        collect(servers[0], oldUrl, oldApiKey);
        collect(servers[1], newUrl, newApiKey);
    });
    const int code = QCoreApplication::exec();
    stopped = true;
    servers[1].client.reset();
    servers[0].client.reset();
    out.flush();
    err.flush();
    return code;
}
