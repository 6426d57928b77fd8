// The simdjson page reader: agrees with QJsonDocument on what it decodes, refuses what it cannot read (the
// caller then falls back to QJsonDocument), and the paged fetch turns both into items or a clear error.
#include "apierrortext.h"
#include "clienttestsupport.h"
#include "jsonpage.h"
#include "jsonpagetestdata.h"
#include "networkcontext.h"
#include "octopusclient.h"
#include "pagedfetchjob.h"
#include "testpeer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QTest>

namespace {

// The Id and Name of each item object, as "Id/Name".
QStringList idsAndNames(const QByteArray &body, bool *ok = nullptr)
{
    QStringList seen;
    const std::optional<JsonPage> page = JsonPage::read(body, [&seen](const JsonItem &item) {
        seen.append(item.string("Id") + QLatin1Char('/') + item.string("Name"));
    });
    if (ok)
        *ok = page.has_value();
    return seen;
}

// What QJsonDocument reads as the same: the Id and Name of each item object.
QStringList idsAndNamesByQt(const QByteArray &body)
{
    const QJsonDocument doc = QJsonDocument::fromJson(body);
    const QJsonArray items =
        doc.isArray() ? doc.array() : doc.object().value(QLatin1String("Items")).toArray();
    QStringList seen;
    for (const QJsonValue &item : items) {
        if (item.isObject())
            seen.append(item[QLatin1String("Id")].toString() + QLatin1Char('/') +
                        item[QLatin1String("Name")].toString());
    }
    return seen;
}

// Reads the one item of `[object]` with `check`; false when the reader refuses it.
bool readItem(const QByteArray &object, const std::function<void(const JsonItem &)> &check)
{
    int visits = 0;
    const bool ok = JsonPage::read('[' + object + ']', [&](const JsonItem &item) {
                        ++visits;
                        check(item);
                    }).has_value();
    return ok && visits == 1;
}

QByteArray nestedItem(int depth)
{
    return "{\"Id\":\"x\",\"Deep\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
}

} // namespace

