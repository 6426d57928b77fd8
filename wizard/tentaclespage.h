#pragma once

#include "calamarichurn.h"
#include "tentaclecommands.h"
#include "tentacleverifier.h"

#include <QPointer>
#include <QWizardPage>

class DeploymentHistoryJob;
class DialogService;
class MigrationPlan;
class PollingMachineFilter;
class PollingMachineModel;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QTabWidget;
class QTableView;
class QToolButton;
class ServerSession;

// Step 3: every polling target and worker of the old server, the commands that re-point each one (run on
// that machine), exports, and verification against the new server (health task, pending -> verified).
class TentaclesPage : public QWizardPage
{
    Q_OBJECT
public:
    TentaclesPage(MigrationPlan *plan, ServerSession *session, DialogService *dialogs,
                  QWidget *parent = nullptr);
    ~TentaclesPage() override;

    void initializePage() override;

    PollingMachineModel *model() const { return m_model; }
    PollingMachineFilter *filter() const { return m_filter; }
    TentacleCommands::Options commandOptions() const;
    const QList<CalamariChurnGroup> &calamariChurn() const { return m_churn; }

    // Verification, also driven by tests.
    void markSelectedRepointed();
    void verifySelected();
    void verifyAll();
    void cancelVerification();
    // Demo mode only: tells octosim that the selected Tentacles ran their re-point command.
    void simulateRepoint();
    bool isVerifying() const { return m_verifier != nullptr; }

Q_SIGNALS:
    void verificationFinished();
    void calamariChurnChecked();

private:
    void reloadMachines();
    void refreshSummary();
    void refreshPreview();
    void refreshWarnings();
    void refreshFilters();
    void fetchThumbprint();
    QStringList selectedIds() const;
    QStringList visibleIds() const;
    void verify(const QStringList &ids);
    void onVerifyResult(const TentacleVerifyResult &result);
    void onVerifyFinished(const ApiError &error);
    void exportScripts();
    void exportBundle();
    void exportCsv();
    void copyCommand();
    void lockUpgrades();
    QList<TentacleMachine> visibleMachines() const;
    void checkCalamariChurn();

    MigrationPlan *m_plan;
    ServerSession *m_session;
    DialogService *m_dialogs;
    PollingMachineModel *m_model;
    PollingMachineFilter *m_filter;
    QString m_thumbprint;
    QPointer<TentacleVerifier> m_verifier;
    QStringList m_verifying;
    bool m_autoInventoryDone = false;
    // Calamari churn evidence: deployments since the clone on both servers.
    QList<QPointer<DeploymentHistoryJob>> m_historyJobs;
    QList<DeploymentRecord> m_oldDeployments;
    QList<DeploymentRecord> m_newDeployments;
    QList<CalamariChurnGroup> m_churn;
    bool m_churnKnown = false;
    QDateTime m_churnInventory; // the old inventory's time the evidence was computed for

    QLabel *m_summary = nullptr;
    QLabel *m_inventoryStatus = nullptr;
    QPushButton *m_inventoryButton = nullptr;
    QProgressBar *m_inventoryProgress = nullptr;
    QLineEdit *m_search = nullptr;
    QComboBox *m_kind = nullptr;
    QComboBox *m_space = nullptr;
    QComboBox *m_environment = nullptr;
    QComboBox *m_groupBy = nullptr;
    QLabel *m_count = nullptr;
    QTableView *m_table = nullptr;
    QTabWidget *m_tabs = nullptr;
    QPlainTextEdit *m_windowsText = nullptr;
    QPlainTextEdit *m_linuxText = nullptr;
    QCheckBox *m_cloneAlternative = nullptr;
    QLabel *m_cloneWarnings = nullptr;
    QPushButton *m_copy = nullptr;
    QToolButton *m_export = nullptr;
    QLabel *m_actionStatus = nullptr;
    QPushButton *m_mark = nullptr;
    QPushButton *m_simulate = nullptr;
    QPushButton *m_verifySelected = nullptr;
    QPushButton *m_verifyAll = nullptr;
    QPushButton *m_verifyCancel = nullptr;
    QProgressBar *m_verifyProgress = nullptr;
    QLabel *m_warnings = nullptr;
    QPushButton *m_lockUpgrades = nullptr;
};
