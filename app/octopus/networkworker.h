#pragma once

#include "apirequest.h"
#include "apiresult.h"
#include "connectionsettings.h"

#include <QElapsedTimer>
#include <QHash>
#include <QList>
#include <QMutex>
#include <QObject>
#include <QPointer>
#include <QSslError>
#include <QThreadPool>

#include <memory>

class HttpConnection;
class QTimer;

// Lives on the network thread (one for all clients) and owns its client's HTTP connections (HttpConnection,
// kept alive, at most maxInFlight). Everything here runs on that thread: sending, redirect and TLS decisions,
// retries, timeouts; large bodies are parsed on a shared pool. Results leave through finished(), which
// OctopusClient receives with a queued connection on its own thread.
class NetworkWorker : public QObject
{
    Q_OBJECT
public:
    explicit NetworkWorker(const ConnectionSettings &settings);
    ~NetworkWorker() override;

public Q_SLOTS:
    void start(quint64 id, const ApiRequest &request);
    void cancel(quint64 id);
    void cancelAll();
    void updateSettings(const ConnectionSettings &settings);

Q_SIGNALS:
    void finished(quint64 id, const ApiResult &result);

private:
    struct Call
    {
        quint64 id = 0;
        ApiRequest request;
        int attempt = 0;
        QUrl url;                 // of the request now on the wire (changes with redirects)
        QByteArray method;        // likewise (a 303 turns it into GET)
        int redirects = 0;        // within this attempt
        bool staleResend = false; // already resent once after a stale keep-alive connection
        bool sent = false;        // the request left: the silence timeout applies
        HttpConnection *connection = nullptr;
        int watchdogTimer = 0; // connect, silence and whole-attempt timeouts (QObject::startTimer)
        qint64 attemptStartMs = 0;
        QTimer *backoff = nullptr; // waiting before the next attempt
        ApiError abortReason;      // set when we refuse a TLS handshake ourselves
    };

    void pump();
    void dequeue(quint64 id);
    void dispatch(Call *call);
    void sendOn(Call *call);
    void armWatchdog(Call *call);
    void stopWatchdog(Call *call);
    void timerEvent(QTimerEvent *event) override;
    void onWatchdog(Call *call);
    HttpConnection *acquireConnection(bool reuse);
    void releaseConnection(Call *call, bool reusable);
    void closeIdleConnections();
    Call *callUsing(HttpConnection *connection); // null (and the connection dropped) when none
    void onConnectionFinished(HttpConnection *connection);
    void onConnectionFailed(HttpConnection *connection, int failure, const QString &message);
    void onSslErrors(HttpConnection *connection, const QList<QSslError> &errors);
    void failCall(Call *call, ApiError error);
    void conclude(Call *call, ApiResult result, QByteArray body);
    void finish(Call *call, ApiResult result);
    ApiError baseError(const Call *call) const;
    QUrl resolve(const QString &path) const;
    ApiResult classify(Call *call, int status, const QByteArray &retryAfter, const QByteArray &body);
    void onParsed(quint64 id, ApiResult result);
    static void parseBody(ApiResult *result, const QByteArray &body, const ApiRequest &request);

    ConnectionSettings m_settings;
    QElapsedTimer m_clock;
    QList<HttpConnection *> m_idle; // open keep-alive connections waiting for a request
    QHash<quint64, Call *> m_calls;
    QHash<int, quint64> m_watchdogs; // timer id -> call id
    QList<quint64> m_urgentQueue;    // waiting for an in-flight slot, served first: urgent requests, retries
    QList<quint64> m_queue;          // waiting for an in-flight slot, in order
    int m_inFlight = 0;
    struct Guard
    {
        QMutex mutex;
        NetworkWorker *worker = nullptr;
    };
    std::shared_ptr<Guard> m_guard;
    static QThreadPool *parsePool();
};
