#include "auditruleset.h"

#include "routenormaliser.h"

#include <QCoreApplication>
#include <QSet>
#include <QUrl>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <optional>
#include <string>
#include <string_view>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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

// For a line and a short needle: 16 positions at a time (SSE2) where both the needle's first and last bytes
// match, then a byte compare of the rest (memmem's set-up, and a memchr call per first byte, cost more).
qsizetype indexOfBytes(QByteArrayView hay, QByteArrayView needle, qsizetype from)
{
    const qsizetype n = needle.size();
    const qsizetype size = hay.size();
    if (from < 0 || n == 0 || size - std::min(from, size) < n)
        return -1;
    const char *d = hay.data();
    const char *w = needle.data();
    const auto rest = [&](qsizetype at) { // bytes 1 .. n-2 (first and last already match)
        for (qsizetype k = 1; k + 1 < n; ++k) {
            if (d[at + k] != w[k])
                return false;
        }
        return true;
    };
    qsizetype i = from;
#if defined(__SSE2__)
    const __m128i first = _mm_set1_epi8(w[0]);
    const __m128i last = _mm_set1_epi8(w[n - 1]);
    for (; i + 16 + n - 1 <= size; i += 16) {
        const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i));
        const __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i *>(d + i + n - 1));
        unsigned mask = unsigned(
            _mm_movemask_epi8(_mm_and_si128(_mm_cmpeq_epi8(head, first), _mm_cmpeq_epi8(tail, last))));
        while (mask) {
            const qsizetype at = i + std::countr_zero(mask);
            if (rest(at))
                return at;
            mask &= mask - 1;
        }
    }
