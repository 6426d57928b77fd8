// `bin/handover runbook` as a user runs it (QProcess) against an in-process octosim pair, keys through the
// environment, on a plan written by `bin/handover plan` for the pair: the Markdown names every section, the
// new host and both servers' versions, and creates no journal; ticks made with `handover cutover --tick`
// appear in its checklist and journal; HTML is one HTML file; a missing or corrupt plan, a bad --format or
// --paper are usage errors (2); a server that cannot be reached still gives the runbook, with a note (3);
// without keys the runbook comes from the plan (0); a file that cannot be written is exit 4 with a message
// naming it; no key in any output or file.
#include "cutoverjournal.h"
#include "octosimfixture.h"
#include "planfilestore.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QRegularExpression>
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

// The Markdown section under "## title", up to the next section.
QByteArray sectionOf(const QByteArray &markdown, const QByteArray &title)
{
    const qsizetype start = markdown.indexOf("\n## " + title + "\n");
    if (start < 0)
        return {};
    const qsizetype end = markdown.indexOf("\n## ", start + 4);
    return markdown.mid(start, end < 0 ? -1 : end - start);
}

const QList<QByteArray> kSectionTitles{
    "Decisions", "Servers", "Polling Tentacles", "CI integrations", "Script audit", "Test plan",
    "Drift",     "Runbook", "Checklist",         "Journal",         "Rollback",     "Sign-off"};

} // namespace

class TestRunbookCli : public QObject
{
    Q_OBJECT
private:
    OctoSimFixture sim;
    QTemporaryDir dir;
    QString planPath;
    QList<Run> runs;     // every run's output, searched for the keys at the end
    QStringList written; // every file written, searched too

