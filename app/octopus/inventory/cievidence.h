#pragma once

#include "apierror.h"
#include "auditevent.h"
#include "ciintegrations.h"
#include "inventorysnapshot.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class OctopusClient;

// An audit event as the CI inventory reads it (the shared events job reads it: eventsjob.h): who acted, how
// they proved it, with what client.
using CiEvent = AuditEvent;

namespace CiEvidence {

// What was read from one server: its inventory and its events over the window.
struct ServerRecords
{
    InventorySnapshot snapshot;
    QList<CiEvent> events;
};

} // namespace CiEvidence

// Everything the CI inventory reads from one server: the parts of its inventory the evidence is made of
// (spaces, users with the API keys of service accounts, build information), and its events since `since`,
// asked for as soon as the spaces are known, beside the rest. Finishes exactly once; `errors` lists what
// could not be read (the rest is still there). Cancellable; deleting it cancels.
class CiRecordsJob : public QObject
{
    Q_OBJECT
public:
    CiRecordsJob(OctopusClient *client, const QDateTime &since, QObject *parent = nullptr);
    ~CiRecordsJob() override;

    void start();
    void cancel();

Q_SIGNALS:
    void finished(const CiEvidence::ServerRecords &records, const QList<ApiError> &errors);

private:
    void startEvents(const QStringList &spaceIds);
    void onEvents(const QList<CiEvent> &events, const ApiError &error);
    void finishWhenDone();
    void finish();

    QPointer<OctopusClient> m_client;
    QDateTime m_since;
    QPointer<QObject> m_inventory;
    QPointer<QObject> m_events;
    CiEvidence::ServerRecords m_records;
    QList<ApiError> m_errors;
    ApiError m_eventsError;
    bool m_inventoryDone = false;
    bool m_eventsStarted = false;
    bool m_eventsDone = false;
    bool m_finished = false;
};

namespace CiEvidence {

// The evidence of both servers since `since` (invalid: everything). A clone starts with the old server's
// history, so a record the new server holds identically (same id and time as on the old server) is the
// old server's, not new evidence; the newest such record marks the clone, and the new server's API-key
// use counts only after it. Per server: its build information (one piece per system, place and account,
// with the count and the newest record), the API keys of service accounts last used in the window (where
// the server tracks use), and its events made with API keys or by service accounts (one piece per account,
// client and key).
QList<CiIntegrations::Evidence> evidenceFrom(const ServerRecords &oldServer, const ServerRecords &newServer,
                                             const QDateTime &since);

// The same for one server alone, every record taken as that server's own.
QList<CiIntegrations::Evidence> fromInventory(const InventorySnapshot &snapshot, ServerRole server,
                                              const QDateTime &since);
QList<CiIntegrations::Evidence> fromEvents(const QList<CiEvent> &events, ServerRole server);

} // namespace CiEvidence
