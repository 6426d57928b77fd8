#pragma once

#include "migrationplan.h"
#include "tentaclemachine.h"

#include <QDateTime>
#include <QList>
#include <QMap>
#include <QString>

#include <optional>

// What the domain-name decision means for the machines both servers know. Pure: computed from the plan's
// DomainDecision and the machines of the old (and, when known, the new) server's inventory.
//
// Polling Tentacles (CommunicationStyle TentacleActive) dial the server by name on the polling port:
//  - keep-name: DNS moves at cutover, they follow; nothing to run on them (the port must be open).
//  - new-name: each one must be re-pointed (or cloned) on its own machine.
// Listening Tentacles keep working either way: the clone has the same server certificate and the new server
// dials them. SSH, cloud and other agentless targets are not affected by the name.
struct DomainConsequences
{
    // One row of the per-space, per-environment table. Workers have no environment: they are grouped under
    // an empty environment (the UI says "Workers").
    struct Group
    {
        QString spaceId;
        QString spaceName;
        QString environment;
        int pollingTargets = 0;
        int pollingWorkers = 0;
        bool operator==(const Group &) const = default;
    };

    DomainDecision::Choice choice = DomainDecision::Choice::Undecided;
    bool nameChanges = false; // NewName with a new host different from the old one
    QString oldHost;
    QString newHost; // the host polling Tentacles must dial after the move
    int pollingPort = 10943;

    int pollingTargets = 0;
    int pollingWorkers = 0;
    int listeningTargets = 0;
    int listeningWorkers = 0;
    int otherMachines = 0;   // SSH, cloud, Kubernetes, offline drop, ...
    int disabledPolling = 0; // polling machines that are disabled (still counted above)
    // Polling machines the new server's health check reached after they were re-pointed (a fresh verified
    // mark; never the HealthStatus the clone inherited from the old database); -1 = new inventory unknown.
    int pollingConnectedToNew = -1;
    int mustAct = 0; // polling machines needing a command on their machine (0 with keep-name)

    QList<Group> groups; // only groups with polling machines; sorted by space name, then environment

    // Filled in by the CI integrations and Script audit steps; empty until they have run.
    std::optional<int> ciIntegrationsMentioningOldName; // integrations the old server saw in the window
    int ciIntegrationsNotVerified = 0;                  // of those, not yet verified on the new server
    std::optional<int> scriptsMentioningOldName;        // findings naming the old server
    std::optional<int> scriptFilesMentioningOldName;    // the files they are in
    QDateTime scriptAuditAt;                            // UTC, when that audit ran

    int pollingTotal() const { return pollingTargets + pollingWorkers; }
    int listeningTotal() const { return listeningTargets + listeningWorkers; }
};

struct DomainConsequencesInput
{
    DomainDecision decision;
    QList<TentacleMachine> oldMachines; // targets and workers of the old server
    QList<TentacleMachine> newMachines; // of the new server, when its inventory is known
    bool newInventoryKnown = false;
    // The plan's re-point marks (TentaclesSection::machines): only a verification newer than the mark counts
    // as connected. The new inventory's HealthStatus does not: on a clone it is the old database's value.
    QMap<QString, TentacleMark> marks;
    int pollingPort = 10943;
    std::optional<int> ciIntegrationsMentioningOldName;
    int ciIntegrationsNotVerified = 0;
    std::optional<int> scriptsMentioningOldName;
    std::optional<int> scriptFilesMentioningOldName;
    QDateTime scriptAuditAt;

    // Takes the script counts from the plan's last finished script audit, when there is one.
    void setScriptAudit(const ScriptAuditSection &section);
    // Takes the count of integrations talking to the old server from the CI step's last refresh.
    void setCiIntegrations(const CiIntegrationsSection &section);
};

DomainConsequences computeDomainConsequences(const DomainConsequencesInput &input);
