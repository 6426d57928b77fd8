// bench-inventory: full inventory of both octosim instances (--scale large) at once, against curl --parallel
// --compressed fetching the same pages (one curl per server, as many requests in flight as Handover), and a
// naive sequential client (one page of 30 at a time). Then the same again on an octosim that adds 30 ms to
// every request (--fault both:.*=latency:30), Handover against curl only. Prints figures only.
//
// Output lines: requests, bytes, wall-s, peak-rss-mb, max-gui-stall-ms, curl-parallel-wall-s, wire-bytes,
// naive-sequential-wall-s; then the same names with -at-30ms, ratio-vs-curl-parallel-at-30ms, and last
// ratio-vs-curl-parallel (loopback). Wire bytes are what octosim wrote to its sockets for each client (heads
// and bodies, compressed, both servers summed), from its /octosim/stats before and after each client.
// Keys never appear on a command line: curl reads them from a -K config file in a private temporary
// directory, deleted afterwards.

#include "inventoryjob.h"
#include "networkcontext.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSet>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>
#include <QUrlQuery>

#include <sys/resource.h>

#include <cstdio>
#include <functional>
#include <limits>
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

// What octosim says it wrote to the sockets of its instances (GET /octosim/stats, summed over both).
struct WireStats
{
    qint64 bytes = -1; // heads and bodies, compressed where asked; -1: the stats could not be read
    qint64 responses = 0;
    qint64 compressed = 0;

    bool valid() const { return bytes >= 0; }
};

// One inventory of both servers by Handover, then by curl over the same pages: the loopback run, and the
// run with octosim's latency fault on every request.
struct Run
{
    QString suffix; // appended to every figure's name: "" (loopback) or "-at-30ms"
    QStringList octosimArguments;
    QList<Instance> instances;
    std::vector<std::unique_ptr<OctopusClient>> clients;
    QList<InventorySnapshot> snapshots;
    QStringList finishTimes;
    double handoverWall = 0;
    double curlWall = -1;
    bool curlFailed = false;
    WireStats handoverWire;
    WireStats curlWire;
};

class Bench : public QObject
{
public:
    Bench(int naiveCapSeconds, bool inventoryOnly)
        : m_naiveCapMs(naiveCapSeconds * 1000)
        , m_inventoryOnly(inventoryOnly)
    {
        m_loopback.octosimArguments = {QStringLiteral("--scale"), QStringLiteral("large")};
        m_latency.suffix = QStringLiteral("-at-30ms");
        m_latency.octosimArguments = {QStringLiteral("--scale"), QStringLiteral("large"),
                                      QStringLiteral("--fault"),
                                      QStringLiteral("both:.*=latency:%1").arg(kLatencyMs)};
        m_stats.setProxy(QNetworkProxy::NoProxy); // loopback only, whatever the environment says
        // The GUI-thread stall meter: a 1 ms timer; the longest gap between its ticks while an inventory
        // runs.
        m_stallTimer.setInterval(1);
        m_stallTimer.setTimerType(Qt::PreciseTimer);
        connect(&m_stallTimer, &QTimer::timeout, this, [this] {
            const qint64 now = m_stallClock.nsecsElapsed();
            m_maxStallNs = std::max(m_maxStallNs, now - m_lastTickNs);
            m_lastTickNs = now;
        });
    }

    void start()
    {
        m_run = &m_loopback;
        startOctosim();
    }

    ~Bench() override
    {
        if (m_octosim && m_octosim->state() != QProcess::NotRunning) {
            m_octosim->disconnect(this);
            m_octosim->terminate();
            m_octosim->waitForFinished(5000); // shutdown of the benchmark's own child, after all measuring
        }
    }

private:
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them
    static constexpr int kLatencyMs = 30;

    QString name(const char *figure) const
    {
        return QLatin1String(figure) + m_run->suffix + QStringLiteral(": ");
    }

