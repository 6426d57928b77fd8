// The scripts stored on a server (ServerScriptsJob) read from an in-process octosim over loopback: where
// each lives (location and web portal link), the config-as-code project's process read at its default
// branch, the audit rules run over them (auditTexts) with keys masked, a 403 on some items that does not
// stop the rest, processes read a page at a time and one by one from a server that does not list them, cancellation, and `handover audit --server` as a user runs it (JSON with location and
// url, no key in any output).
#include "audittexts.h"
#include "datagenerator.h"
#include "networkcontext.h"
#include "octosimfixture.h"
#include "scriptauditcontroller.h"
#include "serverscriptsjob.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

const QString kOldServer = QStringLiteral("https://octopus.acme.example"); // as octosim's scripts name it

} // namespace

class ServerScriptsTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsEveryKindOfStoredScriptWithItsPlace();
    void configAsCodeProcessIsReadAtTheDefaultBranch();
    void findingsAreLocatedAndKeysMasked();
    void forbiddenItemsAreReportedAndTheRestRead();
    void processesComeInListsOrOneByOne();
    void actionsWithoutScriptsForTheTestPlan();
    void cancelFinishesOnce();
    void cliAddsServerScriptsToTheAudit();

private:
    struct Run
    {
        QList<ServerScript> scripts;
        ServerScriptsJob::Result result;
        QStringList paths;
    };
    Run read(const QList<octosim::FaultSpec> &faults = {}, bool scripts = true);
    NetworkContext m_network;
};

ServerScriptsTest::Run ServerScriptsTest::read(const QList<octosim::FaultSpec> &faults, bool scripts)
{
    Run run;
    OctoSimFixture sim;
    octosim::Options options;
    options.faults = faults;
    if (!sim.start(options)) {
        qWarning() << sim.error;
        return run;
    }
    OctopusClient client(sim.settings(ServerRole::Old), &m_network);
    client.setPathRecording(true);
    ServerScriptsJob job(&client);
    job.setReadScripts(scripts);
    QSignalSpy finished(&job, &ServerScriptsJob::finished);
    job.start();
    if (!finished.wait(60000))
        return run;
    QTest::qWait(50); // nothing else arrives
    if (finished.count() != 1)
        return run;
    run.result = finished.first().first().value<ServerScriptsJob::Result>();
    run.scripts = run.result.scripts;
    run.paths = client.recordedPaths();
    return run;
}

void ServerScriptsTest::readsEveryKindOfStoredScriptWithItsPlace()
{
    const Run run = read();
    QVERIFY2(run.result.errors.isEmpty(), qPrintable(QString::number(run.result.errors.size())));
    QHash<int, int> byKind;
    for (const ServerScript &s : run.scripts)
        ++byKind[int(s.kind)];
    qInfo() << "server scripts" << run.scripts.size() << "requests" << run.result.requests;
    QVERIFY(byKind.value(int(ServerScript::Kind::DeploymentProcess)) > 5);
    QVERIFY(byKind.value(int(ServerScript::Kind::RunbookProcess)) > 3);
    QVERIFY(byKind.value(int(ServerScript::Kind::StepTemplate)) >= 5);
    QVERIFY(byKind.value(int(ServerScript::Kind::ScriptModule)) >= 1);
    QVERIFY(byKind.value(int(ServerScript::Kind::Variable)) > 10);

    // The Notify step of the default space's first project (octosim: "Billing Api", Projects-1).
    const ServerScript *notify = nullptr;
    const ServerScript *postDeploy = nullptr;
    const ServerScript *module = nullptr;
    const ServerScript *runbook = nullptr;
    for (const ServerScript &s : run.scripts) {
        const QString where = ServerScriptsJob::locationText(s.location);
        if (where ==
            QStringLiteral(
                "Default \u203a Billing Api \u203a Deployment process \u203a Step 'Notify' \u203a script"))
            notify = &s;
        if (where.startsWith(
                QStringLiteral("Default \u203a Billing Api \u203a Deployment process \u203a Step 'Deploy")) &&
            where.endsWith(QStringLiteral("post-deploy script (ps1)")))
            postDeploy = &s;
        if (s.kind == ServerScript::Kind::ScriptModule && s.text.contains(QStringLiteral("Get-AcmeRelease")))
            module = &s;
        if (s.kind == ServerScript::Kind::RunbookProcess &&
            where.contains(QStringLiteral("Runbook 'Restart service'")))
            runbook = &s;
    }
    QVERIFY(notify);
    QCOMPARE(notify->syntax, QStringLiteral("PowerShell"));
    QVERIFY(notify->text.contains(kOldServer));
    QVERIFY2(notify->url.toString().contains(
                 QStringLiteral("/app#/Spaces-1/projects/Projects-1/deployments/process/steps?actionId=")),
             qPrintable(notify->url.toString()));
    QVERIFY(postDeploy);
    QCOMPARE(postDeploy->syntax, QStringLiteral("PowerShell"));
    QVERIFY(module);
    QCOMPARE(module->syntax, QStringLiteral("PowerShell"));
    QVERIFY(module->location.last() == QStringLiteral("script"));
    QVERIFY(module->url.toString().contains(
        QStringLiteral("/app#/Spaces-1/library/scripts/LibraryVariableSets-")));
    QVERIFY(runbook);
    QVERIFY(runbook->url.toString().contains(QStringLiteral("/operations/runbooks/Runbooks-")));
    // Every space is read, by its name.
    QSet<QString> spaces;
    for (const ServerScript &s : run.scripts)
        spaces.insert(s.location.first());
    QVERIFY(spaces.size() >= 3);
}

