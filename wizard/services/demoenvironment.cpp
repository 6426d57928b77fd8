#include "demoenvironment.h"

#include "wizardlogging.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QTimer>

namespace {

// What a runaway child may write before its output stops being kept (the ready line is about 300 bytes).
constexpr qsizetype kMaxKeptOutput = 64 * 1024;

bool readInstance(const QJsonObject &object, QUrl *url, QString *apiKey)
{
    *url = QUrl(object.value(QLatin1String("url")).toString(), QUrl::StrictMode);
    *apiKey = object.value(QLatin1String("apiKey")).toString();
    return url->isValid() && !url->host().isEmpty() && !apiKey->isEmpty();
}

} // namespace

DemoEnvironment::DemoEnvironment(QObject *parent)
    : QObject(parent)
    , m_program(defaultProgram())
{}

DemoEnvironment::~DemoEnvironment()
{
    // stop() is the graceful way; here whatever is left goes at once (QProcess reaps it).
    if (m_process && m_process->state() != QProcess::NotRunning) {
        m_process->disconnect(this);
        m_process->kill();
    }
}

QString DemoEnvironment::defaultProgram()
{
#ifdef Q_OS_WIN
    const QString name = QStringLiteral("octosim.exe");
#else
    const QString name = QStringLiteral("octosim");
#endif
    return QDir(QCoreApplication::applicationDirPath()).filePath(name);
}

qint64 DemoEnvironment::processId() const
{
    return m_process && m_process->state() != QProcess::NotRunning ? m_process->processId() : 0;
}

void DemoEnvironment::start()
{
    if (m_state != State::Idle)
        return;
    m_state = State::Starting;
    const QFileInfo program(m_program);
    if (!program.isFile() || !program.isExecutable()) {
        // Reported from the event loop, like every other outcome.
        const QString reason =
            tr("the simulator program was not found at %1; octosim is built and installed beside handover")
                .arg(QDir::toNativeSeparators(m_program));
        QTimer::singleShot(0, this, [this, reason] { fail(reason); });
        return;
    }

    m_process = new QProcess(this);
    m_process->setProgram(m_program);
    // The keys are made by octosim and come back on its stdout; none travels on this command line. stdin
    // stays an open pipe: when it closes (stop(), or this process dying) octosim exits.
    m_process->setArguments({QStringLiteral("--seed"), QStringLiteral("1"), QStringLiteral("--scale"),
                             QStringLiteral("demo"), QStringLiteral("--exit-with-stdin")});
    m_process->setProcessChannelMode(QProcess::SeparateChannels);
    connect(m_process, &QProcess::readyReadStandardOutput, this, &DemoEnvironment::onStdout);
    connect(m_process, &QProcess::readyReadStandardError, this, &DemoEnvironment::onStderr);
    connect(m_process, &QProcess::finished, this, &DemoEnvironment::onFinished);
    connect(m_process, &QProcess::errorOccurred, this, &DemoEnvironment::onErrorOccurred);

    m_readyTimer = new QTimer(this);
    m_readyTimer->setSingleShot(true);
    connect(m_readyTimer, &QTimer::timeout, this, [this] {
        if (m_state != State::Starting)
            return;
        const int seconds = (m_readyTimeoutMs + 999) / 1000;
        fail(tr("the simulator %1 was not ready within %n second(s)", nullptr, seconds)
                 .arg(QDir::toNativeSeparators(m_program)));
    });
    m_readyTimer->start(m_readyTimeoutMs);
    qCInfo(lcWizard) << "starting demo servers:" << m_program;
    m_process->start();
}

void DemoEnvironment::stop(int graceMsecs)
{
    if (m_readyTimer)
        m_readyTimer->stop();
    if (!m_process || m_process->state() == QProcess::NotRunning) {
        m_state = State::Idle;
        QTimer::singleShot(0, this, &DemoEnvironment::stopped);
        return;
    }
    if (m_state == State::Stopping)
        return; // stopped() follows from the stop already under way
    m_state = State::Stopping;
    m_process->closeWriteChannel(); // --exit-with-stdin: ends octosim where signals do not (Windows)
    m_process->terminate();
    if (!m_killTimer) {
        m_killTimer = new QTimer(this);
        m_killTimer->setSingleShot(true);
        connect(m_killTimer, &QTimer::timeout, this, [this] {
            if (m_process && m_process->state() != QProcess::NotRunning) {
                qCWarning(lcWizard) << "demo servers did not end within the grace period; killing them";
                m_process->kill();
            }
        });
    }
    m_killTimer->start(graceMsecs);
}

