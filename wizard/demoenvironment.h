#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

#include <memory>

namespace octosim {
class OctoSimServer;
}

// The two endpoints of a demo session: URLs and in-memory API keys.
struct DemoServers
{
    QUrl oldUrl;
    QString oldApiKey;
    QUrl newUrl;
    QString newApiKey;
};

// `handover --demo`: both simulated Octopus Servers (octosim, seed 1, demo scale) served in-process on
// loopback from this thread's event loop, for as long as this object lives.
class DemoEnvironment : public QObject
{
    Q_OBJECT
public:
    explicit DemoEnvironment(QObject *parent = nullptr);
    ~DemoEnvironment() override;

    bool start(QString *error); // synchronous; false + a one-line reason on failure
    bool isRunning() const { return m_running; }
    DemoServers servers() const;

private:
    std::unique_ptr<octosim::OctoSimServer> m_server;
    bool m_running = false;
};
