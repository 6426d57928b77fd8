#include "clidispatcher.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

// The command line's front door: what `handover ARGS` starts before any window could open.
class TestCliFrontDoor : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void startModeFollowsTheFirstArgument_data();
    void startModeFollowsTheFirstArgument();
    void unknownFirstArgumentIsRefusedWithoutADisplay();
    void helpListsEveryVerbWithoutADisplay();
    void versionWorksWithoutADisplay();

private:
    struct Run
    {
        int exitCode = -1;
        QProcess::ExitStatus status = QProcess::CrashExit;
        QString out;
        QString err;
    };
    // bin/handover with no display at all: no QT_QPA_PLATFORM, DISPLAY or WAYLAND_DISPLAY.
    Run runHandover(const QStringList &arguments);

    QTemporaryDir m_dir;
    QString m_planPath;
};

void TestCliFrontDoor::initTestCase()
{
    QVERIFY(m_dir.isValid());
    m_planPath = m_dir.filePath(QStringLiteral("plan.handover"));
    QFile plan(m_planPath);
    QVERIFY(plan.open(QIODevice::WriteOnly));
    plan.write("{}\n");
}

void TestCliFrontDoor::startModeFollowsTheFirstArgument_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<int>("mode");
    QTest::newRow("nothing") << QStringList{} << int(StartMode::Gui);
    QTest::newRow("verb") << QStringList{QStringLiteral("check")} << int(StartMode::Verb);
    QTest::newRow("verb with --help")
        << QStringList{QStringLiteral("audit"), QStringLiteral("--help")} << int(StartMode::Verb);
    QTest::newRow("help verb") << QStringList{QStringLiteral("help")} << int(StartMode::Verb);
    QTest::newRow("runbook verb") << QStringList{QStringLiteral("runbook"), QStringLiteral("--plan")}
                                  << int(StartMode::GuiVerb);
    QTest::newRow("--help") << QStringList{QStringLiteral("--help")} << int(StartMode::Help);
    QTest::newRow("-h") << QStringList{QStringLiteral("-h")} << int(StartMode::Help);
    QTest::newRow("--version") << QStringList{QStringLiteral("--version")} << int(StartMode::Version);
    QTest::newRow("--demo") << QStringList{QStringLiteral("--demo")} << int(StartMode::Gui);
    QTest::newRow("--screenshot --page")
        << QStringList{QStringLiteral("--screenshot"), QStringLiteral("shot.png"), QStringLiteral("--page"),
                       QStringLiteral("cutover")}
        << int(StartMode::Gui);
    QTest::newRow("existing plan file") << QStringList{m_planPath} << int(StartMode::Gui);
    QTest::newRow("existing plan file, then --demo")
        << QStringList{m_planPath, QStringLiteral("--demo")} << int(StartMode::Gui);
    QTest::newRow("unknown word") << QStringList{QStringLiteral("frobnicate")} << int(StartMode::Unknown);
    QTest::newRow("unknown word, then --help")
        << QStringList{QStringLiteral("frobnicate"), QStringLiteral("--help")} << int(StartMode::Unknown);
    QTest::newRow("missing plan file")
        << QStringList{m_dir.filePath(QStringLiteral("missing.handover"))} << int(StartMode::Unknown);
    QTest::newRow("a folder") << QStringList{m_dir.path()} << int(StartMode::Unknown);
}

void TestCliFrontDoor::startModeFollowsTheFirstArgument()
{
    QFETCH(QStringList, arguments);
    QFETCH(int, mode);
    QCOMPARE(int(startModeFor(arguments)), mode);
}

TestCliFrontDoor::Run TestCliFrontDoor::runHandover(const QStringList &arguments)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    for (const char *name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
        environment.remove(QString::fromLatin1(name));
    environment.insert(QStringLiteral("LC_ALL"), QStringLiteral("C.UTF-8"));
    QProcess process;
    process.setProcessEnvironment(environment);
    process.start(QDir(QStringLiteral(HANDOVER_BIN_DIR)).filePath(QStringLiteral("handover")), arguments);
    Run run;
    if (!process.waitForFinished(30000)) {
        process.kill();
        process.waitForFinished();
    }
    run.exitCode = process.exitCode();
    run.status = process.exitStatus();
    run.out = QString::fromUtf8(process.readAllStandardOutput());
    run.err = QString::fromUtf8(process.readAllStandardError());
    return run;
}

void TestCliFrontDoor::unknownFirstArgumentIsRefusedWithoutADisplay()
{
    const Run run = runHandover({QStringLiteral("frobnicate")});
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains(QLatin1String("handover help")), qPrintable(run.err));
    QVERIFY2(run.err.contains(QLatin1String("frobnicate")), qPrintable(run.err));
    QVERIFY2(!run.err.contains(QLatin1String("platform plugin")), qPrintable(run.err));
}

void TestCliFrontDoor::helpListsEveryVerbWithoutADisplay()
{
    const Run run = runHandover({QStringLiteral("--help")});
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    const QStringList lines = run.out.split(QLatin1Char('\n'));
    for (const char *verb : {"check", "inventory", "tentacles", "audit", "help"}) {
        const QString start = QStringLiteral("  %1 ").arg(QLatin1String(verb));
        QStringList found;
        for (const QString &line : lines) {
            if (line.startsWith(start))
                found.append(line);
        }
        QVERIFY2(found.size() == 1, qPrintable(QStringLiteral("%1:\n%2").arg(QLatin1String(verb), run.out)));
        QVERIFY2(found.constFirst().mid(start.size()).trimmed().size() > 0, qPrintable(found.constFirst()));
    }
    // The GUI's options are still described.
    QVERIFY2(run.out.contains(QLatin1String("--page")), qPrintable(run.out));
    QVERIFY2(run.out.contains(QLatin1String("--demo")), qPrintable(run.out));
}

void TestCliFrontDoor::versionWorksWithoutADisplay()
{
    const Run run = runHandover({QStringLiteral("--version")});
    QCOMPARE(run.status, QProcess::NormalExit);
    QCOMPARE(run.exitCode, 0);
    QVERIFY2(run.out.startsWith(QLatin1String("handover ")), qPrintable(run.out));
}

QTEST_GUILESS_MAIN(TestCliFrontDoor)
#include "tst_clifrontdoor.moc"
