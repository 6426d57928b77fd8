#include "jsonpage.h"

#include <QByteArrayView>
#include <QHash>
#include <QList>

#include <simdjson.h>

#include <cmath>
#include <cstring>
#include <limits>
#include <memory>
#include <vector>

namespace ondemand = simdjson::ondemand;
using simdjson::error_code;

// A value as read from the page. An object or array is followed by its members or elements, `size` nodes in
// all (itself included), so that the next sibling is `this + size`.
struct JsonNode
{
    enum class Kind : quint8
    {
        Null,
        Boolean,
        Integer,  // fits in qint64
        Unsigned, // above qint64's range, within quint64's
        Double,
        String,
        Array,
        Object
    };
    Kind kind = Kind::Null;
    bool boolean = false;
    quint32 size = 1;
    std::string_view key;  // the member's name (unescaped); empty for array elements
    std::string_view text; // a string's text (unescaped, UTF-8)
    union {
        qint64 integer;
        quint64 unsignedInteger;
        double number;
    };
};

// The state of one JsonPage::read(): the nodes of the item being read and of the page's other members, and
// the page's shared strings. Strings and member names are views into the input, or into the parser's string
// buffer when they had escapes (which holds the unescaped text of the whole page until the parser reads the
// next one): both last as long as the read.
class JsonPageReader
{
public:
    error_code readValue(ondemand::value value, std::vector<JsonNode> &out, std::string_view key, int depth);
    error_code readItems(ondemand::array items, int depth, JsonPage *page,
                         const JsonPage::ItemVisitor &visit);
    JsonItem object(const JsonNode *node) { return JsonItem(this, node); }

    QString shared(std::string_view text);
    QStringList sharedList(const JsonNode *array);

    std::vector<JsonNode> top;     // the page object's members other than the items
    std::vector<JsonNode> current; // the item being read (reused: it stays allocated)

private:
    QHash<QByteArrayView, QString> m_strings;
    QHash<QList<QByteArrayView>, QStringList> m_lists;
    QList<QByteArrayView> m_probe; // the key of a list look-up (reused)
};

namespace {

QString toQString(std::string_view text)
{
    return QString::fromUtf8(QByteArrayView(text.data(), qsizetype(text.size())));
}

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
bool parseIsoUtc(std::string_view text, qint64 *msecs)
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

// The text of a string token (from its opening quote to the next structural character) when it has no
// escapes. Only white space can follow the closing quote within the token (anything else would have started
// a token of its own), and without a backslash the closing quote is the only other quote.
bool plainString(std::string_view token, std::string_view *text)
{
    while (token.size() > 1 &&
           (token.back() == ' ' || token.back() == '\n' || token.back() == '\r' || token.back() == '\t'))
        token.remove_suffix(1);
    if (token.size() < 2 || token.front() != '"' || token.back() != '"')
        return false;
    const std::string_view inner = token.substr(1, token.size() - 2);
    if (std::memchr(inner.data(), '\\', inner.size()))
        return false;
    *text = inner;
    return true;
}

// A member's name: where it is in the input when it has no escapes (nearly always), else unescaped.
error_code memberName(ondemand::field &field, std::string_view *name)
{
    // The raw key starts after its opening quote; the input is padded and the string is known to be closed.
    const char *start = field.key().raw();
    const char *p = start;
    while (*p != '"' && *p != '\\')
        ++p;
    if (*p == '"') {
        *name = std::string_view(start, size_t(p - start));
        return simdjson::SUCCESS;
    }
    return field.unescaped_key().get(*name);
}

constexpr size_t kKeptBufferBytes = 16 * 1024 * 1024;

} // namespace

// A parser reused from page to page (its buffers stay allocated), and where a body is copied when its
// allocation has less room after its end than simdjson reads past it.
struct JsonParserPool::Slot
{
    ondemand::parser parser;
    std::unique_ptr<char[]> buffer;
    size_t bufferCapacity = 0;
};

JsonParserPool::JsonParserPool() = default;
JsonParserPool::~JsonParserPool() = default;

std::unique_ptr<JsonParserPool::Slot> JsonParserPool::take()
{
    QMutexLocker lock(&m_mutex);
    if (m_kept.empty())
        return std::make_unique<Slot>();
    std::unique_ptr<Slot> slot = std::move(m_kept.back());
    m_kept.pop_back();
    return slot;
}

