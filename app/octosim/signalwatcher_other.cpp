#include "signalwatcher.h"

#include <QCoreApplication>

#include <csignal>

// Platforms without POSIX signals and sockets (Windows): untested. SIGINT/SIGTERM come from the C runtime;
// QCoreApplication::quit() is documented as thread-safe, which is what the handler relies on.
namespace {

void onSignal(int)
{
    QCoreApplication::quit();
}

} // namespace

namespace octosim {

void quitOnTerminationSignals(QCoreApplication &)
{
    std::signal(SIGTERM, onSignal);
    std::signal(SIGINT, onSignal);
}

void resetOnClose(long long)
{
    // No SO_LINGER here: the "reset" fault then ends with QTcpSocket::abort() alone.
}

} // namespace octosim
