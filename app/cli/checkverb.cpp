// handover check --old URL --new URL [--json] [--timeout S] [--trust-fingerprint FP]...
// Runs every readiness check once (the same ReadinessModel/ReadinessChecker classes as the wizard).
// Exit codes: 0 nothing failed (warnings allowed), 3 a check failed or a server is unusable, 2 usage error.
#include "cliverbs.h"

#include "apierrortext.h"
#include "certificateinfo.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"
#include "readinesschecker.h"
#include "readinessmodel.h"
#include "serverpairkeylookup.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

#include <memory>

namespace {

QJsonObject serverJson(const QUrl &url, const ServerFacts &facts)
{
    QJsonObject o;
    o.insert(QStringLiteral("url"), url.toString(QUrl::RemoveUserInfo));
    o.insert(QStringLiteral("reachable"), facts.reachable.value_or(false));
    o.insert(QStringLiteral("version"), facts.version.isEmpty() ? QJsonValue() : QJsonValue(facts.version));
    o.insert(QStringLiteral("installationId"),
             facts.installationId.isEmpty() ? QJsonValue() : QJsonValue(facts.installationId));
    o.insert(QStringLiteral("maintenanceMode"),
             facts.maintenance ? QJsonValue(*facts.maintenance) : QJsonValue());
    o.insert(QStringLiteral("thumbprint"), facts.thumbprint ? QJsonValue(*facts.thumbprint) : QJsonValue());
    if (facts.queuedTasks)
        o.insert(QStringLiteral("queuedTasks"), *facts.queuedTasks);
    if (facts.runningTasks)
        o.insert(QStringLiteral("runningTasks"), *facts.runningTasks);
    if (facts.reachError.isError()) {
        QJsonObject error{{QStringLiteral("kind"), ApiError::kindName(facts.reachError.kind)},
                          {QStringLiteral("message"), ApiErrorText::describe(facts.reachError)}};
        if (!facts.reachError.certificate.isNull())
            error.insert(QStringLiteral("certificateSha256"), facts.reachError.certificate.sha256);
        o.insert(QStringLiteral("error"), error);
    } else {
        o.insert(QStringLiteral("error"), QJsonValue());
    }
    return o;
}

} // namespace

