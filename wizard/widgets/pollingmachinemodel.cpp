#include "pollingmachinemodel.h"

#include "tentaclecommands.h"

#include <QBrush>
#include <QColor>
#include <QLocale>

PollingMachineModel::PollingMachineModel(QObject *parent)
    : QAbstractTableModel(parent)
{}

void PollingMachineModel::setMachines(const QList<TentacleMachine> &machines)
{
    beginResetModel();
    QMap<QString, TentacleMark> marks;
    for (const Row &row : std::as_const(m_rows)) {
        if (row.mark)
            marks.insert(row.machine.id, *row.mark);
    }
    QHash<QString, QString> health;
    for (const Row &row : std::as_const(m_rows))
        health.insert(row.machine.id, row.newHealth);
    m_rows.clear();
    m_index.clear();
    m_rows.reserve(machines.size());
    for (const TentacleMachine &m : machines) {
        Row row;
        row.machine = m;
        row.scope = (m.isWorker() ? m.workerPools : m.environments).join(QStringLiteral(", "));
        row.roles = m.roles.join(QStringLiteral(", "));
        row.tenants = m.tenants.join(QStringLiteral(", "));
        switch (TentacleCommands::osFor(m)) {
        case TentacleCommands::Os::Windows:
            row.os = tr("Windows");
            break;
        case TentacleCommands::Os::Linux:
            row.os = tr("Linux");
            break;
        case TentacleCommands::Os::Unknown:
            row.os = tr("unknown");
            break;
        }
        if (m.isKubernetesAgent())
            row.os = tr("Kubernetes agent");
        QStringList upgrade;
        if (m.upgradeRequired)
            upgrade << tr("required");
        else if (m.upgradeSuggested)
            upgrade << tr("suggested");
        if (m.upgradeLocked)
            upgrade << tr("locked");
        row.upgrade = upgrade.join(QStringLiteral(", "));
        row.search = QStringList{m.id,        m.name, m.spaceName,       row.scope,        row.roles,
                                 row.tenants, row.os, m.tentacleVersion, m.operatingSystem}
                         .join(QLatin1Char('\n'));
        row.newHealth = health.value(m.id);
        if (marks.contains(m.id))
            row.mark = marks.value(m.id);
        m_index.insert(m.id, int(m_rows.size()));
        m_rows.append(row);
    }
    endResetModel();
}

const QList<TentacleMachine> PollingMachineModel::machines() const
{
    QList<TentacleMachine> list;
    list.reserve(m_rows.size());
    for (const Row &row : m_rows)
        list.append(row.machine);
    return list;
}

void PollingMachineModel::emitColumnChanged(int column)
{
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, column), index(int(m_rows.size()) - 1, column));
}

void PollingMachineModel::setNewServerHealth(const QHash<QString, QString> &health)
{
    for (Row &row : m_rows)
        row.newHealth = health.value(row.machine.id);
    emitColumnChanged(NewStatusColumn);
}

void PollingMachineModel::setMarks(const QMap<QString, TentacleMark> &marks)
{
    for (Row &row : m_rows) {
        const auto it = marks.constFind(row.machine.id);
        if (it == marks.constEnd())
            row.mark.reset();
        else
            row.mark = *it;
    }
    emitColumnChanged(NewStatusColumn);
}

void PollingMachineModel::setMark(const QString &id, const std::optional<TentacleMark> &mark)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    m_rows[r].mark = mark;
    Q_EMIT dataChanged(index(r, NewStatusColumn), index(r, NewStatusColumn));
}

void PollingMachineModel::setNewHealth(const QString &id, const QString &health)
{
    const int r = rowOf(id);
    if (r < 0)
        return;
    m_rows[r].newHealth = health;
    Q_EMIT dataChanged(index(r, NewStatusColumn), index(r, NewStatusColumn));
}

std::optional<TentacleMark> PollingMachineModel::mark(const QString &id) const
{
    const int r = rowOf(id);
    return r < 0 ? std::nullopt : m_rows.at(r).mark;
}

void PollingMachineModel::setChecking(const QStringList &ids, bool checking)
{
    for (const QString &id : ids) {
        const int r = rowOf(id);
        if (r < 0)
            continue;
        m_rows[r].checking = checking;
        Q_EMIT dataChanged(index(r, NewStatusColumn), index(r, NewStatusColumn));
    }
}

void PollingMachineModel::setGroupBy(GroupBy groupBy)
{
    if (m_groupBy == groupBy)
        return;
    m_groupBy = groupBy;
    emitColumnChanged(GroupColumn);
}

QString PollingMachineModel::groupText(const Row &row) const
{
    switch (m_groupBy) {
    case GroupBy::None:
        return {};
    case GroupBy::Space:
        return row.machine.spaceName;
    case GroupBy::Environment:
        return row.machine.isWorker() ? tr("(workers)") : row.scope;
    }
    return {};
}

