// RunbookDocument's writers, read back: the PDF through poppler-utils (pdftotext, pdfinfo, pdffonts: every
// section, a cell, check boxes, the footer and "Page N of M" on every page, a long table's header on each of
// its pages and no row broken between pages, A4 and Letter sizes, DejaVu embedded), the HTML through an XML
// reader (sections with ids, the table, escaping, no outside reference, the SVG inline and defused), the
// Markdown (pipes escaped, check boxes, a fence longer than the backticks inside), and writeFile keeping the
// old file when it cannot write. Without poppler-utils or the DejaVu fonts the test fails on CI (CI=true) and
// skips elsewhere, naming the Debian package.
#include "asnobody.h"
#include "runbookdocument.h"

#include <QFile>
#include <QFontDatabase>
#include <QPrinter>
#include <QProcess>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

using namespace RunbookDocument;

namespace {

const QString kSha = QStringLiteral("3f786850e387550fdab836ed7e6dc881de23001b3f786850e387550fdab836ed");
constexpr int kInventoryRows = 500;

QString machine(int i)
{
    return QStringLiteral("web-%1").arg(i, 5, 10, QLatin1Char('0'));
}

QString thumbprint(int i)
{
    return QStringLiteral("%1")
        .arg(quint64(i) * 2654435761ULL + 0xABCDEF, 16, 16, QLatin1Char('0'))
        .toUpper();
}

QByteArray chart()
{
    return QByteArrayLiteral(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<!DOCTYPE svg PUBLIC \"-//W3C//DTD SVG 1.1//EN\" "
        "\"http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd\">\n"
        "<!-- drift -->\n"
        "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:xlink=\"http://www.w3.org/1999/xlink\" "
        "width=\"300\" "
        "height=\"100\" viewBox=\"0 0 300 100\" onload=\"alert(1)\">"
        "<script>alert(2)</script>"
        "<image xlink:href=\"http://evil.example.com/x.png\" width=\"10\" height=\"10\"/>"
        "<rect id=\"bar\" x=\"10\" y=\"10\" width=\"50\" height=\"80\" fill=\"#c0392b\"/>"
        "<use xlink:href=\"#bar\" x=\"100\"/>"
        "<text x=\"10\" y=\"98\" font-size=\"9\">drift &amp; more</text></svg>");
}

Document sample()
{
    Document d;
    d.title = QStringLiteral("Migration runbook");
    d.subtitle = QStringLiteral("octopus.example.com → octopus-new.example.com");
    d.runningHeader = QStringLiteral("Runbook · running header");
    d.planName = QStringLiteral("contoso.handover");
    d.exportedAt = QDateTime(QDate(2025, 3, 14), QTime(21, 30), Qt::UTC);
    d.journalSha256 = kSha;

    Section decisions{QStringLiteral("decisions"), QStringLiteral("Decisions taken"), {}};
    decisions.blocks << Block::fieldList(
                            {{QStringLiteral("Old server"), QStringLiteral("https://octopus.example.com")},
                             {QStringLiteral("New server"),
                              QStringLiteral("https://octopus-new.example.com")}})
                     << Block::note(QStringLiteral("Not analysed: manual review of 3 scripts."));
    d.sections << decisions;

    Section steps{QStringLiteral("steps"), QStringLiteral("Cutover steps"), {}};
    Table t;
    t.columns = {QStringLiteral("Done"), QStringLiteral("Step"), QStringLiteral("Owner")};
    t.widths = {1, 6, 2};
    t.rows << QList<Cell>{Cell(QString(), Cell::Check::Checked), Cell(QStringLiteral("Freeze deployments")),
                          Cell(QStringLiteral("alice"))}
           << QList<Cell>{Cell(QString(), Cell::Check::Unchecked),
                          Cell(QStringLiteral("<script>alert(1)</script>")), Cell(QStringLiteral("a|b"))};
    steps.blocks << Block::heading(QStringLiteral("Phase one")) << Block::tableOf(t)
                 << Block::commands(
                        QStringLiteral("Re-point"),
                        QStringLiteral("echo `date`\nTentacle.exe poll-server --server=https://new\n"))
                 << Block::paragraph(QStringLiteral("Fences: ``` inside the text."));
    d.sections << steps;

    Section tentacles{QStringLiteral("tentacles"), QStringLiteral("Polling Tentacles"), {}};
    Table inv;
    inv.columns = {QStringLiteral("Done"), QStringLiteral("Machine"), QStringLiteral("Environment"),
                   QStringLiteral("Thumbprint"), QStringLiteral("Re-point command")};
    inv.widths = {6, 16, 14, 24, 40};
    for (int i = 0; i < kInventoryRows; ++i)
        inv.rows << QList<Cell>{
            Cell(QString(), Cell::Check::Unchecked), Cell(machine(i)), Cell(QStringLiteral("Production")),
            Cell::code(thumbprint(i)),
            Cell::code(
                QStringLiteral("Tentacle.exe poll-server --server=https://deploy.example.com --instance=t%1\n"
                               "Tentacle.exe service --restart")
                    .arg(i))};
    tentacles.blocks << Block::tableOf(inv);
    d.sections << tentacles;

    Section drift{QStringLiteral("drift"), QStringLiteral("Drift since the clone"), {}};
    drift.blocks << Block::image(chart(), QSizeF(120, 40), QStringLiteral("Changes per hour"))
                 << Block::pageBreak();
    d.sections << drift;

    Section signoff{QStringLiteral("sign-off"), QStringLiteral("Sign-off"), {}};
    signoff.blocks << Block::signOff({{QStringLiteral("Migration lead"), QStringLiteral("Alice Smith")},
                                      {QStringLiteral("Change board"), QString()}});
    d.sections << signoff;
    return d;
}

// A poppler-utils tool's output, or a failure (CI) / skip (elsewhere) naming the package.
#define RUN_TOOL(out, tool, args)                                                                            \
    do {                                                                                                     \
        if (QStandardPaths::findExecutable(QStringLiteral(tool)).isEmpty()) {                                \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                         \
                QFAIL(tool " is missing: install the Debian package poppler-utils");                         \
            QSKIP(tool                                                                                       \
                  " is missing (install the Debian package poppler-utils); skipped because CI is not set");  \
        }                                                                                                    \
        QProcess process;                                                                                    \
        process.start(QStringLiteral(tool), args);                                                           \
        QVERIFY2(process.waitForFinished(60000), tool " did not finish");                                    \
        QVERIFY2(process.exitCode() == 0, qPrintable(QString::fromUtf8(process.readAllStandardError())));    \
        out = QString::fromUtf8(process.readAllStandardOutput());                                            \
    } while (false)

#define REQUIRE_DEJAVU()                                                                                     \
    do {                                                                                                     \
        if (!QFontDatabase::families().contains(QStringLiteral("DejaVu Sans"))) {                            \
            if (qEnvironmentVariable("CI") == QLatin1String("true"))                                         \
                QFAIL("the DejaVu fonts are missing: install the Debian package fonts-dejavu-core");         \
            QSKIP("the DejaVu fonts are missing (Debian package fonts-dejavu-core); skipped because CI is "  \
                  "not set");                                                                                \
        }                                                                                                    \
    } while (false)

} // namespace

