#include "apierror.h"

QString ApiError::kindName(ApiErrorKind kind)
{
    switch (kind) {
    case ApiErrorKind::None:
        return QStringLiteral("none");
    case ApiErrorKind::Unreachable:
        return QStringLiteral("unreachable");
    case ApiErrorKind::Timeout:
        return QStringLiteral("timeout");
    case ApiErrorKind::Tls:
        return QStringLiteral("tls");
    case ApiErrorKind::TlsChanged:
        return QStringLiteral("tls-changed");
    case ApiErrorKind::Unauthorized:
        return QStringLiteral("unauthorized");
    case ApiErrorKind::Forbidden:
        return QStringLiteral("forbidden");
    case ApiErrorKind::NotFound:
        return QStringLiteral("not-found");
    case ApiErrorKind::MaintenanceMode:
        return QStringLiteral("maintenance-mode");
    case ApiErrorKind::ServerError:
        return QStringLiteral("server-error");
    case ApiErrorKind::RateLimited:
        return QStringLiteral("rate-limited");
    case ApiErrorKind::ClientError:
        return QStringLiteral("client-error");
    case ApiErrorKind::BadResponse:
        return QStringLiteral("bad-response");
    case ApiErrorKind::RedirectRefused:
        return QStringLiteral("redirect-refused");
    case ApiErrorKind::Cancelled:
        return QStringLiteral("cancelled");
    }
    return QStringLiteral("unknown");
}
