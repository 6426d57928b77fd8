#pragma once

#include <QString>
#include <QStringList>

// True when `word` names a command-line verb (check, inventory, audit, ...) rather than a GUI flag.
bool isCliVerb(const QString &word);

// Runs a verb. `arguments` starts with the verb. Needs a QCoreApplication. Returns the exit code.
int runCli(const QStringList &arguments);

// The verb list for --help.
QString cliVerbSummary();
