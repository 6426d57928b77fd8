// bench-audit [--sparse] [--corpus DIR] [--files N] [--mb M] [--jobs N] [--runs N]
//
// Generates a deterministic corpus (or reuses --corpus DIR when it already holds one), scans it with the
// audit in-process, then runs Debian's ripgrep (`rg -n`, line numbers, as the audit reports lines) with
// the audit's pre-filter needles as patterns over the same files with the same thread count, its output
// read through a pipe (ripgrep stops at a file's first match when its output is /dev/null), and prints:
//   corpus:, files:, mb:, findings:, handover-s:, handover-cpu-s:, mb-per-s:, peak-rss-mb:,
//   ripgrep-match-lines:, ripgrep-s:, ripgrep-cpu-s:, cpu-ratio-vs-ripgrep:, and last ratio-vs-ripgrep:
// (CPU seconds: user + system of the fastest run; Handover's is the whole process, walker included.)
// The default corpus is dense (densecorpus.h: 25,000 scripts, 100 MiB, nine in ten calling the Octopus
// API, several findings per file), like the scripts stored on a server or a real script collection;
// --sparse gives the earlier one (100,000 files, 1 GiB, one in twenty with a finding).
// Each timing is the best of --runs runs (default 2). A benchmark prints; it never asserts.

#include "auditscanner.h"
#include "densecorpus.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QUrl>

#include <array>
#include <random>

#include <sys/resource.h>