QString PollingMachineModel::newStatusText(int r) const
{
    const Row &row = m_rows.at(r);
    if (row.checking)
        return tr("checking…");
    const QLocale locale;
    if (row.mark) {
        const TentacleMark &mark = *row.mark;
        switch (mark.verification) {
        case TentacleMark::Verification::Verified:
            return tr("verified %1 (%2)")
                .arg(locale.toString(mark.checkedAt.toLocalTime(), QLocale::ShortFormat), mark.healthStatus);
        case TentacleMark::Verification::Failed:
            return tr("not reached %1 (%2)")
                .arg(locale.toString(mark.checkedAt.toLocalTime(), QLocale::ShortFormat), mark.healthStatus);
        case TentacleMark::Verification::Pending:
            return tr("re-pointed %1, pending")
                .arg(locale.toString(mark.repointedAt.toLocalTime(), QLocale::ShortFormat));
        }
    }
    return row.newHealth.isEmpty() ? tr("not checked") : row.newHealth;
}

int PollingMachineModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int PollingMachineModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant PollingMachineModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_rows.size())
        return {};
    const Row &row = m_rows.at(index.row());
    const TentacleMachine &m = row.machine;
    switch (role) {
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
        switch (index.column()) {
        case GroupColumn:
            return groupText(row);
        case SpaceColumn:
            return m.spaceName;
        case NameColumn:
            return m.name;
        case KindColumn:
            return m.isWorker() ? tr("worker") : tr("target");
        case ScopeColumn:
            return row.scope;
        case RolesColumn:
            return row.roles;
        case TenantsColumn:
            return row.tenants;
        case OsColumn:
            return role == Qt::ToolTipRole ? m.operatingSystem : row.os;
        case VersionColumn:
            return m.tentacleVersion.isEmpty() ? tr("unknown") : m.tentacleVersion;
        case UpgradeColumn:
            return row.upgrade;
        case OldHealthColumn:
            return m.isDisabled ? tr("%1 (disabled)").arg(m.healthStatus) : m.healthStatus;
        case NewStatusColumn:
            return newStatusText(index.row());
        }
        break;
    case Qt::ForegroundRole:
        if (index.column() == NewStatusColumn && row.mark) {
            if (row.mark->verification == TentacleMark::Verification::Verified)
                return QBrush(QColor(0x1a, 0x7f, 0x37));
            if (row.mark->verification == TentacleMark::Verification::Failed)
                return QBrush(QColor(0xcf, 0x22, 0x2e));
            return QBrush(QColor(0x9a, 0x67, 0x00));
        }
        break;
    case MachineIdRole:
        return m.id;
    case SearchTextRole:
        return row.search;
    case KindRole:
        return TentacleMachine::kindName(m.kind);
    case SpaceRole:
        return m.spaceName;
    case EnvironmentsRole:
        return m.environments;
    default:
        break;
    }
    return {};
}

QVariant PollingMachineModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case GroupColumn:
        return tr("Group");
    case SpaceColumn:
        return tr("Space");
    case NameColumn:
        return tr("Name");
    case KindColumn:
        return tr("Kind");
    case ScopeColumn:
        return tr("Environments / pools");
    case RolesColumn:
        return tr("Roles");
    case TenantsColumn:
        return tr("Tenants");
    case OsColumn:
        return tr("OS");
    case VersionColumn:
        return tr("Tentacle");
    case UpgradeColumn:
        return tr("Upgrade");
    case OldHealthColumn:
        return tr("Health (old)");
    case NewStatusColumn:
        return tr("Status (new)");
    }
    return {};
}

PollingMachineFilter::PollingMachineFilter(QObject *parent)
    : QSortFilterProxyModel(parent)
{
    setSortCaseSensitivity(Qt::CaseInsensitive);
    setSortLocaleAware(true);
}

void PollingMachineFilter::setSearchText(const QString &text)
{
    m_search = text.trimmed();
    invalidateFilter();
}

void PollingMachineFilter::setKind(const QString &kind)
{
    m_kind = kind;
    invalidateFilter();
}

void PollingMachineFilter::setSpace(const QString &space)
{
    m_space = space;
    invalidateFilter();
}

void PollingMachineFilter::setEnvironment(const QString &environment)
{
    m_environment = environment;
    invalidateFilter();
}

bool PollingMachineFilter::filterAcceptsRow(int sourceRow, const QModelIndex &sourceParent) const
{
    const QModelIndex index = sourceModel()->index(sourceRow, 0, sourceParent);
    if (!m_kind.isEmpty() && index.data(PollingMachineModel::KindRole).toString() != m_kind)
        return false;
    if (!m_space.isEmpty() && index.data(PollingMachineModel::SpaceRole).toString() != m_space)
        return false;
    if (!m_environment.isEmpty() &&
        !index.data(PollingMachineModel::EnvironmentsRole).toStringList().contains(m_environment))
        return false;
    if (!m_search.isEmpty()) {
        const QStringList words = m_search.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        const QString text = index.data(PollingMachineModel::SearchTextRole).toString();
        for (const QString &word : words) {
            if (!text.contains(word, Qt::CaseInsensitive))
                return false;
        }
    }
    return true;
}