class TestRunbookDocument : public QObject
{
    Q_OBJECT

private slots:
    void pdfHasEverySectionCellFooterAndPageNumber();
    void pdfPaperSizes_data();
    void pdfPaperSizes();
    void pdfEmbedsDejaVu();
    void pdfCannotBeWrittenGivesError();
    void paintWithoutDeviceFails();
    void paintsOnAPrinter();
    void pdfSplitsWhatIsLongerThanAPage();
    void htmlIsSelfContainedAndEscaped();
    void markdownEscapesPipesAndFencesBackticks();
    void writeFileKeepsOldFileWhenFolderIsNotWritable_data();
    void writeFileKeepsOldFileWhenFolderIsNotWritable();

private:
    QTemporaryDir m_dir;
};

void TestRunbookDocument::pdfHasEverySectionCellFooterAndPageNumber()
{
    REQUIRE_DEJAVU();
    const Document doc = sample();
    const QString path = m_dir.filePath(QStringLiteral("runbook.pdf"));
    QString error;
    QVERIFY2(writePdf(doc, path, Paper::A4, &error), qPrintable(error));

    QString info;
    RUN_TOOL(info, "pdfinfo", QStringList{path});
    const QRegularExpressionMatch pagesMatch =
        QRegularExpression(QStringLiteral("^Pages:\\s+(\\d+)"), QRegularExpression::MultilineOption)
            .match(info);
    QVERIFY2(pagesMatch.hasMatch(), qPrintable(info));
    const int pages = pagesMatch.captured(1).toInt();
    QVERIFY2(pages >= 5, qPrintable(info));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Title:\\s+Migration runbook\\n"))),
             qPrintable(info));

    QString text;
    RUN_TOOL(text, "pdftotext", (QStringList{QStringLiteral("-layout"), path, QStringLiteral("-")}));
    QStringList perPage = text.split(QLatin1Char('\f'));
    if (perPage.size() > pages && perPage.last().trimmed().isEmpty())
        perPage.removeLast();
    QCOMPARE(perPage.size(), pages);

    for (const Section &section : doc.sections)
        QVERIFY2(text.contains(section.title), qPrintable(section.title));
    QVERIFY(text.contains(QLatin1String("Freeze deployments")));
    QVERIFY(text.contains(QLatin1String("<script>alert(1)</script>")));
    QVERIFY(text.contains(QStringLiteral("☑")));
    QVERIFY(text.contains(QStringLiteral("☐")));
    QVERIFY(text.contains(QLatin1String("echo `date`")));
    QVERIFY(text.contains(QLatin1String("Changes per hour")));
    QVERIFY(text.contains(QLatin1String("Alice Smith")));

    for (int p = 0; p < pages; ++p) {
        const QString &page = perPage.at(p);
        const QString where = QStringLiteral("page %1:\n%2").arg(p + 1).arg(page);
        QVERIFY2(page.contains(QLatin1String("contoso.handover")), qPrintable(where));
        QVERIFY2(page.contains(kSha), qPrintable(where));
        QVERIFY2(page.contains(QLatin1String("2025-03-14 21:30:00 UTC")), qPrintable(where));
        QVERIFY2(page.contains(QStringLiteral("Page %1 of %2").arg(p + 1).arg(pages)), qPrintable(where));
        QVERIFY2(page.contains(QStringLiteral("Runbook · running header")) == (p > 0), qPrintable(where));
    }

    // The long table: on several pages, its header on each, and every row whole on one page.
    QList<int> tablePages;
    for (int p = 0; p < pages; ++p) {
        if (perPage.at(p).contains(QLatin1String("web-00")))
            tablePages << p;
    }
    QVERIFY2(tablePages.size() >= 3, qPrintable(QString::number(tablePages.size())));
    for (const int p : tablePages) {
        QVERIFY2(perPage.at(p).contains(QLatin1String("Environment")) &&
                     perPage.at(p).contains(QLatin1String("Thumbprint")),
                 qPrintable(QStringLiteral("page %1 has rows but no header").arg(p + 1)));
    }
    for (int i = 0; i < kInventoryRows; ++i) {
        int page = -1;
        for (const int p : tablePages) {
            if (perPage.at(p).contains(machine(i)))
                page = p;
        }
        QVERIFY2(page >= 0, qPrintable(machine(i)));
        QVERIFY2(perPage.at(page).contains(thumbprint(i)),
                 qPrintable(QStringLiteral("%1's row is broken across pages").arg(machine(i))));
        QVERIFY2(perPage.at(page).contains(QStringLiteral("--instance=t%1").arg(i)),
                 qPrintable(QStringLiteral("%1's command is not on its page").arg(machine(i))));
    }
    // The page break before the sign-off.
    QVERIFY(!perPage.at(pages - 1).contains(QLatin1String("Changes per hour")));
    QVERIFY(perPage.at(pages - 1).contains(QLatin1String("Sign-off")));
}

