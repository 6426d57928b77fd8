// handover testplan --old URL --new URL [--json|--csv|--md] [--days N] [--timeout S]
//                   [--trust-fingerprint FP]... [--proxy URL|none]
// The test plan generated from the old server's usage over the window (default 90 days): a smoke deployment
// per deployment technology in use, history, sign-in, runbooks; with the counts of both servers compared
// and the version gap. --json prints {"rows":[{"id","title","why","owner","status", ...}], "comparisons":
// [...], "versionGap":[...], "usage":{...}}. Exit codes: 0 generated, 3 a server unusable or its usage
// incomplete, 2 usage error.
#include "cliverbs.h"

#include "apierrortext.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"
#include "serverpairkeylookup.h"
#include "testplan.h"
#include "testplanexportwriter.h"
#include "usagejob.h"

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
    Q_DECLARE_TR_FUNCTIONS(TestPlanVerb)
};

QJsonValue countJson(qint64 count)
{
    return count < 0 ? QJsonValue(QJsonValue::Null) : QJsonValue(count);
}

QJsonObject planJson(const QList<TestPlanRow> &rows, const QList<TestPlan::CountComparison> &comparisons,
                     const QList<TestPlan::VersionChange> &gap, const TestPlan::Usage &oldUsage,
                     const TestPlan::Usage &newUsage)
{
    QJsonArray rowArray;
    for (const TestPlanRow &r : rows) {
        rowArray.append(QJsonObject{{QStringLiteral("id"), r.id},
                                    {QStringLiteral("title"), r.title},
                                    {QStringLiteral("why"), r.why},
                                    {QStringLiteral("owner"), r.owner},
                                    {QStringLiteral("status"), TestPlanRow::statusName(r.status)},
                                    {QStringLiteral("kind"), r.kind},
                                    {QStringLiteral("evidence"), QJsonArray::fromStringList(r.evidence)},
                                    {QStringLiteral("evidenceUrl"), r.evidenceUrl.toString()}});
    }
    QJsonArray comparisonArray;
    for (const TestPlan::CountComparison &c : comparisons) {
        comparisonArray.append(
            QJsonObject{{QStringLiteral("key"), c.key},
                        {QStringLiteral("label"), c.label},
                        {QStringLiteral("old"), countJson(c.oldCount)},
                        {QStringLiteral("new"), countJson(c.newCount)},
                        {QStringLiteral("differs"), c.differs},
                        {QStringLiteral("explanation"), c.explanation},
                        {QStringLiteral("onlyOld"), QJsonArray::fromStringList(c.onlyOld)},
                        {QStringLiteral("onlyNew"), QJsonArray::fromStringList(c.onlyNew)}});
    }
    QJsonArray gapArray;
    for (const TestPlan::VersionChange &v : gap)
        gapArray.append(
            QJsonObject{{QStringLiteral("version"), v.version}, {QStringLiteral("change"), v.change}});
    return QJsonObject{
        {QStringLiteral("rows"), rowArray},
        {QStringLiteral("comparisons"), comparisonArray},
        {QStringLiteral("versionGap"), gapArray},
        {QStringLiteral("versions"),
         QJsonObject{{QStringLiteral("old"), oldUsage.version}, {QStringLiteral("new"), newUsage.version}}},
        {QStringLiteral("usage"), oldUsage.toJson()},
    };
}

} // namespace

