#pragma once

#include "inventorysnapshot.h"
#include "pagedfetchjob.h"

#include <QHash>
#include <QObject>
#include <QPointer>

class OctopusClient;
class PagedFetchJob;
class ApiJob;

// Takes the inventory of one server: spaces, then per space (all at once) targets, workers, environments,
// projects, tenants and build information; globally users (with their API keys' metadata), event agents
// and the server's document counts (or only the parts asked for: setParts()). Items are digested into plain
// structs on the network thread.
// Reports pages done of total, is cancellable, finishes exactly once. A collection that cannot be read is
// recorded in InventorySnapshot::errors (404 on optional collections is ignored); unreachable, TLS and
// authentication failures end the job early.
class InventoryJob : public QObject
{
    Q_OBJECT
public:
    InventoryJob(OctopusClient *client, QObject *parent = nullptr);
    ~InventoryJob() override;

    enum class ApiKeyScope
    {
        None,
        ServiceAccounts,
        AllUsers
    };
    void setApiKeyScope(ApiKeyScope scope) { m_apiKeyScope = scope; }
    // What to read besides the spaces (always read): a combination of Part values, everything by default.
    enum Part : unsigned
    {
        ServerInfo = 1u << 0, // GET /api: version, installation id
        Targets = 1u << 1,
        Workers = 1u << 2,
        Environments = 1u << 3,
        Projects = 1u << 4,
        Tenants = 1u << 5,
        BuildInformation = 1u << 6,
        Users = 1u << 7, // with their API keys' metadata as setApiKeyScope() says
        EventAgents = 1u << 8,
        ServerCounts = 1u << 9,
        Everything = (1u << 10) - 1
    };
    void setParts(unsigned parts) { m_parts = parts; }
    void setPageSize(int take) { m_pageSize = take; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    void start();
    void cancel();
    bool isFinished() const { return m_finished; }
    const InventorySnapshot &snapshot() const { return m_snapshot; }
    int pagesDone() const;
    int pagesTotal() const;

Q_SIGNALS:
    void progress(int pagesDone, int pagesTotal);
    // The spaces are known (before their collections are asked for); not emitted when they cannot be read.
    void spacesRead(const QList<InventorySpace> &spaces);
    void finished(const InventorySnapshot &snapshot);

private:
    PagedFetchJob *fetch(const QString &path, PagedFetchJob::ItemTransform transform,
                         std::function<void(const QList<QVariant> &)> consume, bool optional = false);
    ApiJob *get(const QString &path, std::function<void(const QJsonDocument &)> consume,
                bool optional = false);
    void onSpaces();
    void onUsers();
    void recordError(const ApiError &error, bool optional);
    void reportProgress();
    void setProgress(QObject *job, int done, int total);
    void settle();
    void finish();

    QPointer<OctopusClient> m_client;
    InventorySnapshot m_snapshot;
    QHash<QObject *, QPair<int, int>> m_progress;
    QHash<QObject *, QPointer<QObject>> m_running; // by address: thousands run at once, removal is O(1)
    ApiKeyScope m_apiKeyScope = ApiKeyScope::AllUsers;
    unsigned m_parts = Everything;
    int m_pageSize = 1000;
    int m_outstanding = 0;
    int m_pagesDone = 0;
    int m_pagesTotal = 0;
    bool m_finished = false;
    bool m_autoDelete = true;
    bool m_fatal = false;
};
