#include "keychainstore.h"

#include <qt6keychain/keychain.h>

// Jobs are deliberately not children of the store: libsecret answers asynchronously with the job as its
// context, so a job deleted with its parent before the answer arrives would be used after it is freed. Each
// job deletes itself once it has finished (autoDelete); if the store is gone by then, the connection (whose
// context is the store) is already cut and nothing is emitted.
KeychainStore::KeychainStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{}

void KeychainStore::writeSecret(const QString &account, const QString &secret)
{
    auto *job = new QKeychain::WritePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *finishedJob) {
        const bool ok = finishedJob->error() == QKeychain::NoError;
        Q_EMIT written(account, ok, ok ? QString() : finishedJob->errorString());
    });
    job->start();
}

void KeychainStore::readSecret(const QString &account)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *finishedJob) {
        auto *readJob = static_cast<QKeychain::ReadPasswordJob *>(finishedJob);
        switch (readJob->error()) {
        case QKeychain::NoError:
            Q_EMIT read(account, true, readJob->textData(), QString());
            break;
        case QKeychain::EntryNotFound:
            Q_EMIT read(account, false, QString(), QString());
            break;
        default:
            Q_EMIT read(account, false, QString(), readJob->errorString());
            break;
        }
    });
    job->start();
}

void KeychainStore::deleteSecret(const QString &account)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service);
    job->setAutoDelete(true);
    job->setKey(account);
    connect(job, &QKeychain::Job::finished, this, [this, account](QKeychain::Job *finishedJob) {
        const bool ok =
            finishedJob->error() == QKeychain::NoError || finishedJob->error() == QKeychain::EntryNotFound;
        Q_EMIT deleted(account, ok, ok ? QString() : finishedJob->errorString());
    });
    job->start();
}
