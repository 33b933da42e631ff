using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Engine.Calendar;
using Qala.Web.Data;

namespace Qala.Web.Infrastructure.Calendar;

/// <summary>
/// An exception to the Monday–Friday week as an administrator keeps it: a public holiday, a day off moved by
/// government decree, or a weekend day made a working day.
/// </summary>
public sealed class CalendarEntry : IVersioned
{
    public int Id { get; set; }

    public DateOnly Date { get; set; }

    public CalendarDayKind Kind { get; set; }

    public required LocalizedText Name { get; set; }

    public Guid Version { get; set; }

    public CalendarDay ToDay() => new(Date, Kind, Name.Kk, Name.Ru, Name.En);
}

internal sealed class CalendarEntryConfiguration : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasIndex(d => d.Date);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(30);
        builder.ComplexProperty(d => d.Name, name => name.ConfigureLocalizedText(200));
        builder.Property(d => d.Version).IsConcurrencyToken();
    }
}
