#include "jsonspan.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

// The scanners take and return positions by value: a position passed by reference lives in memory, and
// since any char read may alias it, the compiler stores it back before every character it reads.

// p at the opening quote. The position after the closing quote, or null when the text ends first.
inline const char *stringEnd(const char *p, const char *end)
{
    // Most strings of an Octopus page are short (ids, names, versions), where a memchr call per string costs
    // more than the scan: look at 16 bytes at a time for a quote or a backslash.
    ++p;
#if defined(__SSE2__)
    const __m128i quote = _mm_set1_epi8('"');
    const __m128i backslash = _mm_set1_epi8('\\');
    while (end - p >= 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
        const unsigned quotes = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, quote)));
        const unsigned backslashes = unsigned(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, backslash)));
        // The first quote ends the string unless a backslash comes before it (rare): then the quote's
        // position alone decides, without waiting for a load of the character found.
        if (quotes != 0 && (backslashes & (quotes - 1)) == 0)
            return p + __builtin_ctz(quotes) + 1;
        if (backslashes == 0) {
            p += 16;
            continue;
        }
        p += __builtin_ctz(backslashes) + 2; // a backslash and the character it escapes
    }
#endif
    while (p < end) {
        if (*p == '"')
            return p + 1;
        p += *p == '\\' ? 2 : 1;
    }
    return nullptr;
}

inline const char *spaceEnd(const char *p, const char *end)
{
    while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
        ++p;
    return p;
}

// The position after `word` at p, or null.
inline const char *literalEnd(const char *p, const char *end, const char *word)
{
    const size_t n = std::strlen(word);
    if (size_t(end - p) < n || std::memcmp(p, word, n) != 0)
        return nullptr;
    return p + n;
}

// The position after the number at p, or null when there is none.
inline const char *numberEnd(const char *p, const char *end)
{
    const char *start = p;
    while (p < end &&
           ((*p >= '0' && *p <= '9') || *p == '-' || *p == '+' || *p == '.' || *p == 'e' || *p == 'E'))
        ++p;
    return p > start ? p : nullptr;
}

