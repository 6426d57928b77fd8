#pragma once

// Test inputs for tst_jsonspan (kept out of the moc-scanned source: raw strings with braces confuse moc).

#include <QByteArray>

inline const QByteArray kJson0 =
    QByteArrayLiteral(R"({"Id":"Machines-1","Name":"web-01","IsDisabled":false})");
inline const QByteArray kJson1 =
    QByteArrayLiteral(R"({"Id":"a\"b\\c\/d\n\t","Name":"caf\u00e9 \ud83d\ude00"})");
inline const QByteArray kJson2 = QByteArrayLiteral(
    R"({"Id":"x","Roles":["web","db"],"Endpoint":{"Uri":"poll://abc/","Deep":{"A":[1,{"B":"}"}]}},"Name":"n"})");
inline const QByteArray kJson3 = QByteArrayLiteral(R"({"Id":null,"Name":"q","N":-1.5e3})");
inline const QByteArray kJson4 = QByteArrayLiteral(
    R"({"ItemType":"Machine","TotalResults":3,"ItemsPerPage":2,"Items":[{"Id":"a"},{"Id":"b"}],"Links":{"Page.Next":"/api/x?skip=2&take=2"}})");
inline const QByteArray kJson5 = QByteArrayLiteral(R"([{"Id":"a"},{"Id":"b"},{"Id":"c"}])");
inline const QByteArray kJson6 = QByteArrayLiteral(R"({"Items":[{"Id":"a"},{"Id":)");
inline const QByteArray kJson7 = QByteArrayLiteral(R"({"Items":[{"Id":"a}]})");
inline const QByteArray kJson8 = QByteArrayLiteral(R"({"Items":[{"Id":tru}]})");
inline const QByteArray kJson9 = QByteArrayLiteral(R"({"Items" [ ]})");
inline const QByteArray kGarbageAfter = QByteArray("{\"Items\":[]}\x01<octosim:badjson");
