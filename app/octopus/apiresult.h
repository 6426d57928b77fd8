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
    qint64 bytes = 0;

    bool ok() const { return !error.isError(); }
};

Q_DECLARE_METATYPE(ApiResult)
