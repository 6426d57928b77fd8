#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class QProcess;
class QTimer;

// The two endpoints of a demo session: URLs and in-memory API keys.
struct DemoServers
{
    QUrl oldUrl;
    QString oldApiKey;
    QUrl newUrl;
    QString newApiKey;
    // The name the old server's Tentacles, CI servers and scripts use: octosim's stored scripts call
    // https://octopus.acme.example (a simulator on loopback cannot know a public name of its own).
    QUrl oldPublicUrl = QUrl(QStringLiteral("https://octopus.acme.example"));
};

// `handover --demo`: both simulated Octopus Servers, served by the `octosim` program (seed 1, demo scale) as
// a child process on loopback, for as long as this object lives. Nothing blocks: start() returns at once and
// one of ready() or failed() follows, exactly once. The API keys travel only on the child's stdout pipe
// (octosim's ready line); the child also ends on its own when its stdin pipe closes (--exit-with-stdin), so
// it does not outlive a Handover that died.
class DemoEnvironment : public QObject
{
    Q_OBJECT
public:
    explicit DemoEnvironment(QObject *parent = nullptr);
    ~DemoEnvironment() override; // a child still running is killed

    // <directory of the running executable>/octosim (octosim.exe on Windows): both are built into
    // <build>/bin and installed into the same bin directory.
    static QString defaultProgram();

    void setProgram(const QString &program) { m_program = program; }
    QString program() const { return m_program; }
    void setReadyTimeout(int msecs) { m_readyTimeoutMs = msecs; }

    void start();
    // Terminates the child, kills it after `graceMsecs` if it is still there; stopped() once it is gone
    // (at once if there is none).
    void stop(int graceMsecs = 3000);

    bool isStarting() const { return m_state == State::Starting; }
    bool isRunning() const { return m_state == State::Running; }
    DemoServers servers() const { return m_servers; }
    qint64 processId() const; // 0 when no child runs

Q_SIGNALS:
    void ready(const DemoServers &servers);
    void failed(const QString &reason); // translated, one line
    void stopped();

private:
    enum class State
    {
        Idle,
        Starting,
        Running,
        Failed,
        Stopping
    };
    void onStdout();
    void onStderr();
    void onFinished(int exitCode);
    void onErrorOccurred();
    void fail(const QString &reason);

    QString m_program;
    int m_readyTimeoutMs = 15000;
    State m_state = State::Idle;
    QProcess *m_process = nullptr;
    QTimer *m_readyTimer = nullptr;
    QTimer *m_killTimer = nullptr;
    QByteArray m_stdout;
    QByteArray m_stderr;
    QString m_lastStderrLine;
    DemoServers m_servers;
};
