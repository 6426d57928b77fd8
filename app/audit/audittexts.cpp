#include "audittexts.h"

QList<AuditFinding> auditTexts(const QList<AuditText> &texts, const AuditRuleSet::Config &config,
                               const std::atomic_bool *cancelled)
{
    const AuditRuleSet rules(config);
    QList<AuditFinding> out;
    for (const AuditText &text : texts) {
        if (cancelled && cancelled->load())
            break;
        const QByteArray utf8 = text.text.toUtf8();
        if (!rules.mayMatch(utf8))
            continue;
        for (AuditFinding finding : rules.scan(utf8, cancelled)) {
            if (text.valueOnly && finding.category != AuditCategory::OldServerUrl &&
                finding.category != AuditCategory::Secret && finding.category != AuditCategory::LegacyCli)
                continue;
            finding.file = text.location;
            finding.location = text.location;
            finding.absolutePath = text.url;
            finding.url = text.url;
            out.append(finding);
        }
    }
    sortAuditFindings(out);
    return out;
}
