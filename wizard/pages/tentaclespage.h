#pragma once

#include "calamarichurn.h"
#include "tentaclemachine.h"

#include "steppage.h"
#include <QPointer>

struct ApiError;
struct TentacleVerifyResult;
class DemoControls;
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
class TentaclesController;

// Step 3: every polling target and worker of the old server, the commands that re-point each one (run on
// that machine), exports, and verification against the new server (health task, pending -> verified).
// A view: the work is TentaclesController's, the files TentacleExportWriter's.
class TentaclesPage : public StepPage
{
    Q_OBJECT
public:
    TentaclesPage(MigrationPlan *plan, TentaclesController *controller, ServerSession *session,
                  DialogService *dialogs, QWidget *parent = nullptr);
    ~TentaclesPage() override;

    PollingMachineModel *model() const { return m_model; }
    PollingMachineFilter *filter() const { return m_filter; }
    TentaclesController *controller() const { return m_controller; }
    const QList<CalamariChurnGroup> &calamariChurn() const;

    // Verification, also driven by tests.
    void markSelectedRepointed();
    void verifySelected();
    void verifyAll();
    void cancelVerification();
    // Demo mode only: tells octosim that the selected Tentacles ran their re-point command.
    void simulateRepoint();
    bool isVerifying() const;

Q_SIGNALS:
    // After the page has shown the controller's news.
    void verificationFinished();
    void calamariChurnChecked();

protected:
    void build() override;
    void initializeStep() override;

private:
    void reloadMachines();
    void refreshSummary();
    void refreshPreview();
    void refreshWarnings();
    void refreshFilters();
    void refreshDemoControls();
    QStringList selectedIds() const;
    QStringList visibleIds() const;
    void onMarksChanged(const QStringList &ids);
    void onVerificationStarted(const QStringList &ids, int machines);
    void onMachineVerified(const TentacleVerifyResult &result);
    void onVerificationFinished(const QStringList &ids, const ApiError &error, int verified, int failed);
    void onRepointSimulated(const QStringList &ids, const ApiError &error);
    void onUpgradesLocked(const QStringList &changed, const QList<ApiError> &errors);
    void exportScripts();
    void exportBundle();
    void exportCsv();
    void copyCommand();
    void lockUpgrades();
    QList<TentacleMachine> visibleMachines() const;

    MigrationPlan *m_plan;
    TentaclesController *m_controller;
    ServerSession *m_session;
    DialogService *m_dialogs;
    PollingMachineModel *m_model;
    PollingMachineFilter *m_filter;
    QPointer<DemoControls> m_demoControls; // the session's, once connected to
    bool m_autoInventoryDone = false;

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
    QPlainTextEdit *m_helmText = nullptr;    // Kubernetes agents: the helm upgrade of their release
    QPlainTextEdit *m_cleanupText = nullptr; // the step after cutover
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
