#include "certificateinfo.h"

#include <QCryptographicHash>

CertificateInfo CertificateInfo::fromCertificate(const QSslCertificate &certificate)
{
    CertificateInfo info;
    if (certificate.isNull())
        return info;
    info.subject = certificate.subjectDisplayName();
    if (info.subject.isEmpty())
        info.subject = certificate.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    info.issuer = certificate.issuerDisplayName();
    if (info.issuer.isEmpty())
        info.issuer = certificate.issuerInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    info.notBefore = certificate.effectiveDate();
    info.notAfter = certificate.expiryDate();
    info.sha256 = fingerprintOf(certificate);
    return info;
}

QString CertificateInfo::fingerprintOf(const QSslCertificate &certificate)
{
    if (certificate.isNull())
        return {};
    return QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex()).toUpper();
}

QString CertificateInfo::normaliseFingerprint(const QString &text)
{
    QString hex;
    hex.reserve(64);
    for (const QChar c : text) {
        if (c == QLatin1Char(':') || c == QLatin1Char(' ') || c == QLatin1Char('-'))
            continue;
        const bool isHex = (c >= QLatin1Char('0') && c <= QLatin1Char('9')) ||
                           (c.toLower() >= QLatin1Char('a') && c.toLower() <= QLatin1Char('f'));
        if (!isHex)
            return {};
        hex.append(c.toUpper());
    }
    return hex.size() == 64 ? hex : QString();
}

QString CertificateInfo::displayFingerprint(const QString &normalised)
{
    QString out;
    for (int i = 0; i < normalised.size(); i += 2) {
        if (!out.isEmpty())
            out.append(QLatin1Char(':'));
        out.append(normalised.mid(i, 2));
    }
    return out;
}
