#include "tentaclescontroller.h"

#include "apijob.h"
#include "apiresult.h"
#include "controllerslogging.h"
#include "deploymenthistoryjob.h"
#include "octopusclient.h"
#include "serversession.h"
#include "tentaclemachines.h"

#include <QJsonObject>

#include <utility>

namespace {

constexpr int kDeploymentsPerSpace = 200;
constexpr int kChurnWindowDays = 30;
constexpr int kVerifyPollIntervalMs = 500;

bool isTentacle(const InventoryMachine &m)
{
    return m.communicationStyle == QLatin1String("TentacleActive") ||
           m.communicationStyle == QLatin1String("TentaclePassive");
}

} // namespace

TentaclesController::TentaclesController(MigrationPlan *plan, ServerSession *session, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_session(session)
{
    connect(m_session, &ServerSession::inventoryChanged, this, &TentaclesController::onInventoryChanged);
    connect(m_session, &ServerSession::clientsChanged, this, [this] {
        if (m_thumbprintJob)
            m_thumbprintJob->disconnect(this);
        m_thumbprintJob = nullptr;
        if (!m_thumbprint.isEmpty()) {
            m_thumbprint.clear();
            Q_EMIT thumbprintChanged(m_thumbprint);
        }
    });
    reloadMachines();
    computeUpgradeLockCandidates();
}

TentaclesController::~TentaclesController()
{
    if (m_verifier)
        m_verifier->cancel();
}

const TentacleMachine *TentaclesController::machine(const QString &id) const
{
    const int index = m_machineIndex.value(id, -1);
    return index < 0 ? nullptr : &m_machines.at(index);
}

void TentaclesController::onInventoryChanged(ServerRole role)
{
    reloadMachines();
    if (role == ServerRole::New)
        computeUpgradeLockCandidates();
    checkCalamariChurn();
    Q_EMIT inventoryChanged();
}

void TentaclesController::reloadMachines()
{
    const auto &oldInventory = m_session->inventory(ServerRole::Old);
    m_machines = oldInventory ? pollingMachinesFrom(*oldInventory) : QList<TentacleMachine>{};
    m_machineIndex.clear();
    for (int i = 0; i < m_machines.size(); ++i)
        m_machineIndex.insert(m_machines.at(i).id, i);
    // The new inventory's HealthStatus is not shown: on a clone it is the old database's value until a health
    // check runs there. Only what this controller's verifications read fresh is kept (onVerifyResult).
    for (auto it = m_newHealth.begin(); it != m_newHealth.end();) {
        if (m_machineIndex.contains(it.key()))
            ++it;
        else
            it = m_newHealth.erase(it);
    }
}

// ---- Thumbprint ----

void TentaclesController::fetchThumbprint()
{
    if (!m_thumbprint.isEmpty() || m_thumbprintJob)
        return;
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!client)
        return;
    ApiJob *job = client->get(QStringLiteral("/api/configuration/certificates/certificate-global"), this);
    m_thumbprintJob = job;
    connect(job, &ApiJob::finished, this, [this, job](const ApiResult &result) {
        if (m_thumbprintJob != job)
            return;
        m_thumbprintJob = nullptr;
        if (!result.ok()) {
            qCWarning(lcControllers) << "no certificate thumbprint from the new server:"
                                     << result.error.message;
            return;
        }
        m_thumbprint = result.json.object().value(QLatin1String("Thumbprint")).toString();
        Q_EMIT thumbprintChanged(m_thumbprint);
    });
}

TentacleCommands::Options TentaclesController::commandOptions() const
{
    return TentacleCommands::optionsFor(*m_plan, m_thumbprint);
}

// ---- Calamari churn ----

