#include "scriptauditcontroller.h"

#include "apierrortext.h"
#include "apijob.h"
#include "auditplanstate.h"
#include "controllerslogging.h"
#include "octopusclient.h"
#include "osuser.h"
#include "serversession.h"

#include <QDir>
#include <QFile>
#include <QSet>
#include <QtConcurrent/QtConcurrentRun>

// The new server's swagger.json as digested on the network side: a catalog, or why there is none.
struct ScriptAuditLiveSwagger
{
    std::shared_ptr<const SwaggerCatalog> catalog;
    QString error; // untranslated detail from the parser
};
Q_DECLARE_METATYPE(ScriptAuditLiveSwagger)

namespace {

const QString kSwaggerPath = QStringLiteral("/api/swagger.json");

} // namespace

ScriptAuditController::ScriptAuditController(MigrationPlan *plan, ServerSession *session, QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_session(session)
    , m_parser(&SwaggerCatalog::fromJson)
    , m_scanner(new AuditScanner(this))
    , m_markedBy(osUserName())
    , m_savedWatcher(new QFutureWatcher<SavedLoad>(this))
    , m_serverAuditWatcher(new QFutureWatcher<QList<AuditFinding>>(this))
{
    connect(m_serverAuditWatcher, &QFutureWatcherBase::finished, this,
            &ScriptAuditController::onServerAuditDone);
    connect(m_scanner, &AuditScanner::progressChanged, this, &ScriptAuditController::scanProgressed);
    connect(m_scanner, &AuditScanner::findingsAdded, this, [this](const QList<AuditFinding> &findings) {
        m_findings.append(findings);
        Q_EMIT findingsAdded(findings);
    });
    connect(m_scanner, &AuditScanner::finished, this, &ScriptAuditController::onScanFinished);
    connect(m_savedWatcher, &QFutureWatcherBase::finished, this,
            &ScriptAuditController::onSavedSwaggerLoaded);
    if (m_session) {
        connect(m_session, &ServerSession::clientsChanged, this, &ScriptAuditController::onClientsChanged);
        connect(m_session, &ServerSession::clientsChanged, this,
                &ScriptAuditController::serverAvailabilityChanged);
    }
    connect(m_plan, &MigrationPlan::replaced, this, [this] {
        Q_EMIT foldersChanged();
        Q_EMIT marksChanged();
        if (m_savedState != SavedSwaggerState::None || !swaggerFile().isEmpty())
            loadSavedSwagger();
    });
    if (!swaggerFile().isEmpty())
        loadSavedSwagger();
}

ScriptAuditController::~ScriptAuditController()
{
    cancelLiveJob();
    if (m_serverJob)
        m_serverJob->disconnect(this);
    // The rules over the server's scripts end on their own, unheard.
    m_serverAuditWatcher->disconnect(this);
    if (m_serverAuditCancelled)
        m_serverAuditCancelled->store(true);
    // Nothing here waits: the scanner and the saved file's read end on their own, unheard.
    m_scanner->disconnect(this);
    m_scanner->cancel();
    m_savedWatcher->disconnect(this);
}

// --- folders and the saved swagger.json ---------------------------------------------------------------

QStringList ScriptAuditController::folders() const
{
    return m_plan->scriptAudit().folders;
}

bool ScriptAuditController::addFolder(const QString &folder)
{
    if (m_scanning || folder.isEmpty())
        return false;
    const QString path = QDir::cleanPath(folder);
    ScriptAuditSection section = m_plan->scriptAudit();
    if (!section.folders.contains(path)) {
        section.folders.append(path);
        m_plan->setScriptAudit(section);
        Q_EMIT foldersChanged();
    }
    return true;
}

void ScriptAuditController::removeFolder(int index)
{
    ScriptAuditSection section = m_plan->scriptAudit();
    if (m_scanning || index < 0 || index >= section.folders.size())
        return;
    section.folders.removeAt(index);
    m_plan->setScriptAudit(section);
    Q_EMIT foldersChanged();
}

QString ScriptAuditController::swaggerFile() const
{
    return m_plan->scriptAudit().swaggerFile;
}

void ScriptAuditController::setSwaggerFile(const QString &path)
{
    const QString trimmed = path.trimmed();
    if (trimmed == swaggerFile() && (m_savedState != SavedSwaggerState::None || trimmed.isEmpty()))
        return;
    ScriptAuditSection section = m_plan->scriptAudit();
    section.swaggerFile = trimmed;
    m_plan->setScriptAudit(section);
    if (!m_scanWaitsForSaved)
        loadSavedSwagger();
}

void ScriptAuditController::loadSavedSwagger()
{
    const QString path = swaggerFile();
    if (path.isEmpty()) {
        m_savedState = SavedSwaggerState::None;
        m_savedCatalog.reset();
        m_savedError.clear();
        Q_EMIT savedSwaggerChanged();
        if (m_scanWaitsForSaved) {
            m_scanWaitsForSaved = false;
            beginScan(nullptr);
        }
        return;
    }
    m_savedState = SavedSwaggerState::Loading;
    m_savedError.clear();
    // Read and parsed on the global pool; this thread only receives the catalog.
    m_savedWatcher->setFuture(QtConcurrent::run([parser = m_parser, path]() {
        SavedLoad load;
        load.path = path;
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            load.error = file.errorString();
            return load;
        }
        if (auto catalog = parser(file.readAll(), &load.error))
            load.catalog = std::make_shared<const SwaggerCatalog>(std::move(*catalog));
        else if (load.error.isEmpty())
            load.error = QStringLiteral("not a swagger document");
        return load;
    }));
    Q_EMIT savedSwaggerChanged();
}

