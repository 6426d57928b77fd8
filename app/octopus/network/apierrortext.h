#pragma once

#include "apierror.h"

#include <QCoreApplication>
#include <QString>

// The one place where an ApiError becomes text for people. Every message names the server (old/new and
// its URL) and the call (method and path), then what went wrong and, where useful, what to do.
class ApiErrorText
{
    Q_DECLARE_TR_FUNCTIONS(ApiErrorText)

public:
    static QString describe(const ApiError &error);
    // Subject, issuer, validity and SHA-256 fingerprint, for the trust prompt and TLS errors.
    static QString describeCertificate(const CertificateInfo &certificate);
    // "the old server (https://…)", "the new server (…)" or "the server https://…".
    static QString serverName(const ApiError &error);
};
