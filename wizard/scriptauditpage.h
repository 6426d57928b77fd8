#pragma once

#include <QDateTime>
#include <QPointer>
#include <QWizardPage>

#include <memory>

class ApiJob;
class AuditFilterProxyModel;
struct AuditFinding;
class AuditResultsModel;
class AuditScanner;
class MigrationPlan;
class OctopusClient;
class ServerSession;
class SwaggerCatalog;
struct ApiResult;
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
// Routes are judged against the new server's live API description (GET /api/swagger.json, fetched and
// parsed in the background whenever the new server is connected) or, when the lead chooses one, a saved
// swagger.json file, which overrides it. Each finished scan leaves its counts in the plan (lastScan), which
// the Domain name step shows.
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

    // `session` may be nullptr: then routes are judged only against a saved swagger.json file.
    ScriptAuditPage(MigrationPlan *plan, ServerSession *session, QWidget *parent = nullptr);
    ~ScriptAuditPage() override;

    // Not owned; nullptr restores the default (QFileDialog, QDesktopServices).
    void setServices(Services *services);

    void initializePage() override;

    bool isScanning() const;
    AuditResultsModel *resultsModel() const { return m_model; }
    AuditFilterProxyModel *filterModel() const { return m_proxy; }

    enum class LiveSwaggerState
    {
        NotConnected, // no client for the new server
        Fetching,
        Ready,
        Failed
    };
    LiveSwaggerState liveSwaggerState() const { return m_liveState; }
    // Fetches the new server's /api/swagger.json again (also done by initializePage when needed).
    void fetchLiveSwagger();

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
    void onLiveSwaggerFetched(const ApiResult &result);
    void onClientsChanged();
    void updateLiveSwaggerLabel();
    void recordScanSummary(const QList<AuditFinding> &findings, qint64 files);
    QModelIndex selectedFindingIndex() const; // in the source model

    MigrationPlan *m_plan;
    ServerSession *m_session;
    std::unique_ptr<Services> m_defaultServices;
    Services *m_services = nullptr;
    AuditScanner *m_scanner = nullptr;
    AuditResultsModel *m_model = nullptr;
    AuditFilterProxyModel *m_proxy = nullptr;
    qint64 m_scannedFiles = 0;
    qint64 m_scannedBytes = 0;
    bool m_scanning = false;
    QString m_scanUnjudgedReason; // why the running scan does not judge endpoints; empty when it does

    // The new server's live API description.
    LiveSwaggerState m_liveState = LiveSwaggerState::NotConnected;
    std::shared_ptr<const SwaggerCatalog> m_liveCatalog;
    QPointer<OctopusClient> m_liveSource; // the client it came (or is coming) from
    QPointer<ApiJob> m_liveJob;
    QDateTime m_liveFetchedAt;
    QString m_liveError; // translated, through ApiErrorText

    QListWidget *m_folders = nullptr;
    QPushButton *m_addFolder = nullptr;
    QPushButton *m_removeFolder = nullptr;
    QLineEdit *m_swagger = nullptr;
    QPushButton *m_chooseSwagger = nullptr;
    QLabel *m_liveSwagger = nullptr;
    QPushButton *m_refetchSwagger = nullptr;
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
