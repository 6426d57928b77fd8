#include "apifacts.h"
#include "auditruleset.h"
#include "needlefinder.h"

#include <QTest>

// The rules over one buffer: positives and negatives per category and language, placeholder versus
// real keys, masking.
class AuditRulesTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void findsCategoryInScriptText_data();
    void findsCategoryInScriptText();
    void ignoresLookAlikes_data();
    void ignoresLookAlikes();
    void classifiesApiKeys_data();
    void classifiesApiKeys();
    void masksEveryRealKeyInSnippets();
    void reportsLineAndColumnInMultiLineBuffers();
    void preFilterSkipsIrrelevantBuffers();
    void judgesRoutesAgainstGivenSwagger();
    void stopsWhenCancelled();
    void findsNeedleAtEveryOffset_data();
    void findsNeedleAtEveryOffset();
};

namespace {

// Fake but realistic-looking keys (not placeholders); never printed by any output.
const QString kKey1 = QStringLiteral("API-HANDOVERFIXTUREKEY0000000001");
const QString kKey2 = QStringLiteral("API-HANDOVERFIXTUREKEY0000000002");
const QStringList kOldUrls = {QStringLiteral("https://octopus.old.example.com"),
                              QStringLiteral("octo-legacy:8080")};

QList<AuditFinding> scanText(const QString &text, const QStringList &oldUrls = kOldUrls,
                             std::shared_ptr<const SwaggerCatalog> catalog = nullptr)
{
    const AuditRuleSet rules({oldUrls, std::move(catalog)});
    return rules.scan(text.toUtf8());
}

QStringList categoriesOf(const QList<AuditFinding> &findings)
{
    QStringList names;
    for (const AuditFinding &f : findings)
        names << auditCategoryName(f.category);
    return names;
}

} // namespace

