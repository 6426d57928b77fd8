#pragma once

#include "steppage.h"

class CiIntegrationsController;
class ServerSession;
class DialogService;
class MigrationPlan;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QProgressBar;
class QPushButton;
class QSpinBox;
class QTableWidget;

// CI integrations: every build server and tool that talks to the old server, found from evidence on both
// servers (the controller's work), with where each keeps the Octopus URL and key, the lead's decision, owner
// and notes, and pending -> repointed -> verified (verified only on the new server's evidence). Below, the
// still-talking watch of the old server. A view: it shows the controller and forwards what the user does.
class CiIntegrationsPage : public StepPage
{
    Q_OBJECT
public:
    // `session` (may be nullptr) gives the demo controls in demo mode only.
    CiIntegrationsPage(MigrationPlan *plan, CiIntegrationsController *controller, ServerSession *session,
                       DialogService *dialogs, QWidget *parent = nullptr);

    CiIntegrationsController *controller() const { return m_controller; }
    QString selectedId() const;

protected:
    void build() override;
    void initializeStep() override;

private:
    void reloadTable();
    void refreshSummary();
    void refreshDetails();
    void refreshStillTalking();
    void exportTable(bool markdown);
    void refreshDemoControls();

    MigrationPlan *m_plan;
    CiIntegrationsController *m_controller;
    ServerSession *m_session;
    DialogService *m_dialogs;
    bool m_autoRefreshDone = false;
    bool m_loadingDetails = false;

    QLabel *m_summary = nullptr;
    QSpinBox *m_windowDays = nullptr;
    QPushButton *m_refresh = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_recipe = nullptr;
    QListWidget *m_evidence = nullptr;
    QComboBox *m_decision = nullptr;
    QLineEdit *m_owner = nullptr;
    QPlainTextEdit *m_notes = nullptr;
    QLabel *m_status = nullptr;
    QPushButton *m_markRepointed = nullptr;
    QPushButton *m_clearRepointed = nullptr;
    QPushButton *m_simulateMove = nullptr;
    bool m_demoConnected = false;
    QComboBox *m_manualSystem = nullptr;
    QLineEdit *m_manualLocation = nullptr;
    QPushButton *m_manualAdd = nullptr;
    QPushButton *m_manualRemove = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportMarkdown = nullptr;
    QDateTimeEdit *m_watchSince = nullptr;
    QPushButton *m_watchButton = nullptr;
    QLabel *m_stillTalking = nullptr;
};