void ScriptAuditController::onSavedSwaggerLoaded()
{
    const SavedLoad load = m_savedWatcher->result();
    if (load.path != swaggerFile()) { // the choice changed while it was read
        loadSavedSwagger();
        return;
    }
    m_savedCatalog = load.catalog;
    m_savedState = load.catalog ? SavedSwaggerState::Ready : SavedSwaggerState::Failed;
    m_savedError =
        load.catalog ? QString() : tr("Cannot read the swagger document %1: %2").arg(load.path, load.error);
    qCDebug(lcControllers) << "saved swagger" << load.path << (load.catalog ? "read" : "unreadable");
    Q_EMIT savedSwaggerChanged();
    if (!m_scanWaitsForSaved)
        return;
    m_scanWaitsForSaved = false;
    if (!load.catalog) {
        setScanning(false);
        Q_EMIT scanFailed(m_savedError);
        return;
    }
    beginScan(load.catalog);
}

QStringList ScriptAuditController::oldServerUrls() const
{
    QStringList urls;
    for (const QUrl &url : {m_plan->serverUrl(ServerRole::Old), m_plan->domain().oldPublicUrl}) {
        const QString text = url.toString();
        if (!url.isEmpty() && !url.host().isEmpty() && !urls.contains(text))
            urls << text;
    }
    return urls;
}

// --- the live API description -------------------------------------------------------------------------

QString ScriptAuditController::liveSwaggerPath()
{
    return kSwaggerPath;
}

OctopusClient *ScriptAuditController::newServerClient() const
{
    return m_session ? m_session->client(ServerRole::New) : nullptr;
}

void ScriptAuditController::setSwaggerParser(SwaggerParser parser)
{
    m_parser = parser ? std::move(parser) : SwaggerParser(&SwaggerCatalog::fromJson);
}

void ScriptAuditController::cancelLiveJob()
{
    if (m_liveJob) {
        m_liveJob->disconnect(this);
        m_liveJob->cancel();
    }
    m_liveJob = nullptr;
}

void ScriptAuditController::ensureLiveSwagger()
{
    // Fetched once per connection to the new server, and again after a failure.
    OctopusClient *client = newServerClient();
    if (client && (client != m_liveSource || m_liveState == LiveSwaggerState::Failed ||
                   m_liveState == LiveSwaggerState::NotConnected))
        fetchLiveSwagger();
}