void AuditRulesTest::findsCategoryInScriptText_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("category");
    QTest::addColumn<QString>("severity");
    QTest::addColumn<int>("column");
    QTest::addColumn<QString>("detail");

    // secret
    QTest::newRow("secret-powershell") << QStringLiteral("$apiKey = \"%1\"").arg(kKey1) << "secret"
                                       << "security" << 12 << "API-HA\u2026";
    QTest::newRow("secret-python-header")
        << QStringLiteral("headers = {'X-Octopus-ApiKey': '%1'}").arg(kKey1) << "secret"
        << "security" << 33 << "API-HA\u2026";
    QTest::newRow("secret-query-string")
        << QStringLiteral("curl \"$URL/api/users/me?apikey=%1\"").arg(kKey1) << "secret"
        << "security" << 32 << "API-HA\u2026";
    // placeholder-key
    QTest::newRow("placeholder-your") << QStringLiteral("$apiKey = \"API-YOURAPIKEY\"") << "placeholder-key"
                                      << "info" << 12 << "API-YOURAPIKEY";
    QTest::newRow("placeholder-xxxx")
        << QStringLiteral("key: API-XXXXXXXXXXXXXXXXXXXXXXXXXX") << "placeholder-key"
        << "info" << 6 << "API-XXXXXXXXXXXXXXXXXXXXXXXXXX";
    QTest::newRow("placeholder-lowercase-x")
        << QStringLiteral("key = 'API-xxxxxxxxxxxxxxxx'") << "placeholder-key"
        << "info" << 8 << "API-xxxxxxxxxxxxxxxx";
    QTest::newRow("placeholder-zeros") << QStringLiteral("API-0000000000000000000000000") << "placeholder-key"
                                       << "info" << 1 << "API-0000000000000000000000000";
    // old-server-url
    QTest::newRow("old-url-https") << QStringLiteral("$url = \"https://octopus.old.example.com/app#/\"")
                                   << "old-server-url"
                                   << "breaking" << 17 << "octopus.old.example.com";
    QTest::newRow("old-url-bare-host-upper")
        << QStringLiteral("Server=OCTOPUS.OLD.EXAMPLE.COM") << "old-server-url"
        << "breaking" << 8 << "octopus.old.example.com";
    QTest::newRow("old-url-host-with-port")
        << QStringLiteral("http://octo-legacy:8080/api") << "old-server-url"
        << "breaking" << 8 << "octo-legacy";
    // api-call
    QTest::newRow("api-call-powershell-method")
        << QStringLiteral("Invoke-RestMethod -Method Post -Uri \"$octopusUrl/api/$spaceId/releases\"")
        << "api-call"
        << "info" << 49 << "POST /api/{spaceId}/releases";
    QTest::newRow("api-call-curl") << QStringLiteral(
                                          "curl -X PUT \"$OCTOPUS_URL/api/Spaces-1/machines/Machines-3\"")
                                   << "api-call"
                                   << "info" << 26 << "PUT /api/{spaceId}/machines/{id}";
    QTest::newRow("api-call-csharp-async")
        << QStringLiteral("await http.GetAsync($\"{server}/api/{spaceId}/environments\");") << "api-call"
        << "info" << 31 << "GET /api/{spaceId}/environments";
    QTest::newRow("api-call-python") << QStringLiteral(
                                            "requests.delete(f\"{url}/api/{space}/tenants/{tid}\")")
                                     << "api-call"
                                     << "info" << 24 << "DELETE /api/{spaceId}/tenants/{id}";
    QTest::newRow("api-call-go") << QStringLiteral(
                                        "http.NewRequest(http.MethodGet, host+\"/api/serverstatus\", nil)")
                                 << "api-call"
                                 << "info" << 39 << "GET /api/serverstatus";
    QTest::newRow("api-call-java") << QStringLiteral("String u = server + \"/api/\" + spaceId + \"/feeds\";")
                                   << "api-call"
                                   << "info" << 22 << "/api/{spaceId}/feeds";
    QTest::newRow("api-call-ruby") << QStringLiteral(
                                          "Net::HTTP::Get.new(\"#{server}/api/#{space_id}/lifecycles\")")
                                   << "api-call"
                                   << "info" << 30 << "GET /api/{spaceId}/lifecycles";
    QTest::newRow("api-call-js") << QStringLiteral("axios.post(`${server}/api/${spaceId}/deployments`, body)")
                                 << "api-call"
                                 << "info" << 22 << "POST /api/{spaceId}/deployments";
    // deprecated-route (without a swagger: built-in knowledge)
    QTest::newRow("deprecated-legacy-route")
        << QStringLiteral("Invoke-RestMethod \"$url/api/environments/all\"") << "deprecated-route"
        << "deprecated" << 24 << "/api/environments/all";
    QTest::newRow("deprecated-certificate-alias")
        << QStringLiteral("curl \"$URL/api/certificates/certificate-global\"") << "deprecated-route"
        << "deprecated" << 11 << "/api/certificates/certificate-global";
    // legacy-cli
    QTest::newRow("legacy-cli-octo-shell")
        << QStringLiteral("octo create-release --project Web") << "legacy-cli"
        << "must-change" << 1 << "octo";
    QTest::newRow("legacy-cli-octo-exe")
        << QStringLiteral("& \"C:\\Tools\\Octo.exe\" push --package a.zip") << "legacy-cli"
        << "must-change" << 13 << "Octo.exe";
    QTest::newRow("legacy-cli-jenkins")
        << QStringLiteral("sh 'octo deploy-release --project Web'") << "legacy-cli"
        << "must-change" << 5 << "octo";
    QTest::newRow("legacy-cli-dotnet-tool")
        << QStringLiteral("dotnet tool install -g Octopus.DotNet.Cli") << "legacy-cli"
        << "must-change" << 24 << "Octopus.DotNet.Cli";
    QTest::newRow("legacy-cli-server-variable")
        << QStringLiteral("export OCTOPUS_CLI_SERVER=$NEW") << "legacy-cli"
        << "must-change" << 8 << "OCTOPUS_CLI_SERVER";
    QTest::newRow("legacy-cli-key-variable")
        << QStringLiteral("env.OCTOPUS_CLI_API_KEY = credentials('k')") << "legacy-cli"
        << "must-change" << 5 << "OCTOPUS_CLI_API_KEY";
    // client-library
    QTest::newRow("client-csharp-using") << QStringLiteral("using Octopus.Client;") << "client-library"
                                         << "info" << 7 << "Octopus.Client";
    QTest::newRow("client-nuget-version")
        << QStringLiteral("<PackageReference Include=\"Octopus.Client\" Version=\"11.6.3644\" />")
        << "client-library"
        << "info" << 28 << "Octopus.Client 11.6.3644";
    QTest::newRow("client-powershell-path")
        << QStringLiteral("Add-Type -Path 'lib/Octopus.Client.dll'") << "client-library"
        << "info" << 21 << "Octopus.Client";
    QTest::newRow("client-go-mod") << QStringLiteral(
                                          "require github.com/OctopusDeploy/go-octopusdeploy/v2 v2.35.1")
                                   << "client-library"
                                   << "info" << 9 << "go-octopusdeploy 2.35.1";
    QTest::newRow("client-npm") << QStringLiteral("\"@octopusdeploy/api-client\": \"~3.4.0\",")
                                << "client-library"
                                << "info" << 2 << "@octopusdeploy/api-client 3.4.0";
    QTest::newRow("client-terraform")
        << QStringLiteral("source = \"octopusdeploylabs/octopusdeploy\"\nversion = \"0.18.1\"")
        << "client-library"
        << "info" << 11 << "terraform-provider-octopusdeploy 0.18.1";
}

