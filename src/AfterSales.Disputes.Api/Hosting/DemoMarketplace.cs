namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// The demo marketplace's parties. Its regions, stores and brand warranty are data, in <c>marketplace/demo.json</c>,
/// which Development imports as a marketplace imports its own (<c>AfterSales:Marketplace:SeedFile</c>).
/// </summary>
internal static class DemoMarketplace
{
    /// <summary>The file Development seeds the marketplace from.</summary>
    public const string SeedFile = "marketplace/demo.json";

    public const string Flagship = "store-linkwave-flagship";
    public const string Reseller = "store-netgear-hub";
    public const string ServiceCenter = "sc-linkwave-shenzhen";
}
