#pragma once

#include <QObject>
#include <QString>
#include <QUrl>

class KeychainStore;

// Where the command line finds a server's API key: an environment variable, else the keychain entry the
// wizard stored (account = ConnectionSettings::normalisedUrl). Never an argument. Answers exactly once.
class ApiKeyLookup : public QObject
{
    Q_OBJECT
public:
    ApiKeyLookup(KeychainStore *keychain, QObject *parent = nullptr);

    // `keychain` may be null (environment only).
    void lookup(const QString &environmentVariable, const QUrl &serverUrl);

Q_SIGNALS:
    // key empty: not found; `reason` then says where we looked (translated).
    void finished(const QString &key, const QString &reason);

private:
    KeychainStore *m_keychain;
};
