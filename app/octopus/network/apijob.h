#pragma once

#include "apiresult.h"

#include <QObject>
#include <QPointer>

class OctopusClient;

// One REST call as seen by its caller. Lives on the caller's thread, emits finished() exactly once (with a
// value or an ApiError, including Cancelled and Timeout), then deletes itself unless autoDelete is off.
class ApiJob : public QObject
{
    Q_OBJECT
public:
    ~ApiJob() override;

    quint64 id() const { return m_id; }
    bool isFinished() const { return m_finished; }
    const ApiResult &result() const { return m_result; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }

    // Finishes the job now with ApiErrorKind::Cancelled and stops the request. No-op once finished.
    void cancel();

Q_SIGNALS:
    void finished(const ApiResult &result);

private:
    friend class OctopusClient;
    ApiJob(OctopusClient *client, quint64 id, const ApiError &identity, int watchdogMs, QObject *parent);
    void complete(const ApiResult &result);
    void timerEvent(QTimerEvent *event) override;

    QPointer<OctopusClient> m_client;
    quint64 m_id;
    ApiError m_identity; // server, method, path: used for Cancelled/Timeout results made here
    ApiResult m_result;
    int m_watchdogTimer = 0; // a timer of this object's own (QObject::startTimer): no timer object per call
    int m_watchdogMs = 0;
    bool m_finished = false;
    bool m_autoDelete = true;
};
