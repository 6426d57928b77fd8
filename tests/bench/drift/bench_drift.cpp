// bench-drift: the drift meter's reading (DriftJob) of an octosim pair at --scale large (200,000 events in
// the history) after N drift changes on the old instance and M on the clone, against curl --parallel
// --compressed fetching the same pages (one curl per server, as many requests in flight per server as
// Handover). Prints figures only; never asserts.
//
// Output lines: octosim-ready-s, drift-applied (old, new), events-in-history, requests (per server),
// bytes (bodies as decoded), changes-since-clone, changes-on-clone, clone-time, wall-s, curl-parallel-wall-s
// and ratio-vs-curl-parallel; then the same for the test plan's usage (UsageJob, 90 days on the old server
// and 1 on the clone, as the Test plan tab reads them): usage-*, usage-ratio-vs-curl-parallel. For the GUI:
// the longest the calling thread's event loop went without running a 1 ms timer while each reading ran
// (event-loop-max-gap-ms; the reading's own work on that thread) and the time of the work the views'
// controllers do on the GUI thread once a reading is in (Drift::compare; TestPlan::generate, merge and
// compareCounts). Options: --old-drift N (default 5000), --new-drift M (default 300),
// --runs R (default 3; the best of R for both clients), --latency MS (octosim adds MS to every request).
// Keys never appear on a command line: curl reads them from a -K config file in a private temporary
// directory, deleted afterwards.

#include "drift.h"
#include "driftjob.h"
#include "networkcontext.h"
#include "octopusclient.h"
#include "testplan.h"
#include "usagejob.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkProxy>
#include <QNetworkReply>
#include <QProcess>
#include <QTemporaryDir>
#include <QTextStream>
#include <QTimer>

#include <functional>
#include <limits>
#include <memory>

namespace {

QTextStream &out()
{
    static QTextStream stream(stdout);
    return stream;
}

struct Instance
{
    QUrl url;
    QString key;
};

// The longest gap between two runs of a 1 ms timer on this thread while it is armed: how long the thread's
// event loop was kept from the user's input.
class StallProbe : public QObject
{
public:
    StallProbe()
    {
        m_timer.setInterval(1);
        m_timer.setTimerType(Qt::PreciseTimer);
        connect(&m_timer, &QTimer::timeout, this, [this] {
            const qint64 now = m_clock.nsecsElapsed();
            m_maxGapNs = std::max(m_maxGapNs, now - m_last);
            m_last = now;
        });
    }
    void arm()
    {
        m_maxGapNs = 0;
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    double disarmMs()
    {
        m_timer.stop();
        m_maxGapNs = std::max(m_maxGapNs, m_clock.nsecsElapsed() - m_last);
        return m_maxGapNs / 1e6;
    }

private:
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    qint64 m_maxGapNs = 0;
};

QString ms(double value)
{
    return QString::number(value, 'f', 1);
}

class Bench : public QObject
{
public:
    Bench(int oldDrift, int newDrift, int runs, int latencyMs)
        : m_oldDrift(oldDrift)
        , m_newDrift(newDrift)
        , m_runs(runs)
        , m_latencyMs(latencyMs)
    {
        m_control.setProxy(QNetworkProxy::NoProxy);
    }

    ~Bench() override
    {
        if (m_octosim && m_octosim->state() != QProcess::NotRunning) {
            m_octosim->disconnect(this);
            m_octosim->terminate();
            m_octosim->waitForFinished(5000); // the benchmark's own child, after all measuring
        }
    }

