// `bin/handover plan` as a user runs it (QProcess) against an in-process octosim pair (a fresh pair per
// test), keys through the environment: the plan file it writes loads with PlanFileStore and holds both URLs,
// the domain decision the host implies, the CI refresh, the script audit's counts, the test plan and the
// drift check; an existing plan is kept without --force; a failing route leaves only its analysis out (exit
// 3); an unreachable server still gives a plan with the domain (exit 3); usage errors; no key anywhere.
#include "octosimfixture.h"
#include "planfilestore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPlanCli : public QObject
{
    Q_OBJECT
private:
    OctoSimFixture sim;
    QTemporaryDir dir;

    Run handover(const QStringList &arguments)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HANDOVER_OLD_API_KEY"), sim.endpoint(ServerRole::Old).apiKey);
        env.insert(QStringLiteral("HANDOVER_NEW_API_KEY"), sim.endpoint(ServerRole::New).apiKey);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(HANDOVER_BIN_DIR "/handover"),
                      QStringList{QStringLiteral("plan")} + arguments);
        // octosim answers from this thread's event loop: wait with the loop running.
        if (!finished.wait(120000))
            process.kill();
        Run run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        return run;
    }

    QStringList arguments(const QString &newHost, const QString &out) const
    {
        return {QStringLiteral("--old"),      sim.endpoint(ServerRole::Old).url.toString(),
                QStringLiteral("--new"),      sim.endpoint(ServerRole::New).url.toString(),
                QStringLiteral("--new-host"), newHost,
                QStringLiteral("--out"),      out};
    }

    QString file(const QString &name) const { return dir.filePath(name); }

    void verifyNoKey(const Run &run, const QString &path)
    {
        const QByteArray written = readAll(path);
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            const QByteArray key = sim.endpoint(role).apiKey.toUtf8();
            QVERIFY(!key.isEmpty());
            QVERIFY(!run.out.contains(key));
            QVERIFY(!run.err.contains(key));
            QVERIFY(!written.contains(key));
        }
    }

    static bool hasSmokeRow(const PlanData &plan)
    {
        return std::any_of(plan.testPlan.rows.cbegin(), plan.testPlan.rows.cend(),
                           [](const TestPlanRow &r) { return r.id.startsWith(QLatin1String("smoke:")); });
    }

    static int findings(const ScriptAuditScanSummary &scan)
    {
        int n = 0;
        for (const int count : scan.findingsByCategory)
            n += count;
        return n;
    }

