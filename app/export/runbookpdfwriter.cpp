// The printable runbook as PDF, or on any QPagedPaintDevice (the print dialog's and the print preview's
// QPrinter).
//
// Laid out by hand, not by QTextDocument: QTextDocument's paginated table layout took 14 s for the issue's
// 12,000 table rows (about three cell layouts per cell, on the 2-core machine under load) against a target of
// 3 s, and it breaks rows between lines (a step's text on one page, the rest of its row on the next). Here
// the document becomes a list of pieces, each a run of unbreakable units (a line of text, a table row, a
// picture) measured once with QTextLayout/QFontMetricsF at the device's resolution; a paginator places them
// (tables between rows with their header repeated on every page, notes and commands kept together, headings
// and captions kept with what follows), then every page is painted with its running header and its footer
// ("page N of M": the page count is known before the first page is painted). SVG pictures are drawn as
// vectors. Fonts: DejaVu Sans and DejaVu Sans Mono (Debian fonts-dejavu-core); QPdfWriter embeds the glyphs
// used.
#include "exportlogging.h"
#include "runbookdocument.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFont>
#include <QFontMetricsF>
#include <QPageLayout>
#include <QPageSize>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QPdfWriter>
#include <QSaveFile>
#include <QSvgRenderer>
#include <QTextLayout>

#include <memory>
#include <vector>

namespace RunbookDocument {

namespace {

struct Texts
{
    Q_DECLARE_TR_FUNCTIONS(RunbookDocument)
};

constexpr qreal kMarginMm = 15.0;     // from the paper's edge, at least
constexpr qreal kHeaderBandMm = 9.0;  // running header and its rule, above the body
constexpr qreal kFooterBandMm = 11.0; // rule, footer line (two lines at most) and page number

const QColor kInk(0x1a, 0x1a, 0x1a);
const QColor kGrey(0x55, 0x55, 0x55);
const QColor kRule(0x99, 0x99, 0x99);

QFont fontOf(qreal pt, bool bold = false, bool mono = false, bool italic = false)
{
    QFont f(mono ? QStringLiteral("DejaVu Sans Mono") : QStringLiteral("DejaVu Sans"));
    f.setStyleHint(mono ? QFont::Monospace : QFont::SansSerif);
    // No ligatures (Latin needs no shaping): "off" stays three letters for pdftotext, search and copy.
    f.setStyleStrategy(QFont::PreferNoShaping);
    f.setPointSizeF(pt);
    f.setBold(bold);
    f.setItalic(italic);
    return f;
}

struct Geometry
{
    qreal dpi = 72;
    QRectF header; // painter coordinates (the device's paint rect's origin)
    QRectF body;
    QRectF footer;
    qreal mm(qreal v) const { return v * dpi / 25.4; }
    qreal pt(qreal v) const { return v * dpi / 72.0; }
};

Geometry geometryOf(QPagedPaintDevice *device)
{
    Geometry g;
    g.dpi = device->logicalDpiY();
    const QPageLayout layout = device->pageLayout();
    const int res = qRound(g.dpi);
    const QRectF full = layout.fullRectPixels(res);
    const QRectF paint = layout.paintRectPixels(res);
    QRectF content = full.adjusted(g.mm(kMarginMm), g.mm(kMarginMm), -g.mm(kMarginMm), -g.mm(kMarginMm));
    content = content.intersected(paint).translated(-paint.topLeft());
    g.header = QRectF(content.left(), content.top(), content.width(), g.mm(kHeaderBandMm));
    g.footer =
        QRectF(content.left(), content.bottom() - g.mm(kFooterBandMm), content.width(), g.mm(kFooterBandMm));
    g.body = QRectF(content.left(), g.header.bottom(), content.width(), g.footer.top() - g.header.bottom());
    return g;
}

// Line breaks a QTextLayout honours, "\r" dropped, a trailing newline ignored.
QString layoutText(QString text)
{
    text.remove(QLatin1Char('\r'));
    if (text.endsWith(QLatin1Char('\n')))
        text.chop(1);
    text.replace(QLatin1Char('\n'), QChar::LineSeparator);
    return text;
}

QTextOption wrapping(Qt::Alignment alignment = Qt::AlignLeft)
{
    QTextOption option(alignment);
    option.setWrapMode(QTextOption::WrapAtWordBoundaryOrAnywhere);
    return option;
}

// Something the paginator places: a run of units (unbreakable heights) drawn top to bottom, optionally with
// a header drawn above the units of every fragment (a table's header row).
class Piece
{
public:
    virtual ~Piece() = default;
    // Draws units [from, to) (after the header, if any) with the fragment's top-left at `at`.
    virtual void draw(QPainter &p, QPointF at, int from, int to) const = 0;