void TestRunbookDocument::pdfPaperSizes_data()
{
    QTest::addColumn<Paper>("paper");
    QTest::addColumn<QString>("size");
    QTest::newRow("a4") << Paper::A4 << QStringLiteral("595 x 842 pts (A4)");
    QTest::newRow("letter") << Paper::Letter << QStringLiteral("612 x 792 pts (letter)");
}

void TestRunbookDocument::pdfPaperSizes()
{
    QFETCH(Paper, paper);
    QFETCH(QString, size);
    Document doc = sample();
    doc.sections.resize(1);
    const QString path = m_dir.filePath(QStringLiteral("paper.pdf"));
    QString error;
    QVERIFY2(writeFile(doc, Format::Pdf, path, paper, &error), qPrintable(error));
    QString info;
    RUN_TOOL(info, "pdfinfo", QStringList{path});
    QVERIFY2(info.contains(
                 QRegularExpression(QStringLiteral("Page size:\\s+") + QRegularExpression::escape(size))),
             qPrintable(info));
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Pages:\\s+1\\n"))), qPrintable(info));
}

void TestRunbookDocument::pdfEmbedsDejaVu()
{
    REQUIRE_DEJAVU();
    Document doc = sample();
    doc.sections.resize(2);
    const QString path = m_dir.filePath(QStringLiteral("fonts.pdf"));
    QString error;
    QVERIFY2(writePdf(doc, path, Paper::A4, &error), qPrintable(error));
    QString fonts;
    RUN_TOOL(fonts, "pdffonts", QStringList{path});
    const QStringList lines =
        fonts.split(QLatin1Char('\n'), Qt::SkipEmptyParts).mid(2); // after the table's head
    QVERIFY2(!lines.isEmpty(), qPrintable(fonts));
    bool sans = false, mono = false;
    for (const QString &line : lines) {
        const QStringList f = line.split(QLatin1Char(' '), Qt::SkipEmptyParts);
        QVERIFY2(f.size() >= 7, qPrintable(line));
        QVERIFY2(line.contains(QLatin1String("DejaVu")), qPrintable(fonts));
        QCOMPARE(f.at(f.size() - 5), QStringLiteral("yes"));          // emb
        const QString name = f.first().section(QLatin1Char('+'), -1); // a subset's tag dropped
        sans |=
            name.startsWith(QLatin1String("DejaVuSans")) && !name.startsWith(QLatin1String("DejaVuSansMono"));
        mono |= name.startsWith(QLatin1String("DejaVuSansMono"));
    }
    QVERIFY2(sans && mono, qPrintable(fonts));
}