int runTestPlan(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption oldOption(QStringLiteral("old"), Texts::tr("URL of the old server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption newOption(QStringLiteral("new"), Texts::tr("URL of the new (cloned) server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption jsonOption(QStringLiteral("json"), Texts::tr("Print JSON."));
    const QCommandLineOption csvOption(QStringLiteral("csv"), Texts::tr("Print CSV."));
    const QCommandLineOption mdOption(QStringLiteral("md"), Texts::tr("Print Markdown."));
    const QCommandLineOption daysOption(
        QStringLiteral("days"), Texts::tr("How many days of the old server's usage to read (default 90)."),
        QStringLiteral("N"));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        Texts::tr("Show this help."));
    parser.addOptions({oldOption, newOption, jsonOption, csvOption, mdOption, daysOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);
    const QString usage =
        Texts::tr("Usage: handover testplan --old URL --new URL [--json|--csv|--md] [--days N]\n"
                  "       [--timeout SECONDS] [--trust-fingerprint SHA256]... [--proxy URL|none]\n"
                  "API keys come from HANDOVER_OLD_API_KEY and HANDOVER_NEW_API_KEY, or from the keychain.\n"
                  "Exit codes: 0 generated, 3 a server unusable or its usage incomplete, 2 usage error.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover testplan")} + arguments)) {
        err << "handover testplan: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage << parser.helpText().section(QLatin1Char('\n'), 2);
        return 0;
    }
    auto usageError = [&](const QString &message) {
        err << "handover testplan: " << message << '\n' << usage;
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
    if (int(parser.isSet(jsonOption)) + int(parser.isSet(csvOption)) + int(parser.isSet(mdOption)) > 1)
        return usageError(Texts::tr("--json, --csv and --md exclude each other"));
    int days = 90;
    if (parser.isSet(daysOption)) {
        bool ok = false;
        days = parser.value(daysOption).toInt(&ok);
        if (!ok || days < 1 || days > 3650)
            return usageError(Texts::tr("--days needs a whole number from 1 to 3650"));
    }
    if (const QString problem = network.read(parser); !problem.isEmpty())
        return usageError(problem);

    NetworkContext threads;
    std::unique_ptr<OctopusClient> clients[2];
    TestPlan::Usage usages[2];
    QList<ApiError> errors;
    int outstanding = 2;
    bool stopped = false;

    auto report = [&] {
        stopped = true;
        for (const ApiError &error : std::as_const(errors)) {
            if (NetworkVerbOptions::serverUnusable(error)) {
                err << Texts::tr("handover testplan: the %1 server is unusable: %2")
                           .arg(error.server == ServerRole::New ? Texts::tr("new") : Texts::tr("old"),
                                ApiErrorText::describe(error))
                    << '\n';
                err.flush();
                QCoreApplication::exit(3);
                return;
            }
        }
        TestPlan::Inputs inputs;
        inputs.usage = usages[0];
        inputs.newServerName = newUrl.host();
        const QDateTime now = QDateTime::currentDateTimeUtc();
        TestPlanSection section;
        section.windowDays = days;
        section.generatedAt = now;
        section.rows = TestPlan::merge({}, TestPlan::generate(inputs), now);
        const QList<TestPlan::CountComparison> comparisons = TestPlan::compareCounts(usages[0], usages[1]);
        const QList<TestPlan::VersionChange> gap = TestPlan::versionGap(usages[0].version, usages[1].version);
        if (parser.isSet(jsonOption)) {
            out << QJsonDocument(planJson(section.rows, comparisons, gap, usages[0], usages[1]))
                       .toJson(QJsonDocument::Indented);
        } else if (parser.isSet(csvOption) || parser.isSet(mdOption)) {
            TestPlanExportWriter::Context context{oldUrl.toString(), newUrl.toString(), usages[0].version,
                                                  usages[1].version, comparisons,       gap};
            out << QString::fromUtf8(TestPlanExportWriter(section, context)
                                         .render(parser.isSet(csvOption)
                                                     ? TestPlanExportWriter::Format::Csv
                                                     : TestPlanExportWriter::Format::Markdown));
        } else {
            out << Texts::tr("%n test(s) from %1 deployment(s) in the last %2 day(s) on the old server:",
                             nullptr, int(section.rows.size()))
                       .arg(usages[0].deployments)
                       .arg(days)
                << '\n';
            int n = 0;
            for (const TestPlanRow &r : std::as_const(section.rows))
                out << QStringLiteral("%1. %2\n     %3\n").arg(++n).arg(r.title, r.why);
            out << '\n' << Texts::tr("Counts (old / new):") << '\n';
            for (const TestPlan::CountComparison &c : comparisons)
                out << QStringLiteral("  %1 %2 / %3%4\n")
                           .arg(c.label)
                           .arg(c.oldCount)
                           .arg(c.newCount)
                           .arg(c.differs
                                    ? QStringLiteral("  ") + Texts::tr("differs") +
                                          (c.explanation.isEmpty() ? QString()
                                                                   : QStringLiteral(": ") + c.explanation)
                                    : QString());
        }
        out.flush();
        int exitCode = 0;
        for (int i = 0; i < 2; ++i) {
            for (const QString &gapLine : std::as_const(usages[i].gaps)) {
                err << Texts::tr("handover testplan: %1 server: %2")
                           .arg(i == 0 ? Texts::tr("old") : Texts::tr("new"), gapLine)
                    << '\n';
                exitCode = 3;
            }
        }
        err.flush();
        QCoreApplication::exit(exitCode);
    };

    ServerPairKeyLookup keys(QStringLiteral("handover testplan"), oldUrl, newUrl, err);
    keys.start([&](const QString &oldApiKey, const QString &newApiKey) {
        clients[0] = std::make_unique<OctopusClient>(network.settingsFor(oldUrl, oldApiKey, ServerRole::Old),
                                                     &threads);
        clients[1] = std::make_unique<OctopusClient>(network.settingsFor(newUrl, newApiKey, ServerRole::New),
                                                     &threads);
        for (int i = 0; i < 2; ++i) {
            auto *job = new UsageJob(clients[i].get(), i == 0 ? days : 1, clients[i].get());
            QObject::connect(job, &UsageJob::finished, job,
                             [&, i](const TestPlan::Usage &u, const QList<ApiError> &e) {
                                 if (stopped)
                                     return;
                                 usages[i] = u;
                                 for (ApiError error : e) {
                                     error.server = i == 0 ? ServerRole::Old : ServerRole::New;
                                     errors.append(error);
                                 }
                                 if (--outstanding == 0)
                                     report();
                             });
            job->start();
        }
    });
    const int code = QCoreApplication::exec();
    stopped = true;
    clients[1].reset();
    clients[0].reset();
    out.flush();
    err.flush();
    return code;
}
