#pragma once

#include "apierror.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

// What one readiness refresh learned about one server. Optional members are empty until known (or when
// the call failed: see the matching error).
struct ServerFacts
{
    struct Node
    {
        QString id;
        QString name;
        bool draining = false; // the node's own IsInMaintenanceMode: drain flag
        bool offline = false;  // IsOffline, from /api/octopusservernodes/summary
        QDateTime lastSeen;    // UTC, LastSeen from the summary; invalid when not given
    };

    QDateTime checkedAt;   // when the last complete refresh finished
    bool complete = false; // every call of the refresh has answered

    std::optional<bool> reachable; // GET /api and an authenticated call both succeeded
    ApiError reachError;
    QString application;
    QString version;
    QString installationId;

    // The key's reach: the user it belongs to, and the permissions that user holds (system permissions plus
    // the space permissions it holds in at least one space), from /api/users/{id}/permissions.
    QString keyUser;
    std::optional<QStringList> permissions;
    ApiError permissionsError;

    std::optional<QString> thumbprint; // certificate-global
    ApiError thumbprintError;

    std::optional<int> healthStatus; // 200 or 418
    QString healthDescription;
    ApiError healthError;

    std::optional<QList<Node>> nodes; // from /api/octopusservernodes/summary (Nodes[])
    ApiError nodesError;

    std::optional<bool> maintenance;
    std::optional<bool> potentialClone;
    ApiError statusError;

    std::optional<qint64> queuedTasks;
    std::optional<qint64> runningTasks; // Executing and Cancelling: both still hold the task queue
    ApiError tasksError;

    // Clone safety (asked of the new server only): enabled things that could act on production.
    std::optional<qint64> enabledTargets;
    std::optional<qint64> enabledWorkers;
    std::optional<qint64> enabledTriggers;
    std::optional<qint64> enabledSubscriptions;
    ApiError cloneSafetyError;
};
