using Qala.Engine.Indicators;
using Qala.Engine.Programs;

namespace Qala.Engine.Tests.Programs;

public sealed class ActivityProgressTests
{
    [Theory]
    [InlineData("2026-01-01", "2026-01-10", "2025-12-31", 0.0)] // before the start
    [InlineData("2026-01-01", "2026-01-10", "2026-01-01", 10.0)] // the first day counts
    [InlineData("2026-01-01", "2026-01-10", "2026-01-05", 50.0)]
    [InlineData("2026-01-01", "2026-01-10", "2026-01-09", 90.0)]
    [InlineData("2026-01-01", "2026-01-10", "2026-01-10", 100.0)] // the due day
    [InlineData("2026-01-01", "2026-01-10", "2027-01-01", 100.0)] // after it
    [InlineData("2026-03-01", "2026-03-01", "2026-02-28", 0.0)] // one-day activity
    [InlineData("2026-03-01", "2026-03-01", "2026-03-01", 100.0)]
    [InlineData("2026-03-10", "2026-03-01", "2026-03-05", 100.0)] // due before the start: the due date rules
    [InlineData("2026-03-10", "2026-03-01", "2026-02-01", 0.0)]
    public void Expected_progress_grows_with_the_days_that_have_passed(string start, string due, string today, double expected) =>
        ActivityProgress.Expected(D(start), D(due), D(today)).ShouldBe(expected, 1e-9);

    [Theory]
    // 10 days from Jan 1: on Jan 5 half is expected.
    [InlineData(ActivityStatus.InProgress, 50.0, "2026-01-05", ProgressBand.OnTrack, 1.0, false)]
    [InlineData(ActivityStatus.InProgress, 47.5, "2026-01-05", ProgressBand.OnTrack, 0.95, false)] // the on-track bound
    [InlineData(ActivityStatus.InProgress, 47.0, "2026-01-05", ProgressBand.AtRisk, 0.94, false)]
    [InlineData(ActivityStatus.InProgress, 40.0, "2026-01-05", ProgressBand.AtRisk, 0.8, false)] // the at-risk bound
    [InlineData(ActivityStatus.InProgress, 39.0, "2026-01-05", ProgressBand.OffTrack, 0.78, false)]
    [InlineData(ActivityStatus.NotStarted, 0.0, "2026-01-05", ProgressBand.OffTrack, 0.0, false)]
    [InlineData(ActivityStatus.InProgress, 80.0, "2026-01-05", ProgressBand.OnTrack, 1.6, false)] // ahead
    [InlineData(ActivityStatus.InProgress, 150.0, "2026-01-05", ProgressBand.OnTrack, 2.0, false)] // held at 100 %
    [InlineData(ActivityStatus.InProgress, -10.0, "2026-01-05", ProgressBand.OffTrack, 0.0, false)] // held at 0 %
    [InlineData(ActivityStatus.InProgress, double.NaN, "2026-01-05", ProgressBand.OffTrack, 0.0, false)]
    // Nothing expected before the start.
    [InlineData(ActivityStatus.NotStarted, 0.0, "2025-12-01", ProgressBand.OnTrack, null, false)]
    [InlineData(ActivityStatus.InProgress, 30.0, "2025-12-01", ProgressBand.OnTrack, null, false)]
    // The due day is not yet overdue; the day after is, whatever the ratio.
    [InlineData(ActivityStatus.InProgress, 96.0, "2026-01-10", ProgressBand.OnTrack, 0.96, false)]
    [InlineData(ActivityStatus.InProgress, 96.0, "2026-01-11", ProgressBand.OffTrack, 0.96, true)]
    [InlineData(ActivityStatus.NotStarted, 0.0, "2026-02-01", ProgressBand.OffTrack, 0.0, true)]
    [InlineData(ActivityStatus.InProgress, 100.0, "2026-01-11", ProgressBand.OffTrack, 1.0, true)] // 100 % but not marked completed
    // Completed and cancelled keep their bands and are never overdue.
    [InlineData(ActivityStatus.Completed, 60.0, "2026-01-05", ProgressBand.Completed, 2.0, false)]
    [InlineData(ActivityStatus.Completed, 100.0, "2026-03-01", ProgressBand.Completed, 1.0, false)]
    [InlineData(ActivityStatus.Completed, 100.0, "2025-12-01", ProgressBand.Completed, null, false)] // completed before its start
    [InlineData(ActivityStatus.Cancelled, 20.0, "2026-03-01", ProgressBand.Cancelled, null, false)]
    public void Performance_is_graded_and_overdue_is_off_track(ActivityStatus status, double complete, string today, ProgressBand band, double? performance, bool overdue)
    {
        var assessment = ActivityProgress.Assess(status, complete, D("2026-01-01"), D("2026-01-10"), D(today));

        assessment.Band.ShouldBe(band);
        assessment.IsOverdue.ShouldBe(overdue);
        if (performance is { } p)
        {
            assessment.Performance!.Value.ShouldBe(p, 1e-9);
        }
        else
        {
            assessment.Performance.ShouldBeNull();
        }
    }

    [Fact]
    public void Completed_counts_as_100_and_cancelled_leaves_the_roll_up()
    {
        var completed = ActivityProgress.Assess(ActivityStatus.Completed, 40, D("2026-01-01"), D("2026-01-10"), D("2026-01-05"));
        var cancelled = ActivityProgress.Assess(ActivityStatus.Cancelled, 40, D("2026-01-01"), D("2026-01-10"), D("2026-01-05"));

        completed.Complete.ShouldBe(100);
        completed.AsPart(2).ShouldBe(new RollupPart(100, 50, 2));
        cancelled.AsPart().ShouldBeNull();
    }

    [Fact]
    public void Thresholds_can_be_chosen()
    {
        var strict = new StatusThresholds(onTrack: 1.0, atRisk: 0.9);

        ActivityProgress.Assess(ActivityStatus.InProgress, 47.5, D("2026-01-01"), D("2026-01-10"), D("2026-01-05"), strict).Band.ShouldBe(ProgressBand.AtRisk);
        ActivityProgress.Grade(0.89, strict).ShouldBe(ProgressBand.OffTrack);
    }

    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
}
