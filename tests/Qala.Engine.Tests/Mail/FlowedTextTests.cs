using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

public sealed class FlowedTextTests
{
    [Theory]
    [InlineData("one \ntwo \nthree\nfour", false, "one two three\nfour")]
    [InlineData("one  \ntwo", true, "one two")]
    [InlineData("one \ntwo", true, "onetwo")]
    [InlineData("> quoted \n> line\nnew", false, "> quoted line\nnew")]
    [InlineData("> quoted \nnew", false, "> quoted \nnew")]
    [InlineData("-- \nsignature", false, "-- \nsignature")]
    [InlineData(" From the space-stuffed line", false, "From the space-stuffed line")]
    [InlineData("", false, "")]
    public void Flowed_lines_join_and_quote_depth_breaks_them(string text, bool deleteSpace, string expected) =>
        FlowedText.Unwrap(text, deleteSpace).ShouldBe(expected);
}
