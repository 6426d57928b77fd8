#pragma once

#include "apikeylookup.h"
#include "keychainstore.h"

#include <QObject>
#include <QString>
#include <QUrl>

#include <functional>

class QTextStream;

// Finds the API keys of the old and the new server for a verb: HANDOVER_OLD_API_KEY / HANDOVER_NEW_API_KEY,
// else the keychain entry the wizard stored; never an argument. Calls `ready` once both are known. A missing
// key is reported on `err`, naming the server and its URL, and ends the event loop with exit code 2.
class ServerPairKeyLookup : public QObject
{
    Q_OBJECT
public:
    ServerPairKeyLookup(const QString &verb, const QUrl &oldUrl, const QUrl &newUrl, QTextStream &err,
                        QObject *parent = nullptr);

    void start(std::function<void(const QString &oldKey, const QString &newKey)> ready);

private:
    void onKey(bool isOld, const QString &key, const QString &reason);

    QString m_verb;
    QUrl m_oldUrl;
    QUrl m_newUrl;
    QTextStream &m_err;
    KeychainStore m_keychain;
    ApiKeyLookup m_oldLookup;
    ApiKeyLookup m_newLookup;
    QString m_oldKey;
    QString m_newKey;
    int m_answered = 0;
    bool m_missing = false;
    std::function<void(const QString &, const QString &)> m_ready;
};
