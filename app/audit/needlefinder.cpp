#include "needlefinder.h"

#include <bit>
#include <cstring>

// GCC and clang on x86 only (target attributes, __builtin_cpu_supports); elsewhere findScalar.
#if defined(__x86_64__) || defined(__i386__)
#include <immintrin.h>
#define HANDOVER_NEEDLE_X86 1
#endif

namespace {

char asciiLower(char c)
{
    return (c >= 'A' && c <= 'Z') ? char(c | 0x20) : c;
}

} // namespace

void NeedleFinder::addNeedle(const QByteArray &needle, bool caseInsensitive)
{
    if (needle.isEmpty() || m_needles.size() >= 16)
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

// The first verified needle at a candidate position of `mask` (bit n = position base + n), or -1.
qsizetype NeedleFinder::verify(const char *data, qsizetype size, qsizetype base, quint64 mask) const
{
    while (mask) {
        const qsizetype at = base + std::countr_zero(mask);
        mask &= mask - 1;
        for (const Needle &needle : m_needles) {
            if (at + needle.bytes.size() <= size && matchesAt(needle, data + at))
                return at;
        }
    }
    return -1;
}

#if defined(HANDOVER_NEEDLE_X86)

// 16 positions at a time. A position is a candidate when some needle's first and last bytes match there
// (letters folded with | 0x20 for case-insensitive needles); candidates are verified with a compare.
qsizetype NeedleFinder::findSse2(QByteArrayView haystack, qsizetype from) const
{
    const char *data = haystack.data();
    const qsizetype size = haystack.size();
    const qsizetype lastBlock = size - 16 - (m_maxLength - 1);
    const __m128i caseBit = _mm_set1_epi8(0x20);
    qsizetype i = from;
    for (; i <= lastBlock; i += 16) {
        const __m128i head = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i));
        const __m128i headFolded = _mm_or_si128(head, caseBit);
        __m128i any = _mm_setzero_si128();
        for (const Needle &needle : m_needles) {
            const qsizetype last = needle.bytes.size() - 1;
            const __m128i tail = _mm_loadu_si128(reinterpret_cast<const __m128i *>(data + i + last));
            const char f = needle.caseInsensitive ? char(needle.bytes[0] | 0x20) : needle.bytes[0];
            const char l = needle.caseInsensitive ? char(needle.bytes[last] | 0x20) : needle.bytes[last];
            const __m128i first =
                _mm_cmpeq_epi8(needle.caseInsensitive ? headFolded : head, _mm_set1_epi8(f));
            const __m128i end =
                _mm_cmpeq_epi8(needle.caseInsensitive ? _mm_or_si128(tail, caseBit) : tail, _mm_set1_epi8(l));
            any = _mm_or_si128(any, _mm_and_si128(first, end));
        }
        const unsigned mask = unsigned(_mm_movemask_epi8(any));
        if (mask) {
            const qsizetype at = verify(data, size, i, mask);
            if (at >= 0)
                return at;
        }
    }
    return findScalar(haystack, i);
}

// The same with 32 positions at a time, for CPUs with AVX2 (chosen at run time).
__attribute__((target("avx2"))) qsizetype NeedleFinder::findAvx2(QByteArrayView haystack,
                                                                 qsizetype from) const
{
    const char *data = haystack.data();
    const qsizetype size = haystack.size();
    const qsizetype lastBlock = size - 32 - (m_maxLength - 1);
    const __m256i caseBit = _mm256_set1_epi8(0x20);
    qsizetype i = from;
    for (; i <= lastBlock; i += 32) {
        const __m256i head = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(data + i));
        const __m256i headFolded = _mm256_or_si256(head, caseBit);
        __m256i any = _mm256_setzero_si256();
        for (const Needle &needle : m_needles) {
            const qsizetype last = needle.bytes.size() - 1;
            const __m256i tail = _mm256_loadu_si256(reinterpret_cast<const __m256i *>(data + i + last));
            const char f = needle.caseInsensitive ? char(needle.bytes[0] | 0x20) : needle.bytes[0];
            const char l = needle.caseInsensitive ? char(needle.bytes[last] | 0x20) : needle.bytes[last];
            const __m256i first =
                _mm256_cmpeq_epi8(needle.caseInsensitive ? headFolded : head, _mm256_set1_epi8(f));
            const __m256i end = _mm256_cmpeq_epi8(
                needle.caseInsensitive ? _mm256_or_si256(tail, caseBit) : tail, _mm256_set1_epi8(l));
            any = _mm256_or_si256(any, _mm256_and_si256(first, end));
        }
        const quint64 mask = quint32(_mm256_movemask_epi8(any));
        if (mask) {
            const qsizetype at = verify(data, size, i, mask);
            if (at >= 0)
                return at;
        }
    }
    return findSse2(haystack, i);
}

#endif

qsizetype NeedleFinder::findFirst(QByteArrayView haystack, qsizetype from) const
{
    if (m_needles.empty() || from >= haystack.size())
        return -1;
#if defined(HANDOVER_NEEDLE_X86)
    static const bool avx2 = __builtin_cpu_supports("avx2");
    if (m_simd == Simd::Scalar)
        return findScalar(haystack, from);
    return avx2 && m_simd == Simd::Best ? findAvx2(haystack, from) : findSse2(haystack, from);
#else
    return findScalar(haystack, from);
#endif
}
