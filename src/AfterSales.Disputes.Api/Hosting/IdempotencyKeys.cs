using System.Security.Cryptography;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application.Ports;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// <c>Idempotency-Key</c> on every POST: the first request with a key runs and its answer (status, body,
/// Location, ETag) is kept for 24 hours per caller; the same key with the same body replays that answer; the
/// same key with another body is refused (422); while the first is still running, a duplicate gets 409.
/// Server errors are not kept, so a retry after one runs again.
/// </summary>
internal sealed class IdempotencyKeys(RequestDelegate next)
{
    public const string Header = "Idempotency-Key";

    public async Task InvokeAsync(HttpContext context, IIdempotencyStore store, TimeProvider time)
    {
        var key = context.Request.Headers[Header].ToString();
        if (!HttpMethods.IsPost(context.Request.Method) || key.Length == 0 || context.User.Identity?.IsAuthenticated != true)
        {
            await next(context);
            return;
        }

        if (key.Length > 255)
        {
            await ApiProblems.Problem(StatusCodes.Status400BadRequest, "invalid-idempotency-key", "Invalid Idempotency-Key",
                "An Idempotency-Key has 1 to 255 characters.").ExecuteAsync(context);
            return;
        }

        var caller = Caller.From(context.User);
        var scope = $"{caller.Role}:{caller.PartyId}";
        var hash = await HashAsync(context.Request, context.RequestAborted);
        var (state, stored) = await store.BeginAsync(scope, key, hash, time.GetUtcNow(), context.RequestAborted);
        switch (state)
        {
            case IdempotencyState.Replay:
                await ReplayAsync(context.Response, stored!);
                return;
            case IdempotencyState.Mismatch:
                await ApiProblems.Problem(StatusCodes.Status422UnprocessableEntity, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was used with a different request.").ExecuteAsync(context);
                return;
            case IdempotencyState.InProgress:
                await ApiProblems.Problem(StatusCodes.Status409Conflict, "idempotency-key-in-use", "Request in progress",
                    "A request with this Idempotency-Key is still being handled; retry in a moment.").ExecuteAsync(context);
                return;
        }

        var original = context.Response.Body;
        using var captured = new MemoryStream();
        context.Response.Body = captured;
        try
        {
            await next(context);
        }
        catch
        {
            await store.AbandonAsync(scope, key, CancellationToken.None);
            throw;
        }
        finally
        {
            context.Response.Body = original;
        }

        var response = context.Response;
        if (response.StatusCode >= 500)
        {
            await store.AbandonAsync(scope, key, CancellationToken.None);
        }
        else
        {
            await store.CompleteAsync(scope, key, new StoredResponse(response.StatusCode, response.ContentType, captured.ToArray(),
                response.Headers.Location.ToString() is { Length: > 0 } location ? location : null,
                response.Headers.ETag.ToString() is { Length: > 0 } etag ? etag : null), CancellationToken.None);
        }

        captured.Position = 0;
        await captured.CopyToAsync(original, context.RequestAborted);
    }

    /// <summary>The request's identity for its key: method, path and body.</summary>
    internal static string RequestHash(string method, string path, ReadOnlySpan<byte> body)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(System.Text.Encoding.UTF8.GetBytes($"{method} {path}\n"));
        hash.AppendData(body);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // Reads the body (already bounded by the route's size limit) and rewinds it for the endpoint.
    private static async Task<string> HashAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        request.EnableBuffering();
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        request.Body.Position = 0;
        return RequestHash(request.Method, request.Path, body.ToArray());
    }

    private static async Task ReplayAsync(HttpResponse response, StoredResponse stored)
    {
        response.StatusCode = stored.StatusCode;
        response.ContentType = stored.ContentType;
        if (stored.Location is { } location)
        {
            response.Headers.Location = location;
        }

        if (stored.ETag is { } etag)
        {
            response.Headers.ETag = etag;
        }

        response.Headers["Idempotent-Replayed"] = "true";
        await response.Body.WriteAsync(stored.Body);
    }
}