void AuditRulesTest::findsCategoryInScriptText()
{
    QFETCH(QString, text);
    QFETCH(QString, category);
    QFETCH(QString, severity);
    QFETCH(int, column);
    QFETCH(QString, detail);
    const QList<AuditFinding> findings = scanText(text);
    const auto it = std::find_if(findings.begin(), findings.end(), [&](const AuditFinding &f) {
        return auditCategoryName(f.category) == category;
    });
    QVERIFY2(it != findings.end(), qPrintable(categoriesOf(findings).join(QLatin1Char(','))));
    QCOMPARE(auditSeverityName(it->severity), severity);
    QCOMPARE(it->line, 1);
    QCOMPARE(it->column, column);
    QCOMPARE(it->detail, detail);
    QVERIFY(!it->hint.isEmpty());
    QVERIFY(!it->snippet.contains(kKey1));
}

void AuditRulesTest::ignoresLookAlikes_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("category"); // must not appear; empty: nothing at all

    QTest::newRow("prose-api-based") << QStringLiteral("API-based deployments behind an API-GATEWAY")
                                     << QString();
    QTest::newRow("octopus-header-name") << QStringLiteral("X-Octopus-API-Key: $key") << QString();
    QTest::newRow("new-cli") << QStringLiteral("octopus release create --project Web") << QString();
    QTest::newRow("new-cli-variables")
        << QStringLiteral("export OCTOPUS_URL=$U OCTOPUS_API_KEY=$K") << QString();
    QTest::newRow("octocat") << QStringLiteral("echo Octocat") << QString();
    QTest::newRow("octo-as-word") << QStringLiteral("the octo pus is not a command") << QString();
    QTest::newRow("jenkins-api") << QStringLiteral("curl https://ci.example.com/job/x/api/json") << QString();
    QTest::newRow("github-api") << QStringLiteral("requests.get('https://api.github.com/repos')")
                                << QString();
    QTest::newRow("other-host") << QStringLiteral("https://octopus.new.example.com") << QString();
    QTest::newRow("host-as-subdomain-prefix")
        << QStringLiteral("https://octopus.old.example.com.evil.test") << QStringLiteral("old-server-url");
    QTest::newRow("host-inside-longer-name")
        << QStringLiteral("https://myoctopus.old.example.com") << QStringLiteral("old-server-url");
    QTest::newRow("apis-path") << QStringLiteral("Octopus /apis/v1/projects") << QStringLiteral("api-call");
    QTest::newRow("short-lowercase-key-word") << QStringLiteral("API-key header") << QString();
}

void AuditRulesTest::ignoresLookAlikes()
{
    QFETCH(QString, text);
    QFETCH(QString, category);
    const QStringList found = categoriesOf(scanText(text));
    if (category.isEmpty())
        QVERIFY2(found.isEmpty(), qPrintable(found.join(QLatin1Char(','))));
    else
        QVERIFY2(!found.contains(category), qPrintable(found.join(QLatin1Char(','))));
}