void ScriptAuditController::fetchLiveSwagger()
{
    cancelLiveJob();
    OctopusClient *client = newServerClient();
    m_liveSource = client;
    if (!client) {
        m_liveState = LiveSwaggerState::NotConnected;
        m_liveCatalog.reset();
        Q_EMIT liveSwaggerChanged();
        return;
    }
    // About 1.4 MB: the body is digested into a catalog on the network side, never parsed on this thread.
    ApiRequest request;
    request.path = kSwaggerPath;
    request.expectJson = false;
    request.keepJson = false;
    request.rawTransform = [parser = m_parser](const QByteArray &body) -> std::optional<QVariant> {
        ScriptAuditLiveSwagger digest;
        if (auto catalog = parser(body, &digest.error))
            digest.catalog = std::make_shared<const SwaggerCatalog>(std::move(*catalog));
        return QVariant::fromValue(digest);
    };
    m_liveJob = client->send(request, this);
    connect(m_liveJob, &ApiJob::finished, this, &ScriptAuditController::onLiveSwaggerFetched);
    m_liveState = LiveSwaggerState::Fetching;
    m_liveError.clear();
    Q_EMIT liveSwaggerChanged();
}

void ScriptAuditController::onLiveSwaggerFetched(const ApiResult &result)
{
    m_liveJob = nullptr;
    if (result.error.kind == ApiErrorKind::Cancelled)
        return; // replaced by a newer fetch, or the connection changed
    const ScriptAuditLiveSwagger digest = result.transformed.value<ScriptAuditLiveSwagger>();
    if (result.ok() && digest.catalog && digest.catalog->canJudgeEndpoints()) {
        m_liveCatalog = digest.catalog;
        m_liveFetchedAt = QDateTime::currentDateTime();
        m_liveState = LiveSwaggerState::Ready;
        m_liveError.clear();
    } else {
        ApiError error = result.error;
        if (!error.isError()) { // the call worked, the document did not
            error.kind = ApiErrorKind::BadResponse;
            error.server = ServerRole::New;
            error.serverUrl = m_liveSource ? m_liveSource->settings().baseUrl : QUrl();
            error.method = "GET";
            error.path = kSwaggerPath;
            error.status = result.status;
            error.message =
                digest.error.isEmpty() ? QStringLiteral("no paths in the document") : digest.error;
        }
        m_liveCatalog.reset();
        m_liveState = LiveSwaggerState::Failed;
        m_liveError = ApiErrorText::describe(error);
    }
    qCDebug(lcControllers) << "live swagger" << int(m_liveState);
    Q_EMIT liveSwaggerChanged();
}

void ScriptAuditController::onClientsChanged()
{
    // The new server's URL or key changed: what was fetched may describe another server.
    if (m_liveSource && newServerClient() == m_liveSource)
        return;
    m_liveCatalog.reset();
    m_liveSource = nullptr;
    if (m_fetchOnReconnect) {
        fetchLiveSwagger();
        return;
    }
    cancelLiveJob();
    m_liveState = LiveSwaggerState::NotConnected;
    Q_EMIT liveSwaggerChanged();
}

// --- the scan -----------------------------------------------------------------------------------------

bool ScriptAuditController::canScanServer() const
{
    return m_session && m_session->client(ServerRole::Old);
}

QList<AuditText> ScriptAuditController::auditTextsOf(const QList<ServerScript> &scripts)
{
    QList<AuditText> texts;
    texts.reserve(scripts.size());
    for (const ServerScript &script : scripts) {
        AuditText text;
        text.location = ServerScriptsJob::locationText(script.location);
        text.url = script.url.toString();
        text.text = script.text;
        text.valueOnly = script.kind == ServerScript::Kind::Variable;
        texts.append(text);
    }
    return texts;
}

bool ScriptAuditController::startScan()
{
    const bool server = m_includeServer && canScanServer();
    if (m_scanning || (folders().isEmpty() && !server))
        return false;
    setScanning(true);
    if (swaggerFile().isEmpty()) {
        beginScan(nullptr);
    } else { // read again: the file may have changed since it was chosen
        m_scanWaitsForSaved = true;
        loadSavedSwagger();
    }
    return true;
}

