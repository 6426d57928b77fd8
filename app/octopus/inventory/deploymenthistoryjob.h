#pragma once

#include "apierror.h"
#include "calamarichurn.h"

#include <QList>
#include <QObject>
#include <QPointer>
#include <QStringList>

class ApiJob;
class OctopusClient;

// The newest deployments of one server, per space: GET /api/{spaceId}/deployments?skip=0&take=N (newest
// first), all spaces at once, digested into DeploymentRecord. For the Calamari churn warning. Finishes
// exactly once; a space that cannot be read is reported in `errors` and skipped.
class DeploymentHistoryJob : public QObject
{
    Q_OBJECT
public:
    DeploymentHistoryJob(OctopusClient *client, const QStringList &spaceIds, int perSpace = 200,
                         QObject *parent = nullptr);
    ~DeploymentHistoryJob() override;

    void start();
    void cancel();

Q_SIGNALS:
    void finished(const QList<DeploymentRecord> &deployments, const QList<ApiError> &errors);

private:
    void finish();

    QPointer<OctopusClient> m_client;
    QStringList m_spaceIds;
    int m_perSpace;
    int m_outstanding = 0;
    bool m_finished = false;
    QList<QPointer<ApiJob>> m_jobs;
    QList<DeploymentRecord> m_records;
    QList<ApiError> m_errors;
};