    std::vector<qreal> units;
    qreal header = 0;
    qreal spaceBefore = 0; // dropped at the top of a page
    qreal spaceAfter = 0;
    bool keepTogether = false; // on one page when it fits on one
    bool keepWithNext = false; // on the page where the next piece starts
    bool breakBefore = false;  // starts a page

    qreal total() const
    {
        qreal h = header;
        for (const qreal u : units)
            h += u;
        return h;
    }
    // The least that must fit where the piece starts.
    qreal firstFragment() const
    {
        return keepTogether ? total() : header + (units.empty() ? 0 : units.front());
    }
};

// One paragraph in one font, optionally in a box (a note, commands): units are its lines.
class TextPiece : public Piece
{
public:
    TextPiece(const QString &text, const QFont &font, qreal width, QPaintDevice *device,
              Qt::Alignment alignment = Qt::AlignLeft, qreal padding = 0)
        : m_layout(layoutText(text), font, device)
        , m_width(width)
        , m_padding(padding)
    {
        m_layout.setTextOption(wrapping(alignment));
        m_layout.setCacheEnabled(true);
        m_layout.beginLayout();
        qreal y = 0;
        for (QTextLine line = m_layout.createLine(); line.isValid(); line = m_layout.createLine()) {
            line.setLineWidth(width - 2 * padding);
            line.setPosition(QPointF(padding, padding + y));
            m_tops.push_back(padding + y);
            units.push_back(line.height());
            y += line.height();
        }
        m_layout.endLayout();
        if (units.empty())
            units.push_back(QFontMetricsF(font, device).height());
        units.front() += padding;
        units.back() += padding;
    }

    void setBox(const QColor &background, const QColor &border, qreal borderWidth)
    {
        m_background = background;
        m_border = border;
        m_borderWidth = borderWidth;
    }

    void draw(QPainter &p, QPointF at, int from, int to) const override
    {
        qreal height = 0;
        for (int i = from; i < to; ++i)
            height += units[i];
        if (m_background.isValid()) {
            p.setPen(m_borderWidth > 0 ? QPen(m_border, m_borderWidth) : QPen(Qt::NoPen));
            p.setBrush(m_background);
            p.drawRect(QRectF(at.x(), at.y(), m_width, height));
            p.setBrush(Qt::NoBrush);
        }
        p.setPen(kInk);
        // A continuation's first line at the fragment's top (the padding is in the first and last units).
        const qreal shift = from == 0 || from >= int(m_tops.size()) ? 0 : m_tops[from];
        for (int i = from; i < to && i < m_layout.lineCount(); ++i)
            m_layout.lineAt(i).draw(&p, QPointF(at.x(), at.y() - shift));
    }

private:
    QTextLayout m_layout;
    std::vector<qreal> m_tops;
    qreal m_width;
    qreal m_padding;
    QColor m_background;
    QColor m_border;
    qreal m_borderWidth = 0;
};

// A picture from SVG bytes, drawn as vector paths, centred.
class ImagePiece : public Piece
{
public:
    ImagePiece(const QByteArray &svg, QSizeF size, qreal width)
        : m_svg(sanitizedSvg(svg))
        , m_size(size)
        , m_width(width)
    {
        units.push_back(size.height());
    }
    void draw(QPainter &p, QPointF at, int, int) const override
    {
        QSvgRenderer renderer(m_svg);
        if (!renderer.isValid())
            return;
        renderer.setAspectRatioMode(Qt::KeepAspectRatio);
        p.save();
        renderer.render(
            &p, QRectF(at.x() + (m_width - m_size.width()) / 2, at.y(), m_size.width(), m_size.height()));
        p.restore();
    }

private:
    QByteArray m_svg;
    QSizeF m_size;
    qreal m_width;
};

// A table: units are its rows, the header row is repeated at the top of every page the table is on. Cells
// are measured with font metrics (a QTextLayout only for a cell that wraps) and not kept: 10,000 rows.
class TablePiece : public Piece
{
public:
    struct Style
    {
        bool grid = true;
        bool header = true;
        bool boldFirstColumn = false;
        qreal rowTopSpace = 0; // extra room above each row's text (sign-off: room to sign)
    };

