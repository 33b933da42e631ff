using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

public sealed class HtmlToTextTests
{
    [Theory]
    [InlineData("<p>Бірінші</p><p>Екінші</p>", "Бірінші\n\nЕкінші")]
    [InlineData("<div>one</div><div>two<br>three</div>", "one\ntwo\nthree")]
    [InlineData("a&nbsp;&amp;&nbsp;b &lt;c&gt; &#1178;&#x4E9; &quot;", "a & b <c> Қө \"")]
    [InlineData("<ul><li>first</li><li>second</li></ul>", "- first\n- second")]
    [InlineData("<table><tr><td>Year</td><td>2026</td></tr><tr><td>Value</td><td>5</td></tr></table>", "Year 2026\nValue 5")]
    [InlineData("<head><title>t</title><style>p{color:red}</style></head><body>text<script>alert(1)</script></body>", "text")]
    [InlineData("<!-- hidden --><p>shown</p><!-- unterminated", "shown")]
    [InlineData("see <a href=\"https://almaty.gov.kz/x?a=1&amp;b=2\">the plan</a>", "see the plan <https://almaty.gov.kz/x?a=1&b=2>")]
    [InlineData("<a href=https://almaty.gov.kz/x>https://almaty.gov.kz/x</a>", "https://almaty.gov.kz/x")]
    [InlineData("<a href=\"mailto:a@b.kz\">write</a>", "write")]
    [InlineData("new<blockquote>old<blockquote>older</blockquote></blockquote>after", "new\n> old\n>> older\nafter")]
    [InlineData("<pre>  keep\n    spacing</pre>", "  keep\n    spacing")]
    [InlineData("   lots   of \n\n  space   ", "lots of space")]
    [InlineData("2 < 3 and 5 > 4", "2 < 3 and 5 > 4")]
    [InlineData("<img src=\"cid:x\" alt=\"map\">", "[map]")]
    [InlineData("<p title=\"a > b\">attribute with a bracket</p>", "attribute with a bracket")]
    [InlineData("<div", "")]
    [InlineData("", "")]
    public void Html_becomes_readable_text(string html, string expected) => HtmlToText.Convert(html).ShouldBe(expected);

    [Fact]
    public void Deeply_nested_markup_costs_one_pass()
    {
        var html = string.Concat(Enumerable.Repeat("<div><span>", 100_000)) + "deep" + string.Concat(Enumerable.Repeat("</span></div>", 100_000));

        HtmlToText.Convert(html).ShouldBe("deep");
    }
}
