#include "ciintegrations.h"

#include <QTest>

using namespace CiIntegrations;

class TestCiIntegrations : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void userAgentsNameTheirSystem_data();
    void userAgentsNameTheirSystem();
    void buildUrlsNameThePlace_data();
    void buildUrlsNameThePlace();
    void apiKeyPurposeIsReadFromTheIdentity_data();
    void apiKeyPurposeIsReadFromTheIdentity();
    void severalJenkinsControllersStaySeparateRows();
    void oneAzureDevOpsOrganisationIsOneRow();
    void eventsJoinTheRowOfTheirAccount();
    void statusComesFromBothServersEvidence();
    void peopleAndTheServerAreNotIntegrations();
};

namespace {

const QDateTime kT0 = QDateTime(QDate(2026, 11, 20), QTime(9, 0), Qt::UTC);

Evidence build(const QString &environment, const QString &url, const QString &account, int minutes,
               ServerRole server = ServerRole::Old)
{
    Evidence e;
    e.kind = Evidence::Kind::BuildInformation;
    e.server = server;
    e.time = kT0.addSecs(minutes * 60);
    const BuildOrigin origin = buildOrigin(environment, url);
    e.system = origin.system;
    e.location = origin.location;
    e.username = account;
    e.isService = true;
    e.detail = url;
    return e;
}

Evidence apiEvent(const QString &userAgent, const QString &account, const QString &identity, int minutes,
                  ServerRole server = ServerRole::Old, bool service = true)
{
    Evidence e;
    e.kind = Evidence::Kind::Event;
    e.server = server;
    e.time = kT0.addSecs(minutes * 60);
    e.userAgent = userAgent;
    e.username = account;
    e.isService = service;
    e.apiKeyPurpose = apiKeyPurposeFrom(identity);
    e.detail = QStringLiteral("Created release");
    return e;
}

} // namespace

