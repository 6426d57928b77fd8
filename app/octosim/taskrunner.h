#pragma once

#include "instancestate.h"

#include <QHash>
#include <QObject>
#include <QSet>

namespace octosim {

// Moves queued tasks through Executing to Success on timers, like the server's task queue, and
// applies their effect (an Upgrade task brings the targeted Tentacles to the latest version; a Health task
// on the clone finds re-pointed polling Tentacles Healthy and the others Unavailable).
class TaskRunner : public QObject
{
    Q_OBJECT
public:
    explicit TaskRunner(InstanceState &state, QObject *parent = nullptr);

    void enqueue(const TaskSpec &task);
    // POST /api/tasks/{id}/cancel: a queued task is Canceled at once; an executing one is Cancelling until
    // its work would have ended, then Canceled (its effect is not applied). False when the task is not
    // queued or executing here.
    bool cancel(const QByteArray &taskId);

    static constexpr int kQueuedMs = 300;
    static constexpr int kExecutingMs = 2000;

private:
    void store(const TaskSpec &task);
    void upgradeTentacles(const TaskSpec &task);
    void checkHealth(const TaskSpec &task);

    InstanceState &m_state;
    QHash<QByteArray, TaskSpec> m_active; // queued or executing, by id
    QSet<QByteArray> m_cancelled;
};

} // namespace octosim
