#include "apikeylookup.h"

#include "connectionsettings.h"
#include "keychainstore.h"

#include <QCoreApplication>
#include <QTimer>

ApiKeyLookup::ApiKeyLookup(KeychainStore *keychain, QObject *parent)
    : QObject(parent)
    , m_keychain(keychain)
{}

void ApiKeyLookup::lookup(const QString &environmentVariable, const QUrl &serverUrl)
{
    const QString fromEnvironment =
        qEnvironmentVariable(environmentVariable.toLatin1().constData()).trimmed();
    if (!fromEnvironment.isEmpty()) {
        QTimer::singleShot(0, this, [this, fromEnvironment] { Q_EMIT finished(fromEnvironment, QString()); });
        return;
    }
    const QString account = ConnectionSettings::normalisedUrl(serverUrl);
    if (!m_keychain || account.isEmpty()) {
        QTimer::singleShot(0, this, [this, environmentVariable] {
            Q_EMIT finished(
                QString(),
                QCoreApplication::translate("ApiKeyLookup", "%1 is not set").arg(environmentVariable));
        });
        return;
    }
    connect(m_keychain, &KeychainStore::read, this,
            [this, account, environmentVariable](const QString &readAccount, bool found,
                                                 const QString &secret, const QString &error) {
                if (readAccount != account)
                    return;
                disconnect(m_keychain, &KeychainStore::read, this, nullptr);
                if (found && !secret.trimmed().isEmpty()) {
                    Q_EMIT finished(secret.trimmed(), QString());
                    return;
                }
                const QString reason =
                    error.isEmpty()
                        ? QCoreApplication::translate("ApiKeyLookup",
                                                      "%1 is not set and the keychain has no key for %2")
                              .arg(environmentVariable, account)
                        : QCoreApplication::translate("ApiKeyLookup",
                                                      "%1 is not set and the keychain is unavailable (%2)")
                              .arg(environmentVariable, error);
                Q_EMIT finished(QString(), reason);
            });
    m_keychain->readSecret(account);
}
