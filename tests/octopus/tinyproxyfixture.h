#pragma once

// A real HTTP proxy for tests: Debian's tinyproxy, started on a free loopback port with a configuration of
// its own (no system files read), logging every request it handles to a file the test reads back.

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

struct TinyProxyFixture
{
    QTemporaryDir dir;
    QProcess process;
    quint16 port = 0;
    QString error;

    ~TinyProxyFixture()
    {
        if (process.state() != QProcess::NotRunning) {
            process.terminate();
            if (!process.waitForFinished(3000))
                process.kill();
            process.waitForFinished(3000);
        }
    }

    static QString executable()
    {
        QString path = QStandardPaths::findExecutable(QStringLiteral("tinyproxy"));
        if (path.isEmpty())
            path = QStandardPaths::findExecutable(QStringLiteral("tinyproxy"), {QStringLiteral("/usr/bin"),
                                                                               QStringLiteral("/usr/sbin")});
        return path;
    }

    QString logPath() const { return dir.filePath(QStringLiteral("tinyproxy.log")); }

    QByteArray log() const
    {
        QFile file(logPath());
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }

    // Starts the proxy; false with `error` set when it cannot (tinyproxy missing, no port).
    bool start()
    {
        const QString program = executable();
        if (program.isEmpty()) {
            error = QStringLiteral("tinyproxy is not installed (dev.sh installs Debian's tinyproxy)");
            return false;
        }
        {
            QTcpServer probe; // a free port: bound, read and released (the proxy binds it right after)
            if (!probe.listen(QHostAddress::LocalHost, 0)) {
                error = probe.errorString();
                return false;
            }
            port = probe.serverPort();
        }
        QFile config(dir.filePath(QStringLiteral("tinyproxy.conf")));
        if (!config.open(QIODevice::WriteOnly)) {
            error = config.errorString();
            return false;
        }
        // No ConnectPort line: CONNECT is allowed to every port (the simulator's are random).
        config.write("Port " + QByteArray::number(port) + "\nListen 127.0.0.1\nTimeout 30\nLogFile \"" +
                     QFile::encodeName(logPath()) + "\"\nLogLevel Info\nMaxClients 50\nAllow 127.0.0.1\n");
        config.close();
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(program, {QStringLiteral("-d"), QStringLiteral("-c"), config.fileName()});
        if (!process.waitForStarted(5000)) {
            error = process.errorString();
            return false;
        }
        // Ready when it accepts a connection (its own output is block-buffered into a pipe).
        QElapsedTimer clock;
        clock.start();
        while (clock.elapsed() < 10000) {
            if (process.state() == QProcess::NotRunning) {
                error = QStringLiteral("tinyproxy exited: ") + QString::fromUtf8(process.readAll());
                return false;
            }
            QTcpSocket socket;
            socket.connectToHost(QHostAddress::LocalHost, port);
            if (socket.waitForConnected(500))
                return true;
            process.waitForFinished(100); // returns at once if it exits, else waits a little
        }
        error = QStringLiteral("tinyproxy did not accept connections: ") + QString::fromUtf8(process.readAll());
        return false;
    }

    QString url() const { return QStringLiteral("http://127.0.0.1:%1").arg(port); }
};
