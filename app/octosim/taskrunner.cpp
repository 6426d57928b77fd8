#include "taskrunner.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

namespace octosim {

TaskRunner::TaskRunner(InstanceState &state, QObject *parent)
    : QObject(parent)
    , m_state(state)
{}

void TaskRunner::enqueue(const TaskSpec &task)
{
    QTimer::singleShot(kQueuedMs, this, [this, task] {
        TaskSpec executing = task;
        executing.state = "Executing";
        executing.startTime = QDateTime::currentMSecsSinceEpoch();
        store(executing);
        QTimer::singleShot(kExecutingMs, this, [this, executing] {
            TaskSpec done = executing;
            if (done.name == "Upgrade")
                upgradeTentacles(done);
            done.state = "Success";
            done.completedTime = QDateTime::currentMSecsSinceEpoch();
            store(done);
        });
    });
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

} // namespace octosim
