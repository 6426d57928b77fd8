#include "auditruleset.h"

#include "routenormaliser.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cstring>
#include <string_view>

namespace {

constexpr qsizetype kSnippetLength = 160;
constexpr int kCancelCheckLines = 64;

const char *findBytes(const char *hay, qsizetype hayLength, QByteArrayView needle)
{
#if defined(__GLIBC__)
    return static_cast<const char *>(memmem(hay, size_t(hayLength), needle.data(), size_t(needle.size())));
#else
    const std::string_view h(hay, size_t(hayLength));
    const auto at = h.find(std::string_view(needle.data(), size_t(needle.size())));
    return at == std::string_view::npos ? nullptr : hay + at;
#endif
}

QString hintText(const char *text)
{
    return QCoreApplication::translate("AuditRuleSet", text);
}

QString snippetFor(const QString &line, qsizetype column)
{
    QString masked = AuditRuleSet::maskSecrets(line);
    // Keep the match inside the window; masking only shortens text, so the column is still close.
    QString text = masked;
    if (text.size() > kSnippetLength) {
        qsizetype start = std::clamp<qsizetype>(column - 60, 0, text.size() - kSnippetLength);
        text = text.mid(start, kSnippetLength);
        if (start > 0)
            text.prepend(QChar(0x2026));
        if (start + kSnippetLength < masked.size())
            text.append(QChar(0x2026));
    }
    return text.trimmed();
}

AuditFinding makeFinding(AuditCategory category, AuditSeverity severity, int line, qsizetype index,
                         const QString &text, QString hint, QString detail)
{
    AuditFinding finding;
    finding.category = category;
    finding.severity = severity;
    finding.line = line;
    finding.column = int(index) + 1;
    finding.snippet = snippetFor(text, index);
    finding.hint = std::move(hint);
    finding.detail = std::move(detail);
    return finding;
}

constexpr std::array kPlaceholderWords = {
    "YOUR",     "XXXX",   "APIKEY", "EXAMPLE", "PLACEHOLDER", "REPLACE",   "CHANGEME", "DUMMY",
    "REDACTED", "SAMPLE", "INSERT", "FAKEKEY", "MYKEY",       "123456789", "ABCDEFGH",
};

} // namespace

