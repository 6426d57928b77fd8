#pragma once

#include <QByteArray>
#include <QList>

#include <cstdint>

namespace octosim {

// A small deterministic generator (SplitMix64): the same seed gives the same data on every platform,
// unlike std::uniform_int_distribution whose output is implementation-defined.
class Random
{
public:
    explicit Random(quint64 seed)
        : m_state(seed * 0x9E3779B97F4A7C15ull + 0x632BE59BD9B4E019ull)
    {}

    quint64 next()
    {
        quint64 z = (m_state += 0x9E3779B97F4A7C15ull);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
        return z ^ (z >> 31);
    }
    // Uniform in [0, bound).
    int below(int bound) { return bound <= 0 ? 0 : int(next() % quint64(bound)); }
    int between(int low, int high) { return low + below(high - low + 1); }
    bool chance(int percent) { return below(100) < percent; }
    template<typename T>
    const T &pick(const QList<T> &values)
    {
        return values.at(below(int(values.size())));
    }
    QByteArray alnum(int length, bool upper)
    {
        static const char lower[] = "abcdefghijklmnopqrstuvwxyz0123456789";
        static const char upperSet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        QByteArray out(length, Qt::Uninitialized);
        for (int i = 0; i < length; ++i)
            out[i] = (upper ? upperSet : lower)[below(36)];
        return out;
    }
    QByteArray hex(int length)
    {
        static const char digits[] = "0123456789ABCDEF";
        QByteArray out(length, Qt::Uninitialized);
        for (int i = 0; i < length; ++i)
            out[i] = digits[below(16)];
        return out;
    }
    // A version-4 style GUID, lower case.
    QByteArray guid()
    {
        QByteArray h = hex(32).toLower();
        h[12] = '4';
        return h.left(8) + '-' + h.mid(8, 4) + '-' + h.mid(12, 4) + '-' + h.mid(16, 4) + '-' + h.mid(20);
    }

private:
    quint64 m_state;
};

} // namespace octosim