void ServerScriptsTest::configAsCodeProcessIsReadAtTheDefaultBranch()
{
    const Run run = read();
    QVERIFY(run.result.errors.isEmpty());
    // octosim keeps the default space's last project in Git (DefaultBranch "main").
    int atBranch = 0;
    for (const QString &path : run.paths) {
        if (path.startsWith(QStringLiteral("/api/Spaces-1/projects/Projects-")) &&
            path.endsWith(QStringLiteral("/main/deploymentprocesses")))
            ++atBranch;
    }
    QCOMPARE(atBranch, 1);
    QVERIFY(run.paths.contains(QStringLiteral("/api/Spaces-1/runbooks/all")));
    QVERIFY(run.paths.contains(QStringLiteral("/api/Spaces-1/actiontemplates/all")));
    QVERIFY(run.paths.contains(QStringLiteral("/api/Spaces-1/libraryvariablesets/all")));
}

void ServerScriptsTest::findingsAreLocatedAndKeysMasked()
{
    const Run run = read();
    AuditRuleSet::Config config;
    config.oldUrls = {kOldServer};
    const QList<AuditFinding> findings = auditTexts(ScriptAuditController::auditTextsOf(run.scripts), config);
    qInfo() << "server findings" << findings.size();
    QVERIFY(findings.size() > 30);
    // The keys octosim pastes into each space's scripts.
    QStringList keys;
    for (int space = 0; space < 3; ++space)
        keys << QString::fromLatin1(octosim::DataGenerator::apiKey(1, 900 + space));
    const QRegularExpression masked(QStringLiteral("API-[A-Z0-9]{2}\u2026"));
    int secrets = 0, oldServer = 0, legacy = 0, variables = 0;
    for (const AuditFinding &f : findings) {
        QVERIFY(!f.location.isEmpty());
        QCOMPARE(f.file, f.location);
        QVERIFY(f.url.startsWith(QStringLiteral("http://127.0.0.1:")));
        for (const QString &key : keys) {
            QVERIFY2(!f.snippet.contains(key), qPrintable(f.snippet));
            QVERIFY(!f.hint.contains(key));
            QVERIFY(!f.detail.contains(key));
        }
        secrets += f.category == AuditCategory::Secret;
        oldServer += f.category == AuditCategory::OldServerUrl;
        legacy += f.category == AuditCategory::LegacyCli;
        if (f.location.contains(QStringLiteral("Variable '"))) {
            ++variables;
            // A variable's value counts only for the old server, keys and octo (no api-call noise).
            QVERIFY(f.category == AuditCategory::OldServerUrl || f.category == AuditCategory::Secret ||
                    f.category == AuditCategory::LegacyCli);
        }
        if (f.category == AuditCategory::Secret)
            QVERIFY2(f.snippet.contains(masked), qPrintable(f.snippet));
    }
    QVERIFY(secrets > 0);
    QVERIFY(oldServer > 0);
    QVERIFY(legacy > 0);
    QVERIFY(variables > 0);
}

