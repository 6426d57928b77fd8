#pragma once

#include "driftgenerator.h"
#include "instancestate.h"
#include "octosimserver.h"
#include "taskrunner.h"

#include <QObject>
#include <QSslCertificate>
#include <QSslKey>
#include <QUrl>

namespace octosim {

class SimHttpServer;

// One simulated Octopus Server: its state, task queue, drift and HTTP(S) listener on 127.0.0.1.
class SimInstance : public QObject
{
    Q_OBJECT
public:
    SimInstance(const QByteArray &name, DataStore store, const Options &options, bool isClone,
                QObject *parent = nullptr);

    // A null certificate listens on plain HTTP.
    bool listen(quint16 port, const QSslCertificate &certificate, const QSslKey &key, QString *error);
    QUrl url() const { return m_url; }
    InstanceState &state() { return m_state; }
    DriftGenerator &drift() { return m_drift; }

private:
    InstanceState m_state;
    TaskRunner m_tasks;
    DriftGenerator m_drift;
    SimHttpServer *m_http = nullptr;
    QUrl m_url;
};

} // namespace octosim
