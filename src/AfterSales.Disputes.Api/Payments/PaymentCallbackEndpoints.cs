using System.Text.Json;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Payments;
using AfterSales.Disputes.Application.Webhooks;
using MediatR;

namespace AfterSales.Disputes.Api.Payments;

/// <summary>
/// Where the platform's payment service tells the host how a refund or charge it accepted ended. The call carries no
/// bearer token: it is signed, by the Standard Webhooks scheme, with the secret the host signs its own calls with
/// (<c>AfterSales:Payments:Secret</c>), and a stale or unsigned one is refused. Each answer is recorded on its dispute
/// once; a duplicate finds the dispute past that payment and is answered as recorded, so the service may retry freely.
/// It is the payment service's protocol, not a route for the API's callers: it is left out of the OpenAPI document and
/// described in the README (Payments).
/// </summary>
internal static class PaymentCallbackEndpoints
{
    public const string Path = "/payments/callbacks";

    public static void MapPaymentCallbackEndpoints(this RouteGroupBuilder api) =>
        api.MapPost(Path, async (HttpRequest request, ApiOptions options, Microsoft.Extensions.Options.IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
            IMediator mediator, CancellationToken cancellationToken) =>
        {
            if (options.Payments.BaseUrl is null)
            {
                return ApiProblems.NotFound("A payment service for this host");
            }

            using var reader = new StreamReader(request.Body);
            var body = await reader.ReadToEndAsync(cancellationToken);
            var headers = request.Headers;
            if (!WebhookSignature.Verify(options.Payments.Secret!, headers[WebhookSignature.IdHeader], headers[WebhookSignature.TimestampHeader],
                    headers[WebhookSignature.SignatureHeader], body, DateTimeOffset.UtcNow, options.Payments.CallbackTolerance))
            {
                return ApiProblems.Problem(StatusCodes.Status401Unauthorized, "unsigned-callback", "Unsigned callback",
                    "A payment callback is signed with the payment service's secret (webhook-id, webhook-timestamp, webhook-signature) and recent.");
            }

            PaymentCallback? callback;
            try
            {
                callback = JsonSerializer.Deserialize<PaymentCallback>(body, json.Value.SerializerOptions);
            }
            catch (JsonException malformed)
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "malformed-request", "Malformed callback", malformed.Message);
            }

            if (callback is null || callback.Status == PaymentState.Pending)
            {
                return ApiProblems.Problem(StatusCodes.Status400BadRequest, "malformed-request", "Malformed callback",
                    "A callback says how a payment ended: status succeeded or failed.");
            }

            var answer = await mediator.Send(new RecordPaymentAnswer(callback.DisputeId, callback.Kind, callback.PaymentId,
                callback.Status == PaymentState.Succeeded, callback.Reference, callback.Failure), cancellationToken);
            return answer switch
            {
                PaymentAnswer.NotFound => ApiProblems.NotFound("The dispute"),
                PaymentAnswer.Conflict => ApiProblems.Problem(StatusCodes.Status409Conflict, "concurrent-update", "Concurrent update",
                    "The dispute changed at the same moment; send the callback again."),
                _ => (IResult)TypedResults.Ok(new PaymentCallbackAnswer(answer == PaymentAnswer.Recorded ? "recorded" : "already-recorded")),
            };
        }).AllowAnonymous().ExcludeFromDescription();
}

/// <summary>The payment service's callback: how a payment it accepted ended.</summary>
/// <param name="Kind">What it paid, as the request said.</param>
/// <param name="PaymentId">The refund or charge id of the request.</param>
/// <param name="DisputeId">The dispute of the request.</param>
/// <param name="Status">Succeeded or failed.</param>
/// <param name="Reference">The service's reference.</param>
/// <param name="Failure">Why it failed.</param>
internal sealed record PaymentCallback(PaymentKind Kind, string PaymentId, string DisputeId, PaymentState Status, string? Reference = null, string? Failure = null);

/// <summary>What the host did with a callback: <c>recorded</c>, or <c>already-recorded</c> (a duplicate or a payment the dispute is past).</summary>
/// <param name="Outcome">recorded or already-recorded.</param>
internal sealed record PaymentCallbackAnswer(string Outcome);
