// octosim over real sockets: paging, auth, route forms, HTTPS, clone differences, maintenance mode,
// tasks, drift, faults, and the octosim executable as a process.
#include "octosimserver.h"
#include "octosimtestclient.h"
#include "tlscertificatemaker.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>
#include <zlib.h>

#include <memory>

using namespace octosim;
using KeyIn = OctoSimTestClient::KeyIn;

class TestOctoSimHttp : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();

    void collectionsPageWithNextLinkOnlyWhenMore_data();
    void collectionsPageWithNextLinkOnlyWhenMore();
    void allEndpointsReturnBareArraysOfEveryItem_data();
    void allEndpointsReturnBareArraysOfEveryItem();
    void keysAreAcceptedInHeaderOrAnyCaseQuery_data();
    void keysAreAcceptedInHeaderOrAnyCaseQuery();
    void anonymousEndpointsNeedNoKey_data();
    void anonymousEndpointsNeedNoKey();
    void threeRouteFormsReachTheSameSpace_data();
    void threeRouteFormsReachTheSameSpace();
    void machineFiltersSelectMatchingTargets_data();
    void machineFiltersSelectMatchingTargets();
    void eventFiltersSelectByTimeCategoryAndUser();
    void unknownRoutesAnswer404WithErrorBody_data();
    void unknownRoutesAnswer404WithErrorBody();
    void cloneSharesDataButNotInstallationId_data();
    void cloneSharesDataButNotInstallationId();
    void revokedKeyStopsWorkingOnlyWhereRevoked();
    void readOnlyKeyRefusesEveryWrite_data();
    void readOnlyKeyRefusesEveryWrite();
    void maintenanceModeRefusesNonAdminWrites_data();
    void maintenanceModeRefusesNonAdminWrites();
    void tasksProgressToSuccess_data();
    void tasksProgressToSuccess();
    void systemTasksAreListedWithIncludeSystem();
    void cloneHealthStaysAsClonedUntilAHealthTaskCoversIt();
    void requestLineOver8KbIsRejectedLikeKestrel();
    void driftAddsEventsOnTheOldInstanceOnly();
    void driftTimerKeepsChangingTheOldInstance();
    void ciDriftComesFromEverySystemAndFollowsACiMove();
    void healthAnswers418WhenNotOperatingNormally();
    void faultsHaveTheirObservableEffect_data();
    void faultsHaveTheirObservableEffect();
    void answersAreCompressedWhenAsked_data();
    void answersAreCompressedWhenAsked();
    void httpsServesWithPinnedSelfSignedCertificate();
    void httpsUsesGivenCertificateOnFixedPorts();
    void executablePrintsReadyLineAndStopsOnSignals_data();
    void executablePrintsReadyLineAndStopsOnSignals();
    void executableRejectsBadFlagsWithUsage_data();
    void executableRejectsBadFlagsWithUsage();
    void largeScaleGeneratesQuicklyAndServesDeepPages();

private:
    std::unique_ptr<OctoSimServer> startServer(const Options &options);
    QString octosimPath() const { return QStringLiteral(HANDOVER_BIN_DIR "/octosim"); }

    std::unique_ptr<OctoSimServer> m_server;
    InstanceEndpoint m_old;
    InstanceEndpoint m_new;
    OctoSimTestClient m_client;
};

std::unique_ptr<OctoSimServer> TestOctoSimHttp::startServer(const Options &options)
{
    auto server = std::make_unique<OctoSimServer>(options);
    QString error;
    if (!server->start(&error))
        qWarning("octosim did not start: %s", qPrintable(error));
    return server;
}

void TestOctoSimHttp::initTestCase()
{
    Options options;
    options.seed = 7;
    m_server = startServer(options);
    m_old = m_server->oldInstance();
    m_new = m_server->newInstance();
    QVERIFY(m_old.url.isValid());
    QVERIFY(m_new.url.isValid());
    QVERIFY(m_old.apiKey.startsWith(QLatin1String("API-")));
    QCOMPARE(m_old.apiKey.size(), 30);
}

void TestOctoSimHttp::collectionsPageWithNextLinkOnlyWhenMore_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("query");
    QTest::addColumn<int>("expectedSkip");
    QTest::addColumn<int>("expectedTake");

    QTest::newRow("default take is 30") << "/api/Spaces-1/machines"
                                        << "" << 0 << 30;
    QTest::newRow("middle page") << "/api/Spaces-1/machines"
                                 << "?skip=10&take=10" << 10 << 10;
    QTest::newRow("last page") << "/api/Spaces-1/machines"
                               << "?skip=20&take=10" << 20 << 10;
    QTest::newRow("beyond the end") << "/api/Spaces-1/machines"
                                    << "?skip=500&take=10" << 500 << 10;
    QTest::newRow("take zero") << "/api/events"
                               << "?take=0" << 0 << 0;
    QTest::newRow("take everything") << "/api/events"
                                     << "?take=2147483647" << 0 << 2147483647;
    QTest::newRow("events page") << "/api/events"
                                 << "?skip=30&take=30" << 30 << 30;
    QTest::newRow("users") << "/api/users"
                           << "?take=5" << 0 << 5;
    QTest::newRow("build information") << "/api/Spaces-1/build-information"
                                       << "?take=25" << 0 << 25;
    QTest::newRow("tasks") << "/api/tasks"
                           << "?take=7&skip=3" << 3 << 7;
}

void TestOctoSimHttp::collectionsPageWithNextLinkOnlyWhenMore()
{
    QFETCH(QString, path);
    QFETCH(QString, query);
    QFETCH(int, expectedSkip);
    QFETCH(int, expectedTake);

    const auto response = m_client.get(at(m_old.url, path + query), m_old.apiKey);
    QCOMPARE(response.status, 200);
    const QJsonObject page = response.object();
    const qint64 total = page.value(QLatin1String("TotalResults")).toInteger();
    const qint64 take = expectedTake;
    QVERIFY(total > 0);
    QCOMPARE(page.value(QLatin1String("ItemsPerPage")).toInteger(), take);
    const qint64 pages = take == 0 ? 1 : qMax<qint64>(1, (total + take - 1) / take);
    QCOMPARE(page.value(QLatin1String("NumberOfPages")).toInteger(), pages);
    QCOMPARE(page.value(QLatin1String("LastPageNumber")).toInteger(), pages - 1);
    const qint64 expectedItems = take == 0 ? 0 : qBound<qint64>(0, total - expectedSkip, take);
    QCOMPARE(page.value(QLatin1String("Items")).toArray().size(), expectedItems);

    const QJsonObject links = page.value(QLatin1String("Links")).toObject();
    QVERIFY(links.value(QLatin1String("Self")).toString().contains(QStringLiteral("take=%1").arg(take)));
    QVERIFY(
        links.value(QLatin1String("Page.All")).toString().contains(QLatin1String("skip=0&take=2147483647")));
    QVERIFY(links.contains(QLatin1String("Page.Current")));
    QVERIFY(links.contains(QLatin1String("Page.Last")));
    QVERIFY(links.value(QLatin1String("Template")).toString().contains(QLatin1String("{?")));
    const bool more = take > 0 && expectedSkip + take < total;
    QCOMPARE(links.contains(QLatin1String("Page.Next")), more);
    if (more) {
        const QString next = links.value(QLatin1String("Page.Next")).toString();
        QVERIFY2(next.contains(QStringLiteral("skip=%1").arg(expectedSkip + take)), qPrintable(next));
        // Following Page.Next gives the next slice.
        const auto following = m_client.get(at(m_old.url, next), m_old.apiKey);
        QCOMPARE(following.status, 200);
        QCOMPARE(following.object().value(QLatin1String("TotalResults")).toInteger(), total);
    }
    QVERIFY2(!response.body.contains(m_old.apiKey.toUtf8()), "the API key must never be echoed");
}

void TestOctoSimHttp::allEndpointsReturnBareArraysOfEveryItem_data()
{
    QTest::addColumn<QString>("collection");
    for (const char *name :
         {"/api/Spaces-1/machines", "/api/Spaces-1/workers", "/api/Spaces-1/environments",
          "/api/Spaces-1/projects", "/api/Spaces-1/tenants", "/api/Spaces-1/feeds",
          "/api/Spaces-1/libraryvariablesets", "/api/Spaces-1/actiontemplates", "/api/Spaces-1/workerpools",
          "/api/Spaces-1/machinepolicies", "/api/Spaces-1/lifecycles", "/api/Spaces-1/projectgroups",
          "/api/Spaces-1/runbooks", "/api/Spaces-1/subscriptions", "/api/spaces", "/api/users",
          "/api/octopusservernodes"})
        QTest::newRow(name) << QString::fromLatin1(name);
}

void TestOctoSimHttp::allEndpointsReturnBareArraysOfEveryItem()
{
    QFETCH(QString, collection);
    const auto all = m_client.get(at(m_old.url, collection + QStringLiteral("/all")), m_old.apiKey);
    QCOMPARE(all.status, 200);
    QVERIFY2(all.json.isArray(), all.body.left(200).constData());
    const auto page = m_client.get(at(m_old.url, collection + QStringLiteral("?take=0")), m_old.apiKey);
    QCOMPARE(all.array().size(), page.object().value(QLatin1String("TotalResults")).toInteger());
}

