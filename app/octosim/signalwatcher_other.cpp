#include "signalwatcher.h"

#include <QCoreApplication>

#include <csignal>
#include <cstdio>
#include <thread>

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

void quitWhenStdinCloses(QCoreApplication &)
{
    // A blocking read on a thread of its own until end of file; detached, so an exit does not wait for it.
    std::thread([] {
        char buffer[256];
        while (std::fread(buffer, 1, sizeof buffer, stdin) > 0) {
        }
        QCoreApplication::quit();
    }).detach();
}

void resetOnClose(long long)
{
    // No SO_LINGER here: the "reset" fault then ends with QTcpSocket::abort() alone.
}

} // namespace octosim
