#include "demoenvironment.h"

#include "octosimserver.h"
#include "wizardlogging.h"

DemoEnvironment::DemoEnvironment(QObject *parent)
    : QObject(parent)
{}

DemoEnvironment::~DemoEnvironment() = default;

bool DemoEnvironment::start(QString *error)
{
    octosim::Options options;
    options.seed = 1;
    options.scale = octosim::Scale::Demo;
    m_server = std::make_unique<octosim::OctoSimServer>(options);
    QString reason;
    if (!m_server->start(&reason)) {
        m_server.reset();
        if (reason.isEmpty())
            reason = tr("the simulator did not say why");
        qCWarning(lcWizard) << "demo servers failed to start:" << reason;
        *error = reason;
        return false;
    }
    m_running = true;
    qCInfo(lcWizard) << "demo servers on" << m_server->oldInstance().url << m_server->newInstance().url;
    return true;
}

DemoServers DemoEnvironment::servers() const
{
    if (!m_running)
        return {};
    const octosim::InstanceEndpoint oldInstance = m_server->oldInstance();
    const octosim::InstanceEndpoint newInstance = m_server->newInstance();
    return {oldInstance.url, oldInstance.apiKey, newInstance.url, newInstance.apiKey};
}