void TentaclesController::checkCalamariChurn()
{
    const auto &oldInventory = m_session->inventory(ServerRole::Old);
    const auto &newInventory = m_session->inventory(ServerRole::New);
    if (!oldInventory || !newInventory || !m_historyJobs.isEmpty() ||
        (m_churnKnown && m_churnInventory == oldInventory->takenAt))
        return;
    OctopusClient *oldClient = m_session->client(ServerRole::Old);
    OctopusClient *newClient = m_session->client(ServerRole::New);
    if (!oldClient || !newClient)
        return;
    m_churnInventory = oldInventory->takenAt;
    QStringList spaceIds;
    for (const InventorySpace &space : oldInventory->spaces)
        spaceIds << space.id;
    for (const auto &[client, target] :
         {std::pair{oldClient, &m_oldDeployments}, std::pair{newClient, &m_newDeployments}}) {
        auto *job = new DeploymentHistoryJob(client, spaceIds, kDeploymentsPerSpace, this);
        m_historyJobs.append(job);
        QList<DeploymentRecord> *out = target;
        connect(job, &DeploymentHistoryJob::finished, this,
                [this, job, out](const QList<DeploymentRecord> &records, const QList<ApiError> &) {
                    *out = records;
                    m_historyJobs.removeAll(job);
                    job->deleteLater();
                    if (m_historyJobs.isEmpty())
                        onHistoryFinished();
                });
    }
    // Started after both are listed, so that one finishing at once cannot look like both.
    for (const QPointer<DeploymentHistoryJob> &job : QList(m_historyJobs)) {
        if (job)
            job->start();
    }
}

void TentaclesController::onHistoryFinished()
{
    const auto &inventory = m_session->inventory(ServerRole::Old);
    m_churn = findCalamariChurn(m_oldDeployments, m_newDeployments,
                                inventory ? tentacleMachinesFrom(*inventory) : QList<TentacleMachine>{},
                                QDateTime::currentDateTimeUtc().addDays(-kChurnWindowDays));
    m_churnKnown = true;
    Q_EMIT calamariChurnChecked();
}

// ---- Upgrade lock ----

void TentaclesController::computeUpgradeLockCandidates()
{
    m_lockCandidates.clear();
    m_lockCandidateNames.clear();
    if (const auto &newInventory = m_session->inventory(ServerRole::New)) {
        for (const QList<InventoryMachine> *list : {&newInventory->targets, &newInventory->workers}) {
            for (const InventoryMachine &m : *list) {
                if (m.upgradeSuggested && !m.upgradeLocked && isTentacle(m)) {
                    m_lockCandidates.append({m.id, m.spaceId, m.isWorker});
                    m_lockCandidateNames.append(m.name);
                }
            }
        }
    }
    Q_EMIT upgradeLockCandidatesChanged();
}

bool TentaclesController::canLockUpgrades() const
{
    return !m_lockCandidates.isEmpty() && !isLockingUpgrades() && m_session->canConnect(ServerRole::New);
}

void TentaclesController::lockUpgrades()
{
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!client || m_lockCandidates.isEmpty() || isLockingUpgrades())
        return;
    auto *job = new UpgradeLockJob(client, m_lockCandidates, true, this);
    m_lockJob = job;
    connect(job, &UpgradeLockJob::finished, this,
            [this, job](const QStringList &changed, const QList<ApiError> &errors) {
                job->deleteLater();
                m_lockJob = nullptr;
                // Reflect it without a new inventory: these machines no longer prompt.
                if (const auto &snapshot = m_session->inventory(ServerRole::New);
                    snapshot && !changed.isEmpty()) {
                    InventorySnapshot updated = *snapshot;
                    for (QList<InventoryMachine> *list : {&updated.targets, &updated.workers}) {
                        for (InventoryMachine &m : *list) {
                            if (changed.contains(m.id))
                                m.upgradeLocked = true;
                        }
                    }
                    m_session->setInventory(ServerRole::New, updated);
                }
                Q_EMIT upgradesLocked(changed, errors);
            });
    job->start();
}

// ---- Verification ----

std::optional<TentacleMark> TentaclesController::mark(const QString &id) const
{
    if (const auto it = m_runMarks.constFind(id); it != m_runMarks.constEnd())
        return *it;
    const auto &machines = m_plan->tentacles().machines;
    if (const auto it = machines.constFind(id); it != machines.constEnd())
        return *it;
    return std::nullopt;
}

