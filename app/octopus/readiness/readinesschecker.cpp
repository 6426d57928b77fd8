#include "readinesschecker.h"

#include "readinessmodel.h"
#include "readinessrules.h"

ReadinessChecker::ReadinessChecker(ReadinessModel *oldModel, ReadinessModel *newModel, QObject *parent)
    : QObject(parent)
    , m_old(oldModel)
    , m_new(newModel)
{
    connect(m_old, &ReadinessModel::changed, this, &ReadinessChecker::changed);
    connect(m_new, &ReadinessModel::changed, this, &ReadinessChecker::changed);
}

QList<ReadinessCheck> ReadinessChecker::pairChecks(bool final) const
{
    return ReadinessRules::pairChecks(m_old->facts(), m_new->facts(), final);
}

QList<ReadinessCheck> ReadinessChecker::checks(bool final) const
{
    QList<ReadinessCheck> all = m_old->checks(final);
    all += m_new->checks(final);
    all += pairChecks(final);
    return all;
}
