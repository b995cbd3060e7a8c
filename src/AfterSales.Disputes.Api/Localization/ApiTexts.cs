using System.Globalization;
using System.Resources;

namespace AfterSales.Disputes.Api.Localization;

/// <summary>
/// The API's own texts — problem titles and details, request validation messages — in English (the neutral
/// resources, <c>Localization/ApiTexts.resx</c>) and Simplified Chinese (<c>zh-Hans</c>), in the request's
/// <see cref="CultureInfo.CurrentUICulture"/>, which request localization sets from <c>Accept-Language</c>.
/// The domain's texts (refusals, eligibility, labels) come from <see cref="AfterSales.Disputes.Localization.DisputeTexts"/>.
/// </summary>
internal static class ApiTexts
{
    public static ResourceManager Resources { get; } = new("AfterSales.Disputes.Api.Localization.ApiTexts", typeof(ApiTexts).Assembly);

    /// <summary>The text of <paramref name="key"/>, with its arguments as the invariant culture writes them.</summary>
    public static string Format(string key, params object?[] args) =>
        string.Format(CultureInfo.InvariantCulture,
            Resources.GetString(key, CultureInfo.CurrentUICulture) ?? throw new MissingManifestResourceException($"No API text has the key '{key}'."), args);

    /// <summary>
    /// A fixed English text (a problem's title, a fixed detail, the name of a thing) in the request's language: the
    /// resources hold it under <paramref name="kind"/> and the English, so a call site writes the English once.
    /// Texts with their own values (a store's id) stay as given.
    /// </summary>
    public static string Translate(string kind, string english) =>
        Resources.GetString($"{kind}.{english}", CultureInfo.CurrentUICulture) ?? english;
}