#endif
    for (; i + n <= size; ++i) {
        if (d[i] == w[0] && d[i + n - 1] == w[n - 1] && rest(i))
            return i;
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

bool isWordByte(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

bool isSpaceByte(char c) // \s of the regexes on ASCII: \t \n \v \f \r and space
{
    return c == ' ' || (c >= '\t' && c <= '\r');
}

constexpr std::array<std::string_view, 5> kMethodWords = {"get", "post", "put", "delete", "patch"};

// The HTTP method regex (m_methodRe) on a lower-cased ASCII line, without running it: the method it
// captures (1 = GET ... 5 = PATCH), or 0 when it does not match. It tries the start positions from the left
// and, at each, the regex's alternatives in their order, as PCRE2 does; each alternative reads its
// optional parts deterministically (a white-space run is never given back: what follows it cannot be
// white space), so no other backtracking can change the outcome.
//   (?:-Method\s+['"]?|(?<![\w-])-X\s*['"]?|--request[\s=]+['"]?|\bmethod\s*[:=]\s*['"]?|HttpMethod\.|
//      Net::HTTP::|\bhttp\.Method|\b(?:requests|axios|httpx|session)\.|
//      NewRequest(?:WithContext)?\((?:ctx,\s*)?['"])(GET|POST|PUT|DELETE|PATCH)\b|
//   \.(Get|Post|Put|Delete|Patch)(?:Async|JsonAsync|AsJsonAsync)\b          (case-insensitive)
int asciiHttpMethod(QByteArrayView lower)
{
    const char *d = lower.data();
    const qsizetype n = lower.size();
    const auto at = [&](qsizetype i, std::string_view literal) { return startsWithAt(lower, i, literal); };
    const auto boundaryAfter = [&](qsizetype e) { return e >= n || !isWordByte(d[e]); };
    const auto skipSpace = [&](qsizetype j) {
        while (j < n && isSpaceByte(d[j]))
            ++j;
        return j;
    };
    const auto isQuote = [&](qsizetype j) { return j < n && (d[j] == '\'' || d[j] == '"'); };
    const auto optionalQuote = [&](qsizetype j) { return isQuote(j) ? j + 1 : j; };
    // (GET|POST|PUT|DELETE|PATCH)\b at j.
    const auto method = [&](qsizetype j) {
        for (size_t k = 0; k < kMethodWords.size(); ++k) {
            if (at(j, kMethodWords[k]) && boundaryAfter(j + qsizetype(kMethodWords[k].size())))
                return int(k) + 1;
        }
        return 0;
    };
    // The bytes an alternative can start with.
    static constexpr auto starts = [] {
        std::array<bool, 256> table{};
        for (const char c : std::string_view("-mhnras."))
            table[static_cast<unsigned char>(c)] = true;
        return table;
    }();
    for (qsizetype i = 0; i < n; ++i) {
        if (!starts[static_cast<unsigned char>(d[i])])
            continue;
        const bool wordBefore = i > 0 && isWordByte(d[i - 1]); // \b before a word character
        int m = 0;
        switch (d[i]) {
        case '-':
            if (at(i, "-method")) {
                const qsizetype k = skipSpace(i + 7);
                if (k > i + 7 && (m = method(optionalQuote(k))))
                    return m;
            }
            if (at(i, "-x") && !(wordBefore || (i > 0 && d[i - 1] == '-')) &&
                (m = method(optionalQuote(skipSpace(i + 2)))))
                return m;
            if (at(i, "--request")) {
                qsizetype k = i + 9;
                while (k < n && (isSpaceByte(d[k]) || d[k] == '='))
                    ++k;
                if (k > i + 9 && (m = method(optionalQuote(k))))
                    return m;
            }
            break;
        case 'm':
            if (!wordBefore && at(i, "method")) {
                const qsizetype k = skipSpace(i + 6);
                if (k < n && (d[k] == ':' || d[k] == '=') && (m = method(optionalQuote(skipSpace(k + 1)))))
                    return m;
            }
            break;
        case 'h':
            if (at(i, "httpmethod.") && (m = method(i + 11)))
                return m;
            if (!wordBefore && at(i, "http.method") && (m = method(i + 11)))
                return m;
            if (!wordBefore && at(i, "httpx.") && (m = method(i + 6)))
                return m;
            break;
        case 'n':
            if (at(i, "net::http::") && (m = method(i + 11)))
                return m;
            if (at(i, "newrequest")) {
                // (?:WithContext)? greedy, then \( (?:ctx,\s*)? greedy, then a quote.
                for (const qsizetype open : {at(i + 10, "withcontext") ? i + 21 : qsizetype(-1), i + 10}) {
                    if (open < 0 || open >= n || d[open] != '(')
                        continue;
                    if (at(open + 1, "ctx,")) {
                        const qsizetype q = skipSpace(open + 5);
                        if (isQuote(q) && (m = method(q + 1)))
                            return m;
                    }
                    if (isQuote(open + 1) && (m = method(open + 2)))
                        return m;
                }
            }
            break;
        case 'r':
            if (!wordBefore && at(i, "requests.") && (m = method(i + 9)))
                return m;
            break;
        case 'a':
            if (!wordBefore && at(i, "axios.") && (m = method(i + 6)))
                return m;
            break;
        case 's':
            if (!wordBefore && at(i, "session.") && (m = method(i + 8)))
                return m;
            break;
        case '.':
            for (size_t k = 0; k < kMethodWords.size(); ++k) {
                if (!at(i + 1, kMethodWords[k]))
                    continue;
                const qsizetype j = i + 1 + qsizetype(kMethodWords[k].size());
                for (const std::string_view suffix : {"async", "jsonasync", "asjsonasync"}) {
                    if (at(j, suffix) && boundaryAfter(j + qsizetype(suffix.size())))
                        return int(k) + 1;
                }
            }
            break;
        default:
            break;
        }
    }
    return 0;
}

bool isAsciiAlnum(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

// The regexes below, on an ASCII line (its bytes, and lower-cased for the case-insensitive ones), without
// running them: each calls f(start, end) for every match globalMatch would give, in order (a search goes
// on from the end of a match, or from the next position when there is none). Each regex is shown above
// its matcher; \w is [A-Za-z0-9_] and \s [\t\n\v\f\r ] for PCRE2 on ASCII text.

// (?<![A-Za-z0-9_-])API-([A-Za-z0-9]+)
template<typename F>
void asciiKeyMatches(QByteArrayView bytes, F &&f)
{
    const char *d = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype at = indexOfBytes(bytes, "API-", 0);
    while (at >= 0) {
        qsizetype end = at + 4;
        while (end < n && isAsciiAlnum(d[end]))
            ++end;
        const bool before = at > 0 && (isWordByte(d[at - 1]) || d[at - 1] == '-');
        if (before || end == at + 4) {
            at = indexOfBytes(bytes, "API-", at + 1);
            continue;
        }
        f(at, end);
        at = indexOfBytes(bytes, "API-", end);
    }
}

// (?<![A-Za-z0-9.-])(?:host1|host2|...)(?![A-Za-z0-9-]|\.[A-Za-z0-9])   (case-insensitive; the hosts are
// lower-case ASCII; f also gets the index of the host that matched, the first in order that fits)
template<typename F>
void asciiHostMatches(QByteArrayView lower, const std::vector<QByteArray> &hosts, F &&f)
{
    const char *d = lower.data();
    const qsizetype n = lower.size();
    qsizetype i = 0;
    while (i < n) {
        qsizetype end = -1;
        size_t which = 0;
        if (!(i > 0 && (isAsciiAlnum(d[i - 1]) || d[i - 1] == '.' || d[i - 1] == '-'))) {
            for (; which < hosts.size(); ++which) {
                const QByteArray &host = hosts[which];
                if (!startsWithAt(lower, i, std::string_view(host.constData(), size_t(host.size()))))
                    continue;
                const qsizetype e = i + host.size();
                const bool after = e < n && (isAsciiAlnum(d[e]) || d[e] == '-' ||
                                             (d[e] == '.' && e + 1 < n && isAsciiAlnum(d[e + 1])));
                if (!after) {
                    end = e;
                    break;
                }
            }
        }
        if (end < 0) {
            ++i;
            continue;
        }
        f(i, end, which);
        i = end;
    }
}

// (?<![\w.-])octo\.(?:exe|cmd|dll)\b   (case-insensitive)
template<typename F>
void asciiOctoExeMatches(QByteArrayView lower, F &&f)
{
    const char *d = lower.data();
    const qsizetype n = lower.size();
    qsizetype at = indexOfBytes(lower, "octo.", 0);
    while (at >= 0) {
        const bool before = at > 0 && (isWordByte(d[at - 1]) || d[at - 1] == '.' || d[at - 1] == '-');
        const bool extension = startsWithAt(lower, at + 5, "exe") || startsWithAt(lower, at + 5, "cmd") ||
                               startsWithAt(lower, at + 5, "dll");
        if (!before && extension && (at + 8 >= n || !isWordByte(d[at + 8]))) {
            f(at, at + 8);
            at = indexOfBytes(lower, "octo.", at + 8);
        } else {
            at = indexOfBytes(lower, "octo.", at + 1);
        }
    }
}

// (?<![\w.$@-])(?<!dotnet )[Oo]cto(?=\s+(?:(?:create|deploy|promote|delete|list|clean|run|dump|install|
//   allow|prevent)-[a-z-]+|push|pack|build-information|export|import|help|version)\b)   (case-sensitive)
bool asciiOctoCommandAt(QByteArrayView bytes, qsizetype at)
{
    const char *d = bytes.data();
    const qsizetype n = bytes.size();
    if (!((d[at] == 'o' || d[at] == 'O') && startsWithAt(bytes, at + 1, "cto")))
        return false;
    if (at > 0) {
        const char c = d[at - 1];
        if (isWordByte(c) || c == '.' || c == '$' || c == '@' || c == '-')
            return false;
    }
    if (startsWithAt(bytes, at - 7, "dotnet "))
        return false;
    qsizetype j = at + 4;
    while (j < n && isSpaceByte(d[j]))
        ++j;
    if (j == at + 4)
        return false;
    const auto boundary = [&](qsizetype p) { // \b at p
        const bool left = p > 0 && isWordByte(d[p - 1]);
        const bool right = p < n && isWordByte(d[p]);
        return left != right;
    };
    for (const std::string_view verb : {"create", "deploy", "promote", "delete", "list", "clean", "run",
                                        "dump", "install", "allow", "prevent"}) {
        const qsizetype dash = j + qsizetype(verb.size());
        if (!startsWithAt(bytes, j, verb) || dash >= n || d[dash] != '-')
            continue;
        // -[a-z-]+\b: a run of [a-z-] after the dash with \b after one of its characters (the greedy run
        // gives back characters until one fits).
        for (qsizetype p = dash + 1; p < n && ((d[p] >= 'a' && d[p] <= 'z') || d[p] == '-'); ++p) {
            if (boundary(p + 1))
                return true;
        }
    }
    for (const std::string_view word :
         {"push", "pack", "build-information", "export", "import", "help", "version"}) {
        if (startsWithAt(bytes, j, word) && boundary(j + qsizetype(word.size())))
            return true;
    }
    return false;
}

template<typename F>
void asciiOctoCommandMatches(QByteArrayView bytes, QByteArrayView lower, F &&f)
{
    qsizetype at = indexOfBytes(lower, "octo", 0);
    while (at >= 0) {
        if (asciiOctoCommandAt(bytes, at)) {
            f(at, at + 4);
            at = indexOfBytes(lower, "octo", at + 4);
        } else {
            at = indexOfBytes(lower, "octo", at + 1);
        }
    }
}

// \b(?:Octopus\.DotNet\.Cli|OctopusTools|dotnet[ -]octo)\b   (case-insensitive)
template<typename F>
void asciiOctoPackageMatches(QByteArrayView lower, F &&f)
{
    const char *d = lower.data();
    const qsizetype n = lower.size();
    qsizetype i = 0;
    while (i < n) {
        qsizetype end = -1;
        if ((d[i] == 'o' || d[i] == 'd') && !(i > 0 && isWordByte(d[i - 1]))) {
            for (const std::string_view literal :
                 {"octopus.dotnet.cli", "octopustools", "dotnet octo", "dotnet-octo"}) {
                const qsizetype e = i + qsizetype(literal.size());
                if (startsWithAt(lower, i, literal) && (e >= n || !isWordByte(d[e]))) {
                    end = e;
                    break;
                }
            }
        }
        if (end < 0) {
            ++i;
            continue;
        }
        f(i, end);
        i = end;
    }
}

// \bOCTOPUS_CLI_(?:SERVER|API_KEY)\b   (case-sensitive)
template<typename F>
void asciiCliEnvMatches(QByteArrayView bytes, F &&f)
{
    const char *d = bytes.data();
    const qsizetype n = bytes.size();
    qsizetype at = indexOfBytes(bytes, "OCTOPUS_CLI_", 0);
    while (at >= 0) {
        qsizetype end = -1;
        if (!(at > 0 && isWordByte(d[at - 1]))) {
            for (const std::string_view tail : {"SERVER", "API_KEY"}) {
                const qsizetype e = at + 12 + qsizetype(tail.size());
                if (startsWithAt(bytes, at + 12, tail) && (e >= n || !isWordByte(d[e]))) {
                    end = e;
                    break;
                }
            }
        }
        if (end < 0) {
            at = indexOfBytes(bytes, "OCTOPUS_CLI_", at + 1);
            continue;
        }
        f(at, end);
        at = indexOfBytes(bytes, "OCTOPUS_CLI_", end);
    }
}

// The matches of a regex on the line's QString (lines with other characters, and the reference).
template<typename F>
void regexMatches(const QRegularExpression &re, const QString &text, QRegularExpression::MatchOptions options,
                  F &&f)
{
    auto it = re.globalMatch(text, 0, QRegularExpression::NormalMatch, options);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        f(match.capturedStart(), match.capturedEnd());
    }
}

// The line breaks in [p, end): 16 bytes at a time with SSE2.
qsizetype countNewlines(const char *p, const char *end)
{
    qsizetype count = 0;
#if defined(__SSE2__)
    const __m128i newline = _mm_set1_epi8('\n');
    while (end - p >= 16) {
        // Up to 255 blocks into byte counters (each match subtracts -1), then summed.
        const qsizetype blocks = std::min<qsizetype>((end - p) / 16, 255);
        __m128i counters = _mm_setzero_si128();
        for (qsizetype b = 0; b < blocks; ++b, p += 16) {
            const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            counters = _mm_sub_epi8(counters, _mm_cmpeq_epi8(x, newline));
        }
        const __m128i sums = _mm_sad_epu8(counters, _mm_setzero_si128());
        count += _mm_cvtsi128_si32(sums) + _mm_extract_epi16(sums, 4);
    }
#endif
    for (; p < end; ++p)
        count += *p == '\n';
    return count;
}

constexpr std::array<std::u16string_view, 15> kPlaceholderWords = {
    u"YOUR",     u"XXXX",   u"APIKEY", u"EXAMPLE", u"PLACEHOLDER", u"REPLACE",   u"CHANGEME", u"DUMMY",
    u"REDACTED", u"SAMPLE", u"INSERT", u"FAKEKEY", u"MYKEY",       u"123456789", u"ABCDEFGH",
};

// classifyKeyBody for an ASCII body, on its bytes: the same flags, the words looked up in the bytes
// upper-cased (what QString::toUpper and contains do on ASCII).
int classifyAsciiKeyBody(QByteArrayView body)
{
    bool upperOnly = true;
    bool hasDigit = false;
    bool hasLetter = false;
    bool uniform = true;
    char small[64];
    std::string large;
    char *upper = small;
    if (body.size() > qsizetype(sizeof small)) {
        large.resize(size_t(body.size()));
        upper = large.data();
    }
    for (qsizetype i = 0; i < body.size(); ++i) {
        const char c = body[i];
        if (c >= '0' && c <= '9')
            hasDigit = true;
        else if (c >= 'A' && c <= 'Z')
            hasLetter = true;
        else
            upperOnly = false;
        uniform = uniform && c == body.front();
        upper[i] = (c >= 'a' && c <= 'z') ? char(c - 32) : c;
    }
    const QByteArrayView upperView(upper, body.size());
    bool placeholderWord = false;
    for (const std::u16string_view word : kPlaceholderWords) {
        char needle[16];
        for (size_t i = 0; i < word.size(); ++i)
            needle[i] = char(word[i]);
        if (containsBytes(upperView, QByteArrayView(needle, qsizetype(word.size())))) {
            placeholderWord = true;
            break;
        }
    }
    if (!upperOnly)
        return placeholderWord ? 1 : 0;
    if (placeholderWord || (uniform && body.size() >= 4))
        return 1;
    if (body.size() >= 16)
        return (hasDigit && hasLetter) ? 2 : 1;
    return 0;
}

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
    if (isAsciiText(body)) {
        // Keys are ASCII: classify their bytes (what the code below does, without a QString).
        std::string ascii(size_t(body.size()), '\0');
        for (qsizetype i = 0; i < body.size(); ++i)
            ascii[size_t(i)] = char(body[i].unicode());
        return classifyAsciiKeyBody(QByteArrayView(ascii.data(), body.size()));
    }
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
    const QString upper = body.toString().toUpper();
    for (const std::u16string_view word : kPlaceholderWords)
        placeholderWord = placeholderWord || upper.contains(QStringView(word.data(), qsizetype(word.size())));
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
namespace {

QByteArrayView trimmedAscii(QByteArrayView bytes)
{
    qsizetype start = 0;
    qsizetype end = bytes.size();
    while (start < end && isSpaceByte(bytes[start]))
        ++start;
    while (end > start && isSpaceByte(bytes[end - 1]))
        --end;
    return bytes.sliced(start, end - start);
}

// AuditRuleSet::maskSecrets on an ASCII line's bytes (the same steps, ASCII tests for letters and digits).
QString maskAsciiSecrets(QByteArrayView text)
{
    const auto latin1 = [&](qsizetype from, qsizetype length) {
        return QLatin1String(text.data() + from, length);
    };
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    qsizetype from = 0;
    qsizetype at = 0;
    while ((at = indexOfBytes(text, "API-", at)) >= 0) {
        const bool boundary =
            at == 0 || !(isAsciiAlnum(text[at - 1]) || text[at - 1] == '_' || text[at - 1] == '-');
        qsizetype end = at + 4;
        while (end < n && isAsciiAlnum(text[end]))
            ++end;
        if (boundary && classifyAsciiKeyBody(text.sliced(at + 4, end - at - 4)) == 2) {
            out += latin1(from, at - from);
            out += latin1(at, std::min<qsizetype>(end - at, 6));
            out += QChar(0x2026);
            from = end;
        }
        at = end;
    }
    out += latin1(from, n - from);
    return out;
}

} // namespace

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
        if (m_shortMade)
            return m_short;
        if (fast && !m_maskedMade) {
            // From the bytes: without "API-" there is nothing to mask, and a short line's snippet is its
            // bytes trimmed (what maskSecrets and trimmed do on its QString).
            if (!containsBytes(bytes, "API-")) {
                if (bytes.size() <= kSnippetLength) {
                    m_short = QString::fromLatin1(trimmedAscii(bytes));
                    m_shortMade = true;
                    return m_short;
                }
                m_masked = text();
            } else {
                m_masked = maskAsciiSecrets(bytes);
            }
            m_maskedMade = true;
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
        lineNumber += int(countNewlines(data + counted, data + start));
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
        const qsizetype before = findings.size();
        scanLine(line, utf8, end, octopusContext, findings, seenLibraries);
        // Lines come in order, so ordering each line's findings by column (stably, they are few) orders
        // them all as one stable sort by line and column would.
        for (qsizetype i = before + 1; i < findings.size(); ++i) {
            for (qsizetype j = i; j > before && findings[j].column < findings[j - 1].column; --j)
                std::swap(findings[j], findings[j - 1]);
        }
    }
    return findings;
}

void AuditRuleSet::scanLine(Line &line, QByteArrayView buffer, qsizetype lineEnd, bool octopusContext,
                            QList<AuditFinding> &out, QSet<QString> &seenLibraries) const
{
    const bool fast = line.fast;
    const auto has = [&](QByteArrayView bytes, QLatin1String latin1) {
        return fast ? containsBytes(line.bytes, bytes) : line.text().contains(latin1);
    };
    // The text of a match (an ASCII line's bytes are its UTF-16 text).
    const auto matched = [&](qsizetype start, qsizetype end) {
        return fast ? QString::fromLatin1(line.bytes.sliced(start, end - start))
                    : line.text().sliced(start, end - start);
    };

    // API keys.
    if (has("API-", QLatin1String("API-"))) {
        const auto onKey = [&](qsizetype start, qsizetype end) {
            const int kind =
                fast ? classifyAsciiKeyBody(line.bytes.sliced(start + 4, end - start - 4))
                     : classifyKeyBody(QStringView(line.text()).sliced(start + 4, end - start - 4));
            if (kind == 2) {
                out.append(makeFinding(
                    AuditCategory::Secret, AuditSeverity::Security, line, start,
                    hint(QT_TRANSLATE_NOOP(
                        "AuditRuleSet",
                        "An API key in clear text. Move it to a secret store or a CI secret variable; a "
                        "cloned server accepts the same keys, so rotate it after cutover.")),
                    fast
                        ? QString::fromLatin1(line.bytes.sliced(start, std::min<qsizetype>(end - start, 6))) +
                              QChar(0x2026)
                        : maskKey(QStringView(line.text()).sliced(start, end - start))));
            } else if (kind == 1) {
                out.append(makeFinding(
                    AuditCategory::PlaceholderKey, AuditSeverity::Info, line, start,
                    hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                           "A placeholder API key; nothing to rotate. Make sure the real "
                                           "key comes from a secret store.")),
                    matched(start, end)));
            }
        };
        if (fast)
            asciiKeyMatches(line.bytes, onKey);
        else
            regexMatches(m_keyRe, line.text(), line.matchOptions(), onKey);
    }

    // The old server.
    bool hostCandidate = !m_oldHosts.isEmpty() && m_hostRe.isValid();
    if (hostCandidate && fast && m_hostLiteralChecks) {
        hostCandidate = false;
        for (const QByteArray &host : m_hostNeedles)
            hostCandidate = hostCandidate || containsBytes(line.lower(), host);
    }
    if (hostCandidate) {
        const char *oldServerHint =
            QT_TRANSLATE_NOOP("AuditRuleSet", "Points at the old server. Use the new server's URL, "
                                              "ideally from one variable such as OCTOPUS_URL.");
        if (fast && m_hostLiteralChecks) {
            // The match in lower case is the host itself.
            asciiHostMatches(line.lower(), m_hostNeedles, [&](qsizetype start, qsizetype, size_t which) {
                out.append(makeFinding(AuditCategory::OldServerUrl, AuditSeverity::Breaking, line, start,
                                       hint(oldServerHint), m_oldHosts.at(qsizetype(which))));
            });
        } else {
            regexMatches(m_hostRe, line.text(), line.matchOptions(), [&](qsizetype start, qsizetype end) {
                out.append(makeFinding(AuditCategory::OldServerUrl, AuditSeverity::Breaking, line, start,
                                       hint(oldServerHint), matched(start, end).toLower()));
            });
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
    const auto onCli = [&](qsizetype start, qsizetype end) {
        out.append(
            makeFinding(AuditCategory::LegacyCli, AuditSeverity::MustChange, line, start,
                        hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                               "The octo CLI is retired. Use the octopus CLI (for example "
                                               "octopus release create, octopus package upload), which "
                                               "reads OCTOPUS_URL and OCTOPUS_API_KEY.")),
                        matched(start, end)));
    };
    if (hits.exe) {
        if (fast)
            asciiOctoExeMatches(line.lower(), onCli);
        else
            regexMatches(m_octoExeRe, line.text(), line.matchOptions(), onCli);
    }
    if (hits.command) {
        if (fast)
            asciiOctoCommandMatches(line.bytes, line.lower(), onCli);
        else
            regexMatches(m_octoCommandRe, line.text(), line.matchOptions(), onCli);
    }
    if (hits.package) {
        if (fast)
            asciiOctoPackageMatches(line.lower(), onCli);
        else
            regexMatches(m_octoPackageRe, line.text(), line.matchOptions(), onCli);
    }
    if (hits.cliEnv) {
        const auto onVariable = [&](qsizetype start, qsizetype end) {
            const QString variable = matched(start, end);
            const bool server = variable.endsWith(QLatin1String("SERVER"));
            out.append(makeFinding(
                AuditCategory::LegacyCli, AuditSeverity::MustChange, line, start,
                server ? hint(QT_TRANSLATE_NOOP(
                             "AuditRuleSet",
                             "OCTOPUS_CLI_SERVER is read only by the retired octo CLI; the octopus "
                             "CLI reads OCTOPUS_URL."))
                       : hint(QT_TRANSLATE_NOOP(
                             "AuditRuleSet",
                             "OCTOPUS_CLI_API_KEY is read only by the retired octo CLI; the octopus "
                             "CLI reads OCTOPUS_API_KEY.")),
                variable));
        };
        if (fast)
            asciiCliEnvMatches(line.bytes, onVariable);
        else
            regexMatches(m_cliEnvRe, line.text(), line.matchOptions(), onVariable);
    }
    if (hits.library)
        scanLibraries(line, buffer, lineEnd, out, seenLibraries);
}