void TestCiIntegrations::userAgentsNameTheirSystem_data()
{
    QTest::addColumn<QString>("userAgent");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("tool");
    QTest::addColumn<QString>("version");
    QTest::newRow("octo on Linux") << QStringLiteral("OctopusClient-dotnet/11.6.3644 (Linux 5.4.0-1089-azure "
                                                     "#94~18.04.1-Ubuntu SMP; x64) NoneOrUnknown octo")
                                   << QStringLiteral("octo") << QStringLiteral("octo")
                                   << QStringLiteral("11.6.3644");
    QTest::newRow("octo under TeamCity")
        << QStringLiteral("OctopusClient-dotnet/11.6.3644 (Microsoft Windows 10.0.17763 ; x64) TeamCity octo")
        << QStringLiteral("TeamCity") << QStringLiteral("octo") << QStringLiteral("11.6.3644");
    QTest::newRow("Octopus.Client in a script")
        << QStringLiteral("OctopusClient-dotnet/14.3.1 (Microsoft Windows 10.0.20348 ; x64) NoneOrUnknown")
        << QStringLiteral("Octopus.Client") << QStringLiteral("Octopus.Client") << QStringLiteral("14.3.1");
    QTest::newRow("TeamCity plug-in drives octo")
        << QStringLiteral(
               "OctopusClient-dotnet/11.6.3644 (Microsoft Windows 10.0.17763 ; x64) TeamCity/2023.05 "
               "octo plugin/6.7.1")
        << QStringLiteral("TeamCity") << QStringLiteral("octo") << QStringLiteral("11.6.3644");
    QTest::newRow("Azure DevOps v5 task")
        << QStringLiteral("OctopusClient-dotnet/11.6.3644 (Microsoft Windows 10.0.20348; x64) AzureDevOps "
                          "octo plugin/5.2.1 "
                          "(release;create;v5)")
        << QStringLiteral("Azure DevOps") << QStringLiteral("octo") << QStringLiteral("11.6.3644");
    QTest::newRow("octo in Jenkins")
        << QStringLiteral(
               "OctopusClient-dotnet/11.6.3644 (Linux 5.15.0-1049-azure #56 SMP; x64) Jenkins octo")
        << QStringLiteral("Jenkins") << QStringLiteral("octo") << QStringLiteral("11.6.3644");
    QTest::newRow("octopus CLI in GitHub Actions")
        << QStringLiteral("go-octopusdeploy/v2.50.0 (linux; amd64) go/go1.22.1 GitHubActions octopus/2.24.0 "
                          "(release;create)")
        << QStringLiteral("GitHub Actions") << QStringLiteral("octopus CLI") << QStringLiteral("2.24.0");
    QTest::newRow("octopus CLI on a desk")
        << QStringLiteral("go-octopusdeploy/v2.50.0 (darwin; arm64) go/go1.22.1 NoneOrUnknown octopus/2.24.0 "
                          "(project;list)")
        << QStringLiteral("octopus CLI") << QStringLiteral("octopus CLI") << QStringLiteral("2.24.0");
    QTest::newRow("Terraform provider")
        << QStringLiteral(
               "go-octopusdeploy/v2.111.0 (linux; amd64) go/go1.23.4 NoneOrUnknown TerraformProvider")
        << QStringLiteral("Terraform") << QStringLiteral("Terraform provider") << QString();
    QTest::newRow("GitHub Actions v3")
        << QStringLiteral("ts-octopusdeploy GitHubActions (release;create;v3)")
        << QStringLiteral("GitHub Actions") << QStringLiteral("api-client.ts") << QString();
    QTest::newRow("Azure DevOps v6 task")
        << QStringLiteral("ts-octopusdeploy plugin/6.1.2 (release;create;v6)")
        << QStringLiteral("Azure DevOps") << QStringLiteral("api-client.ts") << QStringLiteral("6.1.2");
    QTest::newRow("old Octopus.Client")
        << QStringLiteral("OctopusClient-dotnet/4.30.1") << QStringLiteral("Octopus.Client")
        << QStringLiteral("Octopus.Client") << QStringLiteral("4.30.1");
    QTest::newRow("PowerShell")
        << QStringLiteral("Mozilla/5.0 (Windows NT; Windows NT 10.0; en-US) WindowsPowerShell/5.1.17763.5576")
        << QStringLiteral("Other") << QStringLiteral("Mozilla") << QStringLiteral("5.0");
    QTest::newRow("web portal") << QStringLiteral("OctopusClient-js/2026.3.15581")
                                << QStringLiteral("Web portal") << QStringLiteral("web portal")
                                << QStringLiteral("2026.3.15581");
    QTest::newRow("server") << QStringLiteral("Server") << QStringLiteral("Octopus Server")
                            << QStringLiteral("Octopus Server") << QString();
    QTest::newRow("curl") << QStringLiteral("curl/8.7.1") << QStringLiteral("Other") << QStringLiteral("curl")
                          << QStringLiteral("8.7.1");
    QTest::newRow("empty") << QString() << QString() << QString() << QString();
}

void TestCiIntegrations::userAgentsNameTheirSystem()
{
    QFETCH(QString, userAgent);
    QFETCH(QString, system);
    QFETCH(QString, tool);
    QFETCH(QString, version);
    const ClientInfo client = classifyUserAgent(userAgent);
    QCOMPARE(client.system, system);
    QCOMPARE(client.tool, tool);
    QCOMPARE(client.version, version);
}

void TestCiIntegrations::buildUrlsNameThePlace_data()
{
    QTest::addColumn<QString>("environment");
    QTest::addColumn<QString>("url");
    QTest::addColumn<QString>("system");
    QTest::addColumn<QString>("location");
    QTest::newRow("jenkins") << QStringLiteral("Jenkins")
                             << QStringLiteral("https://jenkins.corp.example/job/web/1042/")
                             << QStringLiteral("Jenkins") << QStringLiteral("jenkins.corp.example");
    QTest::newRow("jenkins with a port")
        << QStringLiteral("Jenkins") << QStringLiteral("http://ci-2.corp.example:8080/job/api/7/")
        << QStringLiteral("Jenkins") << QStringLiteral("ci-2.corp.example:8080");
    QTest::newRow("azure devops") << QStringLiteral("Azure DevOps")
                                  << QStringLiteral(
                                         "https://dev.azure.com/contoso/Web/_build/results?buildId=9")
                                  << QStringLiteral("Azure DevOps") << QStringLiteral("contoso");
    QTest::newRow("visualstudio.com")
        << QString() << QStringLiteral("https://fabrikam.visualstudio.com/App/_build?buildId=3")
        << QStringLiteral("Azure DevOps") << QStringLiteral("fabrikam");
    QTest::newRow("github actions") << QStringLiteral("GitHub Actions")
                                    << QStringLiteral(
                                           "https://github.com/contoso/platform-agent/actions/runs/77")
                                    << QStringLiteral("GitHub Actions")
                                    << QStringLiteral("contoso/platform-agent");
    QTest::newRow("teamcity") << QStringLiteral("TeamCity")
                              << QStringLiteral("https://teamcity.corp.example/viewLog.html?buildId=12")
                              << QStringLiteral("TeamCity") << QStringLiteral("teamcity.corp.example");
    QTest::newRow("unknown environment")
        << QStringLiteral("MyBuildBox") << QStringLiteral("https://Builds.Example/1")
        << QStringLiteral("Other") << QStringLiteral("builds.example");
    QTest::newRow("nothing") << QString() << QString() << QString() << QString();
}

