#pragma once

#include "apirequest.h"
#include "apiresult.h"
#include "connectionsettings.h"

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

// Lives on the client's network thread and owns its QNetworkAccessManager. Everything here runs on that
// thread: sending, redirect and TLS decisions, retries, timeouts and JSON parsing. Results leave through
// finished(), which OctopusClient receives with a queued connection on its own thread.
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
        qint64 bytes = 0;
        QPointer<QNetworkReply> reply;
        QTimer *watchdog = nullptr; // connect timeout, then transfer (silence) timeout
        QTimer *deadline = nullptr; // whole attempt
        QTimer *backoff = nullptr;  // waiting before the next attempt
        ApiError abortReason;       // set before we abort a reply ourselves
    };

    void pump();
    void dispatch(Call *call);
    void onReplyFinished(Call *call);
    void abortWith(Call *call, ApiError error);
    void finish(Call *call, ApiResult result);
    void releaseReply(Call *call);
    ApiError baseError(const Call *call) const;
    QUrl resolve(const QString &path) const;
    ApiResult classify(Call *call, QNetworkReply *reply, QByteArray *pendingBody);
    void onParsed(quint64 id, ApiResult result);
    static void parseBody(ApiResult *result, const QByteArray &body, const ApiRequest &request);
    QNetworkAccessManager *nam();

    ConnectionSettings m_settings;
    QNetworkAccessManager *m_nam = nullptr;
    QHash<quint64, Call *> m_calls;
    QList<quint64> m_queue; // waiting for an in-flight slot, in order
    int m_inFlight = 0;
    struct Guard
    {
        QMutex mutex;
        NetworkWorker *worker = nullptr;
    };
    std::shared_ptr<Guard> m_guard;
    static QThreadPool *parsePool();
};
