#include "apifacts.h"
#include "auditreportwriter.h"
#include "auditscanner.h"
#include "filewalker.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QThreadPool>

#include <unistd.h>

// The scanner over folders: every fixture file's findings, decoding, binary and huge files, symbolic-link
// loops, unreadable files, skipped folders, threads, cancellation, the background API and masking in every
// output format.
class AuditScannerTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void findsExpectedFindingsInFixtureFile_data();
    void findsExpectedFindingsInFixtureFile();
    void scansEveryFixtureFileAndNoNegative();
    void decodesTextEncodings_data();
    void decodesTextEncodings();
    void skipsBinaryFiles();
    void notesFilesOverTheSizeLimit();
    void survivesSymbolicLinkLoops();
    void knowsFoldersApartByCanonicalPathNotInode();
    void reportsUnreadableFiles();
    void skipsGitAndNodeModulesUnlessAsked();
    void givesSameFindingsWithAnyNumberOfJobs_data();
    void givesSameFindingsWithAnyNumberOfJobs();
    void stopsWhenCancelled();
    void reportsProgressAndFindingsInTheBackground();
    void restartReportsOnlyTheNewScan();
    void masksKeysInEveryOutputFormat_data();
    void masksKeysInEveryOutputFormat();

private:
    AuditScanner::Options fixtureOptions() const;
    AuditScanner::Result m_fixtures;
    std::shared_ptr<const SwaggerCatalog> m_swagger;
};

namespace {

const QString kOldUrl = QStringLiteral("https://octopus.old.example.com");
const QByteArray kKey = QByteArrayLiteral("API-HANDOVERFIXTUREKEY0000000005");
const QByteArray kKeyStem = QByteArrayLiteral("API-HANDOVERFIXTURE");

QString fixturesDir()
{
    return QStringLiteral(HANDOVER_TEST_DATA_DIR "/fixtures");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

QStringList summary(const QList<AuditFinding> &findings, const QString &file)
{
    QStringList out;
    for (const AuditFinding &f : findings) {
        if (f.file == file)
            out << QStringLiteral("%1@%2").arg(auditCategoryName(f.category)).arg(f.line);
    }
    return out;
}

AuditScanner::Options optionsFor(const QString &root)
{
    AuditScanner::Options options;
    options.roots = {root};
    options.oldUrls = {kOldUrl};
    return options;
}

} // namespace

AuditScanner::Options AuditScannerTest::fixtureOptions() const
{
    AuditScanner::Options options = optionsFor(fixturesDir());
    options.catalog = m_swagger;
    return options;
}

void AuditScannerTest::initTestCase()
{
    QString error;
    auto catalog = SwaggerCatalog::fromJson(apiFactsSwagger(QLatin1String("2021.2")), &error);
    QVERIFY2(catalog, qPrintable(error));
    m_swagger = std::make_shared<const SwaggerCatalog>(std::move(*catalog));
    m_fixtures = AuditScanner::scan(fixtureOptions());
    QVERIFY(!m_fixtures.cancelled);
    QVERIFY(m_fixtures.notes.isEmpty());
}

void AuditScannerTest::findsExpectedFindingsInFixtureFile_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QStringList>("expected");
    const auto row = [](const char *file, std::initializer_list<const char *> expected) {
        QStringList list;
        for (const char *item : expected)
            list << QString::fromLatin1(item);
        QTest::newRow(file) << QString::fromLatin1(file) << list;
    };
    row("powershell/deploy.ps1", {"old-server-url@2", "secret@3", "api-call@7", "deprecated-route@8",
                                  "missing-endpoint@9", "legacy-cli@10", "placeholder-key@11"});
    row("powershell/clientmodule.psm1", {"client-library@1", "old-server-url@3", "placeholder-key@3"});
    row("shell/release.sh",
        {"legacy-cli@3", "old-server-url@3", "legacy-cli@4", "legacy-cli@5", "api-call@6"});
    row("shell/deploy-now", {"legacy-cli@3"});
    row("python/machines.py", {"placeholder-key@5", "api-call@9"});
    row("csharp/Program.cs", {"client-library@1", "old-server-url@4", "api-call@5", "api-call@6"});
    row("csharp/Tool.csproj", {"client-library@3"});
    row("go/main.go", {"client-library@7", "api-call@11", "missing-endpoint@15"});
    row("go/go.mod", {"client-library@5"});
    row("java/Client.java", {"api-call@5"});
    row("ruby/deploy.rb", {"api-call@3"});
    row("javascript/package.json", {"client-library@4"});
    row("typescript/deploy.ts", {"client-library@1", "api-call@4"});
    row("linqpad/servers.linq", {"client-library@2", "old-server-url@5"});
    row("cake/build.cake", {"client-library@1", "legacy-cli@2", "old-server-url@4"});
    row("groovy/Jenkinsfile", {"legacy-cli@6", "old-server-url@6", "secret@6"});
    row("teamcity/.teamcity/settings.kts", {"legacy-cli@5", "old-server-url@5"});
    row("yaml/azure-pipelines.yml", {"legacy-cli@4"});
    row("yaml/.github/workflows/deploy.yml", {"old-server-url@7", "missing-endpoint@10"});
    row("yaml/.gitlab-ci.yml", {"legacy-cli@3", "legacy-cli@4", "legacy-cli@4"});
    row("yaml/bitbucket-pipelines.yml", {"old-server-url@5", "api-call@5", "secret@5"});
    row("yaml/bamboo-specs/bamboo.yml", {"legacy-cli@5", "old-server-url@5"});
    row("docker/Dockerfile", {"legacy-cli@2", "legacy-cli@3", "old-server-url@3"});
    row("json/step-template.json", {"secret@5", "deprecated-route@5"});
    row("terraform/main.tf", {"client-library@4"});
}

