#pragma once

#include "migrationplan.h" // ServerRole

#include <QSet>
#include <QString>
#include <QUrl>

#include <optional>

// How one OctopusClient reaches its server. The API key is held in memory only and goes nowhere but the
// X-Octopus-ApiKey header.
struct ConnectionSettings
{
    QUrl baseUrl;                   // e.g. https://octopus.example.com or https://host/octopus
    QString apiKey;                 // memory only; never logged, never in a URL
    std::optional<ServerRole> role; // old/new; empty for one-server verbs
    int connectTimeoutMs = 15000;   // until the request has been sent
    int transferTimeoutMs = 30000;  // longest silence while the response arrives
    int requestDeadlineMs = 120000; // one call, retries included: first send to last byte
    int maxInFlight = 6;            // concurrent requests to this server
    int maxAttempts = 4;            // GET only; writes are sent once
    int retryBaseDelayMs = 500;     // first backoff; doubles each attempt, with jitter
    int retryMaxDelayMs = 10000;    // cap of a computed backoff
    int maxRetryAfterSeconds = 60;  // a longer Retry-After is reported instead of waited for
    qint64 maxResponseBytes = 256LL * 1024 * 1024;
    QSet<QString> pinnedFingerprints; // SHA-256, normalised (CertificateInfo::normaliseFingerprint)
    QString proxy; // "" the system's proxy settings, "none", or http://HOST:PORT (see NetworkProxyPolicy)

    // Applies `--timeout SECONDS`: connect and transfer timeouts; the deadline of a call becomes 4x.
    void setTimeoutSeconds(int seconds);

    // scheme://host[:port] with the default port made explicit; what redirects are compared against.
    static QString originOf(const QUrl &url);
    // Lower-case scheme and host, no trailing slash, no query, no user info: the keychain account name
    // and the key for pinned fingerprints. Empty for an invalid or non-http(s) URL.
    static QString normalisedUrl(const QUrl &url);
};
