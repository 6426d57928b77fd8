#pragma once

#include <QList>
#include <QObject>
#include <QString>
#include <QStringList>
#include <QUrl>

#include <memory>

namespace octosim {

enum class Scale
{
    Demo,
    Large
};

// One --fault INSTANCE:PATH_REGEX=KIND[:ARG]
struct FaultSpec
{
    QString instance; // "old", "new" or "both"
    QString pathRegex;
    QString kind; // latency, status, reset, truncate, badjson, slow, huge, redirect
    QString argument;
};

struct Options
{
    quint64 seed = 1;
    Scale scale = Scale::Demo;
    quint16 oldPort = 0; // 0 = pick a free port
    quint16 newPort = 0;
    bool tls = false;
    QString certFile; // with --tls; empty = self-signed certificate made at start
    QString keyFile;
    bool unresetClone = false;
    double driftPerMinute = 0;
    QList<FaultSpec> faults;
    int maintenanceStatus = 503; // 403 or 503
    bool verbose = false;
    bool exitWithStdin = false; // --exit-with-stdin: quit when standard input reaches end of file
};

// Parses octosim's command line (without argv[0]). On failure returns false and fills *error
// with a one-line reason; the caller prints usage() and exits 2.
bool parseArguments(const QStringList &arguments, Options *options, QString *error);
QString usage();

struct InstanceEndpoint
{
    QUrl url;               // e.g. http://127.0.0.1:40123
    QString apiKey;         // admin key
    QString readOnlyApiKey; // a non-admin key with view permissions only: writes answer 403
    QString operatorApiKey; // a non-admin key that may write (health checks, machine edits), not administer
    QString thumbprint;     // TLS certificate SHA-256 (hex, upper case) when tls, else empty
};

// The two simulated instances. Lives on the thread that created it; serves from that thread's event loop.
//
// Beyond the Octopus API, each instance answers three control endpoints (admin API key required; not
// faulted): POST /octosim/drift?count=N applies N drift changes now (old or new instance), and
// PUT /octosim/health {"IsOperatingNormally":bool,"IsDraining":bool} makes /api/serverstatus/health
// and /api/octopusservernodes/ping answer 418. Simulator only: POST /octosim/control/repoint
// {"MachineIds":[...]} records that those polling Tentacles now poll this instance, so that a Health task on
// it (POST /api/{space}/tasks Name "Health") marks them Healthy; on the clone the other polling Tentacles
// stay Unavailable. /api/swagger.json is served anonymously.
class OctoSimServer : public QObject
{
    Q_OBJECT
public:
    explicit OctoSimServer(const Options &options, QObject *parent = nullptr);
    ~OctoSimServer() override;

    // Generates the data and binds both listeners on 127.0.0.1. Synchronous. False + *error on failure.
    bool start(QString *error);

    InstanceEndpoint oldInstance() const;
    InstanceEndpoint newInstance() const;

    // The single JSON line printed when ready:
    // {"old":{"url","apiKey","readOnlyApiKey","operatorApiKey","thumbprint"},"new":{...}} (thumbprint null
    // without TLS).
    QByteArray readyLine() const;

    // Milliseconds start() spent generating both instances' data.
    qint64 generationMsecs() const;
    // Applies count drift changes to the old instance now (tests; --drift-per-minute does it on a timer).
    int driftOldInstance(int count);

private:
    class Private;
    std::unique_ptr<Private> d;
};

} // namespace octosim
