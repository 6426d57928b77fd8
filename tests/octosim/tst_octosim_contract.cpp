// Contract test: every kind of response octosim serves is checked against the Octopus Server Swagger
// 2021.2 document as the API facts keep it (resources/api: field names and JSON types, required fields).
// Properties the schema does not declare fail, unless the reference documents them as newer than 2021 or
// as subtype fields the 2021 Swagger cannot express: those are listed in kDocumentedExtras with the
// reference section for each.
#include "apifacts.h"
#include "octosimserver.h"
#include "octosimtestclient.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>
#include <QTest>
#include <QUuid>

#include <memory>

using namespace octosim;
using KeyIn = OctoSimTestClient::KeyIn;

namespace {

// Definition name -> fields allowed beyond the 2021 schema, with where shared/reference/octopus-api.md
// documents them.
const QHash<QString, QHash<QString, QString>> &documentedExtras()
{
    static const QHash<QString, QHash<QString, QString>> extras = [] {
        QHash<QString, QHash<QString, QString>> e;
        const QString endpoint = QStringLiteral("§4 Endpoint object: polymorphic by CommunicationStyle; §12: "
                                                "the swaggers model only the base EndpointResource");
        for (const char *field : {"Uri",
                                  "Thumbprint",
                                  "TentacleVersionDetails",
                                  "CertificateSignatureAlgorithm",
                                  "ProxyId",
                                  "Host",
                                  "Port",
                                  "Fingerprint",
                                  "AccountId",
                                  "DotNetCorePlatform",
                                  "ResourceGroupName",
                                  "WebAppName",
                                  "WebAppSlotName",
                                  "DefaultWorkerPoolId",
                                  "ClusterUrl",
                                  "Namespace",
                                  "Authentication",
                                  "ClusterCertificate",
                                  "SkipTlsVerification",
                                  "Container",
                                  "Destination",
                                  "ApplicationsDirectory",
                                  "OctopusWorkingDirectory",
                                  "SensitiveVariablesEncryptionPassword"})
            e[QStringLiteral("EndpointResource")].insert(QLatin1String(field), endpoint);
        // Config-as-code projects: the 2021 Swagger models only the base PersistenceSettingsResource.
        for (const char *field : {"Url", "DefaultBranch", "BasePath", "Credentials"})
            e[QStringLiteral("PersistenceSettingsResource")].insert(
                QLatin1String(field),
                QStringLiteral("§ Projects: PersistenceSettings{Type: Database|VersionControlled, "
                               "Url, DefaultBranch, BasePath, Credentials}"));
        // Kubernetes agents (Octopus 2024.1 and later, newer than the 2021 Swagger).
        const QString agent =
            QStringLiteral("§4 Kubernetes agent (KubernetesTentacle): GO kubernetes_tentacle_endpoint.go, "
                           "OctopusClients KubernetesTentacleEndpointResource");
        for (const char *field :
             {"TentacleEndpointConfiguration", "KubernetesAgentDetails", "UpgradeLocked", "DefaultNamespace"})
            e[QStringLiteral("EndpointResource")].insert(QLatin1String(field), agent);
        for (const char *def : {"DeploymentTargetResource", "WorkerResource"}) {
            e[QLatin1String(def)].insert(QStringLiteral("Slug"),
                                         QStringLiteral("§4 common fields (DOCS-API): Id, Name, Slug, ..."));
            e[QLatin1String(def)].insert(QStringLiteral("SkipInitialHealthCheck"),
                                         QStringLiteral("§4 common fields (DOCS-API)"));
        }
        for (const char *field :
             {"LastUsedTimeStamp", "IsLastUsedTimestampKnown", "AccessLevel", "ActorType"})
            e[QStringLiteral("ApiKeyResource")].insert(
                QLatin1String(field),
                QStringLiteral("§7 API keys: recent additions, absent from SWAGGER-2021"));
        e[QStringLiteral("EventResource")].insert(
            QStringLiteral("IpAddress"), QStringLiteral("§8 EventResource fields (DOCS-API, FIXTURE-2023)"));
        e[QStringLiteral("UserResource")].insert(QStringLiteral("Created"),
                                                 QStringLiteral("§7 UserResource (DOCS-API users.md)"));
        e[QStringLiteral("SpaceResource")].insert(QStringLiteral("Slug"),
                                                  QStringLiteral("§3 SpaceResource: Slug?"));
        for (const char *field :
             {"FeedUri", "Username", "Password", "IsBuiltInRepoSyncEnabled",
              "DeletePackagesAssociatedWithReleases", "DeleteUnreleasedPackagesAfterDays"})
            e[QStringLiteral("FeedResource")].insert(
                QLatin1String(field),
                QStringLiteral("§8 Feeds: plus type-specific fields (FeedUri, credentials, ...)"));
        const QString trigger = QStringLiteral("polymorphic subtype fields; the 2021 Swagger models only the "
                                               "base, the same limitation §12 records for EndpointResource");
        for (const char *field : {"StartTime", "Timezone", "DaysOfWeek", "EnvironmentIds", "Roles",
                                  "EventGroups", "EventCategories"})
            e[QStringLiteral("TriggerFilterResource")].insert(QLatin1String(field), trigger);
        for (const char *field : {"SourceEnvironmentIds", "DestinationEnvironmentId", "ShouldRedeploy",
                                  "ShouldRedeployWhenMachineHasBeenDeployedTo"})
            e[QStringLiteral("TriggerActionResource")].insert(QLatin1String(field), trigger);
        return e;
    }();
    return extras;
}

// Responses the 2021 Swagger leaves untyped, described from the reference (§1, §8) in Swagger form.
const char *kLocalDefinitions = R"({
  "Local.ServerStatusResource": {"type": "object", "required": ["IsInMaintenanceMode"], "properties": {
    "Id": {"type": "string"}, "IsDatabaseEncrypted": {"type": "boolean"}, "IsInMaintenanceMode": {"type": "boolean"},
    "IsMajorMinorUpgrade": {"type": "boolean"}, "IsPotentialClone": {"type": "boolean"}, "IsUpgradeAvailable": {"type": "boolean"},
    "MaintenanceExpires": {"type": "string", "format": "date-time"}, "MaximumAvailableVersion": {"type": "string"},
    "MaximumAvailableVersionCoveredByLicense": {"type": "string"}, "LastModifiedBy": {"type": "string"},
    "LastModifiedOn": {"type": "string", "format": "date-time"}, "Links": {"type": "object", "additionalProperties": {"type": "string"}}}},
  "Local.Counts": {"type": "object", "required": ["Global", "Infrastructure", "Library", "Project"], "properties": {
    "Global": {"type": "object", "properties": {"Spaces": {"type": "integer"}, "Teams": {"type": "integer"}, "Users": {"type": "integer"}}},
    "Infrastructure": {"type": "object", "properties": {"DeploymentTargets": {"type": "integer"}, "Environments": {"type": "integer"},
       "Tenants": {"type": "integer"}, "WorkerPools": {"type": "integer"}, "Workers": {"type": "integer"}}},
    "Library": {"type": "object", "properties": {"Certificates": {"type": "integer"}, "Packages": {"type": "integer"}, "VariableSets": {"type": "integer"}}},
    "Project": {"type": "object", "properties": {"Deployments": {"type": "integer"}, "Projects": {"type": "integer"}, "Releases": {"type": "integer"},
       "RunbookRuns": {"type": "integer"}, "Runbooks": {"type": "integer"}}}}},
  "Local.SystemInfo": {"type": "object", "properties": {"Id": {"type": "string"}, "Version": {"type": "string"}, "OSVersion": {"type": "string"},
    "ClrVersion": {"type": "string"}, "Uptime": {"type": "string"}, "WorkingSetBytes": {"type": "integer"}, "ThreadCount": {"type": "integer"},
    "MinThreadPoolCount": {"type": "integer"}, "Links": {"type": "object", "additionalProperties": {"type": "string"}}}},
  "Local.NodeSummary": {"type": "object", "properties": {"Nodes": {"type": "array", "items": {"type": "object", "properties": {
      "Id": {"type": "string"}, "Name": {"type": "string"}, "MaxConcurrentTasks": {"type": "integer"}, "IsInMaintenanceMode": {"type": "boolean"},
      "LastSeen": {"type": "string", "format": "date-time"}, "IsOffline": {"type": "boolean"}, "RunningTaskCount": {"type": "integer"},
      "Links": {"type": "object", "additionalProperties": {"type": "string"}}}}},
    "IsInMaintenanceMode": {"type": "boolean"}, "Links": {"type": "object", "additionalProperties": {"type": "string"}}}},
  "Local.EventResourceCollection": {"type": "object", "required": ["Items", "TotalResults", "ItemsPerPage"], "properties": {
    "Id": {"type": "string"}, "ItemType": {"type": "string"}, "TotalResults": {"type": "integer"}, "ItemsPerPage": {"type": "integer"},
    "NumberOfPages": {"type": "integer"}, "LastPageNumber": {"type": "integer"},
    "Items": {"type": "array", "items": {"$ref": "#/definitions/EventResource"}},
    "Links": {"type": "object", "additionalProperties": {"type": "string"}}}},
  "Local.EventAgents": {"type": "array", "items": {"$ref": "#/definitions/EventAgentResource"}}
})";

} // namespace

