#include "networkproxypolicy.h"

#include "proxysetting.h"

#include <QHostAddress>

NetworkProxyPolicy::NetworkProxyPolicy(const QString &setting)
{
    QString ignored;
    if (!parse(setting, &m_proxy, &ignored))
        m_proxy = QNetworkProxy(QNetworkProxy::DefaultProxy); // validated before it gets here
}

bool NetworkProxyPolicy::parse(const QString &setting, QNetworkProxy *proxy, QString *reason)
{
    ProxySetting parsed;
    if (!ProxySetting::parse(setting, &parsed, reason))
        return false;
    switch (parsed.kind) {
    case ProxySetting::Kind::System:
        *proxy = QNetworkProxy(QNetworkProxy::DefaultProxy);
        break;
    case ProxySetting::Kind::None:
        *proxy = QNetworkProxy(QNetworkProxy::NoProxy);
        break;
    case ProxySetting::Kind::Http:
        *proxy = QNetworkProxy(QNetworkProxy::HttpProxy, parsed.host, quint16(parsed.port));
        break;
    case ProxySetting::Kind::Socks5:
        *proxy = QNetworkProxy(QNetworkProxy::Socks5Proxy, parsed.host, quint16(parsed.port));
        break;
    }
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
