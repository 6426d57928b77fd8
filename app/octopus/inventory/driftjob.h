#pragma once

#include "apierror.h"
#include "auditevent.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class OctopusClient;

// What the drift meter read from both servers: the clone time (given, or detected from their events) and
// each server's events since then (changes only, as far as the server filters them; Drift::compare() does
// the rest).
struct DriftReading
{
    QDateTime cloneTime; // UTC; invalid when it was not given and could not be detected
    bool cloneTimeGiven = false;
    QList<AuditEvent> oldEvents; // since cloneTime, newest first
    QList<AuditEvent> newEvents;
    QDateTime readAt; // UTC, when the reading finished
    bool complete() const { return cloneTime.isValid(); }
};
Q_DECLARE_METATYPE(DriftReading)

// Reads the drift of a clone from the events of both servers, with the events API's own filters so that only
// what is needed travels, even on a server with hundreds of thousands of events:
//  1. both servers' spaces (/api/spaces/all) and event categories (/api/events/categories), at once;
//  2. without a given clone time, the clone's newest events, one page of `detectionPageSize` at a time
//     (skip/take), and the old server's events with those ids (ids=…): the newest one both hold identically
//     (same id and time) is the clone time; older pages follow until one matches (at most
//     `maxDetectionPages`); a server that ignores `ids` is asked for the page's time span instead (from/to);
//  3. each server's events since the clone time (from=…), spaces=… with includeSystem, only the categories
//     that are changes (eventCategories=…, when the server lists its categories), excludeDifference; read
//     in pages of 1000 fetched in parallel.
// Finishes exactly once with what it read and what failed (a clone time that cannot be detected is an error
// of kind NotFound on the new server). Cancellable; deleting it cancels.
class DriftJob : public QObject
{
    Q_OBJECT
public:
    DriftJob(OctopusClient *oldClient, OctopusClient *newClient, const QDateTime &givenCloneTime,
             QObject *parent = nullptr);
    ~DriftJob() override;

    void setDetectionPageSize(int take) { m_detectionPageSize = take; }
    void setMaxDetectionPages(int pages) { m_maxDetectionPages = pages; }

    void start();
    void cancel();

Q_SIGNALS:
    void finished(const DriftReading &reading, const QList<ApiError> &errors);

private:
    struct Server
    {
        QPointer<OctopusClient> client;
        QStringList spaceIds;
        QStringList changeCategories; // empty: the server did not list its categories (no category filter)
        bool spacesDone = false;
        bool categoriesDone = false;
        bool eventsDone = false;
    };

    void onSetupDone();
    void detectPage(int page);
    void matchOnOld(int page, const QList<AuditEvent> &clonePage);
    void matchInWindow(int page, const QList<AuditEvent> &clonePage);
    void onCloneCandidates(int page, const QList<AuditEvent> &clonePage, const QList<AuditEvent> &oldMatches);
    void readSince();
    void fail(const ApiError &error);
    void finish();
    void track(QObject *job);

    Server m_servers[2]; // old, new
    DriftReading m_reading;
    QList<ApiError> m_errors;
    QList<QPointer<QObject>> m_running;
    int m_detectionPageSize = 250; // ids=… of 250 events stays well under 8 KB of request line
    int m_maxDetectionPages = 50;
    bool m_finished = false;
    bool m_started = false;
};