void ScriptAuditController::beginScan(std::shared_ptr<const SwaggerCatalog> savedCatalog)
{
    AuditScanner::Options options;
    options.roots = folders();
    options.oldUrls = oldServerUrls();
    m_unjudgedReason.clear();
    if (savedCatalog) {
        options.catalog = std::move(savedCatalog);
    } else if (m_liveCatalog) {
        options.catalog = m_liveCatalog;
    } else {
        m_unjudgedReason =
            m_liveState == LiveSwaggerState::Fetching
                ? tr("Routes were not judged against the new server (no missing-endpoint findings): its API "
                     "description was still being fetched when the scan started. Scan again once it is in.")
            : m_liveState == LiveSwaggerState::Failed
                ? tr("Routes were not judged against the new server (no missing-endpoint findings): its live "
                     "API description could not be fetched (see above).")
                : tr("Routes were not judged against the new server (no missing-endpoint findings): connect "
                     "to it, or choose its saved swagger.json.");
    }
    m_findings.clear();
    m_serverFindings.clear();
    m_serverErrors.clear();
    m_serverScriptCount = 0;
    m_folderResult = AuditScanner::Result();
    m_scanCatalog = options.catalog;
    Q_EMIT scanStarted();
    if (m_includeServer && canScanServer()) {
        if (m_serverJob) {
            m_serverJob->disconnect(this);
            m_serverJob->cancel();
            m_serverJob->deleteLater();
        }
        m_serverJob = new ServerScriptsJob(m_session->client(ServerRole::Old), this);
        connect(m_serverJob, &ServerScriptsJob::finished, this,
                &ScriptAuditController::onServerScriptsFinished);
        m_serverJob->start();
    }
    m_folderScanRunning = !options.roots.isEmpty();
    if (m_folderScanRunning)
        m_scanner->start(options);
}

void ScriptAuditController::cancelScan()
{
    if (m_scanWaitsForSaved) { // still reading the saved swagger.json: the scanner never started
        m_scanWaitsForSaved = false;
        setScanning(false);
        AuditScanner::Result result;
        result.cancelled = true;
        Q_EMIT scanFinished(result);
        return;
    }
    if (m_serverJob)
        m_serverJob->cancel(); // finishes (cancelled) at once
    if (m_serverAuditRunning && m_serverAuditCancelled) {
        m_serverAuditCancelled->store(true);
        m_folderResult.cancelled = true;
    }
    if (m_folderScanRunning)
        m_scanner->cancel();
}

void ScriptAuditController::waitForScan()
{
    m_scanner->waitForFinished();
}

void ScriptAuditController::onScanFinished(const AuditScanner::Result &result)
{
    m_folderScanRunning = false;
    m_folderResult = result;
    if (result.cancelled && m_serverJob)
        m_serverJob->cancel();
    completeScan();
}

void ScriptAuditController::onServerScriptsFinished(const ServerScriptsJob::Result &result)
{
    if (sender() != m_serverJob)
        return;
    m_serverJob->deleteLater();
    m_serverJob = nullptr;
    m_serverScriptCount = int(result.scripts.size());
    for (const ApiError &error : result.errors) {
        if (error.kind != ApiErrorKind::Cancelled)
            m_serverErrors << ApiErrorText::describe(error);
    }
    if (result.cancelled) {
        m_folderResult.cancelled = true;
        if (m_folderScanRunning)
            m_scanner->cancel();
    } else {
        AuditRuleSet::Config config;
        config.oldUrls = oldServerUrls();
        config.catalog = m_scanCatalog;
        // The rules run on the global pool, never on this thread.
        m_serverAuditCancelled = std::make_shared<std::atomic_bool>(false);
        m_serverAuditRunning = true;
        m_serverAuditWatcher->setFuture(QtConcurrent::run(
            [texts = auditTextsOf(result.scripts), config, cancelled = m_serverAuditCancelled] {
                return auditTexts(texts, config, cancelled.get());
            }));
    }
    qCDebug(lcControllers) << "server scripts" << m_serverScriptCount;
    completeScan();
}

