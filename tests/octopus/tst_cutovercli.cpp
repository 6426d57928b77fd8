// `bin/handover cutover` as a user runs it (QProcess) against an in-process octosim pair, keys through the
// environment, on a plan file written for the pair (the new server keeps the old name: the public address is
// the new server's, so dns-new-server passes): the --steps, --gates and --status JSON contracts; a tick of a
// gate-less step is durable in the journal beside the plan and refused the second time; a server gate that
// fails refuses the tick unless overridden; rehearsal ticks stay out of the live run; two processes ticking
// at once both commit; a foreign journal file and a corrupt plan are refused (exit 2); no key in any output.
#include "cutoverjournal.h"
#include "octosimfixture.h"
#include "planfilestore.h"

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

#include <memory>

namespace {

struct Run
{
    int code = -1;
    QByteArray out;
    QByteArray err;
    QJsonObject json() const { return QJsonDocument::fromJson(out).object(); }
};

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QJsonObject byId(const QJsonArray &array, const QString &id)
{
    for (const QJsonValue &v : array) {
        if (v.toObject().value(QLatin1String("id")).toString() == id)
            return v.toObject();
    }
    return {};
}

const QRegularExpression kIsoMs(QStringLiteral(R"(^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$)"));

} // namespace

class TestCutoverCli : public QObject
{
    Q_OBJECT
private:
    OctoSimFixture sim;
    std::unique_ptr<QTemporaryDir> dir;
    QString planPath;
    QList<Run> runs; // every run's output, searched for the keys at the end

    std::unique_ptr<QProcess> startHandover(const QStringList &arguments)
    {
        auto process = std::make_unique<QProcess>();
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("HANDOVER_OLD_API_KEY"), sim.endpoint(ServerRole::Old).apiKey);
        env.insert(QStringLiteral("HANDOVER_NEW_API_KEY"), sim.endpoint(ServerRole::New).apiKey);
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
        process->setProcessEnvironment(env);
        process->start(QStringLiteral(HANDOVER_BIN_DIR "/handover"),
                       QStringList{QStringLiteral("cutover"), QStringLiteral("--plan"), planPath} +
                           arguments);
        return process;
    }

    Run result(QProcess &process)
    {
        Run run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        runs << run;
        return run;
    }

    Run handover(const QStringList &arguments)
    {
        const std::unique_ptr<QProcess> process = startHandover(arguments);
        QSignalSpy finished(process.get(), &QProcess::finished);
        // octosim answers from this thread's event loop: wait with the loop running.
        if (process->state() != QProcess::NotRunning && !finished.wait(120000))
            process->kill();
        return result(*process);
    }

    QString journalPath() const { return CutoverJournal::pathForPlan(planPath); }