    TablePiece(const Table &table, const Geometry &g, QPaintDevice *device, const Style &style)
        : m_table(table)
        , m_style(style)
        , m_device(device)
        , m_text(fontOf(8.5))
        , m_bold(fontOf(8.5, true))
        , m_mono(fontOf(7.5, false, true))
        , m_textFm(m_text, device)
        , m_boldFm(m_bold, device)
        , m_monoFm(m_mono, device)
        , m_pad(g.pt(2.5))
        , m_line(g.pt(0.5))
    {
        const int columns = int(m_table.columns.size());
        qreal total = 0;
        for (int i = 0; i < columns; ++i)
            total += i < m_table.widths.size() ? qMax(0, m_table.widths.at(i)) : 0;
        m_x.push_back(0);
        for (int i = 0; i < columns; ++i) {
            const qreal share = total > 0
                                    ? (i < m_table.widths.size() ? qMax(0, m_table.widths.at(i)) : 0) / total
                                    : 1.0 / columns;
            m_x.push_back(m_x.back() + share * g.body.width());
        }
        if (m_style.header) {
            qreal h = 0;
            for (int c = 0; c < columns; ++c)
                h = qMax(h, lines(m_table.columns.at(c), m_bold, m_boldFm, c) * m_boldFm.height());
            header = h + 2 * m_pad;
        }
        units.reserve(m_table.rows.size());
        for (const QList<Cell> &row : m_table.rows) {
            qreal h = 0;
            for (int c = 0; c < columns && c < row.size(); ++c) {
                const Cell &cell = row.at(c);
                const QFontMetricsF &fm = cellMetrics(cell, c);
                h = qMax(h, lines(textOf(cell), cellFont(cell, c), fm, c) * fm.height());
            }
            units.push_back(qMax(h, m_textFm.height()) + 2 * m_pad + m_style.rowTopSpace);
        }
    }

    void draw(QPainter &p, QPointF at, int from, int to) const override
    {
        const int columns = int(m_table.columns.size());
        qreal y = at.y();
        std::vector<qreal> rules{y};
        if (m_style.header) {
            p.fillRect(QRectF(at.x(), y, m_x.back(), header), QColor(0xe6, 0xe6, 0xe6));
            p.setPen(kInk);
            for (int c = 0; c < columns; ++c)
                drawCell(p, m_table.columns.at(c), m_bold, m_boldFm, c, QPointF(at.x(), y));
            y += header;
            rules.push_back(y);
        }
        for (int r = from; r < to; ++r) {
            const QList<Cell> &row = m_table.rows.at(r);
            p.setPen(kInk);
            for (int c = 0; c < columns && c < row.size(); ++c) {
                const Cell &cell = row.at(c);
                drawCell(p, textOf(cell), cellFont(cell, c), cellMetrics(cell, c), c,
                         QPointF(at.x(), y + m_style.rowTopSpace));
            }
            y += units[r];
            rules.push_back(y);
        }
        if (!m_style.grid)
            return;
        p.setPen(QPen(kRule, m_line));
        for (const qreal ry : rules)
            p.drawLine(QPointF(at.x(), ry), QPointF(at.x() + m_x.back(), ry));
        for (const qreal cx : m_x)
            p.drawLine(QPointF(at.x() + cx, at.y()), QPointF(at.x() + cx, y));
    }

private:
    static QString textOf(const Cell &cell)
    {
        switch (cell.check) {
        case Cell::Check::Checked:
            return QStringLiteral("☑ ") + cell.text;
        case Cell::Check::Unchecked:
            return QStringLiteral("☐ ") + cell.text;
        case Cell::Check::None:
            break;
        }
        return cell.text;
    }
    const QFont &cellFont(const Cell &cell, int column) const
    {
        return cell.mono ? m_mono : (m_style.boldFirstColumn && column == 0 ? m_bold : m_text);
    }
    const QFontMetricsF &cellMetrics(const Cell &cell, int column) const
    {
        return cell.mono ? m_monoFm : (m_style.boldFirstColumn && column == 0 ? m_boldFm : m_textFm);
    }
    qreal innerWidth(int column) const { return m_x[column + 1] - m_x[column] - 2 * m_pad; }

