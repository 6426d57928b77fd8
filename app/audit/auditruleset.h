#pragma once

#include "auditfinding.h"
#include "needlefinder.h"
#include "swaggercatalog.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QHash>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <array>
#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <vector>

// The audit rules: pure functions over a decoded (UTF-8) text buffer that return findings without a file.
// A cheap byte-level pre-filter (literal needles: API-, /api, octo, ctopus, the old hosts) picks the
// candidate lines. On an ASCII line each rule then checks, on the bytes, a literal its regex cannot match
// without (the host, "octo.", "dotnet", "octopus.client", ...); only a line some rule still wants is
// decoded to QString and matched with the precompiled regexes. Lines with other characters skip those
// literal checks (case-insensitive regexes fold some of them to ASCII letters) and meet every regex.
// Hints are translated once and shared between findings. Not thread-safe: give each worker thread its
// own instance (construction is cheap).
class AuditRuleSet
{
public:
    struct Config
    {
        QStringList oldUrls;                           // URLs or bare host names of the old server
        std::shared_ptr<const SwaggerCatalog> catalog; // the new server's routes; builtin() when null
    };

    explicit AuditRuleSet(const Config &config);

    // True when the bytes (any ASCII-compatible encoding) contain something a rule looks at.
    bool mayMatch(QByteArrayView bytes) const;

    // Findings in a UTF-8 buffer, ordered by line and column. Stops early when `cancelled` turns true.
    QList<AuditFinding> scan(QByteArrayView utf8, const std::atomic_bool *cancelled = nullptr) const;

    const QStringList &oldHosts() const { return m_oldHosts; }

    // The straightforward path the tests compare the fast one with: every rule's regex meets every
    // candidate line, QString searches only, nothing remembered between findings (snippets, hints,
    // judgements made afresh each time). Off by default.
    void setReferenceMode(bool on) { m_reference = on; }

    // Replaces every real-looking API key in `text` with its masked form (API-AB…).
    static QString maskSecrets(const QString &text);
    // The masked form of one key: "API-" + two characters + "…".
    static QString maskKey(QStringView key);
    // Classifies the characters after "API-": 0 = not a key, 1 = placeholder, 2 = real-looking key.
    static int classifyKeyBody(QStringView body);
    // Host name of an --old-url value ("https://octo.example.com:8080/x" -> "octo.example.com").
    static QString hostOf(const QString &url);

private:
    struct Line; // one candidate line: its bytes, its QString made on first use, its snippet
    void scanLine(Line &line, QByteArrayView buffer, qsizetype lineEnd, bool octopusContext,
                  QList<AuditFinding> &out, QSet<QString> &seenLibraries) const;
    void scanRoutes(Line &line, bool octopusContext, QList<AuditFinding> &out) const;
    void scanAsciiRoutes(Line &line, bool octopusContext, QList<AuditFinding> &out) const;
    void scanLibraries(Line &line, QByteArrayView buffer, qsizetype lineEnd, QList<AuditFinding> &out,
                       QSet<QString> &seenLibraries) const;
    QString httpMethodOn(Line &line) const;
    struct RouteFinding
    {
        AuditCategory category;
        AuditSeverity severity;
        QString hint;
    };
    // What a route call is (the catalog's judgement of `shown`, the method and the route) and its hint.
    RouteFinding routeFinding(const QString &route, const QString &method, const QString &shown) const;
    // Whether the route's first segment (after the space) names an Octopus collection; remembered.
    bool knownCollection(const QString &route) const;
    // The catalog's judgement of `shown` (method and route), remembered.
    const SwaggerCatalog::Judgement &judge(const QString &route, const QString &method,
                                           const QString &shown) const;
    AuditFinding makeFinding(AuditCategory category, AuditSeverity severity, Line &line, qsizetype index,
                             const QString &hint, QString detail) const;
    // The translated hint `text`, with %1 (and %2) filled in; shared between findings with the same
    // `key` (the argument, or the route shown).
    const QString &hint(const char *text) const;
    QString hint(const char *text, const QString &key, const QString &arg1,
                 const QString *arg2 = nullptr) const;

    QStringList m_oldHosts;
    NeedleFinder m_needles;                // candidate-line needles: API-, /api, octo (any case), hosts
    std::vector<QByteArray> m_hostNeedles; // lower-case host names
    std::shared_ptr<const SwaggerCatalog> m_catalog;
    QRegularExpression m_keyRe;
    QRegularExpression m_hostRe;
    QRegularExpression m_octoExeRe;
    QRegularExpression m_octoCommandRe;
    QRegularExpression m_octoPackageRe;
    QRegularExpression m_cliEnvRe;
    QRegularExpression m_methodRe;
    QRegularExpression m_libraryRe;
    QRegularExpression m_versionRe;
    QRegularExpression m_versionLineRe;
    QRegularExpression m_versionAttributeRe;
    bool m_reference = false;
    bool m_hostLiteralChecks = false; // the host regex may be skipped on an ASCII line without a host
    mutable QHash<const char *, QString> m_hints;
    mutable QHash<QString, bool> m_knownCollections;
    mutable QHash<QString, SwaggerCatalog::Judgement> m_judgements;
    mutable QHash<std::pair<const char *, QString>, QString> m_filledHints;
    // The fast path's route templates (their bytes): the route, whether it names a known collection, and
    // per method (none, GET ... PATCH) the text shown and the finding, made once and shared.
    struct AsciiRoute
    {
        struct Shown
        {
            QString text;
            RouteFinding finding;
        };
        QString route;
        bool known = false;
        std::array<std::optional<Shown>, 6> byMethod;
    };
    mutable QHash<QByteArray, AsciiRoute> m_asciiRoutes;
    mutable std::string m_routeScratch;
    mutable std::string m_rawScratch;
};