void TestRunbookDocument::pdfCannotBeWrittenGivesError()
{
    const QString path = m_dir.filePath(QStringLiteral("no/such/folder/runbook.pdf"));
    QString error;
    QVERIFY(!writePdf(sample(), path, Paper::A4, &error));
    QVERIFY2(error.contains(QLatin1String("runbook.pdf")), qPrintable(error));
    QVERIFY(!QFile::exists(path));
}

void TestRunbookDocument::paintWithoutDeviceFails()
{
    QString error;
    QVERIFY(!paint(sample(), nullptr, &error));
    QVERIFY(!error.isEmpty());
}

void TestRunbookDocument::paintsOnAPrinter()
{
    // What the print dialog and the print preview hand over: a QPrinter with its own resolution and margins.
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    const QString path = m_dir.filePath(QStringLiteral("printer.pdf"));
    printer.setOutputFileName(path);
    printer.setPageSize(QPageSize(QPageSize::Letter));
    printer.setPageMargins(QMarginsF(5, 5, 5, 5), QPageLayout::Millimeter);
    Document doc = sample();
    doc.sections.removeAt(2); // without the long table
    QString error;
    QVERIFY2(paint(doc, &printer, &error), qPrintable(error));
    QString info;
    RUN_TOOL(info, "pdfinfo", QStringList{path});
    QVERIFY2(info.contains(QRegularExpression(QStringLiteral("Page size:\\s+612 x 792 pts"))),
             qPrintable(info));
    const int pages = QRegularExpression(QStringLiteral("Pages:\\s+(\\d+)")).match(info).captured(1).toInt();
    QVERIFY2(pages >= 2, qPrintable(info));
    QString text;
    RUN_TOOL(text, "pdftotext", (QStringList{QStringLiteral("-layout"), path, QStringLiteral("-")}));
    QVERIFY(text.contains(QLatin1String("Freeze deployments")));
    QCOMPARE(text.count(kSha), pages);
    QVERIFY(text.contains(QStringLiteral("Page %1 of %1").arg(pages)));
}

