#include "routenormaliser.h"

#include <QStringList>

namespace {

bool isPathChar(QChar c)
{
    if (c.unicode() >= 0x80)
        return false;
    const char a = char(c.unicode());
    return (a >= 'a' && a <= 'z') || (a >= 'A' && a <= 'Z') || (a >= '0' && a <= '9') || a == '-' ||
           a == '_' || a == '.' || a == '/' || a == '~' || a == ':' || a == '@' || a == '=' || a == '!' ||
           a == '*';
}

bool isIdentChar(QChar c)
{
    return c.isLetterOrNumber() || c == u'_' || c == u'.' || c == u':';
}

bool isQuote(QChar c)
{
    return c == u'"' || c == u'\'' || c == u'`';
}

// Reads a balanced bracket group starting at `i` (line[i] is the opening bracket). Returns the index past
// the closing bracket, or -1 when it is not closed on this line.
qsizetype skipBalanced(QStringView line, qsizetype i, QChar open, QChar close)
{
    int depth = 0;
    for (qsizetype j = i; j < line.size(); ++j) {
        if (line[j] == open)
            ++depth;
        else if (line[j] == close && --depth == 0)
            return j + 1;
    }
    return -1;
}

qsizetype skipSpaces(QStringView line, qsizetype i)
{
    while (i < line.size() && (line[i] == u' ' || line[i] == u'\t'))
        ++i;
    return i;
}

// A concatenation operator at `i`: + & . .. (PowerShell, C#, Java, JS, Python, VB, Perl/PHP, Lua).
qsizetype concatOperatorEnd(QStringView line, qsizetype i)
{
    if (i >= line.size())
        return -1;
    if (line[i] == u'+' || line[i] == u'&')
        return i + 1;
    if (line[i] == u'.')
        return (i + 1 < line.size() && line[i + 1] == u'.') ? i + 2 : i + 1;
    return -1;
}

// Reads a concatenated expression (a variable, a property, a call) starting at `i`. Returns its end.
qsizetype readExpression(QStringView line, qsizetype i)
{
    qsizetype j = i;
    if (j < line.size() && line[j] == u'$')
        ++j;
    while (j < line.size()) {
        const QChar c = line[j];
        if (isIdentChar(c) || c == u'$') {
            ++j;
        } else if (c == u'(' || c == u'[') {
            const qsizetype k = skipBalanced(line, j, c, c == u'(' ? u')' : u']');
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
bool isResourceId(QStringView segment)
{
    const qsizetype dash = segment.indexOf(u'-');
    if (dash <= 0 || dash + 1 >= segment.size())
        return false;
    for (qsizetype i = 0; i < dash; ++i) {
        if (!(segment[i].unicode() < 0x80 && segment[i].isLetter()))
            return false;
    }
    for (qsizetype i = dash + 1; i < segment.size(); ++i) {
        if (!(segment[i] >= u'0' && segment[i] <= u'9'))
            return false;
    }
    return true;
}

void appendVariable(QString &out, QStringView expression)
{
    out += QLatin1Char('{');
    out += expression;
    out += QLatin1Char('}');
}

} // namespace

bool RouteNormaliser::isApiPrefixAt(QStringView line, qsizetype pos)
{
    if (pos < 0 || pos + 4 > line.size() || line.sliced(pos, 4) != u"/api")
        return false;
    if (pos + 4 == line.size())
        return true;
    const QChar next = line[pos + 4];
    return !(next.isLetterOrNumber() || next == u'-' || next == u'_' || next == u'.');
}

RouteNormaliser::Extracted RouteNormaliser::extract(QStringView line, qsizetype apiPos)
{
    Extracted result;
    QString out;
    out.reserve(std::min<qsizetype>(line.size() - apiPos, 256));
    qsizetype i = apiPos;
    const qsizetype n = line.size();
    while (i < n) {
        const QChar c = line[i];
        if (c == u'%' && i + 1 < n && QStringView(u"sdviqx").contains(line[i + 1])) {
            out += QStringLiteral("{%1}").arg(line[i + 1]); // printf / Sprintf verb
            i += 2;
        } else if (c == u'%' && i + 2 < n && line[i + 1].isLetterOrNumber() &&
                   line[i + 2].isLetterOrNumber()) {
            out += c; // percent-encoded byte
            ++i;
        } else if (isPathChar(c)) {
            qsizetype j = i + 1; // a run of path characters at once (none of them starts another case)
            while (j < n && isPathChar(line[j]))
                ++j;
            out += line.sliced(i, j - i);
            i = j;
        } else if (c == u'$' && i + 1 < n && line[i + 1] == u'(') {
            const qsizetype k = skipBalanced(line, i + 1, u'(', u')');
            if (k < 0)
                break;
            appendVariable(out, line.sliced(i + 2, k - i - 3));
            i = k;
        } else if (c == u'$' && i + 1 < n && line[i + 1] == u'{') {
            const qsizetype k = skipBalanced(line, i + 1, u'{', u'}');
            if (k < 0)
                break;
            appendVariable(out, line.sliced(i + 2, k - i - 3));
            i = k;
        } else if (c == u'$') {
            const qsizetype k = readExpression(line, i);
            appendVariable(out, line.sliced(i + 1, k - i - 1));
            i = k;
        } else if (c == u'#' && i + 1 < n && line[i + 1] == u'{') {
            const qsizetype k = skipBalanced(line, i + 1, u'{', u'}');
            if (k < 0)
                break;
            appendVariable(out, line.sliced(i + 2, k - i - 3));
            i = k;
        } else if (c == u'{') {
            const qsizetype k = skipBalanced(line, i, u'{', u'}');
            if (k < 0)
                break;
            const QStringView inner = line.sliced(i + 1, k - i - 2);
            if (inner.startsWith(u'?') || inner.startsWith(u'&'))
                break;                   // RFC 6570 query template: the path ends here
            if (!inner.startsWith(u'/')) // {/id}: optional segment, dropped
                appendVariable(out, inner);
            i = k;
        } else if (c == u'<') {
            const qsizetype k = skipBalanced(line, i, u'<', u'>');
            if (k < 0 || k - i > 40)
                break;
            appendVariable(out, line.sliced(i + 1, k - i - 2));
            i = k;
        } else if (isQuote(c)) {
            // "…/api/" + expr + "/rest"  or  "…/api/" + expr
            qsizetype j = skipSpaces(line, i + 1);
            const qsizetype opEnd = concatOperatorEnd(line, j);
            if (opEnd < 0)
                break;
            j = skipSpaces(line, opEnd);
            if (j >= n || isQuote(line[j]))
                break;
            const qsizetype exprEnd = readExpression(line, j);
            if (exprEnd == j)
                break;
            appendVariable(out, line.sliced(j, exprEnd - j));
            j = skipSpaces(line, exprEnd);
            const qsizetype op2End = concatOperatorEnd(line, j);
            if (op2End < 0) {
                i = exprEnd;
                break;
            }
            j = skipSpaces(line, op2End);
            if (j >= n || !isQuote(line[j])) {
                i = exprEnd;
                break;
            }
            i = j + 1;
        } else {
            break; // whitespace, ?, ), ;, , and anything else end the route
        }
    }
    while (!out.isEmpty() && QStringView(u".:,=!*").contains(out.back()))
        out.chop(1);
    result.end = i;
    result.raw = out;
    result.route = normalise(out);
    return result;
}

QString RouteNormaliser::normalise(QStringView raw)
{
    QStringView path = raw;
    if (const qsizetype q = path.indexOf(u'?'); q >= 0)
        path = path.first(q);
    if (const qsizetype h = path.indexOf(u'#'); h >= 0 && !(h + 1 < path.size() && path[h + 1] == u'{'))
        path = path.first(h);

    // The route is built as it goes: "/" before each segment kept (as joining them with "/" after "/").
    QString out;
    out.reserve(raw.size() + 16);
    int kept = 0;
    const auto keep = [&](QStringView segment) {
        out += QLatin1Char('/');
        out += segment;
        ++kept;
    };
    const auto parts = path.split(u'/', Qt::SkipEmptyParts);
    for (qsizetype index = 0; index < parts.size(); ++index) {
        const QStringView segment = parts.at(index);
        if (kept == 0) {
            // Everything before "api" (a host, ~) is not part of the route.
            if (segment.compare(u"api", Qt::CaseInsensitive) == 0)
                keep(u"api");
            continue;
        }
        const bool hasVariable = segment.contains(u'{');
        const bool firstAfterApi = kept == 1;
        const bool more = index + 1 < parts.size();
        if (hasVariable) {
            const bool spaceish = segment.contains(u"space", Qt::CaseInsensitive) ||
                                  segment.startsWith(u"Spaces-", Qt::CaseInsensitive);
            if (spaceish || (firstAfterApi && more && segment.startsWith(u'{') && segment.endsWith(u'}')))
                keep(u"{spaceId}");
            else
                keep(u"{id}");
        } else if (isResourceId(segment) && segment.startsWith(u"Spaces-", Qt::CaseInsensitive)) {
            keep(u"{spaceId}");
        } else if (isResourceId(segment)) {
            keep(u"{id}");
        } else {
            keep(segment);
        }
    }
    if (kept == 0)
        return QString();
    return out;
}
