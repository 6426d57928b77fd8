#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>

class ApiJob;
class OctopusClient;
class QTimer;

struct TentacleVerifyTarget
{
    QString id;
    QString spaceId;
    bool isWorker = false;
    QDateTime repointedAt; // UTC, the machine's re-point mark; invalid when it has none
};

struct TentacleVerifyResult
{
    QString id;
    QString spaceId;
    QString healthStatus;  // the new server's HealthStatus as read, empty when it could not be read
    bool verified = false; // Healthy or HasWarnings from a health check newer than the re-point mark
    // The HealthStatus read is not evidence of this re-point: no health task covering the machine completed
    // after the mark (status-only mode, or the task did not finish in time). On a clone it is whatever the
    // database held when it was cloned.
    bool stale = false;
    bool disabled = false; // IsDisabled on the new server: health checks skip it, so it cannot be verified
    QDateTime healthCheckedAt; // UTC, when the health task the status comes from started; invalid if stale
    QDateTime checkedAt;       // UTC, when the status was read
    ApiError error;            // why the machine could not be checked
};

// Asks the new server whether re-pointed polling Tentacles reach it. The cloned HealthStatus is not
// evidence (it changes only when a health check runs), so per space it queues a health task
// `POST /api/{spaceId}/tasks {"Name":"Health","SpaceId":…,"Arguments":{"MachineIds":[…]}}` after the
// machines' re-point marks, polls `GET /api/tasks/{id}` until it completes, then reads the machines'
// HealthStatus and IsDisabled from `/api/{spaceId}/machines/all?ids=…` and `/workers/all?ids=…`, in batches
// that keep each request line well under Kestrel's 8 KB limit. A machine counts as verified only when that
// task completed and the machine is enabled and healthy. With runHealthCheck off (or when the task does not
// finish in time) it only reads the status and marks every result stale. Emits finished() exactly once
// (error kind Cancelled after cancel()).
class TentacleVerifier : public QObject
{
    Q_OBJECT
public:
    explicit TentacleVerifier(OctopusClient *client, QObject *parent = nullptr);
    ~TentacleVerifier() override;

    void setRunHealthCheck(bool run) { m_runHealthCheck = run; }
    void setPollIntervalMs(int ms) { m_pollIntervalMs = ms; }
    void setTaskTimeoutMs(int ms) { m_taskTimeoutMs = ms; }
    // The most characters of `ids=` one status read carries (the request line stays under 8 KB).
    static constexpr int kMaxIdsQueryChars = 4000;

    void start(const QList<TentacleVerifyTarget> &machines);
    void cancel();
    bool isRunning() const { return m_running; }
    int total() const { return m_total; }

Q_SIGNALS:
    void progress(int machinesDone, int machinesTotal);
    void machineChecked(const TentacleVerifyResult &result);
    void finished(const QList<TentacleVerifyResult> &results, const ApiError &error);

private:
    struct SpaceRun;
    void startSpace(SpaceRun *run);
    void pollTask(SpaceRun *run);
    void readStatus(SpaceRun *run, bool fresh);
    void failSpace(SpaceRun *run, const ApiError &error);
    void record(const TentacleVerifyResult &result);
    void spaceDone(SpaceRun *run);
    ApiJob *track(ApiJob *job);
    void finish(const ApiError &error);

    QPointer<OctopusClient> m_client;
    QList<SpaceRun *> m_runs;
    QList<QPointer<ApiJob>> m_jobs;
    QList<TentacleVerifyResult> m_results;
    ApiError m_firstError;
    int m_total = 0;
    int m_pollIntervalMs = 1000;
    int m_taskTimeoutMs = 10 * 60 * 1000;
    int m_spacesLeft = 0;
    int m_generation = 0;
    bool m_runHealthCheck = true;
    bool m_running = false;
};

Q_DECLARE_METATYPE(TentacleVerifyResult)
