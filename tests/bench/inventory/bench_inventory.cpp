// bench-inventory: full inventory of both octosim instances (--scale large) at once, against curl --parallel
// fetching the same pages and a naive sequential client (one page of 30 at a time). Prints figures only.
//
// Output lines: requests, bytes, wall-s, peak-rss-mb, max-gui-stall-ms, curl-parallel-wall-s,
// naive-sequential-wall-s, and last ratio-vs-curl-parallel.
// Keys never appear on a command line: curl reads them from a -K config file in a private temporary
// directory, deleted afterwards.

#include "inventoryjob.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

#include <sys/resource.h>

#include <cstdio>
#include <memory>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

double cpuSeconds(int who)
{
    rusage usage{};
    getrusage(who, &usage);
    return usage.ru_utime.tv_sec + usage.ru_stime.tv_sec +
           (usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

double peakRssMb()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss / 1024.0; // kilobytes on Linux
}

// CPU time on each of a process's threads (ns, from /proc/self/task/*/schedstat), summed by thread name.
QMap<QString, qint64> cpuByThreadName(const QString &process = QStringLiteral("self"))
{
    QMap<QString, qint64> byName;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(process));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/schedstat")));
        QFile comm(tasks.filePath(tid + QStringLiteral("/comm")));
        if (!stat.open(QIODevice::ReadOnly) || !comm.open(QIODevice::ReadOnly))
            continue;
        const qint64 ns = stat.readAll().split(' ').value(0).toLongLong();
        byName[QString::fromUtf8(comm.readAll().trimmed())] += ns;
    }
    return byName;
}

// Minor page faults of this process's threads, summed by thread name (/proc/self/task/*/stat, field 10).
QMap<QString, qint64> faultsByThreadName()
{
    QMap<QString, qint64> byName;
    const QDir tasks(QStringLiteral("/proc/self/task"));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/stat")));
        if (!stat.open(QIODevice::ReadOnly))
            continue;
        const QByteArray text = stat.readAll();
        const qsizetype open = text.indexOf('(');
        const qsizetype close = text.lastIndexOf(')');
        if (open < 0 || close < open)
            continue;
        const QList<QByteArray> fields = text.mid(close + 2).split(' '); // from field 3 (state) on
        byName[QString::fromUtf8(text.mid(open + 1, close - open - 1))] += fields.value(7).toLongLong();
    }
    return byName;
}

struct Instance
{
    QUrl url;
    QString key;
};

class Bench : public QObject
{
public:
    Bench(int naiveCapSeconds, bool inventoryOnly)
        : m_naiveCapMs(naiveCapSeconds * 1000)
        , m_inventoryOnly(inventoryOnly)
    {}

    void start()
    {
        m_octosim.setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/octosim"));
        m_octosim.setArguments({QStringLiteral("--scale"), QStringLiteral("large")});
        m_octosim.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        connect(&m_octosim, &QProcess::readyReadStandardOutput, this, &Bench::onOctosimOutput);
        connect(&m_octosim, &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
            out() << "error: cannot start octosim: " << m_octosim.errorString() << Qt::endl;
            QCoreApplication::exit(1);
        });
        m_generation.start();
        m_octosim.start();
    }

    ~Bench() override
    {
        if (m_octosim.state() != QProcess::NotRunning) {
            m_octosim.terminate();
            m_octosim.waitForFinished(5000); // shutdown of the benchmark's own child, after all measuring
        }
    }

