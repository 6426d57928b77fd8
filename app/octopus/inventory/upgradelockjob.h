#pragma once

#include "apierror.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QString>

class OctopusClient;

struct UpgradeLockTarget
{
    QString id;
    QString spaceId;
    bool isWorker = false;
};

// Sets (or clears) Endpoint.TentacleVersionDetails.UpgradeLocked on machines of one server, so that the
// new server stops offering Tentacle upgrades while both servers run side by side. For each machine:
// GET /api/{spaceId}/machines/{id} (or workers), change the flag, PUT the whole resource back. One machine
// at a time; emits finished() exactly once with the ids that were changed and the errors of the others.
// The caller asks the user first: this writes to the server.
class UpgradeLockJob : public QObject
{
    Q_OBJECT
public:
    UpgradeLockJob(OctopusClient *client, const QList<UpgradeLockTarget> &machines, bool lock = true,
                   QObject *parent = nullptr);

    void start();
    void cancel();

Q_SIGNALS:
    void progress(int done, int total);
    void finished(const QStringList &changedIds, const QList<ApiError> &errors);

private:
    void next();
    void finish();

    QPointer<OctopusClient> m_client;
    QList<UpgradeLockTarget> m_machines;
    QStringList m_changed;
    QList<ApiError> m_errors;
    int m_index = 0;
    bool m_lock = true;
    bool m_finished = false;
    bool m_cancelled = false;
};
