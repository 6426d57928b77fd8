#include "auditruleset.h"

#include "routenormaliser.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <array>
#include <cstring>
#include <string>
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

bool isAscii(QByteArrayView bytes)
{
    const char *p = bytes.data();
    qsizetype n = bytes.size();
    for (; n >= 8; p += 8, n -= 8) {
        quint64 word;
        std::memcpy(&word, p, 8);
        if (word & 0x8080808080808080ULL)
            return false;
    }
    for (; n > 0; ++p, --n) {
        if (static_cast<unsigned char>(*p) >= 0x80)
            return false;
    }
    return true;
}

bool isAsciiText(QStringView text)
{
    for (const QChar c : text) {
        if (c.unicode() >= 0x80)
            return false;
    }
    return true;
}

// For a line and a short needle: memchr to the first byte, then a compare (memmem's set-up costs more).
qsizetype indexOfBytes(QByteArrayView hay, QByteArrayView needle, qsizetype from)
{
    const size_t n = size_t(needle.size());
    if (from < 0 || size_t(hay.size() - std::min(from, hay.size())) < n)
        return -1;
    const char *p = hay.data() + from;
    const char *last = hay.data() + (size_t(hay.size()) - n);
    while (p <= last) {
        p = static_cast<const char *>(std::memchr(p, needle.front(), size_t(last - p) + 1));
        if (!p)
            return -1;
        size_t k = 1; // a byte loop: needles are a few bytes and most candidates differ at once
        while (k < n && p[k] == needle[qsizetype(k)])
            ++k;
        if (k == n)
            return p - hay.data();
        ++p;
    }
    return -1;
}

bool containsBytes(QByteArrayView hay, QByteArrayView needle)
{
    return indexOfBytes(hay, needle, 0) >= 0;
}

// The line with ASCII letters in lower case, into `out` (reused from line to line).
QByteArrayView asciiLowered(QByteArrayView bytes, std::string &out)
{
    out.resize(size_t(bytes.size()));
    const auto *in = reinterpret_cast<const unsigned char *>(bytes.data());
    auto *o = reinterpret_cast<unsigned char *>(out.data());
    const size_t n = size_t(bytes.size());
    for (size_t i = 0; i < n; ++i) // vectorised by the compiler
        o[i] = static_cast<unsigned char>(in[i] + ((unsigned char)(in[i] - 'A') < 26 ? 32 : 0));
    return QByteArrayView(out.data(), bytes.size());
}

inline bool startsWithAt(QByteArrayView bytes, qsizetype at, std::string_view literal)
{
    if (at < 0 || at + qsizetype(literal.size()) > bytes.size())
        return false;
    const char *p = bytes.data() + at;
    for (size_t k = 0; k < literal.size(); ++k) {
        if (p[k] != literal[k])
            return false;
    }
    return true;
}

// Which of the octo CLI and client library regexes can match an ASCII line: every literal they need holds
// "octo" (octo.exe, [Oo]cto + white space, Octopus.DotNet.Cli, OctopusTools, dotnet octo, OCTOPUS_CLI_,
// Octopus.Client, octopusdeploy), so one pass over the occurrences of "octo" in the lower-cased line tells.
struct OctoHits
{
    bool exe = false;
    bool command = false;
    bool package = false;
    bool cliEnv = false;
    bool library = false;
};

OctoHits octoHits(QByteArrayView bytes, QByteArrayView lower)
{
    OctoHits hits;
    const char *data = bytes.data();
    for (qsizetype i = indexOfBytes(lower, "octo", 0); i >= 0; i = indexOfBytes(lower, "octo", i + 1)) {
        const char next = i + 4 < bytes.size() ? data[i + 4] : '\0';
        hits.exe = hits.exe || next == '.';
        hits.command =
            hits.command || ((data[i] == 'o' || data[i] == 'O') && data[i + 1] == 'c' && data[i + 2] == 't' &&
                             data[i + 3] == 'o' && (next == ' ' || (next >= '\t' && next <= '\r')));
        hits.package = hits.package || startsWithAt(lower, i, "octopus.dotnet.cli") ||
                       startsWithAt(lower, i, "octopustools") || startsWithAt(lower, i - 7, "dotnet octo") ||
                       startsWithAt(lower, i - 7, "dotnet-octo");
        hits.cliEnv = hits.cliEnv || startsWithAt(bytes, i, "OCTOPUS_CLI_");
        hits.library = hits.library || startsWithAt(lower, i, "octopus.client") ||
                       startsWithAt(lower, i, "octopusdeploy");
    }
    return hits;
}

