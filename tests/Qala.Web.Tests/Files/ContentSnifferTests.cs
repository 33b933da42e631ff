using System.Text;
using Qala.Web.Infrastructure.Files;

namespace Qala.Web.Tests.Files;

public sealed class ContentSnifferTests
{
    public static TheoryData<string, byte[], AttachmentType> Recognised => new()
    {
        { "pdf", SampleFiles.Pdf, AttachmentType.Pdf },
        { "png", SampleFiles.Png, AttachmentType.Png },
        { "jpeg", SampleFiles.Jpeg, AttachmentType.Jpeg },
        { "gif", SampleFiles.Gif, AttachmentType.Gif },
        { "webp", SampleFiles.WebP, AttachmentType.WebP },
        { "docx", SampleFiles.Zip("[Content_Types].xml", "_rels/.rels", "word/document.xml"), AttachmentType.Docx },
        { "xlsx", SampleFiles.Zip("[Content_Types].xml", "xl/workbook.xml", "xl/worksheets/sheet1.xml"), AttachmentType.Xlsx },
        { "pptx", SampleFiles.Zip("[Content_Types].xml", "ppt/presentation.xml"), AttachmentType.Pptx },
        { "csv", SampleFiles.Csv, AttachmentType.Text },
        { "text with a byte order mark", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Қаулы № 5")], AttachmentType.Text },
        { "text that mentions a tag later", Encoding.UTF8.GetBytes("a < b and c > d\n"), AttachmentType.Text },
    };

    public static TheoryData<string, byte[], AttachmentErrorCode> Refused => new()
    {
        { "nothing", [], AttachmentErrorCode.Empty },
        { "Windows program", SampleFiles.WindowsExecutable, AttachmentErrorCode.Executable },
        { "Linux program", SampleFiles.LinuxExecutable, AttachmentErrorCode.Executable },
        { "macOS program", [0xCF, 0xFA, 0xED, 0xFE, 0x07, 0x00, 0x00, 0x01], AttachmentErrorCode.Executable },
        { "shell script", Encoding.UTF8.GetBytes("#!/bin/sh\nrm -rf /\n"), AttachmentErrorCode.Executable },
        { "HTML", SampleFiles.Html, AttachmentErrorCode.Markup },
        { "HTML after blank lines", Encoding.UTF8.GetBytes("\n\n  <HTML><body>x</body></HTML>"), AttachmentErrorCode.Markup },
        { "script inside text", Encoding.UTF8.GetBytes("hello\n<SCRIPT>alert(1)</SCRIPT>"), AttachmentErrorCode.Markup },
        { "SVG", SampleFiles.Svg, AttachmentErrorCode.Markup },
        { "XML", Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><a/>"), AttachmentErrorCode.Markup },
        { "UTF-16 text", Encoding.Unicode.GetBytes("\uFEFFқаулы"), AttachmentErrorCode.TypeNotAllowed },
        { "text with NUL", [.. "abc"u8, 0x00, .. "def"u8], AttachmentErrorCode.TypeNotAllowed },
        { "Windows-1251 text", [0xCF, 0xF0, 0xE8, 0xEA, 0xE0, 0xE7], AttachmentErrorCode.TypeNotAllowed },
        { "WAVE audio", SampleFiles.Wave, AttachmentErrorCode.TypeNotAllowed },
        { "old Word document", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0x00, 0x00], AttachmentErrorCode.TypeNotAllowed },
        { "ZIP of other files", SampleFiles.Zip("readme.txt", "setup.exe"), AttachmentErrorCode.TypeNotAllowed },
        { "ZIP named like a package without content types", SampleFiles.Zip("word/document.xml"), AttachmentErrorCode.TypeNotAllowed },
        { "damaged ZIP", [.. "PK"u8, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00], AttachmentErrorCode.TypeNotAllowed },
        { "Word with macros", SampleFiles.Zip("[Content_Types].xml", "word/document.xml", "word/vbaProject.bin"), AttachmentErrorCode.MacroDocument },
    };

    [Theory, MemberData(nameof(Recognised))]
    public void Recognises_a_file_by_its_content(string what, byte[] content, AttachmentType expected) =>
        ContentSniffer.Sniff(content).ShouldBe(new ContentSniff(expected, null), what);

    [Theory, MemberData(nameof(Refused))]
    public void Refuses_what_is_not_an_accepted_document(string what, byte[] content, AttachmentErrorCode expected) =>
        ContentSniffer.Sniff(content).ShouldBe(new ContentSniff(null, expected), what);

    [Theory]
    [InlineData("C:\\Users\\akim\\Desktop\\Қаулы.pdf", "Қаулы.pdf")]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("report\u202Efdp.exe", "reportfdp.exe")]
    [InlineData("line\r\nbreak\t.pdf", "linebreak.pdf")]
    [InlineData("  what?*.pdf. ", "what__.pdf")]
    [InlineData("", "file")]
    [InlineData("...", "file")]
    [InlineData("/", "file")]
    public void File_names_lose_paths_and_invisible_characters(string sent, string stored) =>
        FileNames.Sanitise(sent).ShouldBe(stored);

    [Fact]
    public void A_long_file_name_is_cut_to_255_characters_and_keeps_its_extension()
    {
        var name = FileNames.Sanitise(new string('ә', 300) + ".pdf");

        name.Length.ShouldBe(255);
        name.ShouldEndWith("әә.pdf");
        FileNames.Sanitise(new string('a', 249) + "😀😀😀.docx").ShouldBe(new string('a', 249) + ".docx", "a character is not cut in half");
    }
}
