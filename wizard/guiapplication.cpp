#include "guiapplication.h"

#include "demoenvironment.h"
#include "firstpaintwatcher.h"
#include "handoverwizard.h"
#include "keychainstore.h"
#include "mainwindow.h"
#include "networkcontext.h"
#include "plandocument.h"
#include "readinesscontroller.h"
#include "readinessmodel.h"
#include "serversession.h"
#include "widgetdialogservice.h"
#include "wizardlogging.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QIcon>
#include <QPixmap>
#include <QSettings>
#include <QStandardPaths>
#include <QTextStream>
#include <QTimer>

#include <algorithm>

namespace {

void printError(const QString &message)
{
    QTextStream(stderr) << QCoreApplication::applicationName() << ": " << message << '\n';
}

} // namespace

namespace {

// The GUI's flags, declared once for parsing and for --help.
struct GuiParser
{
    QCommandLineParser parser;
    QCommandLineOption demo{
        QStringLiteral("demo"),
        QCoreApplication::translate("GuiApplication", "Start two simulated Octopus Servers on this computer "
                                                      "and connect the wizard to them.")};
    QCommandLineOption screenshot{
        QStringLiteral("screenshot"),
        QCoreApplication::translate("GuiApplication", "Render the window to the PNG file FILE and exit."),
        QCoreApplication::translate("GuiApplication", "FILE")};
    QCommandLineOption page{
        QStringLiteral("page"),
        QCoreApplication::translate("GuiApplication", "Open the wizard on page NAME (%1).")
            .arg(HandoverWizard::pageNames().join(QStringLiteral(", "))),
        QCoreApplication::translate("GuiApplication", "NAME")};

    GuiParser()
    {
        parser.setApplicationDescription(QCoreApplication::translate(
            "GuiApplication", "Guides a migration lead through moving an Octopus Deploy "
                              "Server to a cloned new instance.\n"
                              "The same capabilities run headless as verbs: see `handover help`."));
        parser.addHelpOption();
        parser.addVersionOption();
        parser.addOption(demo);
        parser.addOption(screenshot);
        parser.addOption(page);
        parser.addPositionalArgument(
            QStringLiteral("plan"),
            QCoreApplication::translate("GuiApplication", "A .handover plan file to open."),
            QStringLiteral("[PLAN.handover]"));
    }
};

} // namespace

QString guiHelpText()
{
    return GuiParser().parser.helpText();
}

bool parseGuiOptions(const QStringList &arguments, GuiOptions *options, QString *error)
{
    GuiParser gui;
    QCommandLineParser &parser = gui.parser;
    const QCommandLineOption &demo = gui.demo;
    const QCommandLineOption &screenshot = gui.screenshot;
    const QCommandLineOption &page = gui.page;
    if (!parser.parse(arguments)) {
        *error = parser.errorText();
        return false;
    }
    if (parser.isSet(QStringLiteral("help")))
        parser.showHelp(0); // exits
    if (parser.isSet(QStringLiteral("version")))
        parser.showVersion(); // exits

    options->demo = parser.isSet(demo);
    options->screenshotPath = parser.value(screenshot);
    options->page = parser.value(page);
    if (parser.isSet(page) && HandoverWizard::pageIdForName(options->page) < 0) {
        *error = QCoreApplication::translate("GuiApplication", "unknown page '%1'; pages are: %2")
                     .arg(options->page, HandoverWizard::pageNames().join(QStringLiteral(", ")));
        return false;
    }
    if (parser.isSet(screenshot) && options->screenshotPath.isEmpty()) {
        *error = QCoreApplication::translate("GuiApplication", "--screenshot needs a file name");
        return false;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1) {
        *error = QCoreApplication::translate("GuiApplication", "only one plan file can be opened at a time");
        return false;
    }
    options->planPath = positional.value(0);
    return true;
}