void AuditScannerTest::findsExpectedFindingsInFixtureFile()
{
    QFETCH(QString, file);
    QFETCH(QStringList, expected);
    QCOMPARE(summary(m_fixtures.findings, file), expected);
    for (const AuditFinding &f : m_fixtures.findings) {
        if (f.file != file)
            continue;
        QCOMPARE(f.absolutePath, QDir(fixturesDir()).absoluteFilePath(file));
        QVERIFY(f.column >= 1);
        QVERIFY(!f.snippet.isEmpty());
        QVERIFY(!f.hint.isEmpty());
    }
}

void AuditScannerTest::scansEveryFixtureFileAndNoNegative()
{
    QSet<QString> files;
    for (const AuditFinding &f : m_fixtures.findings) {
        files.insert(f.file);
        QVERIFY2(!f.file.startsWith(QLatin1String("negatives/")), qPrintable(f.file));
    }
    QCOMPARE(files.size(), 25);
    // 25 positive files + 2 negatives; README.md, .git and node_modules are not read.
    QCOMPARE(m_fixtures.files, 27);
    QVERIFY(m_fixtures.bytes > 4000);
    QVERIFY(std::is_sorted(m_fixtures.findings.begin(), m_fixtures.findings.end(), auditFindingLessThan));
}

void AuditScannerTest::decodesTextEncodings_data()
{
    QTest::addColumn<QByteArray>("bytes");
    const QString text = QStringLiteral("# d\u00e9j\u00e0 vu\r\nocto push --package a.zip\r\n$k = \"%1\"\r\n")
                             .arg(QString::fromLatin1(kKey));
    const auto utf16 = [&](bool littleEndian) {
        QByteArray out = littleEndian ? QByteArray("\xff\xfe", 2) : QByteArray("\xfe\xff", 2);
        for (const QChar c : text) {
            const char lo = char(c.unicode() & 0xff);
            const char hi = char(c.unicode() >> 8);
            out.append(littleEndian ? lo : hi);
            out.append(littleEndian ? hi : lo);
        }
        return out;
    };
    QTest::newRow("utf-8") << text.toUtf8();
    QTest::newRow("utf-8-bom") << QByteArray("\xef\xbb\xbf") + text.toUtf8();
    QTest::newRow("utf-16le-bom") << utf16(true);
    QTest::newRow("utf-16be-bom") << utf16(false);
    QTest::newRow("latin-1") << text.toLatin1();
}

