#include "textdecoder.h"

#include <QString>

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace {

constexpr qsizetype kSniffBytes = 8 * 1024;

QByteArray utf16ToUtf8(QByteArrayView bytes, bool littleEndian)
{
    const qsizetype units = bytes.size() / 2;
    QString text(units, Qt::Uninitialized);
    auto *out = reinterpret_cast<char16_t *>(text.data());
    const auto *in = reinterpret_cast<const unsigned char *>(bytes.data());
    for (qsizetype i = 0; i < units; ++i) {
        const unsigned char a = in[2 * i];
        const unsigned char b = in[2 * i + 1];
        out[i] = littleEndian ? char16_t(a | (b << 8)) : char16_t((a << 8) | b);
    }
    return text.toUtf8();
}

} // namespace

bool TextDecoder::looksBinary(QByteArrayView raw)
{
    const qsizetype n = std::min(raw.size(), kSniffBytes);
    if (n == 0)
        return false;
    const auto *p = reinterpret_cast<const unsigned char *>(raw.data());
    qsizetype control = 0;
    qsizetype i = 0;
#if defined(__SSE2__)
    // 16 bytes at a time: NUL anywhere means binary; count control bytes other than \t \n \v \f \r ESC.
    const __m128i bias = _mm_set1_epi8(char(0x80));
    const __m128i limit = _mm_set1_epi8(char(0x20 ^ 0x80));
    for (; i + 16 <= n; i += 16) {
        const __m128i x = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + i));
        if (_mm_movemask_epi8(_mm_cmpeq_epi8(x, _mm_setzero_si128())))
            return true;
        const __m128i below = _mm_cmplt_epi8(_mm_xor_si128(x, bias), limit); // unsigned x < 0x20
        const unsigned belowMask = unsigned(_mm_movemask_epi8(below));
        if (!belowMask)
            continue;
        // \t..\r are 0x09..0x0d: one unsigned range test, plus ESC.
        const __m128i inRange = _mm_cmplt_epi8(_mm_xor_si128(_mm_sub_epi8(x, _mm_set1_epi8(0x09)), bias),
                                               _mm_set1_epi8(char(0x05 ^ 0x80)));
        const __m128i allowed = _mm_or_si128(inRange, _mm_cmpeq_epi8(x, _mm_set1_epi8(0x1b)));
        for (unsigned bad = belowMask & ~unsigned(_mm_movemask_epi8(allowed)); bad; bad &= bad - 1)
            ++control;
    }
#endif
    for (; i < n; ++i) {
        const unsigned char c = p[i];
        if (c == 0)
            return true;
        if (c < 0x20 && !(c >= '\t' && c <= '\r') && c != 0x1b)
            ++control;
    }
    return control * 10 > n * 3; // more than 30 % control bytes
}

bool TextDecoder::isValidUtf8(QByteArrayView raw)
{
    const auto *p = reinterpret_cast<const unsigned char *>(raw.data());
    const auto *end = p + raw.size();
    while (p < end) {
#if defined(__SSE2__)
        // Fast path: 32 ASCII bytes at a time, then 8.
        while (end - p >= 32) {
            const __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p));
            const __m128i b = _mm_loadu_si128(reinterpret_cast<const __m128i *>(p + 16));
            if (_mm_movemask_epi8(_mm_or_si128(a, b)))
                break;
            p += 32;
        }
#endif
        if (end - p >= 8) {
            quint64 word;
            std::memcpy(&word, p, 8);
            if ((word & 0x8080808080808080ULL) == 0) {
                p += 8;
                continue;
            }
        }
        const unsigned char c = *p;
        if (c < 0x80) {
            ++p;
            continue;
        }
        int extra;
        unsigned int min;
        unsigned int cp;
        if ((c & 0xe0) == 0xc0) {
            extra = 1;
            min = 0x80;
            cp = c & 0x1f;
        } else if ((c & 0xf0) == 0xe0) {
            extra = 2;
            min = 0x800;
            cp = c & 0x0f;
        } else if ((c & 0xf8) == 0xf0) {
            extra = 3;
            min = 0x10000;
            cp = c & 0x07;
        } else {
            return false;
        }
        if (end - p <= extra)
            return false;
        for (int i = 1; i <= extra; ++i) {
            if ((p[i] & 0xc0) != 0x80)
                return false;
            cp = (cp << 6) | (p[i] & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return false;
        p += extra + 1;
    }
    return true;
}

TextDecoder::Result TextDecoder::decode(const QByteArray &raw)
{
    Result result;
    if (raw.startsWith("\xef\xbb\xbf")) {
        result.encoding = Encoding::Utf8Bom;
        const QByteArrayView body = QByteArrayView(raw).sliced(3);
        if (isValidUtf8(body))
            result.utf8 = body.toByteArray();
        else
            result.utf8 = QString::fromUtf8(body).toUtf8(); // replacement characters for the bad bytes
        return result;
    }
    if (raw.startsWith("\xff\xfe")) {
        result.encoding = Encoding::Utf16Le;
        result.utf8 = utf16ToUtf8(QByteArrayView(raw).sliced(2), true);
        return result;
    }
    if (raw.startsWith("\xfe\xff")) {
        result.encoding = Encoding::Utf16Be;
        result.utf8 = utf16ToUtf8(QByteArrayView(raw).sliced(2), false);
        return result;
    }
    if (looksBinary(raw)) {
        result.encoding = Encoding::Binary;
        return result;
    }
    if (isValidUtf8(raw)) {
        result.encoding = Encoding::Utf8;
        result.utf8 = raw;
        return result;
    }
    result.encoding = Encoding::Latin1;
    result.utf8 = QString::fromLatin1(raw).toUtf8();
    return result;
}

const char *TextDecoder::encodingName(Encoding encoding)
{
    switch (encoding) {
    case Encoding::Utf8:
        return "UTF-8";
    case Encoding::Utf8Bom:
        return "UTF-8 with BOM";
    case Encoding::Utf16Le:
        return "UTF-16LE";
    case Encoding::Utf16Be:
        return "UTF-16BE";
    case Encoding::Latin1:
        return "Latin-1";
    case Encoding::Binary:
        return "binary";
    }
    return "";
}
