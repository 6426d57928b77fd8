#pragma once

#include <QByteArray>
#include <QByteArrayList>
#include <QHash>
#include <QList>

#include <array>
#include <map>

namespace octosim {

// One stored resource: its compact JSON (serialised once, concatenated into pages) plus the few
// values the list filters need. The meaning of each facet depends on the collection:
//   machines, workers       0 thumbprint, 1 CommunicationStyle, 2 HealthStatus, 3 "true" when disabled
//   events                  0 Category, 1 UserId, 2 document type (prefix of the first related id),
//                           3 SpaceId, 4 UserAgent; time = Occurred
//   tasks                   0 State, 1 Name (task type), 2 SpaceId; time = QueueTime
//   users                   0 "true" for service accounts
//   apikeys                 0 UserId
//   build-information       0 PackageId
//   releases, runbooks, channels, projecttriggers, deploymentprocesses   0 ProjectId
//   deployments             0 ProjectId, 1 EnvironmentId
//   dashboarditems          0 ProjectId, 1 EnvironmentId
//   libraryvariablesets     0 ContentType
//   feeds                   0 FeedType
//   accounts                0 AccountType
struct Item
{
    QByteArray id;
    QByteArray name;
    QByteArray json;
    std::array<QByteArray, 5> facets;
    qint64 time = 0;
};

struct Collection
{
    QList<Item> items; // in the order the server lists them
};

// Who an API key belongs to. Keys are stored as SHA-256 hashes, like the real server, so a cloned
// database authenticates the same keys.
struct KeyOwner
{
    QByteArray userId;
    QByteArray username;
    bool isAdmin = false;
    bool isService = false;
    QByteArray apiKeyId;
    QByteArray purpose;
    bool readOnly = false; // view permissions only: every write answers 403
};

// The "database" of one instance. Copying a DataStore is cheap: every Qt container inside is
// implicitly shared, so the clone shares the old store's memory until one of them changes.
class DataStore
{
public:
    // Space-scoped collections are keyed "Spaces-1/machines"; server-wide ones "/users".
    static QByteArray key(QByteArrayView spaceId, QByteArrayView name);

    const Collection *find(QByteArrayView spaceId, QByteArrayView name) const;
    Collection &collection(QByteArrayView spaceId, QByteArrayView name); // creates and detaches
    qsizetype count(QByteArrayView spaceId, QByteArrayView name) const;
    qsizetype countAllSpaces(QByteArrayView name) const;

    const Item *item(QByteArrayView spaceId, QByteArrayView name, QByteArrayView id) const;
    Item *mutableItem(QByteArrayView spaceId, QByteArrayView name, QByteArrayView id);

    // Next numeric id for a prefix ("Machines" gives 1, 2, ...), shared by all spaces like the server.
    qint64 nextId(const QByteArray &prefix);

    void addKey(const QByteArray &plainKey, const KeyOwner &owner);
    const KeyOwner *keyOwner(QByteArrayView plainKey) const;
    // Revokes the key with this ApiKey resource id; returns whether one was found.
    bool revokeKey(QByteArrayView apiKeyId);

    QByteArrayList spaceIds;
    QByteArray defaultSpaceId;
    QByteArray installationId;
    QByteArray serverThumbprint; // certificate-global: the Octopus server certificate, not the TLS one
    QByteArray version;
    QByteArray nodeName;
    qint64 anchorMsecs = 0; // "now" of the generated history

private:
    // std::map keeps references to collections valid while others are added (a QHash would rehash).
    // Copying it copies the nodes; the item lists inside stay shared.
    std::map<QByteArray, Collection> m_collections;
    QHash<QByteArray, qint64> m_lastIds;
    QHash<QByteArray, KeyOwner> m_keysByHash;
};

} // namespace octosim