void AuditScannerTest::decodesTextEncodings()
{
    QFETCH(QByteArray, bytes);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("script.ps1")), bytes));
    const AuditScanner::Result result = AuditScanner::scan(optionsFor(dir.path()));
    QCOMPARE(result.binaryFiles, 0);
    QCOMPARE(summary(result.findings, QStringLiteral("script.ps1")),
             (QStringList{QStringLiteral("legacy-cli@2"), QStringLiteral("secret@3")}));
    QCOMPARE(result.findings.at(0).column, 1);
    QCOMPARE(result.findings.at(1).column, 7);
    QCOMPARE(result.findings.at(1).snippet, QStringLiteral("$k = \"API-HA\u2026\""));
}

void AuditScannerTest::skipsBinaryFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray binary("MZ\x90\x00\x03\x00\x00\x00octo push API-HANDOVERFIXTUREKEY0000000006", 50);
    binary.append(4096, '\0');
    QVERIFY(writeFile(dir.filePath(QStringLiteral("tool.ps1")), binary));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("ok.sh")), "octo push\n"));
    const AuditScanner::Result result = AuditScanner::scan(optionsFor(dir.path()));
    QCOMPARE(result.files, 2);
    QCOMPARE(result.binaryFiles, 1);
    QCOMPARE(result.findings.size(), 1);
    QCOMPARE(result.findings.at(0).file, QStringLiteral("ok.sh"));
}

void AuditScannerTest::notesFilesOverTheSizeLimit()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // A generated file just over the default 10 MiB limit, full of findings that must not be reported.
    QByteArray line("octo push --package a.zip\n");
    QByteArray huge;
    huge.reserve(AuditScanner::kDefaultMaxFileSize + 64);
    while (huge.size() <= AuditScanner::kDefaultMaxFileSize)
        huge.append(line);
    QVERIFY(writeFile(dir.filePath(QStringLiteral("huge.sh")), huge));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("small.sh")), line));
    const AuditScanner::Result result = AuditScanner::scan(optionsFor(dir.path()));
    QCOMPARE(result.files, 1);
    QCOMPARE(result.findings.size(), 1);
    QCOMPARE(result.notes.size(), 1);
    QCOMPARE(result.notes.at(0).kind, AuditScanner::Note::Kind::TooLarge);
    QCOMPARE(result.notes.at(0).file, QStringLiteral("huge.sh"));
    QVERIFY(result.notes.at(0).message.contains(QLatin1String("10.0 MiB")));
}

void AuditScannerTest::survivesSymbolicLinkLoops()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a/b/deploy.sh")), "octo push\n"));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("a/b/up"))));
    QVERIFY(QFile::link(QStringLiteral("."), dir.filePath(QStringLiteral("a/self"))));
    const AuditScanner::Result result = AuditScanner::scan(optionsFor(dir.path()));
    QCOMPARE(result.files, 1);
    QCOMPARE(summary(result.findings, QStringLiteral("a/b/deploy.sh")),
             QStringList{QStringLiteral("legacy-cli@1")});
}

