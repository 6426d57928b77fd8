// bench-ci: the CI integrations evidence read of both octosim instances (--scale large, 200,000 events per
// server) at once, as the CI integrations step's refresh does it (CiRecordsJob per server, then
// CiEvidence::evidenceFrom and CiIntegrations::group), against curl --parallel --compressed fetching exactly
// the same URLs (one curl per server, as many requests in flight as Handover). Two windows: the step's
// default of 30 days, and the whole history (every one of the 200,000 events). Then the same again on an
// octosim that adds 30 ms to every request (--fault both:.*=latency:30). Prints figures only.
//
// Output lines per window (suffix -30d or -all, then -at-30ms on the latency run): requests (by kind), bytes,
// wall-s, evidence, max-gui-stall-ms, cpu-s, octosim-cpu-s, curl-parallel-wall-s, wire-bytes; then every
// ratio-vs-curl-parallel, the loopback ones last. Wire bytes are what octosim wrote to its sockets for each
// client (heads and compressed bodies, both servers summed), from its /octosim/stats before and after each
// client. Keys never appear on a command line or in a file: curl reads its config (with the key header)
// from its standard input (`-K -`).

#include "cievidence.h"
#include "ciintegrations.h"
#include "networkcontext.h"
#include "octopusclient.h"

#include <QApplication>
#include <QCryptographicHash>
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
#include <QTextStream>
#include <QTimer>

#include <sys/resource.h>

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

// CPU time of all threads of a process (ns, from /proc/PID/task/*/schedstat).
qint64 processCpuNs(qint64 pid)
{
    qint64 total = 0;
    const QDir tasks(QStringLiteral("/proc/%1/task").arg(pid));
    for (const QString &tid : tasks.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        QFile stat(tasks.filePath(tid + QStringLiteral("/schedstat")));
        if (stat.open(QIODevice::ReadOnly))
            total += stat.readAll().split(' ').value(0).toLongLong();
    }
    return total;
}

