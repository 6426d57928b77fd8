#include "needlefinder.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c;
}

} // namespace

void NeedleFinder::addNeedle(const QByteArray &needle, bool caseInsensitive)
{
    if (needle.isEmpty())
        return;
    Needle entry{caseInsensitive ? needle.toLower() : needle, caseInsensitive};
    m_maxLength = std::max(m_maxLength, entry.bytes.size());
    m_needles.push_back(std::move(entry));
}

bool NeedleFinder::matchesAt(const Needle &needle, const char *at) const
{
    if (!needle.caseInsensitive)
        return std::memcmp(at, needle.bytes.constData(), size_t(needle.bytes.size())) == 0;
    for (qsizetype i = 0; i < needle.bytes.size(); ++i) {
        if (asciiLower(at[i]) != needle.bytes[i])
            return false;
    }
    return true;
}

qsizetype NeedleFinder::findScalar(QByteArrayView haystack, qsizetype from) const
{
    const char *data = haystack.data();
    for (qsizetype i = from; i < haystack.size(); ++i) {
        for (const Needle &needle : m_needles) {
            if (i + needle.bytes.size() <= haystack.size() && matchesAt(needle, data + i))
                return i;
        }
    }
    return -1;
}

qsizetype NeedleFinder::findFirst(QByteArrayView haystack, qsizetype from) const
{
    if (m_needles.empty() || from >= haystack.size())
        return -1;
#if defined(__SSE2__)
    const char *data = haystack.data();
    const qsizetype size = haystack.size();
    // Blocks are safe while every needle's last-byte load (16 bytes at i + length - 1) stays inside.
    const qsizetype lastBlock = size - 16 - (m_maxLength - 1);
    const __m128i caseBit = _mm_set1_epi8(0x20);
    qsizetype i = from;
    for (; i <= lastBlock; i += 16) {
        const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        const __m128i headFolded = _mm_or_si128(head, caseBit);
        unsigned candidates = 0;
        for (const Needle &needle : m_needles) {
            const qsizetype last = needle.bytes.size() - 1;
            const __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i + last));
            __m128i first;
            __m128i end;
            if (needle.caseInsensitive) {
                // x | 0x20 folds upper-case letters (and a few punctuation bytes: verified below).
                first = _mm_cmpeq_epi8(headFolded, _mm_set1_epi8(char(needle.bytes[0] | 0x20)));
                end = _mm_cmpeq_epi8(_mm_or_si128(tail, caseBit),
                                     _mm_set1_epi8(char(needle.bytes[last] | 0x20)));
            } else {
                first = _mm_cmpeq_epi8(head, _mm_set1_epi8(needle.bytes[0]));
                end = _mm_cmpeq_epi8(tail, _mm_set1_epi8(needle.bytes[last]));
            }
            unsigned mask = unsigned(_mm_movemask_epi8(_mm_and_si128(first, end)));
            while (mask) {
                const int bit = __builtin_ctz(mask);
                mask &= mask - 1;
                if (matchesAt(needle, data + i + bit)) {
                    candidates |= 1u << bit;
                    break; // later bits of this needle cannot be earlier than this one
                }
            }
        }
        if (candidates)
            return i + __builtin_ctz(candidates);
    }
    return findScalar(haystack, i);
#else
    return findScalar(haystack, from);
#endif
}
