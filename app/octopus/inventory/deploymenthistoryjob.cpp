#include "deploymenthistoryjob.h"

#include "apijob.h"
#include "octopusclient.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QTimer>

DeploymentHistoryJob::DeploymentHistoryJob(OctopusClient *client, const QStringList &spaceIds, int perSpace,
                                           QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_spaceIds(spaceIds)
    , m_perSpace(perSpace)
{}

DeploymentHistoryJob::~DeploymentHistoryJob()
{
    m_finished = true;
    for (const QPointer<ApiJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
}

void DeploymentHistoryJob::start()
{
    if (!m_client || m_spaceIds.isEmpty()) {
        QTimer::singleShot(0, this, &DeploymentHistoryJob::finish);
        return;
    }
    m_outstanding = int(m_spaceIds.size());
    for (const QString &spaceId : std::as_const(m_spaceIds)) {
        ApiJob *job =
            m_client->get(QStringLiteral("/api/%1/deployments?skip=0&take=%2").arg(spaceId).arg(m_perSpace));
        m_jobs.append(job);
        connect(job, &ApiJob::finished, this, [this, spaceId](const ApiResult &result) {
            if (m_finished)
                return;
            if (!result.ok()) {
                m_errors.append(result.error);
            } else {
                for (const QJsonValue &value : result.json.object().value(QLatin1String("Items")).toArray()) {
                    const QJsonObject d = value.toObject();
                    DeploymentRecord record;
                    record.id = d.value(QLatin1String("Id")).toString();
                    record.spaceId = spaceId;
                    record.environmentId = d.value(QLatin1String("EnvironmentId")).toString();
                    record.created = QDateTime::fromString(d.value(QLatin1String("Created")).toString(),
                                                           Qt::ISODateWithMs);
                    if (!record.id.isEmpty())
                        m_records.append(record);
                }
            }
            if (--m_outstanding == 0)
                finish();
        });
    }
}

void DeploymentHistoryJob::cancel()
{
    if (m_finished)
        return;
    ApiError error;
    error.kind = ApiErrorKind::Cancelled;
    m_errors.append(error);
    finish();
}

void DeploymentHistoryJob::finish()
{
    if (m_finished)
        return;
    m_finished = true;
    for (const QPointer<ApiJob> &job : std::as_const(m_jobs)) {
        if (job)
            job->cancel();
    }
    Q_EMIT finished(m_records, m_errors);
}