QStringList TentaclesController::markRepointed(const QStringList &ids)
{
    TentaclesSection section = m_plan->tentacles();
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList marked;
    for (const QString &id : ids) {
        const TentacleMachine *m = machine(id);
        if (!m)
            continue;
        TentacleMark mark = this->mark(id).value_or(TentacleMark{});
        mark.spaceId = m->spaceId;
        mark.repointedAt = now;
        mark.verification = TentacleMark::Verification::Pending;
        section.machines.insert(id, mark);
        m_runMarks.remove(id);
        marked << id;
    }
    if (marked.isEmpty())
        return marked;
    m_plan->setTentacles(section);
    Q_EMIT marksChanged(marked);
    return marked;
}

void TentaclesController::verify(const QStringList &ids)
{
    if (ids.isEmpty() || isVerifying())
        return;
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!client)
        return;
    QList<TentacleVerifyTarget> targets;
    for (const QString &id : ids) {
        if (const TentacleMachine *m = machine(id)) {
            const std::optional<TentacleMark> mark = this->mark(id);
            targets.append({m->id, m->spaceId, m->isWorker(), mark ? mark->repointedAt : QDateTime()});
        }
    }
    m_verifying = ids;
    m_runMarks.clear();
    m_lastRunDisabled.clear();
    m_lastRunStale.clear();
    m_verifier = new TentacleVerifier(client, this);
    m_verifier->setPollIntervalMs(kVerifyPollIntervalMs);
    connect(m_verifier, &TentacleVerifier::machineChecked, this, &TentaclesController::onVerifyResult);
    connect(m_verifier, &TentacleVerifier::progress, this, &TentaclesController::verificationProgress);
    connect(m_verifier, &TentacleVerifier::finished, this,
            [this](const QList<TentacleVerifyResult> &, const ApiError &error) { onVerifyFinished(error); });
    Q_EMIT verificationStarted(m_verifying, int(targets.size()));
    m_verifier->start(targets);
}

void TentaclesController::onVerifyResult(const TentacleVerifyResult &result)
{
    m_results.insert(result.id, result);
    if (!result.error.isError() && !result.stale && !result.disabled)
        m_newHealth.insert(result.id, result.healthStatus);
    if (result.disabled) {
        // Health checks skip disabled machines: the status says nothing about the re-point. The mark stays.
        m_lastRunDisabled.append(result.id);
    } else if (result.stale) {
        // No health check ran after the mark (it did not finish in time): not evidence either way.
        m_lastRunStale.append(result.id);
    } else if (!result.error.isError()) {
        std::optional<TentacleMark> mark = this->mark(result.id);
        if (mark || result.verified) { // else: not re-pointed yet, and the new server agrees
            if (!mark) {
                mark = TentacleMark{};
                mark->spaceId = result.spaceId;
                mark->repointedAt = result.checkedAt;
            }
            mark->verification =
                result.verified ? TentacleMark::Verification::Verified : TentacleMark::Verification::Failed;
            mark->checkedAt = result.checkedAt; // this client's clock, like repointedAt
            mark->healthStatus = result.healthStatus;
            m_runMarks.insert(result.id, *mark);
        }
    } // else: stays as it was; the error is reported when the run ends
    Q_EMIT machineVerified(result);
}

void TentaclesController::onVerifyFinished(const ApiError &error)
{
    // Write every mark the run changed into the plan at once (one change, one autosave).
    TentaclesSection section = m_plan->tentacles();
    int verified = 0;
    int failed = 0;
    for (const QString &id : std::as_const(m_verifying)) {
        const std::optional<TentacleMark> mark = this->mark(id);
        if (!mark)
            continue;
        section.machines.insert(id, *mark);
        if (mark->verification == TentacleMark::Verification::Verified)
            ++verified;
        else if (mark->verification == TentacleMark::Verification::Failed)
            ++failed;
    }
    m_runMarks.clear();
    m_plan->setTentacles(section);
    m_verifier->deleteLater();
    m_verifier = nullptr;
    const QStringList checked = std::exchange(m_verifying, {});
    Q_EMIT verificationFinished(checked, error, verified, failed);
}

void TentaclesController::cancelVerification()
{
    if (m_verifier)
        m_verifier->cancel();
}
