#include "auditresultsmodel.h"

#include <QCoreApplication>

#include "auditplanstate.h"

#include <QMap>

AuditResultsModel::AuditResultsModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

void AuditResultsModel::setFindings(const QList<AuditFinding> &findings)
{
    beginResetModel();
    m_findings = findings;
    regroup();
    endResetModel();
}

void AuditResultsModel::appendFindings(const QList<AuditFinding> &findings)
{
    if (findings.isEmpty())
        return;
    beginResetModel();
    m_findings.append(findings);
    sortAuditFindings(m_findings);
    regroup();
    endResetModel();
}

void AuditResultsModel::clear()
{
    setFindings({});
}

const AuditFinding *AuditResultsModel::findingAt(const QModelIndex &index) const
{
    if (!index.isValid() || index.model() != this || index.internalId() == 0)
        return nullptr;
    const Group &group = m_groups.at(int(index.internalId() - 1));
    return &m_findings.at(group.rows.at(index.row()));
}

void AuditResultsModel::setGrouping(Grouping grouping)
{
    if (grouping == m_grouping)
        return;
    beginResetModel();
    m_grouping = grouping;
    regroup();
    endResetModel();
}

void AuditResultsModel::regroup()
{
    m_groups.clear();
    QMap<QString, int> byTitle;       // File grouping: sorted by path
    QMap<int, QString> orderedTitles; // Category / Severity: enum order
    QHash<QString, QList<int>> rows;
    for (int i = 0; i < m_findings.size(); ++i) {
        const AuditFinding &f = m_findings.at(i);
        QString title;
        switch (m_grouping) {
        case Grouping::File:
            title = f.file;
            break;
        case Grouping::Category:
            title = auditCategoryName(f.category);
            orderedTitles.insert(int(f.category), title);
            break;
        case Grouping::Severity:
            title = auditSeverityName(f.severity);
            orderedTitles.insert(int(f.severity), title);
            break;
        }
        rows[title].append(i);
        byTitle.insert(title, 0);
    }
    const QStringList titles = m_grouping == Grouping::File ? byTitle.keys() : orderedTitles.values();
    for (const QString &title : titles)
        m_groups.append({title, rows.value(title)});
}

void AuditResultsModel::setDecisions(const QHash<QString, QString> &decisions)
{
    m_decisions = decisions;
    if (!m_groups.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(int(m_groups.size()) - 1, ColumnCount - 1));
    for (int g = 0; g < m_groups.size(); ++g) {
        const QModelIndex parent = index(g, 0);
        if (rowCount(parent) > 0)
            Q_EMIT dataChanged(index(0, 0, parent), index(rowCount(parent) - 1, ColumnCount - 1, parent));
    }
}

QString AuditResultsModel::statusOf(const AuditFinding &finding) const
{
    return m_decisions.value(AuditPlanState::findingKey(finding));
}

void AuditResultsModel::setStatus(const QModelIndex &index, const QString &status)
{
    const AuditFinding *finding = findingAt(index);
    if (!finding)
        return;
    const QString key = AuditPlanState::findingKey(*finding);
    if (m_decisions.value(key) == status)
        return;
    if (status.isEmpty())
        m_decisions.remove(key);
    else
        m_decisions.insert(key, status);
    Q_EMIT dataChanged(this->index(index.row(), 0, index.parent()),
                       this->index(index.row(), ColumnCount - 1, index.parent()));
    Q_EMIT decisionChanged(key, status);
}

QModelIndex AuditResultsModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_groups.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_groups.size())
        return {};
    if (row >= m_groups.at(parent.row()).rows.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex AuditResultsModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int AuditResultsModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_groups.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_groups.at(parent.row()).rows.size());
}

int AuditResultsModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

QString AuditResultsModel::statusText(const QString &status) const
{
    if (status == QLatin1String(AuditPlanState::Fixed))
        return tr("Fixed");
    if (status == QLatin1String(AuditPlanState::Accepted))
        return tr("Accepted");
    return QString();
}

QVariant AuditResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid())
        return {};
    if (index.internalId() == 0) {
        const Group &group = m_groups.at(index.row());
        switch (role) {
        case Qt::DisplayRole:
            return index.column() == LocationColumn
                       ? QStringLiteral("%1 (%2)").arg(group.title).arg(group.rows.size())
                       : QVariant();
        case IsGroupRole:
            return true;
        case FindingIndexRole:
            return -1;
        default:
            return {};
        }
    }
    const Group &group = m_groups.at(int(index.internalId() - 1));
    const int findingIndex = group.rows.at(index.row());
    const AuditFinding &f = m_findings.at(findingIndex);
    switch (role) {
    case Qt::DisplayRole:
        switch (Column(index.column())) {
        case LocationColumn:
            if (m_grouping == Grouping::File)
                return QStringLiteral("%1:%2").arg(f.line).arg(f.column);
            if (!f.location.isEmpty()) // a script stored on a server: its place, and the line in it
                return QCoreApplication::translate("AuditResultsModel", "%1, line %2")
                    .arg(f.location)
                    .arg(f.line);
            return QStringLiteral("%1:%2:%3").arg(f.file).arg(f.line).arg(f.column);
        case SeverityColumn:
            return auditSeverityName(f.severity);
        case CategoryColumn:
            return auditCategoryName(f.category);
        case SnippetColumn:
            return f.snippet;
        case HintColumn:
            return f.hint;
        case StatusColumn:
            return statusText(statusOf(f));
        case ColumnCount:
            break;
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == LocationColumn && !f.url.isEmpty())
            return f.location + QLatin1Char('\n') + f.url;
        return index.column() == HintColumn || index.column() == SnippetColumn
                   ? f.snippet + QLatin1Char('\n') + f.hint
                   : QVariant();
    case IsGroupRole:
        return false;
    case FindingIndexRole:
        return findingIndex;
    case CategoryRole:
        return auditCategoryName(f.category);
    case SeverityRole:
        return auditSeverityName(f.severity);
    case StatusRole:
        return statusOf(f);
    case AbsolutePathRole:
        return f.absolutePath;
    case LineRole:
        return f.line;
    case SearchTextRole:
        return f.file + QLatin1Char('\n') + f.snippet + QLatin1Char('\n') + f.hint;
    default:
        return {};
    }
}

QVariant AuditResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (Column(section)) {
    case LocationColumn:
        return tr("Location");
    case SeverityColumn:
        return tr("Severity");
    case CategoryColumn:
        return tr("Category");
    case SnippetColumn:
        return tr("Snippet");
    case HintColumn:
        return tr("What to do");
    case StatusColumn:
        return tr("Status");
    case ColumnCount:
        break;
    }
    return {};
}
