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
    // --reuse-server-thumbprint first shipped in 8.1.1713 (OctopusTentacle ad190918); 8.1.32..8.1.1703
    // reject it. Failed on the old gate (8.1.0) for the 8.1.0, 8.1.1700, 8.1.1703 and prerelease rows.
    void reuseServerThumbprintNeedsTentacle81_1713_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("reuse");
        QTest::newRow("8.1.0") << QStringLiteral("8.1.0") << false;
        QTest::newRow("8.1.1700") << QStringLiteral("8.1.1700") << false;
        QTest::newRow("8.1.1703") << QStringLiteral("8.1.1703") << false;
        QTest::newRow("8.1.1713") << QStringLiteral("8.1.1713") << true;
        QTest::newRow("8.1.1716") << QStringLiteral("8.1.1716") << true;
        QTest::newRow("8.1.1942") << QStringLiteral("8.1.1942") << true;
        QTest::newRow("8.2") << QStringLiteral("8.2") << true;
        QTest::newRow("9.0.1") << QStringLiteral("9.0.1") << true;
        QTest::newRow("8.0.x") << QStringLiteral("8.0.1234") << false;
        QTest::newRow("8.0") << QStringLiteral("8.0") << false;
        QTest::newRow("6.3") << QStringLiteral("6.3.417") << false;
        QTest::newRow("3.25.1") << QStringLiteral("3.25.1") << false;
        QTest::newRow("missing") << QString() << false;
        QTest::newRow("garbage") << QStringLiteral("unknown") << false;
        QTest::newRow("prerelease") << QStringLiteral("8.1.1700-beta") << false;
        QTest::newRow("prerelease 1713") << QStringLiteral("8.1.1713-beta") << true;
    }
    void reuseServerThumbprintNeedsTentacle81_1713()
    {
        QFETCH(QString, version);
        QFETCH(bool, reuse);
        QCOMPARE(supportsReuseServerThumbprint(version), reuse);
        for (Os os : {Os::Windows, Os::Linux}) {
            const QString text = repointScript(machine(version), os, options()).text;
            QCOMPARE(text.contains(QLatin1String(" poll-server --instance")), reuse);
            QCOMPARE(text.contains(QLatin1String("--server-comms-address")), reuse);
            QCOMPARE(text.contains(QLatin1String("--reuse-server-thumbprint\n")), reuse);
            // As a command (the poll-server script names server-comms in its stop message).
            QCOMPARE(text.contains(QLatin1String("$tentacle server-comms --instance")) ||
                         text.contains(QLatin1String("\"$tentacle\" server-comms --instance")),
                     !reuse);
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
            TentacleMachine agent = m;
            agent.communicationStyle = QStringLiteral("KubernetesTentacle");
            agent.communicationMode = QStringLiteral("Polling");
            agent.helmReleaseName = QStringLiteral("rel'ease");
            agent.kubernetesNamespace = QStringLiteral("ns");
            QList<Script> scripts{repointScript(m, Os::Linux, options()),
                                  cloneInstanceScript(m, Os::Linux, options())};
            scripts << scriptsFor(m, options()) << scriptsFor(agent, options());
            for (const Script &script : std::as_const(scripts)) {
                if (script.os != Os::Linux)
                    continue;
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
        plan.setServerUrl(ServerRole::Old, QUrl(QStringLiteral("https://old.internal:8443")));
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
        // Kubernetes agents keep the old address next to the new one until after cutover.
        QCOMPARE(o.oldHost,
                 QUrl(oldPublic).host().isEmpty() ? QStringLiteral("old.internal") : QUrl(oldPublic).host());
    }

    // The after-cutover step: clear-trusted-servers --keep NEW, then a restart, from 8.1.1713 (the option
    // came with ad190918); none below, with a note that says the old entry stays. Fails on the old code (no
    // cleanup functions).
    void afterCutoverKeepsOnlyTheNewServer_data()
    {
        QTest::addColumn<QString>("version");
        QTest::addColumn<bool>("cleanup");
        QTest::newRow("8.1.1713") << QStringLiteral("8.1.1713") << true;
        QTest::newRow("8.1.1942") << QStringLiteral("8.1.1942") << true;
        QTest::newRow("8.1.1703") << QStringLiteral("8.1.1703") << false;
        QTest::newRow("6.3.417") << QStringLiteral("6.3.417") << false;
        QTest::newRow("unknown") << QString() << false;
    }
    void afterCutoverKeepsOnlyTheNewServer()
    {
        QFETCH(QString, version);
        QFETCH(bool, cleanup);
        const TentacleMachine m = machine(version);
        QCOMPARE(supportsClearTrustedServers(version), cleanup);
        const QString note = cleanupNote(m, options());
        QCOMPARE(note.isEmpty(), cleanup);
        for (Os os : {Os::Windows, Os::Linux}) {
            const QString lines = cleanupLines(m, os, options());
            const Script script = cleanupScript(m, os, options());
            QCOMPARE(!lines.isEmpty(), cleanup);
            QCOMPARE(!script.text.isEmpty(), cleanup);
            for (const QString &text : {lines, script.text, afterCutoverText(m, options())}) {
                QVERIFY(!text.contains(QLatin1String("remove-trust --")));
                QVERIFY(!text.contains(QLatin1String("reset-trust")));
                QVERIFY(!text.contains(QLatin1String("configure --instance")));
            }
            if (!cleanup)
                continue;
            QVERIFY2(lines.contains(QLatin1String("clear-trusted-servers --instance 'Tentacle' --keep "
                                                  "'https://octopus-new.example.com:10943/'")),
                     qPrintable(lines));
            QVERIFY(lines.contains(QLatin1String("service --instance 'Tentacle' --restart")));
            QVERIFY(script.fileName.contains(QLatin1String(".after-cutover.")));
            const qsizetype check = script.text.indexOf(QLatin1String("show-configuration"));
            const qsizetype clear = script.text.lastIndexOf(QLatin1String(" clear-trusted-servers "));
            const qsizetype restart = script.text.lastIndexOf(QLatin1String(" service --instance"));
            QVERIFY(check > 0 && clear > check && restart > clear);
            if (os == Os::Windows) {
                QVERIFY(script.text.contains(QLatin1String("ConvertFrom-Json")));
                QVERIFY(script.text.contains(QLatin1String("TrustedOctopusServers")));
                QVERIFY(script.text.indexOf(QLatin1String("throw")) < clear);
                QVERIFY(script.text.contains(
                    QLatin1String("$keep = [Uri]'https://octopus-new.example.com:10943/'")));
            }
        }
        if (!cleanup) {
            QVERIFY(note.contains(QLatin1String("8.1.1713")));
            QVERIFY(note.contains(QLatin1String("old server")));
            QVERIFY(afterCutoverText(m, options()).startsWith(QLatin1String("# ")));
        }
    }

    // Runs the generated bash scripts against a fake Tentacle that prints a given show-configuration and
    // logs every other call: clear-trusted-servers only runs when a polling entry for the new address is
    // there, and poll-server --reuse-server-thumbprint only when the first entry polls for the new server's
    // thumbprint (compared without regard to case). Fails on the old code (no check: poll-server always ran).
    void scriptsLookAtShowConfigurationFirst_data()
    {
        QTest::addColumn<bool>("afterCutover");
        QTest::addColumn<QString>("servers");
        QTest::addColumn<bool>("runs");
        const QString old = QStringLiteral("{\"Thumbprint\": \"BD22C4E46FAB4CD9783F1521EDAEFB8E347ADF7C\", "
                                           "\"CommunicationStyle\": %1, \"Address\": \"%2\", "
                                           "\"SubscriptionId\": \"poll://abcdefghij0123456789/\"}");
        const QString oldPolling =
            old.arg(QStringLiteral("2"), QStringLiteral("https://octopus.example.com:10943"));
        const QString oldListening = old.arg(QStringLiteral("1"), QString());
        const QString newPolling =
            old.arg(QStringLiteral("2"), QStringLiteral("https://OCTOPUS-NEW.example.com:10943"));
        const QString newListening =
            old.arg(QStringLiteral("1"), QStringLiteral("https://octopus-new.example.com:10943"));
        const QString lowerCase = QString(oldPolling)
                                      .replace(QStringLiteral("BD22C4E46FAB4CD9783F1521EDAEFB8E347ADF7C"),
                                               QStringLiteral("bd22c4e46fab4cd9783f1521edaefb8e347adf7c"));
        const QString otherServer =
            QString(oldPolling).replace(QStringLiteral("BD22C4E4"), QStringLiteral("00000000"));
        QTest::newRow("cleanup: both entries") << true << oldPolling + QLatin1Char(',') + newPolling << true;
        QTest::newRow("cleanup: only the old one") << true << oldPolling << false;
        QTest::newRow("cleanup: new one listening")
            << true << oldPolling + QLatin1Char(',') + newListening << false;
        QTest::newRow("cleanup: none") << true << QString() << false;
        QTest::newRow("repoint: first polls")
            << false << oldPolling + QLatin1Char(',') + oldListening << true;
        QTest::newRow("repoint: first listens")
            << false << oldListening + QLatin1Char(',') + oldPolling << false;
        QTest::newRow("repoint: thumbprint in lower case") << false << lowerCase << true;
        QTest::newRow("repoint: another server first") << false << otherServer << false;
        QTest::newRow("repoint: none") << false << QString() << false;
    }
    void scriptsLookAtShowConfigurationFirst()
    {
        QFETCH(bool, afterCutover);
        QFETCH(QString, servers);
        QFETCH(bool, runs);
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (bash.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("bash and python3 are needed");
        QTemporaryDir dir;
        const QString fake = dir.filePath(QStringLiteral("Tentacle"));
        {
            QFile file(fake);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("#!/usr/bin/env bash\necho \"$*\" >> \"$FAKE_LOG\"\n"
                       "if [ \"$1\" = show-configuration ]; then cat \"$FAKE_CONFIG\"; fi\n");
            file.close();
            file.setPermissions(file.permissions() | QFile::ExeOwner);
        }
        {
            QFile file(dir.filePath(QStringLiteral("config.json")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("{\"Octopus\": {\"Home\": \"/etc/octopus\"}, \"Tentacle\": "
                                      "{\"Communication\": {\"TrustedOctopusServers\": [%1]}}}")
                           .arg(servers)
                           .toUtf8());
        }
        const TentacleMachine m = machine(QStringLiteral("8.1.1942"));
        QString text = afterCutover ? cleanupScript(m, Os::Linux, options()).text
                                    : repointScript(m, Os::Linux, options()).text;
        text.replace(bashQuote(QStringLiteral("/opt/octopus/tentacle/Tentacle")), bashQuote(fake));
        QStringList lines = text.split(QLatin1Char('\n'));
        lines.removeIf([](const QString &line) { return line.contains(QLatin1String("id -u")); });
        QFile script(dir.filePath(QStringLiteral("s.sh")));
        QVERIFY(script.open(QIODevice::WriteOnly));
        script.write(lines.join(QLatin1Char('\n')).toUtf8());
        script.close();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("FAKE_LOG"), dir.filePath(QStringLiteral("log")));
        env.insert(QStringLiteral("FAKE_CONFIG"), dir.filePath(QStringLiteral("config.json")));
        process.setProcessEnvironment(env);
        process.start(bash, {script.fileName()});
        QVERIFY(process.waitForFinished(10000));
        const QByteArray errors = process.readAllStandardError();
        QFile log(dir.filePath(QStringLiteral("log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString calls = QString::fromUtf8(log.readAll());
        QVERIFY2(calls.startsWith(QLatin1String("show-configuration --instance Tentacle")),
                 qPrintable(calls));
        const QString change = afterCutover
                                   ? QStringLiteral("clear-trusted-servers --instance Tentacle --keep "
                                                    "https://octopus-new.example.com:10943/")
                                   : QStringLiteral("poll-server --instance Tentacle");
        QVERIFY2(calls.contains(change) == runs, qPrintable(calls + QString::fromUtf8(errors)));
        QCOMPARE(calls.contains(QLatin1String("service --instance Tentacle --restart")), runs);
        QCOMPARE(process.exitCode() == 0, runs);
        if (!runs)
            QVERIFY(errors.contains("Nothing was changed"));
    }

    // A never health-checked machine (OperatingSystem and ShellName "Unknown") gets both scripts, never a
    // guess. Fails on the old code (it answered Linux).
    void unknownOperatingSystemGetsBothScripts()
    {
        TentacleMachine m = machine(QStringLiteral("8.1.1942"), QStringLiteral("Unknown"));
        m.shellName = QStringLiteral("Unknown");
        QCOMPARE(osFor(m), Os::Unknown);
        QCOMPARE(osName(osFor(m)), QStringLiteral("unknown"));
        QCOMPARE(scriptOsesFor(m), (QList<Os>{Os::Windows, Os::Linux}));
        const QList<Script> scripts = scriptsFor(m, options());
        QStringList names;
        for (const Script &script : scripts)
            names << script.fileName;
        QCOMPARE(names, (QStringList{QStringLiteral("Machines-12_web-01.ps1"),
                                     QStringLiteral("Machines-12_web-01.after-cutover.ps1"),
                                     QStringLiteral("Machines-12_web-01.sh"),
                                     QStringLiteral("Machines-12_web-01.after-cutover.sh")}));
        const QStringList rows = csv({m}, options()).split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
        QVERIFY(rows.at(0).endsWith(QLatin1String(",command,cleanup,cleanupNote")));
        QVERIFY(rows.at(1).contains(QLatin1String(",target,unknown,")));
        QVERIFY(rows.at(1).contains(QLatin1String("windows: & 'C:\\Program Files")));
        QVERIFY(rows.at(1).contains(QLatin1String("linux: /opt/octopus/tentacle/Tentacle poll-server")));
        const QString all = bundle({m}, options());
        QVERIFY(all.contains(QLatin1String("Machines-12  [windows]")));
        QVERIFY(all.contains(QLatin1String("Machines-12  [linux]")));
        m.shellName = QStringLiteral("Bash");
        QCOMPARE(osFor(m), Os::Linux);
    }

    // Kubernetes agents: polling ones are listed; the re-point is a helm upgrade of their release with the
    // old and the new comms address (agent.serverCommsAddresses), after cutover only the new one. Fails on
    // the old code (not polling, no helm).
    void kubernetesAgentsAreRepointedWithHelm()
    {
        TentacleMachine m = machine(QString(), QStringLiteral("Linux"), QStringLiteral("aks-prod"));
        m.communicationStyle = QStringLiteral("KubernetesTentacle");
        m.communicationMode = QStringLiteral("Polling");
        m.tentacleVersion = QStringLiteral("8.3.2575");
        m.agentVersion = QStringLiteral("2.12.0");
        m.helmReleaseName = QStringLiteral("octopus-agent-aks-prod");
        m.kubernetesNamespace = QStringLiteral("octopus-agent-aks-prod");
        QVERIFY(m.isPolling());
        QVERIFY(m.isKubernetesAgent());
        Options o = options();
        o.oldHost = QStringLiteral("octopus.example.com");
        const QString upgrade = QStringLiteral(
            "helm upgrade 'octopus-agent-aks-prod' oci://registry-1.docker.io/octopusdeploy/kubernetes-agent "
            "--namespace 'octopus-agent-aks-prod' --reuse-values --version '2.12.0'");
        QCOMPARE(helmRepointCommand(m, o),
                 upgrade + QStringLiteral(" --set 'agent.serverUrl=https://octopus-new.example.com/' --set "
                                          "'agent.serverCommsAddresses={https://octopus.example.com:10943/,"
                                          "https://octopus-new.example.com:10943/}'"));
        QCOMPARE(helmCleanupCommand(m, o),
                 upgrade + QStringLiteral(
                               " --set 'agent.serverCommsAddress=https://octopus-new.example.com:10943/' "
                               "--set 'agent.serverCommsAddresses={}'"));
        QVERIFY(cleanupNote(m, o).isEmpty());
        QVERIFY(cleanupLines(m, Os::Linux, o).isEmpty()); // no Tentacle command line in a pod
        // The URL as the CLI and the plan give it, with its slash: one slash in the value.
        Options withUrl = o;
        withUrl.newServerUrl = QUrl(QStringLiteral("https://octopus-new.example.com/"));
        QVERIFY(helmRepointCommand(m, withUrl)
                    .contains(QLatin1String("'agent.serverUrl=https://octopus-new.example.com/'")));
        QVERIFY(csv({m}, o).contains(QLatin1String(",helm,")));
        const QList<Script> scripts = scriptsFor(m, o);
        QCOMPARE(scripts.size(), 2);
        QCOMPARE(scripts.at(0).fileName, QStringLiteral("Machines-12_aks-prod.helm.sh"));
        QCOMPARE(scripts.at(1).fileName, QStringLiteral("Machines-12_aks-prod.after-cutover.helm.sh"));

        // Before 8.1.1713 the agent registers once and ignores later addresses: no command, a note.
        m.tentacleVersion = QStringLiteral("8.1.1703");
        QVERIFY(helmRepointCommand(m, o).isEmpty());
        QVERIFY(helmCleanupCommand(m, o).isEmpty());
        QVERIFY(cleanupNote(m, o).contains(QLatin1String("8.1.1713")));
        m.tentacleVersion = QStringLiteral("8.3.2575");
        m.helmReleaseName.clear();
        QVERIFY(helmRepointCommand(m, o).isEmpty());
        QVERIFY(helmNote(m).contains(QLatin1String("helm list")));
        m.helmReleaseName = QStringLiteral("octopus-agent-aks-prod");
        o.oldHost.clear(); // the old address must be the first one: without it, no command
        QVERIFY(helmRepointCommand(m, o).isEmpty());

        m.communicationMode = QStringLiteral("Listening");
        QVERIFY(!m.isPolling());
        QVERIFY(m.isListening());
    }

    // The helm scripts read the release's values first (a fake helm on PATH answers get values and logs
    // upgrade): the re-point runs only when the release's first comms address is the old server's, the
    // after-cutover upgrade only when the new address is already listed. Fails on the old code (no helm).
    void helmScriptsLookAtTheReleaseFirst_data()
    {
        QTest::addColumn<bool>("afterCutover");
        QTest::addColumn<QString>("agentValues");
        QTest::addColumn<bool>("runs");
        QTest::newRow("repoint: old address")
            << false << QStringLiteral("{\"serverCommsAddress\": \"https://octopus.example.com:10943\"}")
            << true;
        QTest::newRow("repoint: old in the list")
            << false
            << QStringLiteral("{\"serverCommsAddress\": \"\", \"serverCommsAddresses\": "
                              "[\"https://OCTOPUS.example.com:10943/\"]}")
            << true;
        QTest::newRow("repoint: another address")
            << false << QStringLiteral("{\"serverCommsAddress\": \"https://polling.example.com:10943\"}")
            << false;
        QTest::newRow("repoint: HA list")
            << false
            << QStringLiteral("{\"serverCommsAddresses\": [\"https://octopus.example.com:10943\", "
                              "\"https://node2.example.com:10943\"]}")
            << false;
        QTest::newRow("cleanup: new listed")
            << true
            << QStringLiteral("{\"serverCommsAddress\": \"https://octopus.example.com:10943\", "
                              "\"serverCommsAddresses\": [\"https://octopus.example.com:10943/\", "
                              "\"https://octopus-new.example.com:10943/\"]}")
            << true;
        QTest::newRow("cleanup: not re-pointed")
            << true << QStringLiteral("{\"serverCommsAddress\": \"https://octopus.example.com:10943\"}")
            << false;
    }
    void helmScriptsLookAtTheReleaseFirst()
    {
        QFETCH(bool, afterCutover);
        QFETCH(QString, agentValues);
        QFETCH(bool, runs);
        const QString bash = QStandardPaths::findExecutable(QStringLiteral("bash"));
        if (bash.isEmpty() || QStandardPaths::findExecutable(QStringLiteral("python3")).isEmpty())
            QSKIP("bash and python3 are needed");
        QTemporaryDir dir;
        {
            QFile file(dir.filePath(QStringLiteral("helm")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write("#!/usr/bin/env bash\necho \"$*\" >> \"$FAKE_LOG\"\n"
                       "if [ \"$1\" = get ]; then cat \"$FAKE_VALUES\"; fi\n");
            file.close();
            file.setPermissions(file.permissions() | QFile::ExeOwner);
        }
        {
            QFile file(dir.filePath(QStringLiteral("values.json")));
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(QStringLiteral("{\"acceptEula\": \"Y\", \"agent\": %1}").arg(agentValues).toUtf8());
        }
        TentacleMachine m =
            machine(QStringLiteral("8.3.2575"), QStringLiteral("Linux"), QStringLiteral("aks"));
        m.communicationStyle = QStringLiteral("KubernetesTentacle");
        m.communicationMode = QStringLiteral("Polling");
        m.helmReleaseName = QStringLiteral("octopus-agent-aks");
        m.kubernetesNamespace = QStringLiteral("agents");
        Options o = options();
        o.oldHost = QStringLiteral("octopus.example.com");
        const Script script = helmScript(m, o, afterCutover);
        QFile file(dir.filePath(QStringLiteral("s.sh")));
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(script.text.toUtf8());
        file.close();
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("PATH"), dir.path() + QLatin1Char(':') + env.value(QStringLiteral("PATH")));
        env.insert(QStringLiteral("FAKE_LOG"), dir.filePath(QStringLiteral("log")));
        env.insert(QStringLiteral("FAKE_VALUES"), dir.filePath(QStringLiteral("values.json")));
        process.setProcessEnvironment(env);
        process.start(bash, {file.fileName()});
        QVERIFY(process.waitForFinished(10000));
        const QByteArray errors = process.readAllStandardError();
        QFile log(dir.filePath(QStringLiteral("log")));
        QVERIFY(log.open(QIODevice::ReadOnly));
        const QString calls = QString::fromUtf8(log.readAll());
        QVERIFY2(calls.startsWith(
                     QLatin1String("get values octopus-agent-aks --namespace agents --all --output json")),
                 qPrintable(calls));
        QVERIFY2(calls.contains(QLatin1String("upgrade octopus-agent-aks")) == runs,
                 qPrintable(calls + QString::fromUtf8(errors)));
        QCOMPARE(process.exitCode() == 0, runs);
        if (!runs)
            QVERIFY(errors.contains("Nothing was changed"));
    }

    // The clone alternative registers the instance as the source machine is: tenant tags, tenanted
    // participation and machine policy (RegisterMachineCommand option names). Fails on the old code.
    void cloneInstanceKeepsTenancyAndPolicy()
    {
        TentacleMachine m = machine(QStringLiteral("8.1.1942"));
        m.tenants = {QStringLiteral("Contoso")};
        m.tenantTags = {QStringLiteral("Tier/Gold")};
        m.tenantedDeploymentParticipation = QStringLiteral("TenantedOrUntenanted");
        m.machinePolicy = QStringLiteral("MachinePolicies-1");
        for (Os os : {Os::Windows, Os::Linux}) {
            const QString text = cloneInstanceScript(m, os, options()).text;
            QVERIFY(text.contains(QLatin1String("--tenanttag 'Tier/Gold'")));
            QVERIFY(
                text.contains(QLatin1String("--tenanted-deployment-participation 'TenantedOrUntenanted'")));
            QVERIFY(text.contains(QLatin1String("--policy 'MachinePolicies-1'")));
            QVERIFY(text.contains(QLatin1String("Check: --policy takes a machine policy's name")));
        }
        m.kind = TentacleMachine::Kind::Worker;
        QVERIFY(!cloneInstanceScript(m, Os::Linux, options()).text.contains(QLatin1String("--tenanttag")));
    }

    // An IPv6 host is bracketed everywhere it is part of an address, server-comms --host included
    // (ServerCommsCommand builds new Uri($"https://{host}:{port}")). Fails on the old code (--host '::1').
    void ipv6HostIsBracketed()
    {
        Options o = options();
        o.newHost = QStringLiteral("fd00::10");
        const QString modern = commandLines(machine(QStringLiteral("8.1.1942")), Os::Linux, o);
        QVERIFY2(modern.contains(QLatin1String("--server-comms-address 'https://[fd00::10]:10943'")),
                 qPrintable(modern));
        const QString old = commandLines(machine(QStringLiteral("6.3.417")), Os::Linux, o);
        QVERIFY2(old.contains(QLatin1String("--host '[fd00::10]' --port 10943")), qPrintable(old));
        QVERIFY(cleanupLines(machine(QStringLiteral("8.1.1942")), Os::Windows, o)
                    .contains(QLatin1String("--keep 'https://[fd00::10]:10943/'")));
        QCOMPARE(commsAddress(QStringLiteral("::1"), 10943), QStringLiteral("https://[::1]:10943/"));
    }
};

QTEST_GUILESS_MAIN(TestTentacleCommands)
#include "tst_tentaclecommands.moc"
