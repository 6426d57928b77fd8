#include "apifacts.h"

#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// `handover audit` as a user runs it: exit codes, the JSON contract, CSV, Markdown, relative paths and
// masking in every output.
class AuditCliTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void exitsWithDocumentedCode_data();
    void exitsWithDocumentedCode();
    void printsJsonInContractShape();
    void givesPathsRelativeToEachGivenPath();
    void printsCsvWithHeaderAndOneRowPerFinding();
    void printsMarkdownGroupedByFile();
    void neverPrintsTheRawKey_data();
    void neverPrintsTheRawKey();
    void judgesRoutesAgainstNewSwagger();

private:
    struct Run
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    static Run run(const QStringList &arguments);
};

namespace {

QStringList strings(std::initializer_list<const char *> items)
{
    QStringList list;
    for (const char *item : items)
        list << QString::fromLatin1(item);
    return list;
}

const QString kOldUrl = QStringLiteral("https://octopus.old.example.com");

QString fixtures(const QString &sub = QString())
{
    return QStringLiteral(HANDOVER_TEST_DATA_DIR "/fixtures") +
           (sub.isEmpty() ? QString() : QLatin1Char('/') + sub);
}

} // namespace

AuditCliTest::Run AuditCliTest::run(const QStringList &arguments)
{
    QProcess process;
    process.start(QStringLiteral(HANDOVER_BIN_DIR "/handover"),
                  QStringList{QStringLiteral("audit")} + arguments);
    Run result;
    if (!process.waitForFinished(60000))
        return result;
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    result.err = process.readAllStandardError();
    return result;
}

void AuditCliTest::exitsWithDocumentedCode_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("findings") << QStringList{fixtures(), QStringLiteral("--old-url"), kOldUrl} << 0;
    QTest::newRow("no-findings") << QStringList{fixtures(QStringLiteral("negatives"))} << 0;
    QTest::newRow("file-as-path") << QStringList{fixtures(QStringLiteral("shell/release.sh")),
                                                 QStringLiteral("--json")}
                                  << 0;
    QTest::newRow("help") << QStringList{QStringLiteral("--help")} << 0;
    QTest::newRow("no-path") << QStringList{} << 2;
    QTest::newRow("unknown-option") << QStringList{fixtures(), QStringLiteral("--bogus")} << 2;
    QTest::newRow("missing-root") << QStringList{QStringLiteral("/nonexistent/scripts")} << 2;
    QTest::newRow("one-missing-root") << QStringList{fixtures(), QStringLiteral("/nonexistent/scripts")} << 2;
    QTest::newRow("two-formats") << QStringList{fixtures(), QStringLiteral("--json"), QStringLiteral("--csv")}
                                 << 2;
    QTest::newRow("jobs-zero") << QStringList{fixtures(), QStringLiteral("--jobs"), QStringLiteral("0")} << 2;
    QTest::newRow("jobs-text") << QStringList{fixtures(), QStringLiteral("--jobs"), QStringLiteral("many")}
                               << 2;
    QTest::newRow("jobs-missing-value") << QStringList{fixtures(), QStringLiteral("--jobs")} << 2;
    QTest::newRow("swagger-missing") << QStringList{fixtures(), QStringLiteral("--new-swagger"),
                                                    QStringLiteral("/nonexistent/swagger.json")}
                                     << 2;
    QTest::newRow("swagger-not-json") << QStringList{fixtures(), QStringLiteral("--new-swagger"),
                                                     fixtures(QStringLiteral("shell/release.sh"))}
                                      << 2;
    QTest::newRow("empty-old-url") << QStringList{fixtures(), QStringLiteral("--old-url"), QString()} << 2;
}

void AuditCliTest::exitsWithDocumentedCode()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, exitCode);
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, exitCode);
    if (exitCode == 2)
        QVERIFY(!result.err.isEmpty());
}

void AuditCliTest::printsJsonInContractShape()
{
    const Run result = run({fixtures(), QStringLiteral("--old-url"), kOldUrl, QStringLiteral("--json"),
                            QStringLiteral("--jobs"), QStringLiteral("2")});
    QCOMPARE(result.exitCode, 0);
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(result.out, &error);
    QVERIFY2(document.isObject(), qPrintable(error.errorString()));
    const QJsonObject root = document.object();
    QCOMPARE(root.keys(),
             (QStringList{QStringLiteral("bytes"), QStringLiteral("files"), QStringLiteral("findings")}));
    QCOMPARE(root.value(QLatin1String("files")).toInt(), 27);
    QVERIFY(root.value(QLatin1String("bytes")).toInteger() > 4000);
    const QJsonArray findings = root.value(QLatin1String("findings")).toArray();
    QVERIFY(findings.size() > 50);
    const QStringList categoryList =
        strings({"secret", "placeholder-key", "old-server-url", "api-call", "missing-endpoint",
                 "deprecated-route", "legacy-cli", "client-library"});
    const QSet<QString> categories(categoryList.begin(), categoryList.end());
    const QStringList severityList = strings({"breaking", "must-change", "deprecated", "security", "info"});
    const QSet<QString> severities(severityList.begin(), severityList.end());
    QSet<QString> seenCategories;
    for (const QJsonValue &value : findings) {
        const QJsonObject f = value.toObject();
        QCOMPARE(f.keys(), strings({"category", "column", "file", "hint", "line", "severity", "snippet"}));
        QVERIFY(f.value(QLatin1String("file")).isString());
        QVERIFY(!f.value(QLatin1String("file")).toString().startsWith(QLatin1Char('/')));
        QVERIFY(QFile::exists(fixtures(f.value(QLatin1String("file")).toString())));
        QVERIFY(f.value(QLatin1String("line")).toInt() >= 1);
        QVERIFY(f.value(QLatin1String("column")).toInt() >= 1);
        QVERIFY(categories.contains(f.value(QLatin1String("category")).toString()));
        QVERIFY(severities.contains(f.value(QLatin1String("severity")).toString()));
        seenCategories.insert(f.value(QLatin1String("category")).toString());
    }
    // Without --new-swagger nothing can be judged missing; everything else appears.
    QCOMPARE(seenCategories, categories - QSet<QString>{QStringLiteral("missing-endpoint")});
}

