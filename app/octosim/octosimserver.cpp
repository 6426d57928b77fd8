#include "octosimserver.h"

namespace octosim {

// Placeholder until the simulator lands: start() reports that it is not built yet.
class OctoSimServer::Private
{
};

bool parseArguments(const QStringList &, Options *, QString *error)
{
    *error = QStringLiteral("octosim is not built yet");
    return false;
}

QString usage()
{
    return QStringLiteral("usage: octosim [options]\n");
}

OctoSimServer::OctoSimServer(const Options &, QObject *parent)
    : QObject(parent)
    , d(std::make_unique<Private>())
{
}

OctoSimServer::~OctoSimServer() = default;

bool OctoSimServer::start(QString *error)
{
    *error = QStringLiteral("octosim is not built yet");
    return false;
}

InstanceEndpoint OctoSimServer::oldInstance() const
{
    return {};
}

InstanceEndpoint OctoSimServer::newInstance() const
{
    return {};
}

QByteArray OctoSimServer::readyLine() const
{
    return {};
}

} // namespace octosim
