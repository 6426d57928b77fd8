#pragma once

#include "migrationplan.h"

#include <QObject>
#include <QString>

// The API keys for this session. Memory only: nothing here is ever written to a plan, a setting or a log.
// (A later issue adds loading and storing them through the keychain.)
class SessionCredentials : public QObject
{
    Q_OBJECT
public:
    explicit SessionCredentials(QObject *parent = nullptr);

    QString apiKey(ServerRole role) const { return role == ServerRole::Old ? m_oldKey : m_newKey; }
    void setApiKey(ServerRole role, const QString &key);
    void clear();

Q_SIGNALS:
    void apiKeyChanged(ServerRole role);

private:
    QString m_oldKey;
    QString m_newKey;
};
