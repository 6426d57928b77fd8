#pragma once

#include "datastore.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QList>
#include <QPair>

namespace octosim {

// An audit event, as the server records it.
struct EventSpec
{
    QByteArray id;
    QByteArray category;
    QByteArray message;
    QByteArray spaceId; // empty for server-wide events
    QByteArray userId;
    QByteArray username;
    bool isService = false;
    QByteArray identityEstablishedWith;
    QByteArray userAgent;
    QByteArray ipAddress;
    QByteArrayList relatedDocumentIds;
    QList<QPair<QByteArray, QByteArray>> references; // document id, the text naming it in message
    qint64 occurred = 0;
};

// A server task.
struct TaskSpec
{
    QByteArray id;
    QByteArray spaceId;
    QByteArray name; // Deploy, Health, Upgrade, ...
    QByteArray description;
    QByteArray state; // Queued, Executing, Success, Failed, ...
    QByteArray argumentsJson = "{}";
    QByteArray serverNode;
    QByteArray projectId;
    qint64 queueTime = 0;
    qint64 startTime = 0;     // 0 = not started
    qint64 completedTime = 0; // 0 = not completed
    QByteArray errorMessage;
};

// Serialises the resources more than one component writes (generator, drift, task runner, router).
class ResourceWriter
{
public:
    // ISO-8601 with milliseconds and an explicit offset, like 2023-03-03T01:10:26.736+00:00.
    static QByteArray isoTime(qint64 msecsSinceEpoch);
    static Item eventItem(const EventSpec &event);
    static Item taskItem(const TaskSpec &task);
    // A task's display fields (Completed, Duration) as the portal shows them.
    static QByteArray durationText(qint64 msecs);
    // The variable set "variableset-<ownerId>" of a project or library variable set: the stored one once it
    // was changed, otherwise generated from its id (deterministic). Empty when the owner does not exist.
    static QByteArray variableSetJson(const DataStore &store, const QByteArray &spaceId,
                                      const QByteArray &id);
    // Gives the event the next Events-N id and puts it first in the server-wide event list.
    static QByteArray recordEvent(DataStore &store, EventSpec event);
    // A CI service account pushes one more build, the way its plug-in does on every build: a copy of its
    // newest build-information record (same system, host, project and repository) with the next build
    // number, created now, and an audit event in the account's own identity, agent and address (those of
    // its newest event). Returns the new record's id; empty when the account pushed nothing here.
    static QByteArray pushBuildAs(DataStore &store, const QByteArray &username, qint64 now);
};

} // namespace octosim
