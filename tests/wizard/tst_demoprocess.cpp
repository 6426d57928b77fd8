// `handover --demo` runs the octosim program beside it as a child process: the real executable end to end
// (child started, demo mode entered on loopback, no child left after exit), octosim missing, and
// DemoEnvironment's other failures (early exit, no ready line in time, unreadable ready line, not startable).
#include "demoenvironment.h"

#include <QFile>
#include <QImage>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUrl>

#include <algorithm>
#include <cerrno>
#include <csignal>

namespace {

const QString kBinDir = QStringLiteral(HANDOVER_BIN_DIR);

// Whether a process with this id exists (a zombie counts: it was not reaped).
bool processExists(qint64 pid)
{
    return ::kill(pid_t(pid), 0) == 0 || errno != ESRCH;
}

// Whether column x = 5 of the top of the screenshot has the banner's background colour.
bool bannerColourShown(const QString &png, QRgb colour)
{
    const QImage image(png);
    for (int y = 0; y < std::min(image.height(), 120); ++y) {
        if ((image.pixel(5, y) & 0xffffff) == (colour & 0xffffff))
            return true;
    }
    return false;
}

QString writeScript(const QTemporaryDir &dir, const QString &name, const QByteArray &body)
{
    const QString path = dir.filePath(name);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return {};
    file.write("#!/bin/sh\n" + body);
    file.close();
    file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
    return path;
}

} // namespace