    void start()
    {
        m_octosim = std::make_unique<QProcess>();
        m_octosim->setProgram(QCoreApplication::applicationDirPath() + QStringLiteral("/octosim"));
        QStringList arguments{QStringLiteral("--scale"), QStringLiteral("large")};
        if (m_latencyMs > 0)
            arguments << QStringLiteral("--fault") << QStringLiteral("both:.*=latency:%1").arg(m_latencyMs);
        m_octosim->setArguments(arguments);
        m_octosim->setProcessChannelMode(QProcess::ForwardedErrorChannel);
        connect(m_octosim.get(), &QProcess::readyReadStandardOutput, this, &Bench::onOctosimOutput);
        connect(m_octosim.get(), &QProcess::errorOccurred, this, [this](QProcess::ProcessError) {
            out() << "error: cannot start octosim: " << m_octosim->errorString() << Qt::endl;
            QCoreApplication::exit(1);
        });
        m_clock.start();
        m_octosim->start();
    }

private:
    NetworkContext m_network; // the network thread and parse pool of the clients here; outlives them

    void onOctosimOutput()
    {
        m_buffer += m_octosim->readAllStandardOutput();
        const qsizetype newline = m_buffer.indexOf('\n');
        if (newline < 0 || !m_instances.isEmpty())
            return;
        const QJsonObject ready = QJsonDocument::fromJson(m_buffer.left(newline)).object();
        for (const char *role : {"old", "new"}) {
            const QJsonObject o = ready.value(QLatin1String(role)).toObject();
            m_instances.append({QUrl(o.value(QLatin1String("url")).toString()),
                                o.value(QLatin1String("apiKey")).toString()});
        }
        out() << "octosim-ready-s: " << QString::number(m_clock.elapsed() / 1000.0, 'f', 2) << Qt::endl;
        // The clone's changes first, the old server's after, so that no two share an id and a time.
        post(1, QStringLiteral("/octosim/drift?count=%1").arg(m_newDrift), [this] {
            post(0, QStringLiteral("/octosim/drift?count=%1").arg(m_oldDrift), [this] {
                out() << "drift-applied: old=" << m_oldDrift << " new=" << m_newDrift << Qt::endl;
                runHandover();
            });
        });
    }

    void post(int instance, const QString &path, std::function<void()> then)
    {
        QUrl url = m_instances.at(instance).url;
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        url.setPath(path.left(q));
        url.setQuery(path.mid(q + 1));
        QNetworkRequest request(url);
        request.setRawHeader("X-Octopus-ApiKey", m_instances.at(instance).key.toUtf8());
        request.setTransferTimeout(600000);
        request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
        QNetworkReply *reply = m_control.post(request, QByteArray());
        connect(reply, &QNetworkReply::finished, this, [reply, then] {
            reply->deleteLater();
            if (reply->error() != QNetworkReply::NoError)
                out() << "error: " << reply->errorString() << Qt::endl;
            then();
        });
    }

    // --- Handover ---------------------------------------------------------------------------------------

    void makeClients()
    {
        m_clients.clear();
        for (int i = 0; i < 2; ++i) {
            ConnectionSettings settings;
            settings.baseUrl = m_instances.at(i).url;
            settings.apiKey = m_instances.at(i).key;
            settings.role = i == 0 ? ServerRole::Old : ServerRole::New;
            auto client = std::make_unique<OctopusClient>(settings, &m_network);
            client->setPathRecording(true);
            m_clients.push_back(std::move(client));
        }
    }

