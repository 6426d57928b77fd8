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
};

struct TentacleVerifyResult
{
    QString id;
    QString spaceId;
    QString healthStatus;  // the new server's HealthStatus after the check, empty when it could not be read
    bool verified = false; // Healthy or HasWarnings
    QDateTime checkedAt;   // UTC
    ApiError error;        // why the machine could not be checked
};

// Asks the new server whether re-pointed polling Tentacles reach it. Per space, all at once: queues a
// health task `POST /api/{spaceId}/tasks {"Name":"Health","SpaceId":…,"Arguments":{"MachineIds":[…]}}`,
// polls `GET /api/tasks/{id}` until it completes, then reads the machines' HealthStatus from
// `/api/{spaceId}/machines/all?ids=…` and `/workers/all?ids=…`. With runHealthCheck off it only reads the
// status. Emits finished() exactly once (error kind Cancelled after cancel()).
class TentacleVerifier : public QObject
{
    Q_OBJECT
public:
    explicit TentacleVerifier(OctopusClient *client, QObject *parent = nullptr);
    ~TentacleVerifier() override;

    void setRunHealthCheck(bool run) { m_runHealthCheck = run; }
    void setPollIntervalMs(int ms) { m_pollIntervalMs = ms; }
    void setTaskTimeoutMs(int ms) { m_taskTimeoutMs = ms; }

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
    void readStatus(SpaceRun *run);
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