namespace {

const QString kOldUrl = QStringLiteral("https://octopus.old.example.com");

struct Language
{
    const char *suffix; // file name suffix (or whole name for Dockerfile/Jenkinsfile)
    const char *comment;
    std::array<const char *, 6> lines; // filler statements; %1 %2 are words, %3 a number
};

// Filler that looks like code but holds none of the needles (API-, /api, octo, the old host).
const std::array<Language, 12> kLanguages = {{
    {".ps1",
     "#",
     {"$%1 = Get-Item -Path \"C:\\data\\%2\\file%3.txt\"", "if ($%1 -gt %3) { Write-Host \"%2 done\" }",
      "foreach ($%1 in $%2List) { $total += $%1.Length }", "function Invoke-%1%2 { param([string]$%2) }",
      "$result = @{ Name = '%1'; Value = %3 }", "Start-Sleep -Seconds %3 # wait for %2"}},
    {".sh",
     "#",
     {"%1_%2=\"/var/lib/%2/%1-%3\"", "if [ -f \"$%1\" ]; then echo \"%2 %3\"; fi",
      "for f in /srv/%1/*; do cp \"$f\" /tmp/%2/; done", "export %1_COUNT=%3",
      "tar -czf /backup/%1-%3.tar.gz /home/%2", "grep -c '%1' /etc/%2.conf || true"}},
    {".py",
     "#",
     {"def %1_%2(value):\n    return value * %3", "%1 = {\"%2\": %3, \"name\": \"%1\"}",
      "for %1 in range(%3):\n    print(\"%2\", %1)", "class %1%2:\n    limit = %3",
      "with open(\"/tmp/%1.txt\") as %2:\n    data = %2.read()", "import %1_%2 as lib%3"}},
    {".cs",
     "//",
     {"var %1 = new List<string> { \"%2\", \"%3\" };", "public int %1%2 { get; set; } = %3;",
      "if (%1.Count > %3) { Console.WriteLine(\"%2\"); }",
      "private static string %1(string %2) => %2.Trim();", "foreach (var %1 in %2) total += %3;",
      "throw new InvalidOperationException(\"%1 %2 %3\");"}},
    {".go",
     "//",
     {"%1 := make(map[string]int, %3)", "func %1%2(v int) int { return v * %3 }",
      "if err := %1(); err != nil { return err }", "for i := 0; i < %3; i++ { %1 += i }",
      "var %1 = \"%2-%3\"", "defer %1.Close() // %2"}},
    {".java",
     "//",
     {"private final String %1 = \"%2-%3\";", "public int %1%2() { return %3; }",
      "List<String> %1 = new ArrayList<>(%3);",
      "if (%1 == null) { throw new IllegalStateException(\"%2\"); }",
      "for (int i = 0; i < %3; i++) { %1.add(\"%2\"); }", "import com.example.%1.%2;"}},
    {".rb",
     "#",
     {"%1 = { %2: %3 }", "def %1_%2(x)\n  x * %3\nend", "%1.each { |v| puts \"%2 #{v}\" }", "require '%1/%2'",
      "raise ArgumentError, '%1' if %2 > %3", "%1 = [%3, %3, %3].sum"}},
    {".js",
     "//",
     {"const %1 = require('%2');", "function %1%2(x) { return x * %3; }", "let %1 = [%3, '%2'];",
      "if (%1 > %3) { console.log('%2'); }", "export const %1 = { %2: %3 };",
      "for (const v of %1) { total += v.%2; }"}},
    {".yml",
     "#",
     {"%1:\n  %2: %3", "- name: %1 %2\n  run: make %1 -j%3", "  %1_%2: \"%3\"", "%1:\n  - %2\n  - %3",
      "  timeout-minutes: %3 # %1", "  image: registry.example.com/%1:%3"}},
    {".groovy",
     "//",
     {"def %1 = '%2-%3'", "stage('%1') { steps { echo '%2' } }", "%1.each { println it * %3 }",
      "if (%1 > %3) { error('%2') }", "env.%1_%2 = '%3'", "def %1(String %2) { return %2.size() }"}},
    {".kts",
     "//",
     {"val %1 = \"%2-%3\"", "fun %1%2(x: Int) = x * %3", "param(\"%1.%2\", \"%3\")",
      "if (%1 > %3) println(\"%2\")", "listOf(%3, %3).forEach { %1 += it }", "object %1%2 : BuildType({ })"}},
    {".json",
     "",
     {"  \"%1\": \"%2-%3\",", "  \"%1%2\": %3,", "  \"%1\": [\"%2\", \"%3\"],", "  \"%1\": { \"%2\": %3 },",
      "  \"enabled%1\": true,", "  \"%1\": null,"}},
}};

const std::array<const char *, 32> kWords = {
    "deploy", "release", "package", "config",  "value",  "result",  "item",    "count",
    "server", "client",  "worker",  "target",  "build",  "cache",   "token",   "folder",
    "report", "status",  "version", "channel", "tenant", "project", "runner",  "script",
    "backup", "module",  "export",  "import",  "filter", "detail",  "summary", "record"};

// Lines that produce findings (and are what ripgrep's patterns also hit).
const std::array<const char *, 10> kFindingLines = {
    "$url = \"https://octopus.old.example.com\"",
    "$key = \"API-BENCHKEY%1ABCDEFGHIJKLMNOP\"",
    "octo push --package app.%1.zip --server $server",
    "Invoke-RestMethod -Uri \"$server/api/$spaceId/projects/all\" -Headers $h",
    "curl -X POST \"$OCTOPUS_URL/api/Spaces-1/releases\"",
    "requests.get(f\"{url}/api/projects/Projects-%1\")",
    "export OCTOPUS_CLI_SERVER=https://octopus.old.example.com",
    "using Octopus.Client;",
    "var u = server + \"/api/\" + spaceId + \"/machines\";",
    "# docs: API-YOURAPIKEY",
};

QString fill(const char *pattern, std::mt19937 &rng)
{
    QString text = QString::fromLatin1(pattern);
    text.replace(QLatin1String("%1"), QLatin1String(kWords[rng() % kWords.size()]));
    text.replace(QLatin1String("%2"), QLatin1String(kWords[rng() % kWords.size()]));
    text.replace(QLatin1String("%3"), QString::number(rng() % 1000));
    return text;
}

QString filePath(const QString &root, int i, const QString &suffix, bool makeDir, bool *ok)
{
    const QString dir = QStringLiteral("%1/d%2/s%3")
                            .arg(root)
                            .arg(i / 10000, 2, 10, QLatin1Char('0'))
                            .arg(i / 100 % 100, 2, 10, QLatin1Char('0'));
    if (makeDir && !QDir().mkpath(dir))
        *ok = false;
    return QStringLiteral("%1/f%2%3").arg(dir).arg(i, 6, 10, QLatin1Char('0')).arg(suffix);
}

// The dense corpus (densecorpus.h); deterministic for the same arguments.
bool generateDenseCorpus(const QString &root, int files, qint64 totalBytes, QTextStream &out)
{
    std::mt19937 rng(20261202);
    const qint64 average = totalBytes / files;
    const QByteArray host = QUrl(kOldUrl).host().toUtf8();
    for (int i = 0; i < files; ++i) {
        // Sizes from 0.25x to 1.75x the average.
        const qint64 size = average / 4 + qint64(rng() % quint64(average * 3 / 2));
        QByteArray suffix;
        const QByteArray content = densecorpus::script(i, size, host, rng, &suffix);
        bool ok = true;
        QFile file(filePath(root, i, QString::fromLatin1(suffix), i % 100 == 0, &ok));
        if (!ok || !file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return false;
        if (i % 10000 == 9999)
            out << "generated " << (i + 1) << " files\n" << Qt::flush;
    }
    return true;
}

// The sparse corpus: one file in twenty with a finding; deterministic for the same arguments.
bool generateSparseCorpus(const QString &root, int files, qint64 totalBytes, QTextStream &out)
{
    std::mt19937 rng(20261126);
    const qint64 average = totalBytes / files;
    QByteArray content;
    for (int i = 0; i < files; ++i) {
        const Language &language = kLanguages[size_t(i) % kLanguages.size()];
        const QString dir = QStringLiteral("%1/d%2/s%3")
                                .arg(root)
                                .arg(i / 10000, 2, 10, QLatin1Char('0'))
                                .arg(i / 100 % 100, 2, 10, QLatin1Char('0'));
        if (i % 100 == 0 && !QDir().mkpath(dir))
            return false;
        // Sizes from 0.25x to 1.75x the average.
        const qint64 size = average / 4 + qint64(rng() % quint64(average * 3 / 2));
        content.clear();
        const bool withFindings = i % 20 == 0; // 5 % of the files
        int line = 0;
        while (content.size() < size) {
            if (withFindings && line % 40 == 7) {
                content += QString::fromLatin1(kFindingLines[rng() % kFindingLines.size()])
                               .replace(QLatin1String("%1"), QString::number(i))
                               .toUtf8();
            } else if (line % 25 == 0 && *language.comment) {
                content += (QLatin1String(language.comment) + QLatin1Char(' ') + fill("%1 %2 step %3", rng))
                               .toUtf8();
            } else {
                content += fill(language.lines[rng() % language.lines.size()], rng).toUtf8();
            }
            content += '\n';
            ++line;
        }
        QFile file(QStringLiteral("%1/f%2%3")
                       .arg(dir)
                       .arg(i, 6, 10, QLatin1Char('0'))
                       .arg(QLatin1String(language.suffix)));
        if (!file.open(QIODevice::WriteOnly) || file.write(content) != content.size())
            return false;
        if (i % 10000 == 9999)
            out << "generated " << (i + 1) << " files\n" << Qt::flush;
    }
    return true;
}

qint64 countFiles(const QString &root)
{
    qint64 n = 0;
    QDirIterator it(root, QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        it.next();
        ++n;
    }
    return n;
}

// VmHWM (peak resident set) in MiB; reset first with resetPeakRss().
double peakRssMb()
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

// User + system CPU seconds of this process (RUSAGE_SELF) or of its waited-for children (RUSAGE_CHILDREN).
double cpuSeconds(int who)
{
    rusage usage{};
    if (getrusage(who, &usage) != 0)
        return -1;
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
           double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

bool resetPeakRss()
{
    QFile clearRefs(QStringLiteral("/proc/self/clear_refs"));
    return clearRefs.open(QIODevice::WriteOnly) && clearRefs.write("5") == 1;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Script audit benchmark against ripgrep"));
    parser.addHelpOption();
    const QCommandLineOption corpusOption(QStringLiteral("corpus"),
                                          QStringLiteral("Corpus folder (generated when empty)."),
                                          QStringLiteral("DIR"));
    const QCommandLineOption filesOption(QStringLiteral("files"),
                                         QStringLiteral("Files to generate (25,000 dense, 100,000 sparse)."),
                                         QStringLiteral("N"));
    const QCommandLineOption mbOption(QStringLiteral("mb"),
                                      QStringLiteral("Corpus size in MiB (100 dense, 1024 sparse)."),
                                      QStringLiteral("M"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"), QStringLiteral("Threads for both tools."),
                                        QStringLiteral("N"), QString::number(QThread::idealThreadCount()));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs per tool (best is kept)."), QStringLiteral("N"),
                                        QStringLiteral("2"));
    const QCommandLineOption sparseOption(
        QStringLiteral("sparse"),
        QStringLiteral(
            "Generate the sparse corpus (100,000 files, 1 GiB, few findings) instead of the dense one."));
    parser.addOptions({corpusOption, filesOption, mbOption, jobsOption, runsOption, sparseOption});
    parser.process(app);

    const bool sparse = parser.isSet(sparseOption);
    const int files = std::max(1, parser.isSet(filesOption) ? parser.value(filesOption).toInt()
                                                            : (sparse ? 100000 : 25000));
    const qint64 totalBytes = std::max<qint64>(1, parser.isSet(mbOption) ? parser.value(mbOption).toLongLong()
                                                                         : (sparse ? 1024 : 100)) *
                              1024 * 1024;
    const int jobs = std::max(1, parser.value(jobsOption).toInt());
    const int runs = std::max(1, parser.value(runsOption).toInt());

    QTemporaryDir temporary;
    QString corpus = parser.value(corpusOption);
    if (corpus.isEmpty()) {
        if (!temporary.isValid()) {
            out << "error: cannot create a temporary folder\n";
            return 1;
        }
        corpus = temporary.path();
    }
    QDir().mkpath(corpus);
    if (QDir(corpus).isEmpty()) {
        QElapsedTimer generation;
        generation.start();
        out << "generating " << (sparse ? "sparse " : "dense ") << files << " files ("
            << totalBytes / (1024 * 1024) << " MiB) in " << corpus << '\n'
            << Qt::flush;
        if (!(sparse ? generateSparseCorpus(corpus, files, totalBytes, out)
                     : generateDenseCorpus(corpus, files, totalBytes, out))) {
            out << "error: cannot write the corpus\n";
            return 1;
        }
        out << "generated in " << QString::number(generation.elapsed() / 1000.0, 'f', 1) << " s\n";
        out << "corpus: " << (sparse ? "sparse" : "dense") << '\n';
    } else {
        out << "reusing the corpus in " << corpus << " (" << countFiles(corpus) << " files)\n";
    }

    // handover, in-process.
    AuditScanner::Options options;
    options.roots = {corpus};
    options.oldUrls = {kOldUrl};
    options.jobs = jobs;
    const bool peakReset = resetPeakRss();
    double handoverSeconds = 1e300;
    double handoverCpu = 0; // of the fastest run
    AuditScanner::Result result;
    for (int run = 0; run < runs; ++run) {
        result = {}; // the previous run's findings are freed before the clock starts
        QElapsedTimer timer;
        const double cpuBefore = cpuSeconds(RUSAGE_SELF);
        timer.start();
        result = AuditScanner::scan(options);
        const double seconds = timer.nsecsElapsed() / 1e9;
        const double cpu = cpuSeconds(RUSAGE_SELF) - cpuBefore;
        if (seconds < handoverSeconds) {
            handoverSeconds = seconds;
            handoverCpu = cpu;
        }
    }
    const double peak = peakRssMb();
    const double mb = double(result.bytes) / (1024.0 * 1024.0);

    out << "files: " << result.files << '\n';
    out << "mb: " << QString::number(mb, 'f', 1) << '\n';
    out << "findings: " << result.findings.size() << '\n';
    out << "handover-s: " << QString::number(handoverSeconds, 'f', 3) << '\n';
    out << "handover-cpu-s: " << QString::number(handoverCpu, 'f', 3) << " (user + system, whole process)\n";
    out << "mb-per-s: " << QString::number(mb / handoverSeconds, 'f', 1) << '\n';
    out << "peak-rss-mb: " << QString::number(peak, 'f', 1) << (peakReset ? "" : " (whole process)") << '\n'
        << Qt::flush;

    // ripgrep -n with the audit's pre-filter needles, same files, same threads; its output read through a
    // pipe and counted (to /dev/null it would stop at each file's first match).
    const QString rg = QStandardPaths::findExecutable(QStringLiteral("rg"));
    if (rg.isEmpty()) {
        out << "ripgrep-s: n/a (rg not found; apt-get install ripgrep)\n";
        out << "ratio-vs-ripgrep: n/a\n";
        return 0;
    }
    QStringList rgArguments{QStringLiteral("-n"),          QStringLiteral("--no-messages"),
                            QStringLiteral("--no-ignore"), QStringLiteral("--hidden"),
                            QStringLiteral("--glob"),      QStringLiteral("!.git"),
                            QStringLiteral("--glob"),      QStringLiteral("!node_modules"),
                            QStringLiteral("--threads"),   QString::number(jobs),
                            QStringLiteral("-e"),          QStringLiteral("API-"),
                            QStringLiteral("-e"),          QStringLiteral("/api"),
                            QStringLiteral("-e"),          QStringLiteral("(?i)octo")};
    for (const QString &url : options.oldUrls)
        rgArguments << QStringLiteral("-e")
                    << QStringLiteral("(?i)") + QRegularExpression::escape(QUrl(url).host());
    rgArguments << corpus;
    double ripgrepSeconds = 1e300;
    qint64 ripgrepLines = 0;
    double ripgrepCpu = 0; // of the fastest run
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        process.setReadChannel(QProcess::StandardOutput);
        qint64 lines = 0;
        QElapsedTimer timer;
        const double cpuBefore = cpuSeconds(RUSAGE_CHILDREN);
        timer.start();
        process.start(rg, rgArguments);
        if (!process.waitForStarted(-1)) {
            out << "ripgrep-s: n/a (rg failed: " << process.errorString() << ")\nratio-vs-ripgrep: n/a\n";
            return 0;
        }
        while (process.state() != QProcess::NotRunning) {
            process.waitForReadyRead(100);
            lines += process.readAllStandardOutput().count('\n');
        }
        lines += process.readAllStandardOutput().count('\n');
        const double seconds = timer.nsecsElapsed() / 1e9;
        if (process.exitStatus() != QProcess::NormalExit) {
            out << "ripgrep-s: n/a (rg crashed)\nratio-vs-ripgrep: n/a\n";
            return 0;
        }
        process.waitForFinished(-1); // reaped: its CPU time is now among the children's
        const double cpu = cpuSeconds(RUSAGE_CHILDREN) - cpuBefore;
        if (seconds < ripgrepSeconds) {
            ripgrepSeconds = seconds;
            ripgrepCpu = cpu;
        }
        ripgrepLines = lines;
    }
    out << "ripgrep-match-lines: " << ripgrepLines << '\n';
    out << "ripgrep-s: " << QString::number(ripgrepSeconds, 'f', 3) << '\n';
    out << "ripgrep-cpu-s: " << QString::number(ripgrepCpu, 'f', 3) << " (user + system)\n";
    out << "summary: " << result.files << " files, " << QString::number(mb, 'f', 1) << " MB, handover "
        << QString::number(handoverSeconds, 'f', 3) << " s (" << result.findings.size()
        << " findings), rg -n " << QString::number(ripgrepSeconds, 'f', 3) << " s (" << ripgrepLines
        << " lines)\n";
    out << "cpu-ratio-vs-ripgrep: " << QString::number(handoverCpu / ripgrepCpu, 'f', 2) << '\n';
    out << "ratio-vs-ripgrep: " << QString::number(handoverSeconds / ripgrepSeconds, 'f', 2) << '\n';
    return 0;
}
