#include "siminstance.h"

#include "simhttpserver.h"

#include <QSslConfiguration>
#include <QSslServer>
#include <QTcpServer>

namespace octosim {

namespace {

QList<FaultSpec> faultsFor(const QByteArray &name, const QList<FaultSpec> &faults)
{
    QList<FaultSpec> mine;
    for (const FaultSpec &fault : faults) {
        if (fault.instance == QLatin1String("both") || fault.instance.toLatin1() == name)
            mine.append(fault);
    }
    return mine;
}

} // namespace

SimInstance::SimInstance(const QByteArray &name, DataStore store, const Options &options, bool isClone,
                         QObject *parent)
    : QObject(parent)
    , m_tasks(m_state)
    , m_drift(m_state, options.seed)
{
    m_state.name = name;
    m_state.store = std::move(store);
    m_state.maintenanceStatus = options.maintenanceStatus;
    m_state.isClone = isClone;
    m_state.unresetClone = options.unresetClone;
    m_state.taskQueued = [this](const TaskSpec &task) { m_tasks.enqueue(task); };
    m_state.taskCancel = [this](const QByteArray &taskId) { return m_tasks.cancel(taskId); };
    m_state.driftNow = [this](int count) { return m_drift.apply(count); };
    m_http = new SimHttpServer(m_state, faultsFor(name, options.faults), options.verbose, this);
}

bool SimInstance::listen(quint16 port, const QSslCertificate &certificate, const QSslKey &key, QString *error)
{
    QTcpServer *server = nullptr;
    if (!certificate.isNull()) {
        auto *ssl = new QSslServer;
        QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
        configuration.setLocalCertificate(certificate);
        configuration.setPrivateKey(key);
        configuration.setPeerVerifyMode(QSslSocket::VerifyNone);
        ssl->setSslConfiguration(configuration);
        server = ssl;
    } else {
        server = new QTcpServer;
    }
    if (!server->listen(QHostAddress::LocalHost, port)) {
        *error = QStringLiteral("%1 instance cannot listen on 127.0.0.1:%2: %3")
                     .arg(QString::fromLatin1(m_state.name))
                     .arg(port)
                     .arg(server->errorString());
        delete server;
        return false;
    }
    m_http->bind(server);
    m_url = QUrl(QStringLiteral("%1://127.0.0.1:%2")
                     .arg(certificate.isNull() ? QStringLiteral("http") : QStringLiteral("https"))
                     .arg(server->serverPort()));
    return true;
}

} // namespace octosim
