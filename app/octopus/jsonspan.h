#pragma once

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringList>
#include <QVarLengthArray>

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

    bool contains(const char *key) const { return !raw(key).isNull(); }
    QString string(const char *key) const; // "" when absent, null or not a string
    bool boolean(const char *key, bool fallback = false) const;
    double number(const char *key, double fallback = -1) const;
    QStringList strings(const char *key) const;   // an array of strings
    JsonSpanObject object(const char *key) const; // empty object when absent
    QByteArrayView raw(const char *key) const;    // the member's value as written, or null

private:
    friend class JsonSpan; // parsePage() fills the top-level object in the same pass as the items
    QVarLengthArray<std::pair<QByteArrayView, QByteArrayView>, 40> m_members;
};

class JsonSpan
{
public:
    // A collection page ({"Items":[...], "TotalResults":..}) or a bare array (an /all endpoint).
    struct Page
    {
        QList<QByteArrayView> items; // each item's object text
        qint64 totalResults = -1;
        int itemsPerPage = -1;
        QString nextLink;
    };
    static bool parsePage(QByteArrayView body, Page *page);

    // Helpers shared with JsonSpanObject.
    static bool skipValue(const char *&p, const char *end);
    static void skipSpace(const char *&p, const char *end)
    {
        while (p < end && (*p == ' ' || *p == '\n' || *p == '\r' || *p == '\t'))
            ++p;
    }
    static QString decodeString(QByteArrayView quoted); // with the quotes
};
