#pragma once

#include "inventorysnapshot.h"
#include "migrationplan.h"

#include <QObject>
#include <QPointer>

#include <optional>

class DemoControls;
class InventoryJob;
class NetworkContext;
class OctopusClient;
class SessionCredentials;

// Both servers of this session as the pages use them: one OctopusClient per server, made from the plan's
// URL and the session's API key (remade when either changes), and the latest inventory snapshot of each.
// "Take inventory" runs both InventoryJobs at once with combined progress and can be cancelled.
class ServerSession : public QObject
{
    Q_OBJECT
public:
    // `network` (the application's network thread and parse pool, not owned) must outlive the session.
    ServerSession(MigrationPlan *plan, SessionCredentials *credentials, NetworkContext *network,
                  QObject *parent = nullptr);
    ~ServerSession() override;

    // True when the plan has a URL and the session a key for this server.
    bool canConnect(ServerRole role) const;
    // The client for this server, or nullptr when it cannot connect.
    OctopusClient *client(ServerRole role);

    const std::optional<InventorySnapshot> &inventory(ServerRole role) const
    {
        return role == ServerRole::Old ? m_oldInventory : m_newInventory;
    }
    void setInventory(ServerRole role, const InventorySnapshot &snapshot); // tests, and after a job

    // Demo mode (`handover --demo`): both servers are octosim, whose test controls the pages may use.
    bool isDemo() const { return m_demo; }
    void setDemo(bool demo);
    // The simulator's controls in demo mode (made when demo mode is set, before demoChanged), else nullptr.
    DemoControls *demoControls() const { return m_demoControls; }

    bool isTakingInventory() const { return !m_jobs.isEmpty(); }
    // Takes the inventory of every server that can connect. No-op while one is running.
    void takeInventory();
    void cancelInventory();

Q_SIGNALS:
    void inventoryChanged(ServerRole role);
    void inventoryProgress(int pagesDone, int pagesTotal);
    void inventoryRunningChanged(bool running);
    void inventoryFailed(const QString &message); // translated
    void clientsChanged();
    void demoChanged(bool demo);

private:
    void onConnectionChanged();

    MigrationPlan *m_plan;
    SessionCredentials *m_credentials;
    NetworkContext *m_network;
    OctopusClient *m_oldClient = nullptr;
    OctopusClient *m_newClient = nullptr;
    std::optional<InventorySnapshot> m_oldInventory;
    std::optional<InventorySnapshot> m_newInventory;
    QList<QPointer<InventoryJob>> m_jobs;
    QHash<InventoryJob *, QPair<int, int>> m_progress;
    bool m_demo = false;
    DemoControls *m_demoControls = nullptr;
};
