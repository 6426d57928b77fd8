#include "clidispatcher.h"
#include "guiapplication.h"
#include "translator.h"

#include <QApplication>
#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace {

// --help and --version must work without a display, so they are answered before a QApplication exists.
bool asksForHelpOrVersion(int argc, char *argv[])
{
    for (int i = 1; i < argc; ++i) {
        for (const char *flag : {"--help", "-h", "-?", "--help-all", "--version", "-v"}) {
            if (std::strcmp(argv[i], flag) == 0)
                return true;
        }
    }
    return false;
}

} // namespace

// Picks the command-line tool (first argument is a verb) or the wizard; builds objects, nothing else.
int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Handover"));
    QCoreApplication::setApplicationName(QStringLiteral("handover"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HANDOVER_VERSION));

    if (argc > 1 && isCliVerb(QString::fromLocal8Bit(argv[1]))) {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        return runCli(app.arguments().mid(1));
    }
    if (asksForHelpOrVersion(argc, argv)) {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        GuiOptions options;
        QString error;
        parseGuiOptions(app.arguments(), &options, &error); // prints and exits on --help / --version
        QTextStream(stderr) << QCoreApplication::applicationName() << ": " << error << '\n';
        return 2;
    }
    QApplication app(argc, argv);
    installTranslations(app);
    return runGuiApplication(app);
}
