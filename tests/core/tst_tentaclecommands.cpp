// TentacleCommands: which re-point command each Tentacle version gets, Windows vs Linux, quoting of odd
// names, the clone alternative's key handling, and that no key ever appears in generated text.
#include "tentaclecommands.h"

#include "migrationplan.h"

#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace TentacleCommands;

namespace {

TentacleMachine machine(const QString &version, const QString &os = QStringLiteral("Linux"),
                        const QString &name = QStringLiteral("web-01"))
{
    TentacleMachine m;
    m.id = QStringLiteral("Machines-12");
    m.name = name;
    m.spaceId = QStringLiteral("Spaces-1");
    m.spaceName = QStringLiteral("Default");
    m.communicationStyle = QStringLiteral("TentacleActive");
    m.tentacleVersion = version;
    m.operatingSystem = os;
    m.shellName =
        os.contains(QLatin1String("Windows")) ? QStringLiteral("PowerShell") : QStringLiteral("Bash");
    m.environments = {QStringLiteral("Production")};
    m.roles = {QStringLiteral("web")};
    return m;
}

Options options()
{
    Options o;
    o.newHost = QStringLiteral("octopus-new.example.com");
    o.serverThumbprint = QStringLiteral("BD22C4E46FAB4CD9783F1521EDAEFB8E347ADF7C");
    return o;
}

const QString kSecret = QStringLiteral("API-TESTSECRETKEY0123456789ABC");

} // namespace

