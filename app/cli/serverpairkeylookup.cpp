#include "serverpairkeylookup.h"

#include <QCoreApplication>
#include <QTextStream>

ServerPairKeyLookup::ServerPairKeyLookup(const QString &verb, const QUrl &oldUrl, const QUrl &newUrl,
                                         QTextStream &err, QObject *parent)
    : QObject(parent)
    , m_verb(verb)
    , m_oldUrl(oldUrl)
    , m_newUrl(newUrl)
    , m_err(err)
    , m_oldLookup(&m_keychain)
    , m_newLookup(&m_keychain)
{
    connect(&m_oldLookup, &ApiKeyLookup::finished, this,
            [this](const QString &key, const QString &reason) { onKey(true, key, reason); });
    connect(&m_newLookup, &ApiKeyLookup::finished, this,
            [this](const QString &key, const QString &reason) { onKey(false, key, reason); });
}

void ServerPairKeyLookup::start(std::function<void(const QString &, const QString &)> ready)
{
    m_ready = std::move(ready);
    m_oldLookup.lookup(QStringLiteral("HANDOVER_OLD_API_KEY"), m_oldUrl);
    m_newLookup.lookup(QStringLiteral("HANDOVER_NEW_API_KEY"), m_newUrl);
}

void ServerPairKeyLookup::onKey(bool isOld, const QString &key, const QString &reason)
{
    (isOld ? m_oldKey : m_newKey) = key;
    if (key.isEmpty()) {
        m_err << QCoreApplication::translate(
                     "NetworkVerb",
                     "%1: no API key for the %2 server %3: %4. Never pass a key as an argument.")
                     .arg(m_verb,
                          isOld ? QCoreApplication::translate("NetworkVerb", "old")
                                : QCoreApplication::translate("NetworkVerb", "new"),
                          (isOld ? m_oldUrl : m_newUrl).toString(), reason)
              << '\n';
        m_missing = true;
    }
    if (++m_answered < 2)
        return;
    if (m_missing) {
        m_err.flush();
        QCoreApplication::exit(2);
        return;
    }
    m_ready(m_oldKey, m_newKey);
}