    void runHandover()
    {
        makeClients();
        auto *job = new DriftJob(m_clients.at(0).get(), m_clients.at(1).get(), QDateTime(), this);
        m_probe.arm();
        m_wall.start();
        connect(job, &DriftJob::finished, this,
                [this, job](const DriftReading &reading, const QList<ApiError> &errors) {
                    const double wall = m_wall.nsecsElapsed() / 1e9;
                    const double gap = m_probe.disarmMs();
                    job->deleteLater();
                    m_bestHandover = std::min(m_bestHandover, wall);
                    m_maxGapMs = std::max(m_maxGapMs, gap);
                    if (m_handoverRuns++ == 0) {
                        for (const ApiError &e : errors)
                            out() << "error: " << e.path << ' ' << e.message << Qt::endl;
                        QElapsedTimer compareClock;
                        compareClock.start();
                        const Drift::Report r =
                            Drift::compare(reading.oldEvents, reading.newEvents, reading.cloneTime,
                                           reading.cloneTimeGiven, {}, QDateTime::currentDateTimeUtc());
                        out() << "gui-thread-compare-ms: " << ms(compareClock.nsecsElapsed() / 1e6)
                              << " (Drift::compare, as the Drift view's controller runs it)" << Qt::endl;
                        m_driftReport = r;
                        out() << "clone-time: " << r.cloneTime.toString(Qt::ISODateWithMs) << " (detected)"
                              << Qt::endl;
                        out() << "changes-since-clone: " << r.oldServer.changes << " ("
                              << r.oldServer.objects.size() << " objects, " << r.oldServer.structuralChanges
                              << " structural)" << Qt::endl;
                        out() << "changes-on-clone: " << r.clone.changes << Qt::endl;
                        out() << "requests: old=" << m_clients.at(0)->requestCount()
                              << " new=" << m_clients.at(1)->requestCount() << Qt::endl;
                        out() << "bytes: " << m_clients.at(0)->byteCount() + m_clients.at(1)->byteCount()
                              << " (bodies as decoded)" << Qt::endl;
                        for (int i = 0; i < 2; ++i) {
                            m_paths[i] = m_clients.at(i)->recordedPaths();
                            if (qEnvironmentVariableIsSet("BENCH_DRIFT_PATHS")) {
                                for (const QString &path : std::as_const(m_paths[i]))
                                    out() << (i == 0 ? "old " : "new ") << path.left(160) << Qt::endl;
                            }
                        }
                    }
                    out() << "wall-s (run " << m_handoverRuns << "): " << QString::number(wall, 'f', 3)
                          << Qt::endl;
                    if (m_handoverRuns < m_runs)
                        QTimer::singleShot(0, this, &Bench::runHandover);
                    else
                        QTimer::singleShot(0, this, [this] {
                            runCurl(QString(), [this](const QString &problem) {
                                finishPhase(QString(), problem);
                                m_handoverRuns = 0;
                                m_curlRuns = 0;
                                m_bestHandover = m_bestCurl = std::numeric_limits<double>::max();
                                m_maxGapMs = 0;
                                runUsage();
                            });
                        });
                });
        job->start();
    }

    // --- the test plan's usage, as the Test plan tab reads it ----------------------------------------------