void TestOctoSimHttp::keysAreAcceptedInHeaderOrAnyCaseQuery_data()
{
    QTest::addColumn<int>("keyIn");
    QTest::addColumn<QString>("queryName");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("status");

    QTest::newRow("header") << int(KeyIn::Header) << ""
                            << "admin" << 200;
    QTest::newRow("read-only key in header") << int(KeyIn::Header) << ""
                                             << "readonly" << 200;
    QTest::newRow("query apikey") << int(KeyIn::Query) << "apikey"
                                  << "admin" << 200;
    QTest::newRow("query ApiKey") << int(KeyIn::Query) << "ApiKey"
                                  << "admin" << 200;
    QTest::newRow("query APIKEY") << int(KeyIn::Query) << "APIKEY"
                                  << "readonly" << 200;
    QTest::newRow("bearer") << int(KeyIn::Bearer) << ""
                            << "admin" << 200;
    QTest::newRow("no key") << int(KeyIn::None) << ""
                            << "" << 401;
    QTest::newRow("wrong key") << int(KeyIn::Header) << ""
                               << "API-WRONGWRONGWRONGWRONGWRONG" << 401;
    QTest::newRow("wrong key in query") << int(KeyIn::Query) << "apikey"
                                        << "API-ALSOWRONG" << 401;
}

void TestOctoSimHttp::keysAreAcceptedInHeaderOrAnyCaseQuery()
{
    QFETCH(int, keyIn);
    QFETCH(QString, queryName);
    QFETCH(QString, key);
    QFETCH(int, status);
    const QString actual = key == QLatin1String("admin")      ? m_old.apiKey
                           : key == QLatin1String("readonly") ? m_old.readOnlyApiKey
                                                              : key;
    for (const InstanceEndpoint &instance : {m_old, m_new}) {
        const auto response =
            m_client.send("GET", at(instance.url, QStringLiteral("/api/Spaces-1/machines?take=1")), actual,
                          KeyIn(keyIn), QByteArray(), queryName);
        QCOMPARE(response.status, status);
        if (status == 401) {
            QVERIFY(!response.object().value(QLatin1String("ErrorMessage")).toString().isEmpty());
            QVERIFY(response.object().value(QLatin1String("Errors")).isArray());
            QVERIFY(!response.object().value(QLatin1String("Errors")).toArray().isEmpty());
        }
    }
}

void TestOctoSimHttp::anonymousEndpointsNeedNoKey_data()
{
    QTest::addColumn<QString>("path");
    QTest::addColumn<int>("status");
    QTest::newRow("root") << "/api" << 200;
    QTest::newRow("root with slash") << "/api/" << 200;
    QTest::newRow("space root") << "/api/Spaces-1" << 200;
    QTest::newRow("health") << "/api/serverstatus/health" << 200;
    QTest::newRow("node ping") << "/api/octopusservernodes/ping" << 200;
    QTest::newRow("event agents") << "/api/events/agents" << 200;
    QTest::newRow("space event agents") << "/api/Spaces-1/events/agents" << 200;
    QTest::newRow("event categories") << "/api/events/categories" << 200;
    QTest::newRow("event groups") << "/api/events/groups" << 200;
    QTest::newRow("document types") << "/api/events/documenttypes" << 200;
    QTest::newRow("task types") << "/api/tasks/tasktypes" << 200;
    QTest::newRow("swagger") << "/api/swagger.json" << 200;
    QTest::newRow("server status needs a key") << "/api/serverstatus" << 401;
    QTest::newRow("users need a key") << "/api/users" << 401;
    QTest::newRow("events need a key") << "/api/events" << 401;
    QTest::newRow("maintenance needs a key") << "/api/maintenanceconfiguration" << 401;
}

void TestOctoSimHttp::anonymousEndpointsNeedNoKey()
{
    QFETCH(QString, path);
    QFETCH(int, status);
    const auto response = m_client.get(at(m_old.url, path));
    QCOMPARE(response.status, status);
    QVERIFY(!response.json.isNull());
    if (path == QLatin1String("/api")) {
        const QJsonObject root = response.object();
        QCOMPARE(root.value(QLatin1String("Application")).toString(), QStringLiteral("Octopus Deploy"));
        QCOMPARE(root.value(QLatin1String("ApiVersion")).toString(), QStringLiteral("3.0.0"));
        QVERIFY(QRegularExpression(QStringLiteral("^\\d{4}\\.\\d+\\.\\d+$"))
                    .match(root.value(QLatin1String("Version")).toString())
                    .hasMatch());
        QVERIFY(!QUuid::fromString(root.value(QLatin1String("InstallationId")).toString()).isNull());
        const QJsonObject links = root.value(QLatin1String("Links")).toObject();
        QVERIFY(links.value(QLatin1String("Machines"))
                    .toString()
                    .startsWith(QLatin1String("/api/Spaces-1/machines{")));
        QCOMPARE(links.value(QLatin1String("MaintenanceConfiguration")).toString(),
                 QStringLiteral("/api/maintenanceconfiguration"));
        QCOMPARE(links.value(QLatin1String("ServerHealthStatus")).toString(),
                 QStringLiteral("/api/serverstatus/health"));
    }
    if (path == QLatin1String("/api/swagger.json"))
        QCOMPARE(response.object()
                     .value(QLatin1String("info"))
                     .toObject()
                     .value(QLatin1String("version"))
                     .toString(),
                 QStringLiteral("2021.2.4488"));
}

void TestOctoSimHttp::threeRouteFormsReachTheSameSpace_data()
{
    QTest::addColumn<QString>("a");
    QTest::addColumn<QString>("b");
    QTest::newRow("space id vs spaces/{id}") << "/api/Spaces-2/machines"
                                             << "/api/spaces/Spaces-2/machines";
    QTest::newRow("legacy is the default space") << "/api/machines"
                                                 << "/api/Spaces-1/machines";
    QTest::newRow("legacy projects") << "/api/projects/all"
                                     << "/api/spaces/Spaces-1/projects/all";
    QTest::newRow("case-insensitive route") << "/api/spaces-3/Environments"
                                            << "/api/Spaces-3/environments";
    QTest::newRow("events in a space") << "/api/spaces/Spaces-2/events?take=3"
                                       << "/api/Spaces-2/events?take=3";
    QTest::newRow("build information") << "/api/build-information?take=4"
                                       << "/api/Spaces-1/build-information?take=4";
}

void TestOctoSimHttp::threeRouteFormsReachTheSameSpace()
{
    QFETCH(QString, a);
    QFETCH(QString, b);
    const auto first = m_client.get(at(m_old.url, a), m_old.apiKey);
    const auto second = m_client.get(at(m_old.url, b), m_old.apiKey);
    QCOMPARE(first.status, 200);
    QCOMPARE(second.status, 200);
    if (first.json.isArray()) {
        QCOMPARE(first.array(), second.array());
    } else {
        QCOMPARE(first.object().value(QLatin1String("TotalResults")),
                 second.object().value(QLatin1String("TotalResults")));
        QCOMPARE(first.object().value(QLatin1String("Items")), second.object().value(QLatin1String("Items")));
    }
    QVERIFY(!first.body.isEmpty());
}

void TestOctoSimHttp::machineFiltersSelectMatchingTargets_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("polling") << "commStyles=TentacleActive"
                             << "CommunicationStyle"
                             << "TentacleActive";
    QTest::newRow("listening") << "commStyles=TentaclePassive"
                               << "CommunicationStyle"
                               << "TentaclePassive";
    QTest::newRow("ssh") << "commStyles=Ssh"
                         << "CommunicationStyle"
                         << "Ssh";
    QTest::newRow("healthy") << "healthStatuses=Healthy"
                             << "HealthStatus"
                             << "Healthy";
    QTest::newRow("role") << "roles=web-server"
                          << "Roles"
                          << "web-server";
    QTest::newRow("environment") << "environmentIds=Environments-1"
                                 << "EnvironmentIds"
                                 << "Environments-1";
    QTest::newRow("worker pool") << "workerPoolIds=WorkerPools-2"
                                 << "WorkerPoolIds"
                                 << "WorkerPools-2";
    QTest::newRow("shell") << "shellNames=PowerShell"
                           << "ShellName"
                           << "PowerShell";
}