// Where a match of the HTTP method regex can start at the earliest in the lower-cased ASCII line, or -1
// when it cannot match: each of its alternatives starts with one of these literals (it is
// case-insensitive). Its look-behinds and \b still see the text before that index when started there.
qsizetype firstMethodCandidate(QByteArrayView lower)
{
    const char *data = lower.data();
    const auto at = [&](qsizetype i, std::string_view literal) { return startsWithAt(lower, i, literal); };
    for (qsizetype i = 0; i < lower.size(); ++i) {
        bool hit = false;
        switch (data[i]) {
        case '-':
            hit = at(i, "-method") || at(i, "-x") || at(i, "--request");
            break;
        case 'm':
            hit = at(i, "method");
            break;
        case 'h':
            hit = at(i, "httpmethod.") || at(i, "http.method") || at(i, "httpx.");
            break;
        case 'n':
            hit = at(i, "net::http::") || at(i, "newrequest");
            break;
        case 'r':
            hit = at(i, "requests.");
            break;
        case 'a':
            hit = at(i, "axios.");
            break;
        case 's':
            hit = at(i, "session.");
            break;
        case '.':
            hit = at(i, ".get") || at(i, ".post") || at(i, ".put") || at(i, ".delete") || at(i, ".patch");
            break;
        default:
            break;
        }
        if (hit)
            return i;
    }
    return -1;
}

