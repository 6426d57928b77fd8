#pragma once

#include <QString>
#include <QStringList>

// What the command line asks for, decided before any application object exists (so that a mistyped verb
// never tries to open a window).
enum class StartMode
{
    Verb,    // the first argument is a verb: runCli()
    GuiVerb, // a verb that lays out text (runbook: fonts need a QGuiApplication), run on the offscreen platform
    Help,    // --help, -h, -?: the GUI's options and the verbs, no display needed
    Version, // --version, -v
    Gui,     // no arguments, options, or an existing plan file: the wizard
    Unknown  // a first argument that is neither a verb, an option nor an existing file: refused (exit 2)
};

// `arguments` excludes the program name.
StartMode startModeFor(const QStringList &arguments);

// The one-line refusal for StartMode::Unknown, translated, pointing to `handover help`.
QString unknownStartText(const QString &word);

// True when `word` names a command-line verb (check, inventory, audit, ...) rather than a GUI flag.
bool isCliVerb(const QString &word);

// Runs a verb. `arguments` starts with the verb. Needs a QCoreApplication. Returns the exit code.
int runCli(const QStringList &arguments);

// The verb list for --help.
QString cliVerbSummary();
