#pragma once

#include "democontrols.h"

#include <QJsonObject>

#include <functional>

class ServerSession;

// DemoControls on octosim: POST /octosim/control/repoint {"MachineIds": […]} on the new server, through
// the session's client for it.
class OctosimDemoControls : public DemoControls
{
    Q_OBJECT
public:
    explicit OctosimDemoControls(ServerSession *session, QObject *parent = nullptr);

    void simulateRepoint(const QStringList &machineIds) override;
    // POST /octosim/control/ci-move {"Username": …} on the new server.
    void simulateCiMove(const QString &serviceAccount) override;

private:
    // POST `body` to `path` on the new server; `done` gets the error (none when octosim took it).
    void post(const QString &path, const QJsonObject &body,
              const std::function<void(const ApiError &)> &done);

    ServerSession *m_session;
};