AuditRuleSet::AuditRuleSet(const Config &config)
    : m_catalog(config.catalog ? config.catalog : std::make_shared<SwaggerCatalog>(SwaggerCatalog::builtin()))
{
    for (const QString &url : config.oldUrls) {
        const QString host = hostOf(url);
        if (!host.isEmpty() && !m_oldHosts.contains(host))
            m_oldHosts.append(host);
    }
    m_needles.addNeedle("API-", false);
    m_needles.addNeedle("/api", false);
    m_needles.addNeedle("octo", true); // octo, Octo.exe, OCTOPUS_CLI_*, Octopus.Client, go-octopusdeploy
    QStringList hostPatterns;
    for (const QString &host : std::as_const(m_oldHosts)) {
        m_hostNeedles.push_back(host.toUtf8());
        m_needles.addNeedle(host.toUtf8(), true);
        hostPatterns.append(QRegularExpression::escape(host));
    }

    const auto ci = QRegularExpression::CaseInsensitiveOption;
    m_keyRe.setPattern(QStringLiteral("(?<![A-Za-z0-9_-])API-([A-Za-z0-9]+)"));
    if (!hostPatterns.isEmpty()) {
        m_hostRe.setPattern(QStringLiteral("(?<![A-Za-z0-9.-])(?:%1)(?![A-Za-z0-9-]|\\.[A-Za-z0-9])")
                                .arg(hostPatterns.join(QLatin1Char('|'))));
        m_hostRe.setPatternOptions(ci);
    }
    m_octoExeRe.setPattern(QStringLiteral("(?<![\\w.-])octo\\.(?:exe|cmd|dll)\\b"));
    m_octoExeRe.setPatternOptions(ci);
    m_octoCommandRe.setPattern(
        QStringLiteral("(?<![\\w.$@-])(?<!dotnet "
                       ")[Oo]cto(?=\\s+(?:(?:create|deploy|promote|delete|list|clean|run|dump|install|allow|"
                       "prevent)-[a-z-]+|push|pack|build-information|export|import|help|version)\\b)"));
    m_octoPackageRe.setPattern(
        QStringLiteral("\\b(?:Octopus\\.DotNet\\.Cli|OctopusTools|dotnet[ -]octo)\\b"));
    m_octoPackageRe.setPatternOptions(ci);
    m_cliEnvRe.setPattern(QStringLiteral("\\bOCTOPUS_CLI_(?:SERVER|API_KEY)\\b"));
    m_methodRe.setPattern(QStringLiteral(
        "(?:-Method\\s+['\"]?|(?<![\\w-])-X\\s*['\"]?|--request[\\s=]+['\"]?|\\bmethod\\s*[:=]\\s*['\"]?|"
        "HttpMethod\\.|Net::HTTP::|\\bhttp\\.Method|\\b(?:requests|axios|httpx|session)\\.|"
        "NewRequest(?:WithContext)?\\((?:ctx,\\s*)?['\"])(GET|POST|PUT|DELETE|PATCH)\\b|"
        "\\.(Get|Post|Put|Delete|Patch)(?:Async|JsonAsync|AsJsonAsync)\\b"));
    m_methodRe.setPatternOptions(ci);
    m_libraryRe.setPattern(QStringLiteral(
        "(?<![\\w.])(Octopus\\.Client)(?!\\w)|github\\.com/OctopusDeploy/(go-octopusdeploy)(?:/v\\d+)?|"
        "(@octopusdeploy/(?:api-client|message-contracts))|"
        "(OctopusDeployLabs/octopusdeploy|OctopusDeploy/"
        "octopusdeploy)(?![\\w-])|provider\\s+\"(octopusdeploy)\""));
    m_libraryRe.setPatternOptions(ci);
    m_versionRe.setPattern(QStringLiteral("(?<![\\w])v?(\\d+\\.\\d+(?:\\.\\d+){0,2}(?:-[0-9A-Za-z.]+)?)"));
    m_versionAttributeRe.setPattern(QStringLiteral("\\bVersion\\s*=\\s*[\"'](\\d[^\"']*)[\"']"));
    m_versionAttributeRe.setPatternOptions(ci);
    m_versionLineRe.setPattern(
        QStringLiteral("^\\s*version\\s*[=:]\\s*[\"']?[~^>=<\\s]*v?(\\d+(?:\\.\\d+){0,3}[0-9A-Za-z.-]*)"));
    m_versionLineRe.setPatternOptions(ci);
    for (QRegularExpression *re :
         {&m_keyRe, &m_hostRe, &m_octoExeRe, &m_octoCommandRe, &m_octoPackageRe, &m_cliEnvRe, &m_methodRe,
          &m_libraryRe, &m_versionRe, &m_versionLineRe, &m_versionAttributeRe})
        re->optimize();
}

QString AuditRuleSet::hostOf(const QString &url)
{
    QString text = url.trimmed();
    if (text.contains(QLatin1String("://"))) {
        const QUrl parsed(text);
        return parsed.host().toLower();
    }
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    if (slash >= 0)
        text.truncate(slash);
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon >= 0)
        text.truncate(colon);
    return text.toLower();
}

int AuditRuleSet::classifyKeyBody(QStringView body)
{
    bool upperOnly = true;
    bool hasDigit = false;
    bool hasLetter = false;
    bool uniform = true;
    for (const QChar c : body) {
        if (c >= u'0' && c <= u'9')
            hasDigit = true;
        else if (c >= u'A' && c <= u'Z')
            hasLetter = true;
        else
            upperOnly = false;
        uniform = uniform && c == body.front();
    }
    const QString upper = body.toString().toUpper();
    bool placeholderWord = false;
    for (const char *word : kPlaceholderWords)
        placeholderWord = placeholderWord || upper.contains(QLatin1String(word));
    if (!upperOnly)
        return placeholderWord ? 1 : 0;
    if (placeholderWord || (uniform && body.size() >= 4))
        return 1;
    if (body.size() >= 16)
        return (hasDigit && hasLetter) ? 2 : 1;
    return 0;
}

QString AuditRuleSet::maskKey(QStringView key)
{
    return key.first(std::min<qsizetype>(key.size(), 6)).toString() + QChar(0x2026);
}

