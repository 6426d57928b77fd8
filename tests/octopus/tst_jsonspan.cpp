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
    }
};

QTEST_GUILESS_MAIN(TestJsonSpan)
#include "tst_jsonspan.moc"