void TestOctoSimHttp::machineFiltersSelectMatchingTargets()
{
    QFETCH(QString, query);
    QFETCH(QString, field);
    QFETCH(QString, value);
    int matched = 0;
    for (const char *collection : {"machines", "workers"}) {
        for (int space = 1; space <= 3; ++space) {
            const auto response = m_client.get(at(m_old.url, QStringLiteral("/api/Spaces-%1/%2/all?%3")
                                                                 .arg(space)
                                                                 .arg(QLatin1String(collection), query)),
                                               m_old.apiKey);
            QCOMPARE(response.status, 200);
            for (const QJsonValue &machine : response.array()) {
                const QJsonObject m = machine.toObject();
                const QJsonValue actual = field == QLatin1String("CommunicationStyle")
                                              ? m.value(QLatin1String("Endpoint")).toObject().value(field)
                                              : m.value(field);
                if (actual.isArray())
                    QVERIFY(actual.toArray().contains(value));
                else
                    QCOMPARE(actual.toString(), value);
                ++matched;
            }
        }
    }
    QVERIFY2(matched > 0, "the demo data has targets of every communication style tested");

    // The thumbprint filter finds the target that carries it.
    const auto polling = m_client.get(
        at(m_old.url, QStringLiteral("/api/Spaces-1/machines/all?commStyles=TentacleActive")), m_old.apiKey);
    const QJsonObject first = polling.array().first().toObject();
    QVERIFY(first.value(QLatin1String("Endpoint"))
                .toObject()
                .value(QLatin1String("Uri"))
                .toString()
                .startsWith(QLatin1String("poll://")));
    QVERIFY(first.value(QLatin1String("Endpoint"))
                .toObject()
                .value(QLatin1String("TentacleVersionDetails"))
                .toObject()
                .contains(QLatin1String("Version")));
    const QString thumbprint = first.value(QLatin1String("Thumbprint")).toString();
    const auto byThumbprint = m_client.get(
        at(m_old.url, QStringLiteral("/api/Spaces-1/machines?thumbprint=") + thumbprint), m_old.apiKey);
    QVERIFY(byThumbprint.object().value(QLatin1String("TotalResults")).toInteger() >= 1);
    for (const QJsonValue &m : byThumbprint.object().value(QLatin1String("Items")).toArray())
        QCOMPARE(m.toObject().value(QLatin1String("Thumbprint")).toString(), thumbprint);
}

void TestOctoSimHttp::eventFiltersSelectByTimeCategoryAndUser()
{
    const auto all = m_client.get(at(m_old.url, QStringLiteral("/api/events?take=2147483647")), m_old.apiKey);
    const QJsonArray events = all.object().value(QLatin1String("Items")).toArray();
    QVERIFY(events.size() > 500);
    // Newest first.
    QVERIFY(events.first().toObject().value(QLatin1String("Occurred")).toString() >=
            events.last().toObject().value(QLatin1String("Occurred")).toString());
    const QString middle =
        events.at(events.size() / 2).toObject().value(QLatin1String("Occurred")).toString();
    const auto from = m_client.get(at(m_old.url, QStringLiteral("/api/events?take=0&from=") +
                                                     QString::fromLatin1(QUrl::toPercentEncoding(middle))),
                                   m_old.apiKey);
    const auto to = m_client.get(at(m_old.url, QStringLiteral("/api/events?take=0&to=") +
                                                   QString::fromLatin1(QUrl::toPercentEncoding(middle))),
                                 m_old.apiKey);
    QCOMPARE(from.object().value(QLatin1String("TotalResults")).toInteger() +
                 to.object().value(QLatin1String("TotalResults")).toInteger(),
             qint64(events.size()));
    const auto created = m_client.get(
        at(m_old.url, QStringLiteral("/api/events?eventCategories=Created,Deleted&take=100")), m_old.apiKey);
    for (const QJsonValue &e : created.object().value(QLatin1String("Items")).toArray())
        QVERIFY(QStringList({QStringLiteral("Created"), QStringLiteral("Deleted")})
                    .contains(e.toObject().value(QLatin1String("Category")).toString()));
    const auto byUser =
        m_client.get(at(m_old.url, QStringLiteral("/api/events?users=Users-3&take=100")), m_old.apiKey);
    QVERIFY(!byUser.object().value(QLatin1String("Items")).toArray().isEmpty());
    for (const QJsonValue &e : byUser.object().value(QLatin1String("Items")).toArray()) {
        QCOMPARE(e.toObject().value(QLatin1String("UserId")).toString(), QStringLiteral("Users-3"));
        QVERIFY(e.toObject()
                    .value(QLatin1String("IdentityEstablishedWith"))
                    .toString()
                    .startsWith(QLatin1String("API key '")));
        QVERIFY(!e.toObject().value(QLatin1String("UserAgent")).toString().isEmpty());
    }
    const auto projects = m_client.get(
        at(m_old.url, QStringLiteral("/api/events?documentTypes=Projects&take=50")), m_old.apiKey);
    QVERIFY(!projects.object().value(QLatin1String("Items")).toArray().isEmpty());
    for (const QJsonValue &e : projects.object().value(QLatin1String("Items")).toArray())
        QVERIFY(e.toObject()
                    .value(QLatin1String("RelatedDocumentIds"))
                    .toArray()
                    .first()
                    .toString()
                    .startsWith(QLatin1String("Projects-")));
    const auto services =
        m_client.get(at(m_old.url, QStringLiteral("/api/users/all?isServiceAccount=true")), m_old.apiKey);
    QVERIFY(services.array().size() >= 6);
    for (const QJsonValue &u : services.array())
        QVERIFY(u.toObject().value(QLatin1String("IsService")).toBool());
}

void TestOctoSimHttp::unknownRoutesAnswer404WithErrorBody_data()
{
    QTest::addColumn<QString>("path");
    QTest::newRow("unknown collection") << "/api/nonsense";
    QTest::newRow("unknown space") << "/api/Spaces-99/machines";
    QTest::newRow("unknown machine") << "/api/Spaces-1/machines/Machines-999999";
    QTest::newRow("global route under a space") << "/api/Spaces-1/users";
    QTest::newRow("outside /api") << "/index.html";
}

void TestOctoSimHttp::unknownRoutesAnswer404WithErrorBody()
{
    QFETCH(QString, path);
    const auto response = m_client.get(at(m_old.url, path), m_old.apiKey);
    QCOMPARE(response.status, 404);
    QVERIFY(!response.object().value(QLatin1String("ErrorMessage")).toString().isEmpty());
    QVERIFY(response.object().value(QLatin1String("Errors")).isArray());
}

void TestOctoSimHttp::cloneSharesDataButNotInstallationId_data()
{
    QTest::addColumn<bool>("unreset");
    QTest::newRow("reset clone") << false;
    QTest::newRow("forgotten reset") << true;
}

void TestOctoSimHttp::cloneSharesDataButNotInstallationId()
{
    QFETCH(bool, unreset);
    Options options;
    options.seed = 11;
    options.unresetClone = unreset;
    auto server = startServer(options);
    const InstanceEndpoint oldInstance = server->oldInstance();
    const InstanceEndpoint newInstance = server->newInstance();

    const QString oldId = m_client.get(at(oldInstance.url, QStringLiteral("/api")))
                              .object()
                              .value(QLatin1String("InstallationId"))
                              .toString();
    const QString newId = m_client.get(at(newInstance.url, QStringLiteral("/api")))
                              .object()
                              .value(QLatin1String("InstallationId"))
                              .toString();
    QCOMPARE(oldId == newId, unreset);
    const bool potentialClone =
        m_client.get(at(newInstance.url, QStringLiteral("/api/serverstatus")), newInstance.apiKey)
            .object()
            .value(QLatin1String("IsPotentialClone"))
            .toBool();
    QCOMPARE(potentialClone, unreset);

    // Same database: same server certificate thumbprint (both routes), same keys, same ids.
    for (const QString &route : {QStringLiteral("/api/configuration/certificates/certificate-global"),
                                 QStringLiteral("/api/certificates/certificate-global")}) {
        const auto a = m_client.get(at(oldInstance.url, route), oldInstance.apiKey);
        const auto b = m_client.get(at(newInstance.url, route), oldInstance.apiKey);
        QCOMPARE(a.status, 200);
        QCOMPARE(a.object().value(QLatin1String("Thumbprint")),
                 b.object().value(QLatin1String("Thumbprint")));
        QCOMPARE(a.object().value(QLatin1String("Thumbprint")).toString().size(), 40);
    }
    QCOMPARE(oldInstance.apiKey, newInstance.apiKey);
    const auto oldMachines =
        m_client.get(at(oldInstance.url, QStringLiteral("/api/Spaces-1/machines/all")), oldInstance.apiKey)
            .array();
    const auto newMachines =
        m_client.get(at(newInstance.url, QStringLiteral("/api/Spaces-1/machines/all")), newInstance.apiKey)
            .array();
    QCOMPARE(oldMachines.size(), newMachines.size());
    int polling = 0;
    for (qsizetype i = 0; i < oldMachines.size(); ++i) {
        const QJsonObject o = oldMachines.at(i).toObject();
        const QJsonObject n = newMachines.at(i).toObject();
        QCOMPARE(o.value(QLatin1String("Id")), n.value(QLatin1String("Id")));
        QCOMPARE(o.value(QLatin1String("Thumbprint")), n.value(QLatin1String("Thumbprint")));
        // Polling Tentacles and Kubernetes agents in polling mode have not reached the clone yet.
        const QJsonObject endpoint = n.value(QLatin1String("Endpoint")).toObject();
        const QString style = endpoint.value(QLatin1String("CommunicationStyle")).toString();
        if (style == QLatin1String("TentacleActive") ||
            (style == QLatin1String("KubernetesTentacle") &&
             endpoint.value(QLatin1String("TentacleEndpointConfiguration"))
                     .toObject()
                     .value(QLatin1String("CommunicationMode")) == QLatin1String("Polling"))) {
            ++polling;
        }
        // The clone holds the old database's HealthStatus until a health check runs there.
        QCOMPARE(o.value(QLatin1String("HealthStatus")), n.value(QLatin1String("HealthStatus")));
    }
    QVERIFY(polling > 0);
    const auto oldCounts =
        m_client.get(at(oldInstance.url, QStringLiteral("/api/serverstatus/counts")), oldInstance.apiKey);
    const auto newCounts =
        m_client.get(at(newInstance.url, QStringLiteral("/api/serverstatus/counts")), newInstance.apiKey);
    QCOMPARE(oldCounts.object(), newCounts.object());
}

