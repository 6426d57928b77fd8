#pragma once

#include "auditreportwriter.h"
#include "auditscanner.h"
#include "audittexts.h"
#include "migrationplan.h"
#include "serverscriptsjob.h"
#include "swaggercatalog.h"

#include <QDateTime>
#include <QFutureWatcher>
#include <QHash>
#include <QObject>
#include <QPointer>

#include <functional>
#include <memory>
#include <optional>

class ApiJob;
class OctopusClient;
class ServerSession;
struct ApiResult;

// The work behind the Script audit step, without widgets: the folders and saved swagger.json in the plan,
// the new server's live API description (GET /api/swagger.json, parsed off the GUI thread), the background
// scan with progress and Cancel, the lead's marks (fixed / accepted, who and when) in the plan, and the
// report export. The page shows this state and forwards what the user does.
class ScriptAuditController : public QObject
{
    Q_OBJECT
public:
    enum class LiveSwaggerState
    {
        NotConnected, // no client for the new server
        Fetching,
        Ready,
        Failed
    };
    enum class SavedSwaggerState
    {
        None, // no saved file chosen
        Loading,
        Ready,
        Failed
    };
    // Parses a swagger document. Runs on a worker thread (network side or the global pool), never on the
    // controller's. Replaceable for tests.
    using SwaggerParser =
        std::function<std::optional<SwaggerCatalog>(const QByteArray &json, QString *error)>;

    // `session` may be nullptr: then routes are judged only against a saved swagger.json file.
    ScriptAuditController(MigrationPlan *plan, ServerSession *session, QObject *parent = nullptr);
    ~ScriptAuditController() override;

    MigrationPlan *plan() const { return m_plan; }

    // --- folders and the saved swagger.json (kept in the plan) ---
    QStringList folders() const;
    // Cleans the path; a folder already listed is not added twice. False while scanning.
    bool addFolder(const QString &folder);
    void removeFolder(int index);
    QString swaggerFile() const;
    // Keeps the path in the plan and reads the file in the background (savedSwaggerChanged).
    void setSwaggerFile(const QString &path);
    SavedSwaggerState savedSwaggerState() const { return m_savedState; }
    std::shared_ptr<const SwaggerCatalog> savedCatalog() const { return m_savedCatalog; }
    QString savedSwaggerError() const { return m_savedError; } // translated
    // The old server's URLs the scan looks for: the plan's old server and the old public URL.
    QStringList oldServerUrls() const;

    // --- the new server's live API description ---
    static QString liveSwaggerPath(); // "/api/swagger.json", for labels
    LiveSwaggerState liveSwaggerState() const { return m_liveState; }
    std::shared_ptr<const SwaggerCatalog> liveCatalog() const { return m_liveCatalog; }
    QDateTime liveFetchedAt() const { return m_liveFetchedAt; } // local time
    QString liveError() const { return m_liveError; }           // translated, through ApiErrorText
    // Fetches it again (cancels a fetch under way). NotConnected when there is no client for the new server.
    void fetchLiveSwagger();
    // Fetches it when not yet fetched from the current client, or after a failure (the page's first show).
    void ensureLiveSwagger();
    // Whether a change of the new server's client (URL or key) fetches at once (the page is shown) or
    // only forgets what was fetched (NotConnected until ensureLiveSwagger).
    void setFetchOnReconnect(bool fetch) { m_fetchOnReconnect = fetch; }
    void setSwaggerParser(SwaggerParser parser);

    // --- the scripts stored on the old server ---
    // Whether the scan also reads the old server's scripts (deployment and runbook processes, step
    // templates, script modules, variables): needs a client for the old server. On by default.
    bool canScanServer() const;
    bool includeServerScripts() const { return m_includeServer; }
    void setIncludeServerScripts(bool include) { m_includeServer = include; }
    // What the last scan read from the old server: scripts, and what it could not read (translated).
    int serverScriptCount() const { return m_serverScriptCount; }
    QStringList serverErrors() const { return m_serverErrors; }
    // The texts the audit rules run over, with their locations and web portal links.
    static QList<AuditText> auditTextsOf(const QList<ServerScript> &scripts);

