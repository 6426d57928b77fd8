#pragma once

#include "auditfinding.h"
#include "needlefinder.h"
#include "swaggercatalog.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QList>
#include <QRegularExpression>
#include <QStringList>

#include <atomic>
#include <memory>
#include <vector>

// The audit rules: pure functions over a decoded (UTF-8) text buffer that return findings without a file.
// A cheap byte-level pre-filter (literal needles: API-, /api, octo, ctopus, the old hosts) picks the
// candidate lines; only those lines are decoded to QString and matched with the precompiled regexes.
// Not thread-safe: give each worker thread its own instance (construction is cheap).
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

    // Replaces every real-looking API key in `text` with its masked form (API-AB…).
    static QString maskSecrets(const QString &text);
    // The masked form of one key: "API-" + two characters + "…".
    static QString maskKey(QStringView key);
    // Classifies the characters after "API-": 0 = not a key, 1 = placeholder, 2 = real-looking key.
    static int classifyKeyBody(QStringView body);
    // Host name of an --old-url value ("https://octo.example.com:8080/x" -> "octo.example.com").
    static QString hostOf(const QString &url);

private:
    void scanLine(const QString &line, int lineNumber, QByteArrayView buffer, qsizetype lineEnd,
                  bool octopusContext, QList<AuditFinding> &out, QSet<QString> &seenLibraries) const;
    void scanRoutes(const QString &line, int lineNumber, bool octopusContext, QList<AuditFinding> &out) const;
    void scanLibraries(const QString &line, int lineNumber, QByteArrayView buffer, qsizetype lineEnd,
                       QList<AuditFinding> &out, QSet<QString> &seenLibraries) const;
    QString httpMethodOn(const QString &line) const;

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
};
