#pragma once

#include <QString>
#include <QStringList>

class QApplication;
class MainWindow;

// The GUI's command line: handover [--demo] [--screenshot FILE [--page NAME]] [PLAN.handover]
struct GuiOptions
{
    bool demo = false;
    QString screenshotPath; // non-empty: render the window to this PNG and exit
    QString page;           // one of HandoverWizard::pageNames(); empty = first page
    QString planPath;       // a .handover file to open
};

// Parses `arguments` (including argv[0]). --help and --version print and exit the process
// (QCommandLineParser). Returns false with a translated one-line *error for bad input (unknown page, --page
// without --screenshot is fine: it opens the window on that page).
bool parseGuiOptions(const QStringList &arguments, GuiOptions *options, QString *error);

// The GUI flags' part of `handover --help` (usage, description, options). Needs only a QCoreApplication.
QString guiHelpText();

// Parses the GUI flags (--demo, --screenshot FILE, --page NAME, a .handover file), builds the window and runs
// the event loop. Returns the process exit code.
int runGuiApplication(QApplication &app);
