#include "octosimserver.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstdio>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    octosim::Options options;
    QString error;
    if (!octosim::parseArguments(app.arguments().mid(1), &options, &error)) {
        QTextStream(stderr) << "octosim: " << error << '\n' << octosim::usage();
        return 2;
    }
    octosim::OctoSimServer server(options);
    if (!server.start(&error)) {
        QTextStream(stderr) << "octosim: " << error << '\n';
        return 1;
    }
    std::fputs(server.readyLine().append('\n').constData(), stdout);
    std::fflush(stdout);
    return app.exec();
}
