// The fast matching path against the straightforward one, on the dense corpus bench-audit times
// (densecorpus.h) with awkward lines mixed in: non-ASCII text (letters that fold to ASCII under the
// regexes' case-insensitive matching), CRLF, upper-case hosts, tabs, long lines, keys.
#include "auditruleset.h"
#include "auditscanner.h"
#include "densecorpus.h"
#include "textdecoder.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <random>

namespace {

const QString kOldUrl = QStringLiteral("https://octopus.old.example.com");
const QString kOtherHost = QStringLiteral("deploy.legacy.example.org");

// Lines the generator does not write, each aimed at one literal check or at the fallback for
// non-ASCII lines. Plain string literals (moc and raw strings do not mix).
const char *const kAwkwardLines[] = {
    "$url = \"https://OCTOPUS.OLD.EXAMPLE.COM/api/Spaces-1/projects/all\"",
    "curl -H \"X-Octopus-ApiKey: API-ABCDEFGHIJKLMNOPQRSTUVWXYZ12\" "
    "https://deploy.legacy.example.org/api/tasks",
    "Octo.EXE push --package x.1.0.zip",
    "octo\tpush --package x.zip",
    "OCTO push --package x.zip",
    "dotnet octo pack --id x",
    "dotnet-octo create-release --project x",
    "OctopusTools 4.1.0 installed",
    "export OCTOPUS_CLI_API_KEY=API-XXXXXXXXXXXXXXXX",
    "provider \"octopusdeploy\" {",
    "  version = \"0.12.1\"",
    "import \"github.com/OctopusDeploy/go-octopusdeploy/v2\"",
    "\"@octopusdeploy/api-client\": \"3.1.0\",",
    "<NuGetReference Version=\"11.6.3644\">Octopus.Client</NuGetReference>",
    "Write-Host \"Caf\xc3\xa9 $octopusUrl/api/spaces/all\" -Method Get",
    "# \xe2\x84\xaa\xe2\x80\x94 octopus.old.example.com and \xc5\xbf"
    "ession. octo push x",
    "Invoke-RestMethod -Uri \"$octopusUrl/api/$($space.Id)/machines\" -Method Delete # \xc3\xbc",
    "resp = requests.post(f\"{server}/api/Spaces-1/releases\", headers=h)",
    "var r = await client.PostAsync($\"{server}/api/{spaceId}/deployments\", body);",
    "curl --request=PUT \"$OCTOPUS_URL/api/Spaces-1/variables/variableset-Projects-1\"",
    "req, _ := http.NewRequest(\"DELETE\", server+\"/api/Spaces-1/machines/\"+id, nil)",
    "curl -s \"https://example.com/api/weather\" # some other service",
    "$k = \"API-YOURAPIKEY\"; $k2 = \"API-ABCDEFGHIJKLMNOPQRSTUV99\"; $k3 = \"API-\"",
    "x = \"https://octopus.old.example.com.evil.example\" + \"old-octopus.old.example.com\"",
    "$long = "
    "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\" + \"$octopusUrl/api/tasks/ServerTasks-1\" + "
    "\"API-ABCDEFGHIJ1234567890KLMN\" "
    "+ \"bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb octo.exe\"",
};

// A dense script with awkward lines mixed in, some files with CRLF line ends.
QByteArray sample(int index, std::mt19937 &rng, QByteArray *suffix)
{
    const QByteArray host = QByteArrayLiteral("octopus.old.example.com");
    QByteArray content = densecorpus::script(index, 1500 + qint64(rng() % 3000), host, rng, suffix);
    QList<QByteArray> lines = content.split('\n');
    for (int i = 0; i < 4; ++i) {
        const auto at = qsizetype(rng() % quint64(lines.size()));
        lines.insert(at, kAwkwardLines[rng() % std::size(kAwkwardLines)]);
    }
    return lines.join(index % 7 == 3 ? "\r\n" : "\n");
}

QString describe(const AuditFinding &f)
{
    return QStringLiteral("%1 (%9):%2:%3 %4/%5 [%6] [%7] [%8]")
        .arg(f.file)
        .arg(f.line)
        .arg(f.column)
        .arg(auditCategoryName(f.category), auditSeverityName(f.severity), f.detail, f.snippet, f.hint,
             f.absolutePath);
}

QStringList describeAll(const QList<AuditFinding> &findings)
{
    QStringList out;
    out.reserve(findings.size());
    for (const AuditFinding &f : findings)
        out.append(describe(f));
    return out;
}

// Pieces aimed at the edges of the rules matched by hand on ASCII lines (the HTTP method, keys, hosts, the
// octo CLI and its variables, route templates), joined at random: the fast path must find what the regexes
// find. Plain string literals (moc and raw strings do not mix).
const char *const kFragments[] = {
    "-Method ",
    "-method\t'",
    "-Method=",
    "-X ",
    "-XPOST ",
    "x-X GET ",
    "--X ",
    "--request ",
    "--request=\"",
    "--request",
    "method: ",
    "Method = '",
    "xmethod=",
    "method\t:\t\"",
    "HttpMethod.",
    "Net::HTTP::",
    "http.Method",
    "nethttp.Method",
    "requests.",
    "axios.",
    "httpx.",
    "session.",
    "_session.",
    "NewRequest(\"",
    "NewRequestWithContext(ctx, '",
    "NewRequestWithContext(\"",
    "NewRequest(CTX,\"",
    "NewRequestWith(\"",
    ".Get",
    ".post",
    ".PutAsync",
    ".DeleteJsonAsync",
    ".PatchAsJsonAsync",
    ".GetAsyncX",
    "GET",
    "Post",
    "put",
    "DELETE",
    "patch",
    "GETS",
    "Patch_",
    " ",
    "\t",
    "\"",
    "'",
    "(",
    ")",
    ",",
    ".",
    "-",
    "=",
    ":",
    "$",
    "@",
    "_",
    "x",
    "7",
    "$octopusUrl/api/",
    "/api",
    "/api/Spaces-1/projects",
    "/api/$($s.Id)/machines/",
    "{server}/api/{spaceId}/tasks/{id}",
    "\" + spaceId + \"/releases",
    "%s/api/%d/x",
    "/api/users/me/.",
    "/apis/x",
    "/api-docs",
    "API-",
    "API-ABCDEFGHIJKLMNOPQRSTUV12",
    "API-YOURAPIKEY",
    "xAPI-ABCDEFGHIJKLMNOPQRSTUV12",
    "-API-ABCDEFGHIJKLMNOPQRSTUV12",
    "API-abcd",
    "octopus.old.example.com",
    "OCTOPUS.OLD.EXAMPLE.COM",
    ".octopus.old.example.com",
    "deploy.legacy.example.org",
    "octopus.old.example.com.x",
    "octopus.old.example.com-",
    "octopus.old.example.com.",
    "octo",
    "Octo",
    "OCTO",
    "octo.exe",
    "Octo.Cmd",
    "octo.dll",
    "octo.exex",
    ".octo.exe",
    "octo ",
    "octo push",
    "octo pack",
    "octo create-release",
    "octo create-",
    "octo create--x",
    "octo create-Release",
    "octo deploy-release-",
    "octo build-information",
    "octo helpx",
    "dotnet octo push",
    "dotnet-octo",
    "dotnet octo",
    "$octo push",
    "Octopus.DotNet.Cli",
    "octopustools",
    "OctopusToolsX",
    "OCTOPUS_CLI_SERVER",
    "OCTOPUS_CLI_API_KEY",
    "XOCTOPUS_CLI_SERVER",
    "OCTOPUS_CLI_SERVERS",
    "OCTOPUS_CLI_API_KEY_",
    "Octopus.Client",
    "#{x}",
    "<id>",
};

} // namespace

class AuditDenseCorpusTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fastRulesFindWhatTheReferenceFinds();
    void scannerFindsWhatTheReferenceFindsFileByFile();
    void sortingIsOneStableSort();
    void byteMatchersAgreeWithTheRegexesOnFragments();
};

void AuditDenseCorpusTest::fastRulesFindWhatTheReferenceFinds()
{
    const AuditRuleSet::Config config{{kOldUrl, kOtherHost}, nullptr};
    const AuditRuleSet fast(config);
    AuditRuleSet reference(config);
    reference.setReferenceMode(true);
    std::mt19937 rng(7);
    qsizetype total = 0;
    for (int i = 0; i < 600; ++i) {
        QByteArray suffix;
        const QByteArray bytes = sample(i, rng, &suffix);
        const QByteArray utf8 = TextDecoder::decode(bytes).utf8;
        const QStringList expected = describeAll(reference.scan(utf8));
        const QStringList actual = describeAll(fast.scan(utf8));
        if (actual != expected) {
            for (qsizetype k = 0; k < std::max(actual.size(), expected.size()); ++k) {
                if (actual.value(k) != expected.value(k)) {
                    qWarning().noquote()
                        << "file" << i << "finding" << k << "\n fast:      " << actual.value(k)
                        << "\n reference: " << expected.value(k);
                    break;
                }
            }
        }
        QCOMPARE(actual, expected);
        total += expected.size();
    }
    QVERIFY2(total > 600 * 5, qPrintable(QString::number(total))); // dense: several findings per file
}

