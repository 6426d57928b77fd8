#pragma once

#include <QString>
#include <QStringList>

// One deployment target or worker as the Domain and Polling Tentacles steps see it: plain values, names
// already resolved (environments, tenants, worker pools). Made from an inventory by the octopus library
// (tentaclemachines.h); core never sees the network types.
struct TentacleMachine
{
    enum class Kind
    {
        Target,
        Worker
    };

    QString id;
    QString name;
    QString spaceId;
    QString spaceName;
    Kind kind = Kind::Target;
    QString communicationStyle; // TentacleActive = polling, TentaclePassive = listening, KubernetesTentacle,
                                // Ssh, None, ...
    QString
        communicationMode; // KubernetesTentacle only:
                           // Endpoint.TentacleEndpointConfiguration.CommunicationMode (Polling / Listening)
    QString
        tentacleVersion; // empty when the server does not know it (Kubernetes agents: the agent's Tentacle)
    // Kubernetes agents (Endpoint.KubernetesAgentDetails): the Helm chart version, release and namespace.
    QString agentVersion;
    QString helmReleaseName;
    QString kubernetesNamespace;
    QString operatingSystem;    // e.g. "Microsoft Windows Server 2019 Datacenter", "Linux", "Unknown"
    QString shellName;          // PowerShell, Bash, Unknown
    QStringList environments;   // names (targets)
    QStringList environmentIds; // the same, as ids
    QStringList roles;          // targets
    QStringList tenants;        // names (targets)
    QStringList workerPools;    // names (workers)
    QString tenantedDeploymentParticipation; // targets: Untenanted, TenantedOrUntenanted, Tenanted
    QStringList tenantTags;                  // targets: "Tag set/Tag"
    QString machinePolicy;                   // the machine policy's id (the inventory has no policy names)
    QString healthStatus;                    // on the old server
    bool isDisabled = false;
    bool upgradeSuggested = false;
    bool upgradeRequired = false;
    bool upgradeLocked = false;

    // A Kubernetes agent (a Tentacle in a cluster, installed with the kubernetes-agent Helm chart).
    bool isKubernetesAgent() const { return communicationStyle == QLatin1String("KubernetesTentacle"); }
    bool isPolling() const
    {
        return communicationStyle == QLatin1String("TentacleActive") ||
               (isKubernetesAgent() && communicationMode == QLatin1String("Polling"));
    }
    bool isListening() const
    {
        return communicationStyle == QLatin1String("TentaclePassive") ||
               (isKubernetesAgent() && communicationMode == QLatin1String("Listening"));
    }
    bool isWorker() const { return kind == Kind::Worker; }
    static QString kindName(Kind kind)
    {
        return kind == Kind::Worker ? QStringLiteral("worker") : QStringLiteral("target");
    }
};
