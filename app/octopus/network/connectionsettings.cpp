#include "connectionsettings.h"

void ConnectionSettings::setTimeoutSeconds(int seconds)
{
    if (seconds <= 0)
        return;
    connectTimeoutMs = seconds * 1000;
    transferTimeoutMs = seconds * 1000;
    requestDeadlineMs = seconds * 4000;
}

QString ConnectionSettings::originOf(const QUrl &url)
{
    const QString scheme = url.scheme().toLower();
    const int defaultPort =
        scheme == QLatin1String("https") ? 443 : (scheme == QLatin1String("http") ? 80 : -1);
    return QStringLiteral("%1://%2:%3").arg(scheme, url.host().toLower()).arg(url.port(defaultPort));
}

QString ConnectionSettings::normalisedUrl(const QUrl &url)
{
    if (!url.isValid())
        return {};
    const QString scheme = url.scheme().toLower();
    if (scheme != QLatin1String("http") && scheme != QLatin1String("https"))
        return {};
    QUrl clean;
    clean.setScheme(scheme);
    clean.setHost(url.host().toLower());
    const int defaultPort = scheme == QLatin1String("https") ? 443 : 80;
    if (url.port(defaultPort) != defaultPort)
        clean.setPort(url.port());
    QString path = url.path();
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    clean.setPath(path);
    return clean.toString();
}
