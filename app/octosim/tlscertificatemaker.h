#pragma once

#include <QSslCertificate>
#include <QSslKey>
#include <QString>

namespace octosim {

// Makes a self-signed certificate for 127.0.0.1 and localhost with OpenSSL's C API (Qt has no
// certificate generation), or loads a PEM certificate and key from files.
class TlsCertificateMaker
{
public:
    static bool makeSelfSigned(const QString &commonName, QSslCertificate *certificate, QSslKey *key,
                               QString *error);
    static bool load(const QString &certFile, const QString &keyFile, QSslCertificate *certificate,
                     QSslKey *key, QString *error);
    // SHA-256 of the DER certificate, upper-case hex without separators.
    static QString thumbprint(const QSslCertificate &certificate);
};

} // namespace octosim
