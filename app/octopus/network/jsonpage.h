#pragma once

#include <QByteArray>
#include <QDateTime>
#include <QList>
#include <QMutex>
#include <QString>
#include <QStringList>

#include <functional>
#include <memory>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

struct JsonNode;
class JsonPageReader;

// One object of a collection page (an item, or an object inside one) as JsonPage::read() hands it over: every
// member has been read and checked already, so the accessors only look values up. Strings come back as
// ordinary QStrings. Valid only during the visit it is given to (it points into the reader's state).
class JsonItem
{
public:
    JsonItem() = default; // an empty object

    bool contains(std::string_view key) const { return find(key) != nullptr; }
    QString string(std::string_view key) const; // "" when absent, null or not a string
    // The same text, but one shared copy of each distinct value per page: for members whose values repeat
    // from item to item (space ids, environments, roles, statuses, build servers), which are then decoded and
    // allocated once per page. QString copies share their data, so this also saves the memory of each repeat.
    QString sharedString(std::string_view key) const;
    QStringList strings(std::string_view key) const; // the strings of an array (other elements left out)
    QStringList sharedStrings(std::string_view key) const;
    bool boolean(std::string_view key, bool fallback = false) const;
    // An integral number that fits in 64 bits (1 and 1.0 alike), else `fallback`.
    qint64 integer(std::string_view key, qint64 fallback = -1) const;
    double number(std::string_view key, double fallback = -1) const;
    // An ISO 8601 date and time ("2021-03-04T05:06:07.123+01:00", "…Z"), in UTC; invalid when absent or not a
    // date. The form Octopus writes is read straight from the text; anything else goes through QDateTime.
    QDateTime dateTime(std::string_view key) const;
    JsonItem object(std::string_view key) const; // empty when absent or not an object
    // The objects of an array (other elements left out); empty when absent or not an array.
    QList<JsonItem> objects(std::string_view key) const;
    // The members whose values are strings, as (name, value) in the order of the text (others left out):
    // for objects whose member names are data, such as a step's Properties.
    QList<std::pair<QString, QString>> stringMembers() const;

private:
    friend class JsonPageReader;
    JsonItem(JsonPageReader *reader, const JsonNode *node)
        : m_reader(reader)
        , m_node(node)
        , m_hint(nullptr)
    {}
    const JsonNode *find(std::string_view key) const;

    JsonPageReader *m_reader = nullptr;
    const JsonNode *m_node = nullptr; // the object; its members follow it
    mutable const JsonNode *m_hint =
        nullptr; // where the next look-up starts: members are mostly read in order
};

// Reads an Octopus collection page ({"ItemType":…,"TotalResults":N,"ItemsPerPage":N,"Items":[…],
// "Links":{"Page.Next":…}}, members in any order, unknown ones skipped) or a bare array (an /all route) with
// simdjson's On-Demand parser, in one forward pass. Every value of the page is read and checked, also the
// ones nobody asks for: a page that is malformed, truncated, nested deeper than kMaxDepth, not UTF-8, or
// holds a number simdjson cannot represent (an integer beyond 64 bits, 1e400) is refused as a whole, and the
// caller falls back to QJsonDocument (which then reads it or says what is wrong).
class JsonParserPool;
class JsonPage
{
public:
    int itemCount = 0;        // items of any type (objects are the ones visited)
    qint64 totalResults = -1; // -1 when absent (always for a bare array)
    int itemsPerPage = -1;
    QString nextLink; // Links["Page.Next"], empty on the last page

    using ItemVisitor = std::function<void(const JsonItem &item)>;
    // Hands each item that is an object to `visit` as soon as it has been read. Nothing on failure; whatever
    // was visited before the failure must then be thrown away. `parsers` lends a parser and padded buffer
    // that earlier reads left allocated (without it, this read allocates its own).
    static std::optional<JsonPage> read(const QByteArray &body, const ItemVisitor &visit = {},
                                        JsonParserPool *parsers = nullptr);

    // simdjson reads up to SIMDJSON_PADDING bytes past the end of its input. True when `body` has that much
    // room allocated after its end and is read in place; otherwise it is copied into a padded buffer first.
    static bool readsInPlace(const QByteArray &body);

    static constexpr int kMaxDepth = 256; // nesting levels, the page itself being the first
};

// Parsers (with their buffers) kept between page reads, so that reading page after page does not allocate
// them again; any thread may borrow one, and a read inside a visit borrows a second. Owned by the
// application's NetworkContext.
class JsonParserPool
{
public:
    struct Slot; // a simdjson parser and a padded buffer (jsonpage.cpp)

    JsonParserPool();
    ~JsonParserPool();
    JsonParserPool(const JsonParserPool &) = delete;
    JsonParserPool &operator=(const JsonParserPool &) = delete;

    int keptCount() const;

private:
    friend class JsonPage;
    std::unique_ptr<Slot> take(); // a kept slot, or a new one
    void give(std::unique_ptr<Slot> slot);

    mutable QMutex m_mutex;
    std::vector<std::unique_ptr<Slot>> m_kept;
};