    Run handover(const QStringList &arguments, bool withKeys = true)
    {
        QProcess process;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.remove(QStringLiteral("HANDOVER_OLD_API_KEY"));
        env.remove(QStringLiteral("HANDOVER_NEW_API_KEY"));
        if (withKeys) {
            env.insert(QStringLiteral("HANDOVER_OLD_API_KEY"), sim.endpoint(ServerRole::Old).apiKey);
            env.insert(QStringLiteral("HANDOVER_NEW_API_KEY"), sim.endpoint(ServerRole::New).apiKey);
        }
        env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("disabled:"));
        process.setProcessEnvironment(env);
        QSignalSpy finished(&process, &QProcess::finished);
        process.start(QStringLiteral(HANDOVER_BIN_DIR "/handover"), arguments);
        // octosim answers from this thread's event loop: wait with the loop running.
        if (!finished.wait(180000))
            process.kill();
        Run run;
        run.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = process.readAllStandardOutput();
        run.err = process.readAllStandardError();
        runs << run;
        return run;
    }

    Run runbook(const QString &plan, const QString &format, const QString &out, const QStringList &more = {},
                bool withKeys = true)
    {
        written << out;
        return handover(QStringList{QStringLiteral("runbook"), QStringLiteral("--plan"), plan,
                                    QStringLiteral("--format"), format, QStringLiteral("--out"), out} +
                            more,
                        withKeys);
    }

    QString file(const QString &name) const { return dir.filePath(name); }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(dir.isValid());
        QVERIFY2(sim.start(), qPrintable(sim.error));
        planPath = file(QStringLiteral("night.handover"));
        const Run plan =
            handover({QStringLiteral("plan"), QStringLiteral("--old"),
                      sim.endpoint(ServerRole::Old).url.toString(), QStringLiteral("--new"),
                      sim.endpoint(ServerRole::New).url.toString(), QStringLiteral("--new-host"),
                      QStringLiteral("octopus-new.example.com"), QStringLiteral("--out"), planPath});
        QVERIFY2(plan.code == 0 || plan.code == 3, plan.err.constData());
        QVERIFY(PlanFileStore::load(planPath).ok());
        written << planPath;
    }

    void markdownAgainstBothServers()
    {
        const QString out = file(QStringLiteral("runbook.md"));
        const Run run = runbook(planPath, QStringLiteral("md"), out);
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.out.contains("runbook.md"));
        const QByteArray md = readAll(out);
        QVERIFY(md.startsWith("# "));
        qsizetype at = 0;
        for (const QByteArray &title : kSectionTitles) { // every section, in order
            const qsizetype next = md.indexOf("\n## " + title + "\n", at);
            QVERIFY2(next > at, title.constData());
            at = next;
        }
        QVERIFY(sectionOf(md, "Decisions").contains("octopus-new.example.com"));
        QVERIFY(sectionOf(md, "Decisions").contains("new-name"));
        // Both servers read at export time: their versions, no note that one could not be read.
        const QByteArray servers = sectionOf(md, "Servers");
        QVERIFY(servers.contains("old.reachable"));
        QVERIFY(servers.contains("new.reachable"));
        QVERIFY(!servers.contains("could not be reached"));
        // The Tentacles from the old server's inventory, with commands that dial the new host.
        QVERIFY(sectionOf(md, "Polling Tentacles").contains("octopus-new.example.com:10943"));
        QVERIFY(sectionOf(md, "CI integrations").contains("|"));
        QVERIFY(sectionOf(md, "Runbook").contains("POINT OF NO RETURN"));
        // The journal is read, never created.
        QVERIFY(!QFile::exists(CutoverJournal::pathForPlan(planPath)));
        QVERIFY(sectionOf(md, "Journal").contains("no cutover journal"));
        QVERIFY(md.contains("night.handover"));
    }

    void ticksAppearInTheChecklistAndTheJournal()
    {
        const Run tick = handover({QStringLiteral("cutover"), QStringLiteral("--plan"), planPath,
                                   QStringLiteral("--tick"), QStringLiteral("before:announce"),
                                   QStringLiteral("--by"), QStringLiteral("Ada Lovelace"),
                                   QStringLiteral("--note"), QStringLiteral("mail sent to all teams")});
        QVERIFY2(tick.code == 0, tick.err.constData());
        const Run override = handover(
            {QStringLiteral("cutover"), QStringLiteral("--plan"), planPath, QStringLiteral("--tick"),
             QStringLiteral("cutover:maintenance-on"), QStringLiteral("--by"), QStringLiteral("Grace Hopper"),
             QStringLiteral("--override"), QStringLiteral("freeze agreed by the board")});
        QVERIFY2(override.code == 0, override.err.constData());

        const QString out = file(QStringLiteral("ticked.md"));
        const Run run = runbook(planPath, QStringLiteral("md"), out,
                                {QStringLiteral("--paper"), QStringLiteral("letter")});
        QVERIFY2(run.code == 0, run.err.constData());
        const QByteArray md = readAll(out);
        const QByteArray checklist = sectionOf(md, "Checklist");
        QVERIFY(checklist.contains("| ☑ "));
        QVERIFY(checklist.contains("Ada Lovelace"));
        QVERIFY(checklist.contains("Grace Hopper"));
        QVERIFY(checklist.contains("freeze agreed by the board"));
        QVERIFY(checklist.contains("2 of "));
        const QByteArray journal = sectionOf(md, "Journal");
        QVERIFY(journal.contains("mail sent to all teams"));
        QVERIFY(journal.contains("OVERRIDE"));
        QVERIFY(journal.contains("freeze agreed by the board"));
        QVERIFY(journal.contains("before:announce"));
        // The journal's digest at the foot.
        QVERIFY(QRegularExpression(QStringLiteral("journal SHA-256 [0-9a-f]{64}"))
                    .match(QString::fromUtf8(md))
                    .hasMatch());
        QVERIFY(sectionOf(md, "Rollback").contains("to undo"));
    }

    void htmlIsOneHtmlFile()
    {
        const QString out = file(QStringLiteral("runbook.html"));
        const Run run = runbook(planPath, QStringLiteral("html"), out);
        QVERIFY2(run.code == 0, run.err.constData());
        const QByteArray html = readAll(out);
        QVERIFY(html.startsWith("<!DOCTYPE html"));
        QVERIFY(html.contains("octopus-new.example.com"));
        QVERIFY(html.trimmed().endsWith("</html>"));
    }

    // The PDF from the command line (the verb lays out text on the offscreen platform, no display): read
    // back with pdftotext and pdfinfo.
    void pdfOnLetterReadBack()
    {
        for (const char *tool : {"pdftotext", "pdfinfo"}) {
            if (QStandardPaths::findExecutable(QLatin1String(tool)).isEmpty())
                QFAIL("poppler-utils is missing (dev.sh installs it)");
        }
        const QString out = file(QStringLiteral("runbook.pdf"));
        // As on a server without a display: no platform chosen, no X or Wayland display.
        const QByteArray platform = qgetenv("QT_QPA_PLATFORM");
        const QByteArray display = qgetenv("DISPLAY");
        const QByteArray wayland = qgetenv("WAYLAND_DISPLAY");
        qunsetenv("QT_QPA_PLATFORM");
        qunsetenv("DISPLAY");
        qunsetenv("WAYLAND_DISPLAY");
        const Run run = runbook(planPath, QStringLiteral("pdf"), out,
                                {QStringLiteral("--paper"), QStringLiteral("letter")});
        for (const auto &[name, value] : {std::pair{"QT_QPA_PLATFORM", platform}, std::pair{"DISPLAY", display},
                                          std::pair{"WAYLAND_DISPLAY", wayland}}) {
            if (!value.isEmpty())
                qputenv(name, value);
        }
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(readAll(out).startsWith("%PDF-"));
        QProcess text;
        text.start(QStringLiteral("pdftotext"), {QStringLiteral("-layout"), out, QStringLiteral("-")});
        QVERIFY(text.waitForFinished(60000));
        const QByteArray pdf = text.readAllStandardOutput();
        qsizetype at = 0;
        for (const QByteArray &title : kSectionTitles) { // every section, in order
            const qsizetype next = pdf.indexOf(title, at);
            QVERIFY2(next >= at, title.constData());
            at = next;
        }
        QVERIFY(pdf.contains("octopus-new.example.com"));
        QVERIFY(pdf.contains("night.handover"));
        QProcess info;
        info.start(QStringLiteral("pdfinfo"), {out});
        QVERIFY(info.waitForFinished(60000));
        const QByteArray pages = info.readAllStandardOutput();
        QVERIFY2(pages.contains("612 x 792 pts"), pages.constData()); // Letter
    }

    void withoutKeysTheRunbookComesFromThePlan()
    {
        const QString out = file(QStringLiteral("offline.md"));
        const Run run = runbook(planPath, QStringLiteral("md"), out, {}, false);
        QVERIFY2(run.code == 0, run.err.constData());
        QVERIFY(run.err.contains("no API key"));
        const QByteArray md = readAll(out);
        QVERIFY(sectionOf(md, "Servers").contains("not read at export time"));
        QVERIFY(sectionOf(md, "Polling Tentacles").contains("were not read"));
        QVERIFY(sectionOf(md, "Checklist").contains("Ada Lovelace")); // the journal needs no server
    }

    void anUnreachableServerIsNotedAndExitsThree()
    {
        PlanLoadResult loaded = PlanFileStore::load(planPath);
        QVERIFY(loaded.ok());
        loaded.plan.newServer.url = QUrl(QStringLiteral("http://127.0.0.1:1"));
        const QString unreachable = file(QStringLiteral("unreachable.handover"));
        QVERIFY(!PlanFileStore::save(loaded.plan, unreachable).isError());
        const QString out = file(QStringLiteral("unreachable.md"));
        const Run run = runbook(unreachable, QStringLiteral("md"), out,
                                {QStringLiteral("--timeout"), QStringLiteral("3")});
        QCOMPARE(run.code, 3);
        QVERIFY2(run.err.contains("127.0.0.1:1"), run.err.constData());
        const QByteArray md = readAll(out);
        QVERIFY(sectionOf(md, "Servers").contains("could not be reached at export time"));
        QVERIFY(!QFile::exists(CutoverJournal::pathForPlan(unreachable)));
    }

    void aMissingOrCorruptPlanIsAUsageError()
    {
        const QString out = file(QStringLiteral("never.md"));
        const Run missing = runbook(file(QStringLiteral("missing.handover")), QStringLiteral("md"), out);
        QCOMPARE(missing.code, 2);
        QVERIFY(missing.err.contains("missing.handover"));
        const QString corrupt = file(QStringLiteral("corrupt.handover"));
        {
            QFile f(corrupt);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write("{\"kind\": \"handover.plan\", ");
        }
        const Run bad = runbook(corrupt, QStringLiteral("md"), out);
        QCOMPARE(bad.code, 2);
        QVERIFY(bad.err.contains("corrupt.handover"));
        QVERIFY(!QFile::exists(out));
        QVERIFY(!QFile::exists(CutoverJournal::pathForPlan(corrupt)));
    }

    void usageErrors_data()
    {
        QTest::addColumn<QStringList>("arguments");
        const QString out = dir.filePath(QStringLiteral("usage.md"));
        QTest::newRow("bad format") << QStringList{QStringLiteral("--format"), QStringLiteral("docx"),
                                                   QStringLiteral("--out"), out};
        QTest::newRow("no format") << QStringList{QStringLiteral("--out"), out};
        QTest::newRow("bad paper") << QStringList{QStringLiteral("--format"), QStringLiteral("md"),
                                                  QStringLiteral("--out"),    out,
                                                  QStringLiteral("--paper"),  QStringLiteral("a3")};
        QTest::newRow("no out") << QStringList{QStringLiteral("--format"), QStringLiteral("md")};
        QTest::newRow("stray argument") << QStringList{QStringLiteral("--format"), QStringLiteral("md"),
                                                       QStringLiteral("--out"), out, QStringLiteral("extra")};
    }
    void usageErrors()
    {
        QFETCH(QStringList, arguments);
        const Run run =
            handover(QStringList{QStringLiteral("runbook"), QStringLiteral("--plan"), planPath} + arguments);
        QCOMPARE(run.code, 2);
        QVERIFY(run.err.contains("Usage: handover runbook"));
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("usage.md"))));
    }

    void aFileThatCannotBeWrittenIsExitFour()
    {
        const QString out = file(QStringLiteral("no/such/folder/runbook.md"));
        const Run run = runbook(planPath, QStringLiteral("md"), out, {}, false);
        QCOMPARE(run.code, 4);
        QVERIFY2(run.err.contains("cannot write"), run.err.constData());
        QVERIFY(run.err.contains(QDir::toNativeSeparators(out).toUtf8()));
        QVERIFY(!QFile::exists(out));
    }

    void noKeyInAnyOutput()
    {
        QVERIFY(runs.size() > 10);
        for (ServerRole role : {ServerRole::Old, ServerRole::New}) {
            const QByteArray key = sim.endpoint(role).apiKey.toUtf8();
            QVERIFY(!key.isEmpty());
            for (const Run &run : std::as_const(runs)) {
                QVERIFY(!run.out.contains(key));
                QVERIFY(!run.err.contains(key));
            }
            for (const QString &path : std::as_const(written))
                QVERIFY2(!readAll(path).contains(key), qPrintable(path));
            QVERIFY(!readAll(CutoverJournal::pathForPlan(planPath)).contains(key));
        }
    }
};

QTEST_MAIN(TestRunbookCli)
#include "tst_runbookcli.moc"