void appendUtf8(QByteArray &out, uint code)
{
    if (code < 0x80) {
        out.append(char(code));
    } else if (code < 0x800) {
        out.append(char(0xC0 | (code >> 6)));
        out.append(char(0x80 | (code & 0x3F)));
    } else if (code < 0x10000) {
        out.append(char(0xE0 | (code >> 12)));
        out.append(char(0x80 | ((code >> 6) & 0x3F)));
        out.append(char(0x80 | (code & 0x3F)));
    } else {
        out.append(char(0xF0 | (code >> 18)));
        out.append(char(0x80 | ((code >> 12) & 0x3F)));
        out.append(char(0x80 | ((code >> 6) & 0x3F)));
        out.append(char(0x80 | (code & 0x3F)));
    }
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Deeper nesting than this is left to QJsonDocument (the caller's fallback): no recursion without a bound.
constexpr int kMaxDepth = 256;

// The position after the value at p (after leading white space), or null when it is malformed.
const char *valueEnd(const char *p, const char *end, int depth = 0)
{
    p = spaceEnd(p, end);
    if (p >= end)
        return nullptr;
    switch (*p) {
    case '"':
        return stringEnd(p, end);
    case '{':
    case '[': {
        if (depth >= kMaxDepth)
            return nullptr;
        const char close = *p == '{' ? '}' : ']';
        const bool object = *p == '{';
        p = spaceEnd(p + 1, end);
        if (p < end && *p == close)
            return p + 1;
        for (;;) {
            if (object) {
                p = spaceEnd(p, end);
                if (p >= end || *p != '"' || !(p = stringEnd(p, end)))
                    return nullptr;
                p = spaceEnd(p, end);
                if (p >= end || *p != ':')
                    return nullptr;
                ++p;
            }
            if (!(p = valueEnd(p, end, depth + 1)))
                return nullptr;
            p = spaceEnd(p, end);
            if (p >= end)
                return nullptr;
            if (*p == ',') {
                ++p;
                continue;
            }
            if (*p == close)
                return p + 1;
            return nullptr;
        }
    }
    case 't':
        return literalEnd(p, end, "true");
    case 'f':
        return literalEnd(p, end, "false");
    case 'n':
        return literalEnd(p, end, "null");
    default:
        return numberEnd(p, end);
    }
}

// The object at p (after leading white space): `member(key, valueStart)` reads each member's value and
// returns the position after it, or null. The position after the closing brace, or null when malformed.
template<typename Member>
const char *objectEnd(const char *p, const char *end, Member member)
{
    p = spaceEnd(p, end);
    if (p >= end || *p != '{')
        return nullptr;
    p = spaceEnd(p + 1, end);
    if (p < end && *p == '}')
        return p + 1;
    for (;;) {
        p = spaceEnd(p, end);
        if (p >= end || *p != '"')
            return nullptr;
        const char *keyStart = p + 1;
        if (!(p = stringEnd(p, end)))
            return nullptr;
        const QByteArrayView key(keyStart, p - 1 - keyStart);
        p = spaceEnd(p, end);
        if (p >= end || *p != ':')
            return nullptr;
        if (!(p = member(key, spaceEnd(p + 1, end))))
            return nullptr;
        p = spaceEnd(p, end);
        if (p >= end)
            return nullptr;
        if (*p == ',') {
            ++p;
            continue;
        }
        if (*p == '}')
            return p + 1;
        return nullptr;
    }
}

} // namespace

QString JsonSpan::decodeString(QByteArrayView quoted)
{
    if (quoted.size() < 2 || quoted.front() != '"')
        return {};
    const QByteArrayView inner = quoted.sliced(1, quoted.size() - 2);
    if (!inner.contains('\\'))
        return QString::fromUtf8(inner);
    QByteArray out;
    out.reserve(inner.size());
    for (qsizetype i = 0; i < inner.size(); ++i) {
        const char c = inner.at(i);
        if (c != '\\' || i + 1 >= inner.size()) {
            out.append(c);
            continue;
        }
        const char e = inner.at(++i);
        switch (e) {
        case 'n':
            out.append('\n');
            break;
        case 't':
            out.append('\t');
            break;
        case 'r':
            out.append('\r');
            break;
        case 'b':
            out.append('\b');
            break;
        case 'f':
            out.append('\f');
            break;
        case 'u': {
            if (i + 4 >= inner.size())
                return QString::fromUtf8(out);
            uint code = 0;
            for (int k = 1; k <= 4; ++k)
                code = (code << 4) | uint(std::max(0, hexValue(inner.at(i + k))));
            i += 4;
            if (code >= 0xD800 && code < 0xDC00 && i + 6 < inner.size() && inner.at(i + 1) == '\\' &&
                inner.at(i + 2) == 'u') {
                uint low = 0;
                for (int k = 3; k <= 6; ++k)
                    low = (low << 4) | uint(std::max(0, hexValue(inner.at(i + k))));
                if (low >= 0xDC00 && low < 0xE000) {
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00);
                    i += 6;
                }
            }
            appendUtf8(out, code);
            break;
        }
        default: // " \ /
            out.append(e);
            break;
        }
    }
    return QString::fromUtf8(out);
}

bool JsonSpanObject::parse(QByteArrayView text, qsizetype *consumed)
{
    m_members.clear();
    m_hint = 0;
    const char *end = text.data() + text.size();
    const char *after = objectEnd(text.data(), end, [&](QByteArrayView key, const char *value) {
        // Most members are strings: skip them without the general dispatch.
        const char *next = value < end && *value == '"' ? stringEnd(value, end) : valueEnd(value, end);
        if (next)
            m_members.append({key, QByteArrayView(value, next - value)});
        return next;
    });
    if (!after)
        return false;
    if (consumed)
        *consumed = after - text.data();
    return true;
}

QByteArrayView JsonSpanObject::raw(QByteArrayView key) const
{
    // Items are read member after member, in the order the server writes them: start where the last
    // look-up ended, so that most look-ups compare one name.
    const qsizetype count = m_members.size();
    for (qsizetype k = 0; k < count; ++k) {
        qsizetype i = m_hint + k;
        if (i >= count)
            i -= count;
        const QByteArrayView name = m_members[i].first;
        if (name.size() == key.size() && JsonSpan::sameBytes(name.data(), key.data(), key.size())) {
            m_hint = i + 1;
            return m_members[i].second;
        }
    }
    return {};
}

