// bench-journal [--ticks N] [--dir DIR]: appends N ticks to a cutover journal (SQLite, WAL,
// synchronous=FULL) in a fresh folder under DIR (default: the current folder, so the disk a plan would
// be on, not a RAM-backed /tmp), and the same number of records to a plain file with write() + fsync()
// each, the physical limit of a durable append on that disk. Prints ticks per second and the median and
// 99th-percentile time from "tick" to "durable" for both, and their ratios. Figures only: nothing is
// asserted.
#include "cutoverjournal.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace {

struct Figures
{
    double perSecond = 0;
    double medianMs = 0;
    double p99Ms = 0;
};

Figures summarise(std::vector<qint64> nanos, qint64 totalNanos)
{
    std::sort(nanos.begin(), nanos.end());
    Figures f;
    f.perSecond = double(nanos.size()) * 1e9 / double(totalNanos);
    f.medianMs = double(nanos.at(nanos.size() / 2)) / 1e6;
    f.p99Ms = double(nanos.at(std::min(nanos.size() - 1, nanos.size() * 99 / 100))) / 1e6;
    return f;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    int ticks = 500;
    QString dir = QDir::currentPath();
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--ticks"))
            ticks = qMax(10, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--dir"))
            dir = args.at(i + 1);
    }
    QTemporaryDir scratch(QDir(dir).filePath(QStringLiteral("bench-journal-XXXXXX")));
    if (!scratch.isValid()) {
        std::fprintf(stderr, "bench-journal: cannot make a folder under %s\n", qPrintable(dir));
        return 1;
    }

    // The journal, as the wizard and `handover cutover --tick` use it.
    CutoverJournal journal;
    JournalError error;
    if (!journal.open(scratch.filePath(QStringLiteral("bench.handover-journal")), &error)) {
        std::fprintf(stderr, "bench-journal: %s\n", qPrintable(error.text()));
        return 1;
    }
    std::vector<qint64> journalNanos;
    journalNanos.reserve(ticks);
    QElapsedTimer total;
    total.start();
    for (int i = 0; i < ticks; ++i) {
        JournalEntry entry;
        entry.kind = QStringLiteral("tick");
        entry.stepId = QStringLiteral("cutover-step-%1").arg(i % 40);
        entry.run = QStringLiteral("live");
        entry.by = QStringLiteral("alice.smith");
        entry.text = QStringLiteral("Done; the queue on the old server is empty, checked on the call.");
        QElapsedTimer one;
        one.start();
        if (!journal.append(entry, &error)) {
            std::fprintf(stderr, "bench-journal: %s\n", qPrintable(error.text()));
            return 1;
        }
        journalNanos.push_back(one.nsecsElapsed());
    }
    const Figures journalFigures = summarise(journalNanos, total.nsecsElapsed());
    journal.close();

    // The physical limit: one record appended and fsync()ed at a time, on the same disk.
    const QByteArray raw = QFile::encodeName(scratch.filePath(QStringLiteral("bare-loop.log")));
    const int fd = ::open(raw.constData(), O_WRONLY | O_CREAT | O_APPEND, 0600);
    if (fd < 0) {
        std::perror("bench-journal: open");
        return 1;
    }
    const QByteArray record = QByteArray(180, 'r') + '\n';
    std::vector<qint64> bareNanos;
    bareNanos.reserve(ticks);
    total.restart();
    for (int i = 0; i < ticks; ++i) {
        QElapsedTimer one;
        one.start();
        if (::write(fd, record.constData(), size_t(record.size())) != record.size() || ::fsync(fd) != 0) {
            std::perror("bench-journal: write");
            return 1;
        }
        bareNanos.push_back(one.nsecsElapsed());
    }
    const Figures bare = summarise(bareNanos, total.nsecsElapsed());
    ::close(fd);

    std::printf("bench-journal: %d ticks on %s\n", ticks, qPrintable(dir));
    std::printf("  journal (SQLite WAL, synchronous=FULL): %8.0f ticks/s  median %.3f ms  p99 %.3f ms\n",
                journalFigures.perSecond, journalFigures.medianMs, journalFigures.p99Ms);
    std::printf("  write + fsync loop (physical limit):    %8.0f ticks/s  median %.3f ms  p99 %.3f ms\n",
                bare.perSecond, bare.medianMs, bare.p99Ms);
    std::printf("  ratio journal / loop: median %.2f, p99 %.2f, throughput %.2f (target median <= 2)\n",
                journalFigures.medianMs / bare.medianMs, journalFigures.p99Ms / bare.p99Ms,
                bare.perSecond / journalFigures.perSecond);
    return 0;
}
