// bench-audit [--corpus DIR] [--files N] [--mb M] [--jobs N] [--runs N]
//
// Generates a deterministic corpus of script and pipeline files (or reuses --corpus DIR when it already
// holds one), scans it with the audit in-process, then runs Debian's ripgrep (`rg`) with the same
// literal patterns over the same files with the same thread count, and prints:
//   files:, mb:, findings:, handover-s:, mb-per-s:, peak-rss-mb:, ripgrep-s:, and last ratio-vs-ripgrep:
// Each timing is the best of --runs runs (default 2). A benchmark prints; it never asserts.

#include "auditscanner.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>

#include <array>
#include <random>

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

// Writes `files` files of about `totalBytes` in total; deterministic for the same arguments.
bool generateCorpus(const QString &root, int files, qint64 totalBytes, QTextStream &out)
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
    const QCommandLineOption filesOption(QStringLiteral("files"), QStringLiteral("Files to generate."),
                                         QStringLiteral("N"), QStringLiteral("100000"));
    const QCommandLineOption mbOption(QStringLiteral("mb"), QStringLiteral("Corpus size in MiB."),
                                      QStringLiteral("M"), QStringLiteral("1024"));
    const QCommandLineOption jobsOption(QStringLiteral("jobs"), QStringLiteral("Threads for both tools."),
                                        QStringLiteral("N"), QString::number(QThread::idealThreadCount()));
    const QCommandLineOption runsOption(QStringLiteral("runs"),
                                        QStringLiteral("Runs per tool (best is kept)."), QStringLiteral("N"),
                                        QStringLiteral("2"));
    parser.addOptions({corpusOption, filesOption, mbOption, jobsOption, runsOption});
    parser.process(app);

    const int files = std::max(1, parser.value(filesOption).toInt());
    const qint64 totalBytes = std::max<qint64>(1, parser.value(mbOption).toLongLong()) * 1024 * 1024;
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
        out << "generating " << files << " files (" << totalBytes / (1024 * 1024) << " MiB) in " << corpus
            << '\n'
            << Qt::flush;
        if (!generateCorpus(corpus, files, totalBytes, out)) {
            out << "error: cannot write the corpus\n";
            return 1;
        }
        out << "generated in " << QString::number(generation.elapsed() / 1000.0, 'f', 1) << " s\n";
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
    AuditScanner::Result result;
    for (int run = 0; run < runs; ++run) {
        QElapsedTimer timer;
        timer.start();
        result = AuditScanner::scan(options);
        handoverSeconds = std::min(handoverSeconds, timer.nsecsElapsed() / 1e9);
    }
    const double peak = peakRssMb();
    const double mb = double(result.bytes) / (1024.0 * 1024.0);

    out << "files: " << result.files << '\n';
    out << "mb: " << QString::number(mb, 'f', 1) << '\n';
    out << "findings: " << result.findings.size() << '\n';
    out << "handover-s: " << QString::number(handoverSeconds, 'f', 3) << '\n';
    out << "mb-per-s: " << QString::number(mb / handoverSeconds, 'f', 1) << '\n';
    out << "peak-rss-mb: " << QString::number(peak, 'f', 1) << (peakReset ? "" : " (whole process)") << '\n'
        << Qt::flush;

    // ripgrep with the audit's literal pre-filter patterns, same files, same threads, counts only.
    const QString rg = QStandardPaths::findExecutable(QStringLiteral("rg"));
    if (rg.isEmpty()) {
        out << "ripgrep-s: n/a (rg not found; apt-get install ripgrep)\n";
        out << "ratio-vs-ripgrep: n/a\n";
        return 0;
    }
    const QStringList rgArguments{QStringLiteral("--count"),
                                  QStringLiteral("--no-messages"),
                                  QStringLiteral("--no-ignore"),
                                  QStringLiteral("--hidden"),
                                  QStringLiteral("--glob"),
                                  QStringLiteral("!.git"),
                                  QStringLiteral("--glob"),
                                  QStringLiteral("!node_modules"),
                                  QStringLiteral("--threads"),
                                  QString::number(jobs),
                                  QStringLiteral("-e"),
                                  QStringLiteral("API-[A-Za-z0-9]+"),
                                  QStringLiteral("-e"),
                                  QStringLiteral("/api"),
                                  QStringLiteral("-e"),
                                  QStringLiteral("[Oo]cto|OCTO"),
                                  QStringLiteral("-e"),
                                  QStringLiteral("octopus\\.old\\.example\\.com"),
                                  corpus};
    double ripgrepSeconds = 1e300;
    qint64 ripgrepFiles = 0;
    for (int run = 0; run < runs; ++run) {
        QProcess process;
        process.setStandardOutputFile(QProcess::nullDevice());
        QElapsedTimer timer;
        timer.start();
        process.start(rg, rgArguments);
        if (!process.waitForFinished(-1) || process.exitStatus() != QProcess::NormalExit) {
            out << "ripgrep-s: n/a (rg failed: " << process.errorString() << ")\nratio-vs-ripgrep: n/a\n";
            return 0;
        }
        ripgrepSeconds = std::min(ripgrepSeconds, timer.nsecsElapsed() / 1e9);
    }
    {
        QProcess process; // once more, to count the files with matches (not timed)
        process.start(rg, QStringList{QStringLiteral("--files-with-matches")} + rgArguments.mid(1));
        process.waitForFinished(-1);
        ripgrepFiles = process.readAllStandardOutput().count('\n');
    }
    out << "ripgrep-files-with-matches: " << ripgrepFiles << '\n';
    out << "ripgrep-s: " << QString::number(ripgrepSeconds, 'f', 3) << '\n';
    out << "ratio-vs-ripgrep: " << QString::number(handoverSeconds / ripgrepSeconds, 'f', 2) << '\n';
    return 0;
}
