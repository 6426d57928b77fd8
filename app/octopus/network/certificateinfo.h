#pragma once

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QString>
#include <QStringList>

// What a server's TLS certificate says, for the trust prompt and for error messages.
struct CertificateInfo
{
    QString subject;
    QString issuer;
    QDateTime notBefore;
    QDateTime notAfter;
    QString sha256;        // upper-case hex without colons
    QStringList sslErrors; // why the system trust store refused it (empty when it did not)

    bool isNull() const { return sha256.isEmpty(); }
    static CertificateInfo fromCertificate(const QSslCertificate &certificate);

    // SHA-256 fingerprint of a certificate, upper-case hex without colons.
    static QString fingerprintOf(const QSslCertificate &certificate);
    // Accepts hex with or without colons (or spaces), any case. Returns upper-case hex without separators,
    // or an empty string when it is not 64 hex digits.
    static QString normaliseFingerprint(const QString &text);
    // AB:CD:... for display.
    static QString displayFingerprint(const QString &normalised);
};
