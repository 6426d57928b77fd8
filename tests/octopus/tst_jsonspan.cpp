// The fast page reader: agrees with QJsonDocument on what it decodes, and refuses malformed input.
#include "jsonspan.h"
#include "jsonspantestdata.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

class TestJsonSpan : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void decodesLikeQJsonDocument_data()
    {
        QTest::addColumn<QByteArray>("item");
        QTest::newRow("plain") << QByteArray(kJson0);
        QTest::newRow("escapes") << QByteArray(kJson1);
        QTest::newRow("nested and arrays") << QByteArray(kJson2);
        QTest::newRow("whitespace") << QByteArray(" {\n \"Id\" : \"y\" ,\r\n \"Name\":\t\"z\" } ");
        QTest::newRow("null and numbers") << QByteArray(kJson3);
    }
    void decodesLikeQJsonDocument()
    {
        QFETCH(QByteArray, item);
        JsonSpanObject span;
        QVERIFY(span.parse(item));
        const QJsonObject reference = QJsonDocument::fromJson(item).object();
        QCOMPARE(span.string("Id"), reference.value(QLatin1String("Id")).toString());
        QCOMPARE(span.string("Name"), reference.value(QLatin1String("Name")).toString());
        QCOMPARE(span.boolean("IsDisabled", true), reference.value(QLatin1String("IsDisabled")).toBool(true));
        QStringList roles;
        for (const QJsonValue &v : reference.value(QLatin1String("Roles")).toArray())
            roles.append(v.toString());
        QCOMPARE(span.strings("Roles"), roles);
        QCOMPARE(
            span.object("Endpoint").string("Uri"),
            reference.value(QLatin1String("Endpoint")).toObject().value(QLatin1String("Uri")).toString());
    }

    void readsPagesAndBareArrays()
    {
        const QByteArray page = kJson4;
        JsonSpan::Page parsed;
        QVERIFY(JsonSpan::parsePage(page, &parsed));
        QCOMPARE(parsed.items.size(), 2);
        QCOMPARE(parsed.totalResults, 3);
        QCOMPARE(parsed.itemsPerPage, 2);
        QCOMPARE(parsed.nextLink, QStringLiteral("/api/x?skip=2&take=2"));
        JsonSpan::Page bare;
        QVERIFY(JsonSpan::parsePage(kJson5, &bare));
        QCOMPARE(bare.items.size(), 3);
    }

    void refusesMalformedInput_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("truncated") << QByteArray(kJson6);
        QTest::newRow("garbage after") << QByteArray(kGarbageAfter);
        QTest::newRow("unterminated string") << QByteArray(kJson7);
        QTest::newRow("bad literal") << QByteArray(kJson8);
        QTest::newRow("missing colon") << QByteArray(kJson9);
        QTest::newRow("empty") << QByteArray();
        // The page reader splits "Items" in the same pass as it checks the rest of the page.
        QTest::newRow("broken item") << QByteArray(R"({"TotalResults":1,"Items":[{"Id":"a",}]})");
        QTest::newRow("broken member after items") << QByteArray(R"({"Items":[{"Id":"a"}],"Links":{"x"}})");
        QTest::newRow("missing comma after items")
            << QByteArray(R"({"Items":[{"Id":"a"}] "TotalResults":1})");
        QTest::newRow("unclosed page") << QByteArray(R"({"Items":[{"Id":"a"}],"TotalResults":1)");
        QTest::newRow("not an object or array") << QByteArray(R"("Items")");
    }

    void readsPageMembersInAnyOrder()
    {
        const QByteArray page =
            R"( { "Links" : {"Page.Next":"/api/y?skip=1&take=1"}, "Items" : [ {"Id":"a"} ] ,)"
            R"( "ItemsPerPage":1, "TotalResults" : 2, "Items":[{"Id":"b"},{"Id":"c"}] } )";
        JsonSpan::Page parsed;
        QVERIFY(JsonSpan::parsePage(page, &parsed));
        QCOMPARE(parsed.items.size(), 1); // the first "Items", as before
        QCOMPARE(parsed.items.first(), QByteArrayView(R"({"Id":"a"})"));
        QCOMPARE(parsed.totalResults, 2);
        QCOMPARE(parsed.itemsPerPage, 1);
        QCOMPARE(parsed.nextLink, QStringLiteral("/api/y?skip=1&take=1"));
        JsonSpan::Page empty;
        QVERIFY(JsonSpan::parsePage(" {} ", &empty));
        QCOMPARE(empty.items.size(), 0);
        QCOMPARE(empty.totalResults, -1);
        JsonSpan::Page nullItems;
        QVERIFY(JsonSpan::parsePage(R"({"Items":null,"TotalResults":0})", &nullItems));
        QCOMPARE(nullItems.items.size(), 0);
        QCOMPARE(nullItems.totalResults, 0);
    }
    void refusesMalformedInput()
    {
        QFETCH(QByteArray, body);
        JsonSpan::Page parsed;
        QVERIFY(!JsonSpan::parsePage(body, &parsed));
        // The one-pass reader (items handed over as they are read) refuses the same pages.
        JsonSpan::Page visited;
        QVERIFY(!JsonSpan::parsePage(body, &visited, [](const JsonSpanObject &) {}));
    }

    void visitsItemsInOnePassLikeTheTextReader_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::newRow("page") << QByteArray(kJson4);
        QTest::newRow("bare array") << QByteArray(kJson5);
        QTest::newRow("members in any order") << QByteArray(
            R"({"Links":{},"Items":[{"Id":"a","Name":"x"},7,{"Name":"b\u00e9","Id":"b"}],"TotalResults":3})");
    }
    void visitsItemsInOnePassLikeTheTextReader()
    {
        QFETCH(QByteArray, body);
        JsonSpan::Page text;
        QVERIFY(JsonSpan::parsePage(body, &text));
        QStringList expected;
        for (const QByteArrayView item : std::as_const(text.items)) {
            JsonSpanObject object;
            if (object.parse(item))
                expected.append(object.string("Id") + QLatin1Char('/') + object.string("Name"));
        }
        JsonSpan::Page visited;
        QStringList seen;
        QVERIFY(JsonSpan::parsePage(body, &visited, [&seen](const JsonSpanObject &object) {
            seen.append(object.string("Id") + QLatin1Char('/') + object.string("Name"));
        }));
        QCOMPARE(seen, expected);
        QVERIFY(!seen.isEmpty());
        QCOMPARE(visited.items.size(), 0); // not collected with a visitor
        QCOMPARE(visited.itemCount, text.items.size());
        QCOMPARE(visited.totalResults, text.totalResults);
        QCOMPARE(visited.nextLink, text.nextLink);
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
        QTest::newRow("before 1970") << QByteArray("1969-07-20T20:17:40Z");
        QTest::newRow("no zone (local time)") << QByteArray("2021-03-04T05:06:07");
    }
    void readsDatesLikeQDateTime()
    {
        QFETCH(QByteArray, value);
        JsonSpanObject object;
        // The object keeps spans into this text: it must outlive the reads.
        const QByteArray json = QByteArrayLiteral("{\"When\":\"") + value + QByteArrayLiteral("\"}");
        QVERIFY(object.parse(json));
        const QDateTime expected =
            QDateTime::fromString(QString::fromLatin1(value), Qt::ISODateWithMs).toUTC();
        QVERIFY(expected.isValid());
        const QDateTime read = object.dateTime("When");
        QCOMPARE(read, expected);
        QCOMPARE(read.timeSpec(), Qt::UTC);
    }

    void refusesWhatIsNotADate_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::newRow("absent") << QByteArray(R"({})");
        QTest::newRow("null") << QByteArray(R"({"When":null})");
        QTest::newRow("number") << QByteArray(R"({"When":12})");
        QTest::newRow("text") << QByteArray(R"({"When":"soon"})");
        QTest::newRow("29 February of a common year") << QByteArray(R"({"When":"2023-02-29T10:00:00Z"})");
        QTest::newRow("month 13") << QByteArray(R"({"When":"2023-13-01T10:00:00Z"})");
    }
    void refusesWhatIsNotADate()
    {
        QFETCH(QByteArray, json);
        JsonSpanObject object;
        QVERIFY(object.parse(json));
        QVERIFY(!object.dateTime("When").isValid());
    }

    void internerSharesEqualValuesAndKeepsOthersApart()
    {
        // Values that repeat come back as one shared string; every distinct value (including ones that
        // differ only in their last byte, or in length, past the 8-byte words the hash reads) stays itself,
        // also after the table has grown many times.
        QByteArray page = "[";
        const int distinct = 5000;
        for (int i = 0; i < 2 * distinct; ++i) {
            if (i)
                page += ',';
            const int v = i % distinct;
            page += "{\"A\":\"value-" + QByteArray::number(v) + "\",\"B\":\"12345678" +
                    QByteArray::number(v % 7) + "\",\"L\":[\"x\",\"" + QByteArray::number(v % 3) +
                    "\"],\"N\":null}";
        }
        page += ']';
        JsonSpanInterner interner;
        QHash<QString, const QChar *> firstSeen;
        int count = 0;
        JsonSpan::Page read;
        const bool ok = JsonSpan::parsePage(page, &read, [&](const JsonSpanObject &o) {
            const int v = count++ % distinct;
            const QString a = interner.string(o, "A");
            if (a != QStringLiteral("value-%1").arg(v))
                QFAIL(qPrintable(a));
            if (!firstSeen.contains(a))
                firstSeen.insert(a, a.constData());
            else if (firstSeen.value(a) != a.constData())
                QFAIL("a repeated value was decoded again");
            const QString b = interner.string(o, "B");
            if (b != QStringLiteral("12345678%1").arg(v % 7))
                QFAIL(qPrintable(b));
            const QStringList l = interner.strings(o, "L");
            if (l != QStringList{QStringLiteral("x"), QString::number(v % 3)})
                QFAIL(qPrintable(l.join(QLatin1Char(','))));
            if (!interner.string(o, "N").isEmpty() || !interner.string(o, "Absent").isEmpty())
                QFAIL("null or absent should read as empty");
        });
        QVERIFY(ok);
        QCOMPARE(count, 2 * distinct);
        QCOMPARE(firstSeen.size(), distinct);
    }

    void internerTextMatchesStringAndOutlivesThePage()
    {
        // text() agrees with JsonSpanObject::string() on every kind of value (plain ASCII goes into the
        // shared block; escapes and non-ASCII take the usual decoder), its strings stay valid after the
        // interner and the page text are gone, are terminated, and detach when changed.
        QList<QByteArray> values = {
            "\"BuildInformation-209\"", "\"\"", "\"https://ci.example.com/build/1?x=1&y=2\"",
            "\"caf\xc3\xa9\"", "\"tab\\there\"", "\"\\u00e9t\\u00e9\"", "null", "12",
            "\"" + QByteArray(3000, 'z') + "\"",
            // past the first 16 bytes, which are widened 16 at a time
            "\"0123456789abcdefghij caf\xc3\xa9 0123456789\"",
            "\"0123456789abcdefghij tab\\there 0123456789\"", "\"0123456789abcdef0123456789abcdef\""};
        for (int i = 0; i < 3000; ++i) // more than one block's worth
            values.append("\"Machines-" + QByteArray::number(i) + "\"");
        QList<QString> expected;
        QList<QString> read;
        {
            QByteArray page = "[";
            for (qsizetype i = 0; i < values.size(); ++i)
                page += (i ? "," : "") + QByteArray("{\"V\":") + values.at(i) + "}";
            page += ']';
            JsonSpanInterner interner;
            JsonSpan::Page parsed;
            QVERIFY(JsonSpan::parsePage(page, &parsed, [&](const JsonSpanObject &o) {
                expected.append(o.string("V"));
                read.append(interner.text(o, "V"));
            }));
            page.fill('#'); // the page text is overwritten before the strings are read
        }
        QCOMPARE(read.size(), values.size());
        QCOMPARE(read, expected);
        QCOMPARE(read.at(0), QStringLiteral("BuildInformation-209"));
        QCOMPARE(read.at(3), QStringLiteral("caf\u00e9"));
        QCOMPARE(read.at(5), QStringLiteral("\u00e9t\u00e9"));
        QVERIFY(read.at(6).isEmpty());
        for (const QString &s : std::as_const(read))
            QCOMPARE(s.utf16()[s.size()], u'\0');
        QCOMPARE(read.at(9), QStringLiteral("0123456789abcdefghij caf\u00e9 0123456789"));
        QCOMPARE(read.at(10), QStringLiteral("0123456789abcdefghij tab\there 0123456789"));
        QCOMPARE(read.at(11), QStringLiteral("0123456789abcdef0123456789abcdef"));
        QString changed = read.at(13);
        const QString neighbour = read.at(14);
        changed.append(QStringLiteral("-and-more-text"));
        changed[0] = QLatin1Char('m');
        QCOMPARE(changed, QStringLiteral("machines-1-and-more-text"));
        QCOMPARE(read.at(13), QStringLiteral("Machines-1"));
        QCOMPARE(read.at(14), neighbour);
        QCOMPARE(neighbour, QStringLiteral("Machines-2"));
        // The last strings alive in a block may grow into the room after them, and be resized, reserved and
        // squeezed like any string whose data does not start at the beginning of its block. Qt copies such a
        // string out rather than reallocate the block under it (checked by hand under valgrind: no access
        // outside the block).
        QString last = read.takeLast();
        QString middle = read.at(1500);
        QCOMPARE(middle, QStringLiteral("Machines-1488"));
        read.clear();
        expected.clear();
        last.append(QStringLiteral("/tail"));
        QCOMPARE(last, QStringLiteral("Machines-2999/tail"));
        middle.resize(30000, QLatin1Char('m'));
        QCOMPARE(middle.size(), 30000);
        QVERIFY(middle.startsWith(QStringLiteral("Machines-1488mmm")));
        QCOMPARE(middle.utf16()[middle.size()], u'\0');
        middle.truncate(13);
        middle.squeeze();
        middle.reserve(40000);
        middle.append(QStringLiteral("!"));
        QCOMPARE(middle, QStringLiteral("Machines-1488!"));
    }

    void findsTheEndOfEveryStringAtEveryAlignment()
    {
        // Escaped quotes and backslashes at every offset of the 16-byte steps the string scanner takes,
        // in member values and in nested values that are skipped: the members after them must still be read
        // exactly as QJsonDocument reads them.
        const QList<QByteArray> escapes = {"\\\"", "\\\\", "\\\\\\\"", "\\n", "\\u0041"};
        for (int offset = 0; offset < 40; ++offset) {
            for (const QByteArray &escape : escapes) {
                const QByteArray text = QByteArray(offset, 'a') + escape + QByteArray(offset % 7, 'b');
                const QByteArray item = "{\"Id\":\"" + text + "\",\"Nested\":{\"K\":[\"" + text +
                                        "\",{\"L\":\"" + text + "\"}]},\"Name\":\"after-" +
                                        QByteArray::number(offset) + "\"}";
                const QJsonObject reference = QJsonDocument::fromJson(item).object();
                QVERIFY2(!reference.isEmpty(), item.constData());
                JsonSpanObject span;
                QVERIFY2(span.parse(item), item.constData());
                QCOMPARE(span.string("Id"), reference.value(QLatin1String("Id")).toString());
                QCOMPARE(span.string("Name"), QStringLiteral("after-%1").arg(offset));
                QCOMPARE(span.object("Nested").raw("K").size() > 0, true);
            }
        }
    }

    void leavesDeepNestingToTheFallback()
    {
        // Nesting deeper than the reader's bound is refused (the caller then falls back to QJsonDocument),
        // without recursing once per level: a hostile answer of 100,000 brackets must not overflow the stack.
        const auto nested = [](int depth) {
            return "{\"Id\":\"x\",\"Deep\":" + QByteArray(depth, '[') + QByteArray(depth, ']') + "}";
        };
        JsonSpanObject object;
        QVERIFY(object.parse(nested(200)));
        QCOMPARE(object.string("Id"), QStringLiteral("x"));
        QVERIFY(!object.parse(nested(300)));
        QVERIFY(!object.parse(nested(100000)));
        JsonSpan::Page page;
        QVERIFY(!JsonSpan::parsePage("[" + nested(100000) + "]", &page, [](const JsonSpanObject &) {}));
    }

    void sameBytesSeesEveryDifference()
    {
        // Every length up to 40 and a difference at every position: the word-wise comparison (overlapping
        // first and last words, memcmp for the middle) must see each one.
        for (int n = 0; n <= 40; ++n) {
            const QByteArray a(n, 'k');
            QVERIFY(JsonSpan::sameBytes(a.constData(), QByteArray(n, 'k').constData(), n));
            for (int at = 0; at < n; ++at) {
                QByteArray b = a;
                b[at] = 'K';
                QVERIFY2(!JsonSpan::sameBytes(a.constData(), b.constData(), n),
                         qPrintable(QStringLiteral("length %1, difference at %2").arg(n).arg(at)));
            }
        }
    }

    void internerTableFindsWhatItStored()
    {
        JsonSpanInterner::Table<int> table;
        QList<QByteArray> keys;
        for (int i = 0; i < 20000; ++i)
            keys.append(QByteArray::number(i * 7919) + QByteArray(i % 17, 'x'));
        keys.append(QByteArray()); // the empty text is a key too
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const auto [value, inserted] = table.findOrInsert(keys.at(i));
            QVERIFY(inserted);
            *value = int(i);
        }
        QCOMPARE(table.size(), keys.size());
        for (qsizetype i = 0; i < keys.size(); ++i) {
            const auto [value, inserted] = table.findOrInsert(keys.at(i));
            QVERIFY(!inserted);
            QCOMPARE(*value, int(i));
        }
    }
};

QTEST_GUILESS_MAIN(TestJsonSpan)
#include "tst_jsonspan.moc"
