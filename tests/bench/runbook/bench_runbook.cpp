// bench-runbook [--steps N] [--rows N] [--format pdf|html|md] [--keep DIR]: builds a synthetic but realistic
// printable runbook (RunbookDocument: N cutover steps in phases with owners, durations, gates and commands,
// N Polling Tentacles in the inventory with their re-point commands, a drift chart as SVG) and exports it to
// each format, each in a fresh child process of this program (so each peak resident set is its own). Prints,
// per format: wall time of the export (building the document excluded, writing the file included), peak
// resident set (VmHWM) of the process, and the increase over the peak after the document was built; output
// size, and for the PDF its page count. Figures only: nothing is asserted.
#include "runbookdocument.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QGuiApplication>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>

#include <cstdio>

using namespace RunbookDocument;

namespace {

// Peak resident set of this process in MiB (VmHWM).
double peakMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').value(0).toDouble() / 1024.0;
    }
    return -1;
}

QString hex(quint64 seed, int length)
{
    static const char digits[] = "0123456789ABCDEF";
    QString out;
    out.reserve(length);
    quint64 x = seed * 6364136223846793005ULL + 1442695040888963407ULL;
    for (int i = 0; i < length; ++i) {
        x ^= x >> 33;
        x *= 0xff51afd7ed558ccdULL;
        x ^= x >> 29;
        out += QLatin1Char(digits[x & 15]);
    }
    return out;
}

QByteArray driftChart()
{
    QString svg = QStringLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
        "width=\"640\" height=\"240\" viewBox=\"0 0 640 240\"><rect width=\"640\" height=\"240\" "
        "fill=\"#fff\"/>"
        "<path d=\"M40 20V210H620\" stroke=\"#333\" fill=\"none\"/><polyline fill=\"none\" "
        "stroke=\"#c0392b\" "
        "stroke-width=\"2\" points=\"");
    for (int i = 0; i <= 58; ++i)
        svg += QStringLiteral("%1,%2 ").arg(40 + i * 10).arg(200 - (i * i) % 170);
    svg += QStringLiteral("\"/><text x=\"50\" y=\"35\" font-family=\"DejaVu Sans\" font-size=\"14\">Drift "
                          "since the clone</text></svg>");
    return svg.toUtf8();
}

Document makeDocument(int steps, int rows)
{
    Document d;
    d.title = QStringLiteral("Migration runbook");
    d.subtitle = QStringLiteral("octopus.example.com → octopus-new.example.com");
    d.runningHeader = QStringLiteral("Migration runbook · octopus.example.com → octopus-new.example.com");
    d.planName = QStringLiteral("contoso-cutover.handover");
    d.exportedAt = QDateTime(QDate(2025, 3, 14), QTime(21, 30), Qt::UTC);
    d.journalSha256 = hex(42, 64).toLower();

    Section decisions{QStringLiteral("decisions"), QStringLiteral("Decisions"), {}};
    decisions.blocks << Block::fieldList(
        {{QStringLiteral("Old server"), QStringLiteral("https://octopus.example.com (2023.4.8428)")},
         {QStringLiteral("New server"), QStringLiteral("https://octopus-new.example.com (2024.2.9303)")},
         {QStringLiteral("Domain name"), QStringLiteral("deploy.example.com, moved at cutover")},
         {QStringLiteral("Freeze"), QStringLiteral("Friday 18:00 UTC to Sunday 06:00 UTC")}});
    decisions.blocks << Block::note(QStringLiteral("Script audit: 14 scripts not analysed (manual review)."));
    d.sections << decisions;

    static const QString owners[] = {QStringLiteral("alice.smith"), QStringLiteral("bob.jones"),
                                     QStringLiteral("carol.wu"), QStringLiteral("dan.okafor"),
                                     QStringLiteral("eve.martin")};
    static const QString gates[] = {QString(), QStringLiteral("Go/no-go"), QString(),
                                    QStringLiteral("Smoke test"), QString()};
    Section runbook{QStringLiteral("runbook"), QStringLiteral("Cutover runbook"), {}};
    const int phases = qMax(1, steps / 100);
    int step = 0;
    for (int phase = 0; phase < phases; ++phase) {
        runbook.blocks << Block::heading(
            QStringLiteral("Phase %1: %2")
                .arg(phase + 1)
                .arg(phase % 2 ? QStringLiteral("move") : QStringLiteral("prepare")));
        runbook.blocks << Block::paragraph(QStringLiteral(
            "Starts when the previous phase's gate is signed; the owner ticks each step on the call."));
        Table t;
        t.columns = {QStringLiteral("Done"),   QStringLiteral("#"),        QStringLiteral("Step"),
                     QStringLiteral("Owner"),  QStringLiteral("Duration"), QStringLiteral("Gate"),
                     QStringLiteral("Command")};
        t.widths = {6, 6, 33, 12, 9, 10, 24};
        const int inPhase = phase == phases - 1 ? steps - step : steps / phases;
        for (int i = 0; i < inPhase; ++i, ++step) {
            t.rows << QList<Cell>{
                Cell(QString(), step % 3 ? Cell::Check::Unchecked : Cell::Check::Checked),
                Cell(QString::number(step + 1)),
                Cell(QStringLiteral(
                         "Re-point the deployment targets of project %1 and confirm the first health check")
                         .arg(step)),
                Cell(owners[step % 5]),
                Cell(QStringLiteral("%1 min").arg(5 + step % 25)),
                Cell(gates[step % 5]),
                Cell::code(QStringLiteral("handover cutover --tick step-%1").arg(step + 1))};
        }
        runbook.blocks << Block::tableOf(t);
        runbook.blocks << Block::commands(
            QStringLiteral("Check before the gate"),
            QStringLiteral("curl -fsS https://octopus-new.example.com/api/serverstatus/health\n"
                           "handover cutover --plan contoso-cutover.handover --gates --json  # phase %1\n")
                .arg(phase + 1));
    }
    d.sections << runbook;

    Section tentacles{QStringLiteral("tentacles"), QStringLiteral("Polling Tentacles"), {}};
    tentacles.blocks << Block::paragraph(
        QStringLiteral("Each polling Tentacle is re-pointed with the command beside it, on the machine."));
    Table inv;
    inv.columns = {QStringLiteral("Done"), QStringLiteral("Machine"), QStringLiteral("Environment"),
                   QStringLiteral("Thumbprint"), QStringLiteral("Re-point command")};
    inv.widths = {6, 16, 14, 24, 40};
    static const QString envs[] = {QStringLiteral("Production"), QStringLiteral("Staging"),
                                   QStringLiteral("Test"), QStringLiteral("Development")};
    for (int i = 0; i < rows; ++i) {
        inv.rows << QList<Cell>{
            Cell(QString(), Cell::Check::Unchecked),
            Cell(QStringLiteral("web-%1").arg(i, 5, 10, QLatin1Char('0'))), Cell(envs[i % 4]),
            Cell::code(hex(quint64(i) + 7, 40)),
            Cell::code(QStringLiteral("Tentacle.exe poll-server --instance Tentacle-%1 "
                                      "--server-comms-address https://deploy.example.com:10943 "
                                      "--reuse-server-thumbprint")
                           .arg(i))};
    }
    tentacles.blocks << Block::tableOf(inv);
    d.sections << tentacles;

    Section drift{QStringLiteral("drift"), QStringLiteral("Drift"), {}};
    drift.blocks << Block::image(driftChart(), QSizeF(170, 64),
                                 QStringLiteral("Changes on the old server since the clone, per hour"));
    d.sections << drift;

    Section signoff{QStringLiteral("sign-off"), QStringLiteral("Sign-off"), {}};
    signoff.blocks << Block::signOff({{QStringLiteral("Migration lead"), QStringLiteral("Alice Smith")},
                                      {QStringLiteral("Change board"), QString()}});
    d.sections << signoff;
    return d;
}

