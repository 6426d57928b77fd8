#pragma once

#include "apierror.h"
#include "cutoveritem.h"

#include <QByteArray>
#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QObject>
#include <QPointer>
#include <QString>
#include <QUrl>

#include <functional>
#include <optional>

class ApiJob;
class OctopusClient;
class PagedFetchJob;
struct ApiRequest;
struct ApiResult;
struct PagedResult;

enum class CutoverAction
{
    MaintenanceOn,        // PUT /api/maintenanceconfiguration {IsInMaintenanceMode:true}, then read back
    MaintenanceOff,       // the same with false
    DisableCloneItems,    // the new server: every enabled target, worker, trigger and subscription disabled
    ReenableCloneItems,   // the new server: exactly the recorded items enabled again
    QueueTentacleUpgrade, // POST /api/{spaceId}/tasks {Name:"Upgrade", Arguments:{EnvironmentId}}
};

// One action of the cutover, confirmed by the user beforehand, against one server. It refuses (sends
// nothing, finishes with a refusal) when the client's role is the wrong server for the action: maintenance
// mode belongs to the old server (the rollback step allows the new one explicitly), disabling and
// re-enabling belong to the new server only, and Tentacle upgrades to the new server unless the old one is
// allowed. Writes whole resources back (GET, change one field, PUT), so fields Handover does not know are
// kept. Finishes exactly once (cancelled and timed out included); never blocks; deleting it cancels.
class CutoverActionJob : public QObject
{
    Q_OBJECT
public:
    enum class Refusal
    {
        None,
        NoClient,            // no client for the server
        NewServerNotAllowed, // maintenance mode on the new server without allowNewServer
        OldServerNotAllowed, // an upgrade on the old server without allowOldServer
        NotTheNewServer,     // disabling or re-enabling on a server that is not the new one
        NoEnvironment,       // an upgrade without an environment
    };

    // One REST call made, as the journal keeps it.
    struct Call
    {
        QByteArray method;
        QString path;
        int status = 0; // 0: no answer
        bool ok = false;
        bool operator==(const Call &) const = default;
    };

    struct Result
    {
        CutoverAction action = CutoverAction::MaintenanceOn;
        std::optional<ServerRole> server;
        QUrl serverUrl;
        bool ok = false; // everything asked was done and read back as asked
        Refusal refusal = Refusal::None;
        QString refusalText; // translated, empty unless refused
        QList<Call> calls;   // in the order they were answered
        QDateTime startedAt; // UTC
        QDateTime finishedAt;

        // Maintenance: the state read back (GET after the PUT), who changed it last and when.
        std::optional<bool> maintenance;
        QString maintenanceModifiedBy;
        QDateTime maintenanceModifiedOn;

        // Disable: what this job disabled (each PUT answered IsDisabled true). Re-enable: what is enabled
        // again (read back false). `failed` lists the items that could not be changed; `errors` says why.
        QList<CutoverItem> items;
        QList<CutoverItem> failed;

        // Upgrade: the environment and the task the server queued (as its POST answered).
        QString spaceId;
        QString environmentId;
        QString taskId;
        QString taskName;
        QString taskState;

        QList<ApiError> errors;

        QJsonObject toJson() const;
        static Result fromJson(const QJsonObject &object);
    };

    CutoverActionJob(OctopusClient *client, CutoverAction action, QObject *parent = nullptr);
    ~CutoverActionJob() override;

    // Maintenance mode on the new server (the rollback step).
    void setAllowNewServer(bool allow) { m_allowNewServer = allow; }
    // A Tentacle upgrade queued on the old server.
    void setAllowOldServer(bool allow) { m_allowOldServer = allow; }
    // ReenableCloneItems: the items a DisableCloneItems result recorded.
    void setItems(const QList<CutoverItem> &items) { m_items = items; }
    // QueueTentacleUpgrade: the environment whose Tentacles the new server upgrades.
    void setEnvironment(const QString &spaceId, const QString &environmentId);
    // The whole action's deadline (default 10 minutes); a running action then finishes with Timeout.
    void setTimeoutMs(int ms) { m_timeoutMs = ms; }
    // At most this many items are read and written at a time (default 4).
    void setParallelism(int n) { m_parallelism = qMax(1, n); }

    void start();
    void cancel();
    bool isFinished() const { return m_finished; }
    const Result &result() const { return m_result; }

    static QString actionName(CutoverAction action); // "maintenance-on", ...
    static std::optional<CutoverAction> actionFromName(const QString &name);
    static QString refusalName(Refusal refusal); // "new-server-not-allowed", ...
    static QString describeRefusal(Refusal refusal);

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const CutoverActionJob::Result &result);

private:
    using Handler = std::function<void(const ApiResult &)>;
    void call(const ApiRequest &request, Handler handler);
    void fetch(const QString &path, std::function<void(const PagedResult &)> handler);
    void stopRunning();
    void refuse(Refusal refusal);
    void finish();
    void fail(const ApiError &error);
    void timerEvent(QTimerEvent *event) override;

    void setMaintenance(bool on);
    void listCloneItems();
    void onSpaces(const QStringList &spaceIds);
    void changeItems(const QList<CutoverItem> &items, bool disable);
    void pumpItems();
    void changeItem(const CutoverItem &item);
    void queueUpgrade();

    QPointer<OctopusClient> m_client;
    CutoverAction m_action;
    Result m_result;
    QList<CutoverItem> m_items;
    QString m_spaceId;
    QString m_environmentId;
    bool m_allowNewServer = false;
    bool m_allowOldServer = false;
    int m_timeoutMs = 10 * 60 * 1000;
    int m_timer = 0;
    int m_parallelism = 4;
    bool m_started = false;
    bool m_finished = false;
    QList<QPointer<QObject>> m_running;

    // Listing and changing items
    QList<CutoverItem> m_candidates;
    int m_listsLeft = 0;
    QList<CutoverItem> m_queue;
    QList<CutoverItem> m_order;
    int m_inFlight = 0;
    int m_done = 0;
    int m_total = 0;
    bool m_disable = true;
};
Q_DECLARE_METATYPE(CutoverActionJob::Result)
