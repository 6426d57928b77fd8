#include "ciintegrationscontroller.h"

#include "ciintegrationsexportwriter.h"
#include "serversession.h"

#include <QTimerEvent>

#include <algorithm>

namespace {

int index(ServerRole role)
{
    return role == ServerRole::Old ? 0 : 1;
}

} // namespace

CiIntegrationsController::CiIntegrationsController(MigrationPlan *plan, ServerSession *session,
                                                   QObject *parent)
    : QObject(parent)
    , m_plan(plan)
    , m_session(session)
{
    regroup(); // the plan's records, before any evidence
    connect(m_plan, &MigrationPlan::replaced, this, [this] {
        cancel();
        stopWatching();
        m_records[0] = {};
        m_records[1] = {};
        regroup();
    });
}

CiIntegrationsController::~CiIntegrationsController()
{
    for (QPointer<CiRecordsJob> &job : m_jobs)
        delete job.data();
    delete m_watchJob.data();
}

bool CiIntegrationsController::canRefresh() const
{
    return m_session && m_session->canConnect(ServerRole::Old) && m_session->canConnect(ServerRole::New);
}

void CiIntegrationsController::refresh()
{
    if (isRefreshing() || !canRefresh())
        return;
    const int generation = ++m_generation;
    m_errors.clear();
    m_since = QDateTime::currentDateTimeUtc().addDays(-m_plan->ciIntegrations().windowDays);
    for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
        auto *job = new CiRecordsJob(m_session->client(role), m_since, this);
        m_jobs[index(role)] = job;
        ++m_running;
        connect(job, &CiRecordsJob::finished, this,
                [this, job, role, generation](const CiEvidence::ServerRecords &records,
                                              const QList<ApiError> &errors) {
                    job->deleteLater();
                    if (generation != m_generation)
                        return;
                    onRecords(role, records, errors);
                });
        job->start();
    }
    Q_EMIT refreshingChanged(true);
}

void CiIntegrationsController::cancel()
{
    if (!isRefreshing())
        return;
    ++m_generation; // late answers of the cancelled run are ignored
    for (QPointer<CiRecordsJob> &job : m_jobs) {
        if (job)
            job->deleteLater();
        job.clear();
    }
    m_running = 0;
    Q_EMIT refreshingChanged(false);
}

void CiIntegrationsController::onRecords(ServerRole role, const CiEvidence::ServerRecords &records,
                                         const QList<ApiError> &errors)
{
    m_records[index(role)] = records;
    m_errors += errors;
    if (--m_running > 0)
        return;
    regroup();
    applyVerification();
    // The counts the Domain step shows.
    CiIntegrationsSection section = m_plan->ciIntegrations();
    section.lastRefreshAt = QDateTime::currentDateTimeUtc();
    section.talkingToOld = 0;
    section.notVerified = 0;
    for (const CiIntegrations::Integration &row : std::as_const(m_rows)) {
        if (!row.lastSeenOld.isValid() && !isManual(row.id))
            continue; // added by hand: a known caller of the old server, with or without evidence
        ++section.talkingToOld;
        const auto it = section.integrations.constFind(row.id);
        const bool retired = it != section.integrations.cend() &&
                             it->decision != CiIntegrationRecord::Decision::Repoint &&
                             it->decision != CiIntegrationRecord::Decision::Undecided;
        if (!retired &&
            (it == section.integrations.cend() || it->status != CiIntegrationRecord::Status::Verified))
            ++section.notVerified;
    }
    m_plan->setCiIntegrations(section);
    Q_EMIT refreshingChanged(false);
    if (!m_errors.isEmpty())
        Q_EMIT refreshFailed(m_errors);
}

