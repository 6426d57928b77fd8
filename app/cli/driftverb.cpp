// handover drift --old URL --new URL [--since ISO-TIME] [--json] [--amber-days N] [--red-days N]
//                [--structural-threshold N] [--timeout S] [--trust-fingerprint FP]... [--proxy URL|none]
// Drift both ways since the clone: what the old server changed that the clone lacks, and what the clone
// changed that a fresh clone would lose, with the objects by id and name, and the state against the budget.
// The clone time is --since (source "given") or detected from both servers' events ("detected").
// Exit codes: 0 green, 3 amber or red (or a server unusable, its events incomplete, the clone time not
// detected), 2 usage error.
#include "cliverbs.h"

#include "apierrortext.h"
#include "drift.h"
#include "driftjob.h"
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
    Q_DECLARE_TR_FUNCTIONS(DriftVerb)
};

QJsonValue timeJson(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs))
                          : QJsonValue(QJsonValue::Null);
}

QJsonObject countsJson(const QMap<QString, int> &counts)
{
    QJsonObject out;
    for (auto it = counts.begin(); it != counts.end(); ++it)
        out.insert(it.key(), it.value());
    return out;
}

QJsonArray objectsJson(const QList<Drift::ChangedObject> &objects, const QString &server)
{
    QJsonArray out;
    for (const Drift::ChangedObject &o : objects) {
        out.append(QJsonObject{
            {QStringLiteral("id"), o.id},
            {QStringLiteral("kind"), Drift::kindName(o.kind)},
            {QStringLiteral("documentType"), o.documentType},
            {QStringLiteral("name"), o.name},
            {QStringLiteral("spaceId"), o.spaceId},
            {QStringLiteral("projectId"), o.projectId},
            {QStringLiteral("project"), o.projectName},
            {QStringLiteral("changes"), o.changes},
            {QStringLiteral("structuralChanges"), o.structuralChanges},
            {QStringLiteral("lastChanged"), timeJson(o.lastChanged)},
            {QStringLiteral("lastCategory"), o.lastCategory},
            {QStringLiteral("lastMessage"), o.lastMessage},
            {QStringLiteral("lastBy"), o.lastBy},
            {QStringLiteral("server"), server},
        });
    }
    return out;
}

QJsonObject reportJson(const Drift::Report &r)
{
    QJsonArray timeline;
    for (const Drift::HourBucket &b : r.timeline) {
        timeline.append(QJsonObject{{QStringLiteral("hour"), timeJson(b.hour)},
                                    {QStringLiteral("old"), b.oldChanges},
                                    {QStringLiteral("new"), b.newChanges}});
    }
    return QJsonObject{
        {QStringLiteral("cloneTime"), timeJson(r.cloneTime)},
        {QStringLiteral("cloneTimeSource"),
         r.cloneTimeGiven ? QStringLiteral("given") : QStringLiteral("detected")},
        {QStringLiteral("changesSinceClone"), r.oldServer.changes},
        {QStringLiteral("changesOnClone"), r.clone.changes},
        {QStringLiteral("byCategory"), countsJson(r.oldServer.byCategory)},
        {QStringLiteral("state"), Drift::stateName(r.state)},
        {QStringLiteral("objects"), objectsJson(r.oldServer.objects, QStringLiteral("old"))},
        {QStringLiteral("structuralChanges"), r.oldServer.structuralChanges},
        {QStringLiteral("byDocumentType"), countsJson(r.oldServer.byDocumentType)},
        {QStringLiteral("bySpace"), countsJson(r.oldServer.bySpace)},
        {QStringLiteral("byProject"), countsJson(r.oldServer.byProject)},
        {QStringLiteral("onClone"),
         QJsonObject{{QStringLiteral("structuralChanges"), r.clone.structuralChanges},
                     {QStringLiteral("byCategory"), countsJson(r.clone.byCategory)},
                     {QStringLiteral("byDocumentType"), countsJson(r.clone.byDocumentType)},
                     {QStringLiteral("bySpace"), countsJson(r.clone.bySpace)},
                     {QStringLiteral("byProject"), countsJson(r.clone.byProject)},
                     {QStringLiteral("objects"), objectsJson(r.clone.objects, QStringLiteral("new"))}}},
        {QStringLiteral("timeline"), timeline},
        {QStringLiteral("budget"),
         QJsonObject{{QStringLiteral("amberAfterDays"), r.budget.amberAfterDays},
                     {QStringLiteral("redAfterDays"), r.budget.redAfterDays},
                     {QStringLiteral("structuralThreshold"), r.budget.structuralThreshold}}},
        {QStringLiteral("ageDays"), r.ageDays},
        {QStringLiteral("reason"), Drift::stateText(r)},
        {QStringLiteral("advice"), Drift::adviceText(r)},
    };
}