QString JsonSpanObject::string(QByteArrayView key) const
{
    const QByteArrayView value = raw(key);
    if (value.isEmpty() || value.front() != '"')
        return {};
    return JsonSpan::decodeString(value);
}

bool JsonSpanObject::boolean(QByteArrayView key, bool fallback) const
{
    const QByteArrayView value = raw(key);
    if (value == "true")
        return true;
    if (value == "false")
        return false;
    return fallback;
}

double JsonSpanObject::number(QByteArrayView key, double fallback) const
{
    const QByteArrayView value = raw(key);
    bool ok = false;
    const double number = value.isEmpty() ? 0 : value.toByteArray().toDouble(&ok);
    return ok ? number : fallback;
}

QStringList JsonSpanObject::strings(QByteArrayView key) const
{
    QStringList out;
    const QByteArrayView value = raw(key);
    if (value.isEmpty() || value.front() != '[')
        return out;
    const char *p = value.data() + 1;
    const char *end = value.data() + value.size();
    for (;;) {
        p = spaceEnd(p, end);
        if (p >= end || *p == ']')
            return out;
        const char *start = p;
        if (!(p = valueEnd(p, end)))
            return out;
        if (*start == '"')
            out.append(JsonSpan::decodeString(QByteArrayView(start, p - start)));
        p = spaceEnd(p, end);
        if (p < end && *p == ',')
            ++p;
    }
}

