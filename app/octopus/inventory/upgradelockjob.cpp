#include "upgradelockjob.h"

#include "apijob.h"
#include "octopusclient.h"
#include "octopuslogging.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

UpgradeLockJob::UpgradeLockJob(OctopusClient *client, const QList<UpgradeLockTarget> &machines, bool lock,
                               QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_machines(machines)
    , m_lock(lock)
{}

void UpgradeLockJob::start()
{
    QTimer::singleShot(0, this, &UpgradeLockJob::next);
}

void UpgradeLockJob::cancel()
{
    m_cancelled = true;
}

void UpgradeLockJob::next()
{
    if (m_finished)
        return;
    if (m_cancelled || m_index >= m_machines.size() || !m_client) {
        finish();
        return;
    }
    const UpgradeLockTarget target = m_machines.at(m_index);
    const QString path =
        QStringLiteral("/api/%1/%2/%3")
            .arg(target.spaceId, target.isWorker ? QStringLiteral("workers") : QStringLiteral("machines"),
                 target.id);
    ApiJob *get = m_client->get(path);
    connect(get, &ApiJob::finished, this, [this, path, target](const ApiResult &result) {
        auto advance = [this] {
            ++m_index;
            Q_EMIT progress(m_index, int(m_machines.size()));
            next();
        };
        if (!result.ok()) {
            m_errors.append(result.error);
            advance();
            return;
        }
        QJsonObject machine = result.json.object();
        QJsonObject endpoint = machine.value(QLatin1String("Endpoint")).toObject();
        QJsonObject details = endpoint.value(QLatin1String("TentacleVersionDetails")).toObject();
        details.insert(QStringLiteral("UpgradeLocked"), m_lock);
        endpoint.insert(QStringLiteral("TentacleVersionDetails"), details);
        machine.insert(QStringLiteral("Endpoint"), endpoint);
        ApiRequest request;
        request.method = "PUT";
        request.path = path;
        request.body = QJsonDocument(machine).toJson(QJsonDocument::Compact);
        ApiJob *put = m_client->send(request);
        connect(put, &ApiJob::finished, this, [this, target, advance](const ApiResult &putResult) {
            if (putResult.ok()) {
                m_changed.append(target.id);
                qCDebug(lcOctopus) << "UpgradeLocked" << m_lock << "on" << target.id;
            } else {
                m_errors.append(putResult.error);
            }
            advance();
        });
    });
}

void UpgradeLockJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    Q_EMIT finished(m_changed, m_errors);
}
