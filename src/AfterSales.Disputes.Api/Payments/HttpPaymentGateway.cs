using System.Text;
using System.Text.Json;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Application.Payments;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Webhooks;
using AfterSales.Disputes.Money;

namespace AfterSales.Disputes.Api.Payments;

/// <summary>
/// Refunds and charges through the platform's payment service over HTTP (<c>AfterSales:Payments</c>): each a POST
/// signed by the Standard Webhooks scheme with the shared secret and keyed by the payment id (<c>Idempotency-Key</c>),
/// so a retry, by this client or by the engine, never pays twice. The service answers the payment's status at once
/// (succeeded, failed) or later (pending): a pending payment's status is polled for a few seconds, then its signed
/// callback (<see cref="PaymentCallbackEndpoints"/>) or the engine's next attempt with the same id finds its end.
/// Timeouts and retries per attempt come from the settings, through the resilience handler the host puts on its client.
/// </summary>
internal sealed partial class HttpPaymentGateway : IRefundGateway, IPaymentGateway
{
    /// <summary>The named HTTP client the gateway uses.</summary>
    public const string ClientName = "payments";

    private readonly HttpClient _http;
    private readonly ApiOptions.PaymentOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<HttpPaymentGateway> _logger;
    private readonly JsonSerializerOptions _json;

    public HttpPaymentGateway(IHttpClientFactory clients, ApiOptions options, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        ILogger<HttpPaymentGateway> logger)
    {
        _http = clients.CreateClient(ClientName);
        _options = options.Payments;
        _time = TimeProvider.System; // signatures are checked against the payment service's real clock, whatever a test clock says
        _logger = logger;
        _json = json.Value.SerializerOptions; // the API's own JSON, whose metadata is built once
    }

    public async Task<RefundOutcome> RefundAsync(RefundOrder refund, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(refund);
        var kind = refund.Purpose == RefundPurpose.RepairFee ? PaymentKind.RepairFeeRefund : PaymentKind.Refund;
        var status = await PayAsync("refunds", new PaymentRequest(kind, refund.RefundId, refund.DisputeId, refund.Amount, refund.Attempt,
            _options.CallbackUrl, OrderId: refund.OrderId), cancellationToken).ConfigureAwait(false);
        return status.Status switch
        {
            PaymentState.Succeeded => RefundOutcome.Paid(status.Reference ?? refund.RefundId),
            PaymentState.Pending => RefundOutcome.Accepted(status.Reference),
            _ => RefundOutcome.Failed(status.Failure ?? "The payment service failed the refund."),
        };
    }

    public async Task<ChargeOutcome> ChargeAsync(ChargeOrder charge, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(charge);
        var status = await PayAsync("charges", new PaymentRequest(PaymentKind.Charge, charge.ChargeId, charge.DisputeId, charge.Amount, charge.Attempt,
            _options.CallbackUrl, BuyerId: charge.BuyerId, Reason: charge.Reason), cancellationToken).ConfigureAwait(false);
        return status.Status switch
        {
            PaymentState.Succeeded => ChargeOutcome.Charged(status.Reference ?? charge.ChargeId),
            PaymentState.Pending => ChargeOutcome.Accepted(status.Reference),
            _ => ChargeOutcome.Failed(status.Failure ?? "The payment service failed the charge."),
        };
    }

    private async Task<PaymentStatus> PayAsync(string collection, PaymentRequest payment, CancellationToken cancellationToken)
    {
        var (status, _) = await SendAsync(HttpMethod.Post, collection, payment.PaymentId, JsonSerializer.Serialize(payment, _json), cancellationToken).ConfigureAwait(false);
        var polling = _time.GetUtcNow() + _options.PollFor;
        for (var wait = TimeSpan.FromMilliseconds(250); status.Status == PaymentState.Pending && _time.GetUtcNow() + wait <= polling; wait *= 2)
        {
            await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            var (polled, answered) = await SendAsync(HttpMethod.Get, $"{collection}/{Uri.EscapeDataString(payment.PaymentId)}", payment.PaymentId, "",
                cancellationToken).ConfigureAwait(false);
            if (!answered)
            {
                break; // a poll that got no answer says nothing of the payment: it stays pending, for the callback to end
            }

            status = polled;
        }

        return status;
    }

    // One signed call: the resilience handler retries it on 5xx, 408, 429, timeouts and refused connections; what is still
    // a failure after that (not answered) is a failed attempt the engine retries later with the same id.
    private async Task<(PaymentStatus Status, bool Answered)> SendAsync(HttpMethod method, string path, string paymentId, string body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, path);
        if (method == HttpMethod.Post)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            request.Headers.Add("Idempotency-Key", paymentId);
        }

        var now = _time.GetUtcNow();
        request.Headers.Add(WebhookSignature.IdHeader, paymentId);
        request.Headers.Add(WebhookSignature.TimestampHeader, WebhookSignature.Timestamp(now));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign([_options.Secret!], paymentId, now, body));
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                var said = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
                return (PaymentStatus.Failed($"The payment service answered {(int)response.StatusCode} {response.ReasonPhrase}: {Cut(said)}"), false);
            }

            return await response.Content.ReadFromJsonAsync<PaymentStatus>(_json, cancellationToken).ConfigureAwait(false) is { } status
                ? (status, true)
                : (PaymentStatus.Failed("The payment service answered no status."), false);
        }
        catch (Exception unreachable) when (unreachable is HttpRequestException or JsonException or NotSupportedException or Polly.Timeout.TimeoutRejectedException
            || (unreachable is OperationCanceledException && !cancellationToken.IsCancellationRequested)) // the client's own timeout
        {
            LogUnreachable(unreachable, method.Method, path);
            return (PaymentStatus.Failed($"The payment service did not answer: {unreachable.Message}"), false);
        }
    }

    private static string Cut(string text) => text.Length <= 300 ? text : text[..300];

    [LoggerMessage(Level = LogLevel.Warning, Message = "The payment service did not answer {Method} {Path}; the engine tries again later with the same id")]
    private partial void LogUnreachable(Exception failure, string method, string path);
}

/// <summary>What the host asks the payment service for (the body of <c>POST /refunds</c> and <c>POST /charges</c>).</summary>
/// <param name="Kind">What it pays: a dispute's refund, a repair fee paid back, or a charge to the buyer.</param>
/// <param name="PaymentId">The refund or charge id: the idempotency key, the same on every attempt.</param>
/// <param name="DisputeId">The dispute, which the callback names again.</param>
/// <param name="Amount">How much.</param>
/// <param name="Attempt">1 for the first attempt, then one more per retry by the engine.</param>
/// <param name="CallbackUrl">Where to send the signed answer of a payment that ends later.</param>
/// <param name="OrderId">The order refunded (refunds).</param>
/// <param name="BuyerId">The buyer charged (charges).</param>
/// <param name="Reason">What a charge pays for, for the buyer's statement.</param>
internal sealed record PaymentRequest(PaymentKind Kind, string PaymentId, string DisputeId, Amount Amount, int Attempt, Uri? CallbackUrl,
    string? OrderId = null, string? BuyerId = null, string? Reason = null);

/// <summary>Where a payment stands.</summary>
internal enum PaymentState
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>The payment service's answer to a request or a status poll.</summary>
/// <param name="Status">Pending, succeeded or failed.</param>
/// <param name="Reference">The service's reference.</param>
/// <param name="Failure">Why it failed.</param>
internal sealed record PaymentStatus(PaymentState Status, string? Reference = null, string? Failure = null)
{
    public static PaymentStatus Failed(string failure) => new(PaymentState.Failed, null, failure);
}
