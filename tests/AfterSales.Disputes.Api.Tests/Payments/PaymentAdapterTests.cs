using System.Net;
using System.Text;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Api.Tests.Payments;

/// <summary>
/// The HTTP payment adapter against a payment service on loopback, with the host as a process: signed, idempotent
/// calls, a retry after a failed attempt, and the service's signed callbacks recorded once.
/// </summary>
public sealed class PaymentAdapterTests
{
    /// <summary>
    /// The acceptance journey: the seller approves a refund; the service fails the first call (503), the adapter
    /// tries again with the same key, the service accepts the refund as pending, pays it once and calls back twice;
    /// the first callback closes the case, the duplicate changes nothing.
    /// </summary>
    [Fact]
    public async Task ARefund_CompletesThroughTheAdapter_AfterAFailedFirstAttempt_AndADuplicateCallbackPaysOnce()
    {
        await using var payments = await TestPaymentService.StartAsync();
        payments.FailNextCalls = 1;
        await using var host = await StartHostAsync(payments);
        var disputeId = await ApprovedRefundAsync(host, "o-pay-1");

        var closed = await WaitForAsync(host, disputeId, DisputeState.Closed);

        payments.Payouts.Should().ContainSingle().Which.Value.Should().Be(1, "the refund id keys the payment: a second call pays nothing more");
        var refundId = payments.Payouts.Single().Key;
        payments.Calls.Should().Equal($"POST /refunds (signature ok) {refundId}", $"POST /refunds (signature ok) {refundId}");
        await EventuallyAsync(() => payments.CallbackAnswers.Count == 2);
        payments.CallbackAnswers.Select(a => (a.Status, a.Body)).Should().Equal(
            (200, "{\"outcome\":\"recorded\"}"), (200, "{\"outcome\":\"already-recorded\"}"));
        closed.Refund!.GatewayReference.Should().Be("pay-" + refundId);
        using var buyer = await host.ClientAsync(Roles.Buyer, World.Ana);
        var timeline = (await (await buyer.GetAsync($"/api/v1/disputes/{disputeId}/timeline")).ReadAsync<List<DisputeEvent>>())!;
        timeline.Should().ContainSingle(e => e.Action == DisputeAction.RecordRefundSuccess);
    }

    /// <summary>A service that never calls back: the adapter polls the pending refund's status, signed, and records it paid.</summary>
    [Fact]
    public async Task APendingRefund_IsPolled_UntilItIsPaid()
    {
        await using var payments = await TestPaymentService.StartAsync();
        payments.CallbacksPerPayment = 0;
        await using var host = await StartHostAsync(payments, pollFor: "00:00:05");
        var disputeId = await ApprovedRefundAsync(host, "o-pay-3");

        var closed = await WaitForAsync(host, disputeId, DisputeState.Closed);

        var refundId = payments.Payouts.Should().ContainSingle().Which.Key;
        payments.Calls.Should().StartWith($"POST /refunds (signature ok) {refundId}")
            .And.Contain($"GET /refunds/{refundId} (signature ok)").And.OnlyContain(call => call.Contains("(signature ok)", StringComparison.Ordinal));
        closed.Refund!.GatewayReference.Should().Be("pay-" + refundId);
    }

    /// <summary>A callback that is not signed with the service's secret is refused and records nothing.</summary>
    [Fact]
    public async Task AnUnsignedCallback_IsRefused_AndChangesNothing()
    {
        await using var payments = await TestPaymentService.StartAsync();
        payments.CallbacksPerPayment = 0; // the service never calls back: only the forged callback does
        await using var host = await StartHostAsync(payments);
        var disputeId = await ApprovedRefundAsync(host, "o-pay-2");
        await EventuallyAsync(() => payments.Payouts.Count == 1);
        var refundId = payments.Payouts.Single().Key;
        var forged = $$"""{"kind":"Refund","paymentId":"{{refundId}}","disputeId":"{{disputeId}}","status":"Failed","failure":"forged"}""";
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/payments/callbacks") { Content = new StringContent(forged, Encoding.UTF8, "application/json") };
        request.Headers.Add("webhook-id", "forged");
        request.Headers.Add("webhook-timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", "v1,bm90IGEgc2lnbmF0dXJl");

        using var answer = await http.SendAsync(request);

        answer.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
        (await host.GetAsync(Roles.Buyer, World.Ana, disputeId)).State.Should().Be(DisputeState.Refunding, "the refund waits for its real answer");
    }

    private static async Task<HostProcess> StartHostAsync(TestPaymentService payments, string pollFor = "00:00:00")
    {
        var port = HostProcess.FreePort();
        var host = HostProcess.CreateOnPort(port,
            ("AfterSales__Payments__BaseUrl", payments.Url),
            ("AfterSales__Payments__Secret", payments.Secret),
            ("AfterSales__Payments__CallbackUrl", $"http://127.0.0.1:{port}/api/v1/payments/callbacks"),
            ("AfterSales__Payments__PollFor", pollFor)); // by default no polling: the end is left to the callback
        await host.LaunchAsync();
        return host;
    }

    // A refund-only request on an order not shipped yet, approved by the store: the refund goes to the payment service.
    private static async Task<string> ApprovedRefundAsync(HostProcess host, string orderId)
    {
        using var platform = await host.ClientAsync(Roles.Platform, "platform");
        (await platform.PostJsonAsync("/api/v1/orders", World.Router(orderId) with { ShippedAt = null, DeliveredAt = null }))
            .StatusCode.Should().Be(HttpStatusCode.Created);
        using var buyer = await host.ClientAsync(Roles.Buyer, World.Ana);
        var opened = await World.OpenAsync(buyer, new OpenDisputeBody(orderId, "line-1", RequestKind.RefundOnly, RequestReason.NotShipped,
            "Not shipped after a week", World.Yuan(399)));
        await host.ActAsync(Roles.Seller, World.Flagship, opened.Id, "approve");
        return opened.Id;
    }

    private static async Task<DisputeResponse> WaitForAsync(HostProcess host, string disputeId, DisputeState state)
    {
        DisputeResponse dispute;
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((dispute = await host.GetAsync(Roles.Buyer, World.Ana, disputeId)).State != state && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        dispute.State.Should().Be(state, "the worker sends the refund and the callback records it within seconds");
        return dispute;
    }

    private static async Task EventuallyAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!condition() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
        }

        condition().Should().BeTrue("within thirty seconds");
    }
}
