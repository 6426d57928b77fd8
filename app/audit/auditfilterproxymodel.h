#pragma once

#include <QSortFilterProxyModel>

// Filters an AuditResultsModel by category, severity, free text and decision; a group stays visible while
// any of its findings does (recursive filtering).
class AuditFilterProxyModel : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit AuditFilterProxyModel(QObject *parent = nullptr);

    void setCategoryFilter(const QString &category); // contract name or empty for all
    void setSeverityFilter(const QString &severity); // contract name or empty for all
    void setTextFilter(const QString &text);
    void setHideResolved(bool hide); // hide fixed and accepted findings

    int visibleFindingCount() const;

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_category;
    QString m_severity;
    QString m_text;
    bool m_hideResolved = false;
};