void JsonParserPool::give(std::unique_ptr<Slot> slot)
{
    // After an unusually large body, its buffers are not kept for good.
    if (slot->parser.capacity() > kKeptBufferBytes || slot->bufferCapacity > kKeptBufferBytes)
        return;
    QMutexLocker lock(&m_mutex);
    m_kept.push_back(std::move(slot));
}

int JsonParserPool::keptCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_kept.size());
}

error_code JsonPageReader::readValue(ondemand::value value, std::vector<JsonNode> &out, std::string_view key,
                                     int depth)
{
    ondemand::json_type type;
    SIMDJSON_TRY(value.type().get(type));
    const size_t at = out.size();
    out.emplace_back();
    out[at].key = key;
    switch (type) {
    case ondemand::json_type::object: {
        if (depth >= JsonPage::kMaxDepth)
            return simdjson::DEPTH_ERROR;
        ondemand::object object;
        SIMDJSON_TRY(value.get_object().get(object));
        for (auto member : object) {
            ondemand::field field;
            SIMDJSON_TRY(std::move(member).get(field));
            std::string_view name;
            SIMDJSON_TRY(memberName(field, &name));
            SIMDJSON_TRY(readValue(field.value(), out, name, depth + 1));
        }
        out[at].kind = JsonNode::Kind::Object;
        out[at].size = quint32(out.size() - at);
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::array: {
        if (depth >= JsonPage::kMaxDepth)
            return simdjson::DEPTH_ERROR;
        ondemand::array array;
        SIMDJSON_TRY(value.get_array().get(array));
        for (auto element : array) {
            ondemand::value v;
            SIMDJSON_TRY(std::move(element).get(v));
            SIMDJSON_TRY(readValue(v, out, {}, depth + 1));
        }
        out[at].kind = JsonNode::Kind::Array;
        out[at].size = quint32(out.size() - at);
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::string: {
        // Most strings have no escapes: their text is used where it is in the input (already checked to be
        // UTF-8 without control characters). The others are unescaped by simdjson, which checks the escapes.
        std::string_view text;
        if (!plainString(value.raw_json_token(), &text)) {
            SIMDJSON_TRY(value.get_string().get(text));
        } else {
            ondemand::raw_json_string consumed;
            SIMDJSON_TRY(value.get_raw_json_string().get(consumed));
        }
        out[at].kind = JsonNode::Kind::String;
        out[at].text = text;
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::number: {
        // Integers beyond 64 bits and doubles beyond range are errors here (NUMBER_ERROR): the page goes to
        // the QJsonDocument path.
        ondemand::number number;
        SIMDJSON_TRY(value.get_number().get(number));
        switch (number.get_number_type()) {
        case ondemand::number_type::signed_integer:
            out[at].kind = JsonNode::Kind::Integer;
            out[at].integer = number.get_int64();
            break;
        case ondemand::number_type::unsigned_integer:
            out[at].kind = JsonNode::Kind::Unsigned;
            out[at].unsignedInteger = number.get_uint64();
            break;
        case ondemand::number_type::floating_point_number:
            out[at].kind = JsonNode::Kind::Double;
            out[at].number = number.get_double();
            break;
        }
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::boolean: {
        bool b = false;
        SIMDJSON_TRY(value.get_bool().get(b));
        out[at].kind = JsonNode::Kind::Boolean;
        out[at].boolean = b;
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        SIMDJSON_TRY(value.is_null().get(isNull));
        return isNull ? simdjson::SUCCESS : simdjson::N_ATOM_ERROR;
    }
    }
    return simdjson::TAPE_ERROR;
}

error_code JsonPageReader::readItems(ondemand::array items, int depth, JsonPage *page,
                                     const JsonPage::ItemVisitor &visit)
{
    for (auto element : items) {
        ondemand::value value;
        SIMDJSON_TRY(std::move(element).get(value));
        current.clear();
        SIMDJSON_TRY(readValue(value, current, {}, depth + 1));
        ++page->itemCount;
        if (visit && current.front().kind == JsonNode::Kind::Object)
            visit(JsonItem(this, current.data()));
    }
    return simdjson::SUCCESS;
}

QString JsonPageReader::shared(std::string_view text)
{
    const QByteArrayView key(text.data(), qsizetype(text.size()));
    auto it = m_strings.find(key);
    if (it == m_strings.end())
        it = m_strings.insert(key, toQString(text));
    return *it;
}

QStringList JsonPageReader::sharedList(const JsonNode *array)
{
    m_probe.resize(0);
    for (const JsonNode *n = array + 1; n < array + array->size; n += n->size) {
        if (n->kind == JsonNode::Kind::String)
            m_probe.append(QByteArrayView(n->text.data(), qsizetype(n->text.size())));
    }
    auto it = m_lists.find(m_probe);
    if (it == m_lists.end()) {
        QStringList list;
        list.reserve(m_probe.size());
        for (const QByteArrayView text : std::as_const(m_probe))
            list.append(shared(std::string_view(text.data(), size_t(text.size()))));
        it = m_lists.insert(m_probe, list);
    }
    return *it;
}

const JsonNode *JsonItem::find(std::string_view key) const
{
    if (!m_node)
        return nullptr;
    // Items are read member after member, mostly in the order the server writes them: start where the last
    // look-up ended, so that most look-ups compare one name.
    const JsonNode *first = m_node + 1;
    const JsonNode *end = m_node + m_node->size;
    const JsonNode *start = m_hint ? m_hint : first;
    for (const JsonNode *n = start; n < end; n += n->size) {
        if (n->key == key) {
            m_hint = n + n->size;
            return n;
        }
    }
    for (const JsonNode *n = first; n < start; n += n->size) {
        if (n->key == key) {
            m_hint = n + n->size;
            return n;
        }
    }
    return nullptr;
}

QString JsonItem::string(std::string_view key) const
{
    const JsonNode *n = find(key);
    return n && n->kind == JsonNode::Kind::String ? toQString(n->text) : QString();
}

QString JsonItem::sharedString(std::string_view key) const
{
    const JsonNode *n = find(key);
    return n && n->kind == JsonNode::Kind::String ? m_reader->shared(n->text) : QString();
}

QStringList JsonItem::strings(std::string_view key) const
{
    QStringList out;
    const JsonNode *n = find(key);
    if (!n || n->kind != JsonNode::Kind::Array)
        return out;
    for (const JsonNode *e = n + 1; e < n + n->size; e += e->size) {
        if (e->kind == JsonNode::Kind::String)
            out.append(toQString(e->text));
    }
    return out;
}

QStringList JsonItem::sharedStrings(std::string_view key) const
{
    const JsonNode *n = find(key);
    return n && n->kind == JsonNode::Kind::Array ? m_reader->sharedList(n) : QStringList();
}

bool JsonItem::boolean(std::string_view key, bool fallback) const
{
    const JsonNode *n = find(key);
    return n && n->kind == JsonNode::Kind::Boolean ? n->boolean : fallback;
}

qint64 JsonItem::integer(std::string_view key, qint64 fallback) const
{
    const JsonNode *n = find(key);
    if (!n)
        return fallback;
    if (n->kind == JsonNode::Kind::Integer)
        return n->integer;
    // 2^63 as a double is the first value out of range; -2^63 is in range.
    if (n->kind == JsonNode::Kind::Double && std::trunc(n->number) == n->number && n->number >= -0x1p63 &&
        n->number < 0x1p63)
        return qint64(n->number);
    return fallback;
}

double JsonItem::number(std::string_view key, double fallback) const
{
    const JsonNode *n = find(key);
    if (!n)
        return fallback;
    switch (n->kind) {
    case JsonNode::Kind::Integer:
        return double(n->integer);
    case JsonNode::Kind::Unsigned:
        return double(n->unsignedInteger);
    case JsonNode::Kind::Double:
        return n->number;
    default:
        return fallback;
    }
}

QDateTime JsonItem::dateTime(std::string_view key) const
{
    const JsonNode *n = find(key);
    if (!n || n->kind != JsonNode::Kind::String)
        return {};
    qint64 msecs = 0;
    if (parseIsoUtc(n->text, &msecs))
        return QDateTime::fromMSecsSinceEpoch(msecs, Qt::UTC);
    const QDateTime parsed = QDateTime::fromString(toQString(n->text), Qt::ISODateWithMs);
    return parsed.isValid() ? parsed.toUTC() : QDateTime();
}

JsonItem JsonItem::object(std::string_view key) const
{
    const JsonNode *n = find(key);
    return n && n->kind == JsonNode::Kind::Object ? JsonItem(m_reader, n) : JsonItem();
}

QList<JsonItem> JsonItem::objects(std::string_view key) const
{
    QList<JsonItem> out;
    const JsonNode *n = find(key);
    if (!n || n->kind != JsonNode::Kind::Array)
        return out;
    for (const JsonNode *e = n + 1; e < n + n->size; e += e->size) {
        if (e->kind == JsonNode::Kind::Object)
            out.append(JsonItem(m_reader, e));
    }
    return out;
}

QList<std::pair<QString, QString>> JsonItem::stringMembers() const
{
    QList<std::pair<QString, QString>> out;
    if (!m_node)
        return out;
    for (const JsonNode *n = m_node + 1; n < m_node + m_node->size; n += n->size) {
        if (n->kind == JsonNode::Kind::String)
            out.append({toQString(n->key), toQString(n->text)});
    }
    return out;
}

bool JsonPage::readsInPlace(const QByteArray &body)
{
    // capacity() counts from the start of the allocation: for an array whose data begins later (Qt 6 moves
    // the start forward on remove(0, n)) it overstates the room after the end. Bodies must therefore not be
    // trimmed at the front on their way here (the network layer writes each body from its start).
    return !body.isEmpty() && body.capacity() - body.size() >= qsizetype(simdjson::SIMDJSON_PADDING);
}

std::optional<JsonPage> JsonPage::read(const QByteArray &body, const ItemVisitor &visit,
                                       JsonParserPool *parsers)
{
    std::unique_ptr<JsonParserPool::Slot> slot =
        parsers ? parsers->take() : std::make_unique<JsonParserPool::Slot>();
    ondemand::parser *parser = &slot->parser;

    simdjson::padded_string_view input;
    const size_t length = size_t(body.size());
    if (readsInPlace(body)) {
        input = simdjson::padded_string_view(body.constData(), length, size_t(body.capacity()));
    } else {
        if (slot->bufferCapacity < length + simdjson::SIMDJSON_PADDING) {
            slot->bufferCapacity = length + simdjson::SIMDJSON_PADDING;
            slot->buffer = std::make_unique_for_overwrite<char[]>(slot->bufferCapacity);
        }
        if (length > 0)
            std::memcpy(slot->buffer.get(), body.constData(), length);
        std::memset(slot->buffer.get() + length, 0, simdjson::SIMDJSON_PADDING);
        input = simdjson::padded_string_view(slot->buffer.get(), length, length + simdjson::SIMDJSON_PADDING);
    }

    JsonPage page;
    JsonPageReader reader;
    const error_code error = [&]() -> error_code {
        ondemand::document doc;
        SIMDJSON_TRY(parser->iterate(input).get(doc));
        ondemand::json_type type;
        SIMDJSON_TRY(doc.type().get(type));
        if (type == ondemand::json_type::array) {
            ondemand::array items;
            SIMDJSON_TRY(doc.get_array().get(items));
            SIMDJSON_TRY(reader.readItems(items, 1, &page, visit));
        } else if (type == ondemand::json_type::object) {
            ondemand::object object;
            SIMDJSON_TRY(doc.get_object().get(object));
            // The page's other members are kept as an object of their own, read through the same accessors.
            reader.top.emplace_back();
            reader.top.front().kind = JsonNode::Kind::Object;
            bool itemsRead = false;
            for (auto member : object) {
                ondemand::field field;
                SIMDJSON_TRY(std::move(member).get(field));
                std::string_view name;
                SIMDJSON_TRY(memberName(field, &name));
                ondemand::value value = field.value();
                ondemand::json_type valueType;
                SIMDJSON_TRY(value.type().get(valueType));
                if (name == "Items" && !itemsRead && valueType == ondemand::json_type::array) {
                    itemsRead = true; // the first "Items" array; any later one is read as a member
                    ondemand::array items;
                    SIMDJSON_TRY(value.get_array().get(items));
                    SIMDJSON_TRY(reader.readItems(items, 2, &page, visit));
                } else {
                    SIMDJSON_TRY(reader.readValue(value, reader.top, name, 2));
                }
            }
            reader.top.front().size = quint32(reader.top.size());
        } else {
            return simdjson::INCORRECT_TYPE; // a scalar is not a page
        }
        // Nothing may follow the page.
        const char *location = nullptr;
        if (doc.current_location().get(location) != simdjson::OUT_OF_BOUNDS)
            return simdjson::TRAILING_CONTENT;
        return simdjson::SUCCESS;
    }();

    if (parsers)
        parsers->give(std::move(slot));
    if (error)
        return std::nullopt;
    if (!reader.top.empty()) {
        const JsonItem top = reader.object(reader.top.data());
        page.totalResults = top.integer("TotalResults", -1);
        const qint64 perPage = top.integer("ItemsPerPage", -1);
        page.itemsPerPage = perPage >= 0 && perPage <= std::numeric_limits<int>::max() ? int(perPage) : -1;
        page.nextLink = top.object("Links").string("Page.Next");
    }
    return page;
}