namespace {

// Reads exactly `digits` decimal digits at p.
bool readDigits(const char *&p, const char *end, int digits, int *value)
{
    if (end - p < digits)
        return false;
    int v = 0;
    for (int i = 0; i < digits; ++i) {
        const char c = p[i];
        if (c < '0' || c > '9')
            return false;
        v = v * 10 + (c - '0');
    }
    p += digits;
    *value = v;
    return true;
}

// Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar (Howard Hinnant's days_from_civil).
qint64 daysFromCivil(int y, int m, int d)
{
    y -= m <= 2;
    const qint64 era = (y >= 0 ? y : y - 399) / 400;
    const unsigned yoe = unsigned(y - era * 400);
    const unsigned doy = (153 * unsigned(m + (m > 2 ? -3 : 9)) + 2) / 5 + unsigned(d) - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + qint64(doe) - 719468;
}

// YYYY-MM-DDTHH:MM:SS[.fraction](Z|+HH:MM|-HH:MM): the form Octopus writes. False for anything else.
bool parseIsoUtc(QByteArrayView text, qint64 *msecs)
{
    const char *p = text.data();
    const char *end = p + text.size();
    int year, month, day, hour, minute, second;
    if (!readDigits(p, end, 4, &year) || p == end || *p++ != '-' || !readDigits(p, end, 2, &month) ||
        p == end || *p++ != '-' || !readDigits(p, end, 2, &day) || p == end || (*p != 'T' && *p != 't') ||
        !readDigits(++p, end, 2, &hour) || p == end || *p++ != ':' || !readDigits(p, end, 2, &minute) ||
        p == end || *p++ != ':' || !readDigits(p, end, 2, &second))
        return false;
    static constexpr int kDaysInMonth[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (month < 1 || month > 12 || day < 1 || day > kDaysInMonth[month - 1] || hour > 23 || minute > 59 ||
        second > 59)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    if (month == 2 && day == 29 && !leap)
        return false;
    int millis = 0;
    if (p < end && *p == '.') {
        ++p;
        int scale = 100;
        const char *digitsStart = p;
        while (p < end && *p >= '0' && *p <= '9') {
            millis += (*p - '0') * scale; // digits beyond milliseconds are dropped, as QDateTime does
            scale /= 10;
            ++p;
        }
        if (p == digitsStart)
            return false;
    }
    int offsetMinutes = 0;
    if (p < end && (*p == 'Z' || *p == 'z')) {
        ++p;
    } else if (p < end && (*p == '+' || *p == '-')) {
        const int sign = *p++ == '-' ? -1 : 1;
        int oh, om;
        if (!readDigits(p, end, 2, &oh) || p == end || *p++ != ':' || !readDigits(p, end, 2, &om) ||
            oh > 23 || om > 59)
            return false;
        offsetMinutes = sign * (oh * 60 + om);
    } else {
        return false; // no zone: local time, left to QDateTime
    }
    if (p != end)
        return false;
    const qint64 seconds = daysFromCivil(year, month, day) * 86400 + hour * 3600 + minute * 60 + second -
                           qint64(offsetMinutes) * 60;
    *msecs = seconds * 1000 + millis;
    return true;
}

} // namespace

QDateTime JsonSpanObject::dateTime(QByteArrayView key) const
{
    const QByteArrayView value = raw(key);
    if (value.size() < 2 || value.front() != '"')
        return {};
    qint64 msecs = 0;
    if (parseIsoUtc(value.sliced(1, value.size() - 2), &msecs))
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    const QString text = JsonSpan::decodeString(value);
    const QDateTime parsed = QDateTime::fromString(text, Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

JsonSpanObject JsonSpanObject::object(QByteArrayView key) const
{
    JsonSpanObject nested;
    const QByteArrayView value = raw(key);
    if (!value.isEmpty() && value.front() == '{')
        nested.parse(value);
    return nested;
}

bool JsonSpan::parsePage(QByteArrayView body, Page *page, const ItemVisitor &visit)
{
    JsonSpanObject item; // reused for every item: its member table stays allocated
    const char *end = body.data() + body.size();
    // The array of items at p ('['): the position after it, or null when malformed.
    auto itemsEnd = [&](const char *p) -> const char * {
        p = spaceEnd(p + 1, end);
        if (p < end && *p == ']')
            return p + 1;
        for (;;) {
            p = spaceEnd(p, end);
            const char *start = p;
            if (visit && p < end && *p == '{') {
                qsizetype consumed = 0;
                if (!item.parse(QByteArrayView(p, end - p), &consumed))
                    return nullptr;
                p += consumed;
                visit(item);
            } else {
                if (!(p = valueEnd(p, end)))
                    return nullptr;
                if (!visit)
                    page->items.append(QByteArrayView(start, p - start));
            }
            ++page->itemCount;
            p = spaceEnd(p, end);
            if (p >= end)
                return nullptr;
            if (*p == ',') {
                ++p;
                continue;
            }
            if (*p == ']')
                return p + 1;
            return nullptr;
        }
    };
    const char *p = spaceEnd(body.data(), end);
    if (p >= end)
        return false;
    if (*p == '[') {
        p = itemsEnd(p);
    } else {
        // One pass: the top-level members are recorded as JsonSpanObject::parse() would, and the first
        // "Items" array is split into items while it is validated (no second scan of the whole body).
        JsonSpanObject top;
        bool itemsRead = false;
        p = objectEnd(p, end, [&](QByteArrayView key, const char *value) {
            const char *next = nullptr;
            if (!itemsRead && key == "Items" && value < end && *value == '[') {
                itemsRead = true;
                next = itemsEnd(value);
            } else {
                next = valueEnd(value, end);
            }
            if (next)
                top.m_members.append({key, QByteArrayView(value, next - value)});
            return next;
        });
        if (!p)
            return false;
        page->totalResults = qint64(top.number("TotalResults", -1));
        page->itemsPerPage = int(top.number("ItemsPerPage", -1));
        page->nextLink = top.object("Links").string("Page.Next");
    }
    return p && spaceEnd(p, end) == end;
}

quint64 JsonSpanInterner::hash(QByteArrayView text)
{
    // Eight bytes at a time, each folded in with a multiply and a shift; the last (up to) eight bytes are
    // read as one word that may overlap the previous one. Not for untrusted keys in a long-lived table (no
    // seed); a page's interner lives for one page.
    const char *p = text.data();
    size_t n = size_t(text.size());
    quint64 h = 0x9E3779B97F4A7C15ULL ^ (n * 0xC2B2AE3D27D4EB4FULL);
    auto mix = [&h](quint64 v) {
        h = (h ^ v) * 0xBF58476D1CE4E5B9ULL;
        h ^= h >> 31;
    };
    if (n >= 8) {
        while (n > 8) {
            quint64 v;
            std::memcpy(&v, p, 8);
            mix(v);
            p += 8;
            n -= 8;
        }
        quint64 v;
        std::memcpy(&v, p + n - 8, 8);
        mix(v);
    } else if (n >= 4) {
        quint32 a;
        quint32 b;
        std::memcpy(&a, p, 4);
        std::memcpy(&b, p + n - 4, 4);
        mix(quint64(a) << 32 | b);
    } else if (n > 0) {
        mix(quint64(quint8(p[0])) << 16 | quint64(quint8(p[n / 2])) << 8 | quint8(p[n - 1]));
    }
    return h ^ (h >> 29);
}

JsonSpanInterner::~JsonSpanInterner()
{
    if (m_block && !m_block->deref())
        QTypedArrayData<char16_t>::deallocate(m_block);
}

QString JsonSpanInterner::text(const JsonSpanObject &object, QByteArrayView key)
{
    const QByteArrayView value = object.raw(key);
    if (value.size() < 2 || value.front() != '"')
        return {};
    const QByteArrayView inner = value.sliced(1, value.size() - 2);
    // Plain ASCII without escapes (nearly every id, version and URL) is widened straight into the block;
    // anything else is decoded the usual way, into a string of its own.
    constexpr qsizetype kLongest = 1024;
    if (inner.size() > kLongest)
        return JsonSpan::decodeString(value);
    const qsizetype n = inner.size();
    if (m_blockEnd - m_blockNext < n + 1) {
        if (m_block && !m_block->deref())
            QTypedArrayData<char16_t>::deallocate(m_block);
        constexpr qsizetype kBlockChars = 32 * 1024; // 64 KB: a few hundred strings
        auto [header, data] = QTypedArrayData<char16_t>::allocate(kBlockChars);
        if (!header)
            return JsonSpan::decodeString(value);
        m_block = header;
        m_blockNext = data;
        m_blockEnd = data + kBlockChars;
    }
    const uchar *in = reinterpret_cast<const uchar *>(inner.data());
    char16_t *out = m_blockNext;
    qsizetype i = 0;
    bool plain = true; // ASCII and no backslash
#if defined(__SSE2__)
    const __m128i zero = _mm_setzero_si128();
    const __m128i backslash = _mm_set1_epi8('\\');
    for (; i + 16 <= n; i += 16) {
        const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i *>(in + i));
        // A byte with its high bit set (not ASCII) or a backslash (0xFF after the comparison).
        if (_mm_movemask_epi8(_mm_or_si128(chunk, _mm_cmpeq_epi8(chunk, backslash))) != 0) {
            plain = false;
            break;
        }
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i), _mm_unpacklo_epi8(chunk, zero));
        _mm_storeu_si128(reinterpret_cast<__m128i *>(out + i + 8), _mm_unpackhi_epi8(chunk, zero));
    }
#endif
    for (; plain && i < n; ++i) {
        plain = in[i] < 0x80 && in[i] != '\\';
        out[i] = in[i];
    }
    if (!plain)
        return JsonSpan::decodeString(value); // whatever was written is simply left unused
    out[n] = u'\0';                           // QString's data is terminated
    m_blockNext += n + 1;
    m_block->ref();
    return QString(QString::DataPointer(static_cast<QTypedArrayData<char16_t> *>(m_block), out, n));
}

QString JsonSpanInterner::string(const JsonSpanObject &object, QByteArrayView key)
{
    const QByteArrayView value = object.raw(key);
    if (value.isEmpty() || value.front() != '"')
        return {};
    const auto [stored, inserted] = m_strings.findOrInsert(value);
    if (inserted)
        *stored = JsonSpan::decodeString(value);
    return *stored;
}

QStringList JsonSpanInterner::strings(const JsonSpanObject &object, QByteArrayView key)
{
    const QByteArrayView value = object.raw(key);
    if (value.isEmpty() || value.front() != '[')
        return {};
    const auto [stored, inserted] = m_lists.findOrInsert(value);
    if (inserted)
        *stored = object.strings(key);
    return *stored;
}
