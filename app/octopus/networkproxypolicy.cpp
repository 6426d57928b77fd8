#include "networkproxypolicy.h"

#include <QCoreApplication>
#include <QHostAddress>

NetworkProxyPolicy::NetworkProxyPolicy(const QString &setting)
{
    QString ignored;
    if (!parse(setting, &m_proxy, &ignored))
        m_proxy = QNetworkProxy(QNetworkProxy::DefaultProxy); // validated before it gets here
}

bool NetworkProxyPolicy::parse(const QString &setting, QNetworkProxy *proxy, QString *reason)
{
    const QString text = setting.trimmed();
    if (text.isEmpty()) {
        *proxy = QNetworkProxy(QNetworkProxy::DefaultProxy);
        return true;
    }
    if (text.compare(QLatin1String("none"), Qt::CaseInsensitive) == 0 ||
        text.compare(QLatin1String("direct"), Qt::CaseInsensitive) == 0) {
        *proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        return true;
    }
    const QUrl url(text, QUrl::StrictMode);
    const QString scheme = url.scheme().toLower();
    QNetworkProxy::ProxyType type = QNetworkProxy::DefaultProxy;
    if (scheme == QLatin1String("http"))
        type = QNetworkProxy::HttpProxy;
    else if (scheme == QLatin1String("socks5") || scheme == QLatin1String("socks5h"))
        type = QNetworkProxy::Socks5Proxy;
    if (!url.isValid() || type == QNetworkProxy::DefaultProxy || url.host().isEmpty()) {
        *reason = QCoreApplication::translate(
                      "NetworkProxyPolicy",
                      "'%1' is not a proxy: use http://HOST:PORT, socks5://HOST:PORT, or none")
                      .arg(text);
        return false;
    }
    if (!url.userInfo().isEmpty()) {
        *reason = QCoreApplication::translate("NetworkProxyPolicy",
                                              "a proxy URL must not carry a user name or password");
        return false;
    }
    if ((!url.path().isEmpty() && url.path() != QLatin1String("/")) || url.hasQuery()) {
        *reason =
            QCoreApplication::translate("NetworkProxyPolicy", "a proxy URL has only a host and a port: '%1'")
                .arg(text);
        return false;
    }
    *proxy = QNetworkProxy(type, url.host(), quint16(url.port(type == QNetworkProxy::HttpProxy ? 3128 : 1080)));
    return true;
}

bool NetworkProxyPolicy::isLoopbackHost(const QString &host)
{
    const QString h = host.toLower();
    if (h == QLatin1String("localhost") || h.endsWith(QLatin1String(".localhost")))
        return true;
    const QHostAddress address(h.startsWith(QLatin1Char('[')) ? h.mid(1, h.size() - 2) : h);
    return !address.isNull() && address.isLoopback();
}

QList<QNetworkProxy> NetworkProxyPolicy::queryProxy(const QNetworkProxyQuery &query)
{
    if (m_proxy.type() != QNetworkProxy::DefaultProxy)
        return {m_proxy};
    if (isLoopbackHost(query.peerHostName()))
        return {QNetworkProxy(QNetworkProxy::NoProxy)};
    const QString key = query.url().scheme().toLower() + QLatin1Char('|') + query.peerHostName().toLower() +
                        QLatin1Char('|') + QString::number(query.peerPort());
    auto it = m_systemAnswers.constFind(key);
    if (it == m_systemAnswers.cend()) {
        QList<QNetworkProxy> answer = QNetworkProxyFactory::systemProxyForQuery(query);
        if (answer.isEmpty())
            answer.append(QNetworkProxy(QNetworkProxy::NoProxy));
        it = m_systemAnswers.insert(key, answer);
    }
    return it.value();
}

QList<QNetworkProxy> NetworkProxyPolicy::proxiesFor(const QString &setting, const QUrl &url)
{
    NetworkProxyPolicy policy(setting);
    return policy.queryProxy(QNetworkProxyQuery(url));
}