    // --- the scan ---
    bool isScanning() const { return m_scanning; }
    // Scans the plan's folders and (when included and connected) the old server's scripts: reads the saved
    // swagger.json first when there is one (in the background), else judges routes against the live
    // description when it is Ready. False when there is nothing to scan or a scan is running.
    bool startScan();
    void cancelScan();
    // Why the running or last scan did not judge endpoints (translated); empty when it did.
    QString unjudgedReason() const { return m_unjudgedReason; }
    const QList<AuditFinding> &findings() const { return m_findings; }
    qint64 scannedFiles() const { return m_scannedFiles; }
    qint64 scannedBytes() const { return m_scannedBytes; }
    // Blocks until a background scan has ended (shutdown and tests).
    void waitForScan();

    // --- the lead's marks (in the plan) ---
    std::optional<AuditMark::Kind> markOf(const AuditFinding &finding) const;
    // finding key -> "fixed" / "accepted", as AuditResultsModel shows them.
    QHash<QString, QString> decisions() const;
    void setMark(const AuditFinding &finding, AuditMark::Kind kind, const QString &note = QString());
    void clearMark(const AuditFinding &finding);
    // Who marks: defaults to the login name ($USER / $USERNAME).
    void setMarkedBy(const QString &name) { m_markedBy = name; }
    QString markedBy() const { return m_markedBy; }

    // --- export ---
    // Writes the current findings with their marks. False with *error (translated) when it cannot.
    bool exportReport(const QString &path, AuditReportWriter::Format format, QString *error) const;

Q_SIGNALS:
    void liveSwaggerChanged();
    void savedSwaggerChanged();
    void scanningChanged(bool scanning);
    void scanStarted(); // the findings were cleared; progress follows
    void scanProgressed(const AuditScanner::Progress &progress);
    void findingsAdded(const QList<AuditFinding> &findings);
    void scanFinished(const AuditScanner::Result &result);
    void scanFailed(const QString &message); // translated: the scan could not start
    void marksChanged();
    void foldersChanged();
    void serverAvailabilityChanged(); // canScanServer() may have changed

private:
    struct SavedLoad
    {
        QString path;
        std::shared_ptr<const SwaggerCatalog> catalog;
        QString error; // untranslated detail
    };
    void loadSavedSwagger();
    void onSavedSwaggerLoaded();
    void onLiveSwaggerFetched(const ApiResult &result);
    void onClientsChanged();
    void cancelLiveJob();
    void beginScan(std::shared_ptr<const SwaggerCatalog> savedCatalog);
    void onScanFinished(const AuditScanner::Result &result);
    void onServerScriptsFinished(const ServerScriptsJob::Result &result);
    void onServerAuditDone();
    void completeScan();
    void setScanning(bool scanning);
    void recordScanSummary(const AuditScanner::Result &result);
    OctopusClient *newServerClient() const;

    MigrationPlan *m_plan;
    QPointer<ServerSession> m_session;
    SwaggerParser m_parser;
    AuditScanner *m_scanner;
    QString m_markedBy;

    // Live API description.
    LiveSwaggerState m_liveState = LiveSwaggerState::NotConnected;
    std::shared_ptr<const SwaggerCatalog> m_liveCatalog;
    QPointer<OctopusClient> m_liveSource; // the client it came (or is coming) from
    QPointer<ApiJob> m_liveJob;
    QDateTime m_liveFetchedAt;
    QString m_liveError;
    bool m_fetchOnReconnect = false;

    // The saved file.
    SavedSwaggerState m_savedState = SavedSwaggerState::None;
    std::shared_ptr<const SwaggerCatalog> m_savedCatalog;
    QString m_savedError;
    QFutureWatcher<SavedLoad> *m_savedWatcher;
    bool m_scanWaitsForSaved = false;

    // The scan.
    bool m_scanning = false;
    QString m_unjudgedReason;
    QList<AuditFinding> m_findings;
    qint64 m_scannedFiles = 0;
    qint64 m_scannedBytes = 0;

    // The old server's scripts, read alongside the folder scan.
    bool m_includeServer = true;
    QPointer<ServerScriptsJob> m_serverJob;
    bool m_folderScanRunning = false;
    AuditScanner::Result m_folderResult;
    QList<AuditFinding> m_serverFindings;
    int m_serverScriptCount = 0;
    QStringList m_serverErrors;
    std::shared_ptr<const SwaggerCatalog> m_scanCatalog;
    // The rules over the server's scripts, on the global pool.
    QFutureWatcher<QList<AuditFinding>> *m_serverAuditWatcher;
    std::shared_ptr<std::atomic_bool> m_serverAuditCancelled;
    bool m_serverAuditRunning = false;
};
