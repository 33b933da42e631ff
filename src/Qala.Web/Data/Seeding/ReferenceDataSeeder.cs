using Microsoft.EntityFrameworkCore;
using Qala.Engine.Calendar;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Participation;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Calendar;

namespace Qala.Web.Data.Seeding;

/// <summary>
/// Loads Kazakhstan's territories, the akimats' agencies, the outside code mappings, the topics of citizens' suggestions
/// routed to those agencies and the working-day calendar
/// into an empty database; into one that has them, the territories and code mappings added to the reference data since
/// (<see cref="AddMissingAsync"/>).
/// </summary>
internal sealed class ReferenceDataSeeder(QalaDbContext db)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Territory>().AnyAsync(cancellationToken))
        {
            await AddMissingAsync(cancellationToken);
            return false;
        }

        var territories = new Dictionary<string, Territory>(StringComparer.Ordinal);
        foreach (var seed in ReferenceData.Territories)
        {
            territories[seed.Code] = new Territory
            {
                Code = seed.Code,
                Kind = seed.Kind,
                Name = LocalizedText.Of(seed.Kk, seed.Ru, seed.En),
                ValidFrom = seed.ValidFrom,
                ValidTo = seed.ValidTo,
                Parent = seed.ParentCode is null ? null : territories[seed.ParentCode],
                Predecessor = seed.PredecessorCode is null ? null : territories[seed.PredecessorCode],
            };
        }

        db.AddRange(territories.Values);
        db.AddRange(ReferenceData.Agencies.Select(a => new Agency
        {
            Code = a.Code,
            Name = LocalizedText.Of(a.Kk, a.Ru, a.En),
            Territory = territories[a.TerritoryCode],
        }));
        db.AddRange(ReferenceData.CodeMappings.Select(m => new TerritoryCodeMapping
        {
            Scheme = m.Scheme,
            ExternalCode = m.ExternalCode,
            Territory = territories[m.TerritoryCode],
        }));
        var agencies = db.ChangeTracker.Entries<Agency>().Select(e => e.Entity).ToList();
        db.AddRange(ReferenceData.Topics.Select((topic, index) =>
        {
            var entity = new Topic { Code = topic.Code, Name = LocalizedText.Of(topic.Kk, topic.Ru, topic.En), IsConfidential = topic.Confidential, Position = index + 1 };
            entity.Routes.AddRange(agencies.Where(a => a.Code.EndsWith($"-{topic.AgencySuffix}", StringComparison.Ordinal))
                .Select(a => new TopicRoute { Territory = a.Territory, Agency = a }));
            return entity;
        }));
        db.AddRange(KazakhstanHolidays.Years.SelectMany(KazakhstanHolidays.For).Select(day => new CalendarEntry
        {
            Date = day.Date,
            Kind = day.Kind,
            Name = LocalizedText.Of(day.NameKk, day.NameRu, day.NameEn),
        }));
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Adds the reference territories and code mappings a database lacks, by code — e.g. the cities of 11.6.2 to a
    /// database first loaded before them — through the audited context, so the audit log shows the additions. A
    /// territory is left out when its code or one of its mappings is already there (an administrator may have given it
    /// another code) or its parent is gone; a mapping when its scheme and code are there, whatever they point to.
    /// Returns the number of rows added; running it again adds none.
    /// </summary>
    public async Task<int> AddMissingAsync(CancellationToken cancellationToken)
    {
        var territories = await db.Set<Territory>().ToDictionaryAsync(t => t.Code, StringComparer.Ordinal, cancellationToken);
        var mapped = (await db.Set<TerritoryCodeMapping>().AsNoTracking().Select(m => new { m.Scheme, m.ExternalCode }).ToListAsync(cancellationToken))
            .Select(m => (m.Scheme, m.ExternalCode)).ToHashSet();
        var known = ReferenceData.CodeMappings.Where(m => mapped.Contains((m.Scheme, m.ExternalCode))).Select(m => m.TerritoryCode).ToHashSet(StringComparer.Ordinal);

        var added = 0;
        foreach (var seed in ReferenceData.Territories.Where(s => !territories.ContainsKey(s.Code) && !known.Contains(s.Code)))
        {
            Territory? parent = null, predecessor = null;
            if ((seed.ParentCode is not null && !territories.TryGetValue(seed.ParentCode, out parent))
                || (seed.PredecessorCode is not null && !territories.TryGetValue(seed.PredecessorCode, out predecessor)))
            {
                continue;
            }

            var territory = new Territory
            {
                Code = seed.Code,
                Kind = seed.Kind,
                Name = LocalizedText.Of(seed.Kk, seed.Ru, seed.En),
                ValidFrom = seed.ValidFrom,
                ValidTo = seed.ValidTo,
                Parent = parent,
                Predecessor = predecessor,
            };
            db.Add(territory);
            territories[seed.Code] = territory;
            added++;
        }

        foreach (var seed in ReferenceData.CodeMappings.Where(m => !mapped.Contains((m.Scheme, m.ExternalCode))))
        {
            if (territories.TryGetValue(seed.TerritoryCode, out var territory))
            {
                db.Add(new TerritoryCodeMapping { Scheme = seed.Scheme, ExternalCode = seed.ExternalCode, Territory = territory });
                added++;
            }
        }

        if (added > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return added;
    }
}
