#pragma once

#include <QString>

// Why a plan file could not be read or written. An error value, not an exception; `toDisplayString()`
// is the one place that turns it into translated text for people.
struct PlanError
{
    enum class Kind
    {
        None,
        NotFound,     // no file at `path`
        Unreadable,   // exists but cannot be opened (permissions, a directory, I/O error)
        Corrupt,      // not JSON, or JSON that is not a Handover plan
        Truncated,    // JSON that stops early (an interrupted copy or write)
        NewerVersion, // written by a newer Handover whose format this version cannot read
        WriteFailed,  // saving failed; the previous file (if any) is unchanged
    };

    Kind kind = Kind::None;
    QString path;
    QString detail; // technical detail (parser message, OS error); not translated

    bool isError() const { return kind != Kind::None; }
    explicit operator bool() const { return isError(); }

    static PlanError make(Kind kind, const QString &path, const QString &detail = {});

    // A short translated sentence naming the file and what is wrong with it, plus the detail.
    QString toDisplayString() const;
    // Stable English identifier for logs and tests: "not-found", "corrupt", ...
    static QString kindName(Kind kind);
};
