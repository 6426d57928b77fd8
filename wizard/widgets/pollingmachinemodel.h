#pragma once

#include "migrationplan.h"
#include "tentaclemachine.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QSortFilterProxyModel>

#include <optional>

// Every polling target and worker of the old server, one row each, with what the new server says about it.
// Display strings are made once per row, so scrolling 10,000 rows stays cheap.
class PollingMachineModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        GroupColumn, // what the table is grouped by (hidden when not grouping)
        SpaceColumn,
        NameColumn,
        KindColumn,
        ScopeColumn, // environments (targets) or worker pools (workers)
        RolesColumn,
        TenantsColumn,
        OsColumn,
        VersionColumn,
        UpgradeColumn,
        OldHealthColumn,
        NewStatusColumn,
        ColumnCount
    };
    enum class GroupBy
    {
        None,
        Space,
        Environment
    };
    enum Role
    {
        MachineIdRole = Qt::UserRole + 1,
        SearchTextRole,
        KindRole,         // "target" / "worker"
        SpaceRole,        // space name
        EnvironmentsRole, // QStringList
    };

    explicit PollingMachineModel(QObject *parent = nullptr);

    void setMachines(const QList<TentacleMachine> &machines);
    // The new server's HealthStatus per machine id (from its inventory); empty = not known.
    void setNewServerHealth(const QHash<QString, QString> &health);
    void setMarks(const QMap<QString, TentacleMark> &marks);
    // One row at a time (verification results arrive one by one).
    void setMark(const QString &id, const std::optional<TentacleMark> &mark);
    void setNewHealth(const QString &id, const QString &health);
    std::optional<TentacleMark> mark(const QString &id) const;
    void setGroupBy(GroupBy groupBy);
    // Shown in the new-status column while a verification is running for these machines.
    void setChecking(const QStringList &ids, bool checking);

    const TentacleMachine &machine(int row) const { return m_rows.at(row).machine; }
    int rowOf(const QString &id) const { return m_index.value(id, -1); }
    const QList<TentacleMachine> machines() const;
    QString newStatusText(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    struct Row
    {
        TentacleMachine machine;
        QString scope;
        QString roles;
        QString tenants;
        QString os;
        QString upgrade;
        QString search;
        QString newHealth;
        bool checking = false;
        std::optional<TentacleMark> mark;
    };
    QString groupText(const Row &row) const;
    void emitColumnChanged(int column);

    QList<Row> m_rows;
    QHash<QString, int> m_index;
    GroupBy m_groupBy = GroupBy::None;
};

// Search text, kind, space and environment filters over PollingMachineModel.
class PollingMachineFilter : public QSortFilterProxyModel
{
    Q_OBJECT
public:
    explicit PollingMachineFilter(QObject *parent = nullptr);

    void setSearchText(const QString &text);
    void setKind(const QString &kind); // "", "target", "worker"
    void setSpace(const QString &space);
    void setEnvironment(const QString &environment);

protected:
    bool filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const override;

private:
    QString m_search;
    QString m_kind;
    QString m_space;
    QString m_environment;
};