    void startOctosim()
    {
        m_octosim = std::make_unique<QProcess>();
        m_octosim->setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/octosim"));
        m_octosim->setArguments(m_run->octosimArguments);
        m_octosim->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        connect(m_octosim.get(), &QProcess::readyReadStandardOutput, this, &Bench::onOctosimOutput);
        connect(m_octosim.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
            out() << "error: cannot start octosim: " << m_octosim->errorString() << Qt::endl;
            QCoreApplication::exit(1);
        });
        m_buffer.clear();
        m_generation.start();
        m_octosim->start();
    }

    // Stops the loopback run's octosim and starts one that adds the latency to every request.
    void restartOctosimWithLatency()
    {
        // The loopback run's data is no longer needed: its memory is reused by the next inventory.
        m_loopback.clients.clear();
        m_loopback.snapshots.clear();
        m_naiveClients.clear();
        m_run = &m_latency;
        QProcess *old = m_octosim.release();
        old->disconnect(this);
        connect(old, &QProcess::finished, this, [this, old] {
            old->deleteLater();
            startOctosim();
        });
        old->terminate();
    }

    void onOctosimOutput()
    {
        m_buffer += m_octosim->readAllStandardOutput();
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0 || !m_run->instances.isEmpty())
            return;
        const QJsonObject ready = QJsonDocument::fromJson(m_buffer.left(newline)).object();
        for (const char *role : {"old", "new"}) {
            const QJsonObject o = ready.value(QLatin1String(role)).toObject();
            m_run->instances.append({QUrl(o.value(QLatin1String("url")).toString()),
                                     o.value(QLatin1String("apiKey")).toString()});
        }
        out() << name("octosim-ready-s") << QString::number(m_generation.elapsed() / 1000.0, 'f', 2)
              << Qt::endl;
        wireBaseline([this] { runInventory(); });
    }

    // --- Bytes on the wire, as octosim counts them where it writes them ---------------------------------

    // Reads /octosim/stats of both instances (admin key in a header) and sums them.
    void readStats(std::function<void(const WireStats &)> done)
    {
        auto total = std::make_shared<WireStats>();
        total->bytes = 0;
        auto remaining = std::make_shared<int>(int(m_run->instances.size()));
        for (const Instance &instance : std::as_const(m_run->instances)) {
            QUrl url = instance.url;
            url.setPath(QStringLiteral("/octosim/stats"));
            QNetworkRequest request(url);
            request.setRawHeader("X-Octopus-ApiKey", instance.key.toUtf8());
            QNetworkReply *reply = m_stats.get(request);
            connect(reply, &QNetworkReply::finished, this, [reply, total, remaining, done] {
                reply->deleteLater();
                const QJsonObject o = QJsonDocument::fromJson(reply->readAll()).object();
                if (reply->error() != QNetworkReply::NoError ||
                    !o.value(QLatin1String("BytesSent")).isDouble())
                    total->bytes = std::numeric_limits<qint64>::min();
                total->bytes += o.value(QLatin1String("BytesSent")).toInteger();
                total->responses += o.value(QLatin1String("Responses")).toInteger();
                total->compressed += o.value(QLatin1String("CompressedResponses")).toInteger();
                if (--*remaining == 0)
                    done(total->bytes >= 0 ? *total : WireStats());
            });
        }
    }

    // The counters before a client runs. octosim counts an answer once it is written, so each read includes
    // the answers to the previous one: read twice, and the difference is what one read itself costs.
    void wireBaseline(std::function<void()> then)
    {
        readStats([this, then](const WireStats &first) {
            readStats([this, then, first](const WireStats &second) {
                m_wireBase = second;
                m_statsAnswerBytes = first.valid() && second.valid() ? second.bytes - first.bytes : 0;
                then();
            });
        });
    }

    // What went out since wireBaseline(), less the answers to the baseline's own read.
    void wireSince(std::function<void(const WireStats &)> done)
    {
        readStats([this, done](const WireStats &now) {
            WireStats delta;
            if (now.valid() && m_wireBase.valid()) {
                delta.bytes = now.bytes - m_wireBase.bytes - m_statsAnswerBytes;
                delta.responses = now.responses - m_wireBase.responses - m_run->instances.size();
                delta.compressed = now.compressed - m_wireBase.compressed;
            }
            done(delta);
        });
    }

    void printWire()
    {
        const WireStats &h = m_run->handoverWire;
        const WireStats &c = m_run->curlWire;
        if (!h.valid() || !c.valid() || c.bytes <= 0) {
            out() << name("wire-bytes") << "n/a (octosim's /octosim/stats could not be read)" << Qt::endl;
            return;
        }
        out() << name("wire-bytes") << "handover=" << h.bytes << " curl=" << c.bytes
              << " ratio=" << QString::number(double(h.bytes) / c.bytes, 'f', 3) << Qt::endl;
        out() << name("compressed-responses") << "handover=" << h.compressed << '/' << h.responses
              << " curl=" << c.compressed << '/' << c.responses << Qt::endl;
    }

    // --- Handover ---------------------------------------------------------------------------------------

    void runInventory()
    {
        m_stallClock.start();
        m_lastTickNs = 0;
        m_maxStallNs = 0;
        m_stallTimer.start();
        m_cpuAtStart = cpuSeconds(RUSAGE_SELF);
        m_guiCpuAtStart = cpuSeconds(RUSAGE_THREAD);
        m_threadCpuAtStart = cpuByThreadName();
        m_threadFaultsAtStart = faultsByThreadName();
        m_octosimCpuAtStart = octosimCpu();
        m_wall.start();
        for (int i = 0; i < 2; ++i) {
            ConnectionSettings settings;
            settings.baseUrl = m_run->instances.at(i).url;
            settings.apiKey = m_run->instances.at(i).key;
            settings.role = i == 0 ? ServerRole::Old : ServerRole::New;
            auto client = std::make_unique<OctopusClient>(settings, &networkContext);
            client->setPathRecording(true);
            auto *job = new InventoryJob(client.get(), this);
            connect(job, &InventoryJob::finished, this, [this, job](const InventorySnapshot &snapshot) {
                job->deleteLater();
                m_run->snapshots.append(snapshot);
                m_run->finishTimes.append(QString::number(m_wall.nsecsElapsed() / 1e9, 'f', 3));
                if (m_run->snapshots.size() == 2)
                    inventoryDone();
            });
            job->start();
            m_run->clients.push_back(std::move(client));
        }
    }

    void inventoryDone()
    {
        const double wall = m_wall.nsecsElapsed() / 1e9;
        m_stallTimer.stop();
        m_run->handoverWall = wall;
        qint64 requests = 0;
        qint64 bytes = 0;
        for (const auto &client : m_run->clients) {
            requests += client->requestCount();
            bytes += client->byteCount();
        }
        for (const InventorySnapshot &s : std::as_const(m_run->snapshots)) {
            const auto counts = s.counts();
            QStringList parts;
            for (auto it = counts.begin(); it != counts.end(); ++it)
                parts << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
            out() << "snapshot" << m_run->suffix << ' ' << (s.role == ServerRole::Old ? "old" : "new") << ": "
                  << parts.join(QLatin1Char(' ')) << (s.isComplete() ? "" : " (INCOMPLETE)") << Qt::endl;
        }
        out() << name("requests") << requests << Qt::endl;
        out() << name("bytes") << bytes << " (bodies as decoded)" << Qt::endl;
        out() << name("wall-s") << QString::number(wall, 'f', 3) << " (servers done at "
              << m_run->finishTimes.join(QStringLiteral(", ")) << " s)" << Qt::endl;
        if (m_run == &m_loopback) // the process's peak: the run at 30 ms cannot have its own
            out() << "peak-rss-mb: " << QString::number(peakRssMb(), 'f', 1) << Qt::endl;
        out() << name("max-gui-stall-ms") << QString::number(m_maxStallNs / 1e6, 'f', 1) << Qt::endl;
        out() << name("cpu-s") << QString::number(cpuSeconds(RUSAGE_SELF) - m_cpuAtStart, 'f', 3)
              << " (gui thread " << QString::number(cpuSeconds(RUSAGE_THREAD) - m_guiCpuAtStart, 'f', 3)
              << ")" << Qt::endl;
        if (m_run == &m_loopback) {
            // Where the client's CPU went, by thread name (threads that ended during the run are not
            // counted).
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
        }
        // The simulator serves both servers on one thread: its CPU is the floor under any client's wall time.
        out() << name("octosim-cpu-s") << QString::number((octosimCpu() - m_octosimCpuAtStart) / 1e9, 'f', 3)
              << Qt::endl;
        if (m_inventoryOnly) { // a profiling aid: stop before curl and the naive client
            QCoreApplication::exit(0);
            return;
        }
        wireSince([this](const WireStats &wire) {
            m_run->handoverWire = wire;
            wireBaseline([this] { runCurl(); });
        });
    }

    qint64 octosimCpu() const
    {
        qint64 total = 0;
        const QMap<QString, qint64> threads = cpuByThreadName(QString::number(m_octosim->processId()));
        for (qint64 ns : threads)
            total += ns;
        return total;
    }

    // --- curl --------------------------------------------------------------------------------------------

    // One `curl --parallel --parallel-max N --compressed` per server over the pages Handover fetched, N being
    // Handover's requests in flight per server; then the wire bytes of both.
    void runCurl()
    {
        if (!m_dir.isValid()) {
            curlDone(QStringLiteral("n/a (no temporary directory)"));
            return;
        }
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        auto remaining = std::make_shared<int>(2);
        auto notFound = std::make_shared<bool>(false);
        QList<QProcess *> curls;
        for (int i = 0; i < 2; ++i) {
            const QString configPath = m_dir.filePath(QStringLiteral("curl-%1.conf").arg(i));
            QFile config(configPath);
            if (!config.open(QIODevice::WriteOnly)) {
                qDeleteAll(curls);
                QFile::remove(m_dir.filePath(QStringLiteral("curl-0.conf")));
                curlDone(QStringLiteral("n/a (cannot write the config file)"));
                return;
            }
            config.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            const OctopusClient &client = *m_run->clients.at(i);
            QTextStream conf(&config);
            conf << "silent\nno-progress-meter\ncompressed\nnoproxy = \"*\"\nparallel\n";
            conf << "parallel-max = " << std::max(1, client.settings().maxInFlight) << '\n';
            conf << "header = \"X-Octopus-ApiKey: " << m_run->instances.at(i).key << "\"\n";
            const QString base = m_run->instances.at(i).url.toString();
            for (const QString &path : client.recordedPaths())
                conf << "url = \"" << base << path << "\"\noutput = \"/dev/null\"\n";
            conf.flush();
            config.close();
            auto *curl = new QProcess(this);
            curl->setProgram(QStringLiteral("curl"));
            curl->setArguments({QStringLiteral("-K"), configPath});
            curl->setProcessChannelMode(QProcess::ForwardedChannels);
            auto finishOne = [this, remaining, notFound, curl, configPath](bool failed) {
                QFile::remove(configPath); // the key was in it
                curl->deleteLater();
                m_run->curlFailed = m_run->curlFailed || failed;
                if (--*remaining > 0)
                    return;
                m_run->curlWall = *notFound ? -1 : m_curlClock.nsecsElapsed() / 1e9;
                curlDone(*notFound ? QStringLiteral("n/a (curl not found)")
                                   : QString::number(m_run->curlWall, 'f', 3) +
                                         (m_run->curlFailed ? QStringLiteral(" (curl reported an error)")
                                                            : QString()));
            };
            connect(curl, &QProcess::finished, this, [finishOne](int code) { finishOne(code != 0); });
            connect(curl, &QProcess::errorOccurred, this,
                    [finishOne, notFound](QProcess::ProcessError error) {
                        if (error != QProcess::FailedToStart)
                            return; // a crash also ends in finished()
                        *notFound = true;
                        finishOne(true);
                    });
            curls.append(curl);
        }
        m_octosimCpuAtCurl = octosimCpu();
        m_curlClock.start();
        for (QProcess *curl : std::as_const(curls))
            curl->start();
    }

    void curlDone(const QString &wall)
    {
        out() << name("curl-parallel-wall-s") << wall << Qt::endl;
        out() << name("octosim-cpu-s-during-curl")
              << QString::number((octosimCpu() - m_octosimCpuAtCurl) / 1e9, 'f', 3) << Qt::endl;
        wireSince([this](const WireStats &wire) {
            m_run->curlWire = wire;
            printWire();
            if (m_run == &m_loopback) {
                runNaive();
            } else {
                out() << "naive-sequential-wall-s" << m_run->suffix
                      << ": skipped (one request at a time would take minutes at " << kLatencyMs
                      << " ms per request)" << Qt::endl;
                finish();
            }
        });
    }

    // --- The naive sequential client (loopback only) -----------------------------------------------------

    // One page of 30 at a time, one request in flight, over the same collections; capped, then extrapolated.
    void runNaive()
    {
        QSet<QString> seen;
        for (int i = 0; i < 2; ++i) {
            for (const QString &path : m_run->clients.at(i)->recordedPaths()) {
                const qsizetype q = path.indexOf(QLatin1Char('?'));
                const QString collection = q < 0 ? path : path.left(q);
                if (path.contains(QLatin1String("skip=")) &&
                    !seen.contains(QString::number(i) + collection)) {
                    seen.insert(QString::number(i) + collection);
                    m_naiveQueue.append({i, collection});
                }
            }
        }
        for (int i = 0; i < 2; ++i) {
            ConnectionSettings settings = m_run->clients.at(i)->settings();
            settings.maxInFlight = 1;
            m_naiveClients.push_back(std::make_unique<OctopusClient>(settings, &networkContext));
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
        QTimer::singleShot(0, this, &Bench::restartOctosimWithLatency);
    }

    // --- The ratios, the loopback one last ---------------------------------------------------------------

    static QString ratio(const Run &run)
    {
        return run.curlWall > 0 ? QString::number(run.handoverWall / run.curlWall, 'f', 2)
                                : QStringLiteral("n/a");
    }

    void finish()
    {
        out() << "ratio-vs-curl-parallel" << m_latency.suffix << ": " << ratio(m_latency) << Qt::endl;
        out() << "ratio-vs-curl-parallel: " << ratio(m_loopback) << Qt::endl;
        QCoreApplication::exit(0);
    }

    Run m_loopback;
    Run m_latency;
    Run *m_run = nullptr; // the run under way
    std::unique_ptr<QProcess> m_octosim;
    QByteArray m_buffer;
    QElapsedTimer m_generation;
    QNetworkAccessManager m_stats;
    WireStats m_wireBase;
    qint64 m_statsAnswerBytes = 0;
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
    QElapsedTimer m_curlClock;
    QTemporaryDir m_dir;
    int m_naiveCapMs;
    bool m_inventoryOnly = false;
    QList<QPair<int, QString>> m_naiveQueue;
    std::vector<std::unique_ptr<OctopusClient>> m_naiveClients;
    QElapsedTimer m_naiveWall;
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