class TestJsonPage : public QObject
{
    Q_OBJECT
    NetworkContext networkContext; // the network thread and parse pool of the clients here; outlives them
private Q_SLOTS:
    void parserPoolLendsAndKeepsParsers()
    {
        JsonParserPool parsers;
        QCOMPARE(parsers.keptCount(), 0);
        const QByteArray page = R"({"Items":[{"Id":"a"},{"Id":"b"}],"TotalResults":2})";
        QStringList ids;
        // A read inside a visit borrows a second parser; both are kept afterwards.
        const std::optional<JsonPage> outer = JsonPage::read(
            page,
            [&](const JsonItem &item) {
                ids << item.string("Id");
                const std::optional<JsonPage> inner = JsonPage::read(
                    R"([{"Id":"inner"}])", [&](const JsonItem &i) { ids << i.string("Id"); }, &parsers);
                QVERIFY(inner);
            },
            &parsers);
        QVERIFY(outer);
        QCOMPARE(ids, (QStringList{QStringLiteral("a"), QStringLiteral("inner"), QStringLiteral("b"),
                                   QStringLiteral("inner")}));
        QCOMPARE(parsers.keptCount(), 2);
        // The next reads reuse them instead of making more.
        QVERIFY(JsonPage::read(page, {}, &parsers));
        QCOMPARE(parsers.keptCount(), 2);
        // A parser that grew for an unusually large body is not kept.
        QByteArray huge = "[";
        const QByteArray item = "{\"Id\":\"" + QByteArray(1000, 'x') + "\"},";
        while (huge.size() < 20 * 1024 * 1024)
            huge += item;
        huge.chop(1);
        huge += ']';
        JsonParserPool fresh;
        QVERIFY(JsonPage::read(huge, {}, &fresh));
        QCOMPARE(fresh.keptCount(), 0);
        QVERIFY(JsonPage::read(page, {}, &fresh));
        QCOMPARE(fresh.keptCount(), 1);
    }
    void decodesItemsLikeQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::newRow("plain") << QByteArray(kJson0);
        QTest::newRow("escapes") << QByteArray(kJson1);
        QTest::newRow("nested and arrays") << QByteArray(kJson2);
        QTest::newRow("whitespace") << QByteArray(" {\n \"Id\" : \"y\" ,\r\n \"Name\":\t\"z\" } ");
        QTest::newRow("null and numbers") << QByteArray(kJson3);
        QTest::newRow("non-ASCII") << QByteArray(
            "{\"Id\":\"caf\xc3\xa9 \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80\"}");
    }
    void decodesItemsLikeQJsonDocument()
    {
        QFETCH(QByteArray, item);
        const QJsonObject reference = QJsonDocument::fromJson(item).object();
        QVERIFY(!reference.isEmpty());
        QVERIFY(readItem(item, [&](const JsonItem &o) {
            QCOMPARE(o.string("Id"), reference.value(QLatin1String("Id")).toString());
            QCOMPARE(o.sharedString("Id"), reference.value(QLatin1String("Id")).toString());
            QCOMPARE(o.string("Name"), reference.value(QLatin1String("Name")).toString());
            QCOMPARE(o.boolean("IsDisabled", true),
                     reference.value(QLatin1String("IsDisabled")).toBool(true));
            QStringList roles;
            for (const QJsonValue &v : reference.value(QLatin1String("Roles")).toArray())
                roles.append(v.toString());
            QCOMPARE(o.strings("Roles"), roles);
            QCOMPARE(o.sharedStrings("Roles"), roles);
            QCOMPARE(o.number("N", 7), reference.value(QLatin1String("N")).toDouble(7));
            QCOMPARE(
                o.object("Endpoint").string("Uri"),
                reference.value(QLatin1String("Endpoint")).toObject().value(QLatin1String("Uri")).toString());
        }));
    }

    void decodesEscapes()
    {
        QVERIFY(readItem(kJson1, [](const JsonItem &o) {
            QCOMPARE(o.string("Id"), QStringLiteral("a\"b\\c/d\n\t"));
            QCOMPARE(o.string("Name"), QStringLiteral("caf\u00e9 \U0001F600")); // a surrogate pair
        }));
        QVERIFY(readItem(R"({"Id":"\u0041\u00e9\u65e5\b\f\r"})", [](const JsonItem &o) {
            QCOMPARE(o.string("Id"), QStringLiteral("A\u00e9\u65e5\b\f\r"));
        }));
        // Member names and values with and without escapes, side by side (plain ones are used where they are
        // in the input, the others are unescaped).
        QVERIFY(readItem(kEscapedNames, [](const JsonItem &o) {
            QCOMPARE(o.string("Id"), QStringLiteral("escaped name"));
            QCOMPARE(o.string("x\"y"), QStringLiteral("quote in a name"));
            QCOMPARE(o.string("back\\slash"), QStringLiteral("\\"));
            QCOMPARE(o.string("plain"), QStringLiteral("tab\tend"));
            QCOMPARE(o.string("last"), QStringLiteral("ok"));
        }));
    }

    void readsPagesAndBareArrays()
    {
        const std::optional<JsonPage> page = JsonPage::read(kJson4);
        QVERIFY(page);
        QCOMPARE(page->itemCount, 2);
        QCOMPARE(page->totalResults, 3);
        QCOMPARE(page->itemsPerPage, 2);
        QCOMPARE(page->nextLink, QStringLiteral("/api/x?skip=2&take=2"));
        QCOMPARE(idsAndNames(kJson4), (QStringList{QStringLiteral("a/"), QStringLiteral("b/")}));
        const std::optional<JsonPage> bare = JsonPage::read(kJson5);
        QVERIFY(bare);
        QCOMPARE(bare->itemCount, 3);
        QCOMPARE(bare->totalResults, -1);
        QCOMPARE(bare->itemsPerPage, -1);
        QVERIFY(bare->nextLink.isEmpty());
        QCOMPARE(idsAndNames(kJson5), idsAndNamesByQt(kJson5));
        const std::optional<JsonPage> emptyBare = JsonPage::read(" [ ] ");
        QVERIFY(emptyBare);
        QCOMPARE(emptyBare->itemCount, 0);
    }

    void readsPageMembersInAnyOrder()
    {
        const QByteArray page =
            R"( { "Links" : {"Page.Next":"/api/y?skip=1&take=1"}, "Unknown": [1, {"a": null}], )"
            R"("Items" : [ {"Id":"a"} ] , "ItemsPerPage":1, "TotalResults" : 2, "Items":[{"Id":"b"},{"Id":"c"}] } )";
        const std::optional<JsonPage> parsed = JsonPage::read(page);
        QVERIFY(parsed);
        QCOMPARE(parsed->itemCount, 1); // the first "Items"
        QCOMPARE(idsAndNames(page), QStringList{QStringLiteral("a/")});
        QCOMPARE(parsed->totalResults, 2);
        QCOMPARE(parsed->itemsPerPage, 1);
        QCOMPARE(parsed->nextLink, QStringLiteral("/api/y?skip=1&take=1"));

        const std::optional<JsonPage> empty = JsonPage::read(" {} ");
        QVERIFY(empty);
        QCOMPARE(empty->itemCount, 0);
        QCOMPARE(empty->totalResults, -1);
        const std::optional<JsonPage> nullItems = JsonPage::read(R"({"Items":null,"TotalResults":0})");
        QVERIFY(nullItems);
        QCOMPARE(nullItems->itemCount, 0);
        QCOMPARE(nullItems->totalResults, 0);
        // Null or mistyped page members read as absent.
        const std::optional<JsonPage> nulls = JsonPage::read(
            R"({"TotalResults":null,"ItemsPerPage":"30","Links":{"Page.Next":null},"Items":[]})");
        QVERIFY(nulls);
        QCOMPARE(nulls->totalResults, -1);
        QCOMPARE(nulls->itemsPerPage, -1);
        QVERIFY(nulls->nextLink.isEmpty());
        const std::optional<JsonPage> doubles = JsonPage::read(R"({"TotalResults":3.0,"ItemsPerPage":1e1})");
        QVERIFY(doubles);
        QCOMPARE(doubles->totalResults, 3);
        QCOMPARE(doubles->itemsPerPage, 10);
    }

    void visitsObjectsAndCountsEveryItem()
    {
        const QByteArray body =
            R"({"Links":{},"Items":[{"Id":"a","Name":"x"},7,null,"s",[{"Id":"inner"}],{"Name":"b\u00e9","Id":"b"}],"TotalResults":6})";
        bool ok = false;
        const QStringList seen = idsAndNames(body, &ok);
        QVERIFY(ok);
        QCOMPARE(seen, (QStringList{QStringLiteral("a/x"), QStringLiteral("b/b\u00e9")}));
        QCOMPARE(seen, idsAndNamesByQt(body));
        QCOMPARE(JsonPage::read(body)->itemCount, 6);
    }

    void toleratesAbsentAndNullFields()
    {
        QVERIFY(readItem(R"({"Id":null,"Roles":null,"Endpoint":null,"IsDisabled":null,"N":null,"When":null})",
                         [](const JsonItem &o) {
                             QVERIFY(o.contains("Id"));
                             QVERIFY(!o.contains("Absent"));
                             QVERIFY(o.string("Id").isEmpty());
                             QVERIFY(o.sharedString("Id").isEmpty());
                             QVERIFY(o.string("Absent").isEmpty());
                             QVERIFY(o.strings("Roles").isEmpty());
                             QVERIFY(o.sharedStrings("Roles").isEmpty());
                             QVERIFY(o.object("Endpoint").string("Uri").isEmpty());
                             QVERIFY(!o.object("Endpoint").contains("Uri"));
                             QCOMPARE(o.boolean("IsDisabled", true), true);
                             QCOMPARE(o.boolean("Absent", false), false);
                             QCOMPARE(o.integer("N", 42), 42);
                             QCOMPARE(o.number("N", 4.5), 4.5);
                             QVERIFY(!o.dateTime("When").isValid());
                             // Mistyped members read as absent too.
                             QCOMPARE(o.integer("Id", 9), 9);
                         }));
        QVERIFY(readItem(R"({"Roles":["web",1,null,"db",{"x":"y"}],"Id":"x"})", [](const JsonItem &o) {
            QCOMPARE(o.strings("Roles"), (QStringList{QStringLiteral("web"), QStringLiteral("db")}));
            QCOMPARE(o.sharedStrings("Roles"), o.strings("Roles"));
            QCOMPARE(o.integer("Roles", 3), 3);
            QCOMPARE(o.string("Roles"), QString());
        }));
    }

    void readsNumbersWithinRange()
    {
        QVERIFY(
            readItem(R"({"Max":9223372036854775807,"Min":-9223372036854775808,"Above":9223372036854775808,)"
                     R"("U64":18446744073709551615,"One":1.0,"Half":1.5,"Big":1e300,"Neg":-0,"E":2E3})",
                     [](const JsonItem &o) {
                         QCOMPARE(o.integer("Max"), std::numeric_limits<qint64>::max());
                         QCOMPARE(o.integer("Min"), std::numeric_limits<qint64>::min());
                         QCOMPARE(o.integer("Above", -7), -7); // beyond qint64: not an integer here
                         QCOMPARE(o.number("Above"), 9223372036854775808.0);
                         QCOMPARE(o.number("U64"), 18446744073709551615.0);
                         QCOMPARE(o.integer("One"), 1);
                         QCOMPARE(o.integer("Half", -7), -7);
                         QCOMPARE(o.number("Half"), 1.5);
                         QCOMPARE(o.integer("Big", -7), -7);
                         QCOMPARE(o.number("Big"), 1e300);
                         QCOMPARE(o.integer("Neg", -7), 0);
                         QCOMPARE(o.integer("E"), 2000);
                     }));
    }

    void refusesWhatItCannotRead_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray(kJson6);
        QTest::newRow("garbage after") << QByteArray(kGarbageAfter);
        QTest::newRow("a second document after") << QByteArray(R"({"Items":[]} {"Items":[]})");
        QTest::newRow("a bracket after") << QByteArray(R"([{"Id":"a"}]])");
        QTest::newRow("unterminated string") << QByteArray(kJson7);
        QTest::newRow("bad literal") << QByteArray(kJson8);
        QTest::newRow("bad literal in a member nobody reads")
            << QByteArray(R"({"Items":[{"Id":"a","Unread":nul}]})");
        QTest::newRow("bad number") << QByteArray(R"({"Items":[{"Id":"a","N":1-2}]})");
        QTest::newRow("leading zero") << QByteArray(R"({"Items":[{"N":01}]})");
        QTest::newRow("missing colon") << QByteArray(kJson9);
        QTest::newRow("empty") << QByteArray();
        QTest::newRow("white space only") << QByteArray(" \n ");
        QTest::newRow("broken item") << QByteArray(R"({"TotalResults":1,"Items":[{"Id":"a",}]})");
        QTest::newRow("broken member after items") << QByteArray(R"({"Items":[{"Id":"a"}],"Links":{"x"}})");
        QTest::newRow("missing comma after items")
            << QByteArray(R"({"Items":[{"Id":"a"}] "TotalResults":1})");
        QTest::newRow("unclosed page") << QByteArray(R"({"Items":[{"Id":"a"}],"TotalResults":1)");
        QTest::newRow("unclosed nested array") << QByteArray(R"({"Items":[{"Id":"a","L":[1,2}]})");
        QTest::newRow("not an object or array") << QByteArray(R"("Items")");
        QTest::newRow("a number") << QByteArray("12");
        // Escapes and text simdjson refuses (QJsonDocument may read some of them: the fallback decides).
        QTest::newRow("unknown escape") << QByteArray(R"({"Items":[{"Id":"\q"}]})");
        QTest::newRow("short \\u escape") << QByteArray(R"({"Items":[{"Id":"\u00"}]})");
        QTest::newRow("lone high surrogate") << QByteArray(R"({"Items":[{"Id":"\ud800"}]})");
        QTest::newRow("lone low surrogate") << QByteArray(R"({"Items":[{"Id":"\udc00x"}]})");
        QTest::newRow("control character in a string") << QByteArray("{\"Items\":[{\"Id\":\"a\x01\"}]}");
        QTest::newRow("invalid UTF-8") << QByteArray("{\"Items\":[{\"Id\":\"caf\xe9\"}]}");
        QTest::newRow("invalid UTF-8 in a member nobody reads")
            << QByteArray("{\"Items\":[{\"Id\":\"a\",\"X\":\"\xff\xfe\"}]}");
        QTest::newRow("overlong UTF-8") << QByteArray("{\"Items\":[{\"Id\":\"\xc0\xaf\"}]}");
        QTest::newRow("UTF-8 surrogate") << QByteArray("{\"Items\":[{\"Id\":\"\xed\xa0\x80\"}]}");
        // Numbers simdjson cannot represent: the fallback decides (QJsonDocument reads the first as a
        // double).
        QTest::newRow("integer beyond 64 bits")
            << QByteArray(R"({"Items":[{"Id":"a","N":123456789012345678901234}]})");
        QTest::newRow("2^64") << QByteArray(R"({"TotalResults":18446744073709551616,"Items":[]})");
        QTest::newRow("1e400") << QByteArray(R"({"Items":[{"Id":"a","N":1e400}]})");
        QTest::newRow("-1e400 in a nested array") << QByteArray(R"({"Items":[{"Id":"a","L":[[-1e400]]}]})");
        QTest::newRow("nested too deep") << QByteArray("[" + nestedItem(300) + "]");
    }
    void refusesWhatItCannotRead()
    {
        QFETCH(QByteArray, body);
        QVERIFY(!JsonPage::read(body));
        int visits = 0;
        QVERIFY(!JsonPage::read(body, [&visits](const JsonItem &) { ++visits; }));
        // In place too (room after the end): the same answer.
        QByteArray roomy;
        roomy.reserve(body.size() + 200);
        roomy.append(body);
        QVERIFY(body.isEmpty() || JsonPage::readsInPlace(roomy));
        QVERIFY(!JsonPage::read(roomy));
    }

    void refusesEveryTruncation_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("page") << QByteArray(kBuildPage);
        QTest::newRow("bare array") << QByteArray(kBareArray);
    }
    void refusesEveryTruncation()
    {
        // A body cut at any byte (a connection that drops mid-answer) is refused, never read as a shorter
        // page; the whole body reads. QJsonDocument agrees on every prefix.
        QFETCH(QByteArray, body);
        QVERIFY(JsonPage::read(body));
        QVERIFY(!QJsonDocument::fromJson(body).isNull());
        for (qsizetype n = 0; n < body.size(); ++n) {
            const QByteArray prefix = body.left(n);
            QVERIFY2(!JsonPage::read(prefix, [](const JsonItem &) {}),
                     qPrintable(QStringLiteral("prefix of %1 bytes read").arg(n)));
            QVERIFY2(QJsonDocument::fromJson(prefix).isNull(), qPrintable(QString::number(n)));
        }
    }

    void readsABuildInformationPage()
    {
        QList<QStringList> seen;
        const std::optional<JsonPage> page = JsonPage::read(kBuildPage, [&seen](const JsonItem &o) {
            seen.append({o.string("Id"), o.sharedString("PackageId"), o.string("Version"),
                         o.string("BuildUrl"), o.sharedString("VcsRoot"),
                         o.dateTime("Created").toString(Qt::ISODateWithMs),
                         o.object("Links").string("Self")});
        });
        QVERIFY(page);
        QCOMPARE(page->itemCount, 2);
        QCOMPARE(page->totalResults, 2);
        QCOMPARE(page->itemsPerPage, 2);
        QVERIFY(page->nextLink.isEmpty()); // null
        QCOMPARE(seen.size(), 2);
        QCOMPARE(seen.at(0),
                 (QStringList{QStringLiteral("BuildInformation-1"), QStringLiteral("Acme.Web"),
                              QStringLiteral("1.0.0"), QStringLiteral("https://ci/b/100"),
                              QStringLiteral("https://git/acme"), QStringLiteral("2024-02-29T10:00:00.123Z"),
                              QStringLiteral("/api/Spaces-1/build-information/BuildInformation-1")}));
        QCOMPARE(seen.at(1),
                 (QStringList{QStringLiteral("BuildInformation-2"), QStringLiteral("Acme.Web"),
                              QStringLiteral("1.0.1"), QString(), QStringLiteral("https://git/acme"),
                              QStringLiteral("1969-07-20T20:17:40.000Z"), QString()}));
    }

    void readsMembersInAnyOrderWithinAnItem()
    {
        // The accessors look members up in any order, also again and after a miss.
        QVERIFY(readItem(R"({"A":"1","B":"2","C":{"D":"4","E":["5"]},"F":"6"})", [](const JsonItem &o) {
            QCOMPARE(o.string("F"), QStringLiteral("6"));
            QCOMPARE(o.string("A"), QStringLiteral("1"));
            QCOMPARE(o.string("Z"), QString());
            QCOMPARE(o.string("C"), QString());
            QCOMPARE(o.object("C").strings("E"), QStringList{QStringLiteral("5")});
            QCOMPARE(o.string("B"), QStringLiteral("2"));
            QCOMPARE(o.string("A"), QStringLiteral("1"));
            QCOMPARE(o.object("C").string("D"), QStringLiteral("4"));
            QCOMPARE(o.string("D"), QString()); // a nested member is not the item's
            QCOMPARE(o.string("F"), QStringLiteral("6"));
        }));
    }

    void listsTheStringMembersOfAnObject()
    {
        // A step's Properties: names are data, values strings; other values and nested members left out.
        QVERIFY(readItem(R"({"Properties":{"Octopus.Action.Script.ScriptBody":"Write-Host \"hi\"",)"
                         R"("N":1,"Octopus.Action.CustomScripts.PreDeploy.ps1":"x","Nested":{"In":"no"},)"
                         R"("Esc\u00e9":"","Null":null}})",
                         [](const JsonItem &o) {
                             const QList<std::pair<QString, QString>> members =
                                 o.object("Properties").stringMembers();
                             QCOMPARE(members.size(), 3);
                             QCOMPARE(members.at(0).first, QStringLiteral("Octopus.Action.Script.ScriptBody"));
                             QCOMPARE(members.at(0).second, QStringLiteral("Write-Host \"hi\""));
                             QCOMPARE(members.at(1).first,
                                      QStringLiteral("Octopus.Action.CustomScripts.PreDeploy.ps1"));
                             QCOMPARE(members.at(2).first, QStringLiteral("Esc\u00e9"));
                             QVERIFY(members.at(2).second.isEmpty());
                             QVERIFY(o.object("Absent").stringMembers().isEmpty());
                         }));
    }

    void readsDatesLikeQDateTime_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::newRow("offset zero, millis") << QByteArray("2026-11-30T00:00:00.000+00:00");
        QTest::newRow("Z") << QByteArray("2021-03-04T05:06:07Z");
        QTest::newRow("positive offset") << QByteArray("2021-03-04T05:06:07.123+10:00");
        QTest::newRow("negative half-hour offset") << QByteArray("1999-12-31T23:59:59.9-03:30");
        QTest::newRow("seven fraction digits") << QByteArray("2023-06-01T12:34:56.1234567+02:00");
        QTest::newRow("leap day") << QByteArray("2024-02-29T10:00:00Z");
        QTest::newRow("leap day of 2000") << QByteArray("2000-02-29T00:00:00Z");
        QTest::newRow("before 1970") << QByteArray("1969-07-20T20:17:40Z");
        QTest::newRow("no zone (local time)") << QByteArray("2021-03-04T05:06:07");
        // Forms the reader leaves to QDateTime, which reads them as midnight.
        QTest::newRow("hour 24") << QByteArray("2023-01-01T24:00:00Z");
        QTest::newRow("date only") << QByteArray("2023-01-01");
    }
    void readsDatesLikeQDateTime()
    {
        QFETCH(QByteArray, value);
        const QDateTime expected =
            QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs).toUTC();
        QVERIFY(expected.isValid());
        QVERIFY(readItem("{\"When\":\"" + value + "\"}", [&](const JsonItem &o) {
            const QDateTime read = o.dateTime("When");
            QCOMPARE(read, expected);
            QCOMPARE(read.timeSpec(), Qt::UTC);
        }));
    }

    void refusesWhatIsNotADate_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("absent") << QByteArray(R"({})");
        QTest::newRow("null") << QByteArray(R"({"When":null})");
        QTest::newRow("number") << QByteArray(R"({"When":12})");
        QTest::newRow("text") << QByteArray(R"({"When":"soon"})");
        QTest::newRow("29 February of a common year") << QByteArray(R"({"When":"2023-02-29T10:00:00Z"})");
        QTest::newRow("29 February of 1900") << QByteArray(R"({"When":"1900-02-29T10:00:00Z"})");
        QTest::newRow("month 13") << QByteArray(R"({"When":"2023-13-01T10:00:00Z"})");
        QTest::newRow("empty fraction") << QByteArray(R"({"When":"2023-01-01T10:00:00.Z"})");
    }
    void refusesWhatIsNotADate()
    {
        QFETCH(QByteArray, json);
        QVERIFY(readItem(json, [](const JsonItem &o) { QVERIFY(!o.dateTime("When").isValid()); }));
    }

    void findsTheEndOfEveryStringAtEveryAlignment()
    {
        // Escaped quotes and backslashes at every offset of the 64-byte blocks simdjson indexes, in member
        // values and in nested values nobody reads: the members after them must still be read exactly as
        // QJsonDocument reads them.
        const QList<QByteArray> escapes = {"\\\"", "\\\\", "\\\\\\\"", "\\n", "\\u0041", "\\ud83d\\ude00"};
        for (int offset = 0; offset < 70; ++offset) {
            for (const QByteArray &escape : escapes) {
                const QByteArray text = QByteArray(offset, 'a') + escape + QByteArray(offset % 7, 'b');
                const QByteArray item = "{\"Id\":\"" + text + "\",\"Nested\":{\"K\":[\"" + text +
                                        "\",{\"L\":\"" + text + "\"}]},\"Name\":\"after-" +
                                        QByteArray::number(offset) + "\"}";
                const QJsonObject reference = QJsonDocument::fromJson(item).object();
                QVERIFY2(!reference.isEmpty(), item.constData());
                QVERIFY2(readItem(item,
                                  [&](const JsonItem &o) {
                                      QCOMPARE(o.string("Id"),
                                               reference.value(QLatin1String("Id")).toString());
                                      QCOMPARE(o.string("Name"), QStringLiteral("after-%1").arg(offset));
                                      QCOMPARE(o.object("Nested").object("K").contains("L"), false);
                                      QCOMPARE(o.object("Nested").strings("K"),
                                               QStringList{reference.value(QLatin1String("Id")).toString()});
                                  }),
                         item.constData());
            }
        }
    }

    void leavesDeepNestingToTheFallback()
    {
        // Nesting deeper than the reader's bound is refused (the caller then falls back to QJsonDocument),
        // without recursing once per level: a hostile answer of 100,000 brackets must not overflow the stack.
        QVERIFY(readItem(nestedItem(200),
                         [](const JsonItem &o) { QCOMPARE(o.string("Id"), QStringLiteral("x")); }));
        QVERIFY(!JsonPage::read("[" + nestedItem(JsonPage::kMaxDepth) + "]"));
        QVERIFY(!JsonPage::read("[" + nestedItem(100000) + "]", [](const JsonItem &) {}));
        QVERIFY(!JsonPage::read("{\"Items\":[" + nestedItem(100000) + "]}"));
        QVERIFY(!JsonPage::read(QByteArray(100000, '[') + QByteArray(100000, ']')));
        QVERIFY(!JsonPage::read(QByteArray(100000, '[')));
        QByteArray objects;
        for (int i = 0; i < 100000; ++i)
            objects += "{\"a\":";
        QVERIFY(!JsonPage::read("{\"Items\":[" + objects + "1" + QByteArray(100000, '}') + "]}"));
    }

    void readsInPlaceOnlyWithRoomAfterTheEnd()
    {
        // simdjson reads past the end of its input: a body is read where it is only when its allocation has
        // SIMDJSON_PADDING bytes after the end; otherwise it is copied. Both read the same, and stray bytes
        // after the end (left by a larger answer read into the same buffer) change nothing.
        const QByteArray exact = QByteArray(kJson4.constData(), kJson4.size());
        QVERIFY(!JsonPage::readsInPlace(QByteArray::fromRawData(kJson4.constData(), kJson4.size())));
        QByteArray roomy;
        roomy.reserve(kJson4.size() + 64);
        roomy.append(kJson4);
        QVERIFY(JsonPage::readsInPlace(roomy));
        QByteArray tight;
        tight.reserve(kJson4.size() + 63);
        tight.append(kJson4);
        QVERIFY(tight.capacity() - tight.size() < 64 || JsonPage::readsInPlace(tight));
        QByteArray stray = kJson4 + "]]]}}}\"\\" + QByteArray(100, '"');
        stray.chop(stray.size() - kJson4.size());
        QVERIFY(JsonPage::readsInPlace(stray));
        const QStringList expected{QStringLiteral("a/"), QStringLiteral("b/")};
        for (const QByteArray &body :
             {exact, QByteArray::fromRawData(kJson4.constData(), kJson4.size()), roomy, tight, stray}) {
            QCOMPARE(idsAndNames(body), expected);
            QCOMPARE(JsonPage::read(body)->nextLink, QStringLiteral("/api/x?skip=2&take=2"));
        }
        QVERIFY(!JsonPage::readsInPlace(QByteArray()));
    }

    void sharesRepeatedValuesWithinAPage()
    {
        // Values that repeat come back as one shared string (and list); every distinct value stays itself.
        QByteArray page = "[";
        const int distinct = 3000;
        for (int i = 0; i < 2 * distinct; ++i) {
            if (i)
                page += ',';
            const int v = i % distinct;
            page += "{\"A\":\"value-" + QByteArray::number(v) + "\",\"B\":\"12345678" +
                    QByteArray::number(v % 7) + "\",\"L\":[\"x\",\"" + QByteArray::number(v % 3) +
                    "\"],\"N\":null}";
        }
        page += ']';
        QHash<QString, const QChar *> firstSeen;
        QHash<QStringList, const QString *> firstList;
        int count = 0;
        bool allRight = true;
        QList<QString> kept;
        const bool ok =
            JsonPage::read(page, [&](const JsonItem &o) {
                const int v = count++ % distinct;
                const QString a = o.sharedString("A");
                allRight = allRight && a == QStringLiteral("value-%1").arg(v);
                if (!firstSeen.contains(a))
                    firstSeen.insert(a, a.constData());
                else
                    allRight = allRight && firstSeen.value(a) == a.constData();
                allRight = allRight && o.sharedString("B") == QStringLiteral("12345678%1").arg(v % 7);
                const QStringList l = o.sharedStrings("L");
                allRight = allRight && l == QStringList{QStringLiteral("x"), QString::number(v % 3)};
                if (!firstList.contains(l))
                    firstList.insert(l, l.constData());
                else
                    allRight = allRight && firstList.value(l) == l.constData();
                allRight = allRight && o.sharedString("N").isEmpty() && o.sharedString("Absent").isEmpty();
                // Plain string() makes a string of its own each time.
                allRight = allRight && o.string("A").constData() != a.constData();
                kept.append(a);
            }).has_value();
        QVERIFY(ok);
        QVERIFY(allRight);
        QCOMPARE(count, 2 * distinct);
        QCOMPARE(firstSeen.size(), distinct);
        QCOMPARE(firstList.size(), 3);
        page.fill('#'); // the strings own their text: the page may go
        QCOMPARE(kept.at(distinct + 5), QStringLiteral("value-5"));
        QString changed = kept.at(7);
        changed[0] = QLatin1Char('V');
        QCOMPARE(kept.at(distinct + 7), QStringLiteral("value-7")); // a change detaches, as in any QString
    }

    void readsAPageWhileAnotherIsBeingRead()
    {
        // A visitor may read another page on the same thread (the thread's parser is busy then).
        QStringList inner;
        QStringList outer;
        QVERIFY(JsonPage::read(kJson5, [&](const JsonItem &o) {
            outer.append(o.string("Id"));
            QVERIFY(JsonPage::read(kJson4, [&](const JsonItem &i) { inner.append(i.string("Id")); }));
            outer.append(o.string("Id")); // still readable after the inner page
        }));
        QCOMPARE(outer, (QStringList{QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b"),
                                     QStringLiteral("b"), QStringLiteral("c"), QStringLiteral("c")}));
        QCOMPARE(inner.size(), 6);
        QCOMPARE(idsAndNames(kJson4), (QStringList{QStringLiteral("a/"), QStringLiteral("b/")})); // and after
    }

    void pagedFetchFallsBackToQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<bool>("readable");
        QTest::addColumn<QStringList>("ids");
        const QStringList ab{QStringLiteral("a"), QStringLiteral("b")};
        QTest::newRow("fast path") << QByteArray(R"({"TotalResults":2,"Items":[{"Id":"a"},{"Id":"b"}]})")
                                   << true << ab;
        // simdjson refuses an integer beyond 64 bits, QJsonDocument reads it as a double: the items still
        // come through (re-read one by one).
        QTest::newRow("integer beyond 64 bits")
            << QByteArray(
                   R"({"TotalResults":2,"Items":[{"Id":"a","N":123456789012345678901234},{"Id":"b"}]})")
            << true << ab;
        // QJsonDocument lets a lone surrogate escape through; that item alone is left out.
        QTest::newRow("lone surrogate")
            << QByteArray(R"({"TotalResults":2,"Items":[{"Id":"a"},{"Id":"b","X":"\ud800"}]})") << true
            << QStringList{QStringLiteral("a")};
        QTest::newRow("1e400") << QByteArray(R"({"TotalResults":1,"Items":[{"Id":"a","N":1e400}]})") << false
                               << QStringList();
        QTest::newRow("truncated") << QByteArray(R"({"TotalResults":1,"Items":[{"Id":"a"})") << false
                                   << QStringList();
        QTest::newRow("invalid UTF-8")
            << QByteArray("{\"TotalResults\":1,\"Items\":[{\"Id\":\"\xff\"}]}") << false << QStringList();
        QTest::newRow("nested too deep")
            << "{\"TotalResults\":1,\"Items\":[" + nestedItem(100000) + "]}" << false << QStringList();
    }
    void pagedFetchFallsBackToQJsonDocument()
    {
        QFETCH(QByteArray, body);
        QFETCH(bool, readable);
        QFETCH(QStringList, ids);
        TestPeer peer([&](const PeerRequest &) { return PeerResponse::json(200, body); });
        QVERIFY(peer.listenPlain());
        OctopusClient client(
            loopbackSettings(peer.url(), QStringLiteral("API-JSONPAGETEST0000000000000000"), ServerRole::Old),
            &networkContext);
        PagedFetchJob *job = client.fetchAll(QStringLiteral("/api/Spaces-1/things"));
        job->setItemTransform([](const PagedFetchJob::ItemSource &items) {
            QStringList read;
            items([&read](const JsonItem &item) { read.append(item.string("Id")); });
            return QVariant(read);
        });
        QSignalSpy finished(job, &PagedFetchJob::finished);
        job->start();
        QTRY_COMPARE_WITH_TIMEOUT(finished.size(), 1, 20000);
        const PagedResult result = finished.first().first().value<PagedResult>();
        if (!readable) {
            QVERIFY(!result.ok());
            QCOMPARE(result.error.kind, ApiErrorKind::BadResponse);
            const QString text = ApiErrorText::describe(result.error);
            QVERIFY2(text.contains(QStringLiteral("/api/Spaces-1/things")), qPrintable(text));
            QVERIFY2(text.contains(QString::number(peer.url().port())), qPrintable(text));
            return;
        }
        QVERIFY2(result.ok(), qPrintable(ApiErrorText::describe(result.error)));
        QCOMPARE(result.converted.size(), 1);
        QCOMPARE(result.converted.first().toStringList(), ids);
        QCOMPARE(result.itemCount, 2);
        QCOMPARE(result.totalResults, 2);
    }
};

QTEST_GUILESS_MAIN(TestJsonPage)
#include "tst_jsonpage.moc"