void AuditScannerTest::knowsFoldersApartByCanonicalPathNotInode()
{
    // The walker's loop detection keys folders by FileWalker::directoryKey(), which reads no inode numbers
    // (Windows has none): spellings of one folder share a key, different folders never do.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("a/b")));
    QVERIFY(QDir(dir.path()).mkpath(QStringLiteral("c")));
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("a")), dir.filePath(QStringLiteral("c/alias"))));
    const QString a = FileWalker::directoryKey(dir.filePath(QStringLiteral("a")));
    QVERIFY(!a.isEmpty());
    QCOMPARE(FileWalker::directoryKey(dir.filePath(QStringLiteral("c/alias"))), a);
    QCOMPARE(FileWalker::directoryKey(dir.filePath(QStringLiteral("a/b/.."))), a);
    QCOMPARE(FileWalker::directoryKey(dir.filePath(QStringLiteral("c/alias/b/../."))), a);
    QVERIFY(FileWalker::directoryKey(dir.filePath(QStringLiteral("a/b"))) != a);
    QVERIFY(FileWalker::directoryKey(dir.filePath(QStringLiteral("c"))) != a);
    QVERIFY(FileWalker::directoryKey(dir.filePath(QStringLiteral("missing"))).isEmpty());

    // Sibling folders that merely look alike are each walked once; the alias is not walked again.
    QVERIFY(writeFile(dir.filePath(QStringLiteral("a/b/deploy.sh")), "octo push\n"));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("c/deploy.sh")), "octo push\n"));
    QStringList walked;
    FileWalker walker;
    const auto onFile = [&](const FileWalker::Entry &entry) {
        walked.append(entry.relativePath);
        return true;
    };
    QVERIFY(walker.walk({dir.path()}, onFile, [](const QString &, FileWalker::Problem) {}));
    walked.sort();
    QCOMPARE(walked, (QStringList{QStringLiteral("a/b/deploy.sh"), QStringLiteral("c/deploy.sh")}));
}

void AuditScannerTest::reportsUnreadableFiles()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(QFile::link(dir.filePath(QStringLiteral("gone/missing.ps1")),
                        dir.filePath(QStringLiteral("dangling.ps1"))));
    const bool root = ::geteuid() == 0;
    if (!root) {
        QVERIFY(writeFile(dir.filePath(QStringLiteral("locked.ps1")), "octo push\n"));
        QVERIFY(
            QFile::setPermissions(dir.filePath(QStringLiteral("locked.ps1")), QFileDevice::Permissions()));
    }
    const AuditScanner::Result result = AuditScanner::scan(optionsFor(dir.path()));
    QCOMPARE(result.notes.size(), root ? 1 : 2);
    for (const AuditScanner::Note &note : result.notes)
        QCOMPARE(note.kind, AuditScanner::Note::Kind::Unreadable);
    QVERIFY(result.findings.isEmpty());
}

void AuditScannerTest::skipsGitAndNodeModulesUnlessAsked()
{
    // Git cannot commit a folder named .git, so this tree is made here rather than kept under fixtures/.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(writeFile(dir.filePath(QStringLiteral(".git/config.yml")),
                      "[remote \"origin\"]\n  url = https://octopus.old.example.com/repo "
                      "API-HANDOVERFIXTUREKEY0000000009\n"));
    QFile nodeModule(fixturesDir() + QStringLiteral("/negatives/node_modules/lib/index.js"));
    QVERIFY(nodeModule.open(QIODevice::ReadOnly));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("node_modules/lib/index.js")), nodeModule.readAll()));
    QVERIFY(writeFile(dir.filePath(QStringLiteral("new_cli.sh")), "octopus release list\n"));

    AuditScanner::Options options = optionsFor(dir.path());
    QVERIFY(AuditScanner::scan(options).findings.isEmpty());
    options.skippedDirectoryNames.clear();
    const AuditScanner::Result all = AuditScanner::scan(options);
    QCOMPARE(summary(all.findings, QStringLiteral(".git/config.yml")),
             (QStringList{QStringLiteral("old-server-url@2"), QStringLiteral("secret@2")}));
    QCOMPARE(summary(all.findings, QStringLiteral("node_modules/lib/index.js")),
             QStringList{QStringLiteral("secret@1")});
}

void AuditScannerTest::givesSameFindingsWithAnyNumberOfJobs_data()
{
    QTest::addColumn<int>("jobs");
    QTest::newRow("one") << 1;
    QTest::newRow("two") << 2;
    QTest::newRow("eight") << 8;
}

void AuditScannerTest::givesSameFindingsWithAnyNumberOfJobs()
{
    QFETCH(int, jobs);
    AuditScanner::Options options = fixtureOptions();
    options.jobs = jobs;
    const AuditScanner::Result result = AuditScanner::scan(options);
    QCOMPARE(result.files, m_fixtures.files);
    QCOMPARE(result.bytes, m_fixtures.bytes);
    QCOMPARE(result.findings.size(), m_fixtures.findings.size());
    AuditReportWriter a(result.files, result.bytes, result.findings);
    AuditReportWriter b(m_fixtures.files, m_fixtures.bytes, m_fixtures.findings);
    QCOMPARE(a.toJson(), b.toJson());
}

