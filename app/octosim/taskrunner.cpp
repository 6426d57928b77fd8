#include "taskrunner.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTimer>

namespace octosim {

TaskRunner::TaskRunner(InstanceState &state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{}

void TaskRunner::enqueue(const TaskSpec &task)
{
    m_active.insert(task.id, task);
    QTimer::singleShot(kQueuedMs, this, [this, task] {
        if (!m_active.contains(task.id))
            return; // cancelled while queued
        TaskSpec executing = task;
        executing.state = "Executing";
        executing.startTime = QDateTime::currentMSecsSinceEpoch();
        m_active.insert(task.id, executing);
        store(executing);
        QTimer::singleShot(kExecutingMs, this, [this, executing] {
            TaskSpec done = executing;
            m_active.remove(done.id);
            if (m_cancelled.remove(done.id)) {
                done.state = "Canceled";
            } else {
                if (done.name == "Upgrade")
                    upgradeTentacles(done);
                else if (done.name == "Health")
                    checkHealth(done);
                done.state = "Success";
            }
            done.completedTime = QDateTime::currentMSecsSinceEpoch();
            store(done);
        });
    });
}

bool TaskRunner::cancel(const QByteArray &taskId)
{
    const auto it = m_active.find(taskId);
    if (it == m_active.end())
        return false;
    TaskSpec task = *it;
    if (task.state == "Queued") {
        m_active.erase(it);
        task.state = "Canceled";
        task.completedTime = QDateTime::currentMSecsSinceEpoch();
    } else {
        m_cancelled.insert(taskId);
        task.state = "Cancelling";
        *it = task;
    }
    store(task);
    return true;
}

void TaskRunner::store(const TaskSpec &task)
{
    if (Item *item = m_state.store.mutableItem("", "tasks", task.id))
        *item = ResourceWriter::taskItem(task);
}

void TaskRunner::upgradeTentacles(const TaskSpec &task)
{
    const QJsonObject arguments = QJsonDocument::fromJson(task.argumentsJson).object();
    QStringList machineIds;
    for (const QJsonValue &id : arguments.value(QLatin1String("MachineIds")).toArray())
        machineIds.append(id.toString());
    const QString restrictedTo = arguments.value(QLatin1String("RestrictedTo")).toString();
    QList<QByteArray> collections;
    if (restrictedTo != QLatin1String("Workers"))
        collections.append("machines");
    if (restrictedTo != QLatin1String("DeploymentTargets"))
        collections.append("workers");
    for (const QByteArray &name : std::as_const(collections)) {
        Collection &collection = m_state.store.collection(task.spaceId, name);
        for (Item &item : collection.items) {
            if (!machineIds.isEmpty() && !machineIds.contains(QString::fromLatin1(item.id)))
                continue;
            if (item.facets[1] != "TentacleActive" && item.facets[1] != "TentaclePassive")
                continue;
            QJsonObject machine = QJsonDocument::fromJson(item.json).object();
            QJsonObject endpoint = machine.value(QLatin1String("Endpoint")).toObject();
            QJsonObject details = endpoint.value(QLatin1String("TentacleVersionDetails")).toObject();
            if (details.value(QLatin1String("UpgradeLocked")).toBool())
                continue;
            details.insert(QStringLiteral("Version"), QStringLiteral("8.1.1942"));
            details.insert(QStringLiteral("UpgradeSuggested"), false);
            details.insert(QStringLiteral("UpgradeRequired"), false);
            endpoint.insert(QStringLiteral("TentacleVersionDetails"), details);
            machine.insert(QStringLiteral("Endpoint"), endpoint);
            item.json = QJsonDocument(machine).toJson(QJsonDocument::Compact);
        }
    }
}

void TaskRunner::checkHealth(const TaskSpec &task)
{
    // Only polling Tentacles change: they answer this instance when they poll it. On the old instance they
    // always do; on the clone only once re-pointed (POST /octosim/control/repoint). Until a health task
    // covers them, a clone's machines keep the HealthStatus the database held when it was cloned. Disabled
    // machines are skipped, as the server's health check skips them.
    const QJsonObject arguments = QJsonDocument::fromJson(task.argumentsJson).object();
    QSet<QByteArray> machineIds;
    for (const QJsonValue &id : arguments.value(QLatin1String("MachineIds")).toArray())
        machineIds.insert(id.toString().toUtf8());
    for (const char *name : {"machines", "workers"}) {
        Collection &collection = m_state.store.collection(task.spaceId, name);
        for (Item &item : collection.items) {
            if (!machineIds.isEmpty() && !machineIds.contains(item.id))
                continue;
            // Polling Tentacles and Kubernetes agents in polling mode; disabled machines are skipped.
            const bool polling = item.facets[1] == "TentacleActive" ||
                                 (item.facets[1] == "KubernetesTentacle" &&
                                  item.json.contains("\"CommunicationMode\":\"Polling\""));
            if (!polling || item.facets[3] == "true")
                continue;
            const bool reachable = !m_state.isClone || m_state.repointedMachines.contains(item.id);
            const QByteArray health = reachable ? "Healthy" : "Unavailable";
            if (item.facets[2] == health)
                continue;
            QJsonObject machine = QJsonDocument::fromJson(item.json).object();
            machine.insert(QStringLiteral("HealthStatus"), QString::fromLatin1(health));
            machine.insert(QStringLiteral("Status"),
                           reachable ? QStringLiteral("Online") : QStringLiteral("Offline"));
            machine.insert(QStringLiteral("StatusSummary"),
                           reachable
                               ? QStringLiteral("Octopus was able to successfully establish a connection "
                                                "with this machine.")
                               : QStringLiteral("This polling Tentacle has not connected to this Octopus "
                                                "Server yet."));
            item.json = QJsonDocument(machine).toJson(QJsonDocument::Compact);
            item.facets[2] = health;
        }
    }
}

} // namespace octosim
