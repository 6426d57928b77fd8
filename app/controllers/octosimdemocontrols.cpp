#include "octosimdemocontrols.h"

#include "apijob.h"
#include "apirequest.h"
#include "apiresult.h"
#include "controllerslogging.h"
#include "octopusclient.h"
#include "serversession.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMetaObject>

OctosimDemoControls::OctosimDemoControls(ServerSession *session, QObject *parent)
    : DemoControls(parent)
    , m_session(session)
{}

void OctosimDemoControls::simulateRepoint(const QStringList &machineIds)
{
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!client) {
        ApiError error;
        error.kind = ApiErrorKind::Unreachable;
        error.server = ServerRole::New;
        error.method = "POST";
        error.path = QStringLiteral("/octosim/control/repoint");
        // Asynchronously, like every other answer.
        QMetaObject::invokeMethod(
            this, [this, machineIds, error] { Q_EMIT repointSimulated(machineIds, error); },
            Qt::QueuedConnection);
        return;
    }
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/octosim/control/repoint");
    request.body =
        QJsonDocument(QJsonObject{{QStringLiteral("MachineIds"), QJsonArray::fromStringList(machineIds)}})
            .toJson(QJsonDocument::Compact);
    ApiJob *job = client->send(request, this);
    connect(job, &ApiJob::finished, this, [this, machineIds](const ApiResult &result) {
        if (!result.ok())
            qCWarning(lcControllers) << "octosim did not take the re-point:" << result.error.message;
        Q_EMIT repointSimulated(machineIds, result.error);
    });
}

void OctosimDemoControls::simulateCiMove(const QString &serviceAccount)
{
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!client) {
        ApiError error;
        error.kind = ApiErrorKind::Unreachable;
        error.server = ServerRole::New;
        error.method = "POST";
        error.path = QStringLiteral("/octosim/control/ci-move");
        QMetaObject::invokeMethod(
            this, [this, serviceAccount, error] { Q_EMIT ciMoveSimulated(serviceAccount, error); },
            Qt::QueuedConnection);
        return;
    }
    ApiRequest request;
    request.method = "POST";
    request.path = QStringLiteral("/octosim/control/ci-move");
    request.body = QJsonDocument(QJsonObject{{QStringLiteral("Username"), serviceAccount}})
                       .toJson(QJsonDocument::Compact);
    ApiJob *job = client->send(request, this);
    connect(job, &ApiJob::finished, this, [this, serviceAccount](const ApiResult &result) {
        if (!result.ok())
            qCWarning(lcControllers) << "octosim did not take the CI move:" << result.error.message;
        Q_EMIT ciMoveSimulated(serviceAccount, result.error);
    });
}
