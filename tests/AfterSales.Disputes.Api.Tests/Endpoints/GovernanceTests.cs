using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Scorecards;
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

    public void Dispose() => _api.Dispose();
}