QString AuditRuleSet::maskSecrets(const QString &text)
{
    if (!text.contains(QLatin1String("API-")))
        return text;
    // Plain scan instead of a shared regex: callable from any thread.
    QString out;
    qsizetype from = 0;
    qsizetype at = 0;
    while ((at = text.indexOf(QLatin1String("API-"), at)) >= 0) {
        const bool boundary =
            at == 0 || !(text[at - 1].isLetterOrNumber() || text[at - 1] == u'_' || text[at - 1] == u'-');
        qsizetype end = at + 4;
        while (end < text.size() && text[end].unicode() < 0x80 && text[end].isLetterOrNumber())
            ++end;
        if (boundary && classifyKeyBody(QStringView(text).sliced(at + 4, end - at - 4)) == 2) {
            out += QStringView(text).sliced(from, at - from);
            out += maskKey(QStringView(text).sliced(at, end - at));
            from = end;
        }
        at = end;
    }
    out += QStringView(text).sliced(from);
    return out;
}

bool AuditRuleSet::mayMatch(QByteArrayView bytes) const
{
    return m_needles.findFirst(bytes) >= 0;
}

QList<AuditFinding> AuditRuleSet::scan(QByteArrayView utf8, const std::atomic_bool *cancelled) const
{
    QList<AuditFinding> findings;
    const char *data = utf8.data();
    const qsizetype size = utf8.size();

    // Candidate lines: every line holding a needle, in order.
    std::vector<std::pair<qsizetype, qsizetype>> lines;
    qsizetype pos = 0;
    while (pos < size) {
        const qsizetype at = m_needles.findFirst(utf8, pos);
        if (at < 0)
            break;
        qsizetype start = at;
        while (start > pos && data[start - 1] != '\n')
            --start;
        const char *nl = static_cast<const char *>(std::memchr(data + at, '\n', size_t(size - at)));
        const qsizetype end = nl ? nl - data : size;
        lines.emplace_back(start, end);
        pos = end + 1;
    }
    if (lines.empty())
        return findings;

    // Routes count as Octopus calls when the file talks about Octopus (or the old server).
    bool octopusContext = findBytes(data, size, "ctopus") || findBytes(data, size, "CTOPUS");
    for (const QByteArray &needle : m_hostNeedles)
        octopusContext = octopusContext || findBytes(data, size, needle);
    // (Hosts are matched in lower case here; upper-case host names still count through the regex.)

    QSet<QString> seenLibraries;
    int lineNumber = 1;
    qsizetype counted = 0;
    int sinceCheck = 0;
    for (const auto &[start, end] : lines) {
        if (cancelled && ++sinceCheck >= kCancelCheckLines) {
            sinceCheck = 0;
            if (cancelled->load(std::memory_order_relaxed))
                break;
        }
        lineNumber += int(std::count(data + counted, data + start, '\n'));
        counted = start;
        qsizetype lineEnd = end;
        if (lineEnd > start && data[lineEnd - 1] == '\r')
            --lineEnd;
        const QString line = QString::fromUtf8(data + start, lineEnd - start);
        scanLine(line, lineNumber, utf8, end, octopusContext, findings, seenLibraries);
    }
    std::stable_sort(findings.begin(), findings.end(), [](const AuditFinding &a, const AuditFinding &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return findings;
}

void AuditRuleSet::scanLine(const QString &line, int lineNumber, QByteArrayView buffer, qsizetype lineEnd,
                            bool octopusContext, QList<AuditFinding> &out, QSet<QString> &seenLibraries) const
{
    // API keys.
    if (line.contains(QLatin1String("API-"))) {
        auto it = m_keyRe.globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const int kind = classifyKeyBody(match.capturedView(1));
            if (kind == 2) {
                out.append(makeFinding(
                    AuditCategory::Secret, AuditSeverity::Security, lineNumber, match.capturedStart(), line,
                    hintText(QT_TRANSLATE_NOOP(
                        "AuditRuleSet",
                        "An API key in clear text. Move it to a secret store or a CI secret variable; a "
                        "cloned server accepts the same keys, so rotate it after cutover.")),
                    maskKey(match.capturedView())));
            } else if (kind == 1) {
                out.append(makeFinding(
                    AuditCategory::PlaceholderKey, AuditSeverity::Info, lineNumber, match.capturedStart(),
                    line,
                    hintText(QT_TRANSLATE_NOOP("AuditRuleSet",
                                               "A placeholder API key; nothing to rotate. Make sure the real "
                                               "key comes from a secret store.")),
                    match.captured()));
            }
        }
    }

    // The old server.
    if (m_hostRe.isValid() && !m_hostRe.pattern().isEmpty()) {
        auto it = m_hostRe.globalMatch(line);
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            out.append(makeFinding(
                AuditCategory::OldServerUrl, AuditSeverity::Breaking, lineNumber, match.capturedStart(), line,
                hintText(QT_TRANSLATE_NOOP("AuditRuleSet",
                                           "Points at the old server. Use the new server's URL, ideally "
                                           "from one variable such as OCTOPUS_URL.")),
                match.captured().toLower()));
        }
    }

    // REST routes.
    if (line.contains(QLatin1String("/api")))
        scanRoutes(line, lineNumber, octopusContext, out);

    // The retired octo CLI and its variables.
    if (line.contains(QLatin1String("octo"), Qt::CaseInsensitive)) {
        for (const QRegularExpression *re : {&m_octoExeRe, &m_octoCommandRe, &m_octoPackageRe}) {
            auto it = re->globalMatch(line);
            while (it.hasNext()) {
                const QRegularExpressionMatch match = it.next();
                out.append(makeFinding(
                    AuditCategory::LegacyCli, AuditSeverity::MustChange, lineNumber, match.capturedStart(),
                    line,
                    hintText(QT_TRANSLATE_NOOP("AuditRuleSet",
                                               "The octo CLI is retired. Use the octopus CLI (for example "
                                               "octopus release create, octopus package upload), which "
                                               "reads OCTOPUS_URL and OCTOPUS_API_KEY.")),
                    match.captured()));
            }
        }
        if (line.contains(QLatin1String("OCTOPUS_CLI_"))) {
            auto it = m_cliEnvRe.globalMatch(line);
            while (it.hasNext()) {
                const QRegularExpressionMatch match = it.next();
                const bool server = match.captured().endsWith(QLatin1String("SERVER"));
                out.append(makeFinding(
                    AuditCategory::LegacyCli, AuditSeverity::MustChange, lineNumber, match.capturedStart(),
                    line,
                    server ? hintText(QT_TRANSLATE_NOOP(
                                 "AuditRuleSet",
                                 "OCTOPUS_CLI_SERVER is read only by the retired octo CLI; the octopus "
                                 "CLI reads OCTOPUS_URL."))
                           : hintText(QT_TRANSLATE_NOOP(
                                 "AuditRuleSet",
                                 "OCTOPUS_CLI_API_KEY is read only by the retired octo CLI; the octopus "
                                 "CLI reads OCTOPUS_API_KEY.")),
                    match.captured()));
            }
        }
        if (line.contains(QLatin1String("ctopus"), Qt::CaseInsensitive))
            scanLibraries(line, lineNumber, buffer, lineEnd, out, seenLibraries);
    }
}