private Q_SLOTS:
    void initTestCase() { QVERIFY2(sim.start(), qPrintable(sim.error)); }
    void init()
    {
        dir = std::make_unique<QTemporaryDir>();
        QVERIFY(dir->isValid());
        planPath = dir->filePath(QStringLiteral("night.handover"));
        PlanData plan;
        plan.oldServer.url = sim.endpoint(ServerRole::Old).url;
        plan.newServer.url = sim.endpoint(ServerRole::New).url;
        plan.domain.choice = DomainDecision::Choice::KeepName;
        plan.domain.oldPublicUrl =
            sim.endpoint(ServerRole::New).url; // the name already answers on the new one
        QVERIFY(!PlanFileStore::save(plan, planPath).isError());
    }

    void stepsJsonIsTheContract()
    {
        const Run run = handover({QStringLiteral("--steps"), QStringLiteral("--json")});
        QCOMPARE(run.code, 0);
        const QJsonArray steps = run.json().value(QLatin1String("steps")).toArray();
        QVERIFY(steps.size() > 5);
        const QStringList phases{QStringLiteral("before"), QStringLiteral("cutover"), QStringLiteral("after"),
                                 QStringLiteral("rollback")};
        qsizetype lastPhase = 0;
        QSet<QString> seenPhases;
        for (qsizetype i = 0; i < steps.size(); ++i) {
            const QJsonObject s = steps.at(i).toObject();
            for (const char *key : {"id", "title", "phase", "status", "owner", "action"})
                QVERIFY2(s.value(QLatin1String(key)).isString(), key);
            QVERIFY(s.value(QLatin1String("gate")).isString() || s.value(QLatin1String("gate")).isNull());
            QVERIFY(s.value(QLatin1String("plannedMinutes")).isDouble());
            QVERIFY(s.value(QLatin1String("pointOfNoReturn")).isBool());
            const qsizetype phase = phases.indexOf(s.value(QLatin1String("phase")).toString());
            QVERIFY(phase >= lastPhase); // known, and in order
            lastPhase = phase;
            seenPhases << phases.at(phase);
            QCOMPARE(s.value(QLatin1String("status")).toString(),
                     i == 0 ? QStringLiteral("current") : QStringLiteral("pending"));
        }
        QCOMPARE(seenPhases.size(), 4);
        QCOMPARE(steps.first().toObject().value(QLatin1String("id")).toString(),
                 QStringLiteral("before:announce"));
        QVERIFY(byId(steps, QStringLiteral("before:announce")).value(QLatin1String("gate")).isNull());
        const QJsonObject maintenance = byId(steps, QStringLiteral("cutover:maintenance-on"));
        QCOMPARE(maintenance.value(QLatin1String("gate")).toString(), QStringLiteral("old-maintenance"));
        QCOMPARE(maintenance.value(QLatin1String("action")).toString(), QStringLiteral("maintenance-on"));
        QCOMPARE(byId(steps, QStringLiteral("cutover:dns")).value(QLatin1String("gate")).toString(),
                 QStringLiteral("dns-new-server"));
        QCOMPARE(byId(steps, QStringLiteral("cutover:test-plan")).value(QLatin1String("gate")).toString(),
                 QStringLiteral("test-plan-passed"));

        const Run table = handover({QStringLiteral("--steps")});
        QCOMPARE(table.code, 0);
        QVERIFY(table.out.contains("before:announce"));
        QVERIFY(table.out.contains("old-maintenance"));
        // Reading creates nothing beside the plan: the first tick makes the journal.
        const Run status = handover({QStringLiteral("--status")});
        QCOMPARE(status.code, 0);
        QVERIFY(status.out.contains("not created yet"));
        QVERIFY(!QFile::exists(journalPath()));
    }

    void tickOfAGatelessStepIsDurableAndOnce()
    {
        const Run tick =
            handover({QStringLiteral("--tick"), QStringLiteral("before:announce"), QStringLiteral("--by"),
                      QStringLiteral("Ada Lovelace"), QStringLiteral("--note"), QStringLiteral("mail sent")});
        QCOMPARE(tick.code, 0);
        QVERIFY(QFile::exists(dir->filePath(QStringLiteral("night.handover-journal"))));

        const Run status = handover({QStringLiteral("--status"), QStringLiteral("--json")});
        QCOMPARE(status.code, 0);
        const QJsonObject json = status.json();
        QCOMPARE(json.value(QLatin1String("run")).toString(), QStringLiteral("live"));
        QCOMPARE(QDir::fromNativeSeparators(json.value(QLatin1String("journal")).toString()), journalPath());
        QVERIFY(QRegularExpression(QStringLiteral("^[0-9a-f]{64}$"))
                    .match(json.value(QLatin1String("sha256")).toString())
                    .hasMatch());
        const QJsonObject announce =
            byId(json.value(QLatin1String("steps")).toArray(), QStringLiteral("before:announce"));
        QCOMPARE(announce.value(QLatin1String("done")).toBool(), true);
        QCOMPARE(announce.value(QLatin1String("by")).toString(), QStringLiteral("Ada Lovelace"));
        QVERIFY(kIsoMs.match(announce.value(QLatin1String("at")).toString()).hasMatch());
        QVERIFY(announce.value(QLatin1String("notes"))
                    .toArray()
                    .first()
                    .toString()
                    .contains(QLatin1String("mail sent")));
        const QJsonArray ticks = json.value(QLatin1String("ticks")).toArray();
        QCOMPARE(ticks.size(), 1);
        const QJsonObject t = ticks.first().toObject();
        QCOMPARE(t.value(QLatin1String("stepId")).toString(), QStringLiteral("before:announce"));
        QCOMPARE(t.value(QLatin1String("by")).toString(), QStringLiteral("Ada Lovelace"));
        QCOMPARE(t.value(QLatin1String("note")).toString(), QStringLiteral("mail sent"));
        QVERIFY(kIsoMs.match(t.value(QLatin1String("at")).toString()).hasMatch());
        QVERIFY(!byId(json.value(QLatin1String("steps")).toArray(), QStringLiteral("before:change-freeze"))
                     .value(QLatin1String("done"))
                     .toBool());

        const Run steps = handover({QStringLiteral("--steps"), QStringLiteral("--json")});
        const QJsonArray list = steps.json().value(QLatin1String("steps")).toArray();
        QCOMPARE(byId(list, QStringLiteral("before:announce")).value(QLatin1String("status")).toString(),
                 QStringLiteral("done"));
        QCOMPARE(list.at(1).toObject().value(QLatin1String("status")).toString(), QStringLiteral("current"));

        const QByteArray journal = readAll(journalPath());
        const Run again = handover({QStringLiteral("--tick"), QStringLiteral("before:announce")});
        QCOMPARE(again.code, 3);
        QVERIFY(again.err.contains("ticked already"));
        const Run after = handover({QStringLiteral("--status"), QStringLiteral("--json")});
        QCOMPARE(after.json().value(QLatin1String("ticks")).toArray().size(), 1);
        QCOMPARE(after.json().value(QLatin1String("sha256")), json.value(QLatin1String("sha256")));
        QVERIFY(!journal.isEmpty());
    }

    void unknownStepIsAUsageError()
    {
        const Run run = handover({QStringLiteral("--tick"), QStringLiteral("before:no-such-step")});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("before:no-such-step"));
    }

    void usageErrors()
    {
        QCOMPARE(handover({}).code, 2);
        QCOMPARE(handover({QStringLiteral("--steps"), QStringLiteral("--status")}).code, 2);
        QCOMPARE(handover({QStringLiteral("--steps"), QStringLiteral("--by"), QStringLiteral("x")}).code, 2);
    }

    void failingServerGateRefusesTheTickUnlessOverridden()
    {
        const Run refused = handover({QStringLiteral("--tick"), QStringLiteral("cutover:maintenance-on")});
        QCOMPARE(refused.code, 3);
        QVERIFY2(refused.err.contains("old-maintenance"), refused.err.constData());
        QVERIFY(refused.err.contains("fails: "));
        Run status = handover({QStringLiteral("--status"), QStringLiteral("--json")});
        QVERIFY(!byId(status.json().value(QLatin1String("steps")).toArray(),
                      QStringLiteral("cutover:maintenance-on"))
                     .value(QLatin1String("done"))
                     .toBool());
        QCOMPARE(status.json().value(QLatin1String("ticks")).toArray().size(), 0);

        const Run overridden = handover({QStringLiteral("--tick"), QStringLiteral("cutover:maintenance-on"),
                                         QStringLiteral("--override"), QStringLiteral("reason")});
        QCOMPARE(overridden.code, 0);
        status = handover({QStringLiteral("--status"), QStringLiteral("--json")});
        const QJsonObject step = byId(status.json().value(QLatin1String("steps")).toArray(),
                                      QStringLiteral("cutover:maintenance-on"));
        QCOMPARE(step.value(QLatin1String("done")).toBool(), true);
        QCOMPARE(step.value(QLatin1String("override")).toString(), QStringLiteral("reason"));
        const QJsonArray ticks = status.json().value(QLatin1String("ticks")).toArray();
        QCOMPARE(ticks.size(), 1);
        QCOMPARE(ticks.first().toObject().value(QLatin1String("stepId")).toString(),
                 QStringLiteral("cutover:maintenance-on"));
        const QByteArray journal = readAll(journalPath());
        QVERIFY(!journal.isEmpty());
        for (ServerRole role : {ServerRole::Old, ServerRole::New})
            QVERIFY(!journal.contains(sim.endpoint(role).apiKey.toUtf8()));
    }

    void rehearsalTicksStayOutOfTheLiveRun()
    {
        QCOMPARE(handover({QStringLiteral("--status"), QStringLiteral("--rehearsal")}).code, 2); // none yet
        QCOMPARE(handover({QStringLiteral("--tick"), QStringLiteral("before:announce"),
                           QStringLiteral("--rehearsal")})
                     .code,
                 0);
        QCOMPARE(handover({QStringLiteral("--tick"), QStringLiteral("before:change-freeze"),
                           QStringLiteral("--rehearsal")})
                     .code,
                 0);
        const Run live = handover({QStringLiteral("--status"), QStringLiteral("--json")});
        QCOMPARE(live.json().value(QLatin1String("run")).toString(), QStringLiteral("live"));
        QCOMPARE(live.json().value(QLatin1String("ticks")).toArray().size(), 0);
        QVERIFY(!byId(live.json().value(QLatin1String("steps")).toArray(), QStringLiteral("before:announce"))
                     .value(QLatin1String("done"))
                     .toBool());
        const Run rehearsal =
            handover({QStringLiteral("--status"), QStringLiteral("--json"), QStringLiteral("--rehearsal")});
        QCOMPARE(rehearsal.code, 0);
        QVERIFY(
            rehearsal.json().value(QLatin1String("run")).toString().startsWith(QLatin1String("rehearsal-")));
        const QJsonArray ticks = rehearsal.json().value(QLatin1String("ticks")).toArray();
        QCOMPARE(ticks.size(), 2); // both in the same (newest) rehearsal
        QCOMPARE(ticks.at(0).toObject().value(QLatin1String("stepId")).toString(),
                 QStringLiteral("before:announce"));
        QCOMPARE(ticks.at(1).toObject().value(QLatin1String("stepId")).toString(),
                 QStringLiteral("before:change-freeze"));
        const Run steps =
            handover({QStringLiteral("--steps"), QStringLiteral("--json"), QStringLiteral("--rehearsal")});
        QCOMPARE(byId(steps.json().value(QLatin1String("steps")).toArray(), QStringLiteral("before:announce"))
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("done"));
    }

    void gatesJsonIsTheContract()
    {
        const Run run = handover({QStringLiteral("--gates"), QStringLiteral("--json")});
        QCOMPARE(run.code, 3); // old-maintenance fails
        const QJsonArray gates = run.json().value(QLatin1String("gates")).toArray();
        QVERIFY(gates.size() >= 4);
        const QStringList statuses{QStringLiteral("pass"), QStringLiteral("fail"), QStringLiteral("manual"),
                                   QStringLiteral("overridden")};
        for (const QJsonValue &v : gates) {
            const QJsonObject g = v.toObject();
            for (const char *key : {"id", "stepId", "title", "status", "evidence"})
                QVERIFY2(g.value(QLatin1String(key)).isString(), key);
            QVERIFY(statuses.contains(g.value(QLatin1String("status")).toString()));
            QVERIFY(!g.value(QLatin1String("title")).toString().isEmpty());
            QVERIFY(!g.value(QLatin1String("evidence")).toString().isEmpty());
            QVERIFY(kIsoMs.match(g.value(QLatin1String("checkedAt")).toString()).hasMatch());
        }
        const QJsonObject maintenance = byId(gates, QStringLiteral("old-maintenance"));
        QCOMPARE(maintenance.value(QLatin1String("status")).toString(), QStringLiteral("fail"));
        QCOMPARE(maintenance.value(QLatin1String("stepId")).toString(),
                 QStringLiteral("cutover:maintenance-on"));
        QCOMPARE(byId(gates, QStringLiteral("test-plan-passed")).value(QLatin1String("status")).toString(),
                 QStringLiteral("manual"));
        const QJsonObject dns = byId(gates, QStringLiteral("dns-new-server"));
        QCOMPARE(dns.value(QLatin1String("status")).toString(), QStringLiteral("pass"));
        QCOMPARE(dns.value(QLatin1String("stepId")).toString(), QStringLiteral("cutover:dns"));

        // Once overridden (by a tick), the gate reports so.
        QCOMPARE(handover({QStringLiteral("--tick"), QStringLiteral("cutover:maintenance-on"),
                           QStringLiteral("--override"), QStringLiteral("freeze agreed")})
                     .code,
                 0);
        const Run again = handover({QStringLiteral("--gates"), QStringLiteral("--json")});
        QCOMPARE(byId(again.json().value(QLatin1String("gates")).toArray(), QStringLiteral("old-maintenance"))
                     .value(QLatin1String("status"))
                     .toString(),
                 QStringLiteral("overridden"));
    }

    void twoProcessesTickingAtOnceBothCommit()
    {
        const std::unique_ptr<QProcess> first =
            startHandover({QStringLiteral("--tick"), QStringLiteral("before:announce")});
        const std::unique_ptr<QProcess> second =
            startHandover({QStringLiteral("--tick"), QStringLiteral("before:change-freeze")});
        QTRY_VERIFY_WITH_TIMEOUT(
            first->state() == QProcess::NotRunning && second->state() == QProcess::NotRunning, 120000);
        QCOMPARE(result(*first).code, 0);
        QCOMPARE(result(*second).code, 0);
        const Run status = handover({QStringLiteral("--status"), QStringLiteral("--json")});
        QStringList ticked;
        for (const QJsonValue &v : status.json().value(QLatin1String("ticks")).toArray())
            ticked << v.toObject().value(QLatin1String("stepId")).toString();
        ticked.sort();
        QCOMPARE(ticked,
                 (QStringList{QStringLiteral("before:announce"), QStringLiteral("before:change-freeze")}));
    }

    void aForeignJournalFileIsRefusedAndKept()
    {
        const QByteArray foreign = "not a journal, somebody's notes\n";
        {
            QFile file(journalPath());
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(foreign);
        }
        const Run status = handover({QStringLiteral("--status"), QStringLiteral("--json")});
        QCOMPARE(status.code, 2);
        QVERIFY(!status.err.isEmpty());
        const Run tick = handover({QStringLiteral("--tick"), QStringLiteral("before:announce")});
        QCOMPARE(tick.code, 2);
        QCOMPARE(readAll(journalPath()), foreign);
    }

    void aCorruptPlanIsRefused()
    {
        {
            QFile file(planPath);
            QVERIFY(file.open(QIODevice::WriteOnly | QIODevice::Truncate));
            file.write("{\"kind\": \"handover.plan\", ");
        }
        const Run run = handover({QStringLiteral("--steps"), QStringLiteral("--json")});
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("night.handover"));
        QVERIFY(!QFile::exists(journalPath()));
        planPath = dir->filePath(QStringLiteral("missing.handover"));
        const Run missing = handover({QStringLiteral("--status")});
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("missing.handover"));
    }

    void noKeyInAnyOutput()
    {
        QVERIFY(runs.size() > 20);
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            const QByteArray key = sim.endpoint(role).apiKey.toUtf8();
            QVERIFY(!key.isEmpty());
            for (const Run &run : std::as_const(runs)) {
                QVERIFY(!run.out.contains(key));
                QVERIFY(!run.err.contains(key));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestCutoverCli)
#include "tst_cutovercli.moc"
