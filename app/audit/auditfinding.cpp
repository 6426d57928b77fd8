#include "auditfinding.h"

#include <algorithm>
#include <array>
#include <utility>

namespace {

constexpr std::array kCategories = {
    std::pair{AuditCategory::Secret, "secret"},
    std::pair{AuditCategory::PlaceholderKey, "placeholder-key"},
    std::pair{AuditCategory::OldServerUrl, "old-server-url"},
    std::pair{AuditCategory::ApiCall, "api-call"},
    std::pair{AuditCategory::MissingEndpoint, "missing-endpoint"},
    std::pair{AuditCategory::DeprecatedRoute, "deprecated-route"},
    std::pair{AuditCategory::LegacyCli, "legacy-cli"},
    std::pair{AuditCategory::ClientLibrary, "client-library"},
};

constexpr std::array kSeverities = {
    std::pair{AuditSeverity::Breaking, "breaking"},
    std::pair{AuditSeverity::MustChange, "must-change"},
    std::pair{AuditSeverity::Deprecated, "deprecated"},
    std::pair{AuditSeverity::Security, "security"},
    std::pair{AuditSeverity::Info, "info"},
};

} // namespace

QString auditCategoryName(AuditCategory category)
{
    for (const auto &[value, name] : kCategories) {
        if (value == category)
            return QString::fromLatin1(name);
    }
    return {};
}

QString auditSeverityName(AuditSeverity severity)
{
    for (const auto &[value, name] : kSeverities) {
        if (value == severity)
            return QString::fromLatin1(name);
    }
    return {};
}

bool auditCategoryFromName(const QString &name, AuditCategory *category)
{
    for (const auto &[value, text] : kCategories) {
        if (name == QLatin1String(text)) {
            *category = value;
            return true;
        }
    }
    return false;
}

bool auditSeverityFromName(const QString &name, AuditSeverity *severity)
{
    for (const auto &[value, text] : kSeverities) {
        if (name == QLatin1String(text)) {
            *severity = value;
            return true;
        }
    }
    return false;
}

QList<AuditCategory> allAuditCategories()
{
    QList<AuditCategory> result;
    for (const auto &entry : kCategories)
        result.append(entry.first);
    return result;
}

QList<AuditSeverity> allAuditSeverities()
{
    QList<AuditSeverity> result;
    for (const auto &entry : kSeverities)
        result.append(entry.first);
    return result;
}

bool auditFindingLessThan(const AuditFinding &a, const AuditFinding &b)
{
    if (const int c = QString::compare(a.file, b.file); c != 0)
        return c < 0;
    if (const int c = QString::compare(a.absolutePath, b.absolutePath); c != 0)
        return c < 0;
    if (a.line != b.line)
        return a.line < b.line;
    if (a.column != b.column)
        return a.column < b.column;
    return a.category < b.category;
}

void sortAuditFindings(QList<AuditFinding> &findings)
{
    std::stable_sort(findings.begin(), findings.end(), auditFindingLessThan);
}