constexpr std::array<std::u16string_view, 15> kPlaceholderWords = {
    u"YOUR",     u"XXXX",   u"APIKEY", u"EXAMPLE", u"PLACEHOLDER", u"REPLACE",   u"CHANGEME", u"DUMMY",
    u"REDACTED", u"SAMPLE", u"INSERT", u"FAKEKEY", u"MYKEY",       u"123456789", u"ABCDEFGH",
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
    bool asciiHosts = true;
    for (const QString &host : std::as_const(m_oldHosts)) {
        m_hostNeedles.push_back(host.toUtf8());
        m_needles.addNeedle(host.toUtf8(), true);
        asciiHosts = asciiHosts && isAscii(m_hostNeedles.back());
        hostPatterns.append(QRegularExpression::escape(host));
    }
    // A non-ASCII host may meet ASCII letters under the regex's case folding (U+017F and s).
    m_hostLiteralChecks = asciiHosts;

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
    bool placeholderWord = false;
    char ascii[64];
    if (body.size() <= qsizetype(sizeof ascii) && isAsciiText(body)) {
        // Keys are ASCII: upper-case them into bytes and look for the words there (what toUpper and
        // contains below do, without a QString).
        for (qsizetype i = 0; i < body.size(); ++i) {
            const char c = char(body[i].unicode());
            ascii[i] = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
        }
        const QByteArrayView upper(ascii, body.size());
        for (const std::u16string_view word : kPlaceholderWords) {
            char needle[16];
            for (size_t i = 0; i < word.size(); ++i)
                needle[i] = char(word[i]);
            placeholderWord =
                placeholderWord || containsBytes(upper, QByteArrayView(needle, qsizetype(word.size())));
        }
    } else {
        const QString upper = body.toString().toUpper();
        for (const std::u16string_view word : kPlaceholderWords)
            placeholderWord =
                placeholderWord || upper.contains(QStringView(word.data(), qsizetype(word.size())));
    }
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
    if (!text.contains(u"API-"))
        return text;
    // Plain scan instead of a shared regex: callable from any thread.
    QString out;
    qsizetype from = 0;
    qsizetype at = 0;
    while ((at = text.indexOf(u"API-", at)) >= 0) {
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

// One candidate line. Its QString, the masked text and the snippet are made when a finding needs them,
// once however many findings the line gives.
struct AuditRuleSet::Line
{
    QByteArrayView bytes; // without the line break
    std::string *lowerScratch = nullptr;
    int number = 0;
    bool fast = false;      // ASCII, not the reference: checks on the bytes stand in for those on the QString
    bool reference = false; // nothing remembered: every snippet made afresh

    const QString &text()
    {
        if (!m_made) {
            m_text = QString::fromUtf8(bytes.data(), bytes.size());
            m_made = true;
        }
        return m_text;
    }

    // An ASCII line is valid UTF-16: PCRE2 need not check it again for every regex.
    QRegularExpression::MatchOptions matchOptions() const
    {
        return fast ? QRegularExpression::DontCheckSubjectStringMatchOption
                    : QRegularExpression::NoMatchOption;
    }

    // The bytes with ASCII letters in lower case (for an ASCII line).
    QByteArrayView lower()
    {
        if (!m_lowerMade) {
            m_lower = asciiLowered(bytes, *lowerScratch);
            m_lowerMade = true;
        }
        return m_lower;
    }

    // The line, trimmed, shortened around `column`, every real-looking API key masked.
    QString snippet(qsizetype column)
    {
        if (reference) {
            m_masked = AuditRuleSet::maskSecrets(text());
            m_maskedMade = m_shortMade = false;
            return windowed(column);
        }
        if (!m_maskedMade) {
            // Without "API-" there is nothing to mask (maskSecrets would return the text as it is).
            m_masked = fast && !containsBytes(bytes, "API-") ? text() : AuditRuleSet::maskSecrets(text());
            m_maskedMade = true;
        }
        if (m_masked.size() <= kSnippetLength) {
            if (!m_shortMade) {
                m_short = m_masked.trimmed();
                m_shortMade = true;
            }
            return m_short;
        }
        return windowed(column);
    }

private:
    QString windowed(qsizetype column) const
    {
        if (m_masked.size() <= kSnippetLength)
            return m_masked.trimmed();
        // Keep the match inside the window; masking only shortens text, so the column is still close.
        const qsizetype start = std::clamp<qsizetype>(column - 60, 0, m_masked.size() - kSnippetLength);
        QString shown = m_masked.mid(start, kSnippetLength);
        if (start > 0)
            shown.prepend(QChar(0x2026));
        if (start + kSnippetLength < m_masked.size())
            shown.append(QChar(0x2026));
        return shown.trimmed();
    }

    QString m_text;
    QByteArrayView m_lower;
    bool m_lowerMade = false;
    QString m_masked;
    QString m_short;
    bool m_made = false;
    bool m_maskedMade = false;
    bool m_shortMade = false;
};

AuditFinding AuditRuleSet::makeFinding(AuditCategory category, AuditSeverity severity, Line &line,
                                       qsizetype index, const QString &hint, QString detail) const
{
    AuditFinding finding;
    finding.category = category;
    finding.severity = severity;
    finding.line = line.number;
    finding.column = int(index) + 1;
    finding.snippet = line.snippet(index);
    finding.hint = hint;
    finding.detail = std::move(detail);
    return finding;
}

const QString &AuditRuleSet::hint(const char *text) const
{
    if (m_reference) {
        m_hints.clear();
        return *m_hints.insert(text, hintText(text));
    }
    auto it = m_hints.find(text);
    if (it == m_hints.end())
        it = m_hints.insert(text, hintText(text));
    return *it;
}

QString AuditRuleSet::hint(const char *text, const QString &key, const QString &arg1,
                           const QString *arg2) const
{
    if (m_reference)
        return arg2 ? hintText(text).arg(arg1, *arg2) : hintText(text).arg(arg1);
    const std::pair<const char *, QString> cacheKey(text, key);
    if (const auto it = m_filledHints.constFind(cacheKey); it != m_filledHints.cend())
        return *it;
    if (m_filledHints.size() >= 4096)
        m_filledHints.clear(); // a bound for very varied corpora; the common routes come back soon
    const QString filled = arg2 ? hint(text).arg(arg1, *arg2) : hint(text).arg(arg1);
    m_filledHints.insert(cacheKey, filled);
    return filled;
}

bool AuditRuleSet::knownCollection(const QString &route) const
{
    if (!m_reference) {
        if (const auto it = m_knownCollections.constFind(route); it != m_knownCollections.cend())
            return *it;
    }
    const auto segments = QStringView(route).split(u'/', Qt::SkipEmptyParts);
    QStringView collection;
    if (segments.size() > 1)
        collection = segments.at(1) == u"{spaceId}" ? (segments.size() > 2 ? segments.at(2) : QStringView())
                                                    : segments.at(1);
    const bool known = !collection.isEmpty() && m_catalog->isKnownCollection(collection);
    if (m_knownCollections.size() >= 4096)
        m_knownCollections.clear();
    m_knownCollections.insert(route, known);
    return known;
}

const SwaggerCatalog::Judgement &AuditRuleSet::judge(const QString &route, const QString &method,
                                                     const QString &shown) const
{
    // `shown` is the method and the route (a route starts with '/', so it tells both apart).
    if (m_reference)
        m_judgements.clear();
    auto it = m_judgements.find(shown);
    if (it == m_judgements.end()) {
        if (m_judgements.size() >= 4096)
            m_judgements.clear();
        it = m_judgements.insert(shown, m_catalog->judge(route, method));
    }
    return *it;
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
#if defined(__GLIBC__)
        if (const void *nl = memrchr(data + pos, '\n', size_t(at - pos)))
            start = static_cast<const char *>(nl) - data + 1;
        else
            start = pos;
#else
        while (start > pos && data[start - 1] != '\n')
            --start;
#endif
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
    std::string lowerScratch;
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
        Line line;
        line.bytes = QByteArrayView(data + start, lineEnd - start);
        line.number = lineNumber;
        line.lowerScratch = &lowerScratch;
        line.fast = !m_reference && isAscii(line.bytes);
        line.reference = m_reference;
        scanLine(line, utf8, end, octopusContext, findings, seenLibraries);
    }
    std::stable_sort(findings.begin(), findings.end(), [](const AuditFinding &a, const AuditFinding &b) {
        return a.line != b.line ? a.line < b.line : a.column < b.column;
    });
    return findings;
}

void AuditRuleSet::scanLine(Line &line, QByteArrayView buffer, qsizetype lineEnd, bool octopusContext,
                            QList<AuditFinding> &out, QSet<QString> &seenLibraries) const
{
    const bool fast = line.fast;
    const auto has = [&](QByteArrayView bytes, QLatin1String latin1) {
        return fast ? containsBytes(line.bytes, bytes) : line.text().contains(latin1);
    };

    // API keys.
    if (has("API-", QLatin1String("API-"))) {
        auto it = m_keyRe.globalMatch(line.text(), 0, QRegularExpression::NormalMatch, line.matchOptions());
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const int kind = classifyKeyBody(match.capturedView(1));
            if (kind == 2) {
                out.append(makeFinding(
                    AuditCategory::Secret, AuditSeverity::Security, line, match.capturedStart(),
                    hint(QT_TRANSLATE_NOOP(
                        "AuditRuleSet",
                        "An API key in clear text. Move it to a secret store or a CI secret variable; a "
                        "cloned server accepts the same keys, so rotate it after cutover.")),
                    maskKey(match.capturedView())));
            } else if (kind == 1) {
                out.append(makeFinding(
                    AuditCategory::PlaceholderKey, AuditSeverity::Info, line, match.capturedStart(),
                    hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                           "A placeholder API key; nothing to rotate. Make sure the real "
                                           "key comes from a secret store.")),
                    match.captured()));
            }
        }
    }

    // The old server.
    bool hostCandidate = !m_oldHosts.isEmpty() && m_hostRe.isValid();
    if (hostCandidate && fast && m_hostLiteralChecks) {
        hostCandidate = false;
        for (const QByteArray &host : m_hostNeedles)
            hostCandidate = hostCandidate || containsBytes(line.lower(), host);
    }
    if (hostCandidate) {
        auto it = m_hostRe.globalMatch(line.text(), 0, QRegularExpression::NormalMatch, line.matchOptions());
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            out.append(makeFinding(
                AuditCategory::OldServerUrl, AuditSeverity::Breaking, line, match.capturedStart(),
                hint(QT_TRANSLATE_NOOP("AuditRuleSet", "Points at the old server. Use the new server's URL, "
                                                       "ideally from one variable such as OCTOPUS_URL.")),
                match.captured().toLower()));
        }
    }

    // REST routes.
    if (has("/api", QLatin1String("/api")))
        scanRoutes(line, octopusContext, out);

    // The retired octo CLI and its variables, and the client libraries. On an ASCII line one pass over the
    // occurrences of "octo" tells which regexes can match: each one's literal holds "octo".
    OctoHits hits;
    if (fast) {
        hits = octoHits(line.bytes, line.lower());
    } else if (line.text().contains(QLatin1String("octo"), Qt::CaseInsensitive)) {
        hits.exe = hits.command = hits.package = true;
        hits.cliEnv = line.text().contains(QLatin1String("OCTOPUS_CLI_"));
        hits.library = line.text().contains(QLatin1String("ctopus"), Qt::CaseInsensitive);
    }
    const std::array<std::pair<const QRegularExpression *, bool>, 3> cliRules{{
        {&m_octoExeRe, hits.exe},
        {&m_octoCommandRe, hits.command},
        {&m_octoPackageRe, hits.package},
    }};
    for (const auto &[re, candidate] : cliRules) {
        if (!candidate)
            continue;
        auto it = re->globalMatch(line.text(), 0, QRegularExpression::NormalMatch, line.matchOptions());
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            out.append(makeFinding(
                AuditCategory::LegacyCli, AuditSeverity::MustChange, line, match.capturedStart(),
                hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                       "The octo CLI is retired. Use the octopus CLI (for example "
                                       "octopus release create, octopus package upload), which "
                                       "reads OCTOPUS_URL and OCTOPUS_API_KEY.")),
                match.captured()));
        }
    }
    if (hits.cliEnv) {
        auto it =
            m_cliEnvRe.globalMatch(line.text(), 0, QRegularExpression::NormalMatch, line.matchOptions());
        while (it.hasNext()) {
            const QRegularExpressionMatch match = it.next();
            const bool server = match.captured().endsWith(QLatin1String("SERVER"));
            out.append(makeFinding(
                AuditCategory::LegacyCli, AuditSeverity::MustChange, line, match.capturedStart(),
                server ? hint(QT_TRANSLATE_NOOP(
                             "AuditRuleSet",
                             "OCTOPUS_CLI_SERVER is read only by the retired octo CLI; the octopus "
                             "CLI reads OCTOPUS_URL."))
                       : hint(QT_TRANSLATE_NOOP(
                             "AuditRuleSet",
                             "OCTOPUS_CLI_API_KEY is read only by the retired octo CLI; the octopus "
                             "CLI reads OCTOPUS_API_KEY.")),
                match.captured()));
        }
    }
    if (hits.library)
        scanLibraries(line, buffer, lineEnd, out, seenLibraries);
}