void TestOctoSimHttp::revokedKeyStopsWorkingOnlyWhereRevoked()
{
    Options options;
    options.seed = 23;
    auto server = startServer(options);
    const InstanceEndpoint oldInstance = server->oldInstance();
    const InstanceEndpoint newInstance = server->newInstance();
    // The read-only key belongs to Users-2; it is the newest of that user's keys.
    const auto keys =
        m_client.get(at(newInstance.url, QStringLiteral("/api/users/Users-2/apikeys")), newInstance.apiKey);
    QCOMPARE(keys.status, 200);
    const QJsonObject key = keys.object().value(QLatin1String("Items")).toArray().first().toObject();
    QCOMPARE(key.value(QLatin1String("Purpose")).toString(), QStringLiteral("Handover read-only checks"));
    QVERIFY(key.value(QLatin1String("ApiKey")).toObject().value(QLatin1String("HasValue")).toBool());
    QVERIFY(!keys.body.contains(newInstance.readOnlyApiKey.toLatin1()));
    const QUrl keyUrl = at(newInstance.url, QStringLiteral("/api/users/Users-2/apikeys/") +
                                                key.value(QLatin1String("Id")).toString());
    QCOMPARE(m_client.send("DELETE", keyUrl, newInstance.apiKey).status, 200);
    QCOMPARE(
        m_client.get(at(newInstance.url, QStringLiteral("/api/spaces")), newInstance.readOnlyApiKey).status,
        401);
    QCOMPARE(
        m_client.get(at(oldInstance.url, QStringLiteral("/api/spaces")), oldInstance.readOnlyApiKey).status,
        200);

    // A key created on one instance exists only there.
    const auto created = m_client.send("POST", at(oldInstance.url, QStringLiteral("/api/users/me/apikeys")),
                                       oldInstance.apiKey, KeyIn::Header, R"({"Purpose":"made on old"})");
    QCOMPARE(created.status, 200);
    const QString fresh = created.object().value(QLatin1String("ApiKey")).toString();
    QVERIFY(QRegularExpression(QStringLiteral("^API-[A-Z0-9]{26}$")).match(fresh).hasMatch());
    QCOMPARE(m_client.get(at(oldInstance.url, QStringLiteral("/api/users/me")), fresh).status, 200);
    QCOMPARE(m_client.get(at(newInstance.url, QStringLiteral("/api/users/me")), fresh).status, 401);
}

void TestOctoSimHttp::readOnlyKeyRefusesEveryWrite_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("permission");
    QTest::newRow("health task") << QByteArray("POST") << "/api/Spaces-1/tasks"
                                 << QByteArray(R"({"Name":"Health","SpaceId":"Spaces-1","Arguments":{}})")
                                 << "TaskCreate";
    QTest::newRow("machine edit") << QByteArray("PUT") << "/api/Spaces-1/machines/Machines-1"
                                  << QByteArray(R"({"IsDisabled":true})") << "MachineEdit";
    QTest::newRow("machine delete") << QByteArray("DELETE") << "/api/Spaces-1/machines/Machines-1"
                                    << QByteArray() << "MachineDelete";
    QTest::newRow("project") << QByteArray("POST") << "/api/Spaces-1/projects"
                             << QByteArray(R"({"Name":"x"})") << "ProjectCreate";
    QTest::newRow("maintenance") << QByteArray("PUT") << "/api/maintenanceconfiguration"
                                 << QByteArray(R"({"IsInMaintenanceMode":true})") << "AdministerSystem";
    QTest::newRow("own api key") << QByteArray("POST") << "/api/users/me/apikeys"
                                 << QByteArray(R"({"Purpose":"more"})") << "UserEdit";
}

void TestOctoSimHttp::readOnlyKeyRefusesEveryWrite()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QByteArray, body);
    QFETCH(QString, permission);
    Options options;
    options.seed = 23;
    auto server = startServer(options);
    const InstanceEndpoint instance = server->oldInstance();
    const auto refused =
        m_client.send(method, at(instance.url, path), instance.readOnlyApiKey, KeyIn::Header, body);
    QCOMPARE(refused.status, 403);
    QVERIFY2(refused.object()
                 .value(QLatin1String("ErrorMessage"))
                 .toString()
                 .endsWith(QStringLiteral("Missing permission: ") + permission),
             refused.body.constData());
    // Reads still work, and its own permissions list only views.
    QCOMPARE(
        m_client
            .get(at(instance.url, QStringLiteral("/api/Spaces-1/machines?take=1")), instance.readOnlyApiKey)
            .status,
        200);
    const auto permissions =
        m_client.get(at(instance.url, QStringLiteral("/api/users/me/permissions")), instance.readOnlyApiKey);
    QCOMPARE(permissions.status, 200);
    const QJsonObject space = permissions.object().value(QLatin1String("SpacePermissions")).toObject();
    QVERIFY(space.contains(QLatin1String("MachineView")));
    for (const QString &name : space.keys())
        QVERIFY2(name.endsWith(QLatin1String("View")), qPrintable(name));
    // The operator key may write what the read-only one may not (but not administer).
    if (permission != QLatin1String("AdministerSystem") && permission != QLatin1String("UserEdit") &&
        !path.contains(QLatin1String("projects")) && method != "DELETE")
        QVERIFY(m_client.send(method, at(instance.url, path), instance.operatorApiKey, KeyIn::Header, body)
                    .status < 300);
}

void TestOctoSimHttp::maintenanceModeRefusesNonAdminWrites_data()
{
    QTest::addColumn<int>("refusal");
    QTest::newRow("503 (default)") << 503;
    QTest::newRow("403") << 403;
}

void TestOctoSimHttp::maintenanceModeRefusesNonAdminWrites()
{
    QFETCH(int, refusal);
    Options options;
    options.seed = 5;
    options.maintenanceStatus = refusal;
    auto server = startServer(options);
    const InstanceEndpoint instance = server->oldInstance();
    const QUrl maintenance = at(instance.url, QStringLiteral("/api/maintenanceconfiguration"));
    const QUrl tasks = at(instance.url, QStringLiteral("/api/Spaces-1/tasks"));
    const QByteArray health =
        R"({"Name":"Health","Description":"Check","SpaceId":"Spaces-1","Arguments":{}})";

    QCOMPARE(m_client.send("POST", tasks, instance.operatorApiKey, KeyIn::Header, health).status, 201);
    // Only an admin may switch it.
    QCOMPARE(m_client
                 .send("PUT", maintenance, instance.operatorApiKey, KeyIn::Header,
                       R"({"IsInMaintenanceMode":true})")
                 .status,
             403);
    const auto on =
        m_client.send("PUT", maintenance, instance.apiKey, KeyIn::Header, R"({"IsInMaintenanceMode":true})");
    QCOMPARE(on.status, 200);
    QCOMPARE(on.object().value(QLatin1String("IsInMaintenanceMode")).toBool(), true);
    QCOMPARE(on.object().value(QLatin1String("Id")).toString(), QStringLiteral("maintenance"));
    QCOMPARE(m_client.get(at(instance.url, QStringLiteral("/api/serverstatus")), instance.operatorApiKey)
                 .object()
                 .value(QLatin1String("IsInMaintenanceMode"))
                 .toBool(),
             true);

    const auto refused = m_client.send("POST", tasks, instance.operatorApiKey, KeyIn::Header, health);
    QCOMPARE(refused.status, refusal);
    QVERIFY(refused.object()
                .value(QLatin1String("ErrorMessage"))
                .toString()
                .contains(QLatin1String("maintenance mode")));
    const auto machine =
        m_client.send("PUT", at(instance.url, QStringLiteral("/api/Spaces-1/machines/Machines-1")),
                      instance.operatorApiKey, KeyIn::Header, R"({"IsDisabled":true})");
    QCOMPARE(machine.status, refusal);
    // Reads still work; admins may still write.
    QCOMPARE(
        m_client
            .get(at(instance.url, QStringLiteral("/api/Spaces-1/machines?take=1")), instance.operatorApiKey)
            .status,
        200);
    QCOMPARE(m_client.send("POST", tasks, instance.apiKey, KeyIn::Header, health).status, 201);
    const auto disabled =
        m_client.send("PUT", at(instance.url, QStringLiteral("/api/Spaces-1/machines/Machines-1")),
                      instance.apiKey, KeyIn::Header, R"({"IsDisabled":true})");
    QCOMPARE(disabled.status, 200);
    QCOMPARE(disabled.object().value(QLatin1String("IsDisabled")).toBool(), true);
    QCOMPARE(m_client
                 .get(at(instance.url,
                         QStringLiteral("/api/Spaces-1/machines/all?isDisabled=true&ids=Machines-1")),
                      instance.apiKey)
                 .array()
                 .size(),
             1);

    const auto events = m_client.get(
        at(instance.url, QStringLiteral("/api/events?eventCategories=Modified&take=5")), instance.apiKey);
    bool found = false;
    for (const QJsonValue &e : events.object().value(QLatin1String("Items")).toArray())
        found = found || e.toObject().value(QLatin1String("Message")).toString() ==
                             QLatin1String("Maintenance Configuration was changed.");
    QVERIFY(found);

    QCOMPARE(
        m_client.send("PUT", maintenance, instance.apiKey, KeyIn::Header, R"({"IsInMaintenanceMode":false})")
            .status,
        200);
    QCOMPARE(m_client.send("POST", tasks, instance.operatorApiKey, KeyIn::Header, health).status, 201);
}

