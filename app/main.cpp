#include "clidispatcher.h"
#include "guiapplication.h"
#include "translator.h"

#include <QApplication>
#include <QCoreApplication>
#include <QGuiApplication>
#include <QTextStream>

// Picks the command-line tool (first argument is a verb), help, or the wizard; builds objects, nothing else.
// Everything but the wizard runs on a QCoreApplication, so it works without a display; `runbook` lays out
// text on a QGuiApplication with the offscreen platform.
int main(int argc, char *argv[])
{
    QCoreApplication::setOrganizationName(QStringLiteral("Handover"));
    QCoreApplication::setApplicationName(QStringLiteral("handover"));
    QCoreApplication::setApplicationVersion(QStringLiteral(HANDOVER_VERSION));

    QStringList arguments;
    for (int i = 1; i < argc; ++i)
        arguments.append(QString::fromLocal8Bit(argv[i]));

    switch (startModeFor(arguments)) {
    case StartMode::Verb: {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        return runCli(app.arguments().mid(1));
    }
    case StartMode::GuiVerb: {
        // Fonts and text layout need a QGuiApplication; no window is ever shown, so no display is needed.
        if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
            qputenv("QT_QPA_PLATFORM", "offscreen");
        QGuiApplication app(argc, argv);
        installTranslations(app);
        return runCli(app.arguments().mid(1));
    }
    case StartMode::Unknown: {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        QTextStream(stderr) << unknownStartText(arguments.constFirst()) << '\n';
        return 2;
    }
    case StartMode::Help: {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        QTextStream(stdout) << guiHelpText() << '\n' << cliVerbSummary();
        return 0;
    }
    case StartMode::Version: {
        QCoreApplication app(argc, argv);
        installTranslations(app);
        GuiOptions options;
        QString error;
        parseGuiOptions(app.arguments(), &options, &error); // prints and exits on --version
        QTextStream(stderr) << QCoreApplication::applicationName() << ": " << error << '\n';
        return 2;
    }
    case StartMode::Gui:
        break;
    }
    QApplication app(argc, argv);
    installTranslations(app);
    return runGuiApplication(app);
}
