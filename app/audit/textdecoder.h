#pragma once

#include <QByteArray>
#include <QByteArrayView>

// Turns a file's bytes into UTF-8 the rules can scan.
// BOM first (UTF-8, UTF-16LE, UTF-16BE); without a BOM, NUL bytes in the first 8 KiB or mostly control
// bytes mean binary; valid UTF-8 stays as it is (no copy); anything else is read as Latin-1.
class TextDecoder
{
public:
    enum class Encoding
    {
        Utf8,
        Utf8Bom,
        Utf16Le,
        Utf16Be,
        Latin1,
        Binary
    };

    struct Result
    {
        Encoding encoding = Encoding::Utf8;
        QByteArray utf8; // empty for Binary; shares the input's data when no conversion was needed
    };

    static Result decode(const QByteArray &raw);
    static bool looksBinary(QByteArrayView raw);
    static bool isValidUtf8(QByteArrayView raw);
    static const char *encodingName(Encoding encoding);
};
