#include "proxysetting.h"

#include <QCoreApplication>
#include <QUrl>

bool ProxySetting::parse(const QString &setting, ProxySetting *out, QString *reason)
{
    const QString text = setting.trimmed();
    ProxySetting result;
    if (text.isEmpty()) {
        *out = result;
        return true;
    }
    if (text.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0 ||
        text.compare(QLatin1String("direct"), Qt::CaseInsensitive) == 0) {
        result.kind = Kind::None;
        *out = result;
        return true;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("http"))
        result.kind = Kind::Http;
    else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        result.kind = Kind::Socks5;
    if (!url.isValid() || result.kind == Kind::System || url.host().isEmpty()) {
        *reason =
            QCoreApplication::translate(
                "ProxySetting", "'%1' is not a proxy: use http://HOST:PORT, socks5://HOST:PORT, or none")
                .arg(text);
        return false;
    }
    if (!url.userInfo().isEmpty()) {
        *reason =
            QCoreApplication::translate("ProxySetting", "a proxy URL must not carry a user name or password");
        return false;
    }
    if ((!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery() || url.hasFragment()) {
        *reason = QCoreApplication::translate("ProxySetting", "a proxy URL has only a host and a port: '%1'")
                      .arg(text);
        return false;
    }
    result.host = url.host();
    result.port = url.port(result.kind == Kind::Http ? 3128 : 1080);
    *out = result;
    return true;
}
