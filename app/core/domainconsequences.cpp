#include "domainconsequences.h"

#include <QHash>
#include <QMap>
#include <QSet>

#include <algorithm>

DomainConsequences computeDomainConsequences(const DomainConsequencesInput &input)
{
    DomainConsequences result;
    const DomainDecision &decision = input.decision;
    result.choice = decision.choice;
    result.pollingPort = input.pollingPort;
    result.oldHost = decision.oldPublicUrl.host().toLower();
    if (decision.choice == DomainDecision::Choice::NewName) {
        result.newHost = decision.newPublicUrl.host().toLower();
        result.nameChanges = !result.newHost.isEmpty() && result.newHost != result.oldHost;
    } else {
        result.newHost = result.oldHost;
    }
    result.ciIntegrationsMentioningOldName = input.ciIntegrationsMentioningOldName;
    result.ciIntegrationsNotVerified = input.ciIntegrationsNotVerified;
    result.scriptsMentioningOldName = input.scriptsMentioningOldName;
    result.scriptFilesMentioningOldName = input.scriptFilesMentioningOldName;
    result.scriptAuditAt = input.scriptAuditAt;

    QSet<QString> healthyOnNew;
    if (input.newInventoryKnown) {
        QSet<QString> onNew;
        for (const TentacleMachine &machine : input.newMachines)
            onNew.insert(machine.id);
        for (auto it = input.marks.constBegin(); it != input.marks.constEnd(); ++it) {
            const TentacleMark &mark = it.value();
            if (mark.verification == TentacleMark::Verification::Verified && mark.checkedAt.isValid() &&
                mark.repointedAt.isValid() && mark.checkedAt >= mark.repointedAt && onNew.contains(it.key()))
                healthyOnNew.insert(it.key());
        }
        result.pollingConnectedToNew = 0;
    }

    // (spaceId, environment) -> group
    QMap<QPair<QString, QString>, DomainConsequences::Group> groups;
    for (const TentacleMachine &machine : input.oldMachines) {
        if (machine.isListening()) {
            ++(machine.isWorker() ? result.listeningWorkers : result.listeningTargets);
            continue;
        }
        if (!machine.isPolling()) {
            ++result.otherMachines;
            continue;
        }
        ++(machine.isWorker() ? result.pollingWorkers : result.pollingTargets);
        if (machine.isDisabled)
            ++result.disabledPolling;
        if (input.newInventoryKnown && healthyOnNew.contains(machine.id))
            ++result.pollingConnectedToNew;
        const QStringList environments = machine.isWorker() || machine.environments.isEmpty()
                                             ? QStringList{QString()}
                                             : machine.environments;
        for (const QString &environment : environments) {
            DomainConsequences::Group &group = groups[{machine.spaceId, environment}];
            group.spaceId = machine.spaceId;
            if (group.spaceName.isEmpty())
                group.spaceName = machine.spaceName.isEmpty() ? machine.spaceId : machine.spaceName;
            group.environment = environment;
            ++(machine.isWorker() ? group.pollingWorkers : group.pollingTargets);
        }
    }
    result.groups = groups.values();
    std::sort(result.groups.begin(), result.groups.end(),
              [](const DomainConsequences::Group &a, const DomainConsequences::Group &b) {
                  if (a.spaceName != b.spaceName)
                      return a.spaceName.localeAwareCompare(b.spaceName) < 0;
                  if (a.environment.isEmpty() != b.environment.isEmpty())
                      return !a.environment.isEmpty(); // workers last within a space
                  return a.environment.localeAwareCompare(b.environment) < 0;
              });

    if (decision.choice == DomainDecision::Choice::NewName) {
        result.mustAct = result.pollingTotal();
        if (result.pollingConnectedToNew > 0)
            result.mustAct = std::max(0, result.mustAct - result.pollingConnectedToNew);
    }
    return result;
}

void DomainConsequencesInput::setScriptAudit(const ScriptAuditSection &section)
{
    if (!section.lastScan) {
        scriptsMentioningOldName.reset();
        scriptFilesMentioningOldName.reset();
        scriptAuditAt = {};
        return;
    }
    scriptsMentioningOldName = section.lastScan->mentionsOfOldServer;
    scriptFilesMentioningOldName = section.lastScan->filesMentioningOldServer;
    scriptAuditAt = section.lastScan->at;
}

void DomainConsequencesInput::setCiIntegrations(const CiIntegrationsSection &section)
{
    if (!section.lastRefreshAt.isValid()) {
        ciIntegrationsMentioningOldName.reset();
        ciIntegrationsNotVerified = 0;
        return;
    }
    ciIntegrationsMentioningOldName = section.talkingToOld;
    ciIntegrationsNotVerified = section.notVerified;
}
