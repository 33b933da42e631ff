using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qala.Web.Data;

internal static class LocalizedTextMapping
{
    /// <summary>Maps a <see cref="LocalizedText"/> to three columns of the same length.</summary>
    public static void ConfigureLocalizedText(this ComplexPropertyBuilder<LocalizedText> text, int maxLength)
    {
        text.Property(t => t.Kk).HasMaxLength(maxLength);
        text.Property(t => t.Ru).HasMaxLength(maxLength);
        text.Property(t => t.En).HasMaxLength(maxLength);
    }
}