class TestDemoProcess : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init()
    {
        m_dir = std::make_unique<QTemporaryDir>();
        QVERIFY(m_dir->isValid());
    }

    void handoverDemoRunsOctosimAsAChildAndEndsIt()
    {
        const QString png = m_dir->filePath(QStringLiteral("domain.png"));
        QProcess handover;
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_LOGGING_RULES"),
                           QStringLiteral("qt.qpa.*=false\nhandover.wizard.info=true"));
        handover.setProcessEnvironment(environment);
        handover.start(kBinDir + QStringLiteral("/handover"),
                       {QStringLiteral("--demo"), QStringLiteral("--screenshot"), png,
                        QStringLiteral("--page"), QStringLiteral("domain")});
        QVERIFY(handover.waitForFinished(60000));
        const QString err = QString::fromUtf8(handover.readAllStandardError());
        QVERIFY2(handover.exitStatus() == QProcess::NormalExit && handover.exitCode() == 0, qPrintable(err));
        QVERIFY(QString::fromUtf8(handover.readAllStandardOutput()).startsWith(QStringLiteral("Saved ")));

        // The child's pid and both URLs, as logged when octosim's ready line arrived.
        static const QRegularExpression readyPattern(
            QStringLiteral("demo servers ready: octosim pid (\\d+), old \"([^\"]+)\", new \"([^\"]+)\""));
        const QRegularExpressionMatch match = readyPattern.match(err);
        QVERIFY2(match.hasMatch(), qPrintable(err));
        const qint64 pid = match.captured(1).toLongLong();
        QVERIFY(pid > 0);
        QVERIFY(pid != handover.processId());
        for (int i : {2, 3}) {
            const QUrl url(match.captured(i));
            QCOMPARE(url.scheme(), QStringLiteral("http"));
            QCOMPARE(url.host(), QStringLiteral("127.0.0.1"));
            QVERIFY(url.port() > 0);
        }
        // Demo mode was entered before the screenshot was taken, and it shows the demo banner.
        QVERIFY2(err.contains(QStringLiteral("demo mode entered")), qPrintable(err));
        QVERIFY(bannerColourShown(png, qRgb(0xff, 0xf8, 0xc5)));
        // handover ended its child before it exited (and reaped it: not even a zombie is left).
        QVERIFY2(!processExists(pid), qPrintable(QStringLiteral("octosim pid %1 still there").arg(pid)));
    }

    void handoverWithoutOctosimSaysWhereItLookedAndDoesNotHang()
    {
        // handover alone in a directory: no octosim beside it.
        const QString lonely = m_dir->filePath(QStringLiteral("handover"));
        QVERIFY(QFile::copy(kBinDir + QStringLiteral("/handover"), lonely));
        const QString png = m_dir->filePath(QStringLiteral("failed.png"));
        QProcess handover;
        handover.start(lonely, {QStringLiteral("--demo"), QStringLiteral("--screenshot"), png});
        QVERIFY(handover.waitForFinished(60000));
        const QString err = QString::fromUtf8(handover.readAllStandardError());
        QCOMPARE(handover.exitCode(), 0); // the window works without the demo; the screenshot is taken
        QVERIFY2(err.contains(
                     QStringLiteral("demo servers did not start: the simulator program was not found at ") +
                     m_dir->filePath(QStringLiteral("octosim"))),
                 qPrintable(err));
        QVERIFY(bannerColourShown(png, qRgb(0xff, 0xeb, 0xe9))); // the failure banner
    }

    void octosimEndsWhenStopped()
    {
        DemoEnvironment demo;
        QCOMPARE(demo.program(), DemoEnvironment::defaultProgram());
        demo.setProgram(kBinDir + QStringLiteral("/octosim"));
        QSignalSpy ready(&demo, &DemoEnvironment::ready);
        QSignalSpy failed(&demo, &DemoEnvironment::failed);
        demo.start();
        QTRY_COMPARE_WITH_TIMEOUT(ready.count() + failed.count(), 1, 20000);
        QVERIFY2(failed.isEmpty(), qPrintable(failed.value(0).value(0).toString()));
        QVERIFY(demo.isRunning());
        const DemoServers servers = demo.servers();
        QCOMPARE(servers.oldUrl.host(), QStringLiteral("127.0.0.1"));
        QCOMPARE(servers.newUrl.host(), QStringLiteral("127.0.0.1"));
        QVERIFY(servers.oldUrl.port() != servers.newUrl.port());
        QVERIFY(!servers.oldApiKey.isEmpty());
        QVERIFY(!servers.newApiKey.isEmpty());
        const qint64 pid = demo.processId();
        QVERIFY(pid > 0);
        QVERIFY(processExists(pid));

        QSignalSpy stopped(&demo, &DemoEnvironment::stopped);
        demo.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 10000);
        QCOMPARE(demo.processId(), 0);
        QVERIFY(!processExists(pid));
    }

    void octosimEndsWhenItsStdinCloses()
    {
        // What happens when handover dies: the pipe on octosim's stdin closes.
        QProcess octosim;
        octosim.start(kBinDir + QStringLiteral("/octosim"), {QStringLiteral("--exit-with-stdin")});
        QVERIFY(octosim.waitForStarted());
        QTRY_VERIFY_WITH_TIMEOUT(octosim.canReadLine(), 20000);
        QVERIFY(octosim.readLine().startsWith("{\"old\":{\"url\":\"http://127.0.0.1:"));
        octosim.closeWriteChannel();
        QVERIFY(octosim.waitForFinished(10000));
        QCOMPARE(octosim.exitStatus(), QProcess::NormalExit);
        QCOMPARE(octosim.exitCode(), 0);
    }

    void failuresAreReportedClearly_data()
    {
        QTest::addColumn<QByteArray>("script"); // empty: the program does not exist
        QTest::addColumn<int>("readyTimeoutMs");
        QTest::addColumn<QStringList>("reasonContains");
        QTest::newRow("missing") << QByteArray() << 15000
                                 << QStringList{QStringLiteral("the simulator program was not found at")};
        QTest::newRow("exits early")
            << QByteArray(
                   "echo 'octosim: warming up' >&2\necho 'octosim: cannot listen on 127.0.0.1' >&2\nexit 3\n")
            << 15000
            << QStringList{QStringLiteral("exited before it was ready (exit code 3)"),
                           QStringLiteral("octosim: cannot listen on 127.0.0.1")};
        QTest::newRow("never ready") << QByteArray("exec cat >/dev/null\n") << 300
                                     << QStringList{QStringLiteral("was not ready within 1 second")};
        QTest::newRow("unreadable ready line")
            << QByteArray("echo 'listening'\nexec cat >/dev/null\n") << 15000
            << QStringList{QStringLiteral("printed a ready line Handover could not read")};
        QTest::newRow("not startable") << QByteArray("#!/nonexistent/interpreter\n") << 15000
                                       << QStringList{QStringLiteral("could not start the simulator")};
    }

    void failuresAreReportedClearly()
    {
        QFETCH(QByteArray, script);
        QFETCH(int, readyTimeoutMs);
        QFETCH(QStringList, reasonContains);
        DemoEnvironment demo;
        if (script.isEmpty()) {
            demo.setProgram(m_dir->filePath(QStringLiteral("octosim")));
        } else if (script.startsWith("#!")) {
            // A script whose interpreter does not exist: exec fails.
            const QString path = m_dir->filePath(QStringLiteral("octosim"));
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(script);
            file.close();
            file.setPermissions(file.permissions() | QFileDevice::ExeOwner);
            demo.setProgram(path);
        } else {
            demo.setProgram(writeScript(*m_dir, QStringLiteral("octosim"), script));
        }
        demo.setReadyTimeout(readyTimeoutMs);
        QSignalSpy ready(&demo, &DemoEnvironment::ready);
        QSignalSpy failed(&demo, &DemoEnvironment::failed);
        demo.start();
        QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, 20000);
        QCOMPARE(ready.count(), 0);
        const QString reason = failed.at(0).at(0).toString();
        QVERIFY2(reason.contains(demo.program()), qPrintable(reason)); // names the path looked at / started
        for (const QString &part : reasonContains)
            QVERIFY2(reason.contains(part), qPrintable(reason));
        QVERIFY(!reason.contains(QLatin1Char('\n')));

        // Nothing is left running afterwards.
        QSignalSpy stopped(&demo, &DemoEnvironment::stopped);
        demo.stop();
        QTRY_COMPARE_WITH_TIMEOUT(stopped.count(), 1, 10000);
        QCOMPARE(demo.processId(), 0);
        QCOMPARE(failed.count(), 1); // exactly once
    }

private:
    std::unique_ptr<QTemporaryDir> m_dir;
};

QTEST_MAIN(TestDemoProcess)
#include "tst_demoprocess.moc"
