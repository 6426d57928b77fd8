#pragma once

#include <QWizardPage>

#include <memory>

class AuditFilterProxyModel;
class AuditResultsModel;
class AuditScanner;
class MigrationPlan;
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
class ScriptAuditPage : public QWizardPage
{
    Q_OBJECT
public:
    // Everything that leaves the page (file dialogs, other applications) goes through this interface, so
    // GUI tests can answer it without modal dialogs or launching an editor.
    class Services
    {
    public:
        virtual ~Services() = default;
        virtual QString chooseFolder(QWidget *parent) = 0;      // empty: cancelled
        virtual QString chooseSwaggerFile(QWidget *parent) = 0; // empty: cancelled
        virtual QString chooseExportFile(QWidget *parent, const QString &suggestedName,
                                         const QString &filter) = 0; // empty: cancelled
        virtual void openFileAtLine(const QString &path, int line) = 0;
    };

    explicit ScriptAuditPage(MigrationPlan *plan, QWidget *parent = nullptr);
    ~ScriptAuditPage() override;

    // Not owned; nullptr restores the default (QFileDialog, QDesktopServices).
    void setServices(Services *services);

    void initializePage() override;

    bool isScanning() const;
    AuditResultsModel *resultsModel() const { return m_model; }
    AuditFilterProxyModel *filterModel() const { return m_proxy; }

private:
    enum class ExportFormat
    {
        Csv,
        Json,
        Markdown
    };

    void loadFromPlan();
    void savePlanState();
    QStringList oldServerUrls() const;
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
    QModelIndex selectedFindingIndex() const; // in the source model

    MigrationPlan *m_plan;
    std::unique_ptr<Services> m_defaultServices;
    Services *m_services = nullptr;
    AuditScanner *m_scanner = nullptr;
    AuditResultsModel *m_model = nullptr;
    AuditFilterProxyModel *m_proxy = nullptr;
    qint64 m_scannedFiles = 0;
    qint64 m_scannedBytes = 0;
    bool m_scanning = false;

    QListWidget *m_folders = nullptr;
    QPushButton *m_addFolder = nullptr;
    QPushButton *m_removeFolder = nullptr;
    QLineEdit *m_swagger = nullptr;
    QPushButton *m_chooseSwagger = nullptr;
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