    static bool simple(const QString &text) { return !text.contains(QLatin1Char('\n')); }

    // Lines the text takes in its column.
    int lines(const QString &text, const QFont &font, const QFontMetricsF &fm, int column) const
    {
        if (text.isEmpty())
            return 1;
        if (simple(text) && fm.horizontalAdvance(text) <= innerWidth(column))
            return 1;
        QTextLayout layout(layoutText(text), font, m_device);
        layout.setTextOption(wrapping());
        layout.beginLayout();
        int n = 0;
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(innerWidth(column));
            ++n;
        }
        layout.endLayout();
        return qMax(1, n);
    }

    void drawCell(QPainter &p, const QString &text, const QFont &font, const QFontMetricsF &fm, int column,
                  QPointF rowTop) const
    {
        if (text.isEmpty())
            return;
        const QPointF origin(rowTop.x() + m_x[column] + m_pad, rowTop.y() + m_pad);
        if (simple(text) && fm.horizontalAdvance(text) <= innerWidth(column)) {
            p.setFont(font);
            p.drawText(QPointF(origin.x(), origin.y() + fm.ascent()), text);
            return;
        }
        QTextLayout layout(layoutText(text), font, m_device);
        layout.setTextOption(wrapping());
        layout.beginLayout();
        qreal y = 0;
        for (QTextLine line = layout.createLine(); line.isValid(); line = layout.createLine()) {
            line.setLineWidth(innerWidth(column));
            line.setPosition(QPointF(0, y));
            y += fm.height();
        }
        layout.endLayout();
        layout.draw(&p, origin);
    }

    Table m_table;
    Style m_style;
    QPaintDevice *m_device;
    QFont m_text, m_bold, m_mono;
    QFontMetricsF m_textFm, m_boldFm, m_monoFm;
    qreal m_pad;
    qreal m_line;
    std::vector<qreal> m_x; // column edges, 0 … width
};

class Builder
{
public:
    Builder(const Geometry &g, QPaintDevice *device)
        : m_g(g)
        , m_device(device)
    {}

    std::vector<std::unique_ptr<Piece>> build(const Document &document)
    {
        text(document.title, fontOf(20, true), 0, m_g.pt(4));
        if (!document.subtitle.isEmpty())
            text(document.subtitle, fontOf(12), 0, m_g.pt(6));
        for (const Section &section : document.sections) {
            text(section.title, fontOf(14, true), m_g.pt(14), m_g.pt(6))->keepWithNext = true;
            for (const Block &block : section.blocks)
                add(block);
        }
        return std::move(m_pieces);
    }

private:
    template<typename T>
    T *push(std::unique_ptr<T> piece)
    {
        T *raw = piece.get();
        if (m_breakPending) {
            raw->breakBefore = true;
            m_breakPending = false;
        }
        m_pieces.push_back(std::move(piece));
        return raw;
    }

    TextPiece *text(const QString &text, const QFont &font, qreal before, qreal after,
                    Qt::Alignment alignment = Qt::AlignLeft)
    {
        auto piece = std::make_unique<TextPiece>(text, font, m_g.body.width(), m_device, alignment);
        piece->spaceBefore = before;
        piece->spaceAfter = after;
        return push(std::move(piece));
    }

