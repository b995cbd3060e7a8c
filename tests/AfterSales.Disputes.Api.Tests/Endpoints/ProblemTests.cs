using System.Net;
using System.Net.Http.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using Microsoft.AspNetCore.Mvc;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>Every error is RFC 9457 problem details with a precise status, and leaves stored state as it was.</summary>
public class ProblemTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public ProblemTests(ApiFactory api) => _api = api;

    private async Task<(DisputeResponse Dispute, HttpClient Seller)> OpenAsync(string orderId)
    {
        var dispute = await World.OpenAsync(_api, orderId);
        return (dispute, _api.As(Roles.Seller, Flagship));
    }

    private async Task ShouldBeUnchangedAsync(DisputeResponse before) =>
        (await GetAsync(_api, Roles.Buyer, before.BuyerId, before.Id)).Should().BeEquivalentTo(before, o => o.Excluding(d => d.AllowedActions));

    private static async Task<ProblemDetails> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        response.StatusCode.Should().Be(status, await response.Content.ReadAsStringAsync());
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        return (await response.ReadAsync<ProblemDetails>())!;
    }

    [Fact]
    public async Task AnInvalidRequest_Gets400WithTheFieldErrors()
    {
        using var platform = _api.As(Roles.Platform, "platform");

        var response = await platform.PostJsonAsync("/api/v1/orders", Router("o-invalid") with { Lines = [] });

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Type.Should().Be("/problems/validation");
        problem.Extensions["errors"]!.ToString().Should().Contain("An order needs at least one line.");
    }

    /// <summary>Each error names the member by its path, as the OpenAPI document does, and never a .NET type.</summary>
    [Theory]
    [InlineData("""{"reasonCode":"no-fault","extra":true}""", """{"extra":["Is not a member of this body."]}""")]
    [InlineData("""{"reasonCode":42}""", """{"reasonCode":["Has the wrong type, or is not one of the allowed values."]}""")]
    [InlineData("""{"note":"no code"}""", """{"reasonCode":["Is required."]}""")]
    [InlineData("""{"reasonCode":null}""", """{"reasonCode":["May not be null."]}""")]
    [InlineData("""{"reasonCode":""", """{"reasonCode":["Is not valid JSON for this member."]}""")]
    public async Task MalformedJson_UnknownPropertiesAndMissingFields_Get400NamingTheMember_AndChangeNothing(string json, string errors)
    {
        var (dispute, seller) = await OpenAsync("o-json-" + Math.Abs(json.GetHashCode(StringComparison.Ordinal)));

        var response = await seller.PostRawAsync($"/api/v1/disputes/{dispute.Id}/reject", json, "\"1\"");

        var problem = await ProblemAsync(response, HttpStatusCode.BadRequest);
        problem.Type.Should().Be("/problems/validation");
        problem.Extensions["errors"]!.ToString().Should().Be(errors);
        response.Headers.GetValues("X-Content-Type-Options").Should().Equal(["nosniff"], "a problem written by the exception handler keeps the headers of every answer");
        await ShouldBeUnchangedAsync(dispute);
    }

    [Fact]
    public async Task AMemberOutOfItsBounds_Gets400NamingIt_AndChangesNothing()
    {
        var (dispute, seller) = await OpenAsync("o-bounds");
        var longNote = $$"""{"reasonCode":"used","note":"{{new string('x', 4001)}}"}""";

        var tooLong = await seller.PostRawAsync($"/api/v1/disputes/{dispute.Id}/reject", longNote, "\"1\"");
        var longId = await seller.PostRawAsync($"/api/v1/disputes/{new string('d', 65)}/reject", """{"reasonCode":"used"}""", "\"1\"");

        (await ProblemAsync(tooLong, HttpStatusCode.BadRequest)).Extensions["errors"]!.ToString().Should().Be("""{"note":["Has at most 4000 characters."]}""");
        (await ProblemAsync(longId, HttpStatusCode.BadRequest)).Extensions["errors"]!.ToString().Should().Be("""{"disputeId":["Has at most 64 characters."]}""");
        await ShouldBeUnchangedAsync(dispute);
    }

    [Fact]
    public async Task AnIllegalActionInThisState_Gets409ListingTheAllowedActions()
    {
        var (dispute, seller) = await OpenAsync("o-illegal");

        var response = await seller.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/receipt", new ConditionReport(Policies.ConditionIssue.None, []), "\"1\"");

        var problem = await ProblemAsync(response, HttpStatusCode.Conflict);
        problem.Type.Should().Be("/problems/not-allowed");
        problem.Detail.Should().Be("ConfirmReceipt is not permitted in state AwaitingSellerResponse.");
        problem.Extensions["allowedActions"]!.ToString().Should().Be("""["Approve","Reject","ProposeOffer","SendMessage"]""");
        await ShouldBeUnchangedAsync(dispute);
    }

    [Fact]
    public async Task AnOverRefund_Gets422()
    {
        var (dispute, seller) = await OpenAsync("o-over");

        var response = await seller.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/offers", new OfferTerms(Remedy.RefundKeepItem, Yuan(1000), "Keep it"), "\"1\"");

        (await ProblemAsync(response, (HttpStatusCode)422)).Type.Should().Be("/problems/over-refund");
        await ShouldBeUnchangedAsync(dispute);
    }

    [Fact]
    public async Task AStaleIfMatch_Gets412_AndAMissingOne428()
    {
        var (dispute, seller) = await OpenAsync("o-etag");

        var stale = await seller.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/approve", new { }, "\"7\"");
        var missing = await seller.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/approve", new { });

        (await ProblemAsync(stale, HttpStatusCode.PreconditionFailed)).Extensions["currentVersion"]!.ToString().Should().Be("1");
        await ProblemAsync(missing, HttpStatusCode.PreconditionRequired);
        await ShouldBeUnchangedAsync(dispute);
    }

    [Fact]
    public async Task ABodyOverTheLimit_Gets413()
    {
        var (dispute, seller) = await OpenAsync("o-large");

        var response = await seller.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/messages", new MessageText(new string('x', 2 * 1024 * 1024)), "\"1\"");

        await ProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        await ShouldBeUnchangedAsync(dispute);
    }

    [Fact]
    public async Task TooManyRequests_Get429WithRetryAfter()
    {
        using var limited = new ApiFactory { Settings = [("AfterSales:RateLimit:PermitsPerMinute", "3")] };
        using var client = limited.As(Roles.Buyer, Ana);
        if (DateTimeOffset.UtcNow.Second >= 50)
        {
            // The limit counts per clock minute: start well inside one, so that the four requests share it.
            await Task.Delay(TimeSpan.FromSeconds(61 - DateTimeOffset.UtcNow.Second));
        }

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 4; i++)
        {
            responses.Add(await client.GetAsync("/api/v1/disputes"));
        }

        responses.Take(3).Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK);
        (await ProblemAsync(responses[3], HttpStatusCode.TooManyRequests)).Type.Should().Be("/problems/rate-limited");
        int.Parse(responses[3].Headers.RetryAfter!.ToString(), System.Globalization.CultureInfo.InvariantCulture).Should().BePositive();
    }

    [Fact]
    public async Task UnknownDisputesAndRoutes_Get404ProblemDetails()
    {
        using var buyer = _api.As(Roles.Buyer, Ana);

        (await ProblemAsync(await buyer.GetAsync("/api/v1/disputes/nope"), HttpStatusCode.NotFound)).Type.Should().Be("/problems/not-found");
        (await buyer.GetAsync("/api/v1/nothing-here")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AnInvalidDetail_IsA400FromTheDomain_WithNothingChanged()
    {
        var (dispute, seller) = await OpenAsync("o-blank");

        var response = await seller.PostJsonAsync($"/api/v1/disputes/{dispute.Id}/reject", new RejectionReason(" "), "\"1\"");

        (await ProblemAsync(response, HttpStatusCode.BadRequest)).Detail.Should().Be("A rejection needs a reason code.");
        await ShouldBeUnchangedAsync(dispute);
        (await seller.GetFromJsonAsync<DisputeResponse>($"/api/v1/disputes/{dispute.Id}", ApiJson.Options))!.Version.Should().Be(1);
    }
}