int pdfPages(const QString &path)
{
    QProcess p;
    p.start(QStringLiteral("pdfinfo"), {path});
    if (!p.waitForFinished(30000))
        return -1;
    const QRegularExpressionMatch m =
        QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption)
            .match(QString::fromUtf8(p.readAllStandardOutput()));
    return m.hasMatch() ? m.captured(1).toInt() : -1;
}

// One format in this process: prints one line of figures.
int runOne(Format format, int steps, int rows, const QString &dir)
{
    const Document document = makeDocument(steps, rows);
    const double builtMiB = peakMiB();
    const QString path = QDir(dir).filePath(QStringLiteral("runbook") + suffixOf(format));
    QElapsedTimer timer;
    timer.start();
    QString error;
    if (!writeFile(document, format, path, Paper::A4, &error)) {
        std::fprintf(stderr, "bench-runbook: %s\n", qPrintable(error));
        return 1;
    }
    const qint64 ms = timer.elapsed();
    const double peak = peakMiB();
    std::printf("%-4s %6lld ms  peak %6.1f MiB (+%5.1f over the built document)  %9lld bytes",
                qPrintable(formatName(format)), static_cast<long long>(ms), peak, peak - builtMiB,
                static_cast<long long>(QFileInfo(path).size()));
    if (format == Format::Pdf)
        std::printf("  %d pages", pdfPages(path));
    std::printf("\n");
    std::fflush(stdout);
    return 0;
}

} // namespace

int main(int argc, char **argv)
{
    // No window: the offscreen platform, as `handover runbook` uses, unless one is chosen.
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QGuiApplication app(argc, argv);
    const QStringList args = app.arguments();
    int steps = 2000, rows = 10000;
    QString format, keep;
    for (int i = 1; i + 1 < args.size(); i += 2) {
        if (args.at(i) == QLatin1String("--steps"))
            steps = qMax(1, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--rows"))
            rows = qMax(0, args.at(i + 1).toInt());
        else if (args.at(i) == QLatin1String("--format"))
            format = args.at(i + 1);
        else if (args.at(i) == QLatin1String("--keep"))
            keep = args.at(i + 1);
    }
    QTemporaryDir scratch;
    const QString dir = keep.isEmpty() ? scratch.path() : keep;
    if (!format.isEmpty()) {
        const std::optional<Format> f = formatFromName(format);
        if (!f) {
            std::fprintf(stderr, "bench-runbook: unknown format %s\n", qPrintable(format));
            return 2;
        }
        return runOne(*f, steps, rows, dir);
    }
    std::printf("runbook: %d steps, %d inventory rows, A4 (target: each format under 3 s and 300 MB)\n",
                steps, rows);
    std::fflush(stdout);
    int failed = 0;
    for (const Format f : {Format::Pdf, Format::Html, Format::Markdown}) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedChannels);
        child.start(QCoreApplication::applicationFilePath(),
                    {QStringLiteral("--steps"), QString::number(steps), QStringLiteral("--rows"),
                     QString::number(rows), QStringLiteral("--format"), formatName(f),
                     QStringLiteral("--keep"), dir});
        if (!child.waitForFinished(600000) || child.exitCode() != 0)
            ++failed;
    }
    return failed ? 1 : 0;
}