int runGuiApplication(QApplication &app)
{
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/handover.svg")));
    GuiOptions options;
    QString error;
    if (!parseGuiOptions(app.arguments(), &options, &error)) {
        printError(error);
        return 2;
    }
    const bool screenshotMode = !options.screenshotPath.isEmpty();

    // --demo: octosim starts first, so that it generates its data while the window is built; the window shows
    // at once and enters demo mode when octosim's ready line arrives (or shows why it did not).
    DemoEnvironment demo;
    bool demoPending = options.demo;
    if (options.demo)
        demo.start();

    // The services every page is handed; declared before the window, so they outlive it.
    WidgetDialogService dialogs;
    QSettings settings;
    NetworkContext network;
    KeychainStore keychain(QStringLiteral("handover"));
    const QString autosaveDir = QDir(QStandardPaths::writableLocation(QStandardPaths::AppDataLocation))
                                    .filePath(QStringLiteral("autosave"));
    MainWindow window({{&dialogs, &network, &settings, &keychain}, screenshotMode ? QString() : autosaveDir});

    // When the demo's outcome is known; --screenshot waits for it and for readiness from then on.
    QElapsedTimer sinceDemoSettled;
    sinceDemoSettled.start();
    if (options.demo) {
        QObject::connect(&demo, &DemoEnvironment::ready, &window, [&](const DemoServers &servers) {
            window.enterDemoMode(servers); // a new plan, and the wizard restarted on the Connect page
            // A plan named on the command line still wins over demo mode's new plan: open it again (it opened
            // once below already, where an error was reported).
            if (!options.planPath.isEmpty()) {
                if (screenshotMode)
                    window.document()->open(options.planPath);
                else
                    window.openPlanFile(options.planPath);
            }
            if (!options.page.isEmpty())
                window.wizard()->goToPage(HandoverWizard::pageIdForName(options.page));
            demoPending = false;
            sinceDemoSettled.restart();
            qCInfo(lcWizard) << "demo mode entered";
        });
        QObject::connect(&demo, &DemoEnvironment::failed, &window, [&](const QString &reason) {
            window.showDemoFailure(reason);
            printError(
                QCoreApplication::translate("GuiApplication", "demo servers did not start: %1").arg(reason));
            demoPending = false;
            sinceDemoSettled.restart();
        });
    }
    // Ends octosim once the event loop is over: terminate, kill after a grace period. The window is closed by
    // then; the loop below runs only until the child is gone.
    const auto runThenStopDemo = [&](auto &&run) {
        const int result = run();
        if (demo.processId() != 0) {
            QEventLoop untilStopped;
            QObject::connect(&demo, &DemoEnvironment::stopped, &untilStopped, &QEventLoop::quit);
            demo.stop();
            untilStopped.exec();
        }
        return result;
    };

    if (!options.planPath.isEmpty()) {
        if (screenshotMode) {
            // No dialogs in screenshot mode: report on stderr and fail.
            const PlanError planError = window.document()->open(options.planPath);
            if (planError) {
                printError(planError.toDisplayString());
                return 1;
            }
        } else {
            window.openPlanFile(options.planPath);
        }
    }
    if (!options.page.isEmpty())
        window.wizard()->goToPage(HandoverWizard::pageIdForName(options.page));

    if (!screenshotMode) {
        window.show();
        if (options.planPath.isEmpty() && !options.demo)
            QTimer::singleShot(0, &window, [&window] { window.offerRecovery(); });
        return runThenStopDemo([&app] { return app.exec(); });
    }

    // --screenshot: show, wait until the current page has painted once, grab, save, exit.
    int exitCode = 0;
    auto *watcher = new FirstPaintWatcher(window.wizard()->currentPage(), &window);
    auto grabAndExit = [&] {
        const QPixmap pixmap = window.grab();
        if (pixmap.isNull() || !pixmap.save(options.screenshotPath, "PNG")) {
            printError(QCoreApplication::translate("GuiApplication", "could not write the screenshot to %1")
                           .arg(options.screenshotPath));
            exitCode = 1;
        } else {
            QTextStream(stdout) << QCoreApplication::translate("GuiApplication", "Saved %1 (%2×%3)")
                                       .arg(QDir::toNativeSeparators(options.screenshotPath))
                                       .arg(pixmap.width())
                                       .arg(pixmap.height())
                                << '\n';
        }
        app.exit(exitCode);
    };
    // A page is shown once it has its data: no inventory running, and the first readiness check of every
    // connectable server answered (so the strip shows real lights). A server that never answers does not
    // hold the screenshot back for more than kReadinessWaitMs.
    constexpr qint64 kReadinessWaitMs = 8000;
    const auto settled = [&window, &demoPending](bool waitForReadiness) {
        if (demoPending)
            return false;
        ServerSession *session = window.wizard()->session();
        if (session->isTakingInventory())
            return false;
        // A view still reading for the page ("busy", e.g. the test plan generating) holds it back too.
        if (QWidget *page = window.wizard()->currentPage()) {
            for (const QWidget *w : page->findChildren<QWidget *>()) {
                if (w->property("busy").toBool())
                    return false;
            }
        }
        if (!waitForReadiness)
            return true;
        for (const ServerRole role : {ServerRole::Old, ServerRole::New}) {
            if (!session->canConnect(role))
                continue;
            const ReadinessModel *model = window.wizard()->readiness()->model(role);
            if (!model || !model->hasResult())
                return false;
        }
        return true;
    };
    QObject::connect(watcher, &FirstPaintWatcher::painted, &window, [&, settled] {
        auto *poll = new QTimer(&window);
        QElapsedTimer sincePaint;
        sincePaint.start();
        QObject::connect(poll, &QTimer::timeout, &window, [&, poll, sincePaint, settled] {
            const qint64 waited = std::min(sincePaint.elapsed(), sinceDemoSettled.elapsed());
            if (!settled(waited < kReadinessWaitMs))
                return;
            poll->stop();
            QTimer::singleShot(50, &window, grabAndExit);
        });
        poll->start(25);
    });
    QTimer::singleShot(30000, &window, [&] {
        printError(QCoreApplication::translate(
            "GuiApplication",
            "the window was never painted; is a display or QT_QPA_PLATFORM=offscreen available?"));
        exitCode = 1;
        app.exit(exitCode);
    });
    window.show();
    const int loopResult = runThenStopDemo([&app] { return app.exec(); });
    return exitCode != 0 ? exitCode : loopResult;
}
