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
#include <QThreadPool>

#include <memory>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

// Lives on the network thread (one for all clients) and owns its client's QNetworkAccessManager, with the
// proxy policy of its settings (NetworkProxyPolicy). Everything here runs on that thread: sending, redirect
// and TLS decisions, retries, timeouts; large bodies are parsed on a shared pool. Results leave through
// finished(), which OctopusClient receives with a queued connection on its own thread.
class NetworkWorker : public QObject
{
    Q_OBJECT
public:
    // `parsePool` (the application's NetworkContext's) parses large answers; it outlives the worker.
    NetworkWorker(const ConnectionSettings &settings, QThreadPool *parsePool);
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
        qint64 bytes = 0;
        bool sent = false;         // the request left: the silence timeout applies
        bool answered = false;     // the status line arrived
        qint64 firstAttemptMs = 0; // m_clock: the deadline covers the whole call, retries included
        qint64 lastActivityMs = 0; // m_clock: the last byte in either direction
        QPointer<QNetworkReply> reply;
        QUrl url;                  // of the request now on the wire (changes with allowed redirects)
        int watchdogTimer = 0;     // connect, silence and whole-attempt timeouts (QObject::startTimer)
        QTimer *backoff = nullptr; // waiting before the next attempt
        ApiError abortReason;      // set before we abort a reply ourselves
    };

    void pump();
    void dequeue(quint64 id);
    void dispatch(Call *call);
    void armWatchdog(Call *call);
    void stopWatchdog(Call *call);
    void timerEvent(QTimerEvent *event) override;
    void onWatchdog(Call *call);
    void onReplyFinished(Call *call);
    void abortWith(Call *call, ApiError error);
    void conclude(Call *call, ApiResult result, QByteArray body);
    void finish(Call *call, ApiResult result);
    void releaseReply(Call *call);
    ApiError baseError(const Call *call) const;
    ApiError tooLarge(const Call *call) const;
    QUrl resolve(const QString &path) const;
    ApiResult classify(Call *call, QNetworkReply *reply, QByteArray *pendingBody);
    void onParsed(quint64 id, ApiResult result);
    static void parseBody(ApiResult *result, const QByteArray &body, const ApiRequest &request);
    QNetworkAccessManager *nam();

    ConnectionSettings m_settings;
    QThreadPool *m_parsePool;
    QElapsedTimer m_clock;
    QNetworkAccessManager *m_nam = nullptr;
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
};
