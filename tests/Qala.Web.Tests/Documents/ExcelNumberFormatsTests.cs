using System.Globalization;
using Qala.Web.Infrastructure.Documents;

namespace Qala.Web.Tests.Documents;

public sealed class ExcelNumberFormatsTests
{
    [Theory]
    [InlineData("dd.MM.yyyy", @"dd\.mm\.yyyy")]
    [InlineData("dd/MM/yyyy", "dd/mm/yyyy")]
    [InlineData("yyyy-MM-dd HH:mm", "yyyy-mm-dd hh:mm")]
    [InlineData("M/d/yyyy h:mm tt", "m/d/yyyy h:mm AM/PM")]
    [InlineData("d MMMM yyyy 'ж.'", @"d mmmm yyyy \ж\.")]
    public void Date_patterns_become_excel_codes(string pattern, string code) =>
        ExcelNumberFormats.FromDatePattern(pattern, CultureInfo.InvariantCulture.DateTimeFormat).ShouldBe(code);

    [Fact]
    public void Number_codes_carry_the_decimals()
    {
        ExcelNumberFormats.Decimal(0).ShouldBe("#,##0");
        ExcelNumberFormats.Decimal(2).ShouldBe("#,##0.00");
        ExcelNumberFormats.Percent(0).ShouldBe("0%");
        ExcelNumberFormats.Percent(1).ShouldBe("0.0%");
    }
}