QString AuditRuleSet::httpMethodOn(Line &line) const
{
    qsizetype from = 0;
    if (line.fast) { // an ASCII line: byte index = UTF-16 index
        from = firstMethodCandidate(line.lower());
        if (from < 0)
            return QString();
    }
    const QRegularExpressionMatch match =
        m_methodRe.match(line.text(), from, QRegularExpression::NormalMatch, line.matchOptions());
    if (!match.hasMatch())
        return QString();
    const QString method = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    return method.toUpper();
}

void AuditRuleSet::scanRoutes(Line &lineRef, bool octopusContext, QList<AuditFinding> &out) const
{
    const QString &line = lineRef.text();
    QString method;
    bool methodKnown = false;
    qsizetype at = 0;
    const auto nextApi = [&](qsizetype from) { // on an ASCII line a byte index is a UTF-16 index
        return lineRef.fast ? indexOfBytes(lineRef.bytes, "/api", from) : line.indexOf(u"/api", from);
    };
    while ((at = nextApi(at)) >= 0) {
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
        if (!octopusContext && !knownCollection(route))
            continue; // some other service's /api
        if (!methodKnown) {
            method = httpMethodOn(lineRef);
            methodKnown = true;
        }
        const QString shown = method.isEmpty() ? route : method + QLatin1Char(' ') + route;
        const SwaggerCatalog::Judgement &judgement = judge(route, method, shown);
        switch (judgement.verdict) {
        case SwaggerCatalog::Verdict::NotServed:
            out.append(makeFinding(
                AuditCategory::MissingEndpoint, AuditSeverity::Breaking, lineRef, column,
                hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                       "The new server does not serve %1. Look up its replacement in "
                                       "the new server's /api/swagger.json."),
                     shown, shown),
                shown));
            break;
        case SwaggerCatalog::Verdict::MethodNotServed:
            out.append(makeFinding(
                AuditCategory::MissingEndpoint, AuditSeverity::Breaking, lineRef, column,
                hint(QT_TRANSLATE_NOOP("AuditRuleSet", "The new server serves %1 but not with %2."), shown,
                     route, &method),
                shown));
            break;
        case SwaggerCatalog::Verdict::Deprecated:
            out.append(makeFinding(
                AuditCategory::DeprecatedRoute, AuditSeverity::Deprecated, lineRef, column,
                hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                       "%1 is deprecated. Move to its replacement before the server "
                                       "drops it."),
                     shown, shown),
                shown));
            break;
        case SwaggerCatalog::Verdict::Legacy:
            out.append(makeFinding(
                AuditCategory::DeprecatedRoute, AuditSeverity::Deprecated, lineRef, column,
                hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                       "Legacy route without a space id: it reaches only the default "
                                       "space. Use %1."),
                     shown + QChar(0x1f) + judgement.suggestion, judgement.suggestion),
                shown));
            break;
        case SwaggerCatalog::Verdict::Served:
            out.append(makeFinding(
                AuditCategory::ApiCall, AuditSeverity::Info, lineRef, column,
                m_catalog->canJudgeEndpoints()
                    ? hint(QT_TRANSLATE_NOOP(
                               "AuditRuleSet",
                               "Calls %1; the new server serves it. Check the URL and key it uses."),
                           shown, shown)
                    : hint(QT_TRANSLATE_NOOP(
                               "AuditRuleSet",
                               "Calls %1. Pass the new server's swagger (--new-swagger) to check it."),
                           shown, shown),
                shown));
            break;
        }
    }
}

void AuditRuleSet::scanLibraries(Line &lineRef, QByteArrayView buffer, qsizetype lineEnd,
                                 QList<AuditFinding> &out, QSet<QString> &seenLibraries) const
{
    const QString &line = lineRef.text();
    auto it = m_libraryRe.globalMatch(line, 0, QRegularExpression::NormalMatch, lineRef.matchOptions());
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
            AuditCategory::ClientLibrary, AuditSeverity::Info, lineRef, match.capturedStart(),
            hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                   "Uses %1: check where it reads the server URL and API key, and that "
                                   "this version supports the new server."),
                 detail, detail),
            detail));
    }
}