    TextPiece *box(const QString &text, const QFont &font, const QColor &background, const QColor &border)
    {
        auto piece =
            std::make_unique<TextPiece>(text, font, m_g.body.width(), m_device, Qt::AlignLeft, m_g.pt(5));
        piece->setBox(background, border, m_g.pt(0.75));
        piece->spaceBefore = m_g.pt(3);
        piece->spaceAfter = m_g.pt(7);
        piece->keepTogether = true;
        return push(std::move(piece));
    }

    void table(const Table &t, const TablePiece::Style &style, qreal before, qreal after)
    {
        if (t.columns.isEmpty())
            return;
        auto piece = std::make_unique<TablePiece>(t, m_g, m_device, style);
        piece->spaceBefore = before;
        piece->spaceAfter = after;
        if (piece->units.empty() && !style.header)
            return;
        if (piece->units.empty())
            piece->units.push_back(0);
        push(std::move(piece));
    }

    static Table twoColumns(const QList<QPair<QString, QString>> &fields)
    {
        Table t;
        t.columns = {QString(), QString()};
        t.widths = {30, 70};
        for (const auto &[label, value] : fields)
            t.rows << QList<Cell>{Cell(label), Cell(value)};
        return t;
    }

    void add(const Block &block)
    {
        switch (block.kind) {
        case Block::Kind::Heading:
            text(block.text, fontOf(block.level <= 2 ? 11.5 : 10, true), m_g.pt(10), m_g.pt(4))
                ->keepWithNext = true;
            break;
        case Block::Kind::Paragraph:
            text(block.text, fontOf(9), 0, m_g.pt(5));
            break;
        case Block::Kind::Note:
            box(block.text, fontOf(9), QColor(0xff, 0xf8, 0xe1), QColor(0xd0, 0xa0, 0x30));
            break;
        case Block::Kind::Fields: {
            if (block.fields.isEmpty())
                break;
            TablePiece::Style style;
            style.grid = false;
            style.header = false;
            style.boldFirstColumn = true;
            table(twoColumns(block.fields), style, 0, m_g.pt(6));
            break;
        }
        case Block::Kind::Table:
            table(block.table, TablePiece::Style(), m_g.pt(3), m_g.pt(8));
            break;
        case Block::Kind::Commands:
            if (!block.caption.isEmpty())
                text(block.caption, fontOf(9, true), m_g.pt(3), 0)->keepWithNext = true;
            box(block.text, fontOf(8, false, true), QColor(0xf2, 0xf2, 0xf2), QColor(0xbb, 0xbb, 0xbb));
            break;
        case Block::Kind::Image: {
            QSizeF px(m_g.mm(block.size.width()), m_g.mm(block.size.height()));
            if (px.isEmpty()) {
                QSvgRenderer renderer(sanitizedSvg(block.svg));
                const QSizeF natural = renderer.isValid() ? QSizeF(renderer.defaultSize()) : QSizeF();
                px = natural.isEmpty() ? QSizeF(m_g.mm(160), m_g.mm(80)) : natural * (m_g.dpi / 96.0);
            }
            // Never wider than the body, never taller than most of a page.
            px *= qMin(1.0, qMin(m_g.body.width() / px.width(), 0.8 * m_g.body.height() / px.height()));
            auto piece = std::make_unique<ImagePiece>(block.svg, px, m_g.body.width());
            piece->spaceBefore = m_g.pt(4);
            piece->spaceAfter = block.caption.isEmpty() ? m_g.pt(8) : m_g.pt(3);
            piece->keepWithNext = !block.caption.isEmpty();
            push(std::move(piece));
            if (!block.caption.isEmpty())
                text(block.caption, fontOf(8, false, false, true), 0, m_g.pt(8), Qt::AlignHCenter);
            break;
        }
        case Block::Kind::SignOff: {
            if (block.fields.isEmpty())
                break;
            Table t;
            t.columns = {QString(), QString(), QString(), QString()};
            t.widths = {22, 28, 32, 18};
            const QString line(22, QLatin1Char('_'));
            for (const auto &[role, name] : block.fields)
                t.rows << QList<Cell>{
                    Cell(role + QLatin1Char(':')), Cell(name.isEmpty() ? line : name),
                    Cell(Texts::tr("signed") + QLatin1Char(' ') + line),
                    Cell(Texts::tr("date") + QLatin1Char(' ') + QString(10, QLatin1Char('_')))};
            TablePiece::Style style;
            style.grid = false;
            style.header = false;
            style.boldFirstColumn = true;
            style.rowTopSpace = m_g.pt(14); // room to sign above the line
            table(t, style, m_g.pt(4), m_g.pt(8));
            break;
        }
        case Block::Kind::PageBreak:
            m_breakPending = true;
            break;
        }
    }

