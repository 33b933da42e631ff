using Qala.Engine.Audit;

namespace Qala.Engine.Tests.Audit;

public sealed class AuditChainTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 24, 8, 30, 0, TimeSpan.Zero);

    private static List<AuditRecord> Chain(int length)
    {
        var records = new List<AuditRecord>();
        var previous = AuditChain.Genesis;
        for (var i = 1; i <= length; i++)
        {
            var record = new AuditRecord(i, Start.AddSeconds(i), "u1", "admin", "127.0.0.1", "Territories", i.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "Updated", $$"""{"Name.En":["Old {{i}}","New {{i}}"]}""", previous, "");
            record = record with { Hash = AuditChain.Hash(record) };
            records.Add(record);
            previous = record.Hash;
        }

        return records;
    }

    [Fact]
    public void An_untouched_chain_holds()
    {
        var chain = Chain(50);

        AuditChain.FindFirstBreak(chain).ShouldBeNull();
        chain[0].PreviousHash.ShouldBe(AuditChain.Genesis);
        chain[^1].Hash.Length.ShouldBe(64);
    }

    [Fact]
    public void The_hash_covers_every_field()
    {
        var record = Chain(1)[0];
        var variants = new[]
        {
            record with { Sequence = 2 },
            record with { At = record.At.AddMilliseconds(1) },
            record with { UserId = "u2" },
            record with { UserName = "someone" },
            record with { Address = "10.0.0.1" },
            record with { EntityType = "Agencies" },
            record with { EntityKey = "2" },
            record with { Action = "Deleted" },
            record with { Changes = "{}" },
            record with { PreviousHash = new string('1', 64) },
            record with { UserId = null },
        };

        variants.Select(AuditChain.Hash).ShouldAllBe(h => h != record.Hash);
        variants.Select(AuditChain.Hash).Distinct().Count().ShouldBe(variants.Length);
    }

    [Fact]
    public void Field_boundaries_cannot_be_forged_with_newlines()
    {
        var record = Chain(1)[0];
        var shifted = record with { UserName = record.UserName + "\n" + record.Address, Address = null };

        AuditChain.Hash(shifted).ShouldNotBe(record.Hash);
    }

    [Fact]
    public void The_same_instant_in_another_offset_hashes_the_same()
    {
        var record = Chain(1)[0];

        AuditChain.Hash(record with { At = record.At.ToOffset(TimeSpan.FromHours(5)) }).ShouldBe(record.Hash);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(50)]
    public void A_changed_entry_is_the_first_break(int tampered)
    {
        var chain = Chain(50);
        chain[tampered - 1] = chain[tampered - 1] with { Changes = """{"Name.En":["Old","Forged"]}""" };

        AuditChain.FindFirstBreak(chain).ShouldBe(new AuditBreak(tampered, "the entry was changed after it was written"));
    }

    [Fact]
    public void A_changed_entry_with_a_recomputed_hash_breaks_the_next_link()
    {
        var chain = Chain(10);
        var forged = chain[4] with { Changes = "{}" };
        chain[4] = forged with { Hash = AuditChain.Hash(forged) };

        AuditChain.FindFirstBreak(chain).ShouldBe(new AuditBreak(6, "the link to the previous entry does not match"));
    }

    [Fact]
    public void A_removed_entry_is_reported_by_its_sequence()
    {
        var chain = Chain(10);
        chain.RemoveAt(3);

        AuditChain.FindFirstBreak(chain)!.Sequence.ShouldBe(4);
    }

    [Fact]
    public void A_truncated_chain_is_caught_by_its_head()
    {
        var chain = Chain(10);
        var verifier = new AuditChainVerifier();
        foreach (var record in chain.Take(8))
        {
            verifier.Check(record).ShouldBeNull();
        }

        verifier.Finish(10, chain[^1].Hash)!.Sequence.ShouldBe(9);
        verifier.Checked.ShouldBe(8);

        var whole = new AuditChainVerifier();
        chain.ForEach(r => whole.Check(r).ShouldBeNull());
        whole.Finish(10, chain[^1].Hash).ShouldBeNull();
        whole.Finish(10, AuditChain.Genesis).ShouldNotBeNull();
    }

    [Fact]
    public void An_empty_chain_holds_against_an_empty_head() =>
        new AuditChainVerifier().Finish(0, AuditChain.Genesis).ShouldBeNull();
}
