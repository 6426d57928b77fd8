#pragma once

#include "serverfacts.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class ApiJob;
class OctopusClient;
class PagedFetchJob;
struct ApiResult;

// One readiness refresh of one server: the root document, an authenticated call, server status, health,
// nodes, the global certificate thumbprint, task counts and (for the clone) what could act on production.
// The calls run in parallel; changed() fires as each answer lands (so the Connect page shows each check
// live); finished() fires once when all have answered.
class ReadinessProbe : public QObject
{
    Q_OBJECT
public:
    ReadinessProbe(OctopusClient *client, ServerRole role, QObject *parent = nullptr);

    void start();
    void cancel();
    const ServerFacts &facts() const { return m_facts; }
    bool isRunning() const { return m_running; }

Q_SIGNALS:
    void changed();
    void finished();

private:
    ApiJob *get(const QString &path, const QList<int> &accepted = {});
    void track(QObject *job);
    void done();
    void onSpaces(const QStringList &spacePrefixes);
    void readPermissions(const QString &userId);
    void startCloneSafety(const QStringList &spacePrefixes);
    void countTotal(const QString &path, std::optional<qint64> *target, qint64 *accumulator, int *remaining);

    OctopusClient *m_client;
    ServerRole m_role;
    ServerFacts m_facts;
    QList<QPointer<QObject>> m_jobs;
    int m_outstanding = 0;
    bool m_running = false;
    bool m_rootOk = false;
    bool m_authOk = false;
    int m_authAnswered = 0;
    // clone safety accumulators
    qint64 m_targets = 0;
    qint64 m_workers = 0;
    qint64 m_triggers = 0;
    qint64 m_subscriptions = 0;
    int m_targetsLeft = 0;
    int m_workersLeft = 0;
    int m_triggersLeft = 0;
    int m_subscriptionsLeft = 0;
};
