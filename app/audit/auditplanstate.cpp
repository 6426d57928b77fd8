#include "auditplanstate.h"

#include <QCryptographicHash>
#include <QJsonArray>

AuditPlanState AuditPlanState::fromJson(const QJsonObject &section)
{
    AuditPlanState state;
    for (const QJsonValue &folder : section.value(QLatin1String("folders")).toArray()) {
        if (folder.isString() && !folder.toString().isEmpty())
            state.folders.append(folder.toString());
    }
    state.swaggerFile = section.value(QLatin1String("swaggerFile")).toString();
    const QJsonObject decisions = section.value(QLatin1String("decisions")).toObject();
    for (auto it = decisions.begin(); it != decisions.end(); ++it) {
        const QString status = it.value().toString();
        if (status == QLatin1String(Fixed) || status == QLatin1String(Accepted))
            state.decisions.insert(it.key(), status);
    }
    return state;
}

void AuditPlanState::writeTo(QJsonObject &section) const
{
    section.insert(QLatin1String("folders"), QJsonArray::fromStringList(folders));
    if (swaggerFile.isEmpty())
        section.remove(QLatin1String("swaggerFile"));
    else
        section.insert(QLatin1String("swaggerFile"), swaggerFile);
    QJsonObject map;
    for (auto it = decisions.begin(); it != decisions.end(); ++it)
        map.insert(it.key(), it.value());
    section.insert(QLatin1String("decisions"), map);
}

QString AuditPlanState::findingKey(const AuditFinding &finding)
{
    const QByteArray hash =
        QCryptographicHash::hash(finding.snippet.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("%1:%2:%3:%4")
        .arg(finding.absolutePath)
        .arg(finding.line)
        .arg(auditCategoryName(finding.category), QString::fromLatin1(hash));
}
