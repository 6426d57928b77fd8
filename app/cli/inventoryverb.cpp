// handover inventory --server URL [--json] [--timeout S] [--trust-fingerprint FP]...
// Takes a full inventory of one server (the same InventoryJob as the wizard).
// Exit codes: 0 complete, 3 the server was unusable or a collection could not be read, 2 usage error.
#include "cliverbs.h"

#include "apierrortext.h"
#include "apikeylookup.h"
#include "inventoryjob.h"
#include "keychainstore.h"
#include "networkcontext.h"
#include "networkverboptions.h"
#include "octopusclient.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>
#include <QTextStream>

#include <memory>

int runInventory(const QStringList &arguments)
{
    QTextStream out(stdout);
    QTextStream err(stderr);
    QCommandLineParser parser;
    const QCommandLineOption serverOption(QStringLiteral("server"),
                                          QCoreApplication::translate("InventoryVerb", "URL of the server."),
                                          QStringLiteral("URL"));
    const QCommandLineOption jsonOption(
        QStringLiteral("json"), QCoreApplication::translate("InventoryVerb", "Print the snapshot as JSON."));
    NetworkVerbOptions network;
    const QCommandLineOption helpOption(QStringList{QStringLiteral("h"), QStringLiteral("help")},
                                        QCoreApplication::translate("InventoryVerb", "Show this help."));
    parser.addOptions({serverOption, jsonOption});
    parser.addOptions(network.options());
    parser.addOption(helpOption);
    const QString usage = QCoreApplication::translate(
        "InventoryVerb",
        "Usage: handover inventory --server URL [--json] [--timeout SECONDS] "
        "[--trust-fingerprint SHA256]...\nThe API key comes from HANDOVER_API_KEY, or from the "
        "keychain.\n");
    if (!parser.parse(QStringList{QStringLiteral("handover inventory")} + arguments)) {
        err << "handover inventory: " << parser.errorText() << '\n' << usage;
        return 2;
    }
    if (parser.isSet(helpOption)) {
        out << usage;
        return 0;
    }
    const QUrl url = QUrl::fromUserInput(parser.value(serverOption));
    if (!parser.isSet(serverOption) || ConnectionSettings::normalisedUrl(url).isEmpty() ||
        url.host().isEmpty() || !parser.positionalArguments().isEmpty()) {
        err << QCoreApplication::translate("InventoryVerb",
                                           "handover inventory: --server needs an http:// or https:// URL")
            << '\n'
            << usage;
        return 2;
    }
    ConnectionSettings settings;
    settings.baseUrl = url;
    if (const QString problem = network.read(parser); !problem.isEmpty()) {
        err << "handover inventory: " << problem << '\n';
        return 2;
    }
    network.applyTo(&settings);
    const bool json = parser.isSet(jsonOption);

    KeychainStore keychain;
    ApiKeyLookup lookup(&keychain);
    // Started once the arguments are known to be good: a usage error starts no thread.
    NetworkContext threads; // the network thread and parse pool of this run; outlives its clients
    std::unique_ptr<OctopusClient> client;
    QObject::connect(
        &lookup, &ApiKeyLookup::finished, &lookup, [&](const QString &key, const QString &reason) {
            if (key.isEmpty()) {
                err << QCoreApplication::translate(
                           "InventoryVerb",
                           "handover inventory: no API key for %1: %2. Never pass a key as an argument.")
                           .arg(url.toString(), reason)
                    << '\n';
                err.flush();
                QCoreApplication::exit(2);
                return;
            }
            settings.apiKey = key;
            client = std::make_unique<OctopusClient>(settings, &threads);
            auto *job = new InventoryJob(client.get(), client.get());
            QObject::connect(job, &InventoryJob::finished, job, [&](const InventorySnapshot &snapshot) {
                if (json) {
                    out << QJsonDocument(snapshot.toJson()).toJson(QJsonDocument::Indented);
                } else {
                    out << QCoreApplication::translate(
                               "InventoryVerb", "Inventory of %1 (Octopus %2), taken %3 in %4 requests\n")
                               .arg(url.toString(), snapshot.version, snapshot.takenAt.toString(Qt::ISODate))
                               .arg(snapshot.requests);
                    const auto counts = snapshot.counts();
                    for (auto it = counts.begin(); it != counts.end(); ++it)
                        out << QStringLiteral("  %1 %2\n").arg(it.key().leftJustified(18)).arg(it.value());
                    for (const InventoryPermissionGap &gap : snapshot.permissionGaps)
                        out << QCoreApplication::translate("InventoryVerb", "  warning: %1\n")
                                   .arg(gap.describe());
                    for (const ApiError &error : snapshot.errors)
                        out << QCoreApplication::translate("InventoryVerb", "  error: %1\n")
                                   .arg(ApiErrorText::describe(error));
                }
                out.flush();
                QCoreApplication::exit(snapshot.isComplete() ? 0 : 3);
            });
            job->start();
        });
    lookup.lookup(QStringLiteral("HANDOVER_API_KEY"), url);
    const int code = QCoreApplication::exec();
    out.flush();
    err.flush();
    return code;
}
