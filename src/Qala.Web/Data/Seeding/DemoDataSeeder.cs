using Microsoft.EntityFrameworkCore;
using Qala.Engine.Calendar;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.SourceFacts;
using Qala.Web.Features.Territories;

namespace Qala.Web.Data.Seeding;

/// <summary>Loads the demo data (<see cref="DemoData"/>) once into a database that has reference data.</summary>
internal sealed class DemoDataSeeder(QalaDbContext db, TimeProvider time)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<SourceDocument>().AnyAsync(cancellationToken))
        {
            return false;
        }

        var territories = await db.Set<Territory>().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        foreach (var document in DemoData.Documents)
        {
            var territory = territories[document.TerritoryCode];
            db.Add(new SourceDocument
            {
                Code = document.Code,
                Title = document.Title,
                Language = document.Language,
                PublishedOn = document.PublishedOn,
                Publisher = document.Publisher,
                Territory = territory,
                Text = ReadText(document.Code),
                Facts = [.. document.Facts.Select(f => new SourceFact
                {
                    Code = f.Code,
                    Territory = territory,
                    Subject = LocalizedText.Of(f.SubjectKk, f.SubjectRu, f.SubjectEn),
                    Value = f.Value,
                    Qualifier = f.Qualifier,
                    Unit = f.Unit,
                    Year = f.Year,
                    Quote = f.Quote,
                })],
            });
        }

        // The seed texts' target sets before the programs' own, so that a scorecard keeps comparing against the program by
        // default (the newest set with targets); they get their targets with the demo statistics (DemoTargetSets).
        await DemoTargetSets.AddSetsAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        var agencies = await db.Set<Agency>().ToDictionaryAsync(a => a.Code, StringComparer.Ordinal, cancellationToken);
        DemoInvestment.Seed(db, territories, agencies);
        var now = time.GetUtcNow();
        DemoPrograms.Seed(db, territories, agencies, DeadlineClock.Today(now, TimeZoneInfo.FindSystemTimeZoneById(DeadlineClock.KazakhstanTimeZoneId)), now);
        DemoInstructions.Seed(db, territories, agencies);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    internal static string ReadText(string documentCode)
    {
        using var stream = typeof(DemoDataSeeder).Assembly.GetManifestResourceStream($"Qala.Seeds.{documentCode}.txt")
            ?? throw new InvalidOperationException($"The seed document {documentCode} is not embedded in Qala.Web.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
