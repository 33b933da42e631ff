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
/// into an empty database.
/// </summary>
internal sealed class ReferenceDataSeeder(QalaDbContext db)
{
    public async Task<bool> SeedAsync(CancellationToken cancellationToken)
    {
        if (await db.Set<Territory>().AnyAsync(cancellationToken))
        {
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
}
