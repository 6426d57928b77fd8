#pragma once

#include "apierror.h"
#include "cutoveritem.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <memory>

class ApiJob;
class OctopusClient;
struct ApiRequest;
struct ApiResult;

// One server-side gate of the cutover as evaluated now.
struct CutoverGate
{
    enum class Status
    {
        Pass,
        Fail,
        Unknown, // could not be checked: the evidence says why
    };

    QString id; // a public contract: see CutoverGatesJob
    Status status = Status::Unknown;
    QString evidence;    // one translated line naming what was seen
    QDateTime checkedAt; // UTC
    ApiError error;      // the call that kept the gate unknown, when one did

    static QString statusName(Status status); // "pass", "fail", "unknown"
    QJsonObject toJson() const;
};
Q_DECLARE_TYPEINFO(CutoverGate, Q_RELOCATABLE_TYPE);

struct CutoverGatesParameters
{
    QUrl publicUrl;                   // the address the DNS name answers at; empty: dns-new-server unknown
    int quietMinutes = 15;            // nobody-talking looks this far back
    QList<CutoverItem> disabledItems; // what DisableCloneItems recorded (empty: nothing was disabled)
};

// Evaluates the server-side gates of the cutover now, with a client for each server (either may be missing:
// its gates are then unknown, saying why). The gates, in this order, with their public ids:
//   old-maintenance        the old server reports IsInMaintenanceMode true
//   old-queue-drained      the old server has no task Queued, Executing or Cancelling (every space and the
//                          system tasks)
//   nobody-talking         no caller but Handover on the old server in the last N minutes: no event there
//   with
//                          a user whose client is not Handover, no build information created
//   dns-new-server         GET {publicUrl}/api (anonymous: no API key goes to that address) answers with the
//   new
//                          server's InstallationId, which differs from the old server's
//   clone-items-reenabled  every recorded disabled item is enabled again on the new server
// The gates are read in parallel. Finishes exactly once; cancellable; deleting it cancels.
class CutoverGatesJob : public QObject
{
    Q_OBJECT
public:
    struct Result
    {
        QList<CutoverGate> gates; // the five, in the order above
        QDateTime checkedAt;      // when the last gate was decided
        bool cancelled = false;

        const CutoverGate *gate(const QString &id) const;
        bool allPass() const;
        QJsonObject toJson() const;
    };

    static const QStringList &gateIds();

    CutoverGatesJob(OctopusClient *oldClient, OctopusClient *newClient,
                    const CutoverGatesParameters &parameters, QObject *parent = nullptr);
    ~CutoverGatesJob() override;

    void start();
    void cancel();
    bool isFinished() const { return m_finished; }
    const Result &result() const { return m_result; }

Q_SIGNALS:
    void gateChanged(const CutoverGate &gate);
    void finished(const CutoverGatesJob::Result &result);

private:
    void hold();
    void release();
    void decide(const QString &id, CutoverGate::Status status, const QString &evidence,
                const ApiError &error = ApiError());
    void track(QObject *job);
    void stopRunning();
    ApiJob *send(OctopusClient *client, const QString &path);

    void checkMaintenance();
    void readOldSpaces();
    void checkQueue(const QStringList &spaceIds);
    void checkTalking(const QStringList &spaceIds);
    void checkDns();
    void onDnsAnswer();
    void checkReenabled();

    QPointer<OctopusClient> m_old;
    QPointer<OctopusClient> m_new;
    CutoverGatesParameters m_parameters;
    std::unique_ptr<OctopusClient> m_public; // anonymous, for the DNS name
    Result m_result;
    QList<QPointer<QObject>> m_running;
    int m_holds = 0;
    bool m_started = false;
    bool m_finished = false;
    QDateTime m_windowStart;

    // dns-new-server
    std::optional<QString> m_publicId;
    std::optional<QString> m_newId;
    std::optional<QString> m_oldId;
    ApiError m_publicError;
    ApiError m_newError;
    ApiError m_oldError;
    int m_dnsLeft = 0;
};
Q_DECLARE_METATYPE(CutoverGate)
Q_DECLARE_METATYPE(CutoverGatesJob::Result)
