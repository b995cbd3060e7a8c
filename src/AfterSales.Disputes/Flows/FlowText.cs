namespace AfterSales.Disputes.Flows;

/// <summary>Shared wording for messages and diagrams.</summary>
internal static class FlowText
{
    private static readonly Party[] s_parties =
        [Party.Buyer, Party.Seller, Party.Arbitrator, Party.ServiceCenter, Party.System];

    /// <summary>"Buyer", "Buyer or Seller", "nobody".</summary>
    public static string Parties(Party parties, string separator = " or ")
    {
        var names = s_parties.Where(p => (parties & p) != 0).Select(p => p.ToString()).ToList();
        return names.Count == 0 ? "nobody" : string.Join(separator, names);
    }
}