    Geometry m_g;
    QPaintDevice *m_device;
    std::vector<std::unique_ptr<Piece>> m_pieces;
    bool m_breakPending = false;
};

struct Placed
{
    const Piece *piece;
    int from;
    int to;
    qreal y; // from the body's top
};

// Pages of fragments: tables broken between rows, kept-together pieces moved whole to the next page when
// they fit on one, keep-with-next pieces moved with the start of what follows. A unit taller than a whole
// page (a table row with pages of text) is placed alone at a page top and clipped.
QList<QList<Placed>> paginate(const std::vector<std::unique_ptr<Piece>> &pieces, qreal pageHeight)
{
    QList<QList<Placed>> pages(1);
    qreal y = 0;
    const auto newPage = [&] {
        pages.append(QList<Placed>());
        y = 0;
    };
    for (size_t i = 0; i < pieces.size(); ++i) {
        const Piece &piece = *pieces[i];
        if (piece.units.empty())
            continue;
        if (piece.breakBefore && !pages.last().isEmpty())
            newPage();
        qreal need = (y > 0 ? piece.spaceBefore : 0) + piece.firstFragment();
        if (piece.keepWithNext) {
            need = (y > 0 ? piece.spaceBefore : 0) + piece.total() + piece.spaceAfter;
            if (i + 1 < pieces.size() && !pieces[i + 1]->breakBefore)
                need += pieces[i + 1]->spaceBefore + pieces[i + 1]->firstFragment();
        }
        if (y > 0 && y + need > pageHeight && need - piece.spaceBefore <= pageHeight)
            newPage();
        if (y > 0)
            y += piece.spaceBefore;
        size_t from = 0;
        while (from < piece.units.size()) {
            const qreal room = pageHeight - y - piece.header;
            size_t to = from;
            qreal h = 0;
            while (to < piece.units.size() && h + piece.units[to] <= room + 0.01)
                h += piece.units[to++];
            if (to == from) {
                if (y > 0) {
                    newPage();
                    continue;
                }
                h = piece.units[to++]; // taller than a page: alone, clipped
            }
            pages.last().append(Placed{&piece, int(from), int(to), y});
            y += piece.header + h;
            from = to;
            if (from < piece.units.size())
                newPage();
        }
        y += piece.spaceAfter;
    }
    if (pages.size() > 1 && pages.last().isEmpty())
        pages.removeLast();
    return pages;
}

void paintHeader(QPainter &p, const Geometry &g, const QString &text)
{
    if (text.isEmpty())
        return;
    const QFont font = fontOf(7.5);
    p.setFont(font);
    p.setPen(kGrey);
    const QFontMetricsF fm(font, p.device());
    const QRectF line(g.header.left(), g.header.top(), g.header.width(), fm.height());
    p.drawText(line, Qt::AlignLeft | Qt::AlignTop, fm.elidedText(text, Qt::ElideRight, line.width()));
    p.setPen(QPen(QColor(0xaa, 0xaa, 0xaa), g.mm(0.2)));
    const qreal y = line.bottom() + g.mm(1.2);
    p.drawLine(QPointF(g.header.left(), y), QPointF(g.header.right(), y));
}

void paintFooter(QPainter &p, const Geometry &g, const QString &text, int page, int pages)
{
    const QFont font = fontOf(7.5);
    p.setFont(font);
    const QFontMetricsF fm(font, p.device());
    p.setPen(QPen(QColor(0xaa, 0xaa, 0xaa), g.mm(0.2)));
    const qreal y = g.footer.top() + g.mm(2.5);
    p.drawLine(QPointF(g.footer.left(), y), QPointF(g.footer.right(), y));
    p.setPen(kGrey);
    const QString number = Texts::tr("Page %1 of %2").arg(page).arg(pages);
    const qreal numberWidth = fm.horizontalAdvance(number) + g.mm(1);
    const QRectF area(g.footer.left(), y + g.mm(1.2), g.footer.width(), g.footer.bottom() - y - g.mm(1.2));
    p.drawText(QRectF(area.right() - numberWidth, area.top(), numberWidth, fm.height()),
               Qt::AlignRight | Qt::AlignTop, number);
    p.drawText(QRectF(area.left(), area.top(), area.width() - numberWidth - g.mm(4), area.height()),
               Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, text);
}

} // namespace

