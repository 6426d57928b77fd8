#pragma once

#include "apierror.h"
#include "calamarichurn.h"
#include "migrationplan.h"
#include "tentaclecommands.h"
#include "tentaclemachine.h"
#include "tentacleverifier.h"
#include "upgradelockjob.h"

#include <QDateTime>
#include <QHash>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

#include <optional>

class DeploymentHistoryJob;
class ServerSession;

// The work behind step 3 (Polling Tentacles), without widgets: the old server's polling machines from the
// session's inventory, the new server's certificate thumbprint for the commands, the Calamari churn
// evidence (deployments since the clone on both servers), the Tentacle upgrade prompts of the new server
// and locking them, and verification (mark re-pointed, ask the new server, write the marks into the plan).
// The page shows this state and forwards what the user does; it asks the user before lockUpgrades().
class TentaclesController : public QObject
{
    Q_OBJECT
public:
    TentaclesController(MigrationPlan *plan, ServerSession *session, QObject *parent = nullptr);
    ~TentaclesController() override;

    // The old server's polling targets and workers, from its latest inventory (empty without one).
    const QList<TentacleMachine> &machines() const { return m_machines; }
    const TentacleMachine *machine(const QString &id) const;
    // The new server's HealthStatus by machine id, as fresh verifications read it (never the inventory's: on
    // a clone that is the old database's value until a health check runs).
    const QHash<QString, QString> &newServerHealth() const { return m_newHealth; }

    // The new server's certificate-global thumbprint, empty until fetched. fetchThumbprint() is a no-op
    // while one is known or under way, or when the new server cannot be reached.
    QString thumbprint() const { return m_thumbprint; }
    bool isFetchingThumbprint() const { return !m_thumbprintJob.isNull(); }
    void fetchThumbprint();
    // The options every command of this step is made with (the plan's domain decision, the thumbprint).
    TentacleCommands::Options commandOptions() const;

    // Calamari churn: environments that both servers deployed to since the clone. Checked once per old
    // inventory, when both inventories and both clients are there; checkCalamariChurn() starts it then.
    void checkCalamariChurn();
    bool isCheckingCalamariChurn() const { return !m_historyJobs.isEmpty(); }
    bool isCalamariChurnKnown() const { return m_churnKnown; }
    const QList<CalamariChurnGroup> &calamariChurn() const { return m_churn; }

    // Tentacles (polling or listening) the new server suggests upgrading and that are not locked yet.
    // Computed when the new server's inventory changes, not when asked.
    const QList<UpgradeLockTarget> &upgradeLockCandidates() const { return m_lockCandidates; }
    const QStringList &upgradeLockCandidateNames() const { return m_lockCandidateNames; }
    bool canLockUpgrades() const;
    bool isLockingUpgrades() const { return !m_lockJob.isNull(); }
    // Locks upgrades for every candidate on the new server. It writes to the server: ask the user first.
    void lockUpgrades();

    // Records that these machines ran their re-point command (pending verification) in the plan. Returns
    // the ids that were marked (those in the inventory).
    QStringList markRepointed(const QStringList &ids);
    // Asks the new server to check these machines (health task, then their status). No-op while running.
    void verify(const QStringList &ids);
    void cancelVerification();
    bool isVerifying() const { return !m_verifier.isNull(); }
    const QStringList &verifyingIds() const { return m_verifying; }
    // The machine's mark as the current run sees it (the plan's outside a run), if it has one.
    std::optional<TentacleMark> mark(const QString &id) const;
    // Of the last run: machines the new server could not check because they are disabled (health checks
    // skip them), and machines whose status was not fresh (no health task completed after the mark).
    const QStringList &lastRunDisabled() const { return m_lastRunDisabled; }
    const QStringList &lastRunStale() const { return m_lastRunStale; }
    // The last result of each machine checked since the controller was made.
    const QHash<QString, TentacleVerifyResult> &verifyResults() const { return m_results; }

Q_SIGNALS:
    // Any inventory of the session changed; machines(), newServerHealth() and the candidates are current.
    void inventoryChanged();
    void thumbprintChanged(const QString &thumbprint);
    void calamariChurnChecked();
    void upgradeLockCandidatesChanged();
    void upgradesLocked(const QStringList &changedIds, const QList<ApiError> &errors);
    void marksChanged(const QStringList &ids);
    void verificationStarted(const QStringList &ids, int machines);
    void verificationProgress(int done, int total);
    void machineVerified(const TentacleVerifyResult &result); // mark(result.id) is already updated
    // The run is over (isVerifying() is false) and its marks are in the plan.
    void verificationFinished(const QStringList &ids, const ApiError &error, int verified, int failed);

private:
    void onInventoryChanged(ServerRole role);
    void reloadMachines();
    void computeUpgradeLockCandidates();
    void onVerifyResult(const TentacleVerifyResult &result);
    void onVerifyFinished(const ApiError &error);
    void onHistoryFinished();

    MigrationPlan *m_plan;
    ServerSession *m_session;
    QList<TentacleMachine> m_machines;
    QHash<QString, int> m_machineIndex;
    QHash<QString, QString> m_newHealth;

    QString m_thumbprint;
    QPointer<QObject> m_thumbprintJob;

    QList<QPointer<DeploymentHistoryJob>> m_historyJobs;
    QList<DeploymentRecord> m_oldDeployments;
    QList<DeploymentRecord> m_newDeployments;
    QList<CalamariChurnGroup> m_churn;
    bool m_churnKnown = false;
    QDateTime m_churnInventory; // the old inventory's time the evidence was computed for

    QList<UpgradeLockTarget> m_lockCandidates;
    QStringList m_lockCandidateNames;
    QPointer<UpgradeLockJob> m_lockJob;

    QPointer<TentacleVerifier> m_verifier;
    QStringList m_verifying;
    QHash<QString, TentacleMark> m_runMarks; // marks the current run changed, written to the plan at its end
    QHash<QString, TentacleVerifyResult> m_results;
    QStringList m_lastRunDisabled;
    QStringList m_lastRunStale;
};
