#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

// What a finding is about. The strings (categoryName) are part of the CLI's public contract.
enum class AuditCategory
{
    Secret,          // "secret": a real-looking API key literal
    PlaceholderKey,  // "placeholder-key": API-YOURAPIKEY, API-XXXX...
    OldServerUrl,    // "old-server-url": a URL or bare host of the old server
    ApiCall,         // "api-call": a REST route the new server serves (or no swagger to judge against)
    MissingEndpoint, // "missing-endpoint": a route the new server's swagger does not serve
    DeprecatedRoute, // "deprecated-route": legacy route without a space id, or a retired alias
    LegacyCli,       // "legacy-cli": octo / Octo.exe and OCTOPUS_CLI_* variables
    ClientLibrary,   // "client-library": Octopus.Client, go-octopusdeploy, api-client, Terraform provider
};

// How urgent. The strings (severityName) are part of the CLI's public contract.
enum class AuditSeverity
{
    Breaking,   // "breaking": stops working at cutover
    MustChange, // "must-change": must be changed as part of the migration
    Deprecated, // "deprecated": still works, retired or legacy
    Security,   // "security": a secret in clear text
    Info,       // "info": inventory only
};

// One finding. `file` is relative to the root the user gave; `absolutePath` is for opening it.
struct AuditFinding
{
    QString file;
    QString absolutePath;
    int line = 0;   // 1-based
    int column = 0; // 1-based, in UTF-16 code units of the decoded line
    AuditCategory category = AuditCategory::ApiCall;
    AuditSeverity severity = AuditSeverity::Info;
    QString snippet; // the line, trimmed, shortened, every real-looking API key masked
    QString hint;    // what to do about it
    QString detail;  // machine-friendly detail: normalised route, host, library@version, ...
    // A script stored on a server (empty for files): where it lives ("Space › Project › Deployment process ›
    // Step 'Notify' › script", also in `file`) and the web portal link that opens it (also in absolutePath).
    QString location;
    QString url;
};

Q_DECLARE_METATYPE(AuditFinding)

QString auditCategoryName(AuditCategory category);
QString auditSeverityName(AuditSeverity severity);
bool auditCategoryFromName(const QString &name, AuditCategory *category);
bool auditSeverityFromName(const QString &name, AuditSeverity *severity);
QList<AuditCategory> allAuditCategories();
QList<AuditSeverity> allAuditSeverities();

// Deterministic output order: file, line, column, category.
bool auditFindingLessThan(const AuditFinding &a, const AuditFinding &b);
void sortAuditFindings(QList<AuditFinding> &findings);