void AuditRulesTest::classifiesApiKeys_data()
{
    QTest::addColumn<QString>("body");
    QTest::addColumn<int>("kind"); // 0 none, 1 placeholder, 2 real-looking

    QTest::newRow("real-26") << QStringLiteral("ZNRMR7SL6L3ATMOIK7GKJDKLQX") << 2;
    QTest::newRow("real-31") << QStringLiteral("HANDOVERFIXTUREKEY0000000000001") << 2;
    QTest::newRow("your-api-key") << QStringLiteral("YOURAPIKEY") << 1;
    QTest::newRow("xxxx") << QStringLiteral("XXXXXXXXXXXXXXXXXXXXXXXXXX") << 1;
    QTest::newRow("x-prefix") << QStringLiteral("XXXX1234") << 1;
    QTest::newRow("example") << QStringLiteral("EXAMPLE1234567890ABCDEFGH") << 1;
    QTest::newRow("uniform-digits") << QStringLiteral("00000000000000000000000000") << 1;
    QTest::newRow("letters-only-long") << QStringLiteral("QWERTYUIOPASDFGHJKLZXCVBNM") << 1;
    QTest::newRow("lowercase-x") << QStringLiteral("xxxxxxxxxxxxxxxxxxxxxxxxx") << 1;
    QTest::newRow("short-word") << QStringLiteral("GATEWAY") << 0;
    QTest::newRow("version") << QStringLiteral("V2") << 0;
    QTest::newRow("lowercase-word") << QStringLiteral("based") << 0;
}

void AuditRulesTest::classifiesApiKeys()
{
    QFETCH(QString, body);
    QFETCH(int, kind);
    QCOMPARE(AuditRuleSet::classifyKeyBody(body), kind);
}

void AuditRulesTest::masksEveryRealKeyInSnippets()
{
    const QString line =
        QStringLiteral("octo push --server https://octopus.old.example.com --apiKey %1 --other %2 "
                       "--doc API-YOURAPIKEY")
            .arg(kKey1, kKey2);
    const QList<AuditFinding> findings = scanText(line);
    QVERIFY(findings.size() >= 5); // legacy-cli, old-server-url, 2 secrets, placeholder
    for (const AuditFinding &f : findings) {
        QVERIFY(!f.snippet.contains(QLatin1String("API-HANDOVER")));
        QVERIFY(!f.detail.contains(QLatin1String("API-HANDOVER")));
        QVERIFY(!f.hint.contains(QLatin1String("API-HANDOVER")));
        QVERIFY(f.snippet.contains(QStringLiteral("API-HA\u2026")));
        QVERIFY(f.snippet.contains(QLatin1String("API-YOURAPIKEY"))); // placeholders stay readable
    }
    QCOMPARE(AuditRuleSet::maskSecrets(kKey1), QStringLiteral("API-HA\u2026"));
    QCOMPARE(AuditRuleSet::maskSecrets(QStringLiteral("x=%1;").arg(kKey2)),
             QStringLiteral("x=API-HA\u2026;"));
    // A long line is shortened after masking, so no key is cut in half and left partly visible.
    const QString longLine =
        QString(200, QLatin1Char(' ')) + QStringLiteral("k=") + kKey1 + QLatin1Char(' ') + QString(200, u'x');
    for (const AuditFinding &f : scanText(longLine))
        QVERIFY(!f.snippet.contains(QLatin1String("API-HAN")));
}

void AuditRulesTest::reportsLineAndColumnInMultiLineBuffers()
{
    const QString text = QStringLiteral("line one\r\n"
                                        "\n"
                                        "  \u00e9t\u00e9 = \"%1\"\r\n"
                                        "# end\n"
                                        "octo push")
                             .arg(kKey1);
    const QList<AuditFinding> findings = scanText(text);
    QCOMPARE(findings.size(), 2);
    QCOMPARE(findings.at(0).category, AuditCategory::Secret);
    QCOMPARE(findings.at(0).line, 3);
    QCOMPARE(findings.at(0).column, 10); // characters, not bytes: é is two bytes in UTF-8
    QCOMPARE(findings.at(1).category, AuditCategory::LegacyCli);
    QCOMPARE(findings.at(1).line, 5);
    QCOMPARE(findings.at(1).column, 1);
}