class TestTentacleCommands : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void reuseServerThumbprintNeedsTentacle81_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("reuse");
        QTest::newRow("8.1.0") << QStringLiteral("8.1.0") << true;
        QTest::newRow("8.1.1700") << QStringLiteral("8.1.1700") << true;
        QTest::newRow("8.1.1942") << QStringLiteral("8.1.1942") << true;
        QTest::newRow("8.2") << QStringLiteral("8.2") << true;
        QTest::newRow("9.0.1") << QStringLiteral("9.0.1") << true;
        QTest::newRow("8.0.x") << QStringLiteral("8.0.1234") << false;
        QTest::newRow("8.0") << QStringLiteral("8.0") << false;
        QTest::newRow("6.3") << QStringLiteral("6.3.417") << false;
        QTest::newRow("3.25.1") << QStringLiteral("3.25.1") << false;
        QTest::newRow("missing") << QString() << false;
        QTest::newRow("garbage") << QStringLiteral("unknown") << false;
        QTest::newRow("prerelease") << QStringLiteral("8.1.1700-beta") << true;
    }
    void reuseServerThumbprintNeedsTentacle81()
    {
        QFETCH(QString, version);
        QFETCH(bool, reuse);
        QCOMPARE(supportsReuseServerThumbprint(version), reuse);
        for (Os os : {Os::Windows, Os::Linux}) {
            const QString text = repointScript(machine(version), os, options()).text;
            QCOMPARE(text.contains(QLatin1String(" poll-server --instance")), reuse);
            QCOMPARE(text.contains(QLatin1String("--server-comms-address")), reuse);
            QCOMPARE(text.contains(QLatin1String("--reuse-server-thumbprint\n")), reuse);
            QCOMPARE(text.contains(QLatin1String("server-comms --instance")), !reuse);
            QVERIFY(text.contains(QLatin1String("service --instance")));
            QVERIFY(text.contains(QLatin1String("--restart")));
            QVERIFY(text.contains(QLatin1String("octopus-new.example.com")));
            if (reuse)
                QVERIFY(text.contains(QLatin1String("https://octopus-new.example.com:10943")));
            else
                QVERIFY(
                    text.contains(QLatin1String("--thumbprint 'BD22C4E46FAB4CD9783F1521EDAEFB8E347ADF7C'")));
        }
    }

    void windowsAndLinuxGetTheirOwnShell_data()
    {
        QTest::addColumn<QString>("operatingSystem");
        QTest::addColumn<QString>("shell");
        QTest::addColumn<bool>("windows");
        QTest::newRow("windows server") << QStringLiteral("Microsoft Windows Server 2019 Datacenter")
                                        << QStringLiteral("PowerShell") << true;
        QTest::newRow("linux") << QStringLiteral("Linux") << QStringLiteral("Bash") << false;
        QTest::newRow("unknown os, powershell")
            << QStringLiteral("Unknown") << QStringLiteral("PowerShell") << true;
        QTest::newRow("unknown") << QStringLiteral("Unknown") << QStringLiteral("Unknown") << false;
    }
    void windowsAndLinuxGetTheirOwnShell()
    {
        QFETCH(QString, operatingSystem);
        QFETCH(QString, shell);
        QFETCH(bool, windows);
        TentacleMachine m = machine(QStringLiteral("8.1.1942"));
        m.operatingSystem = operatingSystem;
        m.shellName = shell;
        QCOMPARE(osFor(m) == Os::Windows, windows);
        const Script script = repointScript(m, osFor(m), options());
        if (windows) {
            QVERIFY(script.fileName.endsWith(QLatin1String(".ps1")));
            QVERIFY(script.text.contains(QLatin1String("Tentacle.exe")));
            QVERIFY(script.text.contains(QLatin1String("$LASTEXITCODE")));
            QVERIFY(!script.text.contains(QLatin1String("/opt/octopus")));
        } else {
            QVERIFY(script.fileName.endsWith(QLatin1String(".sh")));
            QVERIFY(script.text.startsWith(QLatin1String("#!/usr/bin/env bash\n")));
            QVERIFY(script.text.contains(QLatin1String("/opt/octopus/tentacle/Tentacle")));
            QVERIFY(script.text.contains(QLatin1String("set -euo pipefail")));
            QVERIFY(!script.text.contains(QLatin1String("Tentacle.exe")));
        }
    }

    void quotingSurvivesOddValues_data()
    {
        QTest::addColumn<QString>("value");
        QTest::newRow("plain") << QStringLiteral("web-01");
        QTest::newRow("space") << QStringLiteral("web server 01");
        QTest::newRow("single quote") << QStringLiteral("O'Brien's box");
        QTest::newRow("double quote") << QStringLiteral("say \"hi\"");
        QTest::newRow("dollar and backtick") << QStringLiteral("$(rm -rf /) `whoami` $env:PATH");
        QTest::newRow("typographic quote") << QStringLiteral("it\u2019s \u2018odd\u2019");
        QTest::newRow("semicolon") << QStringLiteral("a; b & c | d");
        QTest::newRow("backslash") << QStringLiteral("C:\\temp\\x");
    }
    void quotingSurvivesOddValues()
    {
        QFETCH(QString, value);
        // bash: the literal must read back byte for byte.
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (!bash.isEmpty()) {
            QProcess process;
            process.start(bash, {QStringLiteral("-c"), QStringLiteral("printf %s ") + bashQuote(value)});
            QVERIFY(process.waitForFinished(5000));
            QCOMPARE(QString::fromUtf8(process.readAllStandardOutput()), value);
        }
        // PowerShell (not installed here): every quote character inside is doubled, nothing else changes.
        const QString ps = powerShellQuote(value);
        QVERIFY(ps.startsWith(QLatin1Char('\'')) && ps.endsWith(QLatin1Char('\'')));
        QString inner = ps.mid(1, ps.size() - 2);
        for (const QChar q : {QChar(u'\''), QChar(0x2018), QChar(0x2019), QChar(0x201A), QChar(0x201B)})
            inner.replace(QString(2, q), QString(q));
        QCOMPARE(inner, value);
    }

    void machineNamesCannotBreakOutOfComments()
    {
        const TentacleMachine m = machine(QStringLiteral("8.1.1942"), QStringLiteral("Linux"),
                                          QStringLiteral("evil\nrm -rf / #\r\x0b"));
        for (Os os : {Os::Windows, Os::Linux}) {
            // In the re-point script the name only appears in comments; in the clone script it is also a
            // quoted --name value (a newline inside quotes stays part of the value: see
            // linuxScriptIsValidBash).
            QVERIFY(!repointScript(m, os, options()).text.contains(QLatin1String("\nrm -rf /")));
            for (const Script &script :
                 {repointScript(m, os, options()), cloneInstanceScript(m, os, options())}) {
                QVERIFY(!script.fileName.contains(QLatin1Char('/')));
                QVERIFY(!script.fileName.contains(QLatin1Char('\n')));
            }
        }
    }

    void linuxScriptIsValidBash()
    {
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (bash.isEmpty())
            QSKIP("bash is not installed");
        QTemporaryDir dir;
        for (const QString &version : {QStringLiteral("8.1.1942"), QStringLiteral("6.3.417")}) {
            const TentacleMachine m =
                machine(version, QStringLiteral("Linux"), QStringLiteral("it's a \"box\""));
            for (const Script &script :
                 {repointScript(m, Os::Linux, options()), cloneInstanceScript(m, Os::Linux, options())}) {
                QFile file(dir.filePath(QStringLiteral("s.sh")));
                QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
                file.write(script.text.toUtf8());
                file.close();
                QProcess process;
                process.start(bash, {QStringLiteral("-n"), file.fileName()});
                QVERIFY(process.waitForFinished(5000));
                QVERIFY2(process.exitCode() == 0, process.readAllStandardError().constData());
            }
        }
    }

    void cloneAlternativeReadsTheKeyAndWarns_data()
    {
        QTest::addColumn<bool>("worker");
        QTest::newRow("target") << false;
        QTest::newRow("worker") << true;
    }
    void cloneAlternativeReadsTheKeyAndWarns()
    {
        QFETCH(bool, worker);
        TentacleMachine m =
            machine(QStringLiteral("6.3.417"), QStringLiteral("Microsoft Windows Server 2019"));
        if (worker) {
            m.kind = TentacleMachine::Kind::Worker;
            m.workerPools = {QStringLiteral("Windows workers")};
        }
        const QString windows = cloneInstanceScript(m, Os::Windows, options()).text;
        QVERIFY(windows.contains(QLatin1String("$env:OCTOPUS_API_KEY")));
        QVERIFY(windows.contains(QLatin1String("Read-Host -AsSecureString")));
        QVERIFY(windows.contains(QLatin1String("--apiKey $apiKey")));
        QVERIFY(windows.contains(QLatin1String("--comms-style TentacleActive")));
        QVERIFY(windows.contains(QLatin1String("new-certificate")));
        QVERIFY(windows.contains(worker ? QLatin1String("register-worker") : QLatin1String("register-with")));
        QVERIFY(windows.contains(worker ? QLatin1String("--workerpool 'Windows workers'")
                                        : QLatin1String("--environment 'Production'")));
        QVERIFY(windows.contains(QLatin1String("licence")));
        const QString linux = cloneInstanceScript(m, Os::Linux, options()).text;
        QVERIFY(linux.contains(QLatin1String("${OCTOPUS_API_KEY:-}")));
        QVERIFY(linux.contains(QLatin1String("read -r -s -p")));
        QVERIFY(linux.contains(QLatin1String("--apiKey \"${OCTOPUS_API_KEY:?}\"")));
        QVERIFY(!cloneInstanceWarnings().isEmpty());
    }

    void recommendedRepointNeedsNoKey()
    {
        for (const QString &version : {QStringLiteral("8.1.1942"), QStringLiteral("4.0.7")}) {
            for (Os os : {Os::Windows, Os::Linux}) {
                const QString text = repointScript(machine(version), os, options()).text;
                QVERIFY(!text.contains(QLatin1String("apiKey"), Qt::CaseInsensitive));
                QVERIFY(!text.contains(QLatin1String("API-")));
                QVERIFY(!text.contains(QLatin1String("new-certificate")));
            }
        }
    }

    void unknownThumbprintIsReadFromTheEnvironment()
    {
        Options o = options();
        o.serverThumbprint.clear();
        QVERIFY(repointScript(machine(QStringLiteral("6.3.417")), Os::Windows, o)
                    .text.contains(QLatin1String("--thumbprint $env:OCTOPUS_SERVER_THUMBPRINT")));
        QVERIFY(repointScript(machine(QStringLiteral("6.3.417")), Os::Linux, o)
                    .text.contains(QLatin1String("--thumbprint \"${OCTOPUS_SERVER_THUMBPRINT:?}\"")));
    }

    void noKeyInAnyOutput()
    {
        // Even a machine whose name or role looks like a key is only echoed, never a key we hold: the
        // generator has no key input at all. Check every output form for the test key.
        QList<TentacleMachine> machines;
        for (const QString &v : {QStringLiteral("8.1.1942"), QStringLiteral("6.3.417"), QString()})
            machines << machine(v) << machine(v, QStringLiteral("Microsoft Windows Server 2022"));
        qputenv("OCTOPUS_API_KEY", kSecret.toUtf8());
        QStringList outputs{bundle(machines, options()), csv(machines, options())};
        for (const TentacleMachine &m : machines) {
            for (Os os : {Os::Windows, Os::Linux}) {
                outputs << repointScript(m, os, options()).text << cloneInstanceScript(m, os, options()).text
                        << commandLines(m, os, options());
            }
        }
        for (const QString &text : outputs)
            QVERIFY(!text.contains(kSecret));
        qunsetenv("OCTOPUS_API_KEY");
    }

    void csvHasOneRowPerMachineAndEscapes()
    {
        QList<TentacleMachine> machines{
            machine(QStringLiteral("8.1.1942"), QStringLiteral("Linux"), QStringLiteral("a,b \"c\"")),
            machine(QStringLiteral("6.3.417"), QStringLiteral("Linux"), QStringLiteral("=HYPERLINK(1)"))};
        const QString text = csv(machines, options());
        const QStringList rows = text.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QCOMPARE(rows.size(), 3);
        QVERIFY(rows.at(0).startsWith(QLatin1String("id,name,space,kind,os,tentacleVersion,method")));
        QVERIFY(rows.at(1).contains(QLatin1String("\"a,b \"\"c\"\"\"")));
        QVERIFY(rows.at(1).contains(QLatin1String(",poll-server,")));
        QVERIFY(rows.at(2).contains(QLatin1String("\"'=HYPERLINK(1)\"")));
        QVERIFY(rows.at(2).contains(QLatin1String(",server-comms,")));
    }

    void bundleHasASectionPerMachine()
    {
        QList<TentacleMachine> machines{machine(QStringLiteral("8.1.1942")),
                                        machine(QStringLiteral("6.3.417"), QStringLiteral("Windows"))};
        machines[1].id = QStringLiteral("Workers-3");
        const QString text = bundle(machines, options());
        QVERIFY(text.contains(QLatin1String("Machines-12  [linux]")));
        QVERIFY(text.contains(QLatin1String("Workers-3  [windows]")));
    }

    void customPortAndInstance()
    {
        Options o = options();
        o.pollingPort = 443;
        o.instanceName = QStringLiteral("My Instance");
        const QString text = repointScript(machine(QStringLiteral("8.1.1942")), Os::Linux, o).text;
        QVERIFY(text.contains(QLatin1String("'https://octopus-new.example.com:443'")));
        QVERIFY(text.contains(QLatin1String("instance='My Instance'")));
        o.newHost = QStringLiteral("2001:db8::1");
        QVERIFY(commandLines(machine(QStringLiteral("8.1.1942")), Os::Linux, o)
                    .contains(QLatin1String("https://[2001:db8::1]:443")));
    }

    void optionsFollowTheDomainDecision_data()
    {
        QTest::addColumn<int>("choice");
        QTest::addColumn<QString>("oldPublic");
        QTest::addColumn<QString>("newPublic");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("url");
        const QString oldPublic = QStringLiteral("https://octopus.example.com");
        const QString newPublic = QStringLiteral("https://octopus-new.example.com/");
        QTest::newRow("keep name: the old public name")
            << int(DomainDecision::Choice::KeepName) << oldPublic << newPublic
            << QStringLiteral("octopus.example.com") << oldPublic;
        QTest::newRow("new name: the new public name")
            << int(DomainDecision::Choice::NewName) << oldPublic << newPublic
            << QStringLiteral("octopus-new.example.com") << newPublic;
        QTest::newRow("undecided counts as a new name")
            << int(DomainDecision::Choice::Undecided) << oldPublic << newPublic
            << QStringLiteral("octopus-new.example.com") << newPublic;
        QTest::newRow("new name without a public URL: the connection URL")
            << int(DomainDecision::Choice::NewName) << oldPublic << QString()
            << QStringLiteral("clone.internal") << QStringLiteral("https://clone.internal:8443");
        QTest::newRow("keep name without a public URL: the connection URL")
            << int(DomainDecision::Choice::KeepName) << QString() << newPublic
            << QStringLiteral("clone.internal") << QStringLiteral("https://clone.internal:8443");
    }
    void optionsFollowTheDomainDecision()
    {
        QFETCH(int, choice);
        QFETCH(QString, oldPublic);
        QFETCH(QString, newPublic);
        QFETCH(QString, host);
        QFETCH(QString, url);
        MigrationPlan plan;
        plan.setServerUrl(ServerRole::New, QUrl(QStringLiteral("https://clone.internal:8443")));
        DomainDecision domain;
        domain.choice = DomainDecision::Choice(choice);
        domain.oldPublicUrl = QUrl(oldPublic);
        domain.newPublicUrl = QUrl(newPublic);
        plan.setDomain(domain);
        const QString thumbprint = QStringLiteral("BD22C4E46FAB4CD9783F1521EDAEFB8E347ADF7C");
        const Options o = optionsFor(plan, thumbprint);
        QCOMPARE(o.newHost, host);
        QCOMPARE(o.newServerUrl, QUrl(url));
        QCOMPARE(o.serverThumbprint, thumbprint);
        QCOMPARE(o.pollingPort, 10943);
        QCOMPARE(o.instanceName, QStringLiteral("Tentacle"));
        QVERIFY(optionsFor(plan, QString()).serverThumbprint.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestTentacleCommands)
#include "tst_tentaclecommands.moc"
