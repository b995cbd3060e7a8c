using System.Net.Http.Headers;
using System.Text;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Telemetry;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.Application.Webhooks;

/// <summary>
/// Delivers webhook events over HTTP: each attempt is freshly signed; failures are retried with
/// exponential backoff and jitter; after the maximum number of attempts the delivery is dead-lettered
/// (it can be redelivered by hand).
/// </summary>
public sealed class WebhookDeliverer
{
    /// <summary>The name of the <see cref="HttpClient"/> used for deliveries.</summary>
    public const string HttpClientName = "AfterSales.Webhooks";

    private readonly IServiceScopeFactory _scopes;
    private readonly IHttpClientFactory _clients;
    private readonly TimeProvider _time;
    private readonly AfterSalesOptions _options;
    private readonly DisputeTelemetry _telemetry;

    /// <summary>Creates the deliverer.</summary>
    public WebhookDeliverer(IServiceScopeFactory scopes, IHttpClientFactory clients, TimeProvider time, AfterSalesOptions options, DisputeTelemetry telemetry)
    {
        _scopes = scopes;
        _clients = clients;
        _time = time;
        _options = options;
        _telemetry = telemetry;
    }

    /// <summary>
    /// The delay before attempt <paramref name="attempt"/> + 1: the first retry delay doubled per attempt,
    /// capped, then jittered between half and all of it so receivers coming back up are not hit all at once.
    /// </summary>
    public static TimeSpan Backoff(int attempt, TimeSpan first, TimeSpan max, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var exponential = first.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1));
        var capped = Math.Min(exponential, max.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((capped / 2) + (random.NextDouble() * capped / 2));
    }

    /// <summary>
    /// Claims and attempts one batch of due deliveries, all at once (the batch size bounds them); returns how many
    /// were delivered. Sent one after another, a batch to receivers that each take their full timeout would hold
    /// the worker, and with it every deadline of the host, for the sum of those timeouts, and outlast the claim's
    /// lease, so that another host would claim and send them again; at once, a batch takes one timeout at most.
    /// </summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var webhooks = scope.ServiceProvider.GetRequiredService<IWebhookStore>();
        var due = await webhooks.ClaimDueAsync(_time.GetUtcNow(), _options.OutboxBatchSize, _options.ClaimLease, cancellationToken).ConfigureAwait(false);
        if (due.Count == 0)
        {
            return 0;
        }

        using var activity = DisputeTelemetry.Source.StartActivity("webhooks deliver");
        activity?.SetTag("aftersales.webhooks.claimed", due.Count);

        // The store's context serves one call at a time: look up before sending, record after.
        var subscriptions = new Dictionary<string, WebhookSubscription?>();
        foreach (var id in due.Select(d => d.SubscriptionId).Distinct())
        {
            subscriptions[id] = await webhooks.FindSubscriptionAsync(id, cancellationToken).ConfigureAwait(false);
        }

        var outcomes = await Task.WhenAll(due.Select(async delivery =>
        {
            var (statusCode, error) = subscriptions[delivery.SubscriptionId] is { } subscription
                ? await SendAsync(subscription, delivery, cancellationToken).ConfigureAwait(false)
                : (null, "The subscription no longer exists.");
            return (StatusCode: statusCode, Error: error, At: _time.GetUtcNow());
        })).ConfigureAwait(false);

        var delivered = 0;
        for (var i = 0; i < due.Count; i++)
        {
            var (statusCode, error, now) = outcomes[i];
            var attempts = due[i].Attempts + 1;
            var status = error is null ? DeliveryStatus.Delivered
                : attempts >= _options.WebhookMaxAttempts || subscriptions[due[i].SubscriptionId] is null ? DeliveryStatus.DeadLetter
                : DeliveryStatus.Pending;
            var next = now + Backoff(attempts, _options.WebhookFirstRetry, _options.WebhookMaxRetry, Random.Shared);
            await webhooks.RecordAttemptAsync(due[i].Id, status, next, now, statusCode, error, cancellationToken).ConfigureAwait(false);
            if (error is not null)
            {
                _telemetry.WebhookFailed(status == DeliveryStatus.DeadLetter);
            }

            delivered += status == DeliveryStatus.Delivered ? 1 : 0;
        }

        return delivered;
    }

    private async Task<(int? StatusCode, string? Error)> SendAsync(WebhookSubscription subscription, WebhookDelivery delivery, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(delivery.Payload, Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        var signedAt = (_options.WebhookSigningClock ?? _time).GetUtcNow();
        request.Headers.Add(WebhookSignature.IdHeader, delivery.EventId);
        request.Headers.Add(WebhookSignature.TimestampHeader, WebhookSignature.Timestamp(signedAt));
        request.Headers.Add(WebhookSignature.SignatureHeader, WebhookSignature.Sign(subscription.SigningSecrets(_time.GetUtcNow()), delivery.EventId, signedAt, delivery.Payload));
        request.Headers.Add(WebhookSignature.EventTypeHeader, delivery.EventType);
        if (subscription.Url.Scheme != "https" && !_options.WebhookLoopbackAllowed)
        {
            return (null, "The webhook URL is not https.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(_options.WebhookTimeout);
        try
        {
            using var response = await _clients.CreateClient(HttpClientName).SendAsync(request, timeout.Token).ConfigureAwait(false);
            return response.IsSuccessStatusCode
                ? ((int)response.StatusCode, null)
                : ((int)response.StatusCode, $"The receiver answered {(int)response.StatusCode}.");
        }
        catch (Exception exception) when (exception is HttpRequestException || (exception is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return (null, exception is OperationCanceledException ? "The receiver did not answer in time." : exception.Message);
        }
    }
}
