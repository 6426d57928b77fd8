#pragma once

#include "apierror.h"

#include <QByteArray>
#include <QDateTime>

// When a call is repeated and how long to wait. Only idempotent GETs are ever retried; writes never.
class RetryPolicy
{
public:
    RetryPolicy(int maxAttempts, int baseDelayMs, int maxDelayMs, int maxRetryAfterSeconds);

    // Would a GET that failed with this error, on attempt `attempt` (1-based), be tried again?
    bool shouldRetry(bool idempotent, const ApiError &error, int attempt) const;
    // Wait before attempt `attempt + 1`: the server's Retry-After when given (>= 0), else exponential
    // backoff (base * 2^(attempt-1), capped) with +-50% jitter.
    int delayMs(int attempt, int retryAfterSeconds) const;

    // Retry-After is either delay-seconds or an HTTP-date. Returns seconds (>= 0) or -1 if absent/invalid.
    static int parseRetryAfter(const QByteArray &value,
                               const QDateTime &now = QDateTime::currentDateTimeUtc());

private:
    int m_maxAttempts;
    int m_baseDelayMs;
    int m_maxDelayMs;
    int m_maxRetryAfterSeconds;
};