private:
    void onOctosimOutput()
    {
        m_buffer += m_octosim.readAllStandardOutput();
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0 || !m_instances.isEmpty())
            return;
        const QJsonObject ready = QJsonDocument::fromJson(m_buffer.left(newline)).object();
        for (const char *role : {"old", "new"}) {
            const QJsonObject o = ready.value(QLatin1String(role)).toObject();
            m_instances.append({QUrl(o.value(QLatin1String("url")).toString()),
                                o.value(QLatin1String("apiKey")).toString()});
        }
        out() << "octosim-ready-s: " << QString::number(m_generation.elapsed() / 1000.0, 'f', 2) << Qt::endl;
        runInventory();
    }

    void runInventory()
    {
        // The GUI-thread stall meter: a 1 ms timer; the longest gap between its ticks while the inventory
        // runs.
        m_stallTimer.setInterval(1);
        m_stallTimer.setTimerType(Qt::PreciseTimer);
        connect(&m_stallTimer, &QTimer::timeout, this, [this] {
            const qint64 now = m_stallClock.nsecsElapsed();
            m_maxStallNs = std::max(m_maxStallNs, now - m_lastTickNs);
            m_lastTickNs = now;
        });
        m_stallClock.start();
        m_lastTickNs = 0;
        m_stallTimer.start();
        m_cpuAtStart = cpuSeconds(RUSAGE_SELF);
        m_guiCpuAtStart = cpuSeconds(RUSAGE_THREAD);
        m_threadCpuAtStart = cpuByThreadName();
        m_threadFaultsAtStart = faultsByThreadName();
        m_octosimCpuAtStart = octosimCpu();
        m_wall.start();
        for (int i = 0; i < 2; ++i) {
            ConnectionSettings settings;
            settings.baseUrl = m_instances.at(i).url;
            settings.apiKey = m_instances.at(i).key;
            settings.role = i == 0 ? ServerRole::Old : ServerRole::New;
            auto client = std::make_unique<OctopusClient>(settings);
            client->setPathRecording(true);
            auto *job = new InventoryJob(client.get(), this);
            connect(job, &InventoryJob::finished, this, [this](const InventorySnapshot &snapshot) {
                m_snapshots.append(snapshot);
                m_finishTimes.append(QString::number(m_wall.nsecsElapsed() / 1e9, 'f', 3));
                if (m_snapshots.size() == 2)
                    inventoryDone();
            });
            job->start();
            m_clients.push_back(std::move(client));
        }
    }

    void inventoryDone()
    {
        const double wall = m_wall.nsecsElapsed() / 1e9;
        m_stallTimer.stop();
        qint64 requests = 0;
        qint64 bytes = 0;
        for (const auto &client : m_clients) {
            requests += client->requestCount();
            bytes += client->byteCount();
        }
        for (const InventorySnapshot &s : std::as_const(m_snapshots)) {
            const auto counts = s.counts();
            QStringList parts;
            for (auto it = counts.begin(); it != counts.end(); ++it)
                parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
            out() << "snapshot " << (s.role == ServerRole::Old ? "old" : "new") << ": "
                  << parts.join(QLatin1Char(' ')) << (s.isComplete() ? "" : " (INCOMPLETE)") << Qt::endl;
        }
        out() << "requests: " << requests << Qt::endl;
        out() << "bytes: " << bytes << Qt::endl;
        out() << "wall-s: " << QString::number(wall, 'f', 3) << " (servers done at "
              << m_finishTimes.join(QStringLiteral(", ")) << " s)" << Qt::endl;
        out() << "peak-rss-mb: " << QString::number(peakRssMb(), 'f', 1) << Qt::endl;
        out() << "max-gui-stall-ms: " << QString::number(m_maxStallNs / 1e6, 'f', 1) << Qt::endl;
        out() << "cpu-s: " << QString::number(cpuSeconds(RUSAGE_SELF) - m_cpuAtStart, 'f', 3)
              << " (gui thread " << QString::number(cpuSeconds(RUSAGE_THREAD) - m_guiCpuAtStart, 'f', 3)
              << ")" << Qt::endl;
        // Where the client's CPU went, by thread name (threads that ended during the run are not counted).
        const QMap<QString, qint64> threadCpu = cpuByThreadName();
        QStringList perThread;
        for (auto it = threadCpu.begin(); it != threadCpu.end(); ++it) {
            const double seconds = (it.value() - m_threadCpuAtStart.value(it.key())) / 1e9;
            if (seconds >= 0.001)
                perThread << QStringLiteral("%1=%2").arg(it.key(), QString::number(seconds, 'f', 3));
        }
        out() << "cpu-s-by-thread: " << perThread.join(QLatin1Char(' ')) << Qt::endl;
        const QMap<QString, qint64> threadFaults = faultsByThreadName();
        QStringList faults;
        for (auto it = threadFaults.begin(); it != threadFaults.end(); ++it)
            faults << QStringLiteral("%1=%2").arg(it.key()).arg(it.value() -
                                                                m_threadFaultsAtStart.value(it.key()));
        out() << "page-faults-by-thread: " << faults.join(QLatin1Char(' ')) << Qt::endl;
        // The simulator serves both servers on one thread: its CPU is the floor under any client's wall time.
        out() << "octosim-cpu-s: " << QString::number((octosimCpu() - m_octosimCpuAtStart) / 1e9, 'f', 3)
              << Qt::endl;
        m_inventoryWall = wall;
        if (m_inventoryOnly) { // a profiling aid: stop before curl and the naive client
            QCoreApplication::exit(0);
            return;
        }
        QTimer::singleShot(0, this, &Bench::runCurl);
    }

    qint64 octosimCpu() const
    {
        qint64 total = 0;
        const QMap<QString, qint64> threads = cpuByThreadName(QString::number(m_octosim.processId()));
        for (qint64 ns : threads)
            total += ns;
        return total;
    }

    void runCurl()
    {
        if (!m_dir.isValid()) {
            out() << "curl-parallel-wall-s: n/a (no temporary directory)" << Qt::endl;
            runNaive();
            return;
        }
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        auto remaining = std::make_shared<int>(2);
        for (int i = 0; i < 2; ++i) {
            const QString configPath = m_dir.filePath(QStringLiteral("curl-%1.conf").arg(i));
            QFile config(configPath);
            if (!config.open(QIODevice::WriteOnly)) {
                out() << "curl-parallel-wall-s: n/a (cannot write the config file)" << Qt::endl;
                runNaive();
                return;
            }
            config.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            QTextStream conf(&config);
            conf << "silent\nno-progress-meter\nparallel\nparallel-max = 6\n";
            conf << "header = \"X-Octopus-ApiKey: " << m_instances.at(i).key << "\"\n";
            const QString base = m_instances.at(i).url.toString();
            for (const QString &path : m_clients.at(i)->recordedPaths())
                conf << "url = \"" << base << path << "\"\noutput = \"/dev/null\"\n";
            conf.flush();
            config.close();
            auto *curl = new QProcess(this);
            curl->setProgram(QStringLiteral("curl"));
            curl->setArguments({QStringLiteral("-K"), configPath});
            curl->setProcessChannelMode(QProcess::ForwardedChannels);
            connect(curl, &QProcess::finished, this, [this, remaining, curl, configPath](int code) {
                QFile::remove(configPath); // the key was in it
                curl->deleteLater();
                if (code != 0)
                    m_curlFailed = true;
                if (--*remaining > 0)
                    return;
                m_curlWall = m_curlClock.nsecsElapsed() / 1e9;
                out() << "curl-parallel-wall-s: " << QString::number(m_curlWall, 'f', 3)
                      << (m_curlFailed ? " (curl reported an error)" : "") << Qt::endl;
                out() << "octosim-cpu-s-during-curl: "
                      << QString::number((octosimCpu() - m_octosimCpuAtCurl) / 1e9, 'f', 3) << Qt::endl;
                runNaive();
            });
            connect(curl, &QProcess::errorOccurred, this, [this, configPath](QProcess::ProcessError) {
                QFile::remove(configPath);
                out() << "curl-parallel-wall-s: n/a (curl not found)" << Qt::endl;
                m_curlWall = -1;
            });
            if (i == 0) {
                m_octosimCpuAtCurl = octosimCpu();
                m_curlClock.start();
            }
            curl->start();
        }
    }

    // One page of 30 at a time, one request in flight, over the same collections; capped, then extrapolated.
    void runNaive()
    {
        QSet<QString> seen;
        for (int i = 0; i < 2; ++i) {
            for (const QString &path : m_clients.at(i)->recordedPaths()) {
                const qsizetype q = path.indexOf(QLatin1Char('?'));
                const QString collection = q < 0 ? path : path.left(q);
                if (path.contains(QLatin1String("skip=")) &&
                    !seen.contains(QString::number(i) + collection)) {
                    seen.insert(QString::number(i) + collection);
                    m_naiveQueue.append({i, collection});
                }
            }
        }
        m_naiveExpectedPages = 0;
        for (const InventorySnapshot &s : std::as_const(m_snapshots)) {
            Q_UNUSED(s);
        }
        for (int i = 0; i < 2; ++i) {
            ConnectionSettings settings = m_clients.at(i)->settings();
            settings.maxInFlight = 1;
            m_naiveClients.push_back(std::make_unique<OctopusClient>(settings));
        }
        m_naiveWall.start();
        nextNaive();
    }

    void nextNaive()
    {
        if (m_naiveQueue.isEmpty() || m_naiveWall.elapsed() > m_naiveCapMs) {
            finishNaive();
            return;
        }
        const auto [index, collection] = m_naiveQueue.takeFirst();
        PagedFetchJob *job = m_naiveClients.at(index)->fetchAll(collection, this);
        job->setPageSize(30);
        connect(job, &PagedFetchJob::progress, this, [this, job](int done, int total) {
            m_naiveCurrentDone = done;
            m_naiveCurrentTotal = total;
            if (m_naiveWall.elapsed() > m_naiveCapMs)
                job->cancel();
        });
        connect(job, &PagedFetchJob::finished, this, [this](const PagedResult &) {
            m_naivePagesDone += m_naiveCurrentDone;
            m_naivePagesKnown += m_naiveCurrentTotal;
            m_naiveCurrentDone = m_naiveCurrentTotal = 0;
            m_naiveCollectionsDone += 1;
            QTimer::singleShot(0, this, &Bench::nextNaive);
        });
        job->start();
    }

    void finishNaive()
    {
        const double elapsed = m_naiveWall.nsecsElapsed() / 1e9;
        const int collectionsLeft = int(m_naiveQueue.size());
        if (collectionsLeft == 0 && m_naivePagesDone >= m_naivePagesKnown) {
            out() << "naive-sequential-wall-s: " << QString::number(elapsed, 'f', 3) << " ("
                  << m_naivePagesDone << " pages of 30)" << Qt::endl;
        } else {
            // Pages still to go: the known rest of the collections read so far, plus the unread collections
            // at the average number of pages per collection.
            const double perCollection =
                m_naiveCollectionsDone > 0 ? double(m_naivePagesKnown) / m_naiveCollectionsDone : 1.0;
            const double totalPages = m_naivePagesKnown + collectionsLeft * perCollection;
            const double estimate = m_naivePagesDone > 0 ? elapsed * totalPages / m_naivePagesDone : 0;
            out() << "naive-sequential-wall-s: " << QString::number(estimate, 'f', 1)
                  << " (extrapolated: " << m_naivePagesDone << " of ~" << qint64(totalPages)
                  << " pages of 30 in " << QString::number(elapsed, 'f', 1) << " s, capped)" << Qt::endl;
        }
        if (m_curlWall > 0)
            out() << "ratio-vs-curl-parallel: " << QString::number(m_inventoryWall / m_curlWall, 'f', 2)
                  << Qt::endl;
        else
            out() << "ratio-vs-curl-parallel: n/a" << Qt::endl;
        QCoreApplication::exit(0);
    }

    QProcess m_octosim;
    QByteArray m_buffer;
    QElapsedTimer m_generation;
    QList<Instance> m_instances;
    std::vector<std::unique_ptr<OctopusClient>> m_clients;
    QList<InventorySnapshot> m_snapshots;
    QStringList m_finishTimes;
    QTimer m_stallTimer;
    QElapsedTimer m_stallClock;
    qint64 m_lastTickNs = 0;
    qint64 m_maxStallNs = 0;
    QElapsedTimer m_wall;
    double m_cpuAtStart = 0;
    double m_guiCpuAtStart = 0;
    QMap<QString, qint64> m_threadCpuAtStart;
    QMap<QString, qint64> m_threadFaultsAtStart;
    qint64 m_octosimCpuAtStart = 0;
    qint64 m_octosimCpuAtCurl = 0;
    double m_inventoryWall = 0;
    double m_curlWall = -1;
    QElapsedTimer m_curlClock;
    bool m_curlFailed = false;
    QTemporaryDir m_dir;
    int m_naiveCapMs;
    bool m_inventoryOnly = false;
    QList<QPair<int, QString>> m_naiveQueue;
    std::vector<std::unique_ptr<OctopusClient>> m_naiveClients;
    QElapsedTimer m_naiveWall;
    int m_naiveExpectedPages = 0;
    int m_naivePagesDone = 0;
    int m_naivePagesKnown = 0;
    int m_naiveCurrentDone = 0;
    int m_naiveCurrentTotal = 0;
    int m_naiveCollectionsDone = 0;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    int naiveCap = 60;
    const QStringList arguments = app.arguments();
    const qsizetype capIndex = arguments.indexOf(QStringLiteral("--naive-cap"));
    if (capIndex > 0 && capIndex + 1 < arguments.size())
        naiveCap = std::max(1, arguments.at(capIndex + 1).toInt());
    // --inventory-only: stop after the inventory (for profiling the client alone).
    Bench bench(naiveCap, arguments.contains(QStringLiteral("--inventory-only")));
    QTimer::singleShot(0, &bench, [&bench] { bench.start(); });
    return app.exec();
}
