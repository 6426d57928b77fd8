#pragma once

#include "auditfinding.h"

#include <QAbstractItemModel>
#include <QHash>

// Findings as a two-level tree for the script-audit page: groups (by file, category or severity) with
// their findings below. Holds the lead's decisions (fixed / accepted) keyed by AuditPlanState::findingKey.
class AuditResultsModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum class Grouping
    {
        File,
        Category,
        Severity
    };
    enum Column
    {
        LocationColumn,
        SeverityColumn,
        CategoryColumn,
        SnippetColumn,
        HintColumn,
        StatusColumn,
        ColumnCount
    };
    enum Role
    {
        IsGroupRole = Qt::UserRole + 1,
        FindingIndexRole, // int index into findings(), -1 for a group
        CategoryRole,     // contract name, e.g. "secret"
        SeverityRole,     // contract name, e.g. "must-change"
        StatusRole,       // "", "fixed", "accepted"
        AbsolutePathRole,
        LineRole,
        SearchTextRole, // file, snippet and hint, for the text filter
    };

    explicit AuditResultsModel(QObject *parent = nullptr);

    void setFindings(const QList<AuditFinding> &findings);
    void appendFindings(const QList<AuditFinding> &findings);
    void clear();
    const QList<AuditFinding> &findings() const { return m_findings; }
    const AuditFinding *findingAt(const QModelIndex &index) const;

    void setGrouping(Grouping grouping);
    Grouping grouping() const { return m_grouping; }

    void setDecisions(const QHash<QString, QString> &decisions);
    const QHash<QString, QString> &decisions() const { return m_decisions; }
    QString statusOf(const AuditFinding &finding) const;
    // status: "fixed", "accepted" or empty to clear. Emits decisionChanged.
    void setStatus(const QModelIndex &index, const QString &status);

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

Q_SIGNALS:
    void decisionChanged(const QString &key, const QString &status);

private:
    struct Group
    {
        QString title;
        QList<int> rows; // indexes into m_findings
    };
    void regroup();
    QString statusText(const QString &status) const;

    QList<AuditFinding> m_findings;
    QList<Group> m_groups;
    QHash<QString, QString> m_decisions;
    Grouping m_grouping = Grouping::File;
};
