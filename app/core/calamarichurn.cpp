#include "calamarichurn.h"

#include <QMap>
#include <QSet>

#include <algorithm>

namespace {

QString key(const DeploymentRecord &d)
{
    return d.spaceId + QLatin1Char('\x1f') + d.id + QLatin1Char('\x1f') +
           d.created.toUTC().toString(Qt::ISODateWithMs);
}

} // namespace

QList<CalamariChurnGroup> findCalamariChurn(const QList<DeploymentRecord> &oldDeployments,
                                            const QList<DeploymentRecord> &newDeployments,
                                            const QList<TentacleMachine> &machines, const QDateTime &since)
{
    QSet<QString> oldKeys;
    for (const DeploymentRecord &d : oldDeployments)
        oldKeys.insert(key(d));
    QSet<QString> newKeys;
    for (const DeploymentRecord &d : newDeployments)
        newKeys.insert(key(d));

    QMap<QPair<QString, QString>, CalamariChurnGroup> groups;
    auto count = [&](const QList<DeploymentRecord> &list, const QSet<QString> &other, bool isOld) {
        for (const DeploymentRecord &d : list) {
            if (other.contains(key(d)) || (since.isValid() && d.created < since))
                continue; // shared history from before the clone, or too old
            CalamariChurnGroup &g = groups[{d.spaceId, d.environmentId}];
            g.spaceId = d.spaceId;
            g.environmentId = d.environmentId;
            ++(isOld ? g.oldDeployments : g.newDeployments);
            QDateTime &last = isOld ? g.lastOld : g.lastNew;
            if (!last.isValid() || d.created > last)
                last = d.created;
        }
    };
    count(oldDeployments, newKeys, true);
    count(newDeployments, oldKeys, false);

    QList<CalamariChurnGroup> result;
    for (CalamariChurnGroup g : std::as_const(groups)) {
        if (g.oldDeployments == 0 || g.newDeployments == 0)
            continue;
        g.environmentName = g.environmentId;
        for (const TentacleMachine &m : machines) {
            if (m.isWorker() || m.spaceId != g.spaceId)
                continue;
            const qsizetype index = m.environmentIds.indexOf(g.environmentId);
            if (index < 0)
                continue;
            if (index < m.environments.size())
                g.environmentName = m.environments.at(index);
            if (m.isPolling() || m.isListening() || m.communicationStyle == QLatin1String("Ssh")) {
                g.machineIds << m.id;
                g.machineNames << m.name;
            }
        }
        result.append(g);
    }
    std::sort(result.begin(), result.end(), [](const CalamariChurnGroup &a, const CalamariChurnGroup &b) {
        return std::tie(a.spaceId, a.environmentName) < std::tie(b.spaceId, b.environmentName);
    });
    return result;
}