void printSide(QTextStream &out, const Drift::SideSummary &side, int limit)
{
    QStringList categories;
    for (auto it = side.byCategory.begin(); it != side.byCategory.end(); ++it)
        categories << QStringLiteral("%1 %2").arg(it.key()).arg(it.value());
    if (!categories.isEmpty())
        out << QStringLiteral("    ") << categories.join(QStringLiteral(", ")) << '\n';
    int shown = 0;
    for (const Drift::ChangedObject &o : side.objects) {
        if (shown++ == limit) {
            out << QStringLiteral("    ")
                << Texts::tr("… and %n more object(s) (--json lists them all)", nullptr,
                             int(side.objects.size()) - limit)
                << '\n';
            break;
        }
        out << QStringLiteral("    %1  %2 %3  %4  ×%5  %6\n")
                   .arg(o.lastChanged.toString(Qt::ISODate), Drift::kindName(o.kind), o.id,
                        o.name.isEmpty() ? o.lastMessage : o.name)
                   .arg(o.changes)
                   .arg(o.lastBy);
    }
}

} // namespace

int runDrift(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption oldOption(QStringLiteral("old"), Texts::tr("URL of the old server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption newOption(QStringLiteral("new"), Texts::tr("URL of the new (cloned) server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption sinceOption(
        QStringLiteral("since"),
        Texts::tr("The clone time (ISO 8601; default: detected from both servers' events)."),
        QStringLiteral("ISO-TIME"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Texts::tr("Print JSON."));
    const QCommandLineOption amberOption(QStringLiteral("amber-days"),
                                         Texts::tr("Amber once the clone is this many days old (default 3)."),
                                         QStringLiteral("N"));
    const QCommandLineOption redOption(QStringLiteral("red-days"),
                                       Texts::tr("Red once the clone is this many days old (default 7)."),
                                       QStringLiteral("N"));
    const QCommandLineOption structuralOption(
        QStringLiteral("structural-threshold"),
        Texts::tr("Red earlier above this many process and variable edits on the old server (default 20)."),
        QStringLiteral("N"));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        Texts::tr("Show this help."));
    parser.addOptions(
        {oldOption, newOption, sinceOption, jsonOption, amberOption, redOption, structuralOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);
    const QString usage = Texts::tr(
        "Usage: handover drift --old URL --new URL [--since ISO-TIME] [--json] [--amber-days N]\n"
        "       [--red-days N] [--structural-threshold N] [--timeout SECONDS] [--trust-fingerprint "
        "SHA256]...\n"
        "       [--proxy URL|none]\n"
        "API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.\n"
        "Exit codes: 0 green, 3 amber or red (or a server unusable, its events incomplete, the clone time\n"
        "not detected), 2 usage error.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover drift")} + arguments)) {
        err << "handover drift: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage << parser.helpText().section(QLatin1Char('\n'), 2);
        return 0;
    }
    auto usageError = [&](const QString &message) {
        err << "handover drift: " << message << '\n' << usage;
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
    QDateTime since;
    if (parser.isSet(sinceOption)) {
        since = QDateTime::fromString(parser.value(sinceOption).trimmed(), Qt::ISODateWithMs);
        if (!since.isValid())
            since = QDateTime::fromString(parser.value(sinceOption).trimmed(), Qt::ISODate);
        if (!since.isValid())
            return usageError(Texts::tr("--since needs an ISO 8601 time, e.g. 2026-11-01T00:00:00Z"));
        since = since.toUTC();
    }
    Drift::Budget budget;
    for (const auto &[option, value] :
         {std::pair{&amberOption, &budget.amberAfterDays}, std::pair{&redOption, &budget.redAfterDays},
          std::pair{&structuralOption, &budget.structuralThreshold}}) {
        if (!parser.isSet(*option))
            continue;
        bool ok = false;
        const int n = parser.value(*option).toInt(&ok);
        if (!ok || n < 0)
            return usageError(
                Texts::tr("--%1 needs a whole number of 0 or more").arg(option->names().constFirst()));
        *value = n;
    }
    if (const QString problem = network.read(parser); !problem.isEmpty())
        return usageError(problem);
    const bool json = parser.isSet(jsonOption);

    // Started once the arguments are known to be good: a usage error starts no thread.
    NetworkContext threads; // the network thread and parse pool of this run; outlives its clients
    std::unique_ptr<OctopusClient> clients[2];
    bool stopped = false;

    auto report = [&](const DriftReading &reading, const QList<ApiError> &errors) {
        if (stopped)
            return;
        stopped = true;
        for (const ApiError &error : errors) {
            if (NetworkVerbOptions::serverUnusable(error)) {
                err << Texts::tr("handover drift: the %1 server is unusable: %2")
                           .arg(error.server == ServerRole::New ? Texts::tr("new") : Texts::tr("old"),
                                ApiErrorText::describe(error))
                    << '\n';
                err.flush();
                QCoreApplication::exit(3);
                return;
            }
        }
        if (!reading.cloneTime.isValid()) {
            for (const ApiError &error : errors)
                err << Texts::tr("handover drift: %1").arg(ApiErrorText::describe(error)) << '\n';
            err << Texts::tr(
                       "handover drift: the clone time could not be detected: the new server holds no event "
                       "the "
                       "old server holds identically. Give it with --since ISO-TIME.")
                << '\n';
            err.flush();
            QCoreApplication::exit(3);
            return;
        }
        const Drift::Report r =
            Drift::compare(reading.oldEvents, reading.newEvents, reading.cloneTime, reading.cloneTimeGiven,
                           budget, QDateTime::currentDateTimeUtc());
        if (json) {
            out << QJsonDocument(reportJson(r)).toJson(QJsonDocument::Indented);
        } else {
            out << Texts::tr("Clone time %1 (%2); state %3.\n")
                       .arg(r.cloneTime.toString(Qt::ISODateWithMs),
                            r.cloneTimeGiven ? Texts::tr("given") : Texts::tr("detected"),
                            Drift::stateName(r.state));
            out << Drift::stateText(r) << '\n';
            if (const QString advice = Drift::adviceText(r); !advice.isEmpty())
                out << advice << '\n';
            out << '\n'
                << Texts::tr("%n change(s) on the old server since the clone (the clone lacks them):",
                             nullptr, r.oldServer.changes)
                << '\n';
            printSide(out, r.oldServer, 50);
            out << '\n'
                << Texts::tr("%n change(s) on the clone since (a fresh clone would lose them):", nullptr,
                             r.clone.changes)
                << '\n';
            printSide(out, r.clone, 50);
        }
        out.flush();
        int exitCode = r.state == Drift::State::Green ? 0 : 3;
        for (const ApiError &error : errors) {
            err << Texts::tr("handover drift: incomplete events from the %1 server: %2")
                       .arg(error.server == ServerRole::New ? Texts::tr("new") : Texts::tr("old"),
                            ApiErrorText::describe(error))
                << '\n';
            exitCode = 3;
        }
        err.flush();
        QCoreApplication::exit(exitCode);
    };

    ServerPairKeyLookup keys(QStringLiteral("handover drift"), oldUrl, newUrl, err);
    keys.start([&](const QString &oldApiKey, const QString &newApiKey) {
        clients[0] = std::make_unique<OctopusClient>(network.settingsFor(oldUrl, oldApiKey, ServerRole::Old),
                                                     &threads);
        clients[1] = std::make_unique<OctopusClient>(network.settingsFor(newUrl, newApiKey, ServerRole::New),
                                                     &threads);
        auto *job = new DriftJob(clients[0].get(), clients[1].get(), since, clients[0].get());
        QObject::connect(job, &DriftJob::finished, job, report);
        job->start();
    });
    const int code = QCoreApplication::exec();
    stopped = true;
    clients[1].reset();
    clients[0].reset();
    out.flush();
    err.flush();
    return code;
}
