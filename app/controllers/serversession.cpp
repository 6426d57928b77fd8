#include "serversession.h"

#include "apierrortext.h"
#include "controllerslogging.h"
#include "inventoryjob.h"
#include "octopusclient.h"
#include "octosimdemocontrols.h"
#include "sessioncredentials.h"

ServerSession::ServerSession(MigrationPlan *plan, SessionCredentials *credentials, NetworkContext *network,
                             QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_credentials(credentials)
    , m_network(network)
{
    connect(m_plan, &MigrationPlan::changed, this, &ServerSession::onConnectionChanged);
    connect(m_credentials, &SessionCredentials::apiKeyChanged, this, &ServerSession::onConnectionChanged);
}

ServerSession::~ServerSession()
{
    cancelInventory();
}

void ServerSession::setDemo(bool demo)
{
    m_demo = demo;
    if (demo && !m_demoControls) {
        m_demoControls = new OctosimDemoControls(this, this);
    } else if (!demo && m_demoControls) {
        m_demoControls->deleteLater();
        m_demoControls = nullptr;
    }
    Q_EMIT demoChanged(demo);
}

bool ServerSession::canConnect(ServerRole role) const
{
    const QUrl url = m_plan->serverUrl(role);
    return url.isValid() && !url.host().isEmpty() && !ConnectionSettings::normalisedUrl(url).isEmpty() &&
           !m_credentials->apiKey(role).isEmpty();
}

OctopusClient *ServerSession::client(ServerRole role)
{
    if (!canConnect(role))
        return nullptr;
    OctopusClient *&client = role == ServerRole::Old ? m_oldClient : m_newClient;
    if (!client) {
        ConnectionSettings settings;
        settings.baseUrl = m_plan->serverUrl(role);
        settings.apiKey = m_credentials->apiKey(role);
        settings.role = role;
        settings.proxy = m_plan->serverProxy(role);
        client = new OctopusClient(settings, m_network, this);
    }
    return client;
}

void ServerSession::onConnectionChanged()
{
    bool changed = false;
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        OctopusClient *&client = role == ServerRole::Old ? m_oldClient : m_newClient;
        if (!client)
            continue;
        if (client->settings().baseUrl == m_plan->serverUrl(role) &&
            client->settings().apiKey == m_credentials->apiKey(role) &&
            client->settings().proxy == m_plan->serverProxy(role))
            continue;
        cancelInventory();
        client->deleteLater();
        client = nullptr;
        (role == ServerRole::Old ? m_oldInventory : m_newInventory).reset();
        Q_EMIT inventoryChanged(role);
        changed = true;
    }
    if (changed)
        Q_EMIT clientsChanged();
}

void ServerSession::setInventory(ServerRole role, const InventorySnapshot &snapshot)
{
    (role == ServerRole::Old ? m_oldInventory : m_newInventory) = snapshot;
    Q_EMIT inventoryChanged(role);
}

void ServerSession::takeInventory()
{
    if (isTakingInventory())
        return;
    m_progress.clear();
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        OctopusClient *c = client(role);
        if (!c)
            continue;
        auto *job = new InventoryJob(c, this);
        job->setApiKeyScope(InventoryJob::ApiKeyScope::None);
        m_jobs.append(job);
        m_progress.insert(job, {0, 1});
        connect(job, &InventoryJob::progress, this, [this, job](int done, int total) {
            m_progress.insert(job, {done, total});
            int d = 0;
            int t = 0;
            for (const auto &p : std::as_const(m_progress)) {
                d += p.first;
                t += p.second;
            }
            Q_EMIT inventoryProgress(d, t);
        });
        connect(job, &InventoryJob::finished, this, [this, job, role](const InventorySnapshot &snapshot) {
            m_jobs.removeAll(job);
            m_jobs.removeAll(nullptr);
            m_progress.remove(job);
            bool cancelled = false;
            for (const ApiError &error : snapshot.errors) {
                cancelled = cancelled || error.kind == ApiErrorKind::Cancelled;
                if (error.kind != ApiErrorKind::Cancelled)
                    Q_EMIT inventoryFailed(ApiErrorText::describe(error));
            }
            // What the key cannot see: one message per missing permission, not one per refused call.
            for (const InventoryPermissionGap &gap : snapshot.permissionGaps)
                Q_EMIT inventoryFailed(gap.describe());
            if (!cancelled)
                setInventory(role, snapshot);
            if (m_jobs.isEmpty())
                Q_EMIT inventoryRunningChanged(false);
        });
    }
    if (!m_jobs.isEmpty()) {
        Q_EMIT inventoryRunningChanged(true);
        for (const QPointer<InventoryJob> &job : std::as_const(m_jobs))
            job->start();
    }
}

void ServerSession::cancelInventory()
{
    const QList<QPointer<InventoryJob>> jobs = m_jobs;
    for (const QPointer<InventoryJob> &job : jobs) {
        if (job)
            job->cancel();
    }
}
