using Microsoft.EntityFrameworkCore;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Instructions;
using Qala.Web.Features.Territories;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Instructions;

/// <summary>Addressees as meeting texts write them, inflected, matched to the reference agencies of Almaty.</summary>
public sealed class AgencyLookupTests
{
    private static readonly (string Addressee, string? Agency)[] Addressees =
    [
        ("акимату города Алматы", "ALA-AKIMAT"),
        ("Акимату города", "ALA-AKIMAT"),
        ("акиму города", "ALA-AKIMAT"),
        ("Управлению образования", "ALA-EDU"),
        ("Управлением образования города Алматы", "ALA-EDU"),
        ("управления здравоохранения", "ALA-HEALTH"),
        ("Управлению строительства", "ALA-CONSTRUCTION"),
        ("Управлению архитектуры и градостроительства", "ALA-URBAN"),
        ("білім басқармасына", "ALA-EDU"),
        ("Алматы қаласының әкімдігіне", "ALA-AKIMAT"),
        ("қала әкіміне", "ALA-AKIMAT"),
        ("денсаулық сақтау басқармасы", "ALA-HEALTH"),
        ("құрылыс басқармасына", "ALA-CONSTRUCTION"),
        ("сәулет және қала құрылысы басқармасына", "ALA-URBAN"),
        ("the Department of Education", "ALA-EDU"),
        ("the Health Department", "ALA-HEALTH"),
        ("the Mayor's Office", "ALA-AKIMAT"),
        ("Министерству энергетики", null),
        ("Правительству", null),
        ("Үкіметке", null),
        ("Энергетика министрлігіне", null),
        ("the Ministry of Energy", null),
        ("the Government and the akimat", null),
        ("Президент Әкімшілігіне", null),
    ];

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Inflected_addressees_find_their_agency_and_outside_bodies_none(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var almaty = await app.QueryAsync(db => db.Set<Agency>().AsNoTracking()
            .Where(a => db.Set<Territory>().Any(t => t.Id == a.TerritoryId && t.Code == "750000000")).OrderBy(a => a.Id).ToListAsync());
        Addressees.Select(a => (a.Addressee, AgencyLookup.Find(a.Addressee, almaty)?.Code)).ShouldBe(Addressees);
    }
}
