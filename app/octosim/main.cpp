#include "octosimserver.h"

#include <QCoreApplication>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <cstdio>
#include <sys/socket.h>
#include <unistd.h>

namespace {

int signalPipe[2] = {-1, -1};

void onSignal(int)
{
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(signalPipe[1], &byte, 1);
}

// SIGTERM/SIGINT end the event loop through a self-pipe, so shutdown runs normal destructors.
void quitOnSignals(QCoreApplication &app)
{
    if (::socketpair(AF_UNIX, SOCK_STREAM, 0, signalPipe) != 0)
        return;
    auto *notifier = new QSocketNotifier(signalPipe[0], QSocketNotifier::Read, &app);
    QObject::connect(notifier, &QSocketNotifier::activated, &app, [] { QCoreApplication::quit(); });
    struct sigaction action = {};
    action.sa_handler = onSignal;
    sigemptyset(&action.sa_mask);
    action.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &action, nullptr);
    sigaction(SIGINT, &action, nullptr);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    std::signal(SIGPIPE, SIG_IGN);
    octosim::Options options;
    QString error;
    const QStringList arguments = app.arguments().mid(1);
    if (arguments.contains(QStringLiteral("--help")) || arguments.contains(QStringLiteral("-h"))) {
        QTextStream(stdout) << octosim::usage();
        return 0;
    }
    if (!octosim::parseArguments(arguments, &options, &error)) {
        QTextStream(stderr) << "octosim: " << error << '\n' << octosim::usage();
        return 2;
    }
    quitOnSignals(app);
    octosim::OctoSimServer server(options);
    if (!server.start(&error)) {
        QTextStream(stderr) << "octosim: " << error << '\n';
        return 1;
    }
    if (options.verbose)
        QTextStream(stderr) << "octosim: data generated in " << server.generationMsecs() << " ms\n";
    std::fputs(server.readyLine().append('\n').constData(), stdout);
    std::fflush(stdout);
    return app.exec();
}
