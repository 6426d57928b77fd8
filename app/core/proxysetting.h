#pragma once

#include <QString>

// One server's proxy setting as the lead writes it (Connect page, `--proxy`, the plan's "proxy"):
//   ""                   the system's proxy configuration (desktop settings, https_proxy / http_proxy /
//   no_proxy) "none" or "direct"   no proxy "http://HOST:PORT"   an HTTP proxy (CONNECT tunnels for https);
//   port 3128 when left out "socks5://HOST:PORT" a SOCKS5 proxy; port 1080 when left out
// A user name or password is refused: credentials never go into a plan, a setting or an argument.
struct ProxySetting
{
    enum class Kind
    {
        System,
        None,
        Http,
        Socks5
    };
    Kind kind = Kind::System;
    QString host;
    int port = 0;

    // False with a translated one-line reason when `text` is none of the forms above.
    static bool parse(const QString &text, ProxySetting *out, QString *reason);
};