    void runUsage()
    {
        makeClients(); // fresh counts and paths per run
        auto remaining = std::make_shared<int>(2);
        auto usages = std::make_shared<QList<TestPlan::Usage>>(2);
        m_probe.arm();
        m_wall.start();
        for (int i = 0; i < 2; ++i) {
            auto *job = new UsageJob(m_clients.at(i).get(), i == 0 ? 90 : 1, this);
            connect(job, &UsageJob::finished, this,
                    [this, job, i, remaining, usages](const TestPlan::Usage &usage,
                                                      const QList<ApiError> &errors) {
                        job->deleteLater();
                        (*usages)[i] = usage;
                        if (m_handoverRuns == 0) {
                            for (const ApiError &e : errors)
                                out() << "error: usage: " << e.path << ' ' << e.message << Qt::endl;
                        }
                        if (--*remaining > 0)
                            return;
                        const double wall = m_wall.nsecsElapsed() / 1e9;
                        m_maxGapMs = std::max(m_maxGapMs, m_probe.disarmMs());
                        m_bestHandover = std::min(m_bestHandover, wall);
                        if (m_handoverRuns++ == 0) {
                            QElapsedTimer planClock;
                            planClock.start();
                            TestPlan::Inputs inputs;
                            inputs.usage = usages->at(0);
                            const QDateTime now = QDateTime::currentDateTimeUtc();
                            const QList<TestPlanRow> rows =
                                TestPlan::merge({}, TestPlan::generate(inputs), now);
                            const QList<TestPlan::CountComparison> counts =
                                TestPlan::compareCounts(usages->at(0), usages->at(1));
                            out() << "usage-gui-thread-plan-ms: " << ms(planClock.nsecsElapsed() / 1e6)
                                  << " (generate, merge, compareCounts)" << Qt::endl;
                            int differing = 0;
                            for (const TestPlan::CountComparison &c : counts)
                                differing += c.differs ? 1 : 0;
                            out() << "usage-deployments-in-window: " << usages->at(0).deployments << " ("
                                  << usages->at(0).projects.size() << " projects, " << rows.size()
                                  << " rows, " << differing << " counts differ)" << Qt::endl;
                            out() << "usage-requests: old=" << m_clients.at(0)->requestCount()
                                  << " new=" << m_clients.at(1)->requestCount() << Qt::endl;
                            for (int c = 0; c < 2; ++c)
                                m_paths[c] = m_clients.at(c)->recordedPaths();
                            out() << "usage-paths: old=" << m_paths[0].size() << " new=" << m_paths[1].size()
                                  << Qt::endl;
                        }
                        out() << "usage-wall-s (run " << m_handoverRuns
                              << "): " << QString::number(wall, 'f', 3) << Qt::endl;
                        if (m_handoverRuns < m_runs)
                            QTimer::singleShot(0, this, &Bench::runUsage);
                        else
                            QTimer::singleShot(0, this, [this] {
                                runCurl(QStringLiteral("usage-"), [this](const QString &problem) {
                                    finishPhase(QStringLiteral("usage-"), problem);
                                    QCoreApplication::exit(0);
                                });
                            });
                    });
            job->start();
        }
    }

    // --- curl --------------------------------------------------------------------------------------------

    // Fetches m_paths with one curl per server; `done` gets an empty text or what went wrong.
    void runCurl(const QString &prefix, std::function<void(const QString &)> done)
    {
        m_curlDone = std::move(done);
        m_curlPrefix = prefix;
        runCurlOnce();
    }