void CiIntegrationsController::regroup()
{
    QList<CiIntegrations::Integration> rows =
        m_records[0].snapshot.takenAt.isValid() || m_records[1].snapshot.takenAt.isValid()
            ? CiIntegrations::group(CiEvidence::evidenceFrom(m_records[0], m_records[1], m_since))
            : QList<CiIntegrations::Integration>{};
    // Records the plan holds whose evidence is gone: shown with what the plan knows.
    const QMap<QString, CiIntegrationRecord> &records = m_plan->ciIntegrations().integrations;
    for (auto it = records.begin(); it != records.end(); ++it) {
        const bool present =
            std::any_of(rows.cbegin(), rows.cend(),
                        [&](const CiIntegrations::Integration &r) { return r.id == it.key(); });
        if (present)
            continue;
        CiIntegrations::Integration row;
        row.id = it.key();
        row.system = it->system;
        row.location = it->location;
        if (isManual(it.key())) {
            CiIntegrations::Evidence e;
            e.kind = CiIntegrations::Evidence::Kind::Manual;
            e.system = it->system;
            e.location = it->location;
            e.detail = tr("Added by hand");
            row.evidence.append(e);
        }
        rows.append(row);
    }
    CiIntegrations::sortRows(rows);
    m_rows = rows;
    Q_EMIT integrationsChanged();
}

void CiIntegrationsController::applyVerification()
{
    CiIntegrationsSection section = m_plan->ciIntegrations();
    QStringList changed;
    for (auto it = section.integrations.begin(); it != section.integrations.end(); ++it) {
        if (it->status != CiIntegrationRecord::Status::Repointed)
            continue;
        const CiIntegrations::Integration *row = integration(it.key());
        if (!row)
            continue;
        if (const std::optional<CiIntegrations::Evidence> proof =
                CiIntegrations::evidenceOfMove(*row, it->repointedAt)) {
            it->status = CiIntegrationRecord::Status::Verified;
            it->verifiedAt = proof->time;
            it->verifiedBy = proof->detail;
            changed.append(it.key());
        }
    }
    if (changed.isEmpty())
        return;
    m_plan->setCiIntegrations(section);
    Q_EMIT recordsChanged(changed);
}

const CiIntegrations::Integration *CiIntegrationsController::integration(const QString &id) const
{
    for (const CiIntegrations::Integration &row : m_rows) {
        if (row.id == id)
            return &row;
    }
    return nullptr;
}

CiIntegrationRecord CiIntegrationsController::record(const QString &id) const
{
    const QMap<QString, CiIntegrationRecord> &records = m_plan->ciIntegrations().integrations;
    if (const auto it = records.constFind(id); it != records.cend())
        return *it;
    CiIntegrationRecord fresh;
    if (const CiIntegrations::Integration *row = integration(id)) {
        fresh.system = row->system;
        fresh.location = row->location;
    }
    return fresh;
}

void CiIntegrationsController::updateRecord(const QString &id,
                                            const std::function<void(CiIntegrationRecord &)> &change)
{
    CiIntegrationsSection section = m_plan->ciIntegrations();
    CiIntegrationRecord updated = record(id);
    change(updated);
    if (section.integrations.value(id) == updated && section.integrations.contains(id))
        return;
    section.integrations.insert(id, updated);
    m_plan->setCiIntegrations(section);
    Q_EMIT recordsChanged({id});
}

void CiIntegrationsController::setDecision(const QString &id, CiIntegrationRecord::Decision decision)
{
    updateRecord(id, [decision](CiIntegrationRecord &r) { r.decision = decision; });
}

void CiIntegrationsController::setOwner(const QString &id, const QString &owner)
{
    updateRecord(id, [&owner](CiIntegrationRecord &r) { r.owner = owner.trimmed(); });
}

void CiIntegrationsController::setNotes(const QString &id, const QString &notes)
{
    updateRecord(id, [&notes](CiIntegrationRecord &r) { r.notes = notes; });
}

