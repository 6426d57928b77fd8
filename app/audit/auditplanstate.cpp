#include "auditplanstate.h"

#include <QCryptographicHash>

QString AuditPlanState::findingKey(const AuditFinding &finding)
{
    const QByteArray hash =
        QCryptographicHash::hash(finding.snippet.toUtf8(), QCryptographicHash::Sha256).toHex().left(16);
    return QStringLiteral("%1:%2:%3:%4")
        .arg(finding.absolutePath)
        .arg(finding.line)
        .arg(auditCategoryName(finding.category), QString::fromLatin1(hash));
}
