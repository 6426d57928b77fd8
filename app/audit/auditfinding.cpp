#include "auditfinding.h"

#include <algorithm>
#include <array>
#include <utility>
#include <vector>

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

// The same order as std::stable_sort with auditFindingLessThan. Findings come in runs of one file, already
// in line order (the scanner hands over each file's findings together): the runs are sorted by file
// (stably; runs of the same file are joined in their order), then each file's findings by line, column and
// category (stably, and only when not in order yet), so paths are compared per file, not per finding.
void sortAuditFindings(QList<AuditFinding> &findings)
{
    const auto sameFile = [](const AuditFinding &a, const AuditFinding &b) {
        return a.file == b.file && a.absolutePath == b.absolutePath;
    };
    const auto fileLess = [](const AuditFinding &a, const AuditFinding &b) {
        if (const int c = QString::compare(a.file, b.file); c != 0)
            return c < 0;
        return QString::compare(a.absolutePath, b.absolutePath) < 0;
    };
    const auto positionLess = [](const AuditFinding &a, const AuditFinding &b) {
        if (a.line != b.line)
            return a.line < b.line;
        if (a.column != b.column)
            return a.column < b.column;
        return a.category < b.category;
    };
    struct Run
    {
        qsizetype begin;
        qsizetype end;
    };
    std::vector<Run> runs;
    for (qsizetype i = 0; i < findings.size();) {
        qsizetype j = i + 1;
        while (j < findings.size() && sameFile(findings.at(j), findings.at(i)))
            ++j;
        runs.push_back({i, j});
        i = j;
    }
    std::stable_sort(runs.begin(), runs.end(), [&](const Run &a, const Run &b) {
        return fileLess(findings.at(a.begin), findings.at(b.begin));
    });
    QList<AuditFinding> sorted;
    sorted.reserve(findings.size());
    for (size_t r = 0; r < runs.size();) {
        size_t s = r + 1;
        while (s < runs.size() && sameFile(findings.at(runs[s].begin), findings.at(runs[r].begin)))
            ++s;
        const qsizetype first = sorted.size();
        for (size_t k = r; k < s; ++k) {
            for (qsizetype i = runs[k].begin; i < runs[k].end; ++i)
                sorted.append(std::move(findings[i]));
        }
        if (!std::is_sorted(sorted.begin() + first, sorted.end(), positionLess))
            std::stable_sort(sorted.begin() + first, sorted.end(), positionLess);
        r = s;
    }
    findings = std::move(sorted);
}