void TestRunbookDocument::pdfSplitsWhatIsLongerThanAPage()
{
    // Commands longer than a page go on between lines; a table row taller than a page is cut, not looped on.
    QStringList script, tall;
    for (int i = 0; i < 150; ++i)
        script << QStringLiteral("echo line-%1").arg(i);
    for (int i = 0; i < 200; ++i)
        tall << QStringLiteral("cell-line-%1").arg(i);
    Document doc = sample();
    doc.sections = {Section{QStringLiteral("long"), QStringLiteral("Long things"), {}}};
    doc.sections[0].blocks << Block::commands(QStringLiteral("A long script"),
                                              script.join(QLatin1Char('\n')));
    Table t;
    t.columns = {QStringLiteral("Tall")};
    t.rows << QList<Cell>{Cell(tall.join(QLatin1Char('\n')))}
           << QList<Cell>{Cell(QStringLiteral("after the tall row"))};
    doc.sections[0].blocks << Block::tableOf(t) << Block::paragraph(QStringLiteral("The end."));
    const QString path = m_dir.filePath(QStringLiteral("long.pdf"));
    QString error;
    QVERIFY2(writePdf(doc, path, Paper::A4, &error), qPrintable(error));
    QString text;
    RUN_TOOL(text, "pdftotext", (QStringList{QStringLiteral("-layout"), path, QStringLiteral("-")}));
    for (int i = 0; i < 150; ++i)
        QVERIFY2(text.contains(QStringLiteral("echo line-%1\n").arg(i)), qPrintable(QString::number(i)));
    QVERIFY(text.count(QLatin1Char('\f')) >= 3);
    QVERIFY(text.contains(QLatin1String("cell-line-0")));
    QVERIFY(text.contains(QLatin1String("after the tall row")));
    QVERIFY(text.contains(QLatin1String("The end.")));
}

