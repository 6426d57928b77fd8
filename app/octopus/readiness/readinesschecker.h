#pragma once

#include "readinesscheck.h"

#include <QObject>

class ReadinessModel;

// The pair: both servers' own checks plus the cross-server ones (version-match, installation-id-differs,
// certificate-thumbprint-same, clone-safe), recomputed whenever either model changes.
class ReadinessChecker : public QObject
{
    Q_OBJECT
public:
    ReadinessChecker(ReadinessModel *oldModel, ReadinessModel *newModel, QObject *parent = nullptr);

    ReadinessModel *oldModel() const { return m_old; }
    ReadinessModel *newModel() const { return m_new; }
    // old.*, new.*, then the pair checks, in a stable order.
    QList<ReadinessCheck> checks(bool final = false) const;
    QList<ReadinessCheck> pairChecks(bool final = false) const;
    ReadinessCheck::Status status() const { return ReadinessCheck::worst(checks()); }

Q_SIGNALS:
    void changed();

private:
    ReadinessModel *m_old;
    ReadinessModel *m_new;
};