QString AuditRuleSet::httpMethodOn(const QString &line) const
{
    const QRegularExpressionMatch match = m_methodRe.match(line);
    if (!match.hasMatch())
        return QString();
    const QString method = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    return method.toUpper();
}

void AuditRuleSet::scanRoutes(const QString &line, int lineNumber, bool octopusContext,
                              QList<AuditFinding> &out) const
{
    QString method;
    bool methodKnown = false;
    qsizetype at = 0;
    while ((at = line.indexOf(QLatin1String("/api"), at)) >= 0) {
        if (!RouteNormaliser::isApiPrefixAt(line, at)) {
            at += 4;
            continue;
        }
        const RouteNormaliser::Extracted extracted = RouteNormaliser::extract(line, at);
        const qsizetype column = at;
        at = std::max(extracted.end, at + 4);
        const QString &route = extracted.route;
        if (route.isEmpty())
            continue;
        const auto segments = QStringView(route).split(u'/', Qt::SkipEmptyParts);
        QStringView collection;
        if (segments.size() > 1)
            collection = segments.at(1) == u"{spaceId}"
                             ? (segments.size() > 2 ? segments.at(2) : QStringView())
                             : segments.at(1);
        const bool known = !collection.isEmpty() && m_catalog->isKnownCollection(collection);
        if (!known && !octopusContext)
            continue; // some other service's /api
        if (!methodKnown) {
            method = httpMethodOn(line);
            methodKnown = true;
        }
        const QString shown = method.isEmpty() ? route : method + QLatin1Char(' ') + route;
        const SwaggerCatalog::Judgement judgement = m_catalog->judge(route, method);
        switch (judgement.verdict) {
        case SwaggerCatalog::Verdict::NotServed:
            out.append(makeFinding(
                AuditCategory::MissingEndpoint, AuditSeverity::Breaking, lineNumber, column, line,
                hintText(QT_TRANSLATE_NOOP("AuditRuleSet",
                                           "The new server does not serve %1. Look up its replacement in "
                                           "the new server's /api/swagger.json."))
                    .arg(shown),
                shown));
            break;
        case SwaggerCatalog::Verdict::MethodNotServed:
            out.append(makeFinding(
                AuditCategory::MissingEndpoint, AuditSeverity::Breaking, lineNumber, column, line,
                hintText(QT_TRANSLATE_NOOP("AuditRuleSet", "The new server serves %1 but not with %2."))
                    .arg(route, method),
                shown));
            break;
        case SwaggerCatalog::Verdict::Deprecated:
            out.append(makeFinding(
                AuditCategory::DeprecatedRoute, AuditSeverity::Deprecated, lineNumber, column, line,
                hintText(QT_TRANSLATE_NOOP("AuditRuleSet",
                                           "%1 is deprecated. Move to its replacement before the server "
                                           "drops it."))
                    .arg(shown),
                shown));
            break;
        case SwaggerCatalog::Verdict::Legacy:
            out.append(makeFinding(
                AuditCategory::DeprecatedRoute, AuditSeverity::Deprecated, lineNumber, column, line,
                hintText(QT_TRANSLATE_NOOP("AuditRuleSet",
                                           "Legacy route without a space id: it reaches only the default "
                                           "space. Use %1."))
                    .arg(judgement.suggestion),
                shown));
            break;
        case SwaggerCatalog::Verdict::Served:
            out.append(makeFinding(
                AuditCategory::ApiCall, AuditSeverity::Info, lineNumber, column, line,
                m_catalog->canJudgeEndpoints()
                    ? hintText(QT_TRANSLATE_NOOP(
                                   "AuditRuleSet",
                                   "Calls %1; the new server serves it. Check the URL and key it uses."))
                          .arg(shown)
                    : hintText(QT_TRANSLATE_NOOP(
                                   "AuditRuleSet",
                                   "Calls %1. Pass the new server's swagger (--new-swagger) to check it."))
                          .arg(shown),
                shown));
            break;
        }
    }
}

