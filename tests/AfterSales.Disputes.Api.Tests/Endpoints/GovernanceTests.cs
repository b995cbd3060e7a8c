using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Scorecards;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Merchants;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>A store's penalties and assessments over HTTP: its own to read, with every point's cause; the ranking is the platform's.</summary>
public sealed class GovernanceTests : IDisposable
{
    private readonly ApiFactory _api = new();

    /// <summary>The seller lets its response window pass: the store reads the point, the case and the event that caused it.</summary>
    [Fact]
    public async Task AStore_SeesItsPointsWithTheirCauses_AndNoOtherPartyReadsThem()
    {
        var dispute = await OpenAsync(_api, "o-gov-1");
        using var platform = _api.As(Roles.Platform, "platform");
        (await platform.PostJsonAsync("/api/v1/test-clock/advance", new AdvanceTestClock(To: dispute.Deadline!.DueAt.AddMinutes(1))))
            .StatusCode.Should().Be(HttpStatusCode.OK);
        using var seller = _api.As(Roles.Seller, Flagship);

        var response = await seller.GetAsync($"/api/v1/stores/{Flagship}/penalties");

        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var record = (await response.ReadAsync<StorePenaltyRecord>())!;
        record.ActivePoints.Should().Be(PenaltyRules.Default.ResponseDeadlineMissed);
        var entry = record.Penalties.Should().ContainSingle().Subject;
        entry.Active.Should().BeTrue();
        entry.Penalty.Should().BeEquivalentTo(new { DisputeId = dispute.Id, Sequence = 2, Cause = PenaltyCause.ResponseDeadlineMissed, StoreId = Flagship });
        entry.Penalty.Reason.Should().Be("The seller response window passed without the seller's answer.");
        var theCase = (await (await seller.GetAsync($"/api/v1/disputes/{dispute.Id}")).ReadAsync<DisputeResponse>())!;
        theCase.Penalties.Should().ContainSingle().Which.Should().BeEquivalentTo(entry.Penalty, "the case shows the point it caused");

        using var otherStore = _api.As(Roles.Seller, Reseller);
        using var buyer = _api.As(Roles.Buyer, Ana);
        (await otherStore.GetAsync($"/api/v1/stores/{Flagship}/penalties")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await buyer.GetAsync($"/api/v1/stores/{Flagship}/penalties")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await otherStore.GetAsync($"/api/v1/stores/{Flagship}/assessments")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await platform.GetAsync($"/api/v1/stores/{Flagship}/penalties")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>Before any period is assessed the ranking is empty; a period that is neither a month nor a week is refused.</summary>
    [Fact]
    public async Task TheRanking_IsForThePlatformAndArbitrators_AndTakesAMonthOrAWeek()
    {
        using var platform = _api.As(Roles.Platform, "platform");
        using var seller = _api.As(Roles.Seller, Flagship);

        var latest = await platform.GetAsync("/api/v1/assessments");
        var week = await platform.GetAsync("/api/v1/assessments?period=2026-W10");
        var wrong = await platform.GetAsync("/api/v1/assessments?period=March");

        latest.StatusCode.Should().Be(HttpStatusCode.OK);
        (await latest.ReadAsync<List<StoreAssessment>>()).Should().BeEmpty();
        week.StatusCode.Should().Be(HttpStatusCode.OK);
        wrong.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await wrong.Content.ReadAsStringAsync()).Should().Contain("A period is a month (2026-11) or an ISO week (2026-W47).");
        (await seller.GetAsync("/api/v1/assessments")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
        (await seller.GetAsync($"/api/v1/stores/{Flagship}/assessments")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>
    /// Two open cases, one ruled in arbitration by arb-lee: the service levels show the backlog by state and age, the
    /// arbitrator's workload and the time to ruling, and the current standings count the store's two requests.
    /// </summary>
    [Fact]
    public async Task TheServiceLevels_AndTheCurrentStandings_ShowTheOpenCases()
    {
        await OpenAsync(_api, "o-sla-1");
        var ruled = await OpenAsync(_api, "o-sla-2");
        await ActAsync(_api, Roles.Seller, Flagship, ruled.Id, "reject", new RejectionReason("no-fault-found"));
        await ActAsync(_api, Roles.Buyer, Ana, ruled.Id, "escalation", new EscalationRequest("It is broken"));
        await ActAsync(_api, Roles.Arbitrator, "arb-lee", ruled.Id, "assignment");
        await ActAsync(_api, Roles.Buyer, Ana, ruled.Id, "evidence", new EvidenceSubmission("It reboots", []));
        await ActAsync(_api, Roles.Seller, Flagship, ruled.Id, "evidence", new EvidenceSubmission("Works here", []));
        await ActAsync(_api, Roles.Arbitrator, "arb-lee", ruled.Id, "ruling", new RulingTerms(RulingOutcome.ClaimRejected, Rationale: "No fault shown"));
        using var platform = _api.As(Roles.Platform, "platform");

        var report = (await (await platform.GetAsync("/api/v1/service-levels")).ReadAsync<ServiceLevelReport>())!;
        var standings = (await (await platform.GetAsync("/api/v1/assessments/current")).ReadAsync<List<StoreAssessment>>())!;

        report.Backlog.Select(b => (b.State, b.UnderOneDay, b.Total)).Should().Equal(
            (DisputeState.AwaitingSellerResponse, 1, 1), (DisputeState.RulingIssued, 1, 1));
        report.Workload.Should().Equal(new ArbitratorWorkload("arb-lee", 1));
        report.RulingsCounted.Should().Be(1);
        report.MedianTimeToRuling.Should().BeLessThan(TimeSpan.FromMinutes(1));
        report.NearDeadline.Should().BeEmpty("no deadline falls due within a day");
        standings.Should().ContainSingle(a => a.StoreId == Flagship).Which.Figures.Requests.Should().Be(2);
        using var seller = _api.As(Roles.Seller, Flagship);
        (await seller.GetAsync("/api/v1/service-levels")).StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    public void Dispose() => _api.Dispose();
}