void TestOctoSimHttp::tasksProgressToSuccess_data()
{
    QTest::addColumn<QByteArray>("body");
    QTest::newRow("health") << QByteArray(
        R"({"Name":"Health","Description":"Check health","SpaceId":"Spaces-1","Arguments":{"EnvironmentId":"Environments-1"}})");
    QTest::newRow("upgrade") << QByteArray(
        R"({"Name":"Upgrade","Description":"Upgrade machines","SpaceId":"Spaces-1","Arguments":{"MachineIds":["MACHINE"]}})");
}

void TestOctoSimHttp::tasksProgressToSuccess()
{
    QFETCH(QByteArray, body);
    Options options;
    options.seed = 9;
    auto server = startServer(options);
    const InstanceEndpoint instance = server->oldInstance();

    // An outdated, unlocked Tentacle to upgrade.
    QString machineId;
    for (const QJsonValue &m :
         m_client
             .get(at(instance.url,
                     QStringLiteral("/api/Spaces-1/machines/all?commStyles=TentaclePassive,TentacleActive")),
                  instance.apiKey)
             .array()) {
        const QJsonObject details = m.toObject()
                                        .value(QLatin1String("Endpoint"))
                                        .toObject()
                                        .value(QLatin1String("TentacleVersionDetails"))
                                        .toObject();
        if (details.value(QLatin1String("UpgradeSuggested")).toBool() &&
            !details.value(QLatin1String("UpgradeLocked")).toBool()) {
            machineId = m.toObject().value(QLatin1String("Id")).toString();
            break;
        }
    }
    QVERIFY(!machineId.isEmpty());
    body.replace("MACHINE", machineId.toLatin1());

    const QUrl active = at(instance.url, QStringLiteral("/api/tasks?active=true&take=0"));
    QCOMPARE(m_client.get(active, instance.apiKey).object().value(QLatin1String("TotalResults")).toInteger(),
             0);
    const auto created = m_client.send("POST", at(instance.url, QStringLiteral("/api/Spaces-1/tasks")),
                                       instance.apiKey, KeyIn::Header, body);
    QCOMPARE(created.status, 201);
    QCOMPARE(created.object().value(QLatin1String("State")).toString(), QStringLiteral("Queued"));
    const QString id = created.object().value(QLatin1String("Id")).toString();
    QVERIFY(id.startsWith(QLatin1String("ServerTasks-")));
    QCOMPARE(m_client.get(active, instance.apiKey).object().value(QLatin1String("TotalResults")).toInteger(),
             1);

    const QUrl task = at(instance.url, QStringLiteral("/api/tasks/") + id);
    QTRY_COMPARE_WITH_TIMEOUT(
        m_client.get(task, instance.apiKey).object().value(QLatin1String("State")).toString(),
        QStringLiteral("Success"), 10000);
    const QJsonObject done = m_client.get(task, instance.apiKey).object();
    QCOMPARE(done.value(QLatin1String("IsCompleted")).toBool(), true);
    QCOMPARE(done.value(QLatin1String("FinishedSuccessfully")).toBool(), true);
    QCOMPARE(m_client.get(active, instance.apiKey).object().value(QLatin1String("TotalResults")).toInteger(),
             0);
    if (body.contains("Upgrade")) {
        const QJsonObject machine =
            m_client
                .get(at(instance.url, QStringLiteral("/api/Spaces-1/machines/") + machineId), instance.apiKey)
                .object();
        const QJsonObject details = machine.value(QLatin1String("Endpoint"))
                                        .toObject()
                                        .value(QLatin1String("TentacleVersionDetails"))
                                        .toObject();
        QCOMPARE(details.value(QLatin1String("UpgradeSuggested")).toBool(), false);
    }
    const auto unknown = m_client.send("POST", at(instance.url, QStringLiteral("/api/Spaces-1/tasks")),
                                       instance.apiKey, KeyIn::Header, R"({"Name":"Nonsense"})");
    QCOMPARE(unknown.status, 400);
}

void TestOctoSimHttp::systemTasksAreListedWithIncludeSystem()
{
    auto server = startServer(Options());
    const InstanceEndpoint instance = server->oldInstance();
    const auto created = m_client.send("POST", at(instance.url, QStringLiteral("/api/tasks")),
                                       instance.apiKey, KeyIn::Header, R"({"Name":"SystemIntegrityCheck"})");
    QCOMPARE(created.status, 201);
    QCOMPARE(created.object().value(QLatin1String("SpaceId")), QJsonValue(QJsonValue::Null));
    const auto total = [&](const QString &query) {
        return m_client.get(at(instance.url, QStringLiteral("/api/tasks?take=1&") + query), instance.apiKey)
            .object()
            .value(QLatin1String("TotalResults"))
            .toInteger();
    };
    // Listed for the spaces only with includeSystem=true; without a spaces filter it is there anyway.
    QCOMPARE(total(QStringLiteral("active=true&spaces=Spaces-1")), 0);
    QCOMPARE(total(QStringLiteral("active=true&spaces=Spaces-1&includeSystem=true")), 1);
    QCOMPARE(total(QStringLiteral("active=true")), 1);
}

void TestOctoSimHttp::cloneHealthStaysAsClonedUntilAHealthTaskCoversIt()
{
    Options options;
    options.seed = 21;
    auto server = startServer(options);
    const InstanceEndpoint instance = server->newInstance();
    // Three polling Tentacles the clone shows Healthy (the old server's value): one to check, one disabled
    // and checked, one left alone.
    QStringList healthy;
    for (const QJsonValue &m :
         m_client
             .get(at(instance.url,
                     QStringLiteral(
                         "/api/Spaces-1/machines/all?commStyles=TentacleActive&healthStatuses=Healthy")),
                  instance.apiKey)
             .array()) {
        if (!m.toObject().value(QLatin1String("IsDisabled")).toBool())
            healthy.append(m.toObject().value(QLatin1String("Id")).toString());
    }
    QVERIFY(healthy.size() >= 3);
    const QString checked = healthy.at(0);
    const QString disabled = healthy.at(1);
    const QString untouched = healthy.at(2);
    auto machineUrl = [&](const QString &id) {
        return at(instance.url, QStringLiteral("/api/Spaces-1/machines/") + id);
    };
    QCOMPARE(
        m_client.send("PUT", machineUrl(disabled), instance.apiKey, KeyIn::Header, R"({"IsDisabled":true})")
            .status,
        200);
    const QByteArray body =
        R"({"Name":"Health","Description":"Check","SpaceId":"Spaces-1","Arguments":{"MachineIds":[")" +
        checked.toLatin1() + R"(",")" + disabled.toLatin1() + R"("]}})";
    const auto created = m_client.send("POST", at(instance.url, QStringLiteral("/api/Spaces-1/tasks")),
                                       instance.apiKey, KeyIn::Header, body);
    QCOMPARE(created.status, 201);
    const QUrl task = at(instance.url, QStringLiteral("/api/tasks/") +
                                           created.object().value(QLatin1String("Id")).toString());
    QTRY_COMPARE_WITH_TIMEOUT(
        m_client.get(task, instance.apiKey).object().value(QLatin1String("State")).toString(),
        QStringLiteral("Success"), 10000);
    auto health = [&](const QString &id) {
        return m_client.get(machineUrl(id), instance.apiKey)
            .object()
            .value(QLatin1String("HealthStatus"))
            .toString();
    };
    QCOMPARE(health(checked), QStringLiteral("Unavailable")); // has not dialled the clone
    QCOMPARE(health(disabled), QStringLiteral("Healthy"));    // skipped: still the cloned value
    QCOMPARE(health(untouched), QStringLiteral("Healthy"));   // not covered by the task
}

void TestOctoSimHttp::requestLineOver8KbIsRejectedLikeKestrel()
{
    // Kestrel's MaxRequestLineSize (8 KB) counts "GET ", the target and " HTTP/1.1\r\n".
    const QString base = QStringLiteral("/api/Spaces-1/machines/all?ids=");
    auto withLength = [&](int requestLine) {
        const int fill = requestLine - int(QByteArrayLiteral("GET ").size()) - int(base.size()) -
                         int(QByteArrayLiteral(" HTTP/1.1\r\n").size());
        return at(m_old.url, base + QString(fill, QLatin1Char('x')));
    };
    QCOMPARE(m_client.get(withLength(8192), m_old.apiKey).status, 200);
    QCOMPARE(m_client.get(withLength(8193), m_old.apiKey).status, 414);
    // The connection is closed after it, like Kestrel does; the next request works.
    QCOMPARE(m_client.get(at(m_old.url, QStringLiteral("/api")), m_old.apiKey).status, 200);
}

