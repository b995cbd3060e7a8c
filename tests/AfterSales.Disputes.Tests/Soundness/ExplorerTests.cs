using Xunit.Abstractions;

namespace AfterSales.Disputes.Tests.Soundness;

/// <summary>
/// The explorer can fail: a toy claim with one deliberate defect per property makes it report that
/// property, with the shortest path of moves from opening as the counterexample; the sound toy passes.
/// </summary>
public class ExplorerTests(ITestOutputHelper output)
{
    private static readonly DateTimeOffset s_opened = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);
    private static readonly ExplorationBounds s_bounds = new(Depth: 6, Walks: 20, WalkLength: 10);

    public static TheoryData<ClaimDefect, Property, string, string[]> Defects => new()
    {
        { ClaimDefect.NobodyCanMove, Property.Progress, "nobody can move the case: OnHold", ["Seller: Hold"] },
        { ClaimDefect.NoDeadline, Property.Termination, "waits for a person with no deadline: at once", ["Seller: Hold"] },
        { ClaimDefect.DishonestMenu, Property.HonestMenus, "listed but refused: Seller: Approve(looks fine)", [] },
        { ClaimDefect.PaysTwice, Property.Money, "refunded 20000, paid 10000", ["Seller: Approve(looks fine)", "System: Pay(100.00)"] },
        { ClaimDefect.NotReplayable, Property.Replay, "the rebuilt claim differs from the live one in state Paying", ["Seller: Approve(looks fine)"] },
        { ClaimDefect.HiddenFromActor, Property.Visibility, "ServiceCenter can act but cannot see the claim in state AwaitingSeller", [] },
    };

    [Theory]
    [MemberData(nameof(Defects))]
    public void ADeliberatelyBrokenFlow_FailsItsProperty_WithTheShortestPathFromOpening(ClaimDefect defect, Property property, string detail, string[] path)
    {
        var report = Explorer.Explore(new ClaimSubject(new ToyClaim(defect, s_opened), s_opened), s_bounds, s => s.Claim.State.ToString());

        report.Violations.Should().Contain(v => v.Property == property);
        var violation = report.Violations.First(v => v.Property == property); // the first found breadth-first
        output.WriteLine(violation.ToString());
        violation.Detail.Should().Be(detail);
        violation.Path.Should().Equal(path);
        violation.ToString().Should().StartWith($"{property}: {detail}\n  from opening: ");
    }

    [Fact]
    public void TheSoundToyClaim_HasNoViolation_AndReachesEveryState()
    {
        var report = Explorer.Explore(new ClaimSubject(new ToyClaim(ClaimDefect.None, s_opened), s_opened), s_bounds, s => s.Claim.State.ToString());

        report.Violations.Should().BeEmpty();
        report.Reached["toy claim"].Should().BeEquivalentTo(Enum.GetNames<ClaimState>());
        report.LongestSilence["toy claim"].Should().Be(TimeSpan.FromDays(5), "on hold 3 days, then 2 days for the seller, then the gateway pays");
    }
}