QString CiIntegrationsController::addManual(const QString &system, const QString &location)
{
    const QString s = system.trimmed();
    const QString l = location.trimmed();
    if (s.isEmpty() || l.isEmpty())
        return {};
    const QString id = QStringLiteral("manual:") + s.toLower() + QLatin1Char(':') + l.toLower();
    CiIntegrationsSection section = m_plan->ciIntegrations();
    if (!section.integrations.contains(id)) {
        CiIntegrationRecord record;
        record.system = s;
        record.location = l;
        section.integrations.insert(id, record);
        m_plan->setCiIntegrations(section);
        regroup();
        Q_EMIT recordsChanged({id});
    }
    return id;
}

void CiIntegrationsController::removeManual(const QString &id)
{
    if (!isManual(id))
        return;
    CiIntegrationsSection section = m_plan->ciIntegrations();
    if (section.integrations.remove(id) == 0)
        return;
    m_plan->setCiIntegrations(section);
    regroup();
    Q_EMIT recordsChanged({id});
}

void CiIntegrationsController::markRepointed(const QStringList &ids)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    for (const QString &id : ids) {
        updateRecord(id, [&now](CiIntegrationRecord &r) {
            if (r.status == CiIntegrationRecord::Status::Verified)
                return;
            r.status = CiIntegrationRecord::Status::Repointed;
            r.repointedAt = now;
            if (r.decision == CiIntegrationRecord::Decision::Undecided)
                r.decision = CiIntegrationRecord::Decision::Repoint;
        });
    }
}

void CiIntegrationsController::clearRepointed(const QStringList &ids)
{
    for (const QString &id : ids) {
        updateRecord(id, [](CiIntegrationRecord &r) {
            r.status = CiIntegrationRecord::Status::Pending;
            r.repointedAt = {};
            r.verifiedAt = {};
            r.verifiedBy.clear();
        });
    }
}

void CiIntegrationsController::startWatching(const QDateTime &since, int intervalMs)
{
    m_watchSince = since.toUTC();
    m_stillTalking.clear();
    m_stillTalkingAt = {};
    m_watch.start(std::max(intervalMs, 1000), this);
    readOldServerForWatch();
    Q_EMIT stillTalkingChanged();
}

void CiIntegrationsController::stopWatching()
{
    m_watch.stop();
    if (m_watchJob)
        m_watchJob->deleteLater();
    m_watchJob.clear();
}

void CiIntegrationsController::timerEvent(QTimerEvent *event)
{
    if (event->timerId() == m_watch.timerId())
        readOldServerForWatch();
    else
        QObject::timerEvent(event);
}

void CiIntegrationsController::readOldServerForWatch()
{
    if (m_watchJob || !m_session || !m_session->canConnect(ServerRole::Old))
        return; // the previous read is still under way, or the old server cannot be reached
    auto *job = new CiRecordsJob(m_session->client(ServerRole::Old), m_watchSince, this);
    m_watchJob = job;
    connect(job, &CiRecordsJob::finished, this,
            [this, job](const CiEvidence::ServerRecords &records, const QList<ApiError> &) {
                job->deleteLater();
                if (m_watchJob != job)
                    return;
                m_watchJob.clear();
                QList<CiIntegrations::Integration> rows;
                for (const CiIntegrations::Integration &row : CiIntegrations::group(
                         CiEvidence::fromInventory(records.snapshot, ServerRole::Old, m_watchSince) +
                         CiEvidence::fromEvents(records.events, ServerRole::Old))) {
                    if (row.lastSeenOld.isValid() && row.lastSeenOld > m_watchSince)
                        rows.append(row);
                }
                m_stillTalking = rows;
                m_stillTalkingAt = QDateTime::currentDateTimeUtc();
                Q_EMIT stillTalkingChanged();
            });
    job->start();
}

bool CiIntegrationsController::exportTo(const QString &path, bool markdown, QString *error) const
{
    const CiIntegrationsExportWriter writer(m_rows, m_plan->ciIntegrations().integrations);
    return writer.writeFile(path,
                            markdown ? CiIntegrationsExportWriter::Format::Markdown
                                     : CiIntegrationsExportWriter::Format::Csv,
                            error);
}