bool paint(const Document &document, QPagedPaintDevice *device, QString *error)
{
    if (!device) {
        if (error)
            *error = Texts::tr("No printer or PDF file to paint the runbook on.");
        return false;
    }
    const Geometry g = geometryOf(device);
    if (g.body.width() < g.mm(40) || g.body.height() < g.mm(40)) {
        if (error)
            *error = Texts::tr("The page is too small for the runbook (%1 × %2 mm inside the margins).")
                         .arg(qRound(g.body.width() * 25.4 / g.dpi))
                         .arg(qRound(g.body.height() * 25.4 / g.dpi));
        return false;
    }
    QElapsedTimer timer;
    timer.start();
    const std::vector<std::unique_ptr<Piece>> pieces = Builder(g, device).build(document);
    const QList<QList<Placed>> pages = paginate(pieces, g.body.height());
    const qint64 laidOutMs = timer.elapsed();

    QPainter painter;
    if (!painter.begin(device)) {
        if (error)
            *error = Texts::tr("Cannot start painting the runbook on the printer or PDF file.");
        return false;
    }
    painter.setRenderHint(QPainter::Antialiasing);
    const QString footer = document.footerText();
    for (qsizetype page = 0; page < pages.size(); ++page) {
        if (page > 0 && !device->newPage()) {
            painter.end();
            if (error)
                *error = Texts::tr("Cannot start page %1 of the runbook.").arg(page + 1);
            return false;
        }
        if (page > 0)
            paintHeader(painter, g, document.runningHeader);
        painter.save();
        painter.setClipRect(g.body.adjusted(-g.mm(1), -g.mm(1), g.mm(1), g.mm(1)));
        for (const Placed &placed : pages.at(page))
            placed.piece->draw(painter, QPointF(g.body.left(), g.body.top() + placed.y), placed.from,
                               placed.to);
        painter.restore();
        paintFooter(painter, g, footer, int(page + 1), int(pages.size()));
    }
    if (!painter.end()) {
        if (error)
            *error = Texts::tr("Painting the runbook failed.");
        return false;
    }
    qCDebug(lcExport) << "runbook:" << pages.size() << "pages; laid out in" << laidOutMs << "ms, painted in"
                      << timer.elapsed() - laidOutMs << "ms";
    return true;
}

bool writePdf(const Document &document, const QString &path, Paper paper, QString *error)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        if (error)
            *error = Texts::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    {
        QPdfWriter writer(&file);
        writer.setResolution(300);
        writer.setTitle(document.title);
        writer.setCreator(QStringLiteral("Handover"));
        writer.setPageLayout(QPageLayout(
            QPageSize(paper == Paper::Letter ? QPageSize::Letter : QPageSize::A4), QPageLayout::Portrait,
            QMarginsF(kMarginMm, kMarginMm, kMarginMm, kMarginMm), QPageLayout::Millimeter));
        QString why;
        if (!paint(document, &writer, &why)) {
            file.cancelWriting();
            if (error)
                *error = Texts::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), why);
            return false;
        }
    } // the writer finishes the PDF (fonts, trailer) when it goes
    if (!file.commit()) {
        if (error)
            *error = Texts::tr("Cannot write %1: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    return true;
}

} // namespace RunbookDocument
