using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>
/// A client that polls a case sends the ETag it holds in <c>If-None-Match</c>: while nothing happened to the case
/// (no event, no deadline fallen due) the answer is 304 without a body; otherwise the case as it now is.
/// </summary>
public sealed class ConditionalReadTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public ConditionalReadTests(ApiFactory api) => _api = api;

    private static async Task<HttpResponseMessage> ReadAsync(HttpClient client, string disputeId, params string[] ifNoneMatch)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/disputes/{disputeId}");
        foreach (var tag in ifNoneMatch)
        {
            request.Headers.TryAddWithoutValidation("If-None-Match", tag);
        }

        return await client.SendAsync(request);
    }

    [Fact]
    public async Task AnUnchangedCase_Answers304WithoutABody_AndItsETag()
    {
        var dispute = await World.OpenAsync(_api, "o-304-unchanged");
        using var seller = _api.As(Roles.Seller, Flagship);

        using var response = await ReadAsync(seller, dispute.Id, "\"1\"");

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
        (await response.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
        response.Headers.ETag!.Tag.Should().Be("\"1\"");
        response.Headers.CacheControl!.NoStore.Should().BeTrue("a browser's cache would mix callers and languages under one version");
    }

    [Theory]
    [InlineData("W/\"1\"")]
    [InlineData("*")]
    [InlineData("\"9\"", "\"1\"")]
    public async Task TheWeakFormAnyVersionOrAListHoldingTheVersion_AreUnchangedToo(params string[] ifNoneMatch)
    {
        var dispute = await World.OpenAsync(_api, "o-304-forms-" + Math.Abs(string.Join(",", ifNoneMatch).GetHashCode(StringComparison.Ordinal)));
        using var seller = _api.As(Roles.Seller, Flagship);

        using var response = await ReadAsync(seller, dispute.Id, ifNoneMatch);

        response.StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task ACaseThatChanged_AnswersWhatItIsNow_WithItsNewETag()
    {
        var dispute = await World.OpenAsync(_api, "o-304-changed");
        using var seller = _api.As(Roles.Seller, Flagship);
        await ActAsync(_api, Roles.Seller, Flagship, dispute.Id, "messages", new { text = "We are looking into it" });

        using var response = await ReadAsync(seller, dispute.Id, "\"1\"");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Headers.ETag!.Tag.Should().Be("\"2\"");
        (await response.ReadAsync<Contracts.DisputeResponse>())!.Messages.Should().ContainSingle();
    }

    [Fact]
    public async Task ACaseWhoseDeadlineFellDue_IsAnsweredInFull_BeforeTheDeadlineHasFired()
    {
        // A host of its own whose deadlines fire only when told (no worker), with its test clock moved past the deadline.
        using var api = new ApiFactory { Settings = [("AfterSales:Engine:RunWorkers", "false")] };
        var dispute = await World.OpenAsync(api, "o-304-due");
        using var seller = api.As(Roles.Seller, Flagship);
        api.Services.GetRequiredService<TestClock>().AdvanceTo(dispute.Deadline!.DueAt.AddMinutes(1)).Should().BeTrue();

        using var response = await ReadAsync(seller, dispute.Id, "\"1\"");

        response.StatusCode.Should().Be(HttpStatusCode.OK, "what the caller may do can change once a deadline is due, before the worker fires it");
        response.Headers.ETag!.Tag.Should().Be("\"1\"", "no event yet: the version is the same");
    }

    [Fact]
    public async Task SomeoneElsesCase_IsNotFound_WhateverTheETag()
    {
        var dispute = await World.OpenAsync(_api, "o-304-other");
        using var otherStore = _api.As(Roles.Seller, Reseller);

        using var response = await ReadAsync(otherStore, dispute.Id, "\"1\"");

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, "a 304 would tell a stranger the case exists and its version");
    }
}