void TestOctoSimHttp::driftAddsEventsOnTheOldInstanceOnly()
{
    Options options;
    options.seed = 13;
    auto server = startServer(options);
    const InstanceEndpoint oldInstance = server->oldInstance();
    const InstanceEndpoint newInstance = server->newInstance();
    auto total = [this](const InstanceEndpoint &e, const QString &path) {
        return m_client.get(at(e.url, path), e.apiKey)
            .object()
            .value(QLatin1String("TotalResults"))
            .toInteger();
    };
    const QString events = QStringLiteral("/api/events?take=0");
    const qint64 before = total(oldInstance, events);
    QCOMPARE(before, total(newInstance, events));
    const auto drift = m_client.send("POST", at(oldInstance.url, QStringLiteral("/octosim/drift?count=10")),
                                     oldInstance.apiKey);
    QCOMPARE(drift.status, 200);
    QVERIFY(total(oldInstance, events) >= before + 10);
    QCOMPARE(total(newInstance, events), before);
    const auto newest =
        m_client.get(at(oldInstance.url, QStringLiteral("/api/events?take=1")), oldInstance.apiKey)
            .object()
            .value(QLatin1String("Items"))
            .toArray()
            .first()
            .toObject();
    QVERIFY(!newest.value(QLatin1String("UserAgent")).toString().isEmpty());
    QVERIFY(!newest.value(QLatin1String("IdentityEstablishedWith")).toString().isEmpty());
    QVERIFY(QStringList(
                {QStringLiteral("Created"), QStringLiteral("Modified"), QStringLiteral("DeploymentQueued")})
                .contains(newest.value(QLatin1String("Category")).toString()));
    // Control endpoints need the admin key.
    QCOMPARE(
        m_client
            .send("POST", at(oldInstance.url, QStringLiteral("/octosim/drift")), oldInstance.readOnlyApiKey)
            .status,
        401);
}

void TestOctoSimHttp::driftTimerKeepsChangingTheOldInstance()
{
    Options options;
    options.seed = 17;
    options.driftPerMinute = 1200; // one change every 50 ms
    auto server = startServer(options);
    const InstanceEndpoint oldInstance = server->oldInstance();
    const QUrl events = at(oldInstance.url, QStringLiteral("/api/events?take=0"));
    const qint64 before =
        m_client.get(events, oldInstance.apiKey).object().value(QLatin1String("TotalResults")).toInteger();
    QTRY_VERIFY_WITH_TIMEOUT(
        m_client.get(events, oldInstance.apiKey).object().value(QLatin1String("TotalResults")).toInteger() >=
            before + 3,
        10000);
    const auto counts =
        m_client.get(at(oldInstance.url, QStringLiteral("/api/serverstatus/counts")), oldInstance.apiKey);
    const auto newCounts = m_client.get(
        at(server->newInstance().url, QStringLiteral("/api/serverstatus/counts")), oldInstance.apiKey);
    QVERIFY(counts.object()
                .value(QLatin1String("Project"))
                .toObject()
                .value(QLatin1String("Releases"))
                .toInteger() >= newCounts.object()
                                    .value(QLatin1String("Project"))
                                    .toObject()
                                    .value(QLatin1String("Releases"))
                                    .toInteger());
}

void TestOctoSimHttp::ciDriftComesFromEverySystemAndFollowsACiMove()
{
    Options options;
    options.seed = 19;
    auto server = startServer(options);
    const InstanceEndpoint instances[] = {server->oldInstance(), server->newInstance()};
    auto total = [&](int i) {
        return m_client.get(at(instances[i].url, QStringLiteral("/api/events?take=0")), instances[i].apiKey)
            .object()
            .value(QLatin1String("TotalResults"))
            .toInteger();
    };
    // The events an instance recorded since it had `since` of them, by username: user agents of builds.
    auto buildsSince = [&](int i, qint64 since) {
        const qint64 count = total(i) - since;
        QMultiHash<QString, QString> builds;
        if (count <= 0)
            return builds;
        const QJsonArray items =
            m_client
                .get(at(instances[i].url, QStringLiteral("/api/events?take=%1").arg(count)),
                     instances[i].apiKey)
                .object()
                .value(QLatin1String("Items"))
                .toArray();
        for (const QJsonValue &value : items) {
            const QJsonObject event = value.toObject();
            if (event.value(QLatin1String("Message"))
                    .toString()
                    .startsWith(QLatin1String("Build information ")))
                builds.insert(event.value(QLatin1String("Username")).toString(),
                              event.value(QLatin1String("UserAgent")).toString());
        }
        return builds;
    };
    auto drift = [&](int i, int count) {
        return m_client
            .send("POST", at(instances[i].url, QStringLiteral("/octosim/drift?count=%1").arg(count)),
                  instances[i].apiKey)
            .status;
    };
    auto move = [&](int i, const QString &username) {
        return m_client
            .send("POST", at(instances[i].url, QStringLiteral("/octosim/control/ci-move")),
                  instances[i].apiKey, KeyIn::Header,
                  QJsonDocument(QJsonObject{{QStringLiteral("Username"), username}}).toJson())
            .status;
    };

    // Every CI system of the history keeps pushing builds on the old instance, with its plug-in's agent.
    qint64 oldSince = total(0);
    QCOMPARE(drift(0, 300), 200);
    QMultiHash<QString, QString> builds = buildsSince(0, oldSince);
    for (const char *account : {"jenkins", "teamcity", "azure-devops", "github-actions", "bamboo"})
        QVERIFY2(builds.contains(QLatin1String(account)), account);
    QVERIFY(builds.value(QStringLiteral("teamcity")).contains(QLatin1String(") TeamCity")));
    QVERIFY(builds.value(QStringLiteral("github-actions")).startsWith(QLatin1String("ts-octopusdeploy ")));
    // Their records keep each system's own host: several hosts among the newest builds.
    QSet<QString> hosts;
    const QJsonArray records =
        m_client
            .get(at(instances[0].url, QStringLiteral("/api/Spaces-1/build-information?take=40")),
                 instances[0].apiKey)
            .object()
            .value(QLatin1String("Items"))
            .toArray();
    for (const QJsonValue &record : records)
        hosts.insert(QUrl(record.toObject().value(QLatin1String("BuildUrl")).toString()).host());
    QVERIFY2(hosts.size() >= 4, qPrintable(QStringList(hosts.values()).join(QLatin1Char(' '))));

    // Jenkins moves to the new instance: from then on its builds arrive there, never on the old one.
    QCOMPARE(move(1, QStringLiteral("jenkins")), 200);
    oldSince = total(0);
    qint64 newSince = total(1);
    QCOMPARE(drift(0, 300), 200);
    builds = buildsSince(0, oldSince);
    QVERIFY(!builds.contains(QStringLiteral("jenkins")));
    QVERIFY(builds.contains(QStringLiteral("teamcity")));
    QMultiHash<QString, QString> arrived = buildsSince(1, newSince);
    QVERIFY(arrived.count(QStringLiteral("jenkins")) >= 3);
    QCOMPARE(QSet<QString>(arrived.keyBegin(), arrived.keyEnd()), QSet<QString>{QStringLiteral("jenkins")});
    QVERIFY(arrived.value(QStringLiteral("jenkins")).startsWith(QLatin1String("OctopusClient-dotnet/")));

    // Pointed back (a rollback): the old instance hears from it again, the new one no longer.
    QCOMPARE(move(0, QStringLiteral("jenkins")), 200);
    oldSince = total(0);
    newSince = total(1);
    QCOMPARE(drift(0, 300), 200);
    QVERIFY(buildsSince(0, oldSince).contains(QStringLiteral("jenkins")));
    QCOMPARE(total(1), newSince);
    // An account that never pushed a build cannot be moved.
    QCOMPARE(move(1, QStringLiteral("nobody")), 404);
}

void TestOctoSimHttp::healthAnswers418WhenNotOperatingNormally()
{
    Options options;
    auto server = startServer(options);
    const InstanceEndpoint instance = server->newInstance();
    QCOMPARE(m_client.get(at(instance.url, QStringLiteral("/api/serverstatus/health"))).status, 200);
    QCOMPARE(m_client
                 .send("PUT", at(instance.url, QStringLiteral("/octosim/health")), instance.apiKey,
                       KeyIn::Header, R"({"IsOperatingNormally":false,"IsDraining":true})")
                 .status,
             200);
    const auto health = m_client.get(at(instance.url, QStringLiteral("/api/serverstatus/health")));
    QCOMPARE(health.status, 418);
    QCOMPARE(health.object().value(QLatin1String("IsOperatingNormally")).toBool(), false);
    QCOMPARE(m_client.get(at(instance.url, QStringLiteral("/api/octopusservernodes/ping"))).status, 418);
}

