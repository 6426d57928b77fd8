#include "tentaclemachines.h"

#include <QHash>

QList<TentacleMachine> tentacleMachinesFrom(const InventorySnapshot &snapshot)
{
    QHash<QString, QString> spaceNames;
    for (const InventorySpace &space : snapshot.spaces)
        spaceNames.insert(space.id, space.name);
    QHash<QString, QString> environmentNames;
    for (const InventoryNamed &environment : snapshot.environments)
        environmentNames.insert(environment.id, environment.name);
    QHash<QString, QString> tenantNames;
    for (const InventoryNamed &tenant : snapshot.tenants)
        tenantNames.insert(tenant.id, tenant.name);
    auto names = [](const QStringList &ids, const QHash<QString, QString> &lookup) {
        QStringList out;
        out.reserve(ids.size());
        for (const QString &id : ids)
            out.append(lookup.value(id, id));
        return out;
    };

    QList<TentacleMachine> machines;
    machines.reserve(snapshot.targets.size() + snapshot.workers.size());
    for (const QList<InventoryMachine> *list : {&snapshot.targets, &snapshot.workers}) {
        for (const InventoryMachine &m : *list) {
            TentacleMachine t;
            t.id = m.id;
            t.name = m.name;
            t.spaceId = m.spaceId;
            t.spaceName = spaceNames.value(m.spaceId, m.spaceId);
            t.kind = m.isWorker ? TentacleMachine::Kind::Worker : TentacleMachine::Kind::Target;
            t.communicationStyle = m.communicationStyle;
            t.communicationMode = m.communicationMode;
            t.tentacleVersion = m.tentacleVersion;
            t.agentVersion = m.agentVersion;
            t.helmReleaseName = m.helmReleaseName;
            t.kubernetesNamespace = m.kubernetesNamespace;
            t.tenantedDeploymentParticipation = m.tenantedDeploymentParticipation;
            t.tenantTags = m.tenantTags;
            t.machinePolicy = m.machinePolicyId;
            t.operatingSystem = m.operatingSystem;
            t.shellName = m.shellName;
            t.environments = names(m.environmentIds, environmentNames);
            t.environmentIds = m.environmentIds;
            t.roles = m.roles;
            t.tenants = names(m.tenantIds, tenantNames);
            t.workerPools = m.workerPoolIds;
            t.healthStatus = m.healthStatus;
            t.isDisabled = m.isDisabled;
            t.upgradeSuggested = m.upgradeSuggested;
            t.upgradeRequired = m.upgradeRequired;
            t.upgradeLocked = m.upgradeLocked;
            machines.append(t);
        }
    }
    return machines;
}

QList<TentacleMachine> pollingMachinesFrom(const InventorySnapshot &snapshot)
{
    QList<TentacleMachine> polling;
    for (const TentacleMachine &machine : tentacleMachinesFrom(snapshot)) {
        if (machine.isPolling())
            polling.append(machine);
    }
    return polling;
}
