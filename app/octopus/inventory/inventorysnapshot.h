#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QMetaType>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <optional>

// One server's inventory as plain values: only what later pages need. Core-friendly (no JSON documents).
struct InventorySpace
{
    QString id;
    QString name;
    bool isDefault = false;
};

// A deployment target or a worker.
struct InventoryMachine
{
    QString id;
    QString name;
    QString spaceId;
    bool isWorker = false;
    bool isDisabled = false;
    QString healthStatus;
    QString communicationStyle; // TentacleActive = polling, TentaclePassive = listening, Ssh, ...
    QString uri;                // poll://.../ or https://host:10933/
    QString thumbprint;
    QString tentacleVersion;
    bool upgradeSuggested = false;
    bool upgradeRequired = false;
    bool upgradeLocked = false;
    QStringList environmentIds;
    QStringList roles;
    QStringList tenantIds;
    QStringList workerPoolIds;
    QString operatingSystem;
    QString shellName;
    // Kubernetes agents (CommunicationStyle KubernetesTentacle): Endpoint.TentacleEndpointConfiguration
    // .CommunicationMode and Endpoint.KubernetesAgentDetails (tentacleVersion is its TentacleVersion).
    QString communicationMode;
    QString agentVersion;
    QString helmReleaseName;
    QString kubernetesNamespace;
    QString tenantedDeploymentParticipation;
    QStringList tenantTags;
    QString machinePolicyId;
};

struct InventoryNamed // environments, projects, tenants
{
    QString id;
    QString name;
    QString spaceId;
    bool isDisabled = false;
};

struct InventoryBuildInformation
{
    QString id;
    QString spaceId;
    QString packageId;
    QString version;
    QString buildEnvironment;
    QString buildNumber;
    QString buildUrl;
    QString vcsRoot;
    QDateTime created;
    QString lastModifiedBy;
};

// Metadata only: the key itself is never returned by the server, and not even its hint is kept here.
struct InventoryApiKey
{
    QString id;
    QString purpose;
    QDateTime created;
    QDateTime expires;
    QDateTime lastUsed; // invalid: never used, or not known (see lastUsedKnown)
    // LastUsedTimeStamp is a recent field: older servers do not send it, and IsLastUsedTimestampKnown is
    // false for keys that predate the tracking. Then nobody knows when it was last used; it is not "never".
    bool lastUsedKnown = false;
    QString accessLevel;
};

struct InventoryUser
{
    QString id;
    QString username;
    QString displayName;
    bool isService = false;
    bool isActive = true;
    // Standard or Agent; empty when the server does not send ServiceAccountType (older servers): unknown.
    QString serviceAccountType;
    bool serviceAccountTypeKnown = false;
    QList<InventoryApiKey> apiKeys;
    bool apiKeysKnown = false;
};

struct InventoryEventAgent
{
    QString id;
    QString name;
};

// What the API key could not read because the server answered 403: one entry per missing permission and
// kind of data, however many calls it refused. The key's reach, not a failure of the inventory.
struct InventoryPermissionGap
{
    enum class Hidden
    {
        Spaces,      // GET /api/spaces: nothing space-scoped can be read
        UserApiKeys, // GET /api/users/{id}/apikeys of other users
        Collection,  // any other collection (`path` names the first one refused)
    };
    Hidden hidden = Hidden::Collection;
    QString
        permission; // as the server's 403 names it ("Missing permission: UserView"); empty when it does not
    int count = 0;  // calls refused (for UserApiKeys: users whose key metadata is hidden)
    ApiError first; // the first refusal, for the server, the call and the message

    // One line for people, e.g. "The API key of http://… lacks UserView: API-key metadata of 268 users is
    // hidden (GET /api/users/Users-12/apikeys answered 403)."
    QString describe() const;
};

struct InventorySnapshot
{
    QUrl server;
    std::optional<ServerRole> role;
    QString version;
    QString installationId;
    QDateTime startedAt;
    QDateTime takenAt; // when the last answer arrived
    QList<InventorySpace> spaces;
    QList<InventoryMachine> targets;
    QList<InventoryMachine> workers;
    QList<InventoryNamed> environments;
    QList<InventoryNamed> projects;
    QList<InventoryNamed> tenants;
    QList<InventoryBuildInformation> buildInformation;
    QList<InventoryUser> users;
    QList<InventoryEventAgent> eventAgents;
    QMap<QString, qint64> serverCounts; // /api/serverstatus/counts flattened, e.g. "Infrastructure.Workers"
    QList<ApiError> errors;             // collections that could not be read (the rest is still here)
    QList<InventoryPermissionGap> permissionGaps; // 403s, summarised per permission (not in errors)
    int requests = 0;

    // Everything was read. A permission gap on /api/spaces leaves nothing to read, so it counts as
    // incomplete; the other gaps are the key's reach, reported but not failures.
    bool isComplete() const;
    bool cannotListSpaces() const;
    // Counts of what was read, keyed by collection name ("spaces", "targets", ...).
    QMap<QString, qint64> counts() const;
    QJsonObject toJson() const;
};

// Plain aggregates of implicitly shared Qt values: safe to move in memory, which lets QList grow them with
// realloc instead of moving each member.
Q_DECLARE_TYPEINFO(InventorySpace, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(InventoryMachine, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(InventoryNamed, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(InventoryBuildInformation, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(InventoryApiKey, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(InventoryUser, Q_RELOCATABLE_TYPE);
Q_DECLARE_TYPEINFO(InventoryEventAgent, Q_RELOCATABLE_TYPE);

Q_DECLARE_METATYPE(InventorySpace)
Q_DECLARE_METATYPE(InventoryMachine)
Q_DECLARE_METATYPE(InventoryNamed)
Q_DECLARE_METATYPE(InventoryBuildInformation)
Q_DECLARE_METATYPE(InventoryApiKey)
Q_DECLARE_METATYPE(InventoryUser)
Q_DECLARE_METATYPE(InventoryEventAgent)
Q_DECLARE_METATYPE(InventorySnapshot)
