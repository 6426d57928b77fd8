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
    QString communicationStyle; // TentacleActive = polling, TentaclePassive = listening, Ssh, None, ...
    QString tentacleVersion;    // empty when the server does not know it
    QString operatingSystem;    // e.g. "Microsoft Windows Server 2019 Datacenter", "Linux", "Unknown"
    QString shellName;          // PowerShell, Bash, Unknown
    QStringList environments;   // names (targets)
    QStringList environmentIds; // the same, as ids
    QStringList roles;          // targets
    QStringList tenants;        // names (targets)
    QStringList workerPools;    // names (workers)
    QString healthStatus;       // on the old server
    bool isDisabled = false;
    bool upgradeSuggested = false;
    bool upgradeRequired = false;
    bool upgradeLocked = false;

    bool isPolling() const { return communicationStyle == QLatin1String("TentacleActive"); }
    bool isListening() const { return communicationStyle == QLatin1String("TentaclePassive"); }
    bool isWorker() const { return kind == Kind::Worker; }
    static QString kindName(Kind kind)
    {
        return kind == Kind::Worker ? QStringLiteral("worker") : QStringLiteral("target");
    }
};
