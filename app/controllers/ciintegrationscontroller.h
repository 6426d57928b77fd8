#pragma once

#include "apierror.h"
#include "cievidence.h"
#include "ciintegrations.h"
#include "migrationplan.h"

#include <QBasicTimer>
#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>

#include <functional>

class CiRecordsJob;
class ServerSession;

// The work behind the CI integrations step: reads the evidence of both servers over the plan's window
// (CiRecordsJob each), groups it into integrations, keeps the lead's decisions, owners and notes in the plan,
// and moves a repointed integration to verified only on evidence from the new server newer than the mark.
// The still-talking watch re-reads the old server every `watchIntervalMs` while it runs and lists the
// integrations it saw since a chosen time (the cutover step uses it). No widgets.
class CiIntegrationsController : public QObject
{
    Q_OBJECT
public:
    CiIntegrationsController(MigrationPlan *plan, ServerSession *session, QObject *parent = nullptr);
    ~CiIntegrationsController() override;

    bool canRefresh() const; // both servers can be reached
    bool isRefreshing() const { return m_running > 0; }
    void refresh();
    void cancel();

    // The rows of the last refresh, plus the plan's records whose evidence has left the window (shown with
    // what the plan knows). Sorted as CiIntegrations::group sorts.
    const QList<CiIntegrations::Integration> &integrations() const { return m_rows; }
    const CiIntegrations::Integration *integration(const QString &id) const;
    CiIntegrationRecord record(const QString &id) const; // the plan's, or a fresh pending one
    QDateTime lastRefreshAt() const { return m_plan->ciIntegrations().lastRefreshAt; }
    QList<ApiError> lastErrors() const { return m_errors; }

    void setDecision(const QString &id, CiIntegrationRecord::Decision decision);
    void setOwner(const QString &id, const QString &owner);
    void setNotes(const QString &id, const QString &notes);
    // An integration the lead knows of that left no evidence (a nightly job, a tool run by hand). Returns its
    // id ("manual:" + system and place), or an empty string when system or location is empty.
    QString addManual(const QString &system, const QString &location);
    // Removes a row added by hand (and its record); evidence-backed rows cannot be removed.
    void removeManual(const QString &id);
    static bool isManual(const QString &id) { return id.startsWith(QLatin1String("manual:")); }

    // Marks the integrations repointed now (pending -> repointed); a verified one stays verified.
    void markRepointed(const QStringList &ids);
    // Back to pending (the mark was a mistake).
    void clearRepointed(const QStringList &ids);

    // Writes the table with the decisions as CSV or Markdown (CiIntegrationsExportWriter). False with *error.
    bool exportTo(const QString &path, bool markdown, QString *error) const;

    // Still talking to the old server: integrations the old server saw after `since`, re-read every
    // `intervalMs` until stopWatching().
    void startWatching(const QDateTime &since, int intervalMs = 60000);
    void stopWatching();
    bool isWatching() const { return m_watch.isActive(); }
    QDateTime watchingSince() const { return m_watchSince; }
    const QList<CiIntegrations::Integration> &stillTalking() const { return m_stillTalking; }
    QDateTime stillTalkingReadAt() const { return m_stillTalkingAt; }

Q_SIGNALS:
    void refreshingChanged(bool refreshing);
    void integrationsChanged();
    void recordsChanged(const QStringList &ids);
    void refreshFailed(const QList<ApiError> &errors); // some evidence could not be read (the rest is shown)
    void stillTalkingChanged();

protected:
    void timerEvent(QTimerEvent *event) override;

private:
    void onRecords(ServerRole role, const CiEvidence::ServerRecords &records, const QList<ApiError> &errors);
    void regroup();
    void applyVerification();
    void updateRecord(const QString &id, const std::function<void(CiIntegrationRecord &)> &change);
    void readOldServerForWatch();

    MigrationPlan *m_plan;
    ServerSession *m_session;
    QPointer<CiRecordsJob> m_jobs[2];
    CiEvidence::ServerRecords m_records[2];
    QList<ApiError> m_errors;
    QDateTime m_since;
    int m_running = 0;
    int m_generation = 0;
    QList<CiIntegrations::Integration> m_rows;

    QBasicTimer m_watch;
    QDateTime m_watchSince;
    QPointer<CiRecordsJob> m_watchJob;
    QList<CiIntegrations::Integration> m_stillTalking;
    QDateTime m_stillTalkingAt;
};
