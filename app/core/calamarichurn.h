#pragma once

#include "tentaclemachine.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

// Calamari churn: server and Calamari versions are coupled, so while both servers deploy to the same targets
// each deployment upgrades or downgrades Calamari there. Evidence: deployments made *after the clone* (those
// not present identically on the other server) to the same space and environment on both servers.
struct DeploymentRecord
{
    QString id;
    QString spaceId;
    QString environmentId;
    QDateTime created;
    bool operator==(const DeploymentRecord &) const = default;
};

struct CalamariChurnGroup
{
    QString spaceId;
    QString environmentId;
    QString environmentName; // from the machines, else the id
    int oldDeployments = 0;  // since the clone, on the old server
    int newDeployments = 0;  // since the clone, on the new server
    QDateTime lastOld;
    QDateTime lastNew;
    QStringList machineIds; // targets in that environment that run Calamari (Tentacles and SSH)
    QStringList machineNames;
};

// Groups where both servers deployed since the clone and since `since` (invalid = no time limit), sorted
// by space and environment. Only targets count (workers run Calamari too, but for whatever server asks).
QList<CalamariChurnGroup> findCalamariChurn(const QList<DeploymentRecord> &oldDeployments,
                                            const QList<DeploymentRecord> &newDeployments,
                                            const QList<TentacleMachine> &machines,
                                            const QDateTime &since = {});