class TestOctoSimContract : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void responsesMatchTheSwaggerSchemas_data();
    void responsesMatchTheSwaggerSchemas();
    void collectionsAlwaysCarryThePagingFields();

private:
    QJsonObject schemaFor(const QString &swaggerPath, const QByteArray &method, int status,
                          const QString &local) const;
    void validate(const QJsonValue &value, const QJsonObject &schema, const QString &where,
                  const QString &definition, QStringList *errors, int *checked) const;

    QJsonObject m_definitions;
    QJsonObject m_paths;
    std::unique_ptr<OctoSimServer> m_server;
    InstanceEndpoint m_old;
    InstanceEndpoint m_new;
    OctoSimTestClient m_client;
    QString m_taskId;
    QString m_apiKeyId;
};

void TestOctoSimContract::initTestCase()
{
    const QJsonObject swagger = apiFactsDocument(QLatin1String("2021.2"));
    QVERIFY2(!swagger.isEmpty(), HANDOVER_API_FACTS_JSON);
    QCOMPARE(swagger.value(QLatin1String("basePath")).toString(), QStringLiteral("/api"));
    m_paths = swagger.value(QLatin1String("paths")).toObject();
    m_definitions = swagger.value(QLatin1String("definitions")).toObject();
    const QJsonObject local = QJsonDocument::fromJson(kLocalDefinitions).object();
    QVERIFY(!local.isEmpty());
    for (auto it = local.begin(); it != local.end(); ++it)
        m_definitions.insert(it.key(), it.value());

    Options options;
    options.seed = 3;
    m_server = std::make_unique<OctoSimServer>(options);
    QString error;
    QVERIFY2(m_server->start(&error), qPrintable(error));
    m_old = m_server->oldInstance();
    m_new = m_server->newInstance();
    m_server->driftOldInstance(20); // drift-made documents are checked too
    const auto task = m_client.send(
        "POST", at(m_old.url, QStringLiteral("/api/Spaces-1/tasks")), m_old.apiKey, KeyIn::Header,
        R"({"Name":"Health","Description":"Check","SpaceId":"Spaces-1","Arguments":{}})");
    QCOMPARE(task.status, 201);
    m_taskId = task.object().value(QLatin1String("Id")).toString();
    const auto keys = m_client.get(at(m_old.url, QStringLiteral("/api/users/Users-1/apikeys")), m_old.apiKey);
    m_apiKeyId = keys.object()
                     .value(QLatin1String("Items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QLatin1String("Id"))
                     .toString();
    QVERIFY(!m_apiKeyId.isEmpty());
}

QJsonObject TestOctoSimContract::schemaFor(const QString &swaggerPath, const QByteArray &method, int status,
                                           const QString &local) const
{
    if (!local.isEmpty())
        return QJsonObject{{QStringLiteral("$ref"), QStringLiteral("#/definitions/") + local}};
    const QJsonObject operation =
        m_paths.value(swaggerPath).toObject().value(QString::fromLatin1(method.toLower())).toObject();
    return operation.value(QLatin1String("responses"))
        .toObject()
        .value(QString::number(status))
        .toObject()
        .value(QLatin1String("schema"))
        .toObject();
}

void TestOctoSimContract::validate(const QJsonValue &value, const QJsonObject &schema, const QString &where,
                                   const QString &definition, QStringList *errors, int *checked) const
{
    if (schema.contains(QLatin1String("$ref"))) {
        const QString name = schema.value(QLatin1String("$ref")).toString().section(QLatin1Char('/'), -1);
        if (!m_definitions.contains(name)) {
            errors->append(where + QStringLiteral(": unknown definition ") + name);
            return;
        }
        validate(value, m_definitions.value(name).toObject(), where, name, errors, checked);
        return;
    }
    ++*checked;
    // Swagger 2.0 cannot say "nullable"; the server writes null for absent values of any type.
    if (value.isNull())
        return;
    // PropertyValueResource: the server writes non-sensitive values as plain strings and sensitive ones
    // as {IsSensitive, SensitiveValue}; the schema describes only the object form.
    if (definition == QLatin1String("PropertyValueResource") && value.isString())
        return;
    // VariableType: the 2021 Swagger describes the type wrapper {Value}; the JSON carries its string value
    // ("String", "Sensitive", ...).
    if (definition == QLatin1String("VariableType") && value.isString())
        return;
    QString type = schema.value(QLatin1String("type")).toString();
    if (type.isEmpty() && schema.contains(QLatin1String("properties")))
        type = QStringLiteral("object");
    if (schema.contains(QLatin1String("enum"))) {
        // KubernetesTentacle = 11 came with the Kubernetes agent, after the 2021 Swagger (reference §4;
        // OctopusClients CommunicationStyle.cs).
        if (definition == QLatin1String("CommunicationStyle") && value == QLatin1String("KubernetesTentacle"))
            return;
        if (!schema.value(QLatin1String("enum")).toArray().contains(value))
            errors->append(QStringLiteral("%1: %2 is not one of %3's values")
                               .arg(where, value.toVariant().toString(), definition));
        return;
    }
    if (type == QLatin1String("string")) {
        if (!value.isString()) {
            errors->append(where + QStringLiteral(": expected a string"));
            return;
        }
        const QString format = schema.value(QLatin1String("format")).toString();
        if (format == QLatin1String("date-time") &&
            !QDateTime::fromString(value.toString(), Qt::ISODateWithMs).isValid())
            errors->append(where + QStringLiteral(": not an ISO-8601 date-time: ") + value.toString());
        if (format == QLatin1String("uuid") && QUuid::fromString(value.toString()).isNull())
            errors->append(where + QStringLiteral(": not a uuid: ") + value.toString());
    } else if (type == QLatin1String("integer")) {
        if (!value.isDouble() || value.toDouble() != double(value.toInteger()))
            errors->append(where + QStringLiteral(": expected an integer"));
    } else if (type == QLatin1String("number")) {
        if (!value.isDouble())
            errors->append(where + QStringLiteral(": expected a number"));
    } else if (type == QLatin1String("boolean")) {
        if (!value.isBool())
            errors->append(where + QStringLiteral(": expected a boolean"));
    } else if (type == QLatin1String("array")) {
        if (!value.isArray()) {
            errors->append(where + QStringLiteral(": expected an array"));
            return;
        }
        const QJsonArray array = value.toArray();
        const QJsonObject items = schema.value(QLatin1String("items")).toObject();
        for (qsizetype i = 0; i < array.size(); ++i)
            validate(array.at(i), items, QStringLiteral("%1[%2]").arg(where).arg(i), definition, errors,
                     checked);
    } else if (type == QLatin1String("object")) {
        if (!value.isObject()) {
            errors->append(where + QStringLiteral(": expected an object"));
            return;
        }
        const QJsonObject object = value.toObject();
        const QJsonObject properties = schema.value(QLatin1String("properties")).toObject();
        if (schema.contains(QLatin1String("properties"))) {
            for (auto it = object.begin(); it != object.end(); ++it) {
                if (properties.contains(it.key()))
                    validate(it.value(), properties.value(it.key()).toObject(),
                             where + QLatin1Char('.') + it.key(), definition, errors, checked);
                else if (!documentedExtras().value(definition).contains(it.key()))
                    errors->append(
                        QStringLiteral("%1.%2: not declared by %3").arg(where, it.key(), definition));
            }
            for (const QJsonValue &required : schema.value(QLatin1String("required")).toArray()) {
                if (!object.contains(required.toString()))
                    errors->append(QStringLiteral("%1: required %2 missing").arg(where, required.toString()));
            }
        }
        if (schema.value(QLatin1String("additionalProperties")).isObject()) {
            const QJsonObject additional = schema.value(QLatin1String("additionalProperties")).toObject();
            for (auto it = object.begin(); it != object.end(); ++it)
                validate(it.value(), additional, where + QLatin1Char('.') + it.key(), definition, errors,
                         checked);
        }
    }
}

void TestOctoSimContract::responsesMatchTheSwaggerSchemas_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QString>("swaggerPath");
    QTest::addColumn<QString>("local");
    QTest::addColumn<QByteArray>("body");
    QTest::addColumn<QString>("key");
    QTest::addColumn<int>("status");

    auto get = [](const char *name, const char *path, const char *swaggerPath, const char *local = "") {
        QTest::newRow(name) << QByteArray("GET") << QString::fromLatin1(path)
                            << QString::fromLatin1(swaggerPath) << QString::fromLatin1(local) << QByteArray()
                            << QStringLiteral("admin") << 200;
    };
    get("root", "/api", "/");
    get("space root", "/api/Spaces-1", "", "SpaceRootResource");
    get("spaces", "/api/spaces", "/spaces");
    get("spaces all", "/api/spaces/all", "/spaces/all");
    get("space", "/api/spaces/Spaces-2", "/spaces/{id}");
    for (const char *c : {"machines",        "workers",
                          "environments",    "projects",
                          "tenants",         "libraryvariablesets",
                          "actiontemplates", "feeds",
                          "releases",        "deployments",
                          "runbooks",        "projecttriggers",
                          "subscriptions",   "build-information",
                          "projectgroups",   "lifecycles",
                          "channels",        "workerpools",
                          "machinepolicies", "deploymentprocesses",
                          "accounts",        "interruptions"}) {
        const QByteArray list = QByteArray("/api/Spaces-1/") + c + "?take=2147483647";
        QTest::newRow(QByteArray(c).constData())
            << QByteArray("GET") << QString::fromLatin1(list)
            << QStringLiteral("/{baseSpaceId}/") + QLatin1String(c) << QString() << QByteArray()
            << QStringLiteral("admin") << 200;
        const QString all = QStringLiteral("/{baseSpaceId}/") + QLatin1String(c) + QStringLiteral("/all");
        if (m_paths.contains(all))
            QTest::newRow((QByteArray(c) + " all").constData())
                << QByteArray("GET") << QStringLiteral("/api/Spaces-2/%1/all").arg(QLatin1String(c)) << all
                << QString() << QByteArray() << QStringLiteral("admin") << 200;
    }
    get("legacy machines", "/api/machines?take=3", "/machines");
    get("other space machines", "/api/spaces/Spaces-3/machines/all", "/{baseSpaceId}/machines/all");
    get("machine", "/api/Spaces-1/machines/Machines-1", "/{baseSpaceId}/machines/{id}");
    get("machine connection", "/api/Spaces-1/machines/Machines-1/connection",
        "/{baseSpaceId}/machines/{id}/connection");
    get("worker", "/api/Spaces-1/workers/Workers-1", "/{baseSpaceId}/workers/{id}");
    get("project process", "/api/Spaces-1/projects/Projects-1/deploymentprocesses",
        "/{baseSpaceId}/projects/{projectId}/deploymentprocesses");
    get("project releases", "/api/Spaces-1/projects/Projects-1/releases",
        "/{baseSpaceId}/projects/{projectId}/releases");
    get("project channels", "/api/Spaces-1/projects/Projects-1/channels",
        "/{baseSpaceId}/projects/{projectId}/channels");
    get("project runbooks", "/api/Spaces-1/projects/Projects-2/runbooks",
        "/{baseSpaceId}/projects/{projectId}/runbooks");
    get("runbook process", "/api/Spaces-1/runbookProcesses/RunbookProcess-Runbooks-1",
        "/{baseSpaceId}/runbookProcesses/{id}");
    get("script module variables", "/api/Spaces-1/variables/variableset-LibraryVariableSets-5",
        "/{baseSpaceId}/variables/{id}");
    get("project triggers", "/api/Spaces-1/projects/Projects-3/triggers",
        "/{baseSpaceId}/projects/{projectId}/triggers");
    get("build information item", "/api/Spaces-1/build-information/BuildInformation-1",
        "/{baseSpaceId}/build-information/{id}");
    get("dashboard", "/api/Spaces-1/dashboard", "/{baseSpaceId}/dashboard");
    get("project variables", "/api/Spaces-1/variables/variableset-Projects-1",
        "/{baseSpaceId}/variables/{id}");
    get("library variables", "/api/Spaces-1/variables/variableset-LibraryVariableSets-1",
        "/{baseSpaceId}/variables/{id}");
    get("events", "/api/events?take=300", "", "Local.EventResourceCollection");
    get("space events", "/api/Spaces-2/events?take=300", "", "Local.EventResourceCollection");
    get("event", "/api/events/Events-1", "/events/{id}");
    get("event agents", "/api/events/agents", "/events/agents");
    get("space event agents", "/api/Spaces-1/events/agents", "/{baseSpaceId}/events/agents");
    get("event categories", "/api/events/categories", "/events/categories");
    get("event groups", "/api/events/groups", "/events/groups");
    get("event document types", "/api/events/documenttypes", "/events/documenttypes");
    get("tasks", "/api/tasks?take=100", "/tasks");
    get("active tasks", "/api/Spaces-1/tasks?active=true", "/{baseSpaceId}/tasks");
    get("task types", "/api/tasks/tasktypes", "/tasks/tasktypes");
    get("users", "/api/users?take=100", "/users");
    get("users all", "/api/users/all", "/users/all");
    get("user", "/api/users/Users-2", "/users/{id}");
    get("current user", "/api/users/me", "", "UserResource");
    get("api keys", "/api/users/Users-3/apikeys", "/users/{userId}/apikeys");
    get("server status", "/api/serverstatus", "", "Local.ServerStatusResource");
    get("health", "/api/serverstatus/health", "/serverstatus/health");
    get("counts", "/api/serverstatus/counts", "", "Local.Counts");
    get("system info", "/api/serverstatus/system-info", "", "Local.SystemInfo");
    get("maintenance", "/api/maintenanceconfiguration", "/maintenanceconfiguration");
    get("server configuration", "/api/serverconfiguration", "/serverconfiguration");
    get("certificate-global", "/api/configuration/certificates/certificate-global",
        "/configuration/certificates/{id}");
    get("certificate-global legacy", "/api/certificates/certificate-global",
        "/certificates/certificate-global");
    get("certificate configurations", "/api/configuration/certificates", "/configuration/certificates");
    get("nodes", "/api/octopusservernodes", "/octopusservernodes");
    get("nodes all", "/api/octopusservernodes/all", "/octopusservernodes/all");
    get("node", "/api/octopusservernodes/OctopusServerNodes-OCTO-PROD-01", "/octopusservernodes/{id}");
    get("clone node", "/api/octopusservernodes/OctopusServerNodes-OCTO-NEW-01", "/octopusservernodes/{id}");
    get("node summary", "/api/octopusservernodes/summary", "", "Local.NodeSummary");
    get("node ping", "/api/octopusservernodes/ping", "", "OctopusServerNodeResource");

    QTest::newRow("task") << QByteArray("GET") << QStringLiteral("TASK") << QStringLiteral("/tasks/{id}")
                          << QString() << QByteArray() << QStringLiteral("admin") << 200;
    QTest::newRow("api key") << QByteArray("GET") << QStringLiteral("APIKEY")
                             << QStringLiteral("/users/{userId}/apikeys/{id}") << QString() << QByteArray()
                             << QStringLiteral("admin") << 200;
    QTest::newRow("create task")
        << QByteArray("POST") << QStringLiteral("/api/Spaces-1/tasks")
        << QStringLiteral("/{baseSpaceId}/tasks") << QString()
        << QByteArray(
               R"({"Name":"Upgrade","Description":"Upgrade machines","SpaceId":"Spaces-1","Arguments":{"MachineIds":["Machines-2"]}})")
        << QStringLiteral("admin") << 201;
    QTest::newRow("create api key") << QByteArray("POST") << QStringLiteral("/api/users/Users-2/apikeys")
                                    << QStringLiteral("/users/{userId}/apikeys") << QString()
                                    << QByteArray(R"({"Purpose":"contract test"})") << QStringLiteral("admin")
                                    << 200;
    QTest::newRow("update machine") << QByteArray("PUT")
                                    << QStringLiteral("/api/Spaces-1/machines/Machines-3")
                                    << QStringLiteral("/{baseSpaceId}/machines/{id}") << QString()
                                    << QByteArray(R"({"IsDisabled":true})") << QStringLiteral("admin") << 200;
    QTest::newRow("create environment")
        << QByteArray("POST") << QStringLiteral("/api/Spaces-1/environments")
        << QStringLiteral("/{baseSpaceId}/environments") << QString()
        << QByteArray(
               R"({"Name":"Disaster Recovery","Description":"","SortOrder":9,"UseGuidedFailure":false})")
        << QStringLiteral("admin") << 201;
    QTest::newRow("update process") << QByteArray("PUT")
                                    << QStringLiteral("/api/Spaces-1/projects/Projects-4/deploymentprocesses")
                                    << QStringLiteral(
                                           "/{baseSpaceId}/projects/{projectId}/deploymentprocesses")
                                    << QString() << QByteArray(R"({"Steps":[]})") << QStringLiteral("admin")
                                    << 200;
    QTest::newRow("update variables")
        << QByteArray("PUT") << QStringLiteral("/api/Spaces-1/variables/variableset-Projects-5")
        << QStringLiteral("/{baseSpaceId}/variables/{id}") << QString()
        << QByteArray(
               R"({"Variables":[{"Id":"a","Name":"Greeting","Value":"Hello","Type":"String","IsSensitive":false,"Scope":{}}]})")
        << QStringLiteral("admin") << 200;
    QTest::newRow("maintenance on") << QByteArray("PUT") << QStringLiteral("/api/maintenanceconfiguration")
                                    << QStringLiteral("/maintenanceconfiguration") << QString()
                                    << QByteArray(R"({"IsInMaintenanceMode":false})")
                                    << QStringLiteral("admin") << 200;
    QTest::newRow("401 error") << QByteArray("GET") << QStringLiteral("/api/users") << QString()
                               << QStringLiteral("Error") << QByteArray() << QString() << 401;
    QTest::newRow("403 error") << QByteArray("PUT") << QStringLiteral("/api/maintenanceconfiguration")
                               << QString() << QStringLiteral("Error")
                               << QByteArray(R"({"IsInMaintenanceMode":true})") << QStringLiteral("readonly")
                               << 403;
    QTest::newRow("404 error") << QByteArray("GET")
                               << QStringLiteral("/api/Spaces-1/machines/Machines-999999")
                               << QStringLiteral("/{baseSpaceId}/machines/{id}") << QString() << QByteArray()
                               << QStringLiteral("admin") << 404;
}

void TestOctoSimContract::responsesMatchTheSwaggerSchemas()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QString, swaggerPath);
    QFETCH(QString, local);
    QFETCH(QByteArray, body);
    QFETCH(QString, key);
    QFETCH(int, status);

    if (path == QLatin1String("TASK"))
        path = QStringLiteral("/api/tasks/") + m_taskId;
    if (path == QLatin1String("APIKEY"))
        path = QStringLiteral("/api/users/Users-1/apikeys/") + m_apiKeyId;
    const QString actualKey = key == QLatin1String("admin")      ? m_old.apiKey
                              : key == QLatin1String("readonly") ? m_old.readOnlyApiKey
                                                                 : QString();
    if (!swaggerPath.isEmpty())
        QVERIFY2(m_paths.contains(swaggerPath), qPrintable(swaggerPath));
    const QJsonObject schema = schemaFor(swaggerPath, method, status, local);
    QVERIFY2(!schema.isEmpty(), qPrintable(QStringLiteral("no response schema for %1 %2 %3")
                                               .arg(QString::fromLatin1(method), swaggerPath)
                                               .arg(status)));
    // Reads are checked on the clone too (its polling Tentacles and node differ); writes on the old one.
    // Tasks queued and node names are per instance.
    const QString row = QString::fromLatin1(QTest::currentDataTag());
    QList<QUrl> instances = method == "GET" ? QList<QUrl>{m_old.url, m_new.url} : QList<QUrl>{m_old.url};
    if (row == QLatin1String("task") || row == QLatin1String("node"))
        instances = {m_old.url};
    if (row == QLatin1String("clone node"))
        instances = {m_new.url};
    for (const QUrl &instance : instances) {
        const auto response = m_client.send(method, at(instance, path), actualKey,
                                            actualKey.isEmpty() ? KeyIn::None : KeyIn::Header, body);
        QCOMPARE(response.status, status);
        QVERIFY2(!response.json.isNull(), response.body.left(300).constData());
        QVERIFY(response.headers.value("content-type").startsWith("application/json"));
        QStringList errors;
        int checked = 0;
        const QJsonValue value =
            response.json.isArray() ? QJsonValue(response.array()) : QJsonValue(response.object());
        validate(value, schema, QStringLiteral("$"), QString(), &errors, &checked);
        errors.removeDuplicates();
        QVERIFY2(errors.isEmpty(), qPrintable(errors.mid(0, 15).join(QLatin1Char('\n'))));
        QVERIFY(checked > 1);
    }
}

void TestOctoSimContract::collectionsAlwaysCarryThePagingFields()
{
    // The paging shape is the same for every collection, on both instances.
    for (const InstanceEndpoint &instance : {m_old, m_new}) {
        for (const QString &path : {QStringLiteral("/api/Spaces-1/machines"), QStringLiteral("/api/events"),
                                    QStringLiteral("/api/users"), QStringLiteral("/api/tasks"),
                                    QStringLiteral("/api/Spaces-2/build-information")}) {
            const QJsonObject page = m_client.get(at(instance.url, path), instance.apiKey).object();
            for (const char *field : {"ItemType", "TotalResults", "ItemsPerPage", "NumberOfPages",
                                      "LastPageNumber", "Items", "Links"})
                QVERIFY2(page.contains(QLatin1String(field)), field);
            QVERIFY(!page.value(QLatin1String("ItemType")).toString().isEmpty());
        }
    }
}

QTEST_GUILESS_MAIN(TestOctoSimContract)
#include "tst_octosim_contract.moc"