void AuditScannerTest::stopsWhenCancelled()
{
    std::atomic_bool cancelled = true;
    const AuditScanner::Result result = AuditScanner::scan(fixtureOptions(), &cancelled);
    QVERIFY(result.cancelled);
    QCOMPARE(result.files, 0);
    QVERIFY(result.findings.isEmpty());
}

void AuditScannerTest::restartReportsOnlyTheNewScan()
{
    // Starting again does not wait for the scan under way: that one is cancelled, and nothing it still
    // reports arrives; a scanner deleted mid-scan does not wait either.
    AuditScanner scanner;
    QSignalSpy finished(&scanner, &AuditScanner::finished);
    scanner.start(fixtureOptions());
    scanner.start(fixtureOptions());
    QTRY_COMPARE(finished.count(), 1);
    auto *gone = new AuditScanner;
    QSignalSpy goneFinished(gone, &AuditScanner::finished);
    gone->start(fixtureOptions());
    delete gone;
    QThreadPool::globalInstance()->waitForDone(); // every task has ended: whatever they posted is queued
    QCoreApplication::processEvents();
    QCOMPARE(finished.count(), 1);
    QCOMPARE(goneFinished.count(), 0);
    const auto result = finished.at(0).at(0).value<AuditScanner::Result>();
    QVERIFY(!result.cancelled);
    QCOMPARE(result.findings.size(), m_fixtures.findings.size());
}

void AuditScannerTest::reportsProgressAndFindingsInTheBackground()
{
    AuditScanner scanner;
    QSignalSpy progress(&scanner, &AuditScanner::progressChanged);
    QSignalSpy batches(&scanner, &AuditScanner::findingsAdded);
    QSignalSpy finished(&scanner, &AuditScanner::finished);
    scanner.start(fixtureOptions());
    QTRY_COMPARE(finished.count(), 1);
    QVERIFY(!scanner.isRunning());
    const auto result = finished.at(0).at(0).value<AuditScanner::Result>();
    QCOMPARE(result.findings.size(), m_fixtures.findings.size());
    QVERIFY(progress.count() >= 1);
    const auto last = progress.last().at(0).value<AuditScanner::Progress>();
    QCOMPARE(last.files, m_fixtures.files);
    QCOMPARE(last.bytes, m_fixtures.bytes);
    qsizetype batched = 0;
    for (const QList<QVariant> &args : std::as_const(batches))
        batched += args.at(0).value<QList<AuditFinding>>().size();
    QCOMPARE(batched, m_fixtures.findings.size());
}

void AuditScannerTest::masksKeysInEveryOutputFormat_data()
{
    QTest::addColumn<int>("format");
    QTest::newRow("text") << int(AuditReportWriter::Format::Text);
    QTest::newRow("json") << int(AuditReportWriter::Format::Json);
    QTest::newRow("csv") << int(AuditReportWriter::Format::Csv);
    QTest::newRow("markdown") << int(AuditReportWriter::Format::Markdown);
}

void AuditScannerTest::masksKeysInEveryOutputFormat()
{
    QFETCH(int, format);
    AuditReportWriter writer(m_fixtures.files, m_fixtures.bytes, m_fixtures.findings);
    writer.setStatusFunction([](const AuditFinding &) { return QStringLiteral("accepted"); });
    const QByteArray output = writer.render(AuditReportWriter::Format(format));
    QVERIFY(!output.contains(kKeyStem));
    QVERIFY(output.contains(QStringLiteral("API-HA\u2026").toUtf8()));
    QVERIFY(output.contains("API-YOURAPIKEY"));
    QVERIFY(output.contains("accepted"));
}

QTEST_GUILESS_MAIN(AuditScannerTest)
#include "tst_auditscanner.moc"
