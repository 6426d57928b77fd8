#pragma once

#include <QByteArray>
#include <QByteArrayView>

#include <vector>

// Finds the first occurrence of any of a few short ASCII needles in a byte buffer, in one pass.
// On x86-64 it tests 32 positions at a time (AVX2, chosen at run time) or 16 (SSE2): a position is a
// candidate when both the needle's first and last bytes match there, and candidates are verified with a byte
// compare. Case-insensitive needles compare ASCII letters without case. This is the audit's pre-filter: most
// files hold none of the needles and are never decoded.
class NeedleFinder
{
public:
    // Which implementation findFirst uses; Best picks AVX2 when the CPU has it. Tests cover each one.
    enum class Simd
    {
        Best,
        Sse2,
        Scalar
    };

    void addNeedle(const QByteArray &needle, bool caseInsensitive); // at most 16 needles
    void setSimd(Simd simd) { m_simd = simd; }
    bool isEmpty() const { return m_needles.empty(); }

    // Index of the first needle occurrence at or after `from`, or -1.
    qsizetype findFirst(QByteArrayView haystack, qsizetype from = 0) const;

private:
    struct Needle
    {
        QByteArray bytes; // lower-cased when case-insensitive
        bool caseInsensitive = false;
    };

    bool matchesAt(const Needle &needle, const char *at) const;
    qsizetype verify(const char *data, qsizetype size, qsizetype base, quint64 mask) const;
    qsizetype findScalar(QByteArrayView haystack, qsizetype from) const;
#if defined(__x86_64__) || defined(__i386__)
    qsizetype findSse2(QByteArrayView haystack, qsizetype from) const;
    qsizetype findAvx2(QByteArrayView haystack, qsizetype from) const;
#endif

    std::vector<Needle> m_needles;
    qsizetype m_maxLength = 0;
    Simd m_simd = Simd::Best;
};
