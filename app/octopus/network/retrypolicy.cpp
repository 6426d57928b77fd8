#include "retrypolicy.h"

#include <QLocale>
#include <QRandomGenerator>

#include <algorithm>

RetryPolicy::RetryPolicy(int maxAttempts, int baseDelayMs, int maxDelayMs, int maxRetryAfterSeconds)
    : m_maxAttempts(std::max(1, maxAttempts))
    , m_baseDelayMs(std::max(0, baseDelayMs))
    , m_maxDelayMs(std::max(0, maxDelayMs))
    , m_maxRetryAfterSeconds(maxRetryAfterSeconds)
{}

bool RetryPolicy::shouldRetry(bool idempotent, const ApiError &error, int attempt) const
{
    if (!idempotent || attempt >= m_maxAttempts)
        return false;
    switch (error.kind) {
    case ApiErrorKind::Unreachable:
    case ApiErrorKind::Timeout:
    case ApiErrorKind::ServerError:
        return true;
    case ApiErrorKind::RateLimited:
        return error.retryAfterSeconds <= m_maxRetryAfterSeconds;
    default:
        return false;
    }
}

int RetryPolicy::delayMs(int attempt, int retryAfterSeconds) const
{
    if (retryAfterSeconds >= 0)
        return std::min(retryAfterSeconds, m_maxRetryAfterSeconds) * 1000;
    const int exponent = std::clamp(attempt - 1, 0, 20);
    const qint64 raw = std::min<qint64>(qint64(m_baseDelayMs) << exponent, m_maxDelayMs);
    // +-50% jitter so that parallel callers do not retry in lock step.
    const double factor = 0.5 + QRandomGenerator::global()->generateDouble();
    return int(std::min<double>(raw * factor, m_maxDelayMs));
}

int RetryPolicy::parseRetryAfter(const QByteArray &value, const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return -1;
    bool ok = false;
    const qint64 seconds = trimmed.toLongLong(&ok);
    if (ok)
        return seconds < 0 ? -1 : int(std::min<qint64>(seconds, 24 * 3600));
    // IMF-fixdate, e.g. "Wed, 21 Oct 2015 07:28:00 GMT" (RFC 9110).
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return -1;
    when.setTimeSpec(Qt::UTC);
    return int(std::clamp<qint64>(now.secsTo(when), 0, 24 * 3600));
}