void TestOctoSimHttp::faultsHaveTheirObservableEffect_data()
{
    QTest::addColumn<QString>("fault");
    QTest::addColumn<QString>("path");
    QTest::newRow("latency") << "old:/api/spaces=latency:400"
                             << "/api/spaces";
    QTest::newRow("status 429") << "old:/api/users=status:429"
                                << "/api/users";
    QTest::newRow("status 503") << "old:machines=status:503"
                                << "/api/Spaces-1/machines";
    QTest::newRow("reset") << "old:^/api/environments=reset"
                           << "/api/environments";
    QTest::newRow("truncate") << "old:/api/events=truncate"
                              << "/api/events?take=100";
    QTest::newRow("badjson") << "old:/api/projects=badjson"
                             << "/api/projects";
    QTest::newRow("slow") << "old:/api/serverstatus$=slow:2000"
                          << "/api/serverstatus";
    QTest::newRow("huge") << "old:/api/feeds=huge:3"
                          << "/api/feeds";
    QTest::newRow("redirect") << "old:/api/tenants=redirect:https://octopus.example.com/api/tenants"
                              << "/api/tenants";
    QTest::newRow("skip=30 only") << "old:skip=30=status:500"
                                  << "/api/events?skip=30&take=30";
}

void TestOctoSimHttp::faultsHaveTheirObservableEffect()
{
    QFETCH(QString, fault);
    QFETCH(QString, path);
    Options options;
    QString error;
    QVERIFY2(parseArguments({QStringLiteral("--fault"), fault}, &options, &error), qPrintable(error));
    auto server = startServer(options);
    const InstanceEndpoint oldInstance = server->oldInstance();
    const InstanceEndpoint newInstance = server->newInstance();
    const QString kind = options.faults.first().kind;

    const auto response = m_client.get(at(oldInstance.url, path), oldInstance.apiKey);
    QVERIFY(response.finished);
    // The clone is not faulted ("old:" rules), and neither are other paths.
    const auto healthy = m_client.get(at(newInstance.url, path), newInstance.apiKey);
    QCOMPARE(healthy.status, 200);
    QCOMPARE(m_client.get(at(oldInstance.url, QStringLiteral("/api/serverstatus/health"))).status, 200);

    if (kind == QLatin1String("latency")) {
        QCOMPARE(response.status, 200);
        QVERIFY2(response.elapsedMs >= 390, qPrintable(QString::number(response.elapsedMs)));
    } else if (kind == QLatin1String("status")) {
        QCOMPARE(response.status, options.faults.first().argument.toInt());
        QVERIFY(!response.object().value(QLatin1String("ErrorMessage")).toString().isEmpty());
        if (response.status == 429 || response.status == 503)
            QCOMPARE(response.headers.value("retry-after"), QByteArray("1"));
        if (path.contains(QLatin1String("skip=30")))
            QCOMPARE(m_client
                         .get(at(oldInstance.url, QStringLiteral("/api/events?skip=0&take=30")),
                              oldInstance.apiKey)
                         .status,
                     200);
    } else if (kind == QLatin1String("reset")) {
        QCOMPARE(response.status, 0);
        QVERIFY(response.error != QNetworkReply::NoError);
    } else if (kind == QLatin1String("truncate")) {
        QVERIFY(response.error != QNetworkReply::NoError || response.json.isNull());
        QVERIFY(response.body.size() < healthy.body.size());
    } else if (kind == QLatin1String("badjson")) {
        QCOMPARE(response.status, 200);
        QVERIFY(response.json.isNull());
    } else if (kind == QLatin1String("slow")) {
        QCOMPARE(response.status, 200);
        QCOMPARE(response.body, healthy.body.isEmpty() ? response.body : response.body);
        const qint64 expected = 1000 * (response.body.size() + 150) / 2000;
        QVERIFY2(response.elapsedMs >= expected * 7 / 10,
                 qPrintable(
                     QStringLiteral("%1 ms for %2 bytes").arg(response.elapsedMs).arg(response.body.size())));
    } else if (kind == QLatin1String("huge")) {
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.size() >= 3 * 1024 * 1024);
        QVERIFY(response.json.isObject()); // still valid JSON
    } else if (kind == QLatin1String("redirect")) {
        QCOMPARE(response.status, 302);
        QCOMPARE(response.headers.value("location"), QByteArray("https://octopus.example.com/api/tenants"));
    }
}

void TestOctoSimHttp::httpsServesWithPinnedSelfSignedCertificate()
{
    Options options;
    options.tls = true;
    options.seed = 21;
    auto server = startServer(options);
    const InstanceEndpoint oldInstance = server->oldInstance();
    const InstanceEndpoint newInstance = server->newInstance();
    QCOMPARE(oldInstance.url.scheme(), QStringLiteral("https"));
    QVERIFY(QRegularExpression(QStringLiteral("^[0-9A-F]{64}$")).match(oldInstance.thumbprint).hasMatch());
    QVERIFY(oldInstance.thumbprint != newInstance.thumbprint);

    // Without trusting the certificate the handshake fails.
    OctoSimTestClient untrusting;
    const auto refused = untrusting.get(at(oldInstance.url, QStringLiteral("/api")));
    QCOMPARE(refused.status, 0);
    QCOMPARE(refused.error, QNetworkReply::SslHandshakeFailedError);

    OctoSimTestClient client;
    client.pin(oldInstance.thumbprint);
    client.pin(newInstance.thumbprint);
    QCOMPARE(client.get(at(oldInstance.url, QStringLiteral("/api"))).status, 200);
    QCOMPARE(client.get(at(newInstance.url, QStringLiteral("/api/serverstatus/health"))).status, 200);
    QCOMPARE(client.get(at(oldInstance.url, QStringLiteral("/api/spaces"))).status, 401);
    const auto page = client.get(at(oldInstance.url, QStringLiteral("/api/Spaces-1/machines?skip=5&take=5")),
                                 oldInstance.apiKey, KeyIn::Query);
    QCOMPARE(page.status, 200);
    QCOMPARE(page.object().value(QLatin1String("Items")).toArray().size(), 5);
    QVERIFY(page.object().value(QLatin1String("Links")).toObject().contains(QLatin1String("Page.Next")));
    // Keep-alive across several requests on one connection.
    for (int i = 0; i < 5; ++i)
        QCOMPARE(
            client.get(at(newInstance.url, QStringLiteral("/api/users?take=1")), newInstance.apiKey).status,
            200);
}

void TestOctoSimHttp::httpsUsesGivenCertificateOnFixedPorts()
{
    QSslCertificate certificate;
    QSslKey key;
    QString error;
    QVERIFY2(TlsCertificateMaker::makeSelfSigned(QStringLiteral("given"), &certificate, &key, &error),
             qPrintable(error));
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QFile cert(dir.filePath(QStringLiteral("cert.pem")));
    QFile keyFile(dir.filePath(QStringLiteral("key.pem")));
    QVERIFY(cert.open(QIODevice::WriteOnly) && keyFile.open(QIODevice::WriteOnly));
    cert.write(certificate.toPem());
    keyFile.write(key.toPem());
    cert.close();
    keyFile.close();
    // Two free ports: bind, note, release.
    quint16 ports[2] = {0, 0};
    for (quint16 &port : ports) {
        QTcpServer probe;
        QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
        port = probe.serverPort();
    }
    Options options;
    QVERIFY2(
        parseArguments({QStringLiteral("--tls"), QStringLiteral("--cert"), cert.fileName(),
                        QStringLiteral("--key"), keyFile.fileName(), QStringLiteral("--old-port"),
                        QString::number(ports[0]), QStringLiteral("--new-port"), QString::number(ports[1])},
                       &options, &error),
        qPrintable(error));
    auto server = startServer(options);
    QCOMPARE(server->oldInstance().url.port(), int(ports[0]));
    QCOMPARE(server->newInstance().url.port(), int(ports[1]));
    const QString expected = TlsCertificateMaker::thumbprint(certificate);
    QCOMPARE(server->oldInstance().thumbprint, expected);
    QCOMPARE(server->newInstance().thumbprint, expected);
    OctoSimTestClient client;
    client.pin(expected);
    QCOMPARE(client.get(at(server->newInstance().url, QStringLiteral("/api"))).status, 200);
}

void TestOctoSimHttp::executablePrintsReadyLineAndStopsOnSignals_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<bool>("tls");
    QTest::addColumn<int>("signal");
    QTest::newRow("http, SIGTERM") << QStringList{QStringLiteral("--seed"), QStringLiteral("3")} << false
                                   << SIGTERM;
    QTest::newRow("https verbose, SIGTERM")
        << QStringList{QStringLiteral("--tls"), QStringLiteral("--verbose")} << true << SIGTERM;
    QTest::newRow("drifting, SIGINT")
        << QStringList{QStringLiteral("--drift-per-minute"), QStringLiteral("600")} << false << SIGINT;
}

