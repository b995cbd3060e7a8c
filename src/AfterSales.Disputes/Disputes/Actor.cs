namespace AfterSales.Disputes.Disputes;

/// <summary>Who acts: the kind of party and its id (buyer id, store id, arbitrator id, service center id).</summary>
/// <param name="Party">The kind of party.</param>
/// <param name="Id">The party's id.</param>
public sealed record Actor(Party Party, string Id)
{
    /// <summary>The engine itself, for deadline expiry and automatic outcomes.</summary>
    public static Actor System { get; } = new(Party.System, "system");

    /// <summary>A buyer.</summary>
    public static Actor Buyer(string id) => new(Party.Buyer, id);

    /// <summary>A store acting as seller.</summary>
    public static Actor Seller(string storeId) => new(Party.Seller, storeId);

    /// <summary>A platform arbitrator.</summary>
    public static Actor Arbitrator(string id) => new(Party.Arbitrator, id);

    /// <summary>A brand's service center.</summary>
    public static Actor ServiceCenter(string id) => new(Party.ServiceCenter, id);

    /// <summary>"Seller s-1".</summary>
    public override string ToString() => $"{Party} {Id}";
}