void TestCiIntegrations::buildUrlsNameThePlace()
{
    QFETCH(QString, environment);
    QFETCH(QString, url);
    QFETCH(QString, system);
    QFETCH(QString, location);
    const BuildOrigin origin = buildOrigin(environment, url);
    QCOMPARE(origin.system, system);
    QCOMPARE(origin.location, location);
}

void TestCiIntegrations::apiKeyPurposeIsReadFromTheIdentity_data()
{
    QTest::addColumn<QString>("identity");
    QTest::addColumn<QString>("purpose");
    QTest::newRow("api key")
        << QStringLiteral("API key 'DemoSpaceCreator.Octopus.APIKey' created Fri, 22 Jul 2022 17:46:35 GMT")
        << QStringLiteral("DemoSpaceCreator.Octopus.APIKey");
    QTest::newRow("quote inside") << QStringLiteral(
                                         "API key 'Bob's deploys' created Mon, 1 Jan 2024 00:00:00 GMT")
                                  << QStringLiteral("Bob's deploys");
    QTest::newRow("session cookie") << QStringLiteral("Session cookie") << QString();
    QTest::newRow("empty") << QString() << QString();
}

void TestCiIntegrations::apiKeyPurposeIsReadFromTheIdentity()
{
    QFETCH(QString, identity);
    QFETCH(QString, purpose);
    QCOMPARE(apiKeyPurposeFrom(identity), purpose);
}

void TestCiIntegrations::severalJenkinsControllersStaySeparateRows()
{
    const QList<Integration> rows = group({
        build(QStringLiteral("Jenkins"), QStringLiteral("https://jenkins.corp.example/job/a/1/"),
              QStringLiteral("svc-jenkins"), 1),
        build(QStringLiteral("Jenkins"), QStringLiteral("https://jenkins.corp.example/job/b/9/"),
              QStringLiteral("svc-jenkins"), 5),
        build(QStringLiteral("Jenkins"), QStringLiteral("https://jenkins-eu.corp.example/job/a/3/"),
              QStringLiteral("svc-jenkins-eu"), 2),
    });
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).location, QStringLiteral("jenkins-eu.corp.example"));
    QCOMPARE(rows.at(1).location, QStringLiteral("jenkins.corp.example"));
    QCOMPARE(rows.at(1).evidence.size(), 2);
    QCOMPARE(rows.at(1).lastSeenOld, kT0.addSecs(5 * 60));
    QCOMPARE(rows.at(1).evidence.first().time, kT0.addSecs(5 * 60)); // newest first
    QCOMPARE(rows.at(1).id, QStringLiteral("jenkins:jenkins.corp.example"));
    QCOMPARE(rows.at(0).serviceAccount, QStringLiteral("svc-jenkins-eu"));
}

void TestCiIntegrations::oneAzureDevOpsOrganisationIsOneRow()
{
    QList<Evidence> evidence;
    for (int i = 0; i < 40; ++i) {
        evidence << build(QStringLiteral("Azure DevOps"),
                          QStringLiteral("https://dev.azure.com/contoso/Project%1/_build/results?buildId=%2")
                              .arg(i % 7)
                              .arg(i),
                          QStringLiteral("svc-ado"), i);
    }
    evidence << build(QStringLiteral("Azure DevOps"),
                      QStringLiteral("https://dev.azure.com/fabrikam/X/_build/results?buildId=1"),
                      QStringLiteral("svc-ado"), 3);
    const QList<Integration> rows = group(evidence);
    QCOMPARE(rows.size(), 2);
    QCOMPARE(rows.at(0).location, QStringLiteral("contoso"));
    QCOMPARE(rows.at(0).evidence.size(), 40);
    QCOMPARE(rows.at(1).location, QStringLiteral("fabrikam"));
}