private Q_SLOTS:
    void initTestCase() { QVERIFY(dir.isValid()); }
    void init() { QVERIFY2(sim.start(), qPrintable(sim.error)); }
    void cleanup() { sim.server.reset(); }

    void everyAnalysisIsInThePlan()
    {
        const QString path = file(QStringLiteral("every.handover"));
        const QString host = QStringLiteral("octopus-new.example.com");
        const Run run = handover(arguments(host, path));
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run, path);
        const PlanLoadResult loaded = PlanFileStore::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.detail));
        const PlanData &plan = loaded.plan;
        const QUrl oldUrl = sim.endpoint(ServerRole::Old).url;
        QCOMPARE(plan.oldServer.url.host(), oldUrl.host());
        QCOMPARE(plan.oldServer.url.port(), oldUrl.port());
        QCOMPARE(plan.newServer.url.port(), sim.endpoint(ServerRole::New).url.port());
        // Another host: a new name, reached like the old server (its scheme, its non-default port).
        QCOMPARE(plan.domain.choice, DomainDecision::Choice::NewName);
        QCOMPARE(plan.domain.newPublicUrl.host(), host);
        QCOMPARE(plan.domain.newPublicUrl.scheme(), oldUrl.scheme());
        QCOMPARE(plan.domain.newPublicUrl.port(), oldUrl.port());
        QCOMPARE(plan.domain.oldPublicUrl.host(), oldUrl.host());
        // The CI refresh: its counts, and one undecided record per integration.
        QVERIFY(plan.ciIntegrations.lastRefreshAt.isValid());
        QVERIFY(plan.ciIntegrations.talkingToOld > 0);
        QVERIFY(plan.ciIntegrations.integrations.size() >= plan.ciIntegrations.talkingToOld);
        for (const CiIntegrationRecord &record : plan.ciIntegrations.integrations) {
            QCOMPARE(record.decision, CiIntegrationRecord::Decision::Undecided);
            QVERIFY(!record.system.isEmpty());
        }
        // The old server's scripts audited: counts only, no folders.
        QVERIFY(plan.scriptAudit.lastScan.has_value());
        QVERIFY(plan.scriptAudit.lastScan->files > 0 || findings(*plan.scriptAudit.lastScan) > 0);
        QVERIFY(plan.scriptAudit.folders.isEmpty());
        QVERIFY(plan.scriptAudit.marks.isEmpty());
        // The test plan from usage, and the drift check.
        QVERIFY(hasSmokeRow(plan));
        QVERIFY(plan.testPlan.generatedAt.isValid());
        QCOMPARE(plan.testPlan.windowDays, 90);
        QVERIFY(plan.drift.lastCheck.has_value());
        QVERIFY(plan.drift.lastCheck->at.isValid());
        QVERIFY(!plan.drift.lastCheck->state.isEmpty());
        // The cutover runbook's inputs: the old server's environments (one upgrade wave each) and its
        // polling Tentacles.
        QVERIFY(plan.cutover.environments.size() >= 2);
        for (const CutoverSection::Environment &e : plan.cutover.environments)
            QVERIFY(e.id.startsWith(QLatin1String("Environments-")) && !e.name.isEmpty() &&
                    !e.spaceId.isEmpty());
        QVERIFY(plan.cutover.pollingTentacles > 0);
        // Re-pointing is done on the machines: nothing recorded, the count printed.
        QVERIFY(plan.tentacles.machines.isEmpty());
        QVERIFY2(run.out.contains("Polling Tentacles to re-point: "), run.out.constData());
        QVERIFY(run.out.contains(QDir::toNativeSeparators(path).toUtf8()));
        QVERIFY2(run.err.isEmpty(), run.err.constData());
    }

    void theOldHostKeepsTheName()
    {
        const QString path = file(QStringLiteral("keep.handover"));
        const Run run = handover(arguments(sim.endpoint(ServerRole::Old).url.host().toUpper(), path));
        QVERIFY2(run.code == 0, run.err.constData());
        verifyNoKey(run, path);
        const PlanLoadResult loaded = PlanFileStore::load(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.plan.domain.choice, DomainDecision::Choice::KeepName);
        QVERIFY(loaded.plan.domain.newPublicUrl.isEmpty());
        QVERIFY(run.out.contains("Polling Tentacles to re-point: 0"));
    }

    void anExistingPlanIsKeptWithoutForce()
    {
        const QString path = file(QStringLiteral("existing.handover"));
        PlanData previous;
        previous.oldServer.url = QUrl(QStringLiteral("https://kept.example.com"));
        QVERIFY(!PlanFileStore::save(previous, path).isError());
        const QByteArray before = readAll(path);
        QVERIFY(!before.isEmpty());

        const Run refused = handover(arguments(QStringLiteral("new.example.com"), path));
        QCOMPARE(refused.code, 2);
        QVERIFY2(refused.err.contains("--force"), refused.err.constData());
        QCOMPARE(readAll(path), before);

        const Run forced =
            handover(arguments(QStringLiteral("new.example.com"), path) << QStringLiteral("--force"));
        QVERIFY2(forced.code == 0, forced.err.constData());
        const PlanLoadResult loaded = PlanFileStore::load(path);
        QVERIFY(loaded.ok());
        QCOMPARE(loaded.plan.oldServer.url.port(), sim.endpoint(ServerRole::Old).url.port());
        QVERIFY(hasSmokeRow(loaded.plan));
    }

    void aFailingRouteLeavesOnlyItsAnalysisOut()
    {
        // Only the script audit reads variable sets: a server failing them spoils that analysis alone.
        sim.server.reset();
        octosim::Options options;
        options.faults = {OctoSimFixture::fault(QStringLiteral("old"), QStringLiteral("/variables/"),
                                                QStringLiteral("status"), QStringLiteral("500"))};
        QVERIFY2(sim.start(options), qPrintable(sim.error));
        const QString path = file(QStringLiteral("fault.handover"));
        const Run run = handover(arguments(QStringLiteral("new.example.com"), path)
                                 << QStringLiteral("--timeout") << QStringLiteral("10"));
        QCOMPARE(run.code, 3);
        verifyNoKey(run, path);
        QVERIFY2(run.err.contains("script audit"), run.err.constData());
        QVERIFY2(run.err.contains("/variables/"), run.err.constData());
        const PlanLoadResult loaded = PlanFileStore::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.detail));
        QVERIFY(!loaded.plan.scriptAudit.lastScan.has_value());
        QVERIFY(hasSmokeRow(loaded.plan));
        QVERIFY(loaded.plan.ciIntegrations.lastRefreshAt.isValid());
        QVERIFY(loaded.plan.drift.lastCheck.has_value());
        QCOMPARE(loaded.plan.domain.choice, DomainDecision::Choice::NewName);
    }

    void anUnreachableServerStillGivesTheDomain()
    {
        // Nothing listens on https://127.0.0.1 (port 443): every analysis fails, the decision is still
        // written.
        const QString path = file(QStringLiteral("unreachable.handover"));
        QStringList args = arguments(QStringLiteral("new.example.com"), path);
        args[1] = QStringLiteral("https://127.0.0.1");
        const Run run = handover(args << QStringLiteral("--timeout") << QStringLiteral("5"));
        QCOMPARE(run.code, 3);
        verifyNoKey(run, path);
        QVERIFY2(run.err.contains("the old server is unusable"), run.err.constData());
        const PlanLoadResult loaded = PlanFileStore::load(path);
        QVERIFY2(loaded.ok(), qPrintable(loaded.error.detail));
        QCOMPARE(loaded.plan.domain.choice, DomainDecision::Choice::NewName);
        QCOMPARE(loaded.plan.domain.newPublicUrl, QUrl(QStringLiteral("https://new.example.com")));
        QVERIFY(!loaded.plan.ciIntegrations.lastRefreshAt.isValid());
        QVERIFY(loaded.plan.testPlan.rows.isEmpty());
        QVERIFY(!loaded.plan.drift.lastCheck.has_value());
        QVERIFY(!loaded.plan.scriptAudit.lastScan.has_value());
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString out = file(QStringLiteral("usage.handover"));
        const QStringList all{QStringLiteral("--old"),      QStringLiteral("http://127.0.0.1:1"),
                              QStringLiteral("--new"),      QStringLiteral("http://127.0.0.1:2"),
                              QStringLiteral("--new-host"), QStringLiteral("new.example.com"),
                              QStringLiteral("--out"),      out};
        for (const char *flag : {"--old", "--new", "--new-host", "--out"}) {
            QStringList without = all;
            const qsizetype at = without.indexOf(QLatin1String(flag));
            without.remove(at, 2);
            QTest::newRow(flag) << without;
        }
        QTest::newRow("unknown flag") << (QStringList(all) << QStringLiteral("--json"));
        QTest::newRow("host with port")
            << (QStringList(all) << QStringLiteral("--new-host") << QStringLiteral("new.example.com:8443"));
        QTest::newRow("stray argument") << (QStringList(all) << QStringLiteral("extra"));
    }

    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run = handover(arguments);
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains("Usage: handover plan"), run.err.constData());
        QVERIFY(run.out.isEmpty());
        QVERIFY(!QFile::exists(file(QStringLiteral("usage.handover"))));
    }

    void anUnwritableFileIsAnError()
    {
        const QString path = file(QStringLiteral("no-such-folder/plan.handover"));
        const Run run = handover(arguments(QStringLiteral("new.example.com"), path));
        QCOMPARE(run.code, 2);
        QVERIFY2(run.err.contains("does not exist"), run.err.constData());
        QVERIFY(!QFile::exists(path));
    }
};

QTEST_MAIN(TestPlanCli)
#include "tst_plancli.moc"
