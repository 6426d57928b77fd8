#pragma once

#include <QObject>
#include <QString>

// API keys live only here (the system secret service through QtKeychain) or in memory.
// Every call is asynchronous and answers exactly once through its signal. An error (any QtKeychain error,
// including "no secret service on this session") is reported as text and means "keychain unavailable".
class KeychainStore : public QObject
{
    Q_OBJECT
public:
    explicit KeychainStore(const QString &service = QStringLiteral("handover"), QObject *parent = nullptr);

    // `account` names the secret, e.g. the server URL the key belongs to.
    void writeSecret(const QString &account, const QString &secret);
    void readSecret(const QString &account);
    void deleteSecret(const QString &account);

Q_SIGNALS:
    void written(const QString &account, bool ok, const QString &error);
    // found == false with an empty error: no such entry. A non-empty error: the keychain failed.
    void read(const QString &account, bool found, const QString &secret, const QString &error);
    void deleted(const QString &account, bool ok, const QString &error);

private:
    QString m_service;
};
