#pragma once

#include "democontrols.h"

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
    ServerSession *m_session;
};