    void runCurlOnce()
    {
        auto finish = [this](const QString &problem) { m_curlDone(problem); };
        if (!m_dir.isValid()) {
            finish(QStringLiteral("n/a (no temporary directory)"));
            return;
        }
        QFile::setPermissions(m_dir.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
        auto remaining = std::make_shared<int>(2);
        auto failed = std::make_shared<bool>(false);
        QList<QProcess *> curls;
        for (int i = 0; i < 2; ++i) {
            const QString configPath = m_dir.filePath(QStringLiteral("curl-%1.conf").arg(i));
            QFile config(configPath);
            if (!config.open(QIODevice::WriteOnly)) {
                qDeleteAll(curls);
                finish(QStringLiteral("n/a (cannot write the config file)"));
                return;
            }
            config.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            QTextStream conf(&config);
            conf << "silent\nno-progress-meter\ncompressed\nnoproxy = \"*\"\nparallel\n";
            conf << "parallel-max = " << std::max(1, m_clients.at(i)->settings().maxInFlight) << '\n';
            conf << "header = \"X-Octopus-ApiKey: " << m_instances.at(i).key << "\"\n";
            const QString base = m_instances.at(i).url.toString();
            for (const QString &path : std::as_const(m_paths[i]))
                conf << "url = \"" << base << path << "\"\noutput = \"/dev/null\"\n";
            conf.flush();
            config.close();
            auto *curl = new QProcess(this);
            curl->setProgram(QStringLiteral("curl"));
            curl->setArguments({QStringLiteral("-K"), configPath});
            curl->setProcessChannelMode(QProcess::ForwardedChannels);
            auto finishOne = [this, remaining, failed, curl, finish](bool error) {
                curl->deleteLater();
                *failed = *failed || error;
                if (--*remaining > 0)
                    return;
                const double wall = m_curlClock.nsecsElapsed() / 1e9;
                m_bestCurl = std::min(m_bestCurl, wall);
                out() << m_curlPrefix << "curl-parallel-wall-s (run " << ++m_curlRuns
                      << "): " << QString::number(wall, 'f', 3)
                      << (*failed ? " (curl reported an error)" : "") << Qt::endl;
                if (m_curlRuns < m_runs && !*failed)
                    QTimer::singleShot(0, this, &Bench::runCurlOnce);
                else
                    finish(*failed ? QStringLiteral("n/a (curl failed)") : QString());
            };
            connect(curl, &QProcess::finished, this, [finishOne](int code) { finishOne(code != 0); });
            connect(curl, &QProcess::errorOccurred, this, [finishOne](QProcess::ProcessError error) {
                if (error == QProcess::FailedToStart)
                    finishOne(true);
            });
            curls.append(curl);
        }
        m_curlClock.start();
        for (QProcess *curl : std::as_const(curls))
            curl->start();
    }

    void finishPhase(const QString &prefix, const QString &problem)
    {
        for (int i = 0; i < 2; ++i)
            QFile::remove(m_dir.filePath(QStringLiteral("curl-%1.conf").arg(i))); // the key was in it
        out() << prefix << "event-loop-max-gap-ms: " << ms(m_maxGapMs)
              << " (the calling thread's longest wait for a 1 ms timer during a reading, worst of "
              << m_handoverRuns << ")" << Qt::endl;
        out() << prefix << "wall-s: " << QString::number(m_bestHandover, 'f', 3) << " (best of "
              << m_handoverRuns << ")" << Qt::endl;
        if (!problem.isEmpty()) {
            out() << prefix << "curl-parallel-wall-s: " << problem << Qt::endl
                  << prefix << "ratio-vs-curl-parallel: n/a" << Qt::endl;
        } else {
            out() << prefix << "curl-parallel-wall-s: " << QString::number(m_bestCurl, 'f', 3) << " (best of "
                  << m_curlRuns << ")" << Qt::endl;
            out() << prefix << "ratio-vs-curl-parallel"
                  << (m_latencyMs > 0 ? QStringLiteral("-at-%1ms").arg(m_latencyMs) : QString()) << ": "
                  << QString::number(m_bestHandover / m_bestCurl, 'f', 2) << Qt::endl;
        }
    }

    int m_oldDrift;
    int m_newDrift;
    int m_runs;
    int m_latencyMs;
    std::unique_ptr<QProcess> m_octosim;
    QByteArray m_buffer;
    QElapsedTimer m_clock;
    QList<Instance> m_instances;
    QNetworkAccessManager m_control;
    std::vector<std::unique_ptr<OctopusClient>> m_clients;
    QStringList m_paths[2];
    QElapsedTimer m_wall;
    QElapsedTimer m_curlClock;
    double m_bestHandover = std::numeric_limits<double>::max();
    double m_bestCurl = std::numeric_limits<double>::max();
    int m_handoverRuns = 0;
    int m_curlRuns = 0;
    double m_maxGapMs = 0;
    StallProbe m_probe;
    Drift::Report m_driftReport;
    std::function<void(const QString &)> m_curlDone;
    QString m_curlPrefix;
    QTemporaryDir m_dir;
};

int intOption(const QStringList &arguments, const QString &name, int fallback)
{
    const qsizetype at = arguments.indexOf(name);
    return at > 0 && at + 1 < arguments.size() ? std::max(0, arguments.at(at + 1).toInt()) : fallback;
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList arguments = app.arguments();
    Bench bench(intOption(arguments, QStringLiteral("--old-drift"), 5000),
                intOption(arguments, QStringLiteral("--new-drift"), 300),
                std::max(1, intOption(arguments, QStringLiteral("--runs"), 3)),
                intOption(arguments, QStringLiteral("--latency"), 0));
    QTimer::singleShot(0, &bench, [&bench] { bench.start(); });
    return app.exec();
}
