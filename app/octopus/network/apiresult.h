#pragma once

#include "apierror.h"

#include <QJsonDocument>
#include <QMetaType>
#include <QVariant>

// What an ApiJob hands back: a parsed answer or an error, never both.
struct ApiResult
{
    ApiError error;
    int status = 0;
    QJsonDocument json;
    QVariant transformed; // ApiRequest::transform's output
    int attempts = 0;
    qint64 bytes = 0;     // of the decoded body
    bool http2 = false;   // the answer came over HTTP/2 (Qt negotiates it over TLS where the server offers it)

    bool ok() const { return !error.isError(); }
};

Q_DECLARE_METATYPE(ApiResult)