void TestRunbookDocument::htmlIsSelfContainedAndEscaped()
{
    const Document doc = sample();
    const QString html = QString::fromUtf8(toHtml(doc));

    // No reference outside the file.
    for (const char *bad : {"<link", "<script", "src=\"http", "href=\"http", "src='http", "href='http",
                            "@import", "url(http", "url(\"http", "evil.example.com", "onload", "@font-face"})
        QVERIFY2(!html.contains(QLatin1String(bad), Qt::CaseInsensitive), bad);
    QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
    QVERIFY(html.contains(QLatin1String("<meta charset=\"utf-8\" />")));
    QVERIFY(html.contains(QLatin1String("<html lang=\"en\">")));
    QVERIFY(html.contains(QLatin1String("@media print")));
    QVERIFY(html.contains(QLatin1String("thead { display: table-header-group; }")));
    QVERIFY(html.contains(QLatin1String("size: A4")));
    QVERIFY(QString::fromUtf8(toHtml(doc, Paper::Letter)).contains(QLatin1String("size: letter")));
    QVERIFY(html.contains(QLatin1String("&lt;script&gt;alert(1)&lt;/script&gt;")));
    QVERIFY(html.contains(kSha));
    QCOMPARE(html.count(QLatin1String("<?xml")), 0);
    QCOMPARE(html.count(QLatin1String("<!DOCTYPE")), 1);

    // Well-formed: read back as XML.
    QXmlStreamReader xml(html);
    QStringList sectionIds, sectionTitles, headers, firstCells;
    QString element, inSection;
    int tbodyRows = 0, svgs = 0, rects = 0, uses = 0, images = 0, checks = 0, codes = 0;
    bool inTbody = false, inH2 = false, inTh = false, inFirstTd = false, inPre = false;
    QString preText, svgText;
    int svgDepth = 0;
    while (!xml.atEnd()) {
        const QXmlStreamReader::TokenType token = xml.readNext();
        if (token == QXmlStreamReader::StartElement) {
            const QString name = xml.name().toString();
            if (svgDepth)
                ++svgDepth;
            if (name == QLatin1String("section")) {
                inSection = xml.attributes().value(QLatin1String("id")).toString();
                sectionIds << inSection;
            } else if (name == QLatin1String("h2") && !inSection.isEmpty()) {
                inH2 = true;
            } else if (name == QLatin1String("tbody")) {
                inTbody = true;
            } else if (name == QLatin1String("tr") && inTbody && inSection == QLatin1String("tentacles")) {
                ++tbodyRows;
            } else if (name == QLatin1String("th") && inSection == QLatin1String("tentacles")) {
                inTh = true;
            } else if (name == QLatin1String("td") && inSection == QLatin1String("steps")) {
                inFirstTd = true;
            } else if (name == QLatin1String("svg")) {
                ++svgs;
                svgDepth = 1;
            } else if (name == QLatin1String("rect") && svgDepth) {
                ++rects;
            } else if (name == QLatin1String("use") && svgDepth) {
                uses += xml.attributes().value(QLatin1String("xlink:href")) == QLatin1String("#bar");
            } else if (name == QLatin1String("image")) {
                images += xml.attributes().hasAttribute(QLatin1String("xlink:href")) ||
                          xml.attributes().hasAttribute(QLatin1String("href"));
            } else if (name == QLatin1String("pre")) {
                inPre = true;
            } else if (name == QLatin1String("code") && inSection == QLatin1String("tentacles")) {
                ++codes;
            }
        } else if (token == QXmlStreamReader::EndElement) {
            const QString name = xml.name().toString();
            if (svgDepth)
                --svgDepth;
            if (name == QLatin1String("section"))
                inSection.clear();
            else if (name == QLatin1String("h2"))
                inH2 = false;
            else if (name == QLatin1String("tbody"))
                inTbody = false;
            else if (name == QLatin1String("th"))
                inTh = false;
            else if (name == QLatin1String("td"))
                inFirstTd = false;
            else if (name == QLatin1String("pre"))
                inPre = false;
        } else if (token == QXmlStreamReader::Characters) {
            const QString t = xml.text().toString();
            if (inH2)
                sectionTitles << t;
            if (inTh)
                headers << t;
            if (inFirstTd)
                firstCells << t;
            if (inPre)
                preText += t;
            if (svgDepth)
                svgText += t;
            checks += t.count(QStringLiteral("☐")) + t.count(QStringLiteral("☑"));
        }
    }
    QVERIFY2(!xml.hasError(),
             qPrintable(QStringLiteral("%1 at line %2").arg(xml.errorString()).arg(xml.lineNumber())));
    QCOMPARE(sectionIds,
             (QStringList{QStringLiteral("decisions"), QStringLiteral("steps"), QStringLiteral("tentacles"),
                          QStringLiteral("drift"), QStringLiteral("sign-off")}));
    for (const Section &section : doc.sections)
        QVERIFY2(sectionTitles.contains(section.title), qPrintable(section.title));
    QCOMPARE(headers, doc.sections.at(2).blocks.at(0).table.columns);
    QCOMPARE(tbodyRows, kInventoryRows);
    QCOMPARE(codes, 2 * kInventoryRows);
    QVERIFY(firstCells.contains(QLatin1String("<script>alert(1)</script>")));
    QVERIFY(checks >= kInventoryRows + 2);
    QVERIFY(preText.contains(QLatin1String("echo `date`\nTentacle.exe poll-server")));
    // The SVG inline, without its prolog, script, handler and outside image; its own reference kept.
    QCOMPARE(svgs, 1);
    QCOMPARE(rects, 1);
    QCOMPARE(uses, 1);
    QCOMPARE(images, 0);
    QVERIFY(svgText.contains(QLatin1String("drift & more")));
    QVERIFY(!svgText.contains(QLatin1String("alert")));
    QVERIFY(html.contains(QLatin1String("<figcaption>Changes per hour</figcaption>")));
}

