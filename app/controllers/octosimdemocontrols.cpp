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

void OctosimDemoControls::post(const QString &path, const QJsonObject &body,
                               const std::function<void(const ApiError &)> &done)
{
    OctopusClient *client = m_session->client(ServerRole::New);
    if (!client) {
        ApiError error;
        error.kind = ApiErrorKind::Unreachable;
        error.server = ServerRole::New;
        error.method = "POST";
        error.path = path;
        // Asynchronously, like every other answer.
        QMetaObject::invokeMethod(
            this, [done, error] { done(error); }, Qt::QueuedConnection);
        return;
    }
    ApiRequest request;
    request.method = "POST";
    request.path = path;
    request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    ApiJob *job = client->send(request, this);
    connect(job, &ApiJob::finished, this, [path, done](const ApiResult &result) {
        if (!result.ok())
            qCWarning(lcControllers) << "octosim did not take" << path << ':' << result.error.message;
        done(result.error);
    });
}

void OctosimDemoControls::simulateRepoint(const QStringList &machineIds)
{
    post(QStringLiteral("/octosim/control/repoint"),
         QJsonObject{{QStringLiteral("MachineIds"), QJsonArray::fromStringList(machineIds)}},
         [this, machineIds](const ApiError &error) { Q_EMIT repointSimulated(machineIds, error); });
}

void OctosimDemoControls::simulateCiMove(const QString &serviceAccount)
{
    post(QStringLiteral("/octosim/control/ci-move"),
         QJsonObject{{QStringLiteral("Username"), serviceAccount}},
         [this, serviceAccount](const ApiError &error) { Q_EMIT ciMoveSimulated(serviceAccount, error); });
}
