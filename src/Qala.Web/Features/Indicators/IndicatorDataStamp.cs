using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data.Audit;

namespace Qala.Web.Features.Indicators;

/// <summary>
/// One row whose value the database itself changes, in the writing transaction, with every change of what a
/// scorecard is computed from: triggers on observations, indicators, target sets, targets and territories set it to a
/// new random number (ADR 0012). A node keeps computed scorecards only while the value it read before computing them
/// is still the database's, so every node of a deployment sees a change at once, whoever wrote it — an import, a
/// recomputed derived indicator, a registry KPI, an edit page or SQL typed by an administrator.
/// </summary>
public sealed class IndicatorDataStamp : IAuditExempt
{
    public const int SingletonId = 1;

    /// <summary>The tables whose changes move the stamp.</summary>
    public static readonly string[] Tables = ["Observations", "Indicators", "TargetSets", "IndicatorTargets", "Territories"];

    public int Id { get; set; }

    public long Value { get; set; }
}

internal sealed class IndicatorDataStampConfiguration : IEntityTypeConfiguration<IndicatorDataStamp>
{
    public void Configure(EntityTypeBuilder<IndicatorDataStamp> builder)
    {
        builder.ToTable("IndicatorDataStamps");
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.HasData(new IndicatorDataStamp { Id = IndicatorDataStamp.SingletonId, Value = 0 });
    }
}