QString AuditRuleSet::httpMethodOn(Line &line) const
{
    const QRegularExpressionMatch match =
        m_methodRe.match(line.text(), 0, QRegularExpression::NormalMatch, line.matchOptions());
    if (!match.hasMatch())
        return QString();
    const QString method = match.captured(1).isEmpty() ? match.captured(2) : match.captured(1);
    return method.toUpper();
}

AuditRuleSet::RouteFinding AuditRuleSet::routeFinding(const QString &route, const QString &method,
                                                      const QString &shown) const
{
    const SwaggerCatalog::Judgement &judgement = judge(route, method, shown);
    switch (judgement.verdict) {
    case SwaggerCatalog::Verdict::NotServed:
        return {AuditCategory::MissingEndpoint, AuditSeverity::Breaking,
                hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                       "The new server does not serve %1. Look up its replacement in "
                                       "the new server's /api/swagger.json."),
                     shown, shown)};
    case SwaggerCatalog::Verdict::MethodNotServed:
        return {AuditCategory::MissingEndpoint, AuditSeverity::Breaking,
                hint(QT_TRANSLATE_NOOP("AuditRuleSet", "The new server serves %1 but not with %2."), shown,
                     route, &method)};
    case SwaggerCatalog::Verdict::Deprecated:
        return {AuditCategory::DeprecatedRoute, AuditSeverity::Deprecated,
                hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                       "%1 is deprecated. Move to its replacement before the server "
                                       "drops it."),
                     shown, shown)};
    case SwaggerCatalog::Verdict::Legacy:
        return {AuditCategory::DeprecatedRoute, AuditSeverity::Deprecated,
                hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                       "Legacy route without a space id: it reaches only the default "
                                       "space. Use %1."),
                     shown + QChar(0x1f) + judgement.suggestion, judgement.suggestion)};
    case SwaggerCatalog::Verdict::Served:
        break;
    }
    return {
        AuditCategory::ApiCall, AuditSeverity::Info,
        m_catalog->canJudgeEndpoints()
            ? hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                     "Calls %1; the new server serves it. Check the URL and key it uses."),
                   shown, shown)
            : hint(QT_TRANSLATE_NOOP("AuditRuleSet",
                                     "Calls %1. Pass the new server's swagger (--new-swagger) to check it."),
                   shown, shown)};
}

