#pragma once

#include "auditfinding.h"

#include <QHash>
#include <QJsonObject>
#include <QStringList>

// What the migration plan keeps about the script audit: the folders the lead chose and a decision per
// finding. Stored in the plan's "scriptAudit" section:
//   { "folders": ["/src/deploy-scripts", ...], "swaggerFile": "...",
//     "decisions": { "<finding key>": "fixed" | "accepted" } }
// Keys other than these are left as they are.
class AuditPlanState
{
public:
    static constexpr auto Fixed = "fixed";
    static constexpr auto Accepted = "accepted";

    QStringList folders;
    QString swaggerFile;               // the new server's swagger.json, saved to a file (optional)
    QHash<QString, QString> decisions; // finding key -> "fixed" / "accepted"

    static AuditPlanState fromJson(const QJsonObject &section);
    void writeTo(QJsonObject &section) const;

    // Stable across scans: absolute file, line, category and a hash of the (masked) snippet, so the key
    // never holds a secret and survives unrelated edits elsewhere in the file only when the line stays.
    static QString findingKey(const AuditFinding &finding);
};