void ScriptAuditController::onServerAuditDone()
{
    m_serverAuditRunning = false;
    if (m_serverAuditCancelled && m_serverAuditCancelled->load()) {
        m_folderResult.cancelled = true;
    } else {
        m_serverFindings = m_serverAuditWatcher->result();
        m_findings.append(m_serverFindings);
        Q_EMIT findingsAdded(m_serverFindings);
    }
    qCDebug(lcControllers) << "server findings" << m_serverFindings.size();
    completeScan();
}

void ScriptAuditController::completeScan()
{
    if (m_folderScanRunning || m_serverJob || m_serverAuditRunning)
        return; // the other half is still running
    AuditScanner::Result result = m_folderResult;
    result.findings += m_serverFindings;
    sortAuditFindings(result.findings);
    m_scannedFiles = result.files;
    m_scannedBytes = result.bytes;
    m_findings = result.findings; // the sorted, complete list
    if (!result.cancelled)
        recordScanSummary(result);
    setScanning(false);
    Q_EMIT scanFinished(result);
}

void ScriptAuditController::setScanning(bool scanning)
{
    if (m_scanning == scanning)
        return;
    m_scanning = scanning;
    Q_EMIT scanningChanged(scanning);
}

void ScriptAuditController::recordScanSummary(const AuditScanner::Result &result)
{
    ScriptAuditScanSummary summary;
    summary.at = QDateTime::currentDateTimeUtc();
    summary.files = int(result.files);
    QSet<QString> filesMentioning;
    for (const AuditFinding &finding : result.findings) {
        ++summary.findingsByCategory[auditCategoryName(finding.category)];
        if (finding.category == AuditCategory::OldServerUrl) {
            ++summary.mentionsOfOldServer;
            filesMentioning.insert(finding.absolutePath);
        }
    }
    summary.filesMentioningOldServer = int(filesMentioning.size());
    ScriptAuditSection section = m_plan->scriptAudit();
    section.lastScan = summary;
    m_plan->setScriptAudit(section);
}

// --- marks --------------------------------------------------------------------------------------------

std::optional<AuditMark::Kind> ScriptAuditController::markOf(const AuditFinding &finding) const
{
    if (const AuditMark *mark = m_plan->scriptAudit().mark(AuditPlanState::findingKey(finding)))
        return mark->kind;
    return std::nullopt;
}

QHash<QString, QString> ScriptAuditController::decisions() const
{
    QHash<QString, QString> result;
    for (const AuditMark &mark : m_plan->scriptAudit().marks)
        result.insert(mark.findingKey, AuditMark::kindName(mark.kind));
    return result;
}

void ScriptAuditController::setMark(const AuditFinding &finding, AuditMark::Kind kind, const QString &note)
{
    ScriptAuditSection section = m_plan->scriptAudit();
    const QString key = AuditPlanState::findingKey(finding);
    if (const AuditMark *existing = section.mark(key);
        existing && existing->kind == kind && existing->note == note)
        return; // unchanged: keeps who and when
    AuditMark mark;
    mark.findingKey = key;
    mark.kind = kind;
    mark.by = m_markedBy;
    mark.at = QDateTime::currentDateTimeUtc();
    mark.note = note;
    section.setMark(mark);
    m_plan->setScriptAudit(section);
    Q_EMIT marksChanged();
}

void ScriptAuditController::clearMark(const AuditFinding &finding)
{
    ScriptAuditSection section = m_plan->scriptAudit();
    if (!section.clearMark(AuditPlanState::findingKey(finding)))
        return;
    m_plan->setScriptAudit(section);
    Q_EMIT marksChanged();
}

// --- export -------------------------------------------------------------------------------------------

bool ScriptAuditController::exportReport(const QString &path, AuditReportWriter::Format format,
                                         QString *error) const
{
    AuditReportWriter writer(m_scannedFiles, m_scannedBytes, m_findings);
    const QHash<QString, QString> marks = decisions();
    writer.setStatusFunction(
        [&marks](const AuditFinding &finding) { return marks.value(AuditPlanState::findingKey(finding)); });
    QString detail;
    if (writer.writeFile(path, format, &detail))
        return true;
    if (error)
        *error = tr("Cannot write %1: %2").arg(path, detail);
    return false;
}