void AuditRuleSet::scanRoutes(Line &lineRef, bool octopusContext, QList<AuditFinding> &out) const
{
    if (lineRef.fast) {
        scanAsciiRoutes(lineRef, octopusContext, out);
        return;
    }
    const QString &line = lineRef.text();
    QString method;
    bool methodKnown = false;
    qsizetype at = 0;
    while ((at = line.indexOf(u"/api", at)) >= 0) {
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
        const RouteFinding finding = routeFinding(route, method, shown);
        out.append(makeFinding(finding.category, finding.severity, lineRef, column, finding.hint, shown));
    }
}

// The same on an ASCII line's bytes: the route template and the method are read from the bytes, and what
// follows from them (the route and "METHOD route" strings, the judgement, the hint) is made once per
// template and method and shared by every finding with them.
void AuditRuleSet::scanAsciiRoutes(Line &line, bool octopusContext, QList<AuditFinding> &out) const
{
    const QByteArrayView bytes = line.bytes;
    int method = -1; // asciiHttpMethod's answer, read when first needed
    qsizetype at = 0;
    while ((at = indexOfBytes(bytes, "/api", at)) >= 0) {
        if (!RouteNormaliser::isApiPrefixAtAscii(bytes, at)) {
            at += 4;
            continue;
        }
        const qsizetype end = RouteNormaliser::extractAscii(bytes, at, m_routeScratch, m_rawScratch);
        const qsizetype column = at;
        at = std::max(end, at + 4);
        if (m_routeScratch.empty())
            continue;
        const QByteArray key =
            QByteArray::fromRawData(m_routeScratch.data(), qsizetype(m_routeScratch.size()));
        auto it = m_asciiRoutes.find(key);
        if (it == m_asciiRoutes.end()) {
            if (m_asciiRoutes.size() >= 4096)
                m_asciiRoutes.clear(); // a bound for very varied corpora; the common routes come back soon
            AsciiRoute entry;
            entry.route = QString::fromLatin1(key);
            entry.known = knownCollection(entry.route);
            it = m_asciiRoutes.insert(QByteArray(key.constData(), key.size()), std::move(entry));
        }
        AsciiRoute &entry = *it;
        if (!octopusContext && !entry.known)
            continue; // some other service's /api
        if (method < 0)
            method = asciiHttpMethod(line.lower());
        std::optional<AsciiRoute::Shown> &shown = entry.byMethod[size_t(method)];
        if (!shown) {
            static const std::array<QString, 6> names = {QString(),
                                                         QStringLiteral("GET"),
                                                         QStringLiteral("POST"),
                                                         QStringLiteral("PUT"),
                                                         QStringLiteral("DELETE"),
                                                         QStringLiteral("PATCH")};
            const QString &name = names[size_t(method)];
            const QString text = name.isEmpty() ? entry.route : name + QLatin1Char(' ') + entry.route;
            const RouteFinding finding = routeFinding(entry.route, name, text);
            shown = AsciiRoute::Shown{text, finding};
        }
        out.append(makeFinding(shown->finding.category, shown->finding.severity, line, column,
                               shown->finding.hint, shown->text));
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