void TestCiIntegrations::eventsJoinTheRowOfTheirAccount()
{
    const QString octoUa = QStringLiteral("OctopusClient-dotnet/11.6.3644 (Linux; x64) NoneOrUnknown octo");
    const QList<Integration> rows = group({
        build(QStringLiteral("Jenkins"), QStringLiteral("https://jenkins.corp.example/job/a/1/"),
              QStringLiteral("svc-jenkins"), 1),
        // The plug-in creates releases through octo with the same account: it joins the Jenkins row.
        apiEvent(octoUa, QStringLiteral("SVC-Jenkins"),
                 QStringLiteral("API key 'Jenkins releases' created Fri, 22 Jul 2022 17:46:35 GMT"), 9),
        // A script with another account and no build information: a row of its own.
        apiEvent(QStringLiteral("OctopusClient-dotnet/14.3.1 (Windows; x64) NoneOrUnknown"),
                 QStringLiteral("svc-nightly"),
                 QStringLiteral("API key 'nightly cleanup' created Fri, 22 Jul 2022 17:46:35 GMT"), 4),
    });
    QCOMPARE(rows.size(), 2);
    const Integration &jenkins = rows.at(0);
    QCOMPARE(jenkins.system, QStringLiteral("Jenkins"));
    QCOMPARE(jenkins.evidence.size(), 2);
    QCOMPARE(jenkins.apiKeyPurpose, QStringLiteral("Jenkins releases"));
    QCOMPARE(jenkins.lastSeenOld, kT0.addSecs(9 * 60));
    const Integration &script = rows.at(1);
    QCOMPARE(script.system, QStringLiteral("Octopus.Client"));
    QCOMPARE(script.serviceAccount, QStringLiteral("svc-nightly"));
    QVERIFY(script.location.contains(QStringLiteral("svc-nightly")));
    QCOMPARE(script.apiKeyPurpose, QStringLiteral("nightly cleanup"));
}

void TestCiIntegrations::statusComesFromBothServersEvidence()
{
    const QString url = QStringLiteral("https://github.com/contoso/platform-agent/actions/runs/7");
    QList<Integration> rows =
        group({build(QStringLiteral("GitHub Actions"), url, QStringLiteral("svc-gh"), 1)});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().status(), QStringLiteral("old-only"));
    QVERIFY(!rows.first().lastSeenNew.isValid());

    rows =
        group({build(QStringLiteral("GitHub Actions"), url, QStringLiteral("svc-gh"), 1),
               build(QStringLiteral("GitHub Actions"), url, QStringLiteral("svc-gh"), 30, ServerRole::New)});
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().status(), QStringLiteral("both"));
    QCOMPARE(rows.first().lastSeenNew, kT0.addSecs(30 * 60));

    rows =
        group({build(QStringLiteral("GitHub Actions"), url, QStringLiteral("svc-gh"), 30, ServerRole::New)});
    QCOMPARE(rows.first().status(), QStringLiteral("new-only"));
}

void TestCiIntegrations::peopleAndTheServerAreNotIntegrations()
{
    const QList<Integration> rows = group({
        apiEvent(QStringLiteral("OctopusClient-js/2026.3.15581"), QStringLiteral("alice"),
                 QStringLiteral("Session cookie"), 1, ServerRole::Old, false),
        apiEvent(QStringLiteral("Server"), QStringLiteral("system"), QString(), 2, ServerRole::Old, false),
        apiEvent(QStringLiteral("Mozilla/5.0 (X11; Linux x86_64)"), QStringLiteral("bob"),
                 QStringLiteral("Session cookie"), 3, ServerRole::Old, false),
        apiEvent(QStringLiteral("curl/8.7.1"), QStringLiteral("svc-report"),
                 QStringLiteral("API key 'reports' created Fri, 22 Jul 2022 17:46:35 GMT"), 4),
    });
    QCOMPARE(rows.size(), 1);
    QCOMPARE(rows.first().serviceAccount, QStringLiteral("svc-report"));
    QCOMPARE(rows.first().system, QStringLiteral("Other"));
}

QTEST_GUILESS_MAIN(TestCiIntegrations)
#include "tst_ciintegrations.moc"