void AuditCliTest::givesPathsRelativeToEachGivenPath()
{
    const Run result = run(
        {fixtures(QStringLiteral("shell")), fixtures(QStringLiteral("python")), QStringLiteral("--json")});
    QCOMPARE(result.exitCode, 0);
    QSet<QString> files;
    for (const QJsonValue &value :
         QJsonDocument::fromJson(result.out).object().value(QLatin1String("findings")).toArray())
        files.insert(value.toObject().value(QLatin1String("file")).toString());
    QCOMPARE(files, (QSet<QString>{QStringLiteral("release.sh"), QStringLiteral("deploy-now"),
                                   QStringLiteral("machines.py")}));
}

void AuditCliTest::printsCsvWithHeaderAndOneRowPerFinding()
{
    const Run json = run({fixtures(), QStringLiteral("--old-url"), kOldUrl, QStringLiteral("--json")});
    const Run csv = run({fixtures(), QStringLiteral("--old-url"), kOldUrl, QStringLiteral("--csv")});
    QCOMPARE(csv.exitCode, 0);
    const QList<QByteArray> lines = csv.out.trimmed().split('\n');
    QCOMPARE(lines.first().trimmed(), QByteArray("file,line,column,category,severity,snippet,hint"));
    QCOMPARE(lines.size() - 1,
             QJsonDocument::fromJson(json.out).object().value(QLatin1String("findings")).toArray().size());
    QVERIFY(csv.out.contains("powershell/deploy.ps1,3,19,secret,security,"));
}

void AuditCliTest::printsMarkdownGroupedByFile()
{
    const Run result = run({fixtures(), QStringLiteral("--old-url"), kOldUrl, QStringLiteral("--md")});
    QCOMPARE(result.exitCode, 0);
    QVERIFY(result.out.startsWith("# "));
    QVERIFY(result.out.contains("\n## powershell/deploy.ps1\n"));
    QVERIFY(result.out.contains("| 3 | 19 | secret | security |"));
    QVERIFY(result.out.contains("| must-change |"));
}

void AuditCliTest::neverPrintsTheRawKey_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("text") << QString();
    QTest::newRow("json") << QStringLiteral("--json");
    QTest::newRow("csv") << QStringLiteral("--csv");
    QTest::newRow("markdown") << QStringLiteral("--md");
}

void AuditCliTest::neverPrintsTheRawKey()
{
    QFETCH(QString, format);
    QStringList arguments{fixtures(), QStringLiteral("--old-url"), kOldUrl};
    if (!format.isEmpty())
        arguments << format;
    const Run result = run(arguments);
    QCOMPARE(result.exitCode, 0);
    QVERIFY(!result.out.contains("API-HANDOVERFIXTURE"));
    QVERIFY(!result.err.contains("API-HANDOVERFIXTURE"));
    QVERIFY(result.out.contains(QStringLiteral("API-HA\u2026").toUtf8()));
}

void AuditCliTest::judgesRoutesAgainstNewSwagger()
{
    const auto missing = [](const Run &r) {
        QStringList routes;
        for (const QJsonValue &v :
             QJsonDocument::fromJson(r.out).object().value(QLatin1String("findings")).toArray()) {
            const QJsonObject f = v.toObject();
            if (f.value(QLatin1String("category")).toString() == QLatin1String("missing-endpoint"))
                routes << QStringLiteral("%1:%2")
                              .arg(f.value(QLatin1String("file")).toString())
                              .arg(f.value(QLatin1String("line")).toInt());
        }
        return routes;
    };
    const QStringList expected{QStringLiteral("go/main.go:15"), QStringLiteral("powershell/deploy.ps1:9"),
                               QStringLiteral("yaml/.github/workflows/deploy.yml:10")};
    // Each document saved to a file, as a user saves the new server's /api/swagger.json.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    for (const char *version : {"2021.2", "2020.5"}) {
        const QString swagger = dir.filePath(QLatin1String(version) + QStringLiteral(".json"));
        QFile file(swagger);
        QVERIFY(file.open(QIODevice::WriteOnly));
        const QByteArray document = apiFactsSwagger(QLatin1String(version));
        QVERIFY2(!document.isEmpty(), version);
        QCOMPARE(file.write(document), document.size());
        file.close();
        const Run result =
            run({fixtures(), QStringLiteral("--new-swagger"), swagger, QStringLiteral("--json")});
        QCOMPARE(result.exitCode, 0);
        QCOMPARE(missing(result), expected);
    }
}

QTEST_GUILESS_MAIN(AuditCliTest)
#include "tst_auditcli.moc"
