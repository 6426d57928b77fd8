#include "routenormaliser.h"

#include <array>
#include <string>
#include <string_view>

// One implementation for both forms of a line: UTF-16 (QString, any text) and the bytes of an ASCII line
// (char). The character tests agree on ASCII, so both give the same template for an ASCII line: the byte
// form answers for letters and digits with ASCII tests, the UTF-16 form with QChar's (as it always did).
namespace {

template<typename Ch>
using View = std::basic_string_view<Ch>;

template<typename Ch>
unsigned code(Ch c)
{
    return unsigned(std::make_unsigned_t<Ch>(c));
}

constexpr bool isAsciiLetter(unsigned c)
{
    return (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
}

constexpr bool isAsciiDigit(unsigned c)
{
    return c >= '0' && c <= '9';
}

// The byte form is only given ASCII lines.
bool isLetterOrNumber(char c)
{
    return isAsciiLetter(code(c)) || isAsciiDigit(code(c));
}

bool isLetterOrNumber(char16_t c)
{
    return QChar(c).isLetterOrNumber();
}

constexpr std::array<bool, 128> kPathChars = [] {
    std::array<bool, 128> table{};
    for (unsigned c = 0; c < 128; ++c)
        table[c] = isAsciiLetter(c) || isAsciiDigit(c);
    for (const char c : std::string_view("-_./~:@=!*"))
        table[unsigned(c)] = true;
    return table;
}();

template<typename Ch>
bool isPathChar(Ch ch)
{
    const unsigned c = code(ch);
    return c < 0x80 && kPathChars[c];
}

template<typename Ch>
bool isIdentChar(Ch c)
{
    return isLetterOrNumber(c) || c == Ch('_') || c == Ch('.') || c == Ch(':');
}

template<typename Ch>
bool isQuote(Ch c)
{
    return c == Ch('"') || c == Ch('\'') || c == Ch('`');
}

template<typename Ch>
bool isOneOf(Ch c, std::string_view set)
{
    for (const char s : set) {
        if (c == Ch(s))
            return true;
    }
    return false;
}

// Reads a balanced bracket group starting at `i` (line[i] is the opening bracket). Returns the index past
// the closing bracket, or -1 when it is not closed on this line.
template<typename Ch>
qsizetype skipBalanced(View<Ch> line, qsizetype i, Ch open, Ch close)
{
    int depth = 0;
    for (qsizetype j = i; j < qsizetype(line.size()); ++j) {
        if (line[size_t(j)] == open)
            ++depth;
        else if (line[size_t(j)] == close && --depth == 0)
            return j + 1;
    }
    return -1;
}

template<typename Ch>
qsizetype skipSpaces(View<Ch> line, qsizetype i)
{
    while (i < qsizetype(line.size()) && (line[size_t(i)] == Ch(' ') || line[size_t(i)] == Ch('\t')))
        ++i;
    return i;
}

// A concatenation operator at `i`: + & . .. (PowerShell, C#, Java, JS, Python, VB, Perl/PHP, Lua).
template<typename Ch>
qsizetype concatOperatorEnd(View<Ch> line, qsizetype i)
{
    const qsizetype n = qsizetype(line.size());
    if (i >= n)
        return -1;
    if (line[size_t(i)] == Ch('+') || line[size_t(i)] == Ch('&'))
        return i + 1;
    if (line[size_t(i)] == Ch('.'))
        return (i + 1 < n && line[size_t(i + 1)] == Ch('.')) ? i + 2 : i + 1;
    return -1;
}

// Reads a concatenated expression (a variable, a property, a call) starting at `i`. Returns its end.
template<typename Ch>
qsizetype readExpression(View<Ch> line, qsizetype i)
{
    const qsizetype n = qsizetype(line.size());
    qsizetype j = i;
    if (j < n && line[size_t(j)] == Ch('$'))
        ++j;
    while (j < n) {
        const Ch c = line[size_t(j)];
        if (isIdentChar(c) || c == Ch('$')) {
            ++j;
        } else if (c == Ch('(') || c == Ch('[')) {
            const qsizetype k = skipBalanced(line, j, c, c == Ch('(') ? Ch(')') : Ch(']'));
            if (k < 0)
                return j;
            j = k;
        } else {
            break;
        }
    }
    return j;
}

// Collection-N ids: Spaces-1, Projects-12, ServerTasks-268437.
template<typename Ch>
bool isResourceId(View<Ch> segment)
{
    const size_t dash = segment.find(Ch('-'));
    if (dash == View<Ch>::npos || dash == 0 || dash + 1 >= segment.size())
        return false;
    for (size_t i = 0; i < dash; ++i) {
        if (!isAsciiLetter(code(segment[i])))
            return false;
    }
    for (size_t i = dash + 1; i < segment.size(); ++i) {
        if (!isAsciiDigit(code(segment[i])))
            return false;
    }
    return true;
}

// Case-insensitive tests with ASCII literals: ASCII folding for the bytes (ASCII lines), QString's for
// UTF-16 (as before).
bool asciiEqualCi(char a, char b)
{
    const unsigned x = code(a);
    const unsigned y = code(b);
    return x == y || (isAsciiLetter(x) && (x | 0x20) == (y | 0x20));
}

bool startsWithCi(View<char> s, std::string_view literal)
{
    if (s.size() < literal.size())
        return false;
    for (size_t i = 0; i < literal.size(); ++i) {
        if (!asciiEqualCi(s[i], literal[i]))
            return false;
    }
    return true;
}

bool equalsCi(View<char> s, std::string_view literal)
{
    return s.size() == literal.size() && startsWithCi(s, literal);
}

bool containsCi(View<char> s, std::string_view literal)
{
    for (size_t i = 0; i + literal.size() <= s.size(); ++i) {
        if (startsWithCi(s.substr(i), literal))
            return true;
    }
    return false;
}

QStringView qt(View<char16_t> s)
{
    return QStringView(s.data(), qsizetype(s.size()));
}

// The literal as UTF-16, to compare as QStringView with QStringView (what the code always did).
std::u16string utf16Literal(std::string_view literal)
{
    return std::u16string(literal.begin(), literal.end());
}

bool startsWithCi(View<char16_t> s, std::string_view literal)
{
    return qt(s).startsWith(QStringView(utf16Literal(literal)), Qt::CaseInsensitive);
}

bool equalsCi(View<char16_t> s, std::string_view literal)
{
    return qt(s).compare(QStringView(utf16Literal(literal)), Qt::CaseInsensitive) == 0;
}

bool containsCi(View<char16_t> s, std::string_view literal)
{
    return qt(s).contains(QStringView(utf16Literal(literal)), Qt::CaseInsensitive);
}

template<typename Ch>
void appendLiteral(std::basic_string<Ch> &out, std::string_view literal)
{
    for (const char c : literal)
        out.push_back(Ch(c));
}

template<typename Ch>
void appendVariable(std::basic_string<Ch> &out, View<Ch> expression)
{
    out.push_back(Ch('{'));
    out.append(expression);
    out.push_back(Ch('}'));
}

// Reads the route at `apiPos` into `out` (its raw form); returns the index just past it.
template<typename Ch>
qsizetype extractRaw(View<Ch> line, qsizetype apiPos, std::basic_string<Ch> &out)
{
    out.clear();
    qsizetype i = apiPos;
    const qsizetype n = qsizetype(line.size());
    const auto at = [&](qsizetype k) { return line[size_t(k)]; };
    const auto sliced = [&](qsizetype from, qsizetype length) {
        return line.substr(size_t(from), size_t(length));
    };
    while (i < n) {
        const Ch c = at(i);
        if (c == Ch('%') && i + 1 < n && isOneOf(at(i + 1), "sdviqx")) {
            out.push_back(Ch('{')); // printf / Sprintf verb
            out.push_back(at(i + 1));
            out.push_back(Ch('}'));
            i += 2;
        } else if (c == Ch('%') && i + 2 < n && isLetterOrNumber(at(i + 1)) && isLetterOrNumber(at(i + 2))) {
            out.push_back(c); // percent-encoded byte
            ++i;
        } else if (isPathChar(c)) {
            qsizetype j = i + 1; // a run of path characters at once (none of them starts another case)
            while (j < n && isPathChar(at(j)))
                ++j;
            out.append(sliced(i, j - i));
            i = j;
        } else if (c == Ch('$') && i + 1 < n && at(i + 1) == Ch('(')) {
            const qsizetype k = skipBalanced(line, i + 1, Ch('('), Ch(')'));
            if (k < 0)
                break;
            appendVariable(out, sliced(i + 2, k - i - 3));
            i = k;
        } else if (c == Ch('$') && i + 1 < n && at(i + 1) == Ch('{')) {
            const qsizetype k = skipBalanced(line, i + 1, Ch('{'), Ch('}'));
            if (k < 0)
                break;
            appendVariable(out, sliced(i + 2, k - i - 3));
            i = k;
        } else if (c == Ch('$')) {
            const qsizetype k = readExpression(line, i);
            appendVariable(out, sliced(i + 1, k - i - 1));
            i = k;
        } else if (c == Ch('#') && i + 1 < n && at(i + 1) == Ch('{')) {
            const qsizetype k = skipBalanced(line, i + 1, Ch('{'), Ch('}'));
            if (k < 0)
                break;
            appendVariable(out, sliced(i + 2, k - i - 3));
            i = k;
        } else if (c == Ch('{')) {
            const qsizetype k = skipBalanced(line, i, Ch('{'), Ch('}'));
            if (k < 0)
                break;
            const View<Ch> inner = sliced(i + 1, k - i - 2);
            if (!inner.empty() && (inner.front() == Ch('?') || inner.front() == Ch('&')))
                break;                                     // RFC 6570 query template: the path ends here
            if (inner.empty() || inner.front() != Ch('/')) // {/id}: optional segment, dropped
                appendVariable(out, inner);
            i = k;
        } else if (c == Ch('<')) {
            const qsizetype k = skipBalanced(line, i, Ch('<'), Ch('>'));
            if (k < 0 || k - i > 40)
                break;
            appendVariable(out, sliced(i + 1, k - i - 2));
            i = k;
        } else if (isQuote(c)) {
            // "…/api/" + expr + "/rest"  or  "…/api/" + expr
            qsizetype j = skipSpaces(line, i + 1);
            const qsizetype opEnd = concatOperatorEnd(line, j);
            if (opEnd < 0)
                break;
            j = skipSpaces(line, opEnd);
            if (j >= n || isQuote(at(j)))
                break;
            const qsizetype exprEnd = readExpression(line, j);
            if (exprEnd == j)
                break;
            appendVariable(out, sliced(j, exprEnd - j));
            j = skipSpaces(line, exprEnd);
            const qsizetype op2End = concatOperatorEnd(line, j);
            if (op2End < 0) {
                i = exprEnd;
                break;
            }
            j = skipSpaces(line, op2End);
            if (j >= n || !isQuote(at(j))) {
                i = exprEnd;
                break;
            }
            i = j + 1;
        } else {
            break; // whitespace, ?, ), ;, , and anything else end the route
        }
    }
    while (!out.empty() && isOneOf(out.back(), ".:,=!*"))
        out.pop_back();
    return i;
}

// The template of a raw route into `out` (empty when it holds no "api" segment).
template<typename Ch>
void normaliseInto(View<Ch> raw, std::basic_string<Ch> &out)
{
    out.clear();
    View<Ch> path = raw;
    if (const size_t q = path.find(Ch('?')); q != View<Ch>::npos)
        path = path.substr(0, q);
    if (const size_t h = path.find(Ch('#'));
        h != View<Ch>::npos && !(h + 1 < path.size() && path[h + 1] == Ch('{')))
        path = path.substr(0, h);

    // The route is built as it goes: "/" before each segment kept (as joining them with "/" after "/").
    int kept = 0;
    const auto keep = [&](View<Ch> segment) {
        out.push_back(Ch('/'));
        out.append(segment);
        ++kept;
    };
    const auto keepLiteral = [&](std::string_view segment) {
        out.push_back(Ch('/'));
        appendLiteral(out, segment);
        ++kept;
    };
    const size_t n = path.size();
    size_t pos = 0;
    while (pos < n && path[pos] == Ch('/'))
        ++pos;
    while (pos < n) { // pos: the start of a segment (not empty)
        size_t end = pos;
        while (end < n && path[end] != Ch('/'))
            ++end;
        const View<Ch> segment = path.substr(pos, end - pos);
        pos = end;
        while (pos < n && path[pos] == Ch('/'))
            ++pos;
        if (kept == 0) {
            // Everything before "api" (a host, ~) is not part of the route.
            if (equalsCi(segment, "api"))
                keepLiteral("api");
            continue;
        }
        const bool hasVariable = segment.find(Ch('{')) != View<Ch>::npos;
        const bool firstAfterApi = kept == 1;
        const bool more = pos < n; // another segment follows
        if (hasVariable) {
            const bool spaceish = containsCi(segment, "space") || startsWithCi(segment, "Spaces-");
            if (spaceish ||
                (firstAfterApi && more && segment.front() == Ch('{') && segment.back() == Ch('}')))
                keepLiteral("{spaceId}");
            else
                keepLiteral("{id}");
        } else if (isResourceId(segment) && startsWithCi(segment, "Spaces-")) {
            keepLiteral("{spaceId}");
        } else if (isResourceId(segment)) {
            keepLiteral("{id}");
        } else {
            keep(segment);
        }
    }
    if (kept == 0)
        out.clear();
}

View<char16_t> utf16(QStringView s)
{
    return View<char16_t>(s.utf16(), size_t(s.size()));
}

QString toQString(const std::u16string &s)
{
    return QString(reinterpret_cast<const QChar *>(s.data()), qsizetype(s.size()));
}

template<typename Ch>
bool isApiPrefix(View<Ch> line, qsizetype pos)
{
    const qsizetype n = qsizetype(line.size());
    if (pos < 0 || pos + 4 > n || line[size_t(pos)] != Ch('/') || line[size_t(pos + 1)] != Ch('a') ||
        line[size_t(pos + 2)] != Ch('p') || line[size_t(pos + 3)] != Ch('i'))
        return false;
    if (pos + 4 == n)
        return true;
    const Ch next = line[size_t(pos + 4)];
    return !(isLetterOrNumber(next) || next == Ch('-') || next == Ch('_') || next == Ch('.'));
}

} // namespace

bool RouteNormaliser::isApiPrefixAt(QStringView line, qsizetype pos)
{
    return isApiPrefix(utf16(line), pos);
}

bool RouteNormaliser::isApiPrefixAtAscii(QByteArrayView line, qsizetype pos)
{
    return isApiPrefix(View<char>(line.data(), size_t(line.size())), pos);
}

RouteNormaliser::Extracted RouteNormaliser::extract(QStringView line, qsizetype apiPos)
{
    std::u16string raw;
    raw.reserve(size_t(std::min<qsizetype>(line.size() - apiPos, 256)));
    Extracted result;
    result.end = extractRaw(utf16(line), apiPos, raw);
    std::u16string route;
    normaliseInto(View<char16_t>(raw), route);
    result.raw = toQString(raw);
    result.route = toQString(route);
    return result;
}

qsizetype RouteNormaliser::extractAscii(QByteArrayView line, qsizetype apiPos, std::string &route,
                                        std::string &raw)
{
    const qsizetype end = extractRaw(View<char>(line.data(), size_t(line.size())), apiPos, raw);
    normaliseInto(View<char>(raw), route);
    return end;
}

QString RouteNormaliser::normalise(QStringView raw)
{
    std::u16string route;
    normaliseInto(utf16(raw), route);
    return toQString(route);
}