// What kind of call a recorded path is, for the request counts.
QString kindOf(const QString &path)
{
    const QString route = path.section(QLatin1Char('?'), 0, 0);
    if (route == QLatin1String("/api/events"))
        return QStringLiteral("events");
    if (route.startsWith(QLatin1String("/api/users/")) && route.endsWith(QLatin1String("/apikeys")))
        return QStringLiteral("apikeys");
    if (route.endsWith(QLatin1String("/build-information")))
        return QStringLiteral("build-information");
    if (route == QLatin1String("/api/users"))
        return QStringLiteral("users");
    if (route == QLatin1String("/api/spaces"))
        return QStringLiteral("spaces");
    return QStringLiteral("other");
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

// One evidence read of both servers by Handover, then by curl over the same URLs.
struct Measure
{
    QString suffix; // "-30d" or "-all", then "-at-30ms" on the latency run
    int days = 30;  // the window; 0: the whole history
    std::vector<std::unique_ptr<OctopusClient>> clients;
    CiEvidence::ServerRecords records[2];
    int recordsDone = 0;
    int errors = 0;
    QStringList finishTimes;
    double handoverWall = 0;
    double evidenceSeconds = 0;
    double curlWall = -1;
    bool curlFailed = false;
    WireStats handoverWire;
    WireStats curlWire;
};

// One octosim run: the loopback one, then the one with the latency fault.
struct Run
{
    QString suffix; // "" or "-at-30ms"
    QStringList octosimArguments;
    QList<Instance> instances;
    std::vector<Measure> measures;
};

class Bench : public QObject
{
public:
    explicit Bench(const QList<int> &windows)
    {
        m_runs[0].octosimArguments = {QStringLiteral("--scale"), QStringLiteral("large")};
        m_runs[1].suffix = QStringLiteral("-at-30ms");
        m_runs[1].octosimArguments = {QStringLiteral("--scale"), QStringLiteral("large"),
                                      QStringLiteral("--fault"),
                                      QStringLiteral("both:.*=latency:%1").arg(kLatencyMs)};
        for (Run &run : m_runs) {
            for (int days : windows) {
                Measure m;
                m.days = days;
                m.suffix =
                    (days > 0 ? QStringLiteral("-%1d").arg(days) : QStringLiteral("-all")) + run.suffix;
                run.measures.push_back(std::move(m));
            }
        }
        m_stats.setProxy(QNetworkProxy::NoProxy); // loopback only, whatever the environment says
        // The GUI-thread stall meter: a 1 ms timer; the longest gap between its ticks while a read runs.
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
        m_run = &m_runs[0];
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

    Measure &measure() { return m_run->measures[m_measure]; }

    QString name(const char *figure)
    {
        return QLatin1String(figure) + measure().suffix + QStringLiteral(": ");
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

    void restartOctosimWithLatency()
    {
        for (Measure &m : m_runs[0].measures) { // free the loopback run's data
            m.clients.clear();
            m.records[0] = m.records[1] = {};
        }
        m_run = &m_runs[1];
        m_measure = 0;
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
        out() << "octosim-ready-s" << m_run->suffix << ": "
              << QString::number(m_generation.elapsed() / 1000.0, 'f', 2) << Qt::endl;
        m_measure = 0;
        wireBaseline([this] { runHandover(); });
    }

    // --- Bytes on the wire, as octosim counts them where it writes them ---------------------------------

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

    // The counters before a client runs; read twice, the difference being what one read itself costs.
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

    // --- Handover ---------------------------------------------------------------------------------------

    void runHandover()
    {
        Measure &m = measure();
        // As the step does (now less the window), but from the start of the day: octosim's history is
        // anchored there, so every run of a day reads the same records.
        const QDateTime since =
            m.days > 0 ? QDateTime(QDate::currentDate(), QTime(0, 0), Qt::UTC).addDays(-m.days) : QDateTime();
        m_stallClock.start();
        m_lastTickNs = 0;
        m_maxStallNs = 0;
        m_stallTimer.start();
        m_cpuAtStart = cpuSeconds(RUSAGE_SELF);
        m_octosimCpuAtStart = processCpuNs(m_octosim->processId());
        m_wall.start();
        for (int i = 0; i < 2; ++i) {
            ConnectionSettings settings;
            settings.baseUrl = m_run->instances.at(i).url;
            settings.apiKey = m_run->instances.at(i).key;
            settings.role = i == 0 ? ServerRole::Old : ServerRole::New;
            auto client = std::make_unique<OctopusClient>(settings, &networkContext);
            client->setPathRecording(true);
            auto *job = new CiRecordsJob(client.get(), since, this);
            connect(job, &CiRecordsJob::finished, this,
                    [this, job, i, since](const CiEvidence::ServerRecords &records,
                                          const QList<ApiError> &errors) {
                        job->deleteLater();
                        Measure &current = measure();
                        current.records[i] = records;
                        current.errors += int(errors.size());
                        current.finishTimes.append(QString::number(m_wall.nsecsElapsed() / 1e9, 'f', 3));
                        if (++current.recordsDone == 2)
                            handoverDone(since);
                    });
            job->start();
            m.clients.push_back(std::move(client));
        }
    }

    void handoverDone(const QDateTime &since)
    {
        Measure &m = measure();
        // What the step does with the records once both servers have answered (on the GUI thread).
        QElapsedTimer evidenceClock;
        evidenceClock.start();
        const QList<CiIntegrations::Evidence> evidence =
            CiEvidence::evidenceFrom(m.records[0], m.records[1], since);
        const QList<CiIntegrations::Integration> rows = CiIntegrations::group(evidence);
        m.evidenceSeconds = evidenceClock.nsecsElapsed() / 1e9;
        m.handoverWall = m_wall.nsecsElapsed() / 1e9;
        m_stallTimer.stop();

        qint64 requests = 0;
        qint64 bytes = 0;
        QMap<QString, int> byKind;
        for (const auto &client : m.clients) {
            requests += client->requestCount();
            bytes += client->byteCount();
            for (const QString &path : client->recordedPaths())
                ++byKind[kindOf(path)];
        }
        QStringList kinds;
        for (auto it = byKind.begin(); it != byKind.end(); ++it)
            kinds << QStringLiteral("%1=%2").arg(it.key()).arg(it.value());
        out() << name("window")
              << (m.days > 0 ? QStringLiteral("%1 days").arg(m.days) : QStringLiteral("all")) << Qt::endl;
        for (int i = 0; i < 2; ++i) {
            const CiEvidence::ServerRecords &r = m.records[i];
            int keys = 0;
            for (const InventoryUser &u : r.snapshot.users)
                keys += int(u.apiKeys.size());
            out() << "records" << m.suffix << ' ' << (i == 0 ? "old" : "new")
                  << ": events=" << r.events.size()
                  << " (API key or service account) spaces=" << r.snapshot.spaces.size()
                  << " users=" << r.snapshot.users.size() << " api-keys=" << keys
                  << " build-information=" << r.snapshot.buildInformation.size() << Qt::endl;
        }
        out() << name("requests") << requests << " (" << kinds.join(QLatin1Char(' ')) << ")" << Qt::endl;
        out() << name("bytes") << bytes << " (bodies as decoded)" << Qt::endl;
        out() << name("evidence") << evidence.size() << " pieces, " << rows.size() << " integrations"
              << (m.errors > 0 ? QStringLiteral(" (%1 ERRORS)").arg(m.errors) : QString()) << Qt::endl;
        // Every field of every piece: the same digest before and after a change to the reading (but for the
        // "newest" build of a piece whose newest builds share their time: the first to arrive is named).
        // Sorted: the order of the pieces follows the order the spaces' pages arrived in.
        QStringList lines;
        for (const CiIntegrations::Evidence &e : evidence) {
            const QStringList fields = {QString::number(int(e.kind)),
                                        QString::number(int(e.server)),
                                        e.time.toString(Qt::ISODateWithMs),
                                        e.detail,
                                        e.system,
                                        e.location,
                                        e.username,
                                        QString::number(e.isService),
                                        e.apiKeyPurpose,
                                        e.userAgent,
                                        e.ipAddress};
            lines.append(fields.join(QLatin1Char('\x1f')));
        }
        lines.sort();
        QCryptographicHash digest(QCryptographicHash::Sha1);
        for (const QString &line : std::as_const(lines))
            digest.addData(line.toUtf8() + '\x1e');
        out() << name("evidence-sha1") << digest.result().toHex() << Qt::endl;
        out() << name("wall-s") << QString::number(m.handoverWall, 'f', 3) << " (servers done at "
              << m.finishTimes.join(QStringLiteral(", ")) << " s; evidenceFrom and group "
              << QString::number(m.evidenceSeconds * 1000, 'f', 1) << " ms)" << Qt::endl;
        out() << name("max-gui-stall-ms") << QString::number(m_maxStallNs / 1e6, 'f', 1) << Qt::endl;
        out() << name("cpu-s") << QString::number(cpuSeconds(RUSAGE_SELF) - m_cpuAtStart, 'f', 3) << Qt::endl;
        out() << name("octosim-cpu-s")
              << QString::number((processCpuNs(m_octosim->processId()) - m_octosimCpuAtStart) / 1e9, 'f', 3)
              << Qt::endl;
        wireSince([this](const WireStats &wire) {
            measure().handoverWire = wire;
            wireBaseline([this] { runCurl(); });
        });
    }

    // --- curl --------------------------------------------------------------------------------------------

    // One `curl --parallel --parallel-max N --compressed` per server over the URLs Handover requested, N
    // being Handover's requests in flight per server. The config, key header included, goes to curl's
    // standard input (`-K -`): never on its command line, never in a file.
    void runCurl()
    {
        auto remaining = std::make_shared<int>(2);
        auto notFound = std::make_shared<bool>(false);
        QList<QPair<QProcess *, QByteArray>> curls;
        for (int i = 0; i < 2; ++i) {
            const OctopusClient &client = *measure().clients.at(i);
            QByteArray config;
            QTextStream conf(&config);
            conf << "silent\nno-progress-meter\ncompressed\nnoproxy = \"*\"\nparallel\n";
            conf << "parallel-max = " << std::max(1, client.settings().maxInFlight) << '\n';
            conf << "header = \"X-Octopus-ApiKey: " << m_run->instances.at(i).key << "\"\n";
            const QString base = m_run->instances.at(i).url.toString();
            for (const QString &path : client.recordedPaths())
                conf << "url = \"" << base << path << "\"\noutput = \"/dev/null\"\n";
            conf.flush();
            auto *curl = new QProcess(this);
            curl->setProgram(QStringLiteral("curl"));
            curl->setArguments({QStringLiteral("-K"), QStringLiteral("-")});
            curl->setProcessChannelMode(QProcess::ForwardedChannels);
            auto finishOne = [this, remaining, notFound, curl](bool failed) {
                curl->deleteLater();
                Measure &m = measure();
                m.curlFailed = m.curlFailed || failed;
                if (--*remaining > 0)
                    return;
                m.curlWall = *notFound ? -1 : m_curlClock.nsecsElapsed() / 1e9;
                curlDone(*notFound
                             ? QStringLiteral("n/a (curl not found)")
                             : QString::number(m.curlWall, 'f', 3) +
                                   (m.curlFailed ? QStringLiteral(" (curl reported an error)") : QString()));
            };
            connect(curl, &QProcess::finished, this, [finishOne](int code) { finishOne(code != 0); });
            connect(curl, &QProcess::errorOccurred, this,
                    [finishOne, notFound](QProcess::ProcessError error) {
                        if (error != QProcess::FailedToStart)
                            return; // a crash also ends in finished()
                        *notFound = true;
                        finishOne(true);
                    });
            curls.append({curl, config});
        }
        m_octosimCpuAtCurl = processCpuNs(m_octosim->processId());
        m_curlClock.start();
        for (const auto &[curl, config] : std::as_const(curls)) {
            curl->start();
            curl->write(config); // curl reads the whole config before its first request
            curl->closeWriteChannel();
        }
    }

    void curlDone(const QString &wall)
    {
        out() << name("curl-parallel-wall-s") << wall << Qt::endl;
        out() << name("octosim-cpu-s-during-curl")
              << QString::number((processCpuNs(m_octosim->processId()) - m_octosimCpuAtCurl) / 1e9, 'f', 3)
              << Qt::endl;
        wireSince([this](const WireStats &wire) {
            Measure &m = measure();
            m.curlWire = wire;
            const WireStats &h = m.handoverWire;
            const WireStats &c = m.curlWire;
            if (!h.valid() || !c.valid() || c.bytes <= 0) {
                out() << name("wire-bytes") << "n/a (octosim's /octosim/stats could not be read)" << Qt::endl;
            } else {
                out() << name("wire-bytes") << "handover=" << h.bytes << " curl=" << c.bytes
                      << " ratio=" << QString::number(double(h.bytes) / c.bytes, 'f', 3) << Qt::endl;
                out() << name("compressed-responses") << "handover=" << h.compressed << '/' << h.responses
                      << " curl=" << c.compressed << '/' << c.responses << Qt::endl;
            }
            out() << name("ratio-vs-curl-parallel") << ratio(m) << Qt::endl;
            next();
        });
    }

    void next()
    {
        if (++m_measure < qsizetype(m_run->measures.size())) {
            wireBaseline([this] { runHandover(); });
            return;
        }
        if (m_run == &m_runs[0]) {
            out() << "peak-rss-mb: " << QString::number(peakRssMb(), 'f', 1) << Qt::endl;
            QTimer::singleShot(0, this, &Bench::restartOctosimWithLatency);
            return;
        }
        finish();
    }

    // Every ratio again at the end, the latency run's first (the figure a remote user feels).
    void finish()
    {
        for (const Run *run : {&m_runs[1], &m_runs[0]}) {
            for (const Measure &m : run->measures)
                out() << "ratio-vs-curl-parallel" << m.suffix << ": " << ratio(m) << Qt::endl;
        }
        QCoreApplication::exit(0);
    }

    static QString ratio(const Measure &m)
    {
        return m.curlWall > 0 ? QString::number(m.handoverWall / m.curlWall, 'f', 2) : QStringLiteral("n/a");
    }

    Run m_runs[2];
    Run *m_run = nullptr;
    qsizetype m_measure = 0;
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
    qint64 m_octosimCpuAtStart = 0;
    qint64 m_octosimCpuAtCurl = 0;
    QElapsedTimer m_curlClock;
};

} // namespace

int main(int argc, char *argv[])
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    // --days N[,M…]: the windows to read (0: the whole history); default 30 and the whole history.
    QList<int> windows = {30, 0};
    const QStringList arguments = app.arguments();
    const qsizetype daysIndex = arguments.indexOf(QStringLiteral("--days"));
    if (daysIndex > 0 && daysIndex + 1 < arguments.size()) {
        windows.clear();
        for (const QString &value : arguments.at(daysIndex + 1).split(QLatin1Char(',')))
            windows.append(std::max(0, value.toInt()));
    }
    Bench bench(windows);
    QTimer::singleShot(0, &bench, [&bench] { bench.start(); });
    return app.exec();
}
