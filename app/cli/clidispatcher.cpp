#include "clidispatcher.h"

#include "cliverbs.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

#include <array>

namespace {

struct Verb
{
    const char *name;
    const char *summary; // translated through QCoreApplication::translate("Cli", ...)
    int (*run)(const QStringList &arguments);
};

int runHelp(const QStringList &);

const auto kVerbs = std::to_array<Verb>({
    {"help", QT_TRANSLATE_NOOP("Cli", "List the command-line verbs"), &runHelp},
    {"audit", QT_TRANSLATE_NOOP("Cli", "Find scripts that call the old server's API"), &runAudit},
    {"check", QT_TRANSLATE_NOOP("Cli", "Run every readiness check against the old server and its clone"),
     &runCheck},
    {"ci", QT_TRANSLATE_NOOP("Cli", "List the CI systems and other callers of the old server, from evidence"),
     &runCi},
    {"cutover",
     QT_TRANSLATE_NOOP("Cli", "Follow the cutover runbook: list its steps, tick them, check the gates"),
     &runCutover},
    {"drift",
     QT_TRANSLATE_NOOP("Cli", "Measure the drift between the old server and its clone since the clone"),
     &runDrift},
    {"inventory", QT_TRANSLATE_NOOP("Cli", "Take an inventory of one server"), &runInventory},
    {"plan",
     QT_TRANSLATE_NOOP("Cli", "Build a plan file from both servers: every analysis that needs no decision"),
     &runPlan},
    {"runbook",
     QT_TRANSLATE_NOOP("Cli",
                       "Write the printable runbook of a plan and its journal (PDF, HTML or Markdown)"),
     &runRunbook},
    {"tentacles", QT_TRANSLATE_NOOP("Cli", "List polling Tentacles with the commands that re-point them"),
     &runTentacles},
    {"testplan", QT_TRANSLATE_NOOP("Cli", "Generate the test plan from the old server's usage"),
     &runTestPlan},
});

int runHelp(const QStringList &)
{
    QTextStream(stdout) << cliVerbSummary();
    return 0;
}

} // namespace

StartMode startModeFor(const QStringList &arguments)
{
    if (arguments.isEmpty())
        return StartMode::Gui;
    const QString &first = arguments.constFirst();
    if (first == QLatin1String("runbook"))
        return StartMode::GuiVerb;
    if (isCliVerb(first))
        return StartMode::Verb;
    if (!first.startsWith(QLatin1Char('-')) && !QFileInfo(first).isFile())
        return StartMode::Unknown;
    for (const QString &argument : arguments) {
        for (const char *flag : {"--help", "-h", "-?", "--help-all"}) {
            if (argument == QLatin1String(flag))
                return StartMode::Help;
        }
        if (argument == QLatin1String("--version") || argument == QLatin1String("-v"))
            return StartMode::Version;
    }
    return StartMode::Gui;
}

QString unknownStartText(const QString &word)
{
    return QCoreApplication::translate("Cli", "handover: '%1' is neither a verb, an option nor a plan file; "
                                              "'handover help' lists the verbs.")
        .arg(word);
}

bool isCliVerb(const QString &word)
{
    for (const Verb &verb : kVerbs) {
        if (word == QLatin1String(verb.name))
            return true;
    }
    return false;
}

int runCli(const QStringList &arguments)
{
    const QString verbName = arguments.value(0);
    for (const Verb &verb : kVerbs) {
        if (verbName == QLatin1String(verb.name))
            return verb.run(arguments.mid(1));
    }
    QTextStream(stderr) << QCoreApplication::translate("Cli", "handover: unknown verb '%1'").arg(verbName)
                        << '\n'
                        << cliVerbSummary();
    return 2;
}

QString cliVerbSummary()
{
    QString text = QCoreApplication::translate("Cli", "Usage: handover VERB [options]\n\nVerbs:\n");
    for (const Verb &verb : kVerbs) {
        text += QStringLiteral("  %1  %2\n")
                    .arg(QString::fromLatin1(verb.name).leftJustified(12),
                         QCoreApplication::translate("Cli", verb.summary));
    }
    return text;
}