void ServerScriptsTest::forbiddenItemsAreReportedAndTheRestRead()
{
    // The list and each runbook process refused: the list's 403 is reported, nothing is asked one by one.
    const Run run = read({OctoSimFixture::fault(QStringLiteral("old"), QStringLiteral("/runbookProcesses"),
                                                QStringLiteral("status"), QStringLiteral("403"))});
    QVERIFY(!run.result.errors.isEmpty());
    for (const ApiError &error : run.result.errors) {
        QCOMPARE(error.kind, ApiErrorKind::Forbidden);
        QVERIFY(error.path.contains(QStringLiteral("/runbookProcesses?")));
        QCOMPARE(error.serverUrl.host(), QStringLiteral("127.0.0.1"));
    }
    bool process = false;
    for (const ServerScript &s : run.scripts) {
        QVERIFY(s.kind != ServerScript::Kind::RunbookProcess);
        process = process || s.kind == ServerScript::Kind::DeploymentProcess;
    }
    QVERIFY(process);
    for (const QString &path : run.paths)
        QVERIFY2(!path.contains(QStringLiteral("/runbookProcesses/")), qPrintable(path));
}

void ServerScriptsTest::processesComeInListsOrOneByOne()
{
    auto inventory = [](const Run &run) {
        QStringList lines;
        for (const ServerScript &s : run.scripts)
            lines << ServerScriptsJob::locationText(s.location) + QLatin1Char('|') + s.url.path() +
                         s.url.fragment() + QLatin1Char('|') + s.syntax + QLatin1Char('|') + s.text;
        for (const ProcessAction &a : run.result.actions)
            lines << QStringLiteral("action|%1|%2|%3|%4|%5|%6")
                         .arg(a.projectId, a.runbookId, a.name, a.actionType, a.stepTemplateId)
                         .arg(a.disabled);
        lines.sort();
        return lines;
    };
    auto count = [](const QStringList &paths, const QString &pattern) {
        return int(paths.filter(QRegularExpression(pattern)).size());
    };
    // A server that lists processes: a page of a space's processes at a time, none asked for on its own but
    // the config-as-code project's, which the server serves from Git.
    const Run listed = read();
    QVERIFY(listed.result.errors.isEmpty());
    QVERIFY(count(listed.paths, QStringLiteral("^/api/Spaces-1/deploymentprocesses\\?")) >= 1);
    QVERIFY(count(listed.paths, QStringLiteral("^/api/Spaces-1/runbookProcesses\\?")) >= 1);
    QCOMPARE(count(listed.paths, QStringLiteral("/deploymentprocesses/")), 0);
    QCOMPARE(count(listed.paths, QStringLiteral("/runbookProcesses/")), 0);
    QCOMPARE(count(listed.paths, QStringLiteral("/main/deploymentprocesses$")), 1);

    // A server that does not list them (404): each process on its own, and exactly the same findings.
    const Run oneByOne =
        read({OctoSimFixture::fault(QStringLiteral("old"), QStringLiteral("/(deploymentprocesses|runbookProcesses)\\?"),
                                    QStringLiteral("status"), QStringLiteral("404"))});
    QVERIFY(oneByOne.result.errors.isEmpty());
    const int single = count(oneByOne.paths, QStringLiteral("/(deploymentprocesses|runbookProcesses)/"));
    qInfo() << "requests with lists" << listed.result.requests << "one by one" << oneByOne.result.requests
            << "(" << single << "processes on their own)";
    QVERIFY(single > 10);
    QVERIFY(oneByOne.result.requests > listed.result.requests + 10);
    const QStringList expected = inventory(listed);
    QVERIFY(expected.size() > 50);
    QCOMPARE(inventory(oneByOne), expected);
}

void ServerScriptsTest::actionsWithoutScriptsForTheTestPlan()
{
    // The test plan's reading: every action, runbook and step template, no script kept.
    const Run all = read();
    const Run actionsOnly = read({}, false);
    QVERIFY(actionsOnly.result.errors.isEmpty());
    QVERIFY(!all.scripts.isEmpty());
    QVERIFY(actionsOnly.scripts.isEmpty());
    auto actions = [](const Run &run) {
        QStringList lines;
        for (const ProcessAction &a : run.result.actions)
            lines << QStringList{a.spaceId, a.projectId, a.runbookId, a.name, a.actionType, a.stepTemplateId,
                                 a.disabled ? QStringLiteral("off") : QStringLiteral("on")}
                         .join(QLatin1Char('|'));
        lines.sort();
        return lines;
    };
    QVERIFY(all.result.actions.size() > 50);
    QCOMPARE(actions(actionsOnly), actions(all));
    QCOMPARE(actionsOnly.result.runbooks.size(), all.result.runbooks.size());
    QCOMPARE(actionsOnly.result.stepTemplates.size(), all.result.stepTemplates.size());
    int fromTemplates = 0;
    for (const ProcessAction &a : actionsOnly.result.actions)
        fromTemplates += !a.stepTemplateId.isEmpty();
    QVERIFY(fromTemplates > 0);
}

