#pragma once

#include "scriptauditcontroller.h"

#include "steppage.h"

class AuditFilterProxyModel;
class AuditResultsModel;
class DialogService;
class MigrationPlan;
class ServerSession;
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QProgressBar;
class QPushButton;
class QTreeView;

// Script audit: scans the folders the lead chooses for scripts and pipelines that call the old server
// (URLs, API keys, the retired octo CLI, REST routes the new server does not serve, client libraries),
// in the background with progress and Cancel. Findings are grouped and filtered, opened at their line,
// marked fixed or accepted (kept in the plan) and exported as CSV, JSON or Markdown.
// Routes are judged against the new server's live API description (fetched and parsed in the background
// whenever the new server is connected) or, when the lead chooses one, a saved swagger.json file, which
// overrides it. Each finished scan leaves its counts in the plan (lastScan), which the Domain name step
// shows. The work is ScriptAuditController's; this page shows it and forwards what the user does. File
// dialogs and the editor go through `dialogs` (nullptr: nothing is asked).
class ScriptAuditPage : public StepPage
{
    Q_OBJECT
public:
    // `controller` (not owned, outlives the page) does the work; its session may be nullptr: then routes are
    // judged only against a saved swagger.json file.
    ScriptAuditPage(MigrationPlan *plan, ScriptAuditController *controller, DialogService *dialogs,
                    QWidget *parent = nullptr);
    ~ScriptAuditPage() override;

    bool isScanning() const;
    AuditResultsModel *resultsModel() const { return m_model; }
    AuditFilterProxyModel *filterModel() const { return m_proxy; }

    ScriptAuditController *controller() const { return m_controller; }
    using LiveSwaggerState = ScriptAuditController::LiveSwaggerState;
    LiveSwaggerState liveSwaggerState() const { return m_controller->liveSwaggerState(); }

protected:
    void build() override;
    void initializeStep() override;
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    enum class ExportFormat
    {
        Csv,
        Json,
        Markdown
    };

    void loadFromPlan();
    void updateMarks();
    void onAddFolder();
    void onRemoveFolder();
    void onChooseSwagger();
    void onScan();
    void onCancel();
    void onFiltersChanged();
    void onGroupingChanged();
    void onOpenSelected();
    void onMark(const QString &status);
    void onExport(ExportFormat format);
    void updateButtons();
    void updateCounts();
    void onScanFinished(const AuditScanner::Result &result);
    void updateLiveSwaggerLabel();
    QModelIndex selectedFindingIndex() const; // in the source model

    MigrationPlan *m_plan;
    DialogService *m_dialogs;
    ScriptAuditController *m_controller;
    AuditResultsModel *m_model = nullptr;
    AuditFilterProxyModel *m_proxy = nullptr;

    QListWidget *m_folders = nullptr;
    QPushButton *m_addFolder = nullptr;
    QPushButton *m_removeFolder = nullptr;
    QLineEdit *m_swagger = nullptr;
    QPushButton *m_chooseSwagger = nullptr;
    QLabel *m_liveSwagger = nullptr;
    QPushButton *m_refetchSwagger = nullptr;
    QCheckBox *m_serverScripts = nullptr;
    QLabel *m_oldUrls = nullptr;
    QPushButton *m_scan = nullptr;
    QPushButton *m_cancel = nullptr;
    QProgressBar *m_progress = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_notes = nullptr;
    QComboBox *m_grouping = nullptr;
    QComboBox *m_categoryFilter = nullptr;
    QComboBox *m_severityFilter = nullptr;
    QLineEdit *m_textFilter = nullptr;
    QCheckBox *m_hideResolved = nullptr;
    QTreeView *m_results = nullptr;
    QLabel *m_counts = nullptr;
    QPushButton *m_open = nullptr;
    QPushButton *m_markFixed = nullptr;
    QPushButton *m_markAccepted = nullptr;
    QPushButton *m_clearMark = nullptr;
    QPushButton *m_exportCsv = nullptr;
    QPushButton *m_exportJson = nullptr;
    QPushButton *m_exportMarkdown = nullptr;
};
