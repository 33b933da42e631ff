using Qala.Engine.Languages;

namespace Qala.Engine.Calendar;

/// <summary>How a <see cref="CalendarDay"/> departs from the normal Monday–Friday week.</summary>
public enum CalendarDayKind
{
    /// <summary>A holiday that is a day off, whatever day of the week it falls on.</summary>
    PublicHoliday,

    /// <summary>A Monday–Friday made a day off: a holiday moved off a weekend, or a transfer by decree.</summary>
    TransferredDayOff,

    /// <summary>A Saturday or Sunday made a working day by decree.</summary>
    TransferredWorkingDay,
}

/// <summary>One exception to the normal week, named in Kazakh, Russian and English.</summary>
public sealed record CalendarDay(DateOnly Date, CalendarDayKind Kind, string NameKk, string NameRu, string NameEn)
{
    public bool IsDayOff => Kind switch
    {
        CalendarDayKind.PublicHoliday => true,
        CalendarDayKind.TransferredDayOff => true,
        CalendarDayKind.TransferredWorkingDay => false,
    };

    public string Name(Language language) => LanguageCodes.Pick(language, NameKk, NameRu, NameEn);
}