void ServerScriptsTest::cancelFinishesOnce()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    OctopusClient client(sim.settings(ServerRole::Old), &m_network);
    ServerScriptsJob job(&client);
    QSignalSpy finished(&job, &ServerScriptsJob::finished);
    job.start();
    job.cancel();
    QCOMPARE(finished.count(), 1);
    QVERIFY(finished.first().first().value<ServerScriptsJob::Result>().cancelled);
    job.cancel();
    QTest::qWait(300); // replies still in flight reach nobody
    QCOMPARE(finished.count(), 1);
}

void ServerScriptsTest::cliAddsServerScriptsToTheAudit()
{
    OctoSimFixture sim;
    QVERIFY2(sim.start(), qPrintable(sim.error));
    QTemporaryDir dir;
    QFile file(dir.filePath(QStringLiteral("deploy.ps1")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Invoke-RestMethod https://octopus.acme.example/api/Spaces-1/projects/all\n");
    file.close();

    auto handover = [&](const QStringList &arguments, QByteArray *out, QByteArray *err) {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HANDOVER_API_KEY"), sim.endpoint(ServerRole::Old).apiKey);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
        process.setProcessEnvironment(env);
        QSignalSpy done(&process, &QProcess::finished);
        process.start(QStringLiteral(HANDOVER_BIN_DIR "/handover"),
                      QStringList{QStringLiteral("audit")} + arguments);
        if (!done.wait(60000))
            process.kill(); // octosim answers from this thread's loop: wait with it running
        *out = process.readAllStandardOutput();
        *err = process.readAllStandardError();
        return process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    };
    const QString url = sim.endpoint(ServerRole::Old).url.toString();
    QByteArray out, err;
    // PATH left out: the server's scripts only.
    QCOMPARE(handover({QStringLiteral("--server"), url, QStringLiteral("--old-url"), kOldServer,
                       QStringLiteral("--json")},
                      &out, &err),
             0);
    const QJsonArray serverOnly =
        QJsonDocument::fromJson(out).object().value(QLatin1String("findings")).toArray();
    QVERIFY(serverOnly.size() > 30);
    for (const QJsonValue &v : serverOnly) {
        const QJsonObject f = v.toObject();
        QVERIFY(f.contains(QLatin1String("file")) && f.contains(QLatin1String("line")));
        QVERIFY(!f.value(QLatin1String("location")).toString().isEmpty());
        QVERIFY(f.value(QLatin1String("url")).toString().startsWith(url + QStringLiteral("/app#/")));
    }
    for (int space = 0; space < 3; ++space)
        QVERIFY(!out.contains(octosim::DataGenerator::apiKey(1, 900 + space)));
    QVERIFY(!out.contains(sim.endpoint(ServerRole::Old).apiKey.toUtf8()));
    QVERIFY(!err.contains(sim.endpoint(ServerRole::Old).apiKey.toUtf8()));

    // With a PATH: the file's findings (no location) join them.
    QCOMPARE(handover({dir.path(), QStringLiteral("--server"), url, QStringLiteral("--old-url"), kOldServer,
                       QStringLiteral("--json")},
                      &out, &err),
             0);
    const QJsonArray both = QJsonDocument::fromJson(out).object().value(QLatin1String("findings")).toArray();
    int files = 0;
    for (const QJsonValue &v : both) {
        if (v.toObject().value(QLatin1String("file")).toString() == QLatin1String("deploy.ps1")) {
            ++files;
            QVERIFY(!v.toObject().contains(QLatin1String("location")));
        }
    }
    QVERIFY(files >= 2); // old-server-url and api-call
    QCOMPARE(both.size(), serverOnly.size() + files);

    // Neither PATH nor --server: a usage error.
    QCOMPARE(handover({QStringLiteral("--json")}, &out, &err), 2);
}

QTEST_GUILESS_MAIN(ServerScriptsTest)
#include "tst_serverscripts.moc"
