using System.Globalization;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Disputes;
using MediatR;
using Microsoft.Net.Http.Headers;

namespace AfterSales.Disputes.Api.Endpoints;

/// <summary>Small helpers the routes share.</summary>
internal static class Http
{
    public static Caller Caller(this HttpContext http) => Auth.Caller.From(http.User);

    /// <summary>The version in <c>If-Match</c> (<c>"3"</c> or <c>W/"3"</c>), or null when there is none or it is not one of ours.</summary>
    public static int? IfMatchVersion(this HttpRequest request)
    {
        var header = request.Headers[HeaderNames.IfMatch].ToString().Trim();
        if (header.StartsWith("W/", StringComparison.Ordinal))
        {
            header = header[2..];
        }

        return header.Length > 2 && header[0] == '"' && header[^1] == '"'
            && int.TryParse(header.AsSpan(1, header.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var version)
            ? version
            : null;
    }

    public static bool HasIfMatch(this HttpRequest request) => !string.IsNullOrWhiteSpace(request.Headers[HeaderNames.IfMatch]);

    /// <summary>
    /// Whether <c>If-None-Match</c> names <paramref name="version"/> (weak comparison, as RFC 9110 has it for
    /// <c>If-None-Match</c>; <c>*</c> names any version): the caller already holds what it would be answered.
    /// </summary>
    public static bool AlreadyHas(this HttpRequest request, int version)
    {
        var current = new EntityTagHeaderValue(string.Create(CultureInfo.InvariantCulture, $"\"{version}\""));
        return request.GetTypedHeaders().IfNoneMatch.Any(tag => tag.Equals(EntityTagHeaderValue.Any) || tag.Compare(current, useStrongComparison: false));
    }

    public static void SetVersion(this HttpResponse response, int version) =>
        response.Headers.ETag = string.Create(CultureInfo.InvariantCulture, $"\"{version}\"");

    /// <summary>The dispute if it exists and the caller may see it.</summary>
    public static async Task<Dispute?> VisibleDisputeAsync(this IMediator mediator, Caller caller, string disputeId, CancellationToken cancellationToken)
    {
        var dispute = await mediator.Send(new GetDispute(disputeId), cancellationToken);
        return dispute is not null && caller.CanSee(dispute) ? dispute : null;
    }
}
