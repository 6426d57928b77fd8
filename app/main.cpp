#include "clidispatcher.h"
#include "guiapplication.h"
#include "translator.h"

#include <QApplication>
#include <QCoreApplication>

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
    QApplication app(argc, argv);
    installTranslations(app);
    return runGuiApplication(app);
}