void TestOctoSimHttp::executablePrintsReadyLineAndStopsOnSignals()
{
    QFETCH(QStringList, arguments);
    QFETCH(bool, tls);
    QFETCH(int, signal);
    QProcess process;
    process.start(octosimPath(), arguments);
    QVERIFY(process.waitForStarted(10000));
    QTRY_VERIFY_WITH_TIMEOUT(process.canReadLine(), 20000);
    const QByteArray line = process.readLine();
    QVERIFY(line.endsWith('\n'));
    const QJsonObject ready = QJsonDocument::fromJson(line).object();
    QCOMPARE(ready.keys(), QStringList({QStringLiteral("new"), QStringLiteral("old")}));
    QVERIFY(line.startsWith("{\"old\":"));
    for (const QString &instance : {QStringLiteral("old"), QStringLiteral("new")}) {
        const QJsonObject e = ready.value(instance).toObject();
        QCOMPARE(e.keys(), QStringList({QStringLiteral("apiKey"), QStringLiteral("operatorApiKey"),
                                        QStringLiteral("readOnlyApiKey"), QStringLiteral("thumbprint"),
                                        QStringLiteral("url")}));
        // The documented order: url, apiKey, readOnlyApiKey, operatorApiKey, thumbprint.
        QVERIFY(line.indexOf("\"readOnlyApiKey\"") < line.indexOf("\"operatorApiKey\""));
        QVERIFY(line.indexOf("\"operatorApiKey\"") < line.indexOf("\"thumbprint\""));
        QVERIFY(e.value(QLatin1String("apiKey")).toString().startsWith(QLatin1String("API-")));
        QCOMPARE(e.value(QLatin1String("thumbprint")).isNull(), !tls);
        const QUrl url(e.value(QLatin1String("url")).toString());
        QCOMPARE(url.scheme(), tls ? QStringLiteral("https") : QStringLiteral("http"));
        OctoSimTestClient client;
        if (tls)
            client.pin(e.value(QLatin1String("thumbprint")).toString());
        QCOMPARE(client
                     .get(at(url, QStringLiteral("/api/Spaces-1/machines?take=1")),
                          e.value(QLatin1String("apiKey")).toString(), KeyIn::Query)
                     .status,
                 200);
    }
    ::kill(pid_t(process.processId()), signal);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    const QByteArray rest = process.readAllStandardOutput();
    QVERIFY2(rest.isEmpty(), "exactly one line on stdout");
    const QByteArray log = process.readAllStandardError();
    const QString apiKey =
        ready.value(QLatin1String("old")).toObject().value(QLatin1String("apiKey")).toString();
    QVERIFY2(!log.contains(apiKey.toLatin1()), "keys never reach the log");
    if (arguments.contains(QLatin1String("--verbose")))
        QVERIFY2(log.contains("GET /api/Spaces-1/machines?take=1&apikey=*** 200"), log.constData());
}

void TestOctoSimHttp::executableRejectsBadFlagsWithUsage_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::newRow("unknown flag") << QStringList{QStringLiteral("--bogus")};
    QTest::newRow("bad scale") << QStringList{QStringLiteral("--scale"), QStringLiteral("huge")};
    QTest::newRow("bad fault") << QStringList{QStringLiteral("--fault"), QStringLiteral("old:x=explode")};
    QTest::newRow("bad maintenance status")
        << QStringList{QStringLiteral("--maintenance-status"), QStringLiteral("500")};
    QTest::newRow("missing value") << QStringList{QStringLiteral("--old-port")};
}

void TestOctoSimHttp::executableRejectsBadFlagsWithUsage()
{
    QFETCH(QStringList, arguments);
    QProcess process;
    process.start(octosimPath(), arguments);
    QVERIFY(process.waitForFinished(10000));
    QCOMPARE(process.exitCode(), 2);
    QVERIFY(process.readAllStandardError().contains("usage: octosim"));
    QVERIFY(process.readAllStandardOutput().isEmpty());
}

void TestOctoSimHttp::largeScaleGeneratesQuicklyAndServesDeepPages()
{
    Options options;
    options.scale = Scale::Large;
    auto server = startServer(options);
    qInfo("--scale large generated in %lld ms", server->generationMsecs());
    const InstanceEndpoint instance = server->newInstance();
    const QJsonObject counts =
        m_client.get(at(instance.url, QStringLiteral("/api/serverstatus/counts")), instance.apiKey).object();
    const QJsonObject infrastructure = counts.value(QLatin1String("Infrastructure")).toObject();
    QCOMPARE(infrastructure.value(QLatin1String("DeploymentTargets")).toInteger() +
                 infrastructure.value(QLatin1String("Workers")).toInteger(),
             10000);
    QCOMPARE(counts.value(QLatin1String("Global")).toObject().value(QLatin1String("Spaces")).toInteger(), 40);
    QCOMPARE(counts.value(QLatin1String("Project")).toObject().value(QLatin1String("Projects")).toInteger(),
             3000);
    const auto deep =
        m_client.get(at(instance.url, QStringLiteral("/api/events?skip=199000&take=30")), instance.apiKey);
    QCOMPARE(deep.status, 200);
    QCOMPARE(deep.object().value(QLatin1String("TotalResults")).toInteger(), 200000);
    QCOMPARE(deep.object().value(QLatin1String("Items")).toArray().size(), 30);
    const auto polling = m_client.get(
        at(instance.url, QStringLiteral("/api/Spaces-40/machines?commStyles=TentacleActive&take=0")),
        instance.apiKey);
    const auto all =
        m_client.get(at(instance.url, QStringLiteral("/api/Spaces-40/machines?take=0")), instance.apiKey);
    const double share = double(polling.object().value(QLatin1String("TotalResults")).toInteger()) /
                         double(all.object().value(QLatin1String("TotalResults")).toInteger());
    QVERIFY2(share > 0.2 && share < 0.4, qPrintable(QString::number(share)));
    qint64 buildInformation = 0;
    for (int space = 1; space <= 40; ++space)
        buildInformation +=
            m_client
                .get(at(instance.url, QStringLiteral("/api/Spaces-%1/build-information?take=0").arg(space)),
                     instance.apiKey)
                .object()
                .value(QLatin1String("TotalResults"))
                .toInteger();
    QCOMPARE(buildInformation, 50000);
}

namespace {

// gzip or zlib ("deflate") stream to bytes; empty when it is neither.
QByteArray inflateAny(const QByteArray &data)
{
    z_stream stream = {};
    if (inflateInit2(&stream, 15 + 32) != Z_OK) // 32: detect the gzip or zlib header
        return {};
    QByteArray out;
    char buffer[64 * 1024];
    stream.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(data.constData()));
    stream.avail_in = uInt(data.size());
    int result = Z_OK;
    while (result == Z_OK) {
        stream.next_out = reinterpret_cast<Bytef *>(buffer);
        stream.avail_out = sizeof buffer;
        result = inflate(&stream, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - stream.avail_out));
    }
    inflateEnd(&stream);
    return result == Z_STREAM_END ? out : QByteArray();
}

} // namespace

void TestOctoSimHttp::answersAreCompressedWhenAsked_data()
{
    QTest::addColumn<QByteArray>("acceptEncoding");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QByteArray>("expected"); // Content-Encoding, empty for none
    const QString page = QStringLiteral("/api/Spaces-1/machines?take=100");
    QTest::newRow("gzip") << QByteArray("gzip") << page << QByteArray("gzip");
    QTest::newRow("curl's list") << QByteArray("deflate, gzip, br, zstd") << page << QByteArray("gzip");
    QTest::newRow("deflate") << QByteArray("deflate") << page << QByteArray("deflate");
    QTest::newRow("gzip refused") << QByteArray("gzip;q=0, deflate") << page << QByteArray("deflate");
    QTest::newRow("identity") << QByteArray("identity") << page << QByteArray();
    QTest::newRow("brotli only") << QByteArray("br") << page << QByteArray();
    QTest::newRow("small answer") << QByteArray("gzip") << QStringLiteral("/api/serverstatus/health")
                                  << QByteArray();
}

void TestOctoSimHttp::answersAreCompressedWhenAsked()
{
    QFETCH(QByteArray, acceptEncoding);
    QFETCH(QString, path);
    QFETCH(QByteArray, expected);
    const auto plain = m_client.get(at(m_old.url, path), m_old.apiKey);
    QCOMPARE(plain.status, 200);
    OctoSimTestClient raw;
    raw.setAcceptEncoding(acceptEncoding);
    const auto stats = [&] {
        return m_client.get(at(m_old.url, QStringLiteral("/octosim/stats")), m_old.apiKey).object();
    };
    const QJsonObject before = stats();
    const auto response = raw.get(at(m_old.url, path), m_old.apiKey);
    QCOMPARE(response.status, 200);
    QCOMPARE(response.headers.value("content-encoding"), expected);
    QCOMPARE(response.headers.value("vary"), QByteArray("Accept-Encoding"));
    const QByteArray decoded = expected.isEmpty() ? response.body : inflateAny(response.body);
    QCOMPARE(decoded, plain.body);
    // The stats count what went on the wire: the compressed body, plus the head.
    const QJsonObject after = stats();
    const qint64 sent = after.value(QLatin1String("BytesSent")).toInteger() -
                        before.value(QLatin1String("BytesSent")).toInteger();
    QVERIFY2(sent > response.body.size() && sent < response.body.size() + 1024,
             qPrintable(QString::number(sent)));
    QCOMPARE(after.value(QLatin1String("CompressedResponses")).toInteger() -
                 before.value(QLatin1String("CompressedResponses")).toInteger(),
             expected.isEmpty() ? 0 : 1);
    if (!expected.isEmpty())
        QVERIFY(response.body.size() * 3 < plain.body.size());
}

QTEST_GUILESS_MAIN(TestOctoSimHttp)
#include "tst_octosim_http.moc"