void DemoEnvironment::onStdout()
{
    if (m_state != State::Starting) {
        m_process->readAllStandardOutput(); // octosim prints nothing after its ready line; discard it
        return;
    }
    if (m_stdout.size() < kMaxKeptOutput)
        m_stdout += m_process->readAllStandardOutput();
    const qsizetype newline = m_stdout.indexOf('\n');
    if (newline < 0) {
        if (m_stdout.size() >= kMaxKeptOutput)
            fail(tr("the simulator %1 printed a ready line Handover could not read")
                     .arg(QDir::toNativeSeparators(m_program)));
        return;
    }
    const QByteArray line = m_stdout.left(newline);
    m_stdout.fill('\0'); // it holds API keys: gone once read
    m_stdout.clear();
    QJsonParseError parseError;
    const QJsonObject readyObject = QJsonDocument::fromJson(line, &parseError).object();
    DemoServers servers;
    if (parseError.error != QJsonParseError::NoError ||
        !readInstance(readyObject.value(QLatin1String("old")).toObject(), &servers.oldUrl,
                      &servers.oldApiKey) ||
        !readInstance(readyObject.value(QLatin1String("new")).toObject(), &servers.newUrl,
                      &servers.newApiKey)) {
        fail(tr("the simulator %1 printed a ready line Handover could not read")
                 .arg(QDir::toNativeSeparators(m_program)));
        return;
    }
    m_readyTimer->stop();
    m_state = State::Running;
    m_servers = servers;
    qCInfo(lcWizard).nospace() << "demo servers ready: octosim pid " << m_process->processId() << ", old "
                               << servers.oldUrl.toString() << ", new " << servers.newUrl.toString();
    Q_EMIT ready(m_servers);
}

void DemoEnvironment::onStderr()
{
    m_stderr += m_process->readAllStandardError();
    // Keep the last complete non-empty line (octosim writes one line per error).
    const QList<QByteArray> lines = m_stderr.split('\n');
    for (qsizetype i = lines.size() - 2; i >= 0; --i) {
        const QByteArray trimmed = lines.at(i).trimmed();
        if (!trimmed.isEmpty()) {
            m_lastStderrLine = QString::fromLocal8Bit(trimmed);
            break;
        }
    }
    m_stderr = lines.last().right(kMaxKeptOutput);
}

void DemoEnvironment::onErrorOccurred()
{
    if (m_process->error() != QProcess::FailedToStart || m_state != State::Starting)
        return; // a crash or an exit is handled by onFinished
    fail(tr("could not start the simulator %1: %2")
             .arg(QDir::toNativeSeparators(m_program), m_process->errorString()));
}

void DemoEnvironment::onFinished(int exitCode)
{
    if (m_killTimer)
        m_killTimer->stop();
    switch (m_state) {
    case State::Starting: {
        if (m_lastStderrLine.isEmpty() && !m_stderr.trimmed().isEmpty())
            m_lastStderrLine = QString::fromLocal8Bit(m_stderr.trimmed());
        const QString said =
            m_lastStderrLine.isEmpty() ? tr("it printed nothing on stderr") : m_lastStderrLine;
        if (m_process->exitStatus() == QProcess::CrashExit)
            fail(tr("the simulator %1 crashed before it was ready: %2")
                     .arg(QDir::toNativeSeparators(m_program), said));
        else
            fail(tr("the simulator %1 exited before it was ready (exit code %2): %3")
                     .arg(QDir::toNativeSeparators(m_program))
                     .arg(exitCode)
                     .arg(said));
        break;
    }
    case State::Running:
        qCWarning(lcWizard) << "demo servers ended on their own, exit code" << exitCode << m_lastStderrLine;
        m_state = State::Idle;
        break;
    case State::Stopping:
        m_state = State::Idle;
        Q_EMIT stopped();
        break;
    case State::Idle:
    case State::Failed:
        break;
    }
}

void DemoEnvironment::fail(const QString &reason)
{
    if (m_state != State::Starting)
        return;
    m_state = State::Failed;
    if (m_readyTimer)
        m_readyTimer->stop();
    if (m_process && m_process->state() != QProcess::NotRunning)
        m_process->kill(); // not ready in time, or an unreadable ready line: it serves nobody
    qCWarning(lcWizard) << "demo servers failed to start:" << reason;
    Q_EMIT failed(reason);
}