void AuditRuleSet::scanLibraries(const QString &line, int lineNumber, QByteArrayView buffer,
                                 qsizetype lineEnd, QList<AuditFinding> &out,
                                 QSet<QString> &seenLibraries) const
{
    auto it = m_libraryRe.globalMatch(line);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        QString library;
        bool terraform = false;
        if (match.hasCaptured(1)) {
            library = QStringLiteral("Octopus.Client");
        } else if (match.hasCaptured(2)) {
            library = QStringLiteral("go-octopusdeploy");
        } else if (match.hasCaptured(3)) {
            library = match.captured(3).toLower();
        } else {
            library = QStringLiteral("terraform-provider-octopusdeploy");
            terraform = true;
        }
        QString version;
        const QRegularExpressionMatch v =
            m_versionRe.match(QStringView(line)
                                  .sliced(match.capturedEnd())
                                  .first(std::min<qsizetype>(80, line.size() - match.capturedEnd())));
        if (v.hasMatch()) {
            version = v.captured(1);
        } else {
            // <NuGetReference Version="11.6.3644">Octopus.Client</NuGetReference> (LINQPad), MSBuild
            // attributes.
            const QRegularExpressionMatch attribute = m_versionAttributeRe.match(line);
            if (attribute.hasMatch())
                version = attribute.captured(1);
        }
        if (version.isEmpty() && terraform) {
            // HCL states the version on one of the next lines.
            qsizetype pos = lineEnd + 1;
            for (int i = 0; i < 4 && pos < buffer.size(); ++i) {
                const char *nl = static_cast<const char *>(
                    std::memchr(buffer.data() + pos, '\n', size_t(buffer.size() - pos)));
                const qsizetype end = nl ? nl - buffer.data() : buffer.size();
                const QString next = QString::fromUtf8(buffer.data() + pos, end - pos);
                const QRegularExpressionMatch vm = m_versionLineRe.match(next);
                if (vm.hasMatch()) {
                    version = vm.captured(1);
                    break;
                }
                pos = end + 1;
            }
        }
        if (version.isEmpty() && seenLibraries.contains(library))
            continue; // one versionless mention per library and file is enough
        seenLibraries.insert(library);
        const QString detail = version.isEmpty() ? library : library + QLatin1Char(' ') + version;
        out.append(makeFinding(
            AuditCategory::ClientLibrary, AuditSeverity::Info, lineNumber, match.capturedStart(), line,
            hintText(QT_TRANSLATE_NOOP("AuditRuleSet",
                                       "Uses %1: check where it reads the server URL and API key, and that "
                                       "this version supports the new server."))
                .arg(detail),
            detail));
    }
}