int runCheck(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    parser.setApplicationDescription(QCoreApplication::translate(
        "CheckVerb", "Runs every readiness check against the old server and its clone."));
    const QCommandLineOption oldOption(QStringLiteral("old"),
                                       QCoreApplication::translate("CheckVerb", "URL of the old server."),
                                       QStringLiteral("URL"));
    const QCommandLineOption newOption(
        QStringLiteral("new"), QCoreApplication::translate("CheckVerb", "URL of the new (cloned) server."),
        QStringLiteral("URL"));
    const QCommandLineOption jsonOption(QStringLiteral("json"),
                                        QCoreApplication::translate("CheckVerb", "Print JSON."));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("CheckVerb", "Show this help."));
    parser.addOptions({oldOption, newOption, jsonOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);

    const QString usage = QCoreApplication::translate(
        "CheckVerb", "Usage: handover check --old URL --new URL [--json] [--timeout SECONDS] "
                     "[--trust-fingerprint SHA256]...\nAPI keys come from HANDOVER_OLD_API_KEY and "
                     "HANDOVER_NEW_API_KEY, or from the keychain.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover check")} + arguments)) {
        err << "handover check: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage << parser.helpText().section(QLatin1Char('\n'), 2);
        return 0;
    }
    if (!parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("CheckVerb", "handover check: unexpected argument '%1'")
                   .arg(parser.positionalArguments().first())
            << '\n'
            << usage;
        return 2;
    }
    const QUrl oldUrl = QUrl::fromUserInput(parser.value(oldOption));
    const QUrl newUrl = QUrl::fromUserInput(parser.value(newOption));
    for (const auto &[name, url, set] :
         {std::tuple{QStringLiteral("--old"), oldUrl, parser.isSet(oldOption)},
          std::tuple{QStringLiteral("--new"), newUrl, parser.isSet(newOption)}}) {
        if (!set || ConnectionSettings::normalisedUrl(url).isEmpty() || url.host().isEmpty()) {
            err << QCoreApplication::translate("CheckVerb",
                                               "handover check: %1 needs an http:// or https:// URL")
                       .arg(name)
                << '\n'
                << usage;
            return 2;
        }
    }
    if (const QString problem = network.read(parser); !problem.isEmpty()) {
        err << "handover check: " << problem << '\n';
        return 2;
    }
    const bool json = parser.isSet(jsonOption);

    QString oldKey;
    QString newKey;
    // Started once the arguments are known to be good: a usage error starts no thread.
    NetworkContext threads; // the network thread and parse pool of this run; outlives its clients
    std::unique_ptr<OctopusClient> oldClient;
    std::unique_ptr<OctopusClient> newClient;
    std::unique_ptr<ReadinessModel> oldModel;
    std::unique_ptr<ReadinessModel> newModel;
    std::unique_ptr<ReadinessChecker> checker;

    auto report = [&] {
        const QList<ReadinessCheck> checks = checker->checks(true);
        const bool failed = ReadinessCheck::worst(checks) == ReadinessCheck::Status::Fail ||
                            !oldModel->facts().reachable.value_or(false) ||
                            !newModel->facts().reachable.value_or(false);
        if (json) {
            QJsonArray list;
            for (const ReadinessCheck &check : checks)
                list.append(QJsonObject{{QStringLiteral("id"), check.id},
                                        {QStringLiteral("status"), ReadinessCheck::statusName(check.status)},
                                        {QStringLiteral("message"), check.message}});
            const QJsonObject document{{QStringLiteral("old"), serverJson(oldUrl, oldModel->facts())},
                                       {QStringLiteral("new"), serverJson(newUrl, newModel->facts())},
                                       {QStringLiteral("checks"), list}};
            out << QJsonDocument(document).toJson(QJsonDocument::Indented);
        } else {
            for (const ReadinessCheck &check : checks)
                out << QStringLiteral("%1  %2  %3\n")
                           .arg(ReadinessCheck::statusName(check.status).toUpper().leftJustified(5),
                                check.id.leftJustified(28), check.message);
            for (ReadinessModel *model : {oldModel.get(), newModel.get()}) {
                const ApiError &error = model->facts().reachError;
                if (error.kind == ApiErrorKind::Tls && !error.certificate.isNull())
                    out << QCoreApplication::translate(
                               "CheckVerb",
                               "To trust this certificate after checking it: --trust-fingerprint %1\n")
                               .arg(CertificateInfo::displayFingerprint(error.certificate.sha256));
            }
            out << (failed ? QCoreApplication::translate("CheckVerb", "Result: not ready (a check failed).\n")
                           : QCoreApplication::translate("CheckVerb", "Result: no check failed.\n"));
        }
        out.flush();
        QCoreApplication::exit(failed ? 3 : 0);
    };

    auto startChecks = [&] {
        oldClient =
            std::make_unique<OctopusClient>(network.settingsFor(oldUrl, oldKey, ServerRole::Old), &threads);
        newClient =
            std::make_unique<OctopusClient>(network.settingsFor(newUrl, newKey, ServerRole::New), &threads);
        oldModel = std::make_unique<ReadinessModel>(oldClient.get(), ServerRole::Old);
        newModel = std::make_unique<ReadinessModel>(newClient.get(), ServerRole::New);
        oldModel->setInterval(0);
        newModel->setInterval(0);
        checker = std::make_unique<ReadinessChecker>(oldModel.get(), newModel.get());
        auto refreshed = std::make_shared<int>(0);
        for (ReadinessModel *model : {oldModel.get(), newModel.get()}) {
            QObject::connect(model, &ReadinessModel::refreshed, model, [refreshed, &report] {
                if (++*refreshed == 2)
                    report();
            });
        }
        oldModel->start();
        newModel->start();
    };

    ServerPairKeyLookup keys(QStringLiteral("handover check"), oldUrl, newUrl, err);
    keys.start([&](const QString &oldApiKey, const QString &newApiKey) {
        oldKey = oldApiKey;
        newKey = newApiKey;
        startChecks();
    });
    const int code = QCoreApplication::exec();
    err.flush();
    out.flush();
    return code;
}
