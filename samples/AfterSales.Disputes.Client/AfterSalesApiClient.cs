using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace AfterSales.Disputes.Client;

/// <summary>
/// The client NSwag generates from the API's OpenAPI document (obj/AfterSalesApiClient.g.cs), with what the
/// generator leaves out: members left null are left out (the host applies its defaults), and enums are read and
/// written by name wherever they are (the generator marks single members only, not lists of them).
/// </summary>
public partial class AfterSalesApiClient
{
    // The host refuses null where a member is not nullable; a member the caller did not set means "the default".
    static partial void UpdateJsonSerializerSettings(JsonSerializerOptions settings)
    {
        settings.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        settings.Converters.Add(new JsonStringEnumConverter());
    }
}

/// <summary>What the generated models leave to the caller.</summary>
public static class DisputeResponseExtensions
{
    /// <summary>The dispute's ETag as the host sends it, for the <c>If-Match</c> of the next action.</summary>
    public static string ETag(this DisputeResponse dispute)
    {
        ArgumentNullException.ThrowIfNull(dispute);
        return string.Create(CultureInfo.InvariantCulture, $"\"{dispute.Version}\"");
    }
}
