// journal-ticker PATH BY COUNT: appends COUNT ticks (0: until killed) to the cutover journal at PATH as BY,
// and prints "acked SEQUENCE N" on stdout, flushed, after each append has returned (its commit is durable).
// The journal tests kill it with SIGKILL at random moments and then look for every acknowledged tick.
#include "cutoverjournal.h"

#include <QCoreApplication>
#include <QStringList>

#include <cstdio>

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() != 4) {
        std::fprintf(stderr, "usage: journal-ticker PATH BY COUNT\n");
        return 2;
    }
    CutoverJournal journal;
    JournalError error;
    if (!journal.open(args.at(1), &error)) {
        std::fprintf(stderr, "error: %s\n", qPrintable(error.text()));
        return 1;
    }
    const int count = args.at(3).toInt();
    for (int n = 1; count == 0 || n <= count; ++n) {
        JournalEntry entry;
        entry.kind = QStringLiteral("tick");
        entry.stepId = QStringLiteral("step-%1").arg(n);
        entry.run = QStringLiteral("live");
        entry.by = args.at(2);
        entry.text = QStringLiteral("tick %1 by %2").arg(n).arg(args.at(2));
        if (!journal.append(entry, &error)) {
            std::fprintf(stderr, "error: %s\n", qPrintable(error.text()));
            return 1;
        }
        std::printf("acked %lld %d\n", static_cast<long long>(entry.sequence), n);
        std::fflush(stdout);
    }
    return 0;
}