void TestRunbookDocument::markdownEscapesPipesAndFencesBackticks()
{
    Document doc = sample();
    doc.sections[1].blocks << Block::commands(QString(), QStringLiteral("printf '```'\n"));
    const QString md = QString::fromUtf8(toMarkdown(doc));
    QVERIFY(md.contains(QLatin1String("| Done | Step | Owner |\n| --- | --- | --- |\n")));
    QVERIFY(md.contains(QStringLiteral("| ☑ | Freeze deployments | alice |")));
    QVERIFY(md.contains(QStringLiteral("| ☐ | \\<script\\>alert(1)\\</script\\> | a\\|b |")));
    QVERIFY(
        md.contains(QLatin1String("```\necho `date`\nTentacle.exe poll-server --server=https://new\n```\n")));
    QVERIFY(md.contains(QLatin1String("````\nprintf '```'\n````\n")));
    QVERIFY(md.contains(QLatin1String("- [ ] Change board: ________________")));
    QVERIFY(md.contains(QStringLiteral("| ☐ | web-00007 | Production | `%1` |").arg(thumbprint(7))));
    QVERIFY(md.contains(kSha));
}

void TestRunbookDocument::writeFileKeepsOldFileWhenFolderIsNotWritable_data()
{
    QTest::addColumn<Format>("format");
    QTest::newRow("pdf") << Format::Pdf;
    QTest::newRow("html") << Format::Html;
    QTest::newRow("md") << Format::Markdown;
}

void TestRunbookDocument::writeFileKeepsOldFileWhenFolderIsNotWritable()
{
    QFETCH(Format, format);
    QTemporaryDir scratch;
    QVERIFY(scratch.isValid());
    const QString folder = scratch.filePath(QStringLiteral("locked"));
    QVERIFY(QDir().mkdir(folder));
    const QString path = folder + QStringLiteral("/runbook") + suffixOf(format);
    {
        QFile old(path);
        QVERIFY(old.open(QIODevice::WriteOnly));
        old.write("the old runbook");
    }
    // Writable first (the same call succeeds), then locked.
    QString error;
    QVERIFY2(
        writeFile(sample(), format, folder + QStringLiteral("/fresh") + suffixOf(format), Paper::A4, &error),
        qPrintable(error));
    QVERIFY(QFile::setPermissions(scratch.path(), QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner |
                                                      QFile::ReadOther | QFile::ExeOther));
    QVERIFY(QFile::setPermissions(folder,
                                  QFile::ReadOwner | QFile::ExeOwner | QFile::ReadOther | QFile::ExeOther));
    QVERIFY(QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner | QFile::ReadOther |
                                            QFile::WriteOther));
    bool written = true;
    {
        AsNobody nobody;
        if (!nobody.ok()) {
            QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
            QSKIP("running as root and cannot drop to nobody: permissions would not apply");
        }
        written = writeFile(sample(), format, path, Paper::A4, &error);
    }
    QFile::setPermissions(folder, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
    QVERIFY(!written);
    QVERIFY2(error.contains(QLatin1String("runbook")), qPrintable(error));
    QFile old(path);
    QVERIFY(old.open(QIODevice::ReadOnly));
    QCOMPARE(old.readAll(), QByteArray("the old runbook"));
    QCOMPARE(QDir(folder).entryList(QDir::Files | QDir::Hidden).size(), 2); // no temporary file left behind
}

QTEST_MAIN(TestRunbookDocument)
#include "tst_runbookdocument.moc"
