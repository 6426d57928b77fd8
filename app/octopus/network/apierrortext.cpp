#include "apierrortext.h"

#include <QCoreApplication>
#include <QLocale>

namespace {

QString certificateText(const CertificateInfo &info)
{
    if (info.isNull())
        return {};
    const QLocale locale;
    return ApiErrorText::tr("Subject: %1; issuer: %2; valid from %3 to %4; SHA-256: %5.")
        .arg(info.subject, info.issuer, locale.toString(info.notBefore, QLocale::ShortFormat),
             locale.toString(info.notAfter, QLocale::ShortFormat),
             CertificateInfo::displayFingerprint(info.sha256));
}

} // namespace

QString ApiErrorText::describeCertificate(const CertificateInfo &certificate)
{
    return certificateText(certificate);
}

QString ApiErrorText::serverName(const ApiError &error)
{
    const QString url = error.serverUrl.toDisplayString(QUrl::RemoveUserInfo);
    if (!error.server)
        return tr("the server %1").arg(url);
    return *error.server == ServerRole::Old ? tr("the old server (%1)").arg(url)
                                            : tr("the new server (%1)").arg(url);
}

QString ApiErrorText::describe(const ApiError &error)
{
    if (!error.isError())
        return {};
    const QString server = serverName(error);
    const QString call = QStringLiteral("%1 %2").arg(QString::fromLatin1(error.method), error.path);
    const QString detail = error.message.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(error.message);
    QString text;
    switch (error.kind) {
    case ApiErrorKind::None:
        break;
    case ApiErrorKind::Unreachable:
        text = tr("Could not reach %1 for %2%3. Check the URL, the network and that the server is running.")
                   .arg(server, call, detail);
        break;
    case ApiErrorKind::Timeout:
        text = tr("%1 did not answer %2 in time%3. Try again or raise --timeout.").arg(server, call, detail);
        break;
    case ApiErrorKind::Tls:
        text = tr("The TLS certificate of %1 could not be verified during %2%3. %4 Trust it only if you "
                  "recognise this fingerprint.")
                   .arg(server, call, detail, certificateText(error.certificate));
        break;
    case ApiErrorKind::TlsChanged:
        text =
            tr("The TLS certificate of %1 has changed (during %2): the trusted certificate has SHA-256 %3, "
               "the server now presents %4. The connection was refused.")
                .arg(server, call, CertificateInfo::displayFingerprint(error.pinnedFingerprint),
                     CertificateInfo::displayFingerprint(error.certificate.sha256));
        break;
    case ApiErrorKind::Unauthorized:
        text = tr("%1 did not accept the API key for %2 (HTTP %3)%4. Check the key for this server.")
                   .arg(server, call)
                   .arg(error.status)
                   .arg(detail);
        break;
    case ApiErrorKind::Forbidden:
        text = tr("%1 refused %2 (HTTP %3)%4: the API key's user lacks the permission.")
                   .arg(server, call)
                   .arg(error.status)
                   .arg(detail);
        break;
    case ApiErrorKind::NotFound:
        text = tr("%1 does not know %2 (HTTP 404)%3. The server version may not offer it.")
                   .arg(server, call, detail);
        break;
    case ApiErrorKind::MaintenanceMode:
        text = tr("%1 is in maintenance mode and refused %2 (HTTP %3)%4.")
                   .arg(server, call)
                   .arg(error.status)
                   .arg(detail);
        break;
    case ApiErrorKind::ServerError:
        text =
            tr("%1 failed while answering %2 (HTTP %3)%4.").arg(server, call).arg(error.status).arg(detail);
        break;
    case ApiErrorKind::RateLimited:
        text =
            error.retryAfterSeconds >= 0
                ? tr("%1 is rate limiting requests and refused %2 (HTTP 429; retry after %3 s)%4.")
                      .arg(server, call)
                      .arg(error.retryAfterSeconds)
                      .arg(detail)
                : tr("%1 is rate limiting requests and refused %2 (HTTP 429)%3.").arg(server, call, detail);
        break;
    case ApiErrorKind::ClientError:
        text = tr("%1 rejected %2 (HTTP %3)%4.").arg(server, call).arg(error.status).arg(detail);
        break;
    case ApiErrorKind::BadResponse:
        text = tr("%1 sent an answer to %2 that Handover cannot read%3.").arg(server, call, detail);
        break;
    case ApiErrorKind::RedirectRefused:
        text =
            tr("%1 redirected %2 to %3, which is another origin; Handover does not follow it, so the API key "
               "is not sent there. Use the final URL as the server URL if it is right.")
                .arg(server, call, error.redirectTarget.toDisplayString());
        break;
    case ApiErrorKind::Cancelled:
        text = tr("%1 on %2 was cancelled.").arg(call, server);
        break;
    }
    if (!text.isEmpty())
        text[0] = text[0].toUpper();
    return text;
}