void AuditRulesTest::preFilterSkipsIrrelevantBuffers()
{
    const AuditRuleSet rules({kOldUrls, nullptr});
    QVERIFY(!rules.mayMatch("int main() { return 0; }\n"));
    QVERIFY(rules.mayMatch("x = 'https://octo-legacy:8080'"));
    QVERIFY(rules.mayMatch("GET /api/x"));
    QVERIFY(rules.mayMatch("OCTOPUS_CLI_SERVER"));
}

void AuditRulesTest::judgesRoutesAgainstGivenSwagger()
{
    QString error;
    auto catalog = SwaggerCatalog::fromJson(apiFactsSwagger(QLatin1String("2021.2")), &error);
    QVERIFY2(catalog, qPrintable(error));
    const auto shared = std::make_shared<const SwaggerCatalog>(std::move(*catalog));
    const QString text = QStringLiteral("# Octopus\n"
                                        "curl \"$U/api/$spaceId/projects/all\"\n"
                                        "curl \"$U/api/$spaceId/retiredwidgets\"\n"
                                        "curl -X DELETE \"$U/api/$spaceId/projectgroups\"\n"
                                        "curl \"$U/api/projects/all\"\n");
    const QList<AuditFinding> findings = scanText(text, {}, shared);
    QCOMPARE(categoriesOf(findings),
             (QStringList{QStringLiteral("api-call"), QStringLiteral("missing-endpoint"),
                          QStringLiteral("missing-endpoint"), QStringLiteral("deprecated-route")}));
    QCOMPARE(findings.at(1).severity, AuditSeverity::Breaking);
    QCOMPARE(findings.at(2).detail, QStringLiteral("DELETE /api/{spaceId}/projectgroups"));
    QVERIFY(findings.at(3).hint.contains(QLatin1String("/api/{spaceId}/projects/all")));
}

void AuditRulesTest::stopsWhenCancelled()
{
    QString text;
    for (int i = 0; i < 5000; ++i)
        text += QStringLiteral("octo push --package p%1.zip\n").arg(i);
    const AuditRuleSet rules({{}, nullptr});
    std::atomic_bool cancelled = true;
    QVERIFY(rules.scan(text.toUtf8(), &cancelled).size() < 100);
    cancelled = false;
    QCOMPARE(rules.scan(text.toUtf8(), &cancelled).size(), 5000);
}

void AuditRulesTest::findsNeedleAtEveryOffset_data()
{
    QTest::addColumn<QByteArray>("needle");
    QTest::addColumn<QByteArray>("written"); // as it appears in the text
    QTest::addColumn<int>("simd");
    const std::array<std::pair<const char *, NeedleFinder::Simd>, 3> levels = {
        std::pair{"best", NeedleFinder::Simd::Best}, std::pair{"sse2", NeedleFinder::Simd::Sse2},
        std::pair{"scalar", NeedleFinder::Simd::Scalar}};
    for (const auto &[name, simd] : levels) {
        QTest::addRow("exact-%s", name) << QByteArray("API-") << QByteArray("API-") << int(simd);
        QTest::addRow("case-insensitive-%s", name) << QByteArray("octo") << QByteArray("OcTo") << int(simd);
        QTest::addRow("long-host-%s", name)
            << QByteArray("octopus.old.example.com") << QByteArray("OCTOPUS.old.Example.com") << int(simd);
    }
}

void AuditRulesTest::findsNeedleAtEveryOffset()
{
    QFETCH(QByteArray, needle);
    QFETCH(QByteArray, written);
    QFETCH(int, simd);
    NeedleFinder finder;
    finder.setSimd(NeedleFinder::Simd(simd));
    finder.addNeedle("/api", false);
    finder.addNeedle(needle, needle != written);
    // Around the 16-byte blocks and the scalar tail, with look-alikes before the real one.
    for (int length = 0; length < 150; ++length) {
        const QByteArray filler(length, 'x');
        QCOMPARE(finder.findFirst(filler), qsizetype(-1));
        for (int at = 0; at + written.size() <= length; ++at) {
            QByteArray text = filler;
            text.replace(at, written.size(), written);
            QCOMPARE(finder.findFirst(text), qsizetype(at));
            QCOMPARE(finder.findFirst(text, at + 1), qsizetype(-1));
        }
    }
    QCOMPARE(finder.findFirst("/ap /apX AP oct /api"), qsizetype(16));
}

QTEST_GUILESS_MAIN(AuditRulesTest)
#include "tst_auditrules.moc"