void AuditDenseCorpusTest::scannerFindsWhatTheReferenceFindsFileByFile()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    std::mt19937 rng(11);
    for (int i = 0; i < 300; ++i) {
        QByteArray suffix;
        const QByteArray bytes = sample(i, rng, &suffix);
        const QString sub = QStringLiteral("%1/d%2").arg(dir.path()).arg(i % 5);
        QVERIFY(QDir().mkpath(sub));
        QFile file(QStringLiteral("%1/f%2%3").arg(sub).arg(i).arg(QString::fromLatin1(suffix)));
        QVERIFY(file.open(QIODevice::WriteOnly));
        QCOMPARE(file.write(bytes), bytes.size());
    }

    AuditScanner::Options options;
    options.roots = {dir.path()};
    options.oldUrls = {kOldUrl, kOtherHost};
    options.jobs = 2;
    const AuditScanner::Result result = AuditScanner::scan(options);

    AuditRuleSet reference({options.oldUrls, nullptr});
    reference.setReferenceMode(true);
    QList<AuditFinding> expected;
    QDirIterator it(dir.path(), QDir::Files, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString path = it.next();
        QFile file(path);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QList<AuditFinding> findings = reference.scan(TextDecoder::decode(file.readAll()).utf8);
        for (AuditFinding &f : findings) {
            f.file = QDir(dir.path()).relativeFilePath(path);
            f.absolutePath = path;
        }
        expected.append(findings);
    }
    std::stable_sort(expected.begin(), expected.end(), auditFindingLessThan);
    QCOMPARE(result.files, 300);
    QCOMPARE(describeAll(result.findings), describeAll(expected));
}

void AuditDenseCorpusTest::sortingIsOneStableSort()
{
    // Runs of one file (as the scanner hands them over), some files split into several runs, findings
    // out of line order and ties on line and column, in a shuffled order of runs.
    std::mt19937 rng(3);
    QList<QList<AuditFinding>> runs;
    for (int file = 0; file < 60; ++file) {
        const int pieces = 1 + int(rng() % 3);
        for (int piece = 0; piece < pieces; ++piece) {
            QList<AuditFinding> run;
            const int n = int(rng() % 6);
            for (int k = 0; k < n; ++k) {
                AuditFinding f;
                f.file = QStringLiteral("d/f%1.ps1").arg(file % 40);
                f.absolutePath = QStringLiteral("/root%1/d/f%2.ps1").arg(file / 40).arg(file % 40);
                f.line = 1 + int(rng() % 4);
                f.column = 1 + int(rng() % 3);
                f.category = AuditCategory(rng() % 3);
                f.detail = QStringLiteral("%1-%2-%3").arg(file).arg(piece).arg(k); // tells ties apart
                run.append(f);
            }
            runs.append(run);
        }
    }
    std::shuffle(runs.begin(), runs.end(), rng);
    QList<AuditFinding> findings;
    for (const QList<AuditFinding> &run : std::as_const(runs))
        findings.append(run);
    QList<AuditFinding> expected = findings;
    std::stable_sort(expected.begin(), expected.end(), auditFindingLessThan);
    sortAuditFindings(findings);
    QCOMPARE(describeAll(findings), describeAll(expected));
}

void AuditDenseCorpusTest::byteMatchersAgreeWithTheRegexesOnFragments()
{
    const AuditRuleSet::Config config{{kOldUrl, kOtherHost}, nullptr};
    const AuditRuleSet fast(config);
    AuditRuleSet reference(config);
    reference.setReferenceMode(true);
    std::mt19937 rng(23);
    qsizetype total = 0;
    for (int file = 0; file < 200; ++file) {
        QByteArray text = "# Octopus\n"; // an Octopus context, so every route counts
        for (int line = 0; line < 50; ++line) {
            const int pieces = 1 + int(rng() % 8);
            for (int k = 0; k < pieces; ++k)
                text += kFragments[rng() % std::size(kFragments)];
            text += '\n';
        }
        const QStringList expected = describeAll(reference.scan(text));
        const QStringList actual = describeAll(fast.scan(text));
        if (actual != expected) {
            for (qsizetype k = 0; k < std::max(actual.size(), expected.size()); ++k) {
                if (actual.value(k) != expected.value(k)) {
                    qWarning().noquote()
                        << "file" << file << "finding" << k << "\n fast:      " << actual.value(k)
                        << "\n reference: " << expected.value(k);
                    break;
                }
            }
        }
        QCOMPARE(actual, expected);
        total += expected.size();
    }
    QVERIFY2(total > 200 * 10, qPrintable(QString::number(total)));
}

QTEST_GUILESS_MAIN(AuditDenseCorpusTest)
#include "tst_auditdensecorpus.moc"
