#pragma once

#include "apijob.h"
#include "apirequest.h"
#include "connectionsettings.h"

#include <QHash>
#include <QObject>
#include <QPointer>
#include <QStringList>

class NetworkContext;
class NetworkWorker;
class PagedFetchJob;

// The GUI-side facade of one Octopus Server. The network itself runs on the background thread of the
// application's NetworkContext, shared by all clients (each client's NetworkWorker with its
// QNetworkAccessManager lives there): the caller's thread never waits and never parses.
// Each call returns a job that finishes exactly once on the caller's thread.
class OctopusClient : public QObject
{
    Q_OBJECT
public:
    // `network` (not owned) must outlive the client.
    OctopusClient(const ConnectionSettings &settings, NetworkContext *network, QObject *parent = nullptr);
    // Finishes outstanding jobs as Cancelled and hands its worker to the network thread to delete; never
    // waits.
    ~OctopusClient() override;

    const ConnectionSettings &settings() const { return m_settings; }
    NetworkContext *network() const { return m_network; }
    void setSettings(const ConnectionSettings &settings);
    void setApiKey(const QString &apiKey);
    void setBaseUrl(const QUrl &url);
    // Trusts exactly this certificate for this server (after the user's consent or --trust-fingerprint).
    void pinFingerprint(const QString &sha256);
    void clearPinnedFingerprints();

    // `parent` owns the job while it runs (default: none; the job deletes itself after finished()).
    ApiJob *send(const ApiRequest &request, QObject *parent = nullptr);
    ApiJob *get(const QString &path, QObject *parent = nullptr);
    // A whole collection: Links.Page.Next, or pages fetched in parallel once TotalResults is known.
    PagedFetchJob *fetchAll(const QString &path, QObject *parent = nullptr);

    // Cancels every running job of this client.
    void cancelAll();

    // Benchmarks: remember the path of every call sent (never the key; paths never carry one).
    void setPathRecording(bool on) { m_recordPaths = on; }
    QStringList recordedPaths() const { return m_recordedPaths; }

    // Counters for benchmarks and diagnostics (caller's thread).
    qint64 requestCount() const { return m_requests; }
    qint64 byteCount() const { return m_bytes; }

Q_SIGNALS:
    void settingsChanged();

private:
    friend class ApiJob;
    void abandon(quint64 id);
    void onWorkerFinished(quint64 id, const ApiResult &result);
    void pushSettings();

    ConnectionSettings m_settings;
    NetworkContext *m_network;
    NetworkWorker *m_worker = nullptr;
    QHash<quint64, QPointer<ApiJob>> m_jobs;
    quint64 m_nextId = 1;
    qint64 m_requests = 0;
    qint64 m_bytes = 0;
    bool m_recordPaths = false;
    QStringList m_recordedPaths;
};
