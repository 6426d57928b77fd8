#pragma once

#include "certificateinfo.h"
#include "migrationplan.h" // ServerRole

#include <QByteArray>
#include <QMetaType>
#include <QString>
#include <QUrl>

#include <optional>

// What went wrong with one REST call, as a value. Turned into text for people in exactly one place:
// ApiErrorText::describe().
enum class ApiErrorKind
{
    None,
    Unreachable,     // DNS, refused, reset, closed early: a network error
    Timeout,         // connect, transfer (no bytes for too long) or whole-request deadline
    Tls,             // the certificate could not be verified; `certificate` says what was presented
    TlsChanged,      // a pinned server presented another certificate; both fingerprints are set
    Unauthorized,    // 401: missing or wrong API key
    Forbidden,       // 403
    NotFound,        // 404
    MaintenanceMode, // a write refused because the server is in maintenance mode
    ServerError,     // 5xx
    RateLimited,     // 429
    ClientError,     // other 4xx (400, 409, ...)
    BadResponse,     // not JSON, truncated, too large, unexpected status
    RedirectRefused, // a redirect to another origin (or https -> http)
    Cancelled,       // cancelled by the caller
};

struct ApiError
{
    ApiErrorKind kind = ApiErrorKind::None;
    std::optional<ServerRole> server; // old/new; empty for one-server verbs
    QUrl serverUrl;                   // the server's base URL (never carries a key)
    QByteArray method;                // GET, POST, ...
    QString path;                // path and query of the call, e.g. /api/Spaces-1/machines?skip=0&take=1000
    int status = 0;              // HTTP status, 0 when none was received
    QString message;             // Octopus ErrorMessage (+ Errors), or the network layer's reason
    CertificateInfo certificate; // Tls / TlsChanged: what the server presented
    QString pinnedFingerprint;   // TlsChanged: what we expected
    QUrl redirectTarget;         // RedirectRefused: where the server wanted to send us
    int retryAfterSeconds = -1;  // RateLimited: the server's Retry-After, when given

    bool isError() const { return kind != ApiErrorKind::None; }
    // Stable machine-readable name, e.g. "unreachable", "tls", "maintenance-mode".
    static QString kindName(ApiErrorKind kind);
};

Q_DECLARE_METATYPE(ApiError)
