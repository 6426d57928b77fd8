#pragma once

#include "datastore.h"
#include "resourcewriter.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QPair>
#include <QSet>
#include <QUrlQuery>

#include <functional>

namespace octosim {

// One parsed HTTP request, detached from the socket.
struct ApiRequest
{
    QByteArray method; // GET, POST, PUT, DELETE, ...
    QByteArray path;   // percent-decoded, without the query
    QByteArray rawQuery;
    QUrlQuery query;
    QHash<QByteArray, QByteArray> headers; // names lower-cased
    QByteArray body;

    // Query parameter, the name compared case-insensitively like the server's model binder.
    QString parameter(const QString &name) const;
    bool hasParameter(const QString &name) const;
};

struct ApiReply
{
    int status = 200;
    QByteArray body;
    QByteArray contentType = "application/json; charset=utf-8";
    QList<QPair<QByteArray, QByteArray>> headers;

    // {ErrorMessage, Errors[]} with the given status, the server's error body.
    static ApiReply error(int status, const QByteArray &message);
};

// Everything one simulated instance knows: its database plus runtime state that is not cloned.
struct InstanceState
{
    QByteArray name; // "old" or "new"
    DataStore store;
    bool maintenance = false;
    QByteArray maintenanceModifiedBy;
    qint64 maintenanceModifiedOn = 0;
    bool healthy = true;   // /api/serverstatus/health answers 418 when false
    bool draining = false; // /api/octopusservernodes/ping answers 418 when true
    int maintenanceStatus = 503;
    bool isClone = false;
    bool unresetClone = false;
    // Simulator only: polling Tentacles that have been re-pointed to this instance (POST
    // /octosim/control/repoint). A Health task on the clone marks these Healthy and the other polling ones
    // Unavailable.
    QSet<QByteArray> repointedMachines;
    // Simulator only: CI service accounts repointed to the other instance (POST /octosim/control/ci-move
    // there). They no longer act here: their drift continues on the other instance.
    QSet<QByteArray> ciMovedAway;

    // What went out on the wire (heads and bodies as written to the sockets, compressed where asked), for
    // GET /octosim/stats: benchmarks compare clients by the bytes a real network would carry.
    qint64 bytesSent = 0;
    qint64 responses = 0;
    qint64 compressedResponses = 0;

    // Hooks set by the owner.
    std::function<void(const TaskSpec &task)> taskQueued;     // a task was created in the Queued state
    std::function<bool(const QByteArray &taskId)> taskCancel; // asks to cancel a queued or executing task
    std::function<int(int count)> driftNow; // applies count drift changes now, returns how many
    // ci-move here: the account stops acting on the other instance.
    std::function<void(const QByteArray &username)> ciMovedHere;
    // A drift change by an account in ciMovedAway: it happens on the other instance instead.
    std::function<void(const QByteArray &username)> ciActsElsewhere;
};

} // namespace octosim
