#include "octosimserver.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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
    octosim::quitOnTerminationSignals(app);
    if (options.exitWithStdin)
        octosim::quitWhenStdinCloses(app);
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
