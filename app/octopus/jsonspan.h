#pragma once

#include <QByteArrayView>
#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

#include <algorithm>
#include <cstring>
#include <functional>

// A fast, allocation-light reader for the large collection pages of an inventory (build information
// alone is ~1 MB per page): it validates the JSON structure while skipping values and keeps each object's
// top-level members as spans into the response body. Only the members asked for are decoded. Any syntax
// error makes parsing fail, and the caller falls back to QJsonDocument (which reports the error).
// The spans point into the body: keep the body alive while the objects are used.
class JsonSpanObject
{
public:
    // `text` must start with '{' (leading whitespace allowed). Returns false on malformed JSON.
    // `consumed` receives the length up to and including the closing brace.
    bool parse(QByteArrayView text, qsizetype *consumed = nullptr);

    bool contains(QByteArrayView key) const { return !raw(key).isNull(); }
    QString string(QByteArrayView key) const; // "" when absent, null or not a string
    bool boolean(QByteArrayView key, bool fallback = false) const;
    double number(QByteArrayView key, double fallback = -1) const;
    QStringList strings(QByteArrayView key) const; // an array of strings
    // An ISO 8601 date and time ("2021-03-04T05:06:07.123+01:00", "…Z"), in UTC; invalid when absent or not a
    // date. The common form is read straight from the bytes; anything else goes through QDateTime.
    QDateTime dateTime(QByteArrayView key) const;
    JsonSpanObject object(QByteArrayView key) const; // empty object when absent
    QByteArrayView raw(QByteArrayView key) const;    // the member's value as written, or null

private:
    friend class JsonSpan; // parsePage() fills the top-level object in the same pass as the items
    QVarLengthArray<std::pair<QByteArrayView, QByteArrayView>, 40> m_members;
    mutable qsizetype m_hint = 0; // where the next look-up starts: members are mostly read in their order
};

class JsonSpan
{
public:
    // A collection page ({"Items":[...], "TotalResults":..}) or a bare array (an /all endpoint).
    struct Page
    {
        QList<QByteArrayView> items; // each item's text (only without a visitor)
        int itemCount = 0;
        qint64 totalResults = -1;
        int itemsPerPage = -1;
        QString nextLink;
    };
    using ItemVisitor = std::function<void(const JsonSpanObject &item)>;
    // With `visit`, each item that is an object is handed over with its top-level members as soon as it has
    // been read, in the same single pass that validates the page (items are not collected). On false (the
    // page is malformed) whatever was visited must be thrown away.
    static bool parsePage(QByteArrayView body, Page *page, const ItemVisitor &visit = {});

    // Helpers shared with JsonSpanObject.
    static QString decodeString(QByteArrayView quoted); // with the quotes
    // Equal bytes, for short names and values: a word or two compared inline instead of a memcmp call.
    // Both sides hold at least n bytes.
    static bool sameBytes(const char *a, const char *b, qsizetype n)
    {
        if (n >= 8)
            return sameEnds<quint64>(a, b, n) && (n <= 16 || std::memcmp(a + 8, b + 8, size_t(n - 16)) == 0);
        if (n >= 4)
            return sameEnds<quint32>(a, b, n);
        for (qsizetype i = 0; i < n; ++i) {
            if (a[i] != b[i])
                return false;
        }
        return true;
    }

private:
    // The first and the last word of n >= sizeof(Word) bytes (they overlap when n < 2 words).
    template<typename Word>
    static bool sameEnds(const char *a, const char *b, qsizetype n)
    {
        Word x;
        Word y;
        std::memcpy(&x, a, sizeof(Word));
        std::memcpy(&y, b, sizeof(Word));
        if (x != y)
            return false;
        std::memcpy(&x, a + n - qsizetype(sizeof(Word)), sizeof(Word));
        std::memcpy(&y, b + n - qsizetype(sizeof(Word)), sizeof(Word));
        return x == y;
    }
};

// Hands out one shared copy of each distinct value read through it: for members that repeat across the items
// of a page (space ids, environments, roles, statuses, build servers, ...), which are then decoded and
// allocated once per page instead of once per item. QString copies share their data, so this also saves the
// memory of every repeat. The keys are views into the page text: one interner per page, used while the
// page is being read.
class JsonSpanInterner
{
public:
    JsonSpanInterner() = default;
    JsonSpanInterner(const JsonSpanInterner &) = delete;
    JsonSpanInterner &operator=(const JsonSpanInterner &) = delete;
    ~JsonSpanInterner();

    QString string(const JsonSpanObject &object, QByteArrayView key);
    QStringList strings(const JsonSpanObject &object, QByteArrayView key);
    // For values that do not repeat (ids, versions, URLs): the same text as JsonSpanObject::string(), but
    // written into a block shared with the page's other such strings (one allocation for hundreds of
    // strings, no allocator header per string). Each string holds a reference to its block, like any
    // QString: it can outlive the interner, be copied to other threads and be modified (it then detaches).
    QString text(const JsonSpanObject &object, QByteArrayView key);

    // An open-addressing table keyed by the raw text of a value (a view into the page). Cheaper per look-up
    // than std::unordered_map: no node per entry, no division by a prime, a hash that reads eight bytes at a
    // time. Public for the test only.
    template<typename Value>
    class Table
    {
    public:
        // The value stored for `text`, and whether it was just added (then default-constructed).
        std::pair<Value *, bool> findOrInsert(QByteArrayView text);
        qsizetype size() const { return m_used; }

    private:
        struct Slot
        {
            quint64 hash = 0;
            const char *data = nullptr;
            qsizetype size = 0;
            bool used = false;
            Value value;
        };
        void grow();
        QList<Slot> m_slots;
        qsizetype m_used = 0;
    };
    static quint64 hash(QByteArrayView text);

private:
    Table<QString> m_strings;
    Table<QStringList> m_lists;
    QArrayData *m_block = nullptr; // the block text() writes into; the interner holds one reference to it
    char16_t *m_blockNext = nullptr;
    char16_t *m_blockEnd = nullptr;
};

template<typename Value>
inline std::pair<Value *, bool> JsonSpanInterner::Table<Value>::findOrInsert(QByteArrayView text)
{
    if ((m_used + 1) * 4 > m_slots.size() * 3)
        grow();
    const quint64 h = hash(text);
    const qsizetype mask = m_slots.size() - 1;
    Slot *table = m_slots.data();
    for (qsizetype i = qsizetype(h) & mask;; i = (i + 1) & mask) {
        Slot &slot = table[i];
        if (!slot.used) {
            slot.used = true;
            slot.hash = h;
            slot.data = text.data();
            slot.size = text.size();
            ++m_used;
            return {&slot.value, true};
        }
        if (slot.hash == h && slot.size == text.size() &&
            JsonSpan::sameBytes(slot.data, text.data(), text.size()))
            return {&slot.value, false};
    }
}

template<typename Value>
inline void JsonSpanInterner::Table<Value>::grow()
{
    QList<Slot> old = std::move(m_slots);
    m_slots = QList<Slot>(std::max<qsizetype>(64, old.size() * 2));
    const qsizetype mask = m_slots.size() - 1;
    for (Slot &slot : old) {
        if (!slot.used)
            continue;
        qsizetype i = qsizetype(slot.hash) & mask;
        while (m_slots[i].used)
            i = (i + 1) & mask;
        m_slots[i] = std::move(slot);
    }
}
