using System.Globalization;
using Qala.Engine.Mail.Mime;

namespace Qala.Engine.Tests.Mail;

public sealed class MailDateTests
{
    [Theory]
    [InlineData("Mon, 23 Nov 2026 10:15:02 +0500", "2026-11-23T10:15:02+05:00")]
    [InlineData("23 Nov 2026 10:15 +0500", "2026-11-23T10:15:00+05:00")]
    [InlineData("Mon, 23 Nov 2026 05:14:58 +0000", "2026-11-23T05:14:58+00:00")]
    [InlineData("Mon,  3 Nov 2026 05:14:58 -0330", "2026-11-03T05:14:58-03:30")]
    [InlineData("Mon, 23 Nov 2026 15:00:01 +0500 (+05)", "2026-11-23T15:00:01+05:00")]
    [InlineData("Mon, 23 Nov 26 10:00:00 GMT", "2026-11-23T10:00:00+00:00")]
    [InlineData("Tue, 1 Dec 98 10:00:00 EST", "1998-12-01T10:00:00-05:00")]
    [InlineData("Mon, 23 November 2026 10:00:00 Z", "2026-11-23T10:00:00+00:00")]
    [InlineData("Mon, 23 Nov 2026 10:00:60 +0500", "2026-11-23T10:00:59+05:00")]
    public void Dates_read_in_the_current_and_obsolete_forms(string header, string expected) =>
        MailDate.Parse(header).ShouldBe(DateTimeOffset.Parse(expected, CultureInfo.InvariantCulture));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("Mon, 31 Feb 2026 10:00:00 +0500")]
    [InlineData("Mon, 23 Nov 2026")]
    [InlineData("Mon, 23 Xyz 2026 10:00:00 +0500")]
    public void A_date_that_cannot_be_read_is_null(string? header) => MailDate.Parse(header).ShouldBeNull();
}
