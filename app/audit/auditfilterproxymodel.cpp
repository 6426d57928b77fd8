#include "auditfilterproxymodel.h"

#include "auditresultsmodel.h"

AuditFilterProxyModel::AuditFilterProxyModel(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setRecursiveFilteringEnabled(true);
}

void AuditFilterProxyModel::setCategoryFilter(const QString &category)
{
    m_category = category;
    invalidateFilter();
}

void AuditFilterProxyModel::setSeverityFilter(const QString &severity)
{
    m_severity = severity;
    invalidateFilter();
}

void AuditFilterProxyModel::setTextFilter(const QString &text)
{
    m_text = text.trimmed();
    invalidateFilter();
}

void AuditFilterProxyModel::setHideResolved(bool hide)
{
    m_hideResolved = hide;
    invalidateFilter();
}

int AuditFilterProxyModel::visibleFindingCount() const
{
    int count = 0;
    for (int group = 0; group < rowCount(); ++group)
        count += rowCount(index(group, 0));
    return count;
}

bool AuditFilterProxyModel::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex row = sourceModel()->index(sourceRow, 0, sourceParent);
    if (row.data(AuditResultsModel::IsGroupRole).toBool())
        return false; // shown when one of its findings is (recursive filtering)
    if (!m_category.isEmpty() && row.data(AuditResultsModel::CategoryRole).toString() != m_category)
        return false;
    if (!m_severity.isEmpty() && row.data(AuditResultsModel::SeverityRole).toString() != m_severity)
        return false;
    if (m_hideResolved && !row.data(AuditResultsModel::StatusRole).toString().isEmpty())
        return false;
    if (!m_text.isEmpty() &&
        !row.data(AuditResultsModel::SearchTextRole).toString().contains(m_text, Qt::CaseInsensitive))
        return false;
    return true;
}
