#include "sessioncredentials.h"

SessionCredentials::SessionCredentials(QObject *parent)
    : QObject(parent)
{}

void SessionCredentials::setApiKey(ServerRole role, const QString &key)
{
    QString &slot = role == ServerRole::Old ? m_oldKey : m_newKey;
    if (slot == key)
        return;
    slot = key;
    Q_EMIT apiKeyChanged(role);
}

void SessionCredentials::clear()
{
    setApiKey(ServerRole::Old, {});
    setApiKey(ServerRole::New, {});
}
