namespace AfterSales.Disputes.Policies;

/// <summary>Who pays for sending goods back.</summary>
public enum ShippingPayer
{
    /// <summary>The buyer pays, as for no-reason returns under the China pack.</summary>
    Buyer,

    /// <summary>The seller pays, as for faults.</summary>
    Seller,
}
