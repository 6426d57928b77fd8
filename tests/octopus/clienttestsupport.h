#pragma once

// What client tests against loopback peers share: settings with short timeouts and fast retries, and a
// capture of a job's one result.

#include "apijob.h"
#include "connectionsettings.h"

#include <QObject>

#include <memory>
#include <optional>

inline ConnectionSettings loopbackSettings(const QUrl &url, const QString &apiKey, ServerRole role)
{
    ConnectionSettings settings;
    settings.baseUrl = url;
    settings.apiKey = apiKey;
    settings.role = role;
    settings.connectTimeoutMs = 3000;
    settings.transferTimeoutMs = 3000;
    settings.retryBaseDelayMs = 10;
    settings.retryMaxDelayMs = 50;
    return settings;
}

// The job's result once it has finished (empty until then).
inline std::shared_ptr<std::optional<ApiResult>> capture(ApiJob *job)
{
    auto captured = std::make_shared<std::optional<ApiResult>>();
    QObject::connect(job, &ApiJob::finished, job,
                     [captured](const ApiResult &result) { *captured = result; });
    return captured;
}
